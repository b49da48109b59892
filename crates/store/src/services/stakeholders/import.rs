//! One row of a stakeholder import, through the same checks as `POST /stakeholders` (`fields::checked`)
//! and the same insert — or, in upsert mode, when the row's delegation has a stakeholder with the row's
//! `external_id`, the same checks as `PATCH /stakeholders/{id}` over that record. The import runner
//! (`services::imports`) holds the transaction and writes the one audit event.
//!
//! New rows are inserted in batches (`Pending`): one statement per row was most of an import's time
//! (the profile in docs/benchmarks.md, "Imports"). Rows waiting in a batch are not in the database yet,
//! so their external ids and linked accounts are checked against the batch as well; an update flushes
//! the batch first, so it sees every row before it as a one-row-at-a-time import would.

use std::collections::HashSet;

use chrono::Utc;
use gmc_domain::ids::DelegationId;
use gmc_domain::import::RowOutcome;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::Value;
use uuid::Uuid;

use super::fields::{self, StakeholderInput};
use super::{new_model, set_fields, unique_to_field};
use crate::entities::stakeholders;
use crate::services::imports::delegation::of_row;
use crate::{AppError, AppResult};

/// The columns of a stakeholder file: the fields of `POST /stakeholders`.
pub(crate) fn parse(body: Value) -> AppResult<StakeholderInput> {
    serde_json::from_value(body).map_err(|e| ValidationErrors::single("row", "invalid_format", e.to_string()).into())
}

/// Rows per insert statement: 22 columns × 500 = 11,000 parameters, under SQLite's 32,766 and
/// PostgreSQL's 65,535.
const BATCH: usize = 500;

/// Checked rows not written yet, with the unique values they hold.
#[derive(Default)]
pub(crate) struct Pending {
    rows: Vec<stakeholders::ActiveModel>,
    external_ids: HashSet<String>,
    user_ids: HashSet<Uuid>,
    /// The external ids of the rows ahead, asked about in one query (`prefetch`): with them a new row
    /// costs no probe of its own. Kept true as rows are written: an id written is taken.
    known: Option<fields::KnownIds>,
}

impl Pending {
    /// Asks once which of the next rows' external ids are taken (an insert-only import: an update may
    /// change an external id, which would make the answers stale, so upserts probe row by row). The
    /// rows waiting are written first, so that the answer covers every row above.
    pub(crate) async fn prefetch<C: ConnectionTrait>(&mut self, db: &C, ids: Vec<String>) -> AppResult<()> {
        self.flush(db).await?;
        let taken = fields::external_ids_taken(db, &ids).await?;
        self.known = Some(fields::KnownIds { checked: ids.into_iter().collect(), taken });
        Ok(())
    }

    /// Writes the waiting rows. Each was checked against the database and the batch, so a unique
    /// violation here means another writer took a value meanwhile: the import stops (and rolls back).
    pub(crate) async fn flush<C: ConnectionTrait>(&mut self, db: &C) -> AppResult<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        match &mut self.known {
            Some(k) => k.taken.extend(self.external_ids.drain()),
            None => self.external_ids.clear(),
        }
        self.user_ids.clear();
        let rows = std::mem::take(&mut self.rows);
        crate::bulk::insert::<stakeholders::Entity, _>(db, rows).await.map_err(|e| match unique_to_field(e) {
            AppError::Validation(_) => {
                AppError::Conflict("a stakeholder of the file was written by another request during the import".into())
            }
            other => other,
        })?;
        Ok(())
    }
}

/// Checks one row on `db` (the import's transaction) and writes it, or queues it in `pending`. A
/// refused row answers `AppError::Validation` with the API's field names and codes; anything else
/// stops the import.
pub(crate) async fn write_row<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    delegation: DelegationId,
    upsert: bool,
    input: StakeholderInput,
    pending: &mut Pending,
) -> AppResult<RowOutcome> {
    // A row may name its delegation, as the create's body may; the create's rule decides.
    let delegation = of_row(actor, input.delegation_id, delegation)?;
    let external_id = input.external_id.as_deref().map(str::trim).filter(|x| !x.is_empty());
    // Only the row's own delegation's records are candidates: another delegation's record with the
    // same external id makes the row a create, which the create's check refuses as `taken` — the
    // answer `POST /stakeholders` gives, so the import tells nothing more about it.
    if upsert && external_id.is_some_and(|x| pending.external_ids.contains(x)) {
        // The row changes one queued above it: write the queue so that it is found.
        pending.flush(db).await?;
    }
    let current = match (upsert, external_id) {
        (true, Some(x)) => {
            stakeholders::Entity::find()
                .filter(stakeholders::Column::ExternalId.eq(x))
                .filter(stakeholders::Column::DelegationId.eq(delegation.as_uuid()))
                .filter(stakeholders::Column::ErasedAt.is_null())
                .one(db)
                .await?
        }
        _ => None,
    };
    let Some(current) = current else {
        let f = fields::checked_with(db, None, input.into(), pending.known.as_ref()).await?;
        queue(pending, actor, delegation, &f)?;
        if pending.rows.len() >= BATCH {
            pending.flush(db).await?;
        }
        return Ok(RowOutcome::Inserted);
    };
    pending.flush(db).await?;
    let f = fields::checked(db, Some(&current), input.into()).await?;
    let mut m = current.clone().into_active_model();
    set_fields(&mut m, &f);
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = stakeholders::Entity::update_many()
        .set(m)
        .filter(stakeholders::Column::Id.eq(current.id))
        .filter(stakeholders::Column::Version.eq(current.version))
        .exec(db)
        .await
        .map_err(unique_to_field)?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("a stakeholder of the file changed while it was imported".into()));
    }
    Ok(RowOutcome::Updated)
}

/// Queues a checked new row, unless a queued row holds its external id or linked account (the answers
/// are those `fields::checked` gives when the other row is in the database).
fn queue(pending: &mut Pending, actor: &Actor, delegation: DelegationId, f: &fields::Fields) -> AppResult<()> {
    let mut e = ValidationErrors::new();
    if f.external_id.as_ref().is_some_and(|x| pending.external_ids.contains(x)) {
        e.add("external_id", "taken", "another stakeholder already has this external id");
    }
    if f.user_id.is_some_and(|u| pending.user_ids.contains(&u)) {
        e.add("user_id", "unknown", fields::USER_UNKNOWN);
    }
    if !e.is_empty() {
        return Err(e.into());
    }
    pending.external_ids.extend(f.external_id.clone());
    pending.user_ids.extend(f.user_id);
    pending.rows.push(new_model(actor, delegation, f));
    Ok(())
}
