//! The import runner: reads rows from any source, checks and writes each with its kind's own create
//! (or update) code inside ONE audited transaction, and keeps the report. A request runs it directly;
//! a job can run it the same way, since it takes a row source and a progress callback and nothing of
//! HTTP.
//!
//! - atomic by default: a rejected row means the transaction is rolled back, so nothing is written;
//! - `on_error=skip`: the rejected rows wrote nothing (a row is checked before it is written), so the
//!   transaction commits the good ones;
//! - a dry run always rolls back — after writing every row, so that a file's rows are checked against
//!   each other (two rows with one external id) exactly as a real run would check them;
//! - the import's own row, its report and its ONE audit event (kind, counts, mode, dry run) are written
//!   in the committing transaction, or, after a rollback, in a transaction of their own.

use chrono::Utc;
use gmc_domain::ids::DelegationId;
use gmc_domain::import::{ImportFormat, ImportKind, ImportMode, ImportStatus, OnError, RowOutcome};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{DatabaseConnection, Set};
use serde_json::json;
use uuid::Uuid;

use super::columns;
use super::kinds;
use super::record::save;
use super::source::Rows;
use super::view::{view, ImportProblemView, ImportView};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::imports;
use crate::services::consultations::import as response_import;
use crate::services::visibility::owning_delegation;
use crate::{AppError, AppResult};
use gmc_domain::consultation::Channel;

/// How many problems a report keeps; the counts go on past it.
pub const MAX_PROBLEMS: usize = 10_000;
/// How often (in rows) the progress callback is told.
const PROGRESS_EVERY: u64 = 200;
/// Rows read ahead and handed to `kinds::prefetch` together: a stakeholder batch's size, so that the
/// rows a block writes go in one insert.
const BLOCK: usize = 500;

/// Rows read from the file, with their bodies (none for response imports, which read rows themselves).
type Block = (Vec<super::source::Row>, Vec<Result<serde_json::Value, ValidationErrors>>);

/// What the caller asked for.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    pub kind: ImportKind,
    pub format: ImportFormat,
    pub mode: ImportMode,
    pub dry_run: bool,
    pub on_error: OnError,
    /// Admins name the delegation the rows are for; members default to (and may only use) their own.
    pub delegation_id: Option<Uuid>,
    // issue 11: response imports
    /// `consultation_responses`: the consultation the answers are for (required for that kind only).
    pub consultation_id: Option<Uuid>,
    /// The small-cell k: whether the `response.received` event may carry the response count.
    pub small_cell_k: i64,
}

/// Rows done so far, for a progress bar or a job's status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub rows: u64,
    pub inserted: u64,
    pub updated: u64,
    pub rejected: u64,
}

/// Whether the actor may run this import at all, and for which delegation (none for public WTO data):
/// asked before the file is read. Who may import a kind is who may create it.
pub fn authorize_import(actor: &Actor, o: &ImportOptions) -> AppResult<Option<DelegationId>> {
    // issue 11: response imports — checked first, so that no kind quietly ignores a consultation.
    match (o.kind, o.consultation_id) {
        (ImportKind::ConsultationResponses, None) => {
            let text = "names the consultation the answers are for";
            return Err(ValidationErrors::single("consultation_id", "required", text).into());
        }
        (ImportKind::ConsultationResponses, Some(_)) => {}
        (_, Some(_)) => {
            let text = "is only for consultation_responses";
            return Err(ValidationErrors::single("consultation_id", "not_allowed", text).into());
        }
        (_, None) => {}
    }
    // issue 11: wto notifications — the WTO's public records, for every delegation: no owning delegation.
    if o.kind == ImportKind::WtoNotifications {
        authorize(actor, Operation::ImportWtoNotifications)?;
        if o.delegation_id.is_some() {
            let text = "is not for wto_notifications: they are public records, no delegation's";
            return Err(ValidationErrors::single("delegation_id", "not_allowed", text).into());
        }
        return Ok(None);
    }
    authorize(actor, Operation::ImportRecords)?;
    authorize(actor, Operation::WriteDelegationRecords)?;
    // issue 11: import-kinds
    kinds::authorize_kind(actor, o.kind)?;
    if o.mode == ImportMode::Upsert && !kinds::has_external_id(o.kind) {
        let text = format!("upsert matches rows by external_id, which {} do not have; use insert", o.kind);
        return Err(ValidationErrors::single("mode", "not_allowed", text).into());
    }
    owning_delegation(actor, o.delegation_id).map(Some)
}

/// Runs the import of `rows`. A file that cannot be read (`FileError`) stops it with nothing written.
pub async fn run(
    db: &DatabaseConnection,
    actor: &Actor,
    o: &ImportOptions,
    rows: Rows<'_>,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> AppResult<ImportView> {
    run_as(db, actor, o, None, rows, progress).await
}

/// `run`, recording the outcome on the import row `queued` (a job's: issue 11, import jobs) instead of
/// a new one. That row is finished only while still open (`record::save`), in the transaction that
/// commits the rows: an import cancelled meanwhile, or already finished by another attempt, writes
/// nothing — which is what makes a retried job count its rows once.
pub async fn run_as(
    db: &DatabaseConnection,
    actor: &Actor,
    o: &ImportOptions,
    queued: Option<Uuid>,
    rows: Rows<'_>,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> AppResult<ImportView> {
    let delegation = authorize_import(actor, o)?;
    let created_at = Utc::now();
    let upsert = o.mode == ImportMode::Upsert;
    let cols = kinds::columns(o.kind);
    let id = queued.unwrap_or_else(Uuid::now_v7);
    // issue 11: response imports — the consultation is looked up (and its owner checked) before any row.
    let target = match o.consultation_id {
        Some(c) => Some(response_import::target(db, actor, c, delegation.ok_or(AppError::Forbidden)?).await?),
        None => None,
    };
    let mut done = Progress::default();
    let mut problems: Vec<ImportProblemView> = Vec::new();
    let txn = AuditedTxn::begin(db).await?;
    let mut batch = kinds::Batch::default();
    let mut rows = rows;
    // A block of rows at a time, so that a kind can ask the database once about all of them
    // (`kinds::prefetch`) rather than once per row. A file error stops the import either way.
    let read = |rows: &mut Rows<'_>| -> Result<Block, super::source::FileError> {
        let block = rows.by_ref().take(BLOCK).collect::<Result<Vec<_>, _>>()?;
        let bodies = match target {
            Some(_) => Vec::new(),
            None => block.iter().map(|row| columns::body(row, cols)).collect(),
        };
        Ok((block, bodies))
    };
    let mut next = read(&mut rows);
    loop {
        let (block, bodies) = next?;
        if block.is_empty() {
            break;
        }
        // `prefetch` first writes the rows the previous block queued; the next block is read and
        // converted meanwhile, since that write runs elsewhere (SQLite's connection thread, the
        // PostgreSQL server). Both finish before the loop goes on, so nothing holds the transaction
        // unpolled.
        let (asked, following) =
            tokio::join!(kinds::prefetch(&txn, o.kind, upsert, &bodies, &mut batch), async { read(&mut rows) });
        asked?;
        next = following;
        let mut bodies = bodies.into_iter();
        for row in &block {
            done.rows += 1;
            let outcome = match &target {
                // issue 11: response imports — its columns are the consultation's questions, no fixed list.
                Some(t) => response_import::write_row(&txn, t, &row.values, row.typed, id, row.number).await,
                None => match bodies.next() {
                    Some(Ok(body)) => kinds::write_row(&txn, actor, o.kind, delegation, upsert, body, &mut batch).await,
                    Some(Err(e)) => Err(AppError::Validation(e)),
                    None => Err(ValidationErrors::single("row", "invalid", "the row could not be read").into()),
                },
            };
            match outcome {
                Ok(RowOutcome::Inserted) => done.inserted += 1,
                Ok(RowOutcome::Updated) => done.updated += 1,
                Err(AppError::Validation(e)) => {
                    done.rejected += 1;
                    let number = i64::try_from(row.number).unwrap_or(i64::MAX);
                    for f in e.errors() {
                        if problems.len() < MAX_PROBLEMS {
                            let p = ImportProblemView {
                                row: number,
                                column: f.field.clone(),
                                code: f.code.clone(),
                                message: f.message.clone(),
                            };
                            problems.push(p);
                        }
                    }
                }
                // Anything but a row's own problem (the database, a conflict with a concurrent write)
                // stops the import; the transaction rolls back as it is dropped.
                Err(other) => return Err(other),
            }
            if done.rows % PROGRESS_EVERY == 0 {
                progress(done);
            }
        }
    }
    kinds::flush(&txn, &mut batch).await?;
    progress(done);
    let status = ImportStatus::of(done.rejected, o.on_error);
    let keep = !o.dry_run && status != ImportStatus::Rejected;
    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let model = imports::ActiveModel {
        id: Set(id),
        kind: Set(o.kind.into()),
        format: Set(o.format.into()),
        mode: Set(o.mode.into()),
        dry_run: Set(o.dry_run),
        on_error: Set(o.on_error.into()),
        status: Set(status.into()),
        rows_total: Set(count(done.rows)),
        rows_inserted: Set(count(done.inserted)),
        rows_updated: Set(count(done.updated)),
        rows_rejected: Set(count(done.rejected)),
        created_by: Set(actor.user_id.as_uuid()),
        delegation_id: Set(delegation.map(|d| d.as_uuid())),
        created_at: Set(created_at),
        finished_at: Set(Some(Utc::now())),
    };
    let changes = json!({
        "kind": o.kind, "format": o.format, "mode": o.mode, "dry_run": o.dry_run, "on_error": o.on_error,
        "status": status, "rows_total": done.rows, "rows_inserted": done.inserted, "rows_updated": done.updated,
        "rows_rejected": done.rejected, "written": keep,
    });
    let entry = AuditEntry::by(actor, "import.run", "import", id).changes(changes);
    let entry = match delegation {
        Some(d) => entry.delegation(d.as_uuid()),
        None => entry,
    };
    let txn = if keep {
        txn
    } else {
        // Rolls the rows back; the import's record and report are kept all the same.
        drop(txn);
        AuditedTxn::begin(db).await?
    };
    let saved = save(&txn, model, &problems, queued.is_some()).await?;
    // issue 11: import-ui — announced with the record it reports, never for a dry run.
    if !o.dry_run {
        crate::services::webhooks::events::import_finished(&txn, &saved).await?;
    }
    // issue 11: response imports — one `response.received` for the import, not one per row.
    if let (Some(t), true, true) = (&target, keep, done.inserted > 0) {
        let imported = Some(done.inserted);
        crate::services::webhooks::events::response_received(&txn, t.row.id, Channel::Import, imported, o.small_cell_k)
            .await?;
    }
    txn.commit(entry).await?;
    let problems = problems
        .into_iter()
        .enumerate()
        .map(|(i, p)| crate::entities::import_problems::Model {
            import_id: id,
            seq: i32::try_from(i).unwrap_or(i32::MAX),
            row: p.row,
            column: p.column,
            code: p.code,
            message: p.message,
        })
        .collect();
    Ok(view(saved, problems))
}
