//! "You said, we did": once a consultation is closed, its owners publish a short note on what came of it,
//! in the consultation's languages, and the public link shows it to respondents instead of the form.
//! Publishing again replaces the note; each publication is audited.

use chrono::Utc;
use gmc_domain::consultation::{check_feedback, may_publish_feedback, Texts};
use gmc_domain::Actor;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, IntoActiveModel, Set};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::columns::json_list;
use super::{get, ENTITY};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::consultations;
use crate::error::check_version;
use crate::services::access::find_writable;
use crate::views::ConsultationView;
use crate::{AppError, AppResult};

// The body of `PUT /consultations/{id}/feedback` (a plain comment: a doc comment would become the
// schema's description).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ConsultationFeedbackRequest))]
pub struct FeedbackInput {
    /// The note by language code, plain text or Markdown, at most 3,000 characters each: English is needed,
    /// the consultation's other languages are optional (a respondent reading one without its text gets English).
    pub texts: Texts,
}

const NOT_CLOSED: &str =
    "the consultation still takes answers: close it before publishing what came of it (\"you said, we did\")";

/// Publishes (or replaces) the note. Authorized as a change of the consultation: its owners only.
pub async fn publish_feedback(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: FeedbackInput,
    expected: Option<i32>,
) -> AppResult<ConsultationView> {
    let current: consultations::Model = find_writable(db, actor, id).await?;
    check_version(expected, current.version)?;
    if !may_publish_feedback(current.status.0) {
        return Err(AppError::Conflict(NOT_CLOSED.into()));
    }
    let langs: Vec<String> = json_list(&current.languages)?;
    let mut texts = input.texts;
    check_feedback(&mut texts, &langs).finish()?;
    let txn = AuditedTxn::begin(db).await?;
    // Re-read inside the write: a reopening or another edit since the checks above wins over this one.
    let fresh = consultations::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound(ENTITY))?;
    check_version(expected, fresh.version)?;
    if !may_publish_feedback(fresh.status.0) {
        return Err(AppError::Conflict(NOT_CLOSED.into()));
    }
    let first = fresh.feedback.is_none();
    let mut model = fresh.clone().into_active_model();
    model.feedback = Set(Some(json!(texts).to_string()));
    model.feedback_at = Set(Some(Utc::now()));
    model.version = Set(fresh.version + 1);
    model.updated_at = Set(Utc::now());
    let row = model.update(&txn).await?;
    let mut entry = AuditEntry::by(actor, "consultation.feedback", ENTITY, id)
        .changes(json!({"languages": texts.keys().collect::<Vec<_>>(), "first": first}));
    if let Some(d) = row.delegation_id {
        entry = entry.delegation(d);
    }
    txn.commit(entry).await?;
    get(db, actor, id).await
}
