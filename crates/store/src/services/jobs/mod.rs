//! The durable job queue (issue 11): work that must not run inside a request — webhook deliveries,
//! large imports — is a row of `jobs`, written inside the audited transaction that asks for it (so a
//! rolled-back write leaves no job), and run by the server's worker (`gmc_api::jobs`) on any node.
//!
//! A worker *claims* due jobs: it marks them `running`, with its name in `locked_by` and a lease in
//! `locked_until`. On PostgreSQL the candidates are read `FOR UPDATE SKIP LOCKED` inside the claiming
//! transaction, so two nodes never wait on, or take, the same row; on SQLite (one writer at a time) each
//! candidate is taken by a conditional `UPDATE … WHERE id = ? AND <still due>` and counts only if it
//! changed one row. A job whose lease ran out belongs to a worker that died: the next claim takes it
//! again (jobs survive restarts). Every later write of the worker names its claim (`locked_by` and
//! `attempts`), so a worker that lost its claim changes nothing. Cancelling sets `cancelled` at once;
//! a running handler learns it at its next `progress` call and stops.

pub mod kinds;

use chrono::{DateTime, Duration, Utc};
use gmc_domain::webhook::JobStatus;
use rand::Rng;
use sea_orm::sea_query::{Condition, Expr, LockBehavior, LockType};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::jobs::{self, Column};
use crate::services::notifications::delivery::Retry;
use crate::AppResult;

/// Who the audit log names for the worker's writes.
const WORKER: &str = "system (job worker)";

/// Longest error kept on a job.
pub const ERROR_MAX: usize = 500;

/// A job to queue.
#[derive(Debug, Clone)]
pub struct NewJob {
    /// One of `kinds`.
    pub kind: &'static str,
    pub payload: Value,
    /// Attempts before the job is `failed` for good (at least 1).
    pub max_attempts: i32,
    /// Not before this; none: at once.
    pub run_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
}

/// Queues a job on the caller's transaction (so it exists exactly when the caller's write commits);
/// returns its id. The caller's audit entry covers it.
pub async fn enqueue<C: ConnectionTrait>(txn: &C, job: NewJob) -> AppResult<Uuid> {
    let now = Utc::now();
    let id = Uuid::now_v7();
    jobs::ActiveModel {
        id: Set(id),
        kind: Set(job.kind.to_owned()),
        payload: Set(job.payload),
        status: Set(JobStatus::Queued.into()),
        attempts: Set(0),
        max_attempts: Set(job.max_attempts.max(1)),
        run_at: Set(job.run_at.unwrap_or(now)),
        locked_by: Set(None),
        locked_until: Set(None),
        progress_done: Set(0),
        progress_total: Set(None),
        last_error: Set(None),
        result: Set(None),
        created_by: Set(job.created_by),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(txn)
    .await?;
    Ok(id)
}

/// A worker: its name (unique per process: a node name and a random suffix) and how long a claim holds
/// before another worker may take the job (keep it well above a handler's slowest step between two
/// `progress` calls).
#[derive(Debug, Clone)]
pub struct Worker {
    pub name: String,
    pub lease: Duration,
}

impl Worker {
    pub fn new(node: &str, lease: Duration) -> Self {
        let suffix = Uuid::new_v4().simple().to_string();
        let name: String = format!("{node}:{}", suffix.get(..8).unwrap_or(&suffix)).chars().take(64).collect();
        Self { name, lease }
    }
}

/// The jobs a claim may take at `now`: queued and due, or running under a lease that ran out (with
/// attempts left: a job that keeps killing its worker ends `failed`, see `fail_abandoned`).
fn due(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(Condition::all().add(Column::Status.eq(JobStatus::Queued.as_str())).add(Column::RunAt.lte(now)))
        .add(
            Condition::all()
                .add(Column::Status.eq(JobStatus::Running.as_str()))
                .add(Column::LockedUntil.lt(now))
                .add(Expr::col(Column::Attempts).lt(Expr::col(Column::MaxAttempts))),
        )
}

/// Claims up to `batch` due jobs, oldest due first; returns the ones this worker got.
pub async fn claim(
    db: &DatabaseConnection,
    worker: &Worker,
    now: DateTime<Utc>,
    batch: u64,
) -> AppResult<Vec<jobs::Model>> {
    fail_abandoned(db, now).await?;
    let pg = db.get_database_backend() == DbBackend::Postgres;
    if !pg {
        // SQLite: a cheap look first, so an idle worker takes no write lock.
        let any = jobs::Entity::find().filter(due(now)).limit(1).all(db).await?;
        if any.is_empty() {
            return Ok(Vec::new());
        }
    }
    let txn = AuditedTxn::begin(db).await?;
    let mut select =
        jobs::Entity::find().filter(due(now)).order_by_asc(Column::RunAt).order_by_asc(Column::Id).limit(batch);
    if pg {
        // Rows another node is claiming right now are skipped, not waited for.
        select = select.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let candidates = select.all(&txn).await?;
    let until = now + worker.lease;
    let mut claimed = Vec::new();
    for job in candidates {
        let attempts = job.attempts.saturating_add(1);
        // The condition it was read with, again: on SQLite this is what makes a race lose cleanly.
        let res = jobs::Entity::update_many()
            .col_expr(Column::Status, Expr::value(JobStatus::Running.as_str()))
            .col_expr(Column::LockedBy, Expr::value(worker.name.clone()))
            .col_expr(Column::LockedUntil, Expr::value(until))
            .col_expr(Column::Attempts, Expr::value(attempts))
            .col_expr(Column::UpdatedAt, Expr::value(now))
            .filter(Column::Id.eq(job.id))
            .filter(Column::Attempts.eq(job.attempts))
            .filter(due(now))
            .exec(&txn)
            .await?;
        if res.rows_affected == 1 {
            claimed.push(jobs::Model {
                status: JobStatus::Running.into(),
                locked_by: Some(worker.name.clone()),
                locked_until: Some(until),
                attempts,
                updated_at: now,
                ..job
            });
        }
    }
    if claimed.is_empty() {
        return Ok(claimed);
    }
    let ids: Vec<Uuid> = claimed.iter().map(|j| j.id).collect();
    let entry = AuditEntry::by_label("job.claim", "job", WORKER).changes(json!({"ids": ids, "worker": worker.name}));
    txn.commit(entry).await?;
    Ok(claimed)
}

/// Running jobs whose lease ran out with no attempts left: `failed`, so they leave the queue.
async fn fail_abandoned(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<()> {
    let cond = Condition::all()
        .add(Column::Status.eq(JobStatus::Running.as_str()))
        .add(Column::LockedUntil.lt(now))
        .add(Expr::col(Column::Attempts).gte(Expr::col(Column::MaxAttempts)));
    if jobs::Entity::find().filter(cond.clone()).limit(1).all(db).await?.is_empty() {
        return Ok(());
    }
    let txn = AuditedTxn::begin(db).await?;
    let res = jobs::Entity::update_many()
        .col_expr(Column::Status, Expr::value(JobStatus::Failed.as_str()))
        .col_expr(Column::LastError, Expr::value("the worker stopped while running it, on every attempt"))
        .col_expr(Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(cond)
        .exec(&txn)
        .await?;
    txn.commit(AuditEntry::by_label("job.abandoned", "job", WORKER).changes(json!({"count": res.rows_affected})))
        .await?;
    Ok(())
}

/// Only while `job`'s claim is still this worker's.
fn held(job: &jobs::Model) -> Condition {
    Condition::all()
        .add(Column::Id.eq(job.id))
        .add(Column::Status.eq(JobStatus::Running.as_str()))
        .add(Column::LockedBy.eq(job.locked_by.clone().unwrap_or_default()))
        .add(Column::Attempts.eq(job.attempts))
}

/// What a handler should do after reporting progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Continue,
    /// The job was cancelled, or its claim was lost to another worker: stop without writing more.
    Stop,
}

/// Records progress (`done` of `total`) and renews the lease. A single-statement system write under
/// the write gate, without an audit event: progress is bookkeeping of a job whose start and end are
/// audited, and an event per step of a large import would drown the log.
pub async fn progress(
    db: &DatabaseConnection,
    worker: &Worker,
    job: &jobs::Model,
    done: i64,
    total: Option<i64>,
) -> AppResult<Progress> {
    let now = Utc::now();
    let _gate = crate::db::write_gate(db).await;
    let res = jobs::Entity::update_many()
        .col_expr(Column::ProgressDone, Expr::value(done))
        .col_expr(Column::ProgressTotal, Expr::value(total))
        .col_expr(Column::LockedUntil, Expr::value(now + worker.lease))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(held(job))
        .exec(db)
        .await?;
    Ok(if res.rows_affected == 1 { Progress::Continue } else { Progress::Stop })
}

/// What became of a job after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Failed; queued again after the backoff.
    Retrying,
    /// Failed for good.
    Failed,
    /// Cancelled meanwhile, or taken over by another worker: nothing recorded.
    Lost,
}

/// Records that `job` finished, with its result.
pub async fn complete(db: &DatabaseConnection, job: &jobs::Model, result: Value) -> AppResult<Outcome> {
    let txn = AuditedTxn::begin(db).await?;
    if !complete_in(&txn, job, result).await? {
        return Ok(Outcome::Lost);
    }
    txn.commit(done_entry(job)).await?;
    Ok(Outcome::Done)
}

/// The audit event of a finished job.
pub fn done_entry(job: &jobs::Model) -> AuditEntry<'static> {
    let mut entry = AuditEntry::by_label("job.done", "job", WORKER).changes(json!({"kind": job.kind}));
    entry.entity_id = Some(job.id.to_string());
    entry
}

/// `complete` on the caller's transaction (a handler recording its own outcome in the same commit);
/// false when the claim is no longer this worker's (then the caller must not commit its own writes).
pub async fn complete_in<C: ConnectionTrait>(txn: &C, job: &jobs::Model, result: Value) -> AppResult<bool> {
    let res = jobs::Entity::update_many()
        .col_expr(Column::Status, Expr::value(JobStatus::Done.as_str()))
        .col_expr(Column::Result, Expr::value(result))
        .col_expr(Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::LastError, Expr::value(Option::<String>::None))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(held(job))
        .exec(txn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// `retry.backoff(attempts)`, spread by ±20 % so that jobs failing together (a receiver down) do not
/// come back together.
pub fn backoff_with_jitter(retry: &Retry, attempts: i32) -> Duration {
    let base = retry.backoff(attempts);
    let ms = base.num_milliseconds();
    let spread = ms / 5;
    let jitter = if spread > 0 { rand::thread_rng().gen_range(-spread..=spread) } else { 0 };
    Duration::milliseconds(ms.saturating_add(jitter).max(0))
}

/// Records a failed attempt: queued again after the backoff, or `failed` when `permanent` or out of
/// attempts.
pub async fn fail(
    db: &DatabaseConnection,
    job: &jobs::Model,
    now: DateTime<Utc>,
    retry: &Retry,
    error: &str,
    permanent: bool,
) -> AppResult<Outcome> {
    let txn = AuditedTxn::begin(db).await?;
    let Some(failed) = fail_in(&txn, job, now, retry, error, permanent).await? else {
        return Ok(Outcome::Lost);
    };
    txn.commit(failed.entry(job)).await?;
    Ok(failed.outcome)
}

/// What `fail_in` recorded.
#[derive(Debug, Clone)]
pub struct Failed {
    /// `Retrying` or `Failed`.
    pub outcome: Outcome,
    /// When the next attempt is due (when retrying).
    pub run_at: DateTime<Utc>,
    pub error: String,
}

impl Failed {
    /// The audit event of the failed attempt.
    pub fn entry(&self, job: &jobs::Model) -> AuditEntry<'static> {
        let status = if self.outcome == Outcome::Failed { JobStatus::Failed } else { JobStatus::Queued };
        let changes = json!({"kind": job.kind, "status": status.as_str(), "attempts": job.attempts,
            "error": self.error, "run_at": self.run_at});
        let mut entry = AuditEntry::by_label("job.attempt_failed", "job", WORKER).changes(changes);
        entry.entity_id = Some(job.id.to_string());
        entry
    }
}

/// `fail` on the caller's transaction; none when the claim is no longer this worker's.
pub async fn fail_in<C: ConnectionTrait>(
    txn: &C,
    job: &jobs::Model,
    now: DateTime<Utc>,
    retry: &Retry,
    error: &str,
    permanent: bool,
) -> AppResult<Option<Failed>> {
    let error: String = error.chars().take(ERROR_MAX).collect();
    let give_up = permanent || job.attempts >= job.max_attempts.max(1);
    let (status, run_at, outcome) = if give_up {
        (JobStatus::Failed, job.run_at, Outcome::Failed)
    } else {
        (JobStatus::Queued, now + backoff_with_jitter(retry, job.attempts), Outcome::Retrying)
    };
    let res = jobs::Entity::update_many()
        .col_expr(Column::Status, Expr::value(status.as_str()))
        .col_expr(Column::RunAt, Expr::value(run_at))
        .col_expr(Column::LastError, Expr::value(error.clone()))
        .col_expr(Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(held(job))
        .exec(txn)
        .await?;
    if res.rows_affected != 1 {
        return Ok(None);
    }
    Ok(Some(Failed { outcome, run_at, error }))
}

/// Cancels a job that has not ended, inside the caller's audited transaction (the caller authorizes
/// and audits: e.g. an import's owner cancelling it). A queued job never runs; a running one stops at
/// its next `progress`. Returns whether it was still open.
pub async fn cancel<C: ConnectionTrait>(txn: &C, id: Uuid) -> AppResult<bool> {
    let res = jobs::Entity::update_many()
        .col_expr(Column::Status, Expr::value(JobStatus::Cancelled.as_str()))
        .col_expr(Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(id))
        .filter(Column::Status.is_in([JobStatus::Queued.as_str(), JobStatus::Running.as_str()]))
        .exec(txn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// A job as it stands (for the feature that owns it to show progress and result; no authorization
/// here — the owning feature decides who may see its jobs).
pub async fn find<C: ConnectionTrait>(db: &C, id: Uuid) -> AppResult<Option<jobs::Model>> {
    Ok(jobs::Entity::find_by_id(id).one(db).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jitter_stays_within_a_fifth_of_the_backoff() {
        let r = Retry { backoff_base: Duration::seconds(100), backoff_max: Duration::hours(6), ..Retry::default() };
        for _ in 0..200 {
            let d = backoff_with_jitter(&r, 1).num_milliseconds();
            assert!((80_000..=120_000).contains(&d), "{d}");
        }
    }
}
