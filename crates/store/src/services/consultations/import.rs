//! Paper answers keyed in later (issue 11: response imports): one row of a `consultation_responses`
//! import is one response, checked by exactly the checks of the public form (`submission`) and written
//! with channel `import`. The file's columns are the public body's fields — `lang`,
//! `profile.country|sector|size_class|women_led` and `answers.<question code>` — so a refused cell is
//! reported under the very name (and code) the API's 422 gives it.
//!
//! Anonymous stays anonymous: the response links no user and no stakeholder, and carries nothing of
//! the importer but its channel and the import's id (in `external_id`, `import:<import id>:<row>`),
//! which is what lets an import be traced and its responses be told apart from typed-in duplicates.

use chrono::Utc;
use gmc_domain::consultation::{Channel, ConsultationStatus, Question, QuestionKind};
use gmc_domain::ids::DelegationId;
use gmc_domain::import::RowOutcome;
use gmc_domain::policy::reads_response_rows;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::columns::questions_of;
use super::submission::{check_submission, job_of, NewResponse, ProfileInput};
use crate::entities::{answers, consultations, responses};
use crate::services::access::find_readable;
use crate::{AppError, AppResult};

/// The respondent's columns; every other column is `answers.<question code>`.
pub const RESPONDENT_COLUMNS: &[&str] =
    &["lang", "profile.country", "profile.sector", "profile.size_class", "profile.women_led"];

/// The consultation an import writes to, with its questionnaire read once.
pub struct Target {
    pub row: consultations::Model,
    pub questions: Vec<Question>,
}

/// The consultation `id` if the actor may import answers to it: the owners who read its responses
/// (`policy::reads_response_rows`) of the delegation the import is for. Anyone else gets 404 — even a
/// delegation that may read the consultation itself, since its responses are not theirs to see or add.
/// Open and closed consultations take paper answers (forms handed out during the round often arrive
/// after its link closed); a draft has no final questionnaire and an archived round is over: 409.
pub async fn target<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    delegation: DelegationId,
) -> AppResult<Target> {
    let row: consultations::Model = find_readable(db, actor, id).await?;
    let owner = row.delegation_id.map(DelegationId::from_uuid);
    if !reads_response_rows(actor, owner) || owner != Some(delegation) {
        return Err(AppError::NotFound("consultation"));
    }
    match row.status.0 {
        ConsultationStatus::Open | ConsultationStatus::Closed => {}
        ConsultationStatus::Draft => {
            return Err(AppError::Closed("the consultation is a draft; open it before importing answers".into()))
        }
        ConsultationStatus::Archived => {
            return Err(AppError::Closed("the consultation is archived and takes no more responses".into()))
        }
    }
    let questions = questions_of(&row)?;
    Ok(Target { row, questions })
}

/// A cell as the public body would carry it: text cells are converted by the question's kind (choices
/// of a multiple-choice question separated by `;` or `|`, numbers parsed); a cell that does not convert
/// is passed on as text, so that the form's own check names it (`invalid_type`). Empty is unanswered.
fn cell(question: Option<&Question>, value: &Value, typed: bool) -> Option<Value> {
    let text = match value {
        Value::String(s) => s.trim(),
        Value::Null => return None,
        other => return Some(other.clone()),
    };
    if text.is_empty() {
        return None;
    }
    if typed {
        return Some(Value::String(text.to_owned()));
    }
    Some(match question.map(|q| q.kind) {
        Some(QuestionKind::MultiChoice) => {
            Value::Array(text.split([';', '|']).map(str::trim).filter(|s| !s.is_empty()).map(Value::from).collect())
        }
        Some(QuestionKind::Scale | QuestionKind::Number) => {
            text.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or_else(|| text.into(), Value::Number)
        }
        _ => Value::String(text.to_owned()),
    })
}

fn flag(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Some(true),
            "false" | "no" | "0" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Writes one row (`values` by column; `typed` for JSON rows) on `db`, the import's transaction. A
/// refused row answers `AppError::Validation` with the public form's fields and codes.
pub async fn write_row<C: ConnectionTrait>(
    db: &C,
    t: &Target,
    values: &Map<String, Value>,
    typed: bool,
    import_id: Uuid,
    number: u64,
) -> AppResult<RowOutcome> {
    let mut e = ValidationErrors::new();
    let (mut lang, mut answers, mut profile) = (None, Map::new(), ProfileInput::default());
    for (name, raw) in values {
        let text = || cell(None, raw, true).and_then(|v| v.as_str().map(str::to_owned));
        match name.as_str() {
            "lang" => lang = text(),
            "profile.country" => profile.country = text(),
            "profile.sector" => profile.sector = text(),
            "profile.size_class" => profile.size_class = text(),
            "profile.women_led" => match cell(None, raw, true) {
                None => {}
                Some(v) => match flag(&v) {
                    Some(b) => profile.women_led = Some(b),
                    None => e.add(name, "invalid_format", "must be true or false"),
                },
            },
            other => match other.strip_prefix("answers.") {
                Some(code) => {
                    let q = t.questions.iter().find(|q| q.code == code);
                    if let Some(v) = cell(q, raw, typed) {
                        answers.insert(code.to_owned(), v);
                    }
                }
                None => e.add(name, "unknown_field", "is not a column of this file (lang, profile.*, answers.<code>)"),
            },
        }
    }
    let checked = match check_submission(db, &t.row, lang, &answers, Some(profile)).await {
        Ok(c) if e.is_empty() => c,
        Ok(_) => return Err(e.into()),
        Err(AppError::Validation(v)) => {
            for f in v.into_vec() {
                e.add(&f.field, &f.code, f.message);
            }
            return Err(e.into());
        }
        Err(other) => return Err(other),
    };
    let fresh = NewResponse {
        id: Uuid::now_v7(),
        stakeholder_id: None,
        channel: Channel::Import,
        external_id: Some(format!("import:{import_id}:{number}")),
        at: Utc::now(),
    };
    let (response, rows, counts) = job_of(&t.row, fresh, checked)?;
    responses::Entity::insert(response).exec_without_returning(db).await?;
    for chunk in rows.chunks(1000) {
        answers::Entity::insert_many(chunk.to_vec()).exec_without_returning(db).await?;
    }
    super::counts::upsert(db, counts).await?;
    Ok(RowOutcome::Inserted)
}

/// One column of a consultation's template: its name, what it holds, an example, the allowed codes.
pub struct TemplateColumn {
    pub name: String,
    pub help: String,
    pub example: String,
    pub codes: Vec<(String, String)>,
}

/// The columns of consultation `id`'s file, for its template: the respondent's, then one per question
/// in questionnaire order with its prompt (English) and allowed option codes. Whoever reads the
/// consultation may download it (its questionnaire is the public form's).
pub async fn template_columns<C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> AppResult<Vec<TemplateColumn>> {
    let row: consultations::Model = find_readable(db, actor, id).await?;
    let languages: Vec<String> = super::columns::json_list(&row.languages)?;
    let col = |name: &str, help: &str, example: &str, codes: Vec<(String, String)>| TemplateColumn {
        name: name.to_owned(),
        help: help.to_owned(),
        example: example.to_owned(),
        codes,
    };
    let sizes = gmc_domain::stakeholder::SizeClass::ALL.iter().map(|s| (s.as_str().to_owned(), s.as_str().to_owned()));
    let mut out = vec![
        col(
            "lang",
            "The language answered in (default en)",
            "en",
            languages.iter().map(|l| (l.clone(), l.clone())).collect(),
        ),
        col("profile.country", "The respondent's country, ISO alpha-3 (optional)", "", Vec::new()),
        col("profile.sector", "ISIC Rev.4 section (optional)", "", Vec::new()),
        col("profile.size_class", "micro, small or medium (optional)", "", sizes.collect()),
        col("profile.women_led", "true or false (optional)", "", Vec::new()),
    ];
    for q in questions_of(&row)? {
        let prompt = Question::text_in(&q.prompt, gmc_domain::consultation::BASE_LANGUAGE);
        let rule = match q.kind {
            QuestionKind::SingleChoice => "one option code".to_owned(),
            QuestionKind::MultiChoice => "option codes separated by ;".to_owned(),
            QuestionKind::Scale | QuestionKind::Number => match (q.min, q.max) {
                (Some(a), Some(b)) => format!("a number from {a} to {b}"),
                _ => "a number".to_owned(),
            },
            QuestionKind::Text => "text".to_owned(),
        };
        let required = if q.required { "required" } else { "optional" };
        let codes: Vec<(String, String)> =
            q.options.iter().map(|o| (o.id.clone(), Question::text_in(&o.label, "en"))).collect();
        let example = codes.first().map(|(c, _)| c.clone()).unwrap_or_default();
        let help = format!("{prompt} ({rule}, {required})");
        out.push(col(&format!("answers.{}", q.code), &help, &example, codes));
    }
    Ok(out)
}
