//! Checking a briefing request's fields: shapes through domain types, topics against the database,
//! every problem named by field.

use chrono::NaiveDate;
use gmc_domain::briefing::{BriefingKind, QUESTION_MAX, TITLE_MAX, TOPICS_MAX};
use gmc_domain::error::{parse_enum, required_text};
use gmc_domain::ids::DelegationId;
use gmc_domain::watch::Priority;
use gmc_domain::{ValidationErrors, Visibility};
use sea_orm::{ActiveValue::Set, DatabaseConnection, IntoActiveModel};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::entities::briefing_requests;
use crate::services::reference_checks as checks;
use crate::AppResult;

// The body of `POST /briefing-requests` (plain comments here: a doc comment would become the schema's
// description). Enum-valued fields arrive as text so that a bad value is a 422 naming the field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateBriefingRequestRequest))]
pub struct BriefingInput {
    /// Admins name the requesting delegation; delegates and focal points ask for their own (the default).
    pub delegation_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(value_type = BriefingKind))]
    pub kind: String,
    pub title: String,
    /// What the delegation needs to know, and for what.
    pub question: String,
    #[serde(default)]
    pub topic_ids: Vec<Uuid>,
    #[cfg_attr(feature = "openapi", schema(value_type = Priority))]
    pub priority: String,
    /// When the delegation would like it (not in the past).
    pub wished_date: Option<NaiveDate>,
    /// Default `delegation`. No other delegation ever reads the request itself; this is the reach the
    /// delegation wants for the deliverable, and the reach of its topics in the alignment report.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
}

/// Fields to change while the request is `requested`; absent fields stay; `null` clears `wished_date`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateBriefingRequestRequest))]
pub struct BriefingPatch {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<BriefingKind>))]
    pub kind: Option<String>,
    pub title: Option<String>,
    pub question: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Priority>))]
    pub priority: Option<String>,
    #[serde(default, deserialize_with = "gmc_domain::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NaiveDate>, nullable))]
    pub wished_date: Option<Option<NaiveDate>>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
    /// Replaces the topics.
    pub topic_ids: Option<Vec<Uuid>>,
}

pub(super) struct Checked {
    pub kind: BriefingKind,
    pub title: String,
    pub question: String,
    pub priority: Priority,
    pub wished_date: Option<NaiveDate>,
    pub visibility: Visibility,
    pub topic_ids: Vec<Uuid>,
}

async fn topics(db: &DatabaseConnection, e: &mut ValidationErrors, ids: &[Uuid]) -> AppResult<Vec<Uuid>> {
    if ids.len() > TOPICS_MAX {
        e.add("topic_ids", "too_many", format!("may name at most {TOPICS_MAX} topics"));
        return Ok(Vec::new());
    }
    checks::topic_ids(db, e, "topic_ids", ids).await
}

fn wished(e: &mut ValidationErrors, date: Option<NaiveDate>) {
    if date.is_some_and(|d| d < chrono::Utc::now().date_naive()) {
        e.add("wished_date", "in_the_past", "must not be in the past");
    }
}

pub(super) async fn checked(
    db: &DatabaseConnection,
    delegation: DelegationId,
    i: &BriefingInput,
) -> AppResult<Checked> {
    let mut e = ValidationErrors::new();
    checks::delegation(db, &mut e, "delegation_id", delegation.as_uuid()).await?;
    let kind = e.check("kind", parse_enum::<BriefingKind>(&i.kind));
    let title = e.check("title", required_text(&i.title, TITLE_MAX));
    let question = e.check("question", required_text(&i.question, QUESTION_MAX));
    let priority = e.check("priority", parse_enum::<Priority>(&i.priority));
    let visibility = match i.visibility.as_deref() {
        None => Some(Visibility::Delegation),
        Some(v) => e.check("visibility", parse_enum::<Visibility>(v)),
    };
    wished(&mut e, i.wished_date);
    let topic_ids = topics(db, &mut e, &i.topic_ids).await?;
    match (kind, title, question, priority, visibility) {
        (Some(kind), Some(title), Some(question), Some(priority), Some(visibility)) if e.is_empty() => {
            Ok(Checked { kind, title, question, priority, wished_date: i.wished_date, visibility, topic_ids })
        }
        _ => Err(e.into()),
    }
}

/// Checks a patch against the current row; returns the active model to save, the audit changes
/// (`{field: {from, to}}`), and the topics to set when the patch names them.
pub(super) async fn patched(
    db: &DatabaseConnection,
    current: &briefing_requests::Model,
    p: &BriefingPatch,
) -> AppResult<(briefing_requests::ActiveModel, Value, Option<Vec<Uuid>>)> {
    let mut e = ValidationErrors::new();
    let mut m = current.clone().into_active_model();
    let mut changes = Map::new();
    let mut note = |field: &str, from: Value, to: Value| {
        changes.insert(field.to_owned(), json!({"from": from, "to": to}));
    };
    if let Some(v) = p.kind.as_deref().and_then(|k| e.check("kind", parse_enum::<BriefingKind>(k))) {
        note("kind", json!(current.kind), json!(v.as_str()));
        m.kind = Set(v.into());
    }
    if let Some(v) = p.title.as_deref().and_then(|t| e.check("title", required_text(t, TITLE_MAX))) {
        note("title", json!(current.title), json!(v));
        m.title = Set(v);
    }
    if let Some(v) = p.question.as_deref().and_then(|t| e.check("question", required_text(t, QUESTION_MAX))) {
        note("question", json!(current.question), json!(v));
        m.question = Set(v);
    }
    if let Some(v) = p.priority.as_deref().and_then(|k| e.check("priority", parse_enum::<Priority>(k))) {
        note("priority", json!(current.priority), json!(v.as_str()));
        m.priority = Set(v.into());
    }
    if let Some(v) = p.visibility.as_deref().and_then(|k| e.check("visibility", parse_enum::<Visibility>(k))) {
        note("visibility", json!(current.visibility), json!(v.as_str()));
        m.visibility = Set(v.into());
    }
    if let Some(v) = p.wished_date {
        wished(&mut e, v);
        note("wished_date", json!(current.wished_date), json!(v));
        m.wished_date = Set(v);
    }
    let topic_ids = match &p.topic_ids {
        Some(ids) => {
            let ids = topics(db, &mut e, ids).await?;
            note("topic_ids", Value::Null, json!(ids));
            Some(ids)
        }
        None => None,
    };
    if changes.is_empty() && e.is_empty() {
        e.add("body", "empty", "names no field to change");
    }
    e.finish()?;
    Ok((m, Value::Object(changes), topic_ids))
}
