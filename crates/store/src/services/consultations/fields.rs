//! Checking a consultation's fields, every problem named by field; questions and languages change only
//! while the consultation is a draft.

use chrono::{DateTime, Utc};
use gmc_domain::consultation::{
    check_languages, check_questionnaire, check_translations, ConsultationStatus, Question, Translations,
    DESCRIPTION_MAX, TITLE_MAX,
};
use gmc_domain::error::{optional_text, parse_enum, required_text};
use gmc_domain::patch::double_option;
use gmc_domain::{ValidationErrors, Visibility};
use sea_orm::{DatabaseConnection, IntoActiveModel, Set};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::columns::{default_visibility, json_list, questions_of, translations_of};
use crate::entities::consultations;
use crate::services::reference_checks as checks;
use crate::AppResult;

// The body of `POST /consultations` (plain comments here: a doc comment would become the schema's
// description). Enum-valued fields arrive as text so that a bad value is a 422 naming the field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateConsultationRequest))]
pub struct ConsultationInput {
    /// Admins: the owning delegation (default: the caller's own).
    pub delegation_id: Option<Uuid>,
    /// Admins: a regional consultation with no owning delegation.
    #[serde(default)]
    pub regional: bool,
    /// Default `delegation` (`regional` for a regional consultation).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
    /// The default (English) title.
    pub title: String,
    pub description: Option<String>,
    /// The title and description in the consultation's other languages, by code: `{"bn": {"title": "…",
    /// "description": "…"}}`; what is left out falls back to the English text.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = BTreeMap<String, gmc_domain::consultation::TitleText>))]
    pub translations: Translations,
    /// Language codes; English is always included, first.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<crate::schemas::LanguageCode>))]
    pub languages: Vec<String>,
    #[serde(default)]
    pub topic_ids: Vec<Uuid>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// Fields to change; absent fields stay as they are. `questions` and `languages` only in `draft`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateConsultationRequest))]
pub struct ConsultationPatch {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    /// All the translations of the title and description, replacing the current ones. When `languages`
    /// change without them, the translations of a language taken away go with it.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<BTreeMap<String, gmc_domain::consultation::TitleText>>))]
    pub translations: Option<Translations>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<crate::schemas::LanguageCode>>))]
    pub languages: Option<Vec<String>>,
    pub topic_ids: Option<Vec<Uuid>>,
    /// A time, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<DateTime<Utc>>, nullable))]
    pub opens_at: Option<Option<DateTime<Utc>>>,
    /// A time, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<DateTime<Utc>>, nullable))]
    pub closes_at: Option<Option<DateTime<Utc>>>,
    /// The whole questionnaire, replacing the current one.
    pub questions: Option<Vec<Question>>,
}

pub(super) struct Checked {
    pub visibility: Visibility,
    pub title: String,
    pub description: String,
    pub translations: Translations,
    pub languages: Vec<String>,
    pub topic_ids: Vec<Uuid>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub questions: Vec<Question>,
}

fn check_visibility(e: &mut ValidationErrors, value: Option<&str>, regional: bool) -> Option<Visibility> {
    let v = match value {
        None => default_visibility(regional),
        Some(v) => e.check("visibility", parse_enum::<Visibility>(v))?,
    };
    if regional && v == Visibility::Delegation {
        e.add("visibility", "not_allowed", "a regional consultation is shared: regional or public");
        return None;
    }
    Some(v)
}

fn check_dates(e: &mut ValidationErrors, opens: Option<DateTime<Utc>>, closes: Option<DateTime<Utc>>) {
    if let (Some(o), Some(c)) = (opens, closes) {
        if c <= o {
            e.add("closes_at", "before_opening", "must be after opens_at");
        }
    }
}

pub(super) async fn checked(db: &DatabaseConnection, mut i: ConsultationInput, regional: bool) -> AppResult<Checked> {
    let mut e = ValidationErrors::new();
    let visibility = check_visibility(&mut e, i.visibility.as_deref(), regional);
    let title = e.check("title", required_text(&i.title, TITLE_MAX));
    let description = e.check("description", optional_text(i.description.as_deref().unwrap_or(""), DESCRIPTION_MAX));
    let languages = e.check("languages", check_languages(&i.languages));
    let topic_ids = checks::topic_ids(db, &mut e, "topic_ids", &i.topic_ids).await?;
    check_dates(&mut e, i.opens_at, i.closes_at);
    if let Some(langs) = &languages {
        check_translations(&mut e, &mut i.translations, langs);
        for p in check_questionnaire(&mut i.questions, langs, false).into_vec() {
            e.add(&p.field, &p.code, p.message);
        }
    }
    match (visibility, title, description, languages) {
        (Some(visibility), Some(title), Some(description), Some(languages)) if e.is_empty() => Ok(Checked {
            visibility,
            title,
            description,
            translations: i.translations,
            languages,
            topic_ids,
            opens_at: i.opens_at,
            closes_at: i.closes_at,
            questions: i.questions,
        }),
        _ => Err(e.into()),
    }
}

/// New translations are checked against the (new) languages; without them, the stored ones lose any
/// language taken away by a new language list.
fn patch_translations(
    e: &mut ValidationErrors,
    changes: &mut Map<String, Value>,
    m: &mut consultations::ActiveModel,
    current: &consultations::Model,
    new: Option<Translations>,
    langs: &[String],
) -> AppResult<()> {
    let sent = new.is_some();
    let next = match new {
        Some(mut t) => {
            check_translations(e, &mut t, langs);
            t
        }
        None => {
            let mut t = translations_of(current)?;
            t.retain(|lang, _| langs.contains(lang));
            t
        }
    };
    if sent || next != translations_of(current)? {
        changes.insert("translations".into(), json!({"languages": next.keys().collect::<Vec<_>>()}));
        m.translations = Set(json!(next).to_string());
    }
    Ok(())
}

/// Checks a patch against the current row; returns the active model to save and the audit changes.
pub(super) async fn patched(
    db: &DatabaseConnection,
    current: &consultations::Model,
    status: ConsultationStatus,
    p: ConsultationPatch,
) -> AppResult<(consultations::ActiveModel, Value)> {
    let mut e = ValidationErrors::new();
    let mut changes = Map::new();
    let mut m = current.clone().into_active_model();
    let regional = current.delegation_id.is_none();
    let draft = status == ConsultationStatus::Draft;
    if !draft && (p.questions.is_some() || p.languages.is_some()) {
        let field = if p.questions.is_some() { "questions" } else { "languages" };
        e.add(field, "not_draft", "questions and languages change only while the consultation is a draft");
    }
    if let Some(v) = p.visibility.as_deref() {
        if let Some(v) = check_visibility(&mut e, Some(v), regional) {
            changes.insert("visibility".into(), json!({"from": current.visibility, "to": v.as_str()}));
            m.visibility = Set(v.into());
        }
    }
    if let Some(t) = p.title.as_deref().and_then(|t| e.check("title", required_text(t, TITLE_MAX))) {
        changes.insert("title".into(), json!({"from": current.title, "to": t}));
        m.title = Set(t);
    }
    if let Some(d) = p.description.as_deref().and_then(|d| e.check("description", optional_text(d, DESCRIPTION_MAX))) {
        changes.insert("description".into(), json!({"from": current.description, "to": d}));
        m.description = Set(d);
    }
    let mut langs: Vec<String> = json_list(&current.languages)?;
    if let Some(l) = p.languages.as_deref().and_then(|l| e.check("languages", check_languages(l))) {
        changes.insert("languages".into(), json!({"from": langs, "to": l}));
        m.languages = Set(json!(l).to_string());
        langs = l;
    }
    patch_translations(&mut e, &mut changes, &mut m, current, p.translations, &langs)?;
    if let Some(ids) = &p.topic_ids {
        let ids = checks::topic_ids(db, &mut e, "topic_ids", ids).await?;
        changes.insert("topic_ids".into(), json!({"to": ids}));
        m.topic_ids = Set(json!(ids).to_string());
    }
    let opens = p.opens_at.unwrap_or(current.opens_at);
    let closes = p.closes_at.unwrap_or(current.closes_at);
    check_dates(&mut e, opens, closes);
    if p.opens_at.is_some() {
        changes.insert("opens_at".into(), json!({"from": current.opens_at, "to": opens}));
        m.opens_at = Set(opens);
    }
    if p.closes_at.is_some() {
        changes.insert("closes_at".into(), json!({"from": current.closes_at, "to": closes}));
        m.closes_at = Set(closes);
    }
    // New languages must still fit the existing questions (their texts are checked against them).
    let questions = match p.questions {
        Some(q) => Some(q),
        None if p.languages.is_some() && draft => Some(questions_of(current)?),
        None => None,
    };
    if let Some(mut qs) = questions {
        if draft {
            for problem in check_questionnaire(&mut qs, &langs, false).into_vec() {
                e.add(&problem.field, &problem.code, problem.message);
            }
            changes.insert("questions".into(), json!({"count": qs.len()}));
            m.questions = Set(json!(qs).to_string());
        }
    }
    if changes.is_empty() && e.is_empty() {
        e.add("body", "empty", "names no field to change");
    }
    e.finish()?;
    Ok((m, Value::Object(changes)))
}
