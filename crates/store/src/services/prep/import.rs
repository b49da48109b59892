//! One row of a prep-item import (issue 11), through the same checks as `POST /prep-items` — the owner
//! (`fields::owner`: the import's delegation, or a coalition the caller's delegation belongs to),
//! `fields::checked` — and the same insert, with its topics and first step. Topics may be named by code
//! as well as id. Prep items carry no external id, so a file is always inserted. The import runner holds
//! the transaction and writes the one audit event.

use gmc_domain::ids::DelegationId;
use gmc_domain::import::RowOutcome;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::ConnectionTrait;
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use super::fields::{self, PrepItemInput};
use crate::services::imports::delegation::of_row;
use crate::services::topics::resolve;
use crate::{AppError, AppResult};

/// The columns of a prep-item file: the fields of `POST /prep-items`, `topic_ids` by code or id. A missing
/// required value arrives empty, so the create's own check names it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PrepItemRow {
    #[serde(default)]
    ministerial: String,
    delegation_id: Option<Uuid>,
    coalition_id: Option<Uuid>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    interest: String,
    #[serde(default)]
    priority: String,
    deadline: Option<chrono::NaiveDate>,
    responsible_user_id: Option<Uuid>,
    #[serde(default)]
    visibility: String,
    #[serde(default)]
    topic_ids: Vec<String>,
}

pub(crate) fn parse(body: Value) -> AppResult<PrepItemRow> {
    serde_json::from_value(body).map_err(|e| ValidationErrors::single("row", "invalid_format", e.to_string()).into())
}

/// Topic codes or ids as ids; one that names no topic is the row's problem on `topic_ids`, added to `e`
/// (the create's own check then looks at the rest, e.g. too many).
async fn topic_ids<C: ConnectionTrait>(db: &C, e: &mut ValidationErrors, named: &[String]) -> AppResult<Vec<Uuid>> {
    let mut out = Vec::with_capacity(named.len());
    for n in named.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        match resolve(db, n).await? {
            Some(t) => out.push(t.id),
            None => e.add("topic_ids", "unknown", format!("{n:?} names no topic (by code or id)")),
        }
    }
    Ok(out)
}

/// Writes one row on `db` (the import's transaction). A refused row answers `AppError::Validation`
/// with the API's field names and codes; anything else stops the import.
pub(crate) async fn write_row<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    delegation: DelegationId,
    row: PrepItemRow,
) -> AppResult<RowOutcome> {
    // The row's delegation, by the create's rule; a coalition row names no delegation.
    let delegation_id = match row.coalition_id {
        Some(_) => row.delegation_id,
        None => Some(of_row(actor, row.delegation_id, delegation)?.as_uuid()),
    };
    let mut named = ValidationErrors::new();
    let input = PrepItemInput {
        ministerial: row.ministerial,
        delegation_id,
        coalition_id: row.coalition_id,
        title: row.title,
        summary: row.summary.unwrap_or_default(),
        kind: row.kind,
        interest: row.interest,
        priority: row.priority,
        deadline: row.deadline,
        responsible_user_id: row.responsible_user_id,
        visibility: row.visibility,
        topic_ids: topic_ids(db, &mut named, &row.topic_ids).await?,
    };
    // A coalition the caller's delegation is not in is the row's problem, not a 403 for the file.
    let owner = fields::owner(db, actor, &input).await.map_err(|e| match e {
        AppError::Forbidden => {
            ValidationErrors::single("coalition_id", "not_allowed", "is not a coalition you may write for").into()
        }
        other => other,
    })?;
    // Every problem of the row at once: the topics the file named and the create's own checks.
    let f = match (fields::checked(db, owner, &input).await, named.is_empty()) {
        (Ok(f), true) => f,
        (Ok(_), false) => return Err(named.into()),
        (Err(AppError::Validation(v)), _) => {
            for p in v.errors() {
                named.add(&p.field, &p.code, p.message.clone());
            }
            return Err(named.into());
        }
        (Err(other), _) => return Err(other),
    };
    super::insert(db, actor, owner, f).await?;
    Ok(RowOutcome::Inserted)
}
