//! Large imports as jobs (issue 11: import jobs). The request spools the file to disk and calls `queue`:
//! the import's row (status `queued`) and its job are written in one audited transaction, and the job's
//! id is the import's, so either names the other. `job::run` then reads the file and runs it; `cancel`
//! stops it; `progress` says how far it has got.

use chrono::Utc;
use gmc_domain::import::ImportStatus;
use gmc_domain::policy::{authorize, can_read_import, Operation};
use gmc_domain::Actor;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use super::runner::{authorize_import, ImportOptions};
use super::view::{view, ImportView};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::imports;
use crate::services::jobs::{self, kinds, NewJob};
use crate::{AppError, AppResult};

/// Attempts of an import job: a node that dies mid-file leaves it to the next (the killed attempt's
/// transaction wrote nothing), a file that kills every node it runs on ends `failed`.
const MAX_ATTEMPTS: i32 = 5;

/// Queues the import of the spooled file `file` (a name in the spool directory), whose `rows_expected`
/// were counted while it was spooled. Authorized again here (the route did before reading the body),
/// and once more when the job runs.
pub async fn queue(
    db: &DatabaseConnection,
    actor: &Actor,
    o: &ImportOptions,
    file: &str,
    rows_expected: Option<u64>,
) -> AppResult<ImportView> {
    let delegation = authorize_import(actor, o)?;
    let now = Utc::now();
    let txn = AuditedTxn::begin(db).await?;
    // The key (when an API key queued it) is checked again when the job runs: revoking a key stops the
    // imports it queued, as it stops its requests.
    let api_key = match &actor.method {
        gmc_domain::AuthMethod::ApiKey { id, .. } => Some(id.as_uuid()),
        gmc_domain::AuthMethod::Session => None,
    };
    // issue 11: response imports — the consultation and k travel with the job (the import row has no column).
    let payload = json!({"file": file, "rows_expected": rows_expected, "api_key": api_key,
        "consultation_id": o.consultation_id, "small_cell_k": o.small_cell_k});
    let job = NewJob {
        kind: kinds::IMPORT_RUN,
        payload,
        max_attempts: MAX_ATTEMPTS,
        run_at: None,
        created_by: Some(actor.user_id.as_uuid()),
    };
    let id = jobs::enqueue(&txn, job).await?;
    let saved = imports::ActiveModel {
        id: Set(id),
        kind: Set(o.kind.into()),
        format: Set(o.format.into()),
        mode: Set(o.mode.into()),
        dry_run: Set(o.dry_run),
        on_error: Set(o.on_error.into()),
        status: Set(ImportStatus::Queued.into()),
        rows_total: Set(0),
        rows_inserted: Set(0),
        rows_updated: Set(0),
        rows_rejected: Set(0),
        created_by: Set(actor.user_id.as_uuid()),
        delegation_id: Set(delegation.map(|d| d.as_uuid())),
        created_at: Set(now),
        finished_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let changes = json!({"kind": o.kind, "format": o.format, "mode": o.mode, "dry_run": o.dry_run,
        "on_error": o.on_error, "status": ImportStatus::Queued, "rows_expected": rows_expected});
    let entry = AuditEntry::by(actor, "import.queue", "import", id).changes(changes);
    // issue 11: wto notifications — public WTO data is imported for no delegation.
    let entry = match delegation {
        Some(d) => entry.delegation(d.as_uuid()),
        None => entry,
    };
    txn.commit(entry).await?;
    let mut v = view(saved, Vec::new());
    v.rows_expected = rows_expected.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
    Ok(v)
}

/// Fills in how far an open import has got: from this node's runner when it runs here (the only
/// source on SQLite, see `live`), else from its job's row (PostgreSQL, another node).
pub(super) async fn progress(db: &DatabaseConnection, v: &mut ImportView) -> AppResult<()> {
    if !v.status.is_open() {
        return Ok(());
    }
    let job = jobs::find(db, v.id).await?;
    v.rows_expected = job
        .as_ref()
        .and_then(|j| j.progress_total.or_else(|| j.payload.get("rows_expected").and_then(serde_json::Value::as_i64)));
    let stored = job.as_ref().map_or(0, |j| j.progress_done);
    let here = super::live::find(v.id).map_or(0, |l| i64::try_from(l.rows()).unwrap_or(i64::MAX));
    v.rows_done = stored.max(here);
    Ok(())
}

/// Cancels an open import: its owner or an admin, with a credential that may import. A queued one never
/// runs; a running one stops at its next row and its transaction rolls back, so nothing is written.
/// Answers the import and the spooled file to remove (when there was one).
pub async fn cancel(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<(ImportView, Option<String>)> {
    authorize(actor, Operation::ImportRecords)?;
    let found = imports::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|m| can_read_import(actor, gmc_domain::ids::UserId::from_uuid(m.created_by)))
        .ok_or(AppError::NotFound("import"))?;
    if !found.status.0.is_open() {
        return Err(AppError::Conflict(format!("the import has already ended ({})", found.status.0)));
    }
    // Before the transaction: on SQLite a running import holds the writer, and this is what makes it let go.
    if let Some(live) = super::live::find(id) {
        live.stop();
    }
    let txn = AuditedTxn::begin(db).await?;
    let res = imports::Entity::update_many()
        .col_expr(imports::Column::Status, Expr::value(ImportStatus::Cancelled.as_str()))
        .col_expr(imports::Column::FinishedAt, Expr::value(Utc::now()))
        .filter(imports::Column::Id.eq(id))
        .filter(imports::Column::Status.is_in([ImportStatus::Queued.as_str(), ImportStatus::Running.as_str()]))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("the import ended meanwhile".into()));
    }
    jobs::cancel(&txn, id).await?;
    // Announced like any other ending, in the transaction that ends it (a check announces nothing).
    if !found.dry_run {
        let ended = imports::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("import"))?;
        crate::services::webhooks::events::import_finished(&txn, &ended).await?;
    }
    let file =
        jobs::find(&txn, id).await?.and_then(|j| j.payload.get("file").and_then(|f| f.as_str().map(str::to_owned)));
    let entry =
        AuditEntry::by(actor, "import.cancel", "import", id).changes(json!({"status": ImportStatus::Cancelled}));
    let entry = match found.delegation_id {
        Some(d) => entry.delegation(d),
        None => entry,
    };
    txn.commit(entry).await?;
    let saved = imports::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("import"))?;
    Ok((view(saved, Vec::new()), file))
}
