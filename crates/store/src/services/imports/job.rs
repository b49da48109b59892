//! The `import.run` job (issue 11: import jobs): runs a queued import from its spooled file.
//!
//! - the account that queued it is loaded again: one disabled (or moved) meanwhile gets nothing written
//!   and the import ends `failed`, naming why;
//! - the rows stream from the file (`read::rows_from_file`) through the same runner as a request's,
//!   in ONE transaction: a node killed mid-file leaves nothing (the transaction never committed), and
//!   the next attempt (the lease ran out: `jobs::claim`) runs the whole file again;
//! - the runner finishes the import's row only while it is still open (`record::finish_open`), in the
//!   transaction that commits the rows, so a cancel or a second attempt can never count rows twice;
//! - a cancel is seen at the next row (`live::watch`): on this node through `live`, from another node
//!   (PostgreSQL) through the job's row, read each progress tick.

use std::path::Path;
use std::sync::Arc;

use chrono::Utc;
use gmc_domain::ids::{ApiKeyId, DelegationId, UserId};
use gmc_domain::import::ImportStatus;
use gmc_domain::{Actor, AuthMethod};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, Set};
use serde_json::json;
use uuid::Uuid;

use super::live::{self, Live};
use super::record::{finish_open, save};
use super::runner::{run_as, ImportOptions};
use super::view::ImportProblemView;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{api_keys, imports, jobs as job_rows, users};
use crate::services::jobs::{self, Outcome, Progress, Worker};
use crate::{AppError, AppResult};

/// The spooled file of a job, when its payload names one that stays inside `spool`.
pub fn spooled_file(spool: &Path, job: &job_rows::Model) -> Option<std::path::PathBuf> {
    let name = job.payload.get("file")?.as_str()?;
    // A name only: the payload is ours, but a path in it must never reach outside the spool directory.
    let plain = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    (plain && !name.starts_with('.')).then(|| spool.join(name))
}

/// Runs the import job `job`, reading its file from `spool`.
pub async fn run(db: &DatabaseConnection, worker: &Worker, job: &job_rows::Model, spool: &Path) -> AppResult<Outcome> {
    let path = spooled_file(spool, job);
    let Some(import) = imports::Entity::find_by_id(job.id).one(db).await? else {
        return jobs::complete(db, job, json!({"status": "missing"})).await;
    };
    if !import.status.0.is_open() {
        // Finished by an earlier attempt (whose own `complete` was lost) or cancelled: nothing to do.
        remove(path.as_deref());
        return jobs::complete(db, job, json!({"status": import.status.0})).await;
    }
    let actor = match actor_of(db, job, &import).await? {
        Ok(actor) => actor,
        Err((field, code, text)) => return fail(db, job, &import, path.as_deref(), field, code, text).await,
    };
    let Some(path) = path else {
        return fail(db, job, &import, None, "file", "missing", "the uploaded file is not named").await;
    };
    if !mark_running(db, &import).await? {
        return jobs::complete(db, job, json!({"status": "ended"})).await;
    }
    let options = ImportOptions {
        kind: import.kind.0,
        format: import.format.0,
        mode: import.mode.0,
        dry_run: import.dry_run,
        on_error: import.on_error.0,
        delegation_id: import.delegation_id,
        // issue 11: response imports — kept in the job's payload by `queue`.
        consultation_id: job.payload.get("consultation_id").and_then(|v| v.as_str()).and_then(|s| s.parse().ok()),
        small_cell_k: job
            .payload
            .get("small_cell_k")
            .and_then(serde_json::Value::as_i64)
            .unwrap_or(gmc_domain::disclosure::DEFAULT_K),
    };
    let rows = match super::read::rows_from_file(options.format, &path, options.kind) {
        Ok(rows) => rows,
        Err(e) => return fail(db, job, &import, Some(&path), "file", e.code, &e.message).await,
    };
    let here = live::register(import.id);
    let ticker = tick(db, worker, job, here.live.clone());
    let rows = live::watch(rows, here.live.clone());
    let mut report = |p: super::Progress| here.live.set_rows(p.rows);
    let ran = run_as(db, &actor, &options, Some(import.id), rows, &mut report).await;
    if let Some(t) = ticker {
        t.abort();
    }
    match ran {
        Ok(done) => {
            remove(Some(&path));
            jobs::complete(db, job, json!({"status": done.status, "rows_total": done.rows_total})).await
        }
        // Cancelled (the cancel wrote the import's end), or the claim went to another worker (whose
        // attempt runs the file again): this attempt wrote nothing and records nothing.
        Err(_) if here.live.stopped() => Ok(Outcome::Lost),
        Err(AppError::Conflict(_)) => Ok(Outcome::Lost),
        Err(AppError::Validation(v)) => {
            let first = v.errors().first().map(|f| (f.field.clone(), f.code.clone(), f.message.clone()));
            let (field, code, message) = first.unwrap_or_else(|| ("file".into(), "invalid".into(), String::new()));
            fail(db, job, &import, Some(&path), &field, &code, &message).await
        }
        // issue 11: response imports — the consultation is gone, no longer the owner's, or archived.
        Err(AppError::NotFound(_) | AppError::Closed(_)) => {
            let text = "the consultation is gone, not one the account may import answers to, or takes no more";
            fail(db, job, &import, Some(&path), "consultation_id", "not_allowed", text).await
        }
        Err(AppError::Forbidden) => {
            let text = "the account that started the import may no longer import for this delegation";
            fail(db, job, &import, Some(&path), "created_by", "forbidden", text).await
        }
        // The database (or another passing failure): the job is retried and runs the file again.
        Err(other) => Err(other),
    }
}

/// On PostgreSQL, a task that records progress and renews the lease every tick, and stops the import
/// when the job was cancelled or its claim lost. None on SQLite: the import's transaction holds the one
/// writer, and progress is read from `live` there.
fn tick(
    db: &DatabaseConnection,
    worker: &Worker,
    job: &job_rows::Model,
    live: Arc<Live>,
) -> Option<tokio::task::JoinHandle<()>> {
    if db.get_database_backend() != DbBackend::Postgres {
        return None;
    }
    let (db, worker, job) = (db.clone(), worker.clone(), job.clone());
    let total = job.payload.get("rows_expected").and_then(serde_json::Value::as_i64);
    // A third of the lease, so that two ticks may be missed before another node takes the job.
    let every = (worker.lease / 3)
        .to_std()
        .unwrap_or_default()
        .clamp(std::time::Duration::from_millis(200), std::time::Duration::from_secs(10));
    Some(tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            let done = i64::try_from(live.rows()).unwrap_or(i64::MAX);
            match jobs::progress(&db, &worker, &job, done, total).await {
                Ok(Progress::Continue) => {}
                Ok(Progress::Stop) => {
                    live.stop();
                    return;
                }
                Err(e) => tracing::warn!(job = %job.id, error = %e, "import progress not recorded"),
            }
        }
    }))
}

/// Why a job's account may no longer run its import: the column, code and message of the problem.
type Withdrawn = (&'static str, &'static str, &'static str);

/// The account that queued `import`, as it is now, with the credential it used: refused when the
/// account is disabled or gone, or when the API key that queued it is revoked or expired since.
async fn actor_of(
    db: &DatabaseConnection,
    job: &job_rows::Model,
    import: &imports::Model,
) -> AppResult<Result<Actor, Withdrawn>> {
    let Some(user) = users::Entity::find_by_id(import.created_by).one(db).await?.filter(|u| u.active) else {
        return Ok(Err((
            "created_by",
            "inactive",
            "the account that started the import is disabled or gone; nothing was written",
        )));
    };
    // The request was authenticated (and, for an admin, with a second factor) when it was queued; what
    // may have changed since is the account itself — its being active, its role and its delegation —
    // and the key it used.
    let key_id = job.payload.get("api_key").and_then(serde_json::Value::as_str).and_then(|s| Uuid::parse_str(s).ok());
    let (method, mfa) = match key_id {
        None => (AuthMethod::Session, true),
        Some(id) => {
            let now = Utc::now();
            let key = api_keys::Entity::find_by_id(id)
                .one(db)
                .await?
                .filter(|k| k.user_id == user.id && k.revoked_at.is_none() && k.expires_at.is_none_or(|e| e > now));
            let Some(key) = key else {
                return Ok(Err((
                    "api_key",
                    "revoked",
                    "the API key that started the import is revoked or expired; nothing was written",
                )));
            };
            let scopes = crate::services::auth::parse_scopes(&key.scopes)?;
            (AuthMethod::ApiKey { id: ApiKeyId::from_uuid(key.id), scopes }, key.mfa)
        }
    };
    Ok(Ok(Actor {
        user_id: UserId::from_uuid(user.id),
        role: user.role.0,
        delegation_id: user.delegation_id.map(DelegationId::from_uuid),
        method,
        mfa,
    }))
}

/// `queued` → `running` (audited: the start of an attempt); false when the import is no longer open.
async fn mark_running(db: &DatabaseConnection, import: &imports::Model) -> AppResult<bool> {
    let txn = AuditedTxn::begin(db).await?;
    let mut m: imports::ActiveModel = import.clone().into();
    m.status = Set(ImportStatus::Running.into());
    match finish_open(&txn, m).await {
        Ok(_) => {}
        Err(AppError::Conflict(_)) => return Ok(false),
        Err(e) => return Err(e),
    }
    let entry = AuditEntry::by_label("import.start", "import", "system (job worker)")
        .changes(json!({"status": ImportStatus::Running}));
    let entry = AuditEntry { entity_id: Some(import.id.to_string()), ..entry };
    txn.commit(entry).await?;
    Ok(true)
}

/// Ends the import `failed` with one problem saying why (nothing of the file was written), and the job
/// done: retrying would fail the same way.
async fn fail(
    db: &DatabaseConnection,
    job: &job_rows::Model,
    import: &imports::Model,
    path: Option<&Path>,
    column: &str,
    code: &str,
    message: &str,
) -> AppResult<Outcome> {
    let txn = AuditedTxn::begin(db).await?;
    let mut m: imports::ActiveModel = import.clone().into();
    m.status = Set(ImportStatus::Failed.into());
    m.finished_at = Set(Some(Utc::now()));
    let problem =
        ImportProblemView { row: 0, column: column.to_owned(), code: code.to_owned(), message: message.to_owned() };
    let saved = match save(&txn, m, &[problem], true).await {
        Ok(saved) => saved,
        Err(AppError::Conflict(_)) => return Ok(Outcome::Lost),
        Err(e) => return Err(e),
    };
    // An integrator waiting for the import learns that it ended, as for any other ending (a check
    // announces nothing: it writes nothing).
    if !saved.dry_run {
        crate::services::webhooks::events::import_finished(&txn, &saved).await?;
    }
    if !jobs::complete_in(&txn, job, json!({"status": ImportStatus::Failed, "code": code})).await? {
        return Ok(Outcome::Lost);
    }
    let entry = AuditEntry::by_label("import.fail", "import", "system (job worker)")
        .changes(json!({"status": ImportStatus::Failed, "column": column, "code": code, "message": message}));
    let entry = AuditEntry { entity_id: Some(import.id.to_string()), ..entry };
    let entry = match import.delegation_id {
        Some(d) => entry.delegation(d),
        None => entry,
    };
    txn.commit(entry).await?;
    remove(path);
    Ok(Outcome::Done)
}

/// Removes a spooled file once its import has ended (a file already gone is no error).
fn remove(path: Option<&Path>) {
    if let Some(p) = path {
        if let Err(e) = std::fs::remove_file(p) {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!(file = %p.display(), error = %e, "spooled import file not removed");
            }
        }
    }
}
