//! Consultations: rounds of hearing MSMEs with a multilingual questionnaire, owned by a delegation (or
//! regional, run by the secretariat), moved through `draft → open → closed → archived`, answered through
//! an unguessable public link, and read back as results that never single out a firm.

mod columns;
pub(crate) mod counts;
mod feedback;
mod fields;
mod list;
pub mod public;
pub mod results;
// issue 11: response imports
pub mod import;
pub(crate) mod submission;
mod writer;

pub(crate) use columns::questions_of;
use columns::{feedback_of, json_list, translations_of};
pub use writer::ResponseWriter;

pub use feedback::{publish_feedback, FeedbackInput};
pub use fields::{ConsultationInput, ConsultationPatch};
pub use list::{list, ConsultationFilter, ConsultationSort};

use std::collections::HashMap;

use chrono::Utc;
use gmc_domain::consultation::{check_questionnaire, check_transition, public_state, ConsultationStatus, PublicState};
use gmc_domain::error::parse_enum;
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{authorize, can_write_owned, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{consultations, responses};
use crate::error::check_version;
use crate::services::access::{find_readable, find_writable, Guard, Guarded};
use crate::services::secrets;
use crate::views::ConsultationView;
use crate::{AppError, AppResult};

const ENTITY: &str = "consultation";

/// Response counts of the given consultations, with one query.
async fn counts<C: ConnectionTrait>(db: &C, ids: Vec<Uuid>) -> AppResult<HashMap<Uuid, i64>> {
    let rows: Vec<(Uuid, i64)> = responses::Entity::find()
        .select_only()
        .column(responses::Column::ConsultationId)
        .column_as(Expr::col(responses::Column::Id).count(), "n")
        .filter(responses::Column::ConsultationId.is_in(ids))
        .group_by(responses::Column::ConsultationId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

pub(crate) fn view(row: consultations::Model, response_count: i64) -> AppResult<ConsultationView> {
    let status: ConsultationStatus = row.status.0;
    let state = public_state(status, row.opens_at, row.closes_at, Utc::now());
    Ok(ConsultationView {
        state,
        accepting_responses: state == PublicState::Open,
        questions: questions_of(&row)?,
        languages: json_list(&row.languages)?,
        topic_ids: json_list(&row.topic_ids)?,
        translations: translations_of(&row)?,
        feedback: feedback_of(&row)?,
        feedback_at: row.feedback_at,
        visibility: row.visibility.0,
        status,
        id: row.id,
        delegation_id: row.delegation_id,
        title: row.title,
        description: row.description,
        opens_at: row.opens_at,
        closes_at: row.closes_at,
        share_path: format!("/respond/{}", row.token),
        token: row.token,
        response_count,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

pub(crate) async fn views<C: ConnectionTrait>(
    db: &C,
    rows: Vec<consultations::Model>,
) -> AppResult<Vec<ConsultationView>> {
    let n = counts(db, rows.iter().map(|r| r.id).collect()).await?;
    rows.into_iter()
        .map(|r| {
            let c = n.get(&r.id).copied().unwrap_or(0);
            view(r, c)
        })
        .collect()
}

fn owner(row: &consultations::Model) -> Option<DelegationId> {
    row.delegation_id.map(DelegationId::from_uuid)
}

impl Guarded for consultations::Model {
    const NOUN: &'static str = ENTITY;

    fn guard(&self) -> AppResult<Guard> {
        Ok(Guard::MaybeOwned { owner: owner(self), visibility: self.visibility.0 })
    }
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<ConsultationView> {
    let row: consultations::Model = find_readable(db, actor, id).await?;
    let n = responses::Entity::find().filter(responses::Column::ConsultationId.eq(id)).count(db).await? as i64;
    view(row, n)
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: ConsultationInput) -> AppResult<ConsultationView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let owner = if input.regional {
        if input.delegation_id.is_some() {
            return Err(ValidationErrors::single(
                "delegation_id",
                "not_allowed",
                "a regional consultation has no owning delegation",
            )
            .into());
        }
        None
    } else {
        Some(crate::services::visibility::owning_delegation(actor, input.delegation_id)?)
    };
    if !can_write_owned(actor, owner) {
        return Err(AppError::Forbidden);
    }
    let f = fields::checked(db, input, owner.is_none()).await?;
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    let row = consultations::ActiveModel {
        id: Set(Uuid::now_v7()),
        delegation_id: Set(owner.map(|d| d.as_uuid())),
        visibility: Set(f.visibility.into()),
        title: Set(f.title),
        description: Set(f.description),
        status: Set(ConsultationStatus::Draft.into()),
        languages: Set(json!(f.languages).to_string()),
        topic_ids: Set(json!(f.topic_ids).to_string()),
        questions: Set(json!(f.questions).to_string()),
        opens_at: Set(f.opens_at),
        closes_at: Set(f.closes_at),
        token: Set(secrets::generate("")),
        created_by: Set(Some(actor.user_id.as_uuid())),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        translations: Set(json!(f.translations).to_string()),
        feedback: Set(None),
        feedback_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let mut entry = AuditEntry::by(actor, "consultation.create", ENTITY, row.id)
        .changes(json!({"title": row.title, "visibility": row.visibility, "languages": f.languages}));
    if let Some(d) = row.delegation_id {
        entry = entry.delegation(d);
    }
    txn.commit(entry).await?;
    view(row, 0)
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: ConsultationPatch,
    expected: Option<i32>,
) -> AppResult<ConsultationView> {
    let current: consultations::Model = find_writable(db, actor, id).await?;
    check_version(expected, current.version)?;
    let status: ConsultationStatus = current.status.0;
    let (mut model, changes) = fields::patched(db, &current, status, patch).await?;
    let txn = AuditedTxn::begin(db).await?;
    // Re-read inside the write: a concurrent change since the check above must not be overwritten.
    let fresh = consultations::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound(ENTITY))?;
    check_version(expected, fresh.version)?;
    if fresh.status != current.status {
        return Err(AppError::PreconditionFailed { current: fresh.version });
    }
    model.version = Set(fresh.version + 1);
    model.updated_at = Set(Utc::now());
    let row = model.update(&txn).await?;
    let mut entry = AuditEntry::by(actor, "consultation.update", ENTITY, id).changes(changes);
    if let Some(d) = row.delegation_id {
        entry = entry.delegation(d);
    }
    txn.commit(entry).await?;
    get(db, actor, id).await
}

pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<()> {
    let current: consultations::Model = find_writable(db, actor, id).await?;
    if current.status.0 != ConsultationStatus::Draft {
        return Err(AppError::Conflict("only a draft consultation can be deleted; close or archive it instead".into()));
    }
    let txn = AuditedTxn::begin(db).await?;
    if responses::Entity::find().filter(responses::Column::ConsultationId.eq(id)).count(&txn).await? > 0 {
        return Err(AppError::Conflict("the consultation has responses; archive it instead".into()));
    }
    consultations::Entity::delete_by_id(id).exec(&txn).await?;
    let mut entry = AuditEntry::by(actor, "consultation.delete", ENTITY, id).changes(json!({"title": current.title}));
    if let Some(d) = current.delegation_id {
        entry = entry.delegation(d);
    }
    txn.commit(entry).await?;
    Ok(())
}

/// Moves the consultation through its lifecycle. Opening checks the questionnaire is complete in
/// every language.
pub async fn set_status(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    to: &str,
    expected: Option<i32>,
) -> AppResult<ConsultationView> {
    let current: consultations::Model = find_writable(db, actor, id).await?;
    let to: ConsultationStatus = parse_enum(to).map_err(|p| ValidationErrors::single("status", p.code, p.message))?;
    check_version(expected, current.version)?;
    let from: ConsultationStatus = current.status.0;
    check_transition(from, to).map_err(|p| ValidationErrors::single("status", p.code, p.message))?;
    if to == ConsultationStatus::Open {
        let mut questions = questions_of(&current)?;
        let langs: Vec<String> = json_list(&current.languages)?;
        check_questionnaire(&mut questions, &langs, true).finish()?;
        if current.closes_at.is_some_and(|c| c <= Utc::now()) {
            return Err(ValidationErrors::single(
                "closes_at",
                "in_the_past",
                "is past: move the closing date before opening",
            )
            .into());
        }
    }
    let txn = AuditedTxn::begin(db).await?;
    let fresh = consultations::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound(ENTITY))?;
    check_version(expected, fresh.version)?;
    let mut model = fresh.clone().into_active_model();
    model.status = Set(to.into());
    model.version = Set(fresh.version + 1);
    model.updated_at = Set(Utc::now());
    let row = model.update(&txn).await?;
    // issue 11: webhooks
    crate::services::webhooks::events::consultation_status_changed(&txn, &row).await?;
    let mut entry = AuditEntry::by(actor, "consultation.status", ENTITY, id)
        .changes(json!({"status": {"from": from.as_str(), "to": to.as_str()}}));
    if let Some(d) = row.delegation_id {
        entry = entry.delegation(d);
    }
    txn.commit(entry).await?;
    get(db, actor, id).await
}
