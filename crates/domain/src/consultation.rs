//! Consultations: the questionnaire and its rules (codes, kinds, options, translations), the lifecycle
//! `draft → open → closed → archived` with scheduled dates, and the checking of one response's answers
//! against the questionnaire, every problem named by field.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::error::{has_control_chars, FieldProblem, ValidationErrors};
use crate::string_enum;

string_enum!(ConsultationStatus {
    Draft => "draft",
    Open => "open",
    Closed => "closed",
    Archived => "archived",
});

string_enum!(QuestionKind {
    SingleChoice => "single_choice",
    MultiChoice => "multi_choice",
    Scale => "scale",
    Number => "number",
    Text => "text",
});

/// Respondent profiles use the stakeholders' size classes.
pub use crate::stakeholder::SizeClass;

string_enum!(
    /// How a response arrived.
    Channel {
        Web => "web",
        Import => "import",
        Api => "api",
    }
);

string_enum!(
    /// What the public link offers right now.
    PublicState {
        Open => "open",
        NotYetOpen => "not_yet_open",
        Closed => "closed",
    }
);

/// English plus the languages of South and Southeast Asia a consultation may be held in.
pub const LANGUAGES: &[&str] =
    &["en", "bn", "ne", "si", "ta", "ur", "hi", "dv", "km", "lo", "my", "th", "vi", "id", "ms", "fil", "tet", "zh"];

pub const BASE_LANGUAGE: &str = "en";
pub const MAX_QUESTIONS: usize = 100;
pub const MAX_OPTIONS: usize = 30;
pub const TEXT_MAX_DEFAULT: u32 = 2000;
const PROMPT_MAX: usize = 1000;
const LABEL_MAX: usize = 300;

/// A text in several languages, keyed by language code.
pub type Texts = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionOption {
    /// Stable id, like a question code; answers carry it.
    pub id: String,
    /// The label per language.
    pub label: Texts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// Stable code, unique in the questionnaire: `^[a-z][a-z0-9_]{0,39}$`.
    pub code: String,
    pub kind: QuestionKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub topic_id: Option<Uuid>,
    /// The prompt per language.
    pub prompt: Texts,
    /// Choice kinds only: at least 2.
    #[serde(default)]
    pub options: Vec<QuestionOption>,
    /// `scale`: integer lowest value (required); `number`: optional lower bound.
    #[serde(default)]
    pub min: Option<f64>,
    /// `scale`: integer highest value (required); `number`: optional upper bound.
    #[serde(default)]
    pub max: Option<f64>,
    /// `scale` only: the label of the lowest value, per language.
    #[serde(default)]
    pub min_label: Option<Texts>,
    /// `scale` only: the label of the highest value, per language.
    #[serde(default)]
    pub max_label: Option<Texts>,
    /// `text` only: the longest answer in characters (default 2000).
    #[serde(default)]
    pub max_length: Option<u32>,
}

impl Question {
    pub fn is_choice(&self) -> bool {
        matches!(self.kind, QuestionKind::SingleChoice | QuestionKind::MultiChoice)
    }

    /// The text in `lang`, else English, else any.
    pub fn text_in(texts: &Texts, lang: &str) -> String {
        texts
            .get(lang)
            .or_else(|| texts.get(BASE_LANGUAGE))
            .or_else(|| texts.values().next())
            .cloned()
            .unwrap_or_default()
    }
}

/// A code or option id: lower-case ASCII, digits and underscores, starting with a letter.
pub fn valid_code(code: &str) -> bool {
    let mut chars = code.chars();
    matches!(chars.next(), Some('a'..='z'))
        && code.len() <= 40
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Checks the language list: known codes, no repeats, English first (added when missing).
pub fn check_languages(langs: &[String]) -> Result<Vec<String>, FieldProblem> {
    let mut out = vec![BASE_LANGUAGE.to_owned()];
    for l in langs {
        if !LANGUAGES.contains(&l.as_str()) {
            return Err(FieldProblem::new("invalid_choice", format!("`{l}` is not one of: {}", LANGUAGES.join(", "))));
        }
        if l != BASE_LANGUAGE && out.contains(l) {
            return Err(FieldProblem::new("duplicate", format!("`{l}` is listed twice")));
        }
        if l != BASE_LANGUAGE {
            out.push(l.clone());
        }
    }
    Ok(out)
}

fn check_texts(e: &mut ValidationErrors, field: &str, texts: &Texts, langs: &[String], max: usize, complete: bool) {
    for (lang, text) in texts {
        if !langs.contains(lang) {
            e.add(&format!("{field}.{lang}"), "unknown_language", "is not a language of the consultation");
        } else if has_control_chars(text) {
            e.add(&format!("{field}.{lang}"), "invalid_character", "must not contain control characters");
        } else if text.chars().count() > max {
            e.add(&format!("{field}.{lang}"), "too_long", format!("must be at most {max} characters"));
        }
    }
    // English is always needed; the other languages once the consultation opens.
    for lang in langs.iter().filter(|l| complete || l.as_str() == BASE_LANGUAGE) {
        if texts.get(lang).is_none_or(|t| t.trim().is_empty()) {
            let message = if lang == BASE_LANGUAGE { "needs the English text" } else { "needs this translation" };
            e.add(&format!("{field}.{lang}"), "missing_translation", message);
        }
    }
}

fn is_integer(v: f64) -> bool {
    v.is_finite() && v.fract() == 0.0
}

/// Checks a questionnaire. `complete` (when opening) also requires every language's texts. Texts are
/// trimmed and `max_length` defaulted in place.
pub fn check_questionnaire(questions: &mut [Question], langs: &[String], complete: bool) -> ValidationErrors {
    let mut e = ValidationErrors::new();
    if questions.len() > MAX_QUESTIONS {
        e.add("questions", "too_many", format!("may hold at most {MAX_QUESTIONS} questions"));
        return e;
    }
    if complete && questions.is_empty() {
        e.add("questions", "required", "needs at least one question before opening");
    }
    let mut codes = HashSet::new();
    for (i, q) in questions.iter_mut().enumerate() {
        let f = format!("questions[{i}]");
        trim_texts(&mut q.prompt);
        if !valid_code(&q.code) {
            e.add(
                &format!("{f}.code"),
                "invalid_format",
                "must be lower-case letters, digits or _, starting with a letter (≤ 40)",
            );
        } else if !codes.insert(q.code.clone()) {
            e.add(&format!("{f}.code"), "duplicate", format!("`{}` is used by another question", q.code));
        }
        check_texts(&mut e, &format!("{f}.prompt"), &q.prompt, langs, PROMPT_MAX, complete);
        if q.is_choice() {
            check_options(&mut e, &f, &mut q.options, langs, complete);
        } else if !q.options.is_empty() {
            e.add(&format!("{f}.options"), "not_allowed", "only choice questions have options");
        }
        check_bounds(&mut e, &f, q, langs, complete);
    }
    e
}

fn trim_texts(texts: &mut Texts) {
    for t in texts.values_mut() {
        *t = t.trim().to_owned();
    }
}

fn check_options(e: &mut ValidationErrors, f: &str, options: &mut [QuestionOption], langs: &[String], complete: bool) {
    if options.len() < 2 {
        e.add(&format!("{f}.options"), "too_few", "a choice question needs at least 2 options");
    } else if options.len() > MAX_OPTIONS {
        e.add(&format!("{f}.options"), "too_many", format!("may hold at most {MAX_OPTIONS} options"));
    }
    let mut ids = HashSet::new();
    for (j, o) in options.iter_mut().enumerate() {
        trim_texts(&mut o.label);
        if !valid_code(&o.id) {
            e.add(
                &format!("{f}.options[{j}].id"),
                "invalid_format",
                "must be lower-case letters, digits or _, starting with a letter",
            );
        } else if !ids.insert(o.id.clone()) {
            e.add(&format!("{f}.options[{j}].id"), "duplicate", format!("`{}` is used by another option", o.id));
        }
        check_texts(e, &format!("{f}.options[{j}].label"), &o.label, langs, LABEL_MAX, complete);
    }
}

fn check_bounds(e: &mut ValidationErrors, f: &str, q: &mut Question, langs: &[String], complete: bool) {
    let scale = q.kind == QuestionKind::Scale;
    if !scale && (q.min_label.is_some() || q.max_label.is_some()) {
        e.add(&format!("{f}.min_label"), "not_allowed", "only scale questions have end labels");
    }
    if q.kind != QuestionKind::Text && q.max_length.is_some() {
        e.add(&format!("{f}.max_length"), "not_allowed", "only text questions have a maximum length");
    }
    match q.kind {
        QuestionKind::Scale => match (q.min, q.max) {
            (Some(min), Some(max))
                if is_integer(min) && is_integer(max) && (0.0..=10.0).contains(&min) && min < max && max <= 10.0 =>
            {
                for (name, label) in [("min_label", &mut q.min_label), ("max_label", &mut q.max_label)] {
                    if let Some(texts) = label {
                        trim_texts(texts);
                        check_texts(e, &format!("{f}.{name}"), texts, langs, LABEL_MAX, complete);
                    }
                }
            }
            _ => e.add(
                &format!("{f}.max"),
                "invalid_range",
                "a scale needs whole-number min and max with 0 ≤ min < max ≤ 10",
            ),
        },
        QuestionKind::Number => {
            if q.min.is_some_and(|v| !v.is_finite()) || q.max.is_some_and(|v| !v.is_finite()) {
                e.add(&format!("{f}.min"), "invalid_range", "bounds must be finite numbers");
            } else if let (Some(min), Some(max)) = (q.min, q.max) {
                if min >= max {
                    e.add(&format!("{f}.max"), "invalid_range", "must be greater than min");
                }
            }
        }
        QuestionKind::Text => {
            let len = q.max_length.get_or_insert(TEXT_MAX_DEFAULT);
            if !(1..=5000).contains(len) {
                e.add(&format!("{f}.max_length"), "out_of_range", "must be between 1 and 5000");
            }
            if q.min.is_some() || q.max.is_some() {
                e.add(&format!("{f}.min"), "not_allowed", "only scale and number questions have bounds");
            }
        }
        QuestionKind::SingleChoice | QuestionKind::MultiChoice => {
            if q.min.is_some() || q.max.is_some() {
                e.add(&format!("{f}.min"), "not_allowed", "only scale and number questions have bounds");
            }
        }
    }
}

/// The title and description of a consultation in one of its other languages; an empty one falls back
/// to the default (English) text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TitleText {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// Translations of the title and description, keyed by language code (never `en`: the consultation's own
/// `title` and `description` are the English text).
pub type Translations = BTreeMap<String, TitleText>;

pub const TITLE_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 4000;
/// The "you said, we did" note is short: a few paragraphs per language.
pub const FEEDBACK_MAX: usize = 3000;

/// Checks translations against the consultation's languages, naming `translations.<lang>[.title]`;
/// texts are trimmed, and languages with neither text dropped (they fall back anyway).
pub fn check_translations(e: &mut ValidationErrors, translations: &mut Translations, langs: &[String]) {
    translations.retain(|_, t| {
        t.title = t.title.trim().to_owned();
        t.description = t.description.trim().to_owned();
        !(t.title.is_empty() && t.description.is_empty())
    });
    for (lang, t) in translations.iter() {
        let f = format!("translations.{lang}");
        if !LANGUAGES.contains(&lang.as_str()) {
            e.add(&f, "invalid_choice", format!("`{}` is not a known language code", clip(lang)));
        } else if lang == BASE_LANGUAGE {
            e.add(&f, "not_allowed", "the English text is the consultation's own title and description");
        } else if !langs.contains(lang) {
            e.add(&f, "unknown_language", "is not a language of the consultation");
        } else {
            for (name, text, max) in [("title", &t.title, TITLE_MAX), ("description", &t.description, DESCRIPTION_MAX)]
            {
                if has_control_chars(text) || (name == "title" && text.contains(['\n', '\r'])) {
                    e.add(&format!("{f}.{name}"), "invalid_character", "must not contain control characters");
                } else if text.chars().count() > max {
                    e.add(&format!("{f}.{name}"), "too_long", format!("must be at most {max} characters"));
                }
            }
        }
    }
}

/// The title and description in `lang`, each falling back to the default text when not translated.
pub fn title_in(translations: &Translations, lang: &str, title: &str, description: &str) -> (String, String) {
    let t = translations.get(lang);
    let pick = |text: Option<&String>, default: &str| text.filter(|s| !s.is_empty()).map_or(default, |s| s).to_owned();
    (pick(t.map(|t| &t.title), title), pick(t.map(|t| &t.description), description))
}

/// Checks a "you said, we did" note: English needed, the consultation's other languages optional, each at
/// most `FEEDBACK_MAX` characters (line breaks allowed). Texts are trimmed and empty ones dropped.
pub fn check_feedback(texts: &mut Texts, langs: &[String]) -> ValidationErrors {
    texts.retain(|_, t| {
        *t = t.trim().to_owned();
        !t.is_empty()
    });
    let mut e = ValidationErrors::new();
    check_texts(&mut e, "texts", texts, langs, FEEDBACK_MAX, false);
    e
}

/// A note on what came of a consultation is published only once it no longer takes answers.
pub fn may_publish_feedback(status: ConsultationStatus) -> bool {
    matches!(status, ConsultationStatus::Closed | ConsultationStatus::Archived)
}

/// May a consultation move from `from` to `to`?
pub fn check_transition(from: ConsultationStatus, to: ConsultationStatus) -> Result<(), FieldProblem> {
    use ConsultationStatus::*;
    match (from, to) {
        (Draft, Open) | (Open, Closed) | (Closed, Open) | (Closed, Archived) => Ok(()),
        _ => Err(FieldProblem::new("invalid_transition", format!("a consultation cannot go from {from} to {to}"))),
    }
}

/// What the public link offers at `now`, honouring the scheduled dates.
pub fn public_state(
    status: ConsultationStatus,
    opens_at: Option<DateTime<Utc>>,
    closes_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> PublicState {
    match status {
        ConsultationStatus::Open if closes_at.is_some_and(|c| now >= c) => PublicState::Closed,
        ConsultationStatus::Open if opens_at.is_some_and(|o| now < o) => PublicState::NotYetOpen,
        ConsultationStatus::Open => PublicState::Open,
        ConsultationStatus::Draft => PublicState::NotYetOpen,
        ConsultationStatus::Closed | ConsultationStatus::Archived => PublicState::Closed,
    }
}

/// One checked answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Choices(Vec<String>),
    Value(f64),
    Text(String),
}

/// Checks a response's answers against the questionnaire; returns `(code, answer)` for every
/// question answered, in questionnaire order.
pub fn check_answers(
    questions: &[Question],
    answers: &Map<String, Value>,
) -> Result<Vec<(String, Answer)>, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let known: HashSet<&str> = questions.iter().map(|q| q.code.as_str()).collect();
    for key in answers.keys().filter(|k| !known.contains(k.as_str())) {
        e.add(&format!("answers.{key}"), "unknown_question", "is not a question of this consultation");
    }
    let mut out = Vec::new();
    for q in questions {
        let field = format!("answers.{}", q.code);
        match answers.get(&q.code).map(|v| answer_of(q, v)) {
            Some(Ok(Some(a))) => out.push((q.code.clone(), a)),
            Some(Err(p)) => e.add(&field, p.code, p.message),
            None | Some(Ok(None)) if q.required => e.add(&field, "required", "needs an answer"),
            None | Some(Ok(None)) => {}
        }
    }
    e.finish()?;
    Ok(out)
}

fn answer_of(q: &Question, v: &Value) -> Result<Option<Answer>, FieldProblem> {
    if v.is_null() {
        return Ok(None);
    }
    let option_ok = |id: &str| q.options.iter().any(|o| o.id == id);
    match q.kind {
        QuestionKind::SingleChoice => {
            let id = v.as_str().ok_or_else(|| FieldProblem::new("invalid_type", "must be one option id"))?;
            if !option_ok(id) {
                return Err(FieldProblem::new(
                    "invalid_option",
                    format!("`{}` is not an option of this question", clip(id)),
                ));
            }
            Ok(Some(Answer::Choices(vec![id.to_owned()])))
        }
        QuestionKind::MultiChoice => {
            let items =
                v.as_array().ok_or_else(|| FieldProblem::new("invalid_type", "must be a list of option ids"))?;
            let mut ids: Vec<String> = Vec::with_capacity(items.len());
            for item in items {
                let id =
                    item.as_str().ok_or_else(|| FieldProblem::new("invalid_type", "must be a list of option ids"))?;
                if !option_ok(id) {
                    return Err(FieldProblem::new(
                        "invalid_option",
                        format!("`{}` is not an option of this question", clip(id)),
                    ));
                }
                if ids.iter().any(|x| x == id) {
                    return Err(FieldProblem::new("duplicate_option", format!("`{id}` is chosen twice")));
                }
                ids.push(id.to_owned());
            }
            Ok((!ids.is_empty()).then_some(Answer::Choices(ids)))
        }
        QuestionKind::Scale | QuestionKind::Number => {
            let n = v
                .as_f64()
                .filter(|n| n.is_finite())
                .ok_or_else(|| FieldProblem::new("invalid_type", "must be a number"))?;
            if q.kind == QuestionKind::Scale && !is_integer(n) {
                return Err(FieldProblem::new("not_integer", "must be a whole number on the scale"));
            }
            if q.min.is_some_and(|min| n < min) || q.max.is_some_and(|max| n > max) {
                let range = match (q.min, q.max) {
                    (Some(a), Some(b)) => format!("between {a} and {b}"),
                    (Some(a), None) => format!("at least {a}"),
                    (None, Some(b)) => format!("at most {b}"),
                    (None, None) => String::new(),
                };
                return Err(FieldProblem::new("out_of_range", format!("must be {range}")));
            }
            Ok(Some(Answer::Value(n)))
        }
        QuestionKind::Text => {
            let t = v.as_str().ok_or_else(|| FieldProblem::new("invalid_type", "must be text"))?.trim();
            let max = q.max_length.unwrap_or(TEXT_MAX_DEFAULT) as usize;
            if has_control_chars(t) {
                return Err(FieldProblem::new("invalid_character", "must not contain control characters"));
            }
            if t.chars().count() > max {
                return Err(FieldProblem::new("too_long", format!("must be at most {max} characters")));
            }
            Ok((!t.is_empty()).then(|| Answer::Text(t.to_owned())))
        }
    }
}

/// Echoes at most 40 characters of a client value back in a message.
fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

/// The median of a distribution given as `(value, count)` pairs in any order; the mean of the two
/// middle values when the count is even.
pub fn median(pairs: &[(f64, i64)]) -> Option<f64> {
    let mut sorted: Vec<(f64, i64)> = pairs.iter().copied().filter(|(_, n)| *n > 0).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: i64 = sorted.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    // 1-based ranks of the middle value(s).
    let (lo, hi) = ((total + 1) / 2, total / 2 + 1);
    let at = |rank: i64| {
        let mut seen = 0;
        for (v, n) in &sorted {
            seen += n;
            if seen >= rank {
                return *v;
            }
        }
        // Unreachable: the ranks are at most `total`, the sum of the counts walked above.
        sorted.last().map_or(0.0, |(v, _)| *v)
    };
    Some((at(lo) + at(hi)) / 2.0)
}

/// The small-cell rule: a breakdown cell of fewer than `k` respondents is withheld, except for admins.
pub fn withheld(count: i64, k: i64, sees_all: bool) -> bool {
    !sees_all && count < k
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn texts(pairs: &[(&str, &str)]) -> Texts {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn choice(code: &str, required: bool) -> Question {
        Question {
            code: code.into(),
            kind: QuestionKind::SingleChoice,
            required,
            topic_id: None,
            prompt: texts(&[("en", "Which?"), ("bn", "কোনটি?")]),
            options: vec![
                QuestionOption { id: "yes".into(), label: texts(&[("en", "Yes"), ("bn", "হ্যাঁ")]) },
                QuestionOption { id: "no".into(), label: texts(&[("en", "No"), ("bn", "না")]) },
            ],
            min: None,
            max: None,
            min_label: None,
            max_label: None,
            max_length: None,
        }
    }

    fn scale(code: &str) -> Question {
        Question { kind: QuestionKind::Scale, options: vec![], min: Some(1.0), max: Some(5.0), ..choice(code, false) }
    }

    fn langs() -> Vec<String> {
        vec!["en".into(), "bn".into()]
    }

    fn fields(e: &ValidationErrors) -> Vec<String> {
        e.errors().iter().map(|f| f.field.clone()).collect()
    }

    #[test]
    fn choice_questions_need_two_options_and_unique_codes() {
        let mut one = choice("q1", true);
        one.options.pop();
        let mut qs = vec![one, choice("q1", false)];
        let e = check_questionnaire(&mut qs, &langs(), false);
        assert_eq!(fields(&e), vec!["questions[0].options", "questions[1].code"]);
    }

    #[test]
    fn opening_needs_every_translation_but_a_draft_only_english() {
        let mut q = choice("q1", true);
        q.options[1].label.remove("bn");
        let mut qs = vec![q];
        assert!(check_questionnaire(&mut qs, &langs(), false).is_empty());
        let e = check_questionnaire(&mut qs, &langs(), true);
        assert_eq!(fields(&e), vec!["questions[0].options[1].label.bn"]);
        assert!(!check_questionnaire(&mut [], &langs(), true).is_empty(), "opening needs a question");
    }

    #[test]
    fn scales_need_whole_bounds_and_text_gets_a_default_length() {
        let mut bad = scale("s");
        bad.max = Some(4.5);
        let mut text = Question { kind: QuestionKind::Text, options: vec![], ..choice("t", false) };
        let mut qs = vec![bad, text.clone()];
        assert_eq!(fields(&check_questionnaire(&mut qs, &langs(), false)), vec!["questions[0].max"]);
        text.max_length = Some(0);
        assert_eq!(fields(&check_questionnaire(&mut [text], &langs(), false)), vec!["questions[0].max_length"]);
        assert_eq!(qs[1].max_length, Some(TEXT_MAX_DEFAULT));
    }

    #[test]
    fn languages_start_with_english_and_must_be_known() {
        assert_eq!(check_languages(&["bn".into()]).unwrap(), vec!["en", "bn"]);
        assert!(check_languages(&["xx".into()]).is_err());
        assert!(check_languages(&["bn".into(), "bn".into()]).is_err());
    }

    #[test]
    fn each_kind_of_bad_answer_names_its_field_and_code() {
        let multi = Question { kind: QuestionKind::MultiChoice, ..choice("m", false) };
        let number =
            Question { kind: QuestionKind::Number, options: vec![], min: Some(0.0), max: None, ..choice("n", false) };
        let text = Question { kind: QuestionKind::Text, options: vec![], max_length: Some(3), ..choice("t", false) };
        let qs = vec![choice("c", true), multi, scale("s"), number, text];
        let bad = json!({"c": "maybe", "m": ["yes", "yes"], "s": 2.5, "n": -1, "t": "long", "zz": 1});
        let e = check_answers(&qs, bad.as_object().unwrap()).unwrap_err();
        let got: Vec<(String, &str)> = e.errors().iter().map(|f| (f.field.clone(), f.code.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("answers.zz".into(), "unknown_question"),
                ("answers.c".into(), "invalid_option"),
                ("answers.m".into(), "duplicate_option"),
                ("answers.s".into(), "not_integer"),
                ("answers.n".into(), "out_of_range"),
                ("answers.t".into(), "too_long"),
            ]
        );
        let missing = check_answers(&qs, json!({"s": 9}).as_object().unwrap()).unwrap_err();
        let got: Vec<(String, &str)> = missing.errors().iter().map(|f| (f.field.clone(), f.code.as_str())).collect();
        assert_eq!(got, vec![("answers.c".into(), "required"), ("answers.s".into(), "out_of_range")]);
        let wrong_type = check_answers(&qs, json!({"c": 1}).as_object().unwrap()).unwrap_err();
        assert_eq!(wrong_type.errors()[0].code, "invalid_type");
    }

    #[test]
    fn good_answers_come_back_in_questionnaire_order_and_blanks_are_skips() {
        let qs = vec![
            choice("c", true),
            scale("s"),
            Question { kind: QuestionKind::Text, options: vec![], ..choice("t", false) },
        ];
        let got = check_answers(&qs, json!({"t": "  ", "s": 3, "c": "no"}).as_object().unwrap()).unwrap();
        assert_eq!(got, vec![("c".into(), Answer::Choices(vec!["no".into()])), ("s".into(), Answer::Value(3.0))]);
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&[(3.0, 1), (1.0, 1), (2.0, 1)]), Some(2.0));
        assert_eq!(median(&[(1.0, 2), (4.0, 2)]), Some(2.5));
        assert_eq!(median(&[(5.0, 0)]), None);
        assert_eq!(median(&[(2.0, 5), (9.0, 1)]), Some(2.0));
    }

    #[test]
    fn scheduled_dates_are_honoured_and_transitions_follow_the_lifecycle() {
        let now = Utc::now();
        let hour = chrono::Duration::hours(1);
        use ConsultationStatus::*;
        assert_eq!(public_state(Open, Some(now + hour), None, now), PublicState::NotYetOpen);
        assert_eq!(public_state(Open, Some(now - hour), Some(now + hour), now), PublicState::Open);
        assert_eq!(public_state(Open, None, Some(now - hour), now), PublicState::Closed);
        assert_eq!(public_state(Closed, None, None, now), PublicState::Closed);
        assert!(check_transition(Draft, Open).is_ok());
        assert!(check_transition(Closed, Open).is_ok());
        assert!(check_transition(Open, Draft).is_err());
        assert!(check_transition(Archived, Open).is_err());
    }

    #[test]
    fn translations_name_each_bad_language_and_fall_back_per_field() {
        let mut tr = Translations::new();
        tr.insert("bn".into(), TitleText { title: " রপ্তানি ".into(), description: String::new() });
        tr.insert("ne".into(), TitleText { title: "निर्यात".into(), description: String::new() });
        tr.insert("xx".into(), TitleText { title: "?".into(), description: String::new() });
        tr.insert("en".into(), TitleText { title: "Export".into(), description: String::new() });
        tr.insert("ur".into(), TitleText::default());
        let mut e = ValidationErrors::new();
        check_translations(&mut e, &mut tr, &langs());
        assert_eq!(fields(&e), vec!["translations.en", "translations.ne", "translations.xx"]);
        assert!(!tr.contains_key("ur"), "an empty translation is dropped");
        let (title, description) = title_in(&tr, "bn", "Exports", "About exporting");
        assert_eq!((title.as_str(), description.as_str()), ("রপ্তানি", "About exporting"));
        assert_eq!(title_in(&tr, "si", "Exports", "").0, "Exports");
        let mut long = Translations::new();
        long.insert("bn".into(), TitleText { title: "a\nb".into(), description: "x".repeat(DESCRIPTION_MAX + 1) });
        let mut e = ValidationErrors::new();
        check_translations(&mut e, &mut long, &langs());
        assert_eq!(fields(&e), vec!["translations.bn.title", "translations.bn.description"]);
    }

    #[test]
    fn feedback_needs_english_fits_the_languages_and_waits_for_the_close() {
        let mut ok = texts(&[("en", "You said exports stall.\n\nWe raised it."), ("bn", "  ")]);
        assert!(check_feedback(&mut ok, &langs()).is_empty());
        assert!(!ok.contains_key("bn"), "a blank translation is dropped");
        let mut bad = texts(&[("bn", "x"), ("ne", "y")]);
        assert_eq!(fields(&check_feedback(&mut bad, &langs())), vec!["texts.ne", "texts.en"]);
        let mut long = texts(&[("en", &"x".repeat(FEEDBACK_MAX + 1))]);
        assert_eq!(fields(&check_feedback(&mut long, &langs())), vec!["texts.en"]);
        assert!(may_publish_feedback(ConsultationStatus::Closed));
        assert!(may_publish_feedback(ConsultationStatus::Archived));
        assert!(!may_publish_feedback(ConsultationStatus::Open));
        assert!(!may_publish_feedback(ConsultationStatus::Draft));
    }

    #[test]
    fn cells_below_k_are_withheld_except_for_admins() {
        assert!(withheld(4, 5, false));
        assert!(!withheld(5, 5, false));
        assert!(!withheld(1, 5, true));
    }
}
