//! Group commit of public responses. Submissions arrive many at a time and SQLite has one writer: each
//! in its own transaction, they queue on the write gate and commit one by one. Here one task takes
//! whatever submissions are waiting (up to `MAX_BATCH`) and commits them in one transaction, so a burst
//! costs one commit instead of hundreds. Each caller still waits for its own outcome: if a batch fails,
//! its submissions are retried one by one, so one bad submission cannot sink the others.

use sea_orm::{DatabaseConnection, EntityTrait};
use tokio::sync::{mpsc, oneshot};

use super::counts::{self, Counts};
use crate::audit::{AuditedTxn, Unaudited};
use crate::entities::{answers, responses};
use crate::{AppError, AppResult};

const MAX_BATCH: usize = 256;
const QUEUE: usize = 4096;

/// One response to write: the response row, its answer rows and what it adds to the counts.
pub(crate) struct Job {
    pub response: responses::ActiveModel,
    pub answers: Vec<answers::ActiveModel>,
    pub counts: Counts,
    // issue 11: response imports — what its `response.received` event names.
    pub consultation_id: uuid::Uuid,
    pub channel: gmc_domain::consultation::Channel,
}

type Pending = (Job, oneshot::Sender<AppResult<()>>);

/// The handle handlers share; cloning it is cheap.
#[derive(Clone)]
pub struct ResponseWriter {
    tx: mpsc::Sender<Pending>,
}

impl ResponseWriter {
    /// Starts the writer task on the current Tokio runtime. `small_cell_k` decides whether the
    /// `response.received` events may carry the consultation's response count.
    pub fn start(db: DatabaseConnection, small_cell_k: i64) -> Self {
        let (tx, rx) = mpsc::channel(QUEUE);
        tokio::spawn(run(db, rx, small_cell_k));
        Self { tx }
    }

    pub(crate) async fn write(&self, job: Job) -> AppResult<()> {
        let (done, wait) = oneshot::channel();
        self.tx.send((job, done)).await.map_err(|_| AppError::Internal(anyhow::anyhow!("response writer stopped")))?;
        wait.await.map_err(|_| AppError::Internal(anyhow::anyhow!("response writer dropped a submission")))?
    }
}

async fn run(db: DatabaseConnection, mut rx: mpsc::Receiver<Pending>, k: i64) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(p) => batch.push(p),
                Err(_) => break,
            }
        }
        let jobs: Vec<&Job> = batch.iter().map(|(j, _)| j).collect();
        match write_refs(&db, &jobs, k).await {
            Ok(()) => {
                for (_, done) in batch {
                    let _ = done.send(Ok(()));
                }
            }
            Err(e) if batch.len() == 1 => {
                if let Some((_, done)) = batch.into_iter().next() {
                    let _ = done.send(Err(e));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, size = batch.len(), "batch of responses failed; writing them one by one");
                for (job, done) in batch {
                    let outcome = write_all(&db, std::slice::from_ref(&job), k).await;
                    let _ = done.send(outcome);
                }
            }
        }
    }
}

async fn write_all(db: &DatabaseConnection, jobs: &[Job], k: i64) -> AppResult<()> {
    let refs: Vec<&Job> = jobs.iter().collect();
    write_refs(db, &refs, k).await
}

async fn write_refs(db: &DatabaseConnection, jobs: &[&Job], k: i64) -> AppResult<()> {
    let mut merged = Counts::new();
    for job in jobs {
        for (k, (n, f)) in &job.counts {
            let e = merged.entry(k.clone()).or_default();
            e.0 += n;
            e.1 += f;
        }
    }
    let txn = AuditedTxn::begin(db).await?;
    responses::Entity::insert_many(jobs.iter().map(|j| j.response.clone())).exec_without_returning(&txn).await?;
    let rows: Vec<answers::ActiveModel> = jobs.iter().flat_map(|j| j.answers.iter().cloned()).collect();
    for chunk in rows.chunks(1000) {
        answers::Entity::insert_many(chunk.to_vec()).exec_without_returning(&txn).await?;
    }
    counts::upsert(&txn, merged).await?;
    // issue 11: response imports — one event per response, in the transaction that writes it.
    if crate::services::webhooks::emit::anyone_wants(&txn, gmc_domain::webhook::WebhookEvent::ResponseReceived).await? {
        for job in jobs {
            crate::services::webhooks::events::response_received(&txn, job.consultation_id, job.channel, None, k)
                .await?;
        }
    }
    txn.commit_unaudited(Unaudited::AnonymousPublicSubmission).await?;
    Ok(())
}
