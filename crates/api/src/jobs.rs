//! Background jobs of the server (issue 10):
//! - the periodic notifications (`prep_deadline`, `action_item_overdue`), every `notify_interval_secs`.
//!   Each run is idempotent through the notifications' dedupe key, so several nodes may run it at once;
//! - the e-mail sender, every `smtp_interval_secs`, only when `GMC_SMTP_URL` is set: it sends the
//!   outbox's due mails (`notifications::smtp`). Nodes claim each mail before sending it, so several
//!   nodes may run it too. Requests never send mail; they only queue it.
//! - (issue 11) the job queue's worker, every `job_poll_ms` unless 0: claims due jobs
//!   (`gmc_store::services::jobs`) and runs each through `dispatch`, the one place a job kind meets its
//!   handler. Nodes share the queue safely (claims skip rows another node holds).

use std::time::Duration;

use gmc_store::entities::jobs as job_rows;
use gmc_store::services::jobs::{self as queue, kinds, Worker};
use gmc_store::services::notifications::delivery::Retry;
use gmc_store::services::notifications::smtp::{deliver_due, Mailer};
use gmc_store::services::webhooks::send::{self as webhook_send, Sender};
use sea_orm::DatabaseConnection;

use crate::settings::Settings;

/// Mails one sender run claims at most; a full batch is followed at once by another run.
const MAIL_BATCH: u64 = 20;

/// The e-mail sender's configuration, when SMTP is on.
pub struct Mail {
    mailer: Mailer,
    retry: Retry,
    interval: Duration,
}

impl Mail {
    /// `None` when `smtp_url` is unset (e-mail off, the default); an error for an unusable URL or a
    /// missing `From:` address, so a misconfigured server stops at start instead of queueing forever.
    pub fn from_settings(s: &Settings) -> anyhow::Result<Option<Self>> {
        let Some(url) = s.smtp_url.as_ref().filter(|u| !u.expose().is_empty()) else {
            return Ok(None);
        };
        let from = s.smtp_from.as_deref().filter(|f| !f.is_empty()).ok_or_else(|| {
            anyhow::anyhow!("GMC_SMTP_FROM (the e-mails' From: address) is required with GMC_SMTP_URL")
        })?;
        let mailer = Mailer::new(url.expose(), from, Duration::from_secs(s.smtp_timeout_secs.max(1)))
            .and_then(|m| m.with_public_url(s.public_url.as_deref()))
            .map_err(|e| anyhow::anyhow!(e))?;
        let secs = |n: u64| chrono::Duration::seconds(i64::try_from(n).unwrap_or(i64::MAX / 1000));
        let retry = Retry {
            max_attempts: s.smtp_max_attempts.max(1),
            backoff_base: secs(s.smtp_retry_secs),
            // At least twice the longest send (`Mailer` allows 4 timeouts), so a slow but live send is not
            // taken over by another node.
            claim_timeout: secs(s.smtp_claim_timeout_secs.max(s.smtp_timeout_secs.saturating_mul(8))),
            ..Retry::default()
        };
        Ok(Some(Mail { mailer, retry, interval: Duration::from_secs(s.smtp_interval_secs.max(1)) }))
    }
}

/// What the server runs in the background.
pub struct Jobs {
    db: DatabaseConnection,
    /// 0: off (tests call the services directly).
    notify_interval_secs: u64,
    mail: Option<Mail>,
    // issue 11: the job queue's worker
    queue: Option<Queue>,
}

impl Jobs {
    pub fn new(db: DatabaseConnection, notify_interval_secs: u64) -> Self {
        Self { db, notify_interval_secs, mail: None, queue: None }
    }

    // issue 11: the job queue's worker
    /// Adds the job worker (`Queue::from_settings`; `None` leaves this node without one).
    pub fn with_queue(mut self, queue: Option<Queue>) -> Self {
        self.queue = queue;
        self
    }

    /// Adds the e-mail sender (`Mail::from_settings`; `None` leaves e-mail off).
    pub fn with_mail(mut self, mail: Option<Mail>) -> Self {
        self.mail = mail;
        self
    }

    /// Starts the jobs on the current runtime; they stop with it.
    pub fn spawn(self) {
        if let Some(mail) = self.mail {
            tokio::spawn(send_mail(self.db.clone(), mail));
        }
        // issue 11: the job queue's worker
        if let Some(queue) = self.queue {
            tokio::spawn(work(self.db.clone(), queue));
        }
        if self.notify_interval_secs == 0 {
            return;
        }
        let period = Duration::from_secs(self.notify_interval_secs);
        let db = self.db;
        tokio::spawn(async move {
            let mut tick = every(period);
            loop {
                tick.tick().await;
                let today = chrono::Utc::now().date_naive();
                match gmc_store::services::notifications::periodic::run(&db, today).await {
                    Ok(report) => tracing::debug!(?report, "periodic notifications"),
                    Err(e) => tracing::warn!(error = %e, "periodic notifications failed; retrying next period"),
                }
            }
        });
    }
}

fn every(period: Duration) -> tokio::time::Interval {
    let mut tick = tokio::time::interval(period);
    // A slow run is not followed by a burst of catch-up runs.
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tick
}

/// The sender: each period, sends due mails until a run claims less than a full batch.
async fn send_mail(db: DatabaseConnection, mail: Mail) {
    let mut tick = every(mail.interval);
    loop {
        tick.tick().await;
        loop {
            match deliver_due(&db, &mail.mailer, &mail.retry, MAIL_BATCH, chrono::Utc::now()).await {
                Ok(report) => {
                    if report != Default::default() {
                        tracing::info!(?report, "e-mail sender");
                    }
                    let handled = report.sent + report.retrying + report.failed + report.lost;
                    if handled < MAIL_BATCH {
                        break;
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "e-mail sender failed; retrying next period");
                    break;
                }
            }
        }
    }
}

// issue 11: the job queue's worker

/// The job worker's configuration.
pub struct Queue {
    pub worker: Worker,
    pub poll: Duration,
    pub concurrency: u64,
    /// What the `webhook.deliver` handler needs.
    pub webhooks: Sender,
    // issue 11: import jobs
    /// Where the `import.run` handler finds the spooled files (setting `import_spool_dir`).
    pub import_spool: std::path::PathBuf,
}

impl Queue {
    /// `None` when `job_poll_ms` is 0 (no worker on this node).
    pub fn from_settings(s: &Settings) -> anyhow::Result<Option<Self>> {
        if s.job_poll_ms == 0 {
            return Ok(None);
        }
        let node = std::env::var("HOSTNAME").unwrap_or_else(|_| "node".to_owned());
        // issue 11: import jobs — at least 2 s (tests shorten it to see a dead node's job taken again);
        // an import's worker renews it every third of the lease on PostgreSQL.
        let lease = chrono::Duration::seconds(i64::try_from(s.job_lease_secs.max(2)).unwrap_or(300));
        let webhooks = Sender::new(
            s.webhook_egress()?,
            Duration::from_secs(s.webhook_timeout_secs.max(1)),
            s.webhook_disable_after,
        );
        Ok(Some(Queue {
            worker: Worker::new(&node, lease),
            poll: Duration::from_millis(s.job_poll_ms),
            concurrency: u64::try_from(s.job_concurrency.max(1)).unwrap_or(1),
            webhooks,
            // issue 11: import jobs
            import_spool: s.import_spool_dir.clone().into(),
        }))
    }
}

/// Runs one claimed job: the one place a job kind meets its handler (`kinds` lists them). A kind this
/// build does not know fails at once, so an older node sharing the queue with a newer one leaves no
/// job looping. `now` stamps the outcome and is what backoffs count from.
pub async fn dispatch(
    db: &DatabaseConnection,
    q: &Queue,
    job: &job_rows::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> queue::Outcome {
    let ran = match job.kind.as_str() {
        kinds::WEBHOOK_DELIVER => webhook_send::deliver(db, &q.webhooks, job, now).await,
        // issue 11: import jobs
        kinds::IMPORT_RUN => gmc_store::services::imports::job::run(db, &q.worker, job, &q.import_spool).await,
        other => {
            let error = format!("unknown job kind `{other}`");
            queue::fail(db, job, now, &q.webhooks.retry, &error, true).await
        }
    };
    match ran {
        Ok(outcome) => outcome,
        Err(e) => {
            // The handler's own error (the database, mostly): retried like any failure.
            tracing::warn!(job = %job.id, kind = %job.kind, error = %e, "job failed");
            queue::fail(db, job, now, &q.webhooks.retry, &e.to_string(), false).await.unwrap_or(queue::Outcome::Lost)
        }
    }
}

/// Claims and runs due jobs, up to `concurrency` at once; a full batch is followed at once by another.
pub async fn run_due(db: &DatabaseConnection, q: &Queue, now: chrono::DateTime<chrono::Utc>) -> anyhow::Result<usize> {
    let jobs = queue::claim(db, &q.worker, now, q.concurrency).await?;
    let n = jobs.len();
    futures_util::future::join_all(jobs.iter().map(|job| dispatch(db, q, job, now))).await;
    Ok(n)
}

/// Keeps up to `concurrency` jobs running: a slot freed by a finished job is filled at once (one claim
/// per finished job), and an idle worker looks again every `poll`. Waiting for a whole batch instead
/// held every slot for the batch's slowest job: one slow receiver or one long import kept every other
/// job waiting (test `a_slow_receiver_holds_one_slot_of_the_worker_not_all_of_them`).
async fn work(db: DatabaseConnection, q: Queue) {
    // Each job is its own task: it keeps running while this loop waits on a claim (a future merely
    // held here would not be polled meanwhile, and could hold the SQLite writer while it waits).
    let q = std::sync::Arc::new(q);
    let mut tick = every(q.poll);
    let mut running = tokio::task::JoinSet::new();
    loop {
        let free = q.concurrency.saturating_sub(u64::try_from(running.len()).unwrap_or(u64::MAX));
        if free > 0 {
            let now = chrono::Utc::now();
            match queue::claim(&db, &q.worker, now, free).await {
                Ok(jobs) => {
                    for job in jobs {
                        let (db, q) = (db.clone(), q.clone());
                        running.spawn(async move { dispatch(&db, &q, &job, now).await });
                    }
                }
                Err(e) => tracing::warn!(error = %e, "job worker failed to claim; retrying next period"),
            }
        }
        tokio::select! {
            Some(_) = running.join_next(), if !running.is_empty() => {}
            _ = tick.tick() => {}
        }
    }
}
