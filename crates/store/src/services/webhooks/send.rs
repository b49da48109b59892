//! The `webhook.deliver` job's handler: one attempt at one delivery.
//!
//! The target is checked again (SSRF: DNS may have changed since the subscription was made) and the
//! request goes to exactly the addresses checked, with redirects off (a redirect could point inside).
//! The attempt, the subscription's failure count and the job's next state are written in one
//! transaction; a subscription failing `disable_after` attempts in a row is switched off there too, and
//! its owner told in the app.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use gmc_domain::notification::NotificationKind;
use gmc_domain::webhook::DeliveryStatus;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::egress::Egress;
use super::sign;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{jobs as job_rows, webhook_deliveries as deliveries, webhook_subscriptions as subs};
use crate::services::jobs::{self, Outcome};
use crate::services::notifications::delivery::Retry;
use crate::services::notifications::{notify, NewNotification, Subject};
use crate::AppResult;

/// The most of a receiver's answer kept in the log.
pub const EXCERPT_MAX: usize = 1024;

/// How the sender behaves (settings `webhook_*`).
#[derive(Debug, Clone)]
pub struct Sender {
    pub egress: Egress,
    /// The whole of one attempt (connect, TLS, request, the answer's first KiB).
    pub timeout: Duration,
    /// Failed attempts in a row after which a subscription is switched off.
    pub disable_after: i32,
    /// The wait between attempts: 1 minute doubling up to 6 hours, ±20 % jitter (`jobs`).
    pub retry: Retry,
}

impl Sender {
    pub fn new(egress: Egress, timeout: Duration, disable_after: i32) -> Self {
        let retry = Retry {
            max_attempts: super::emit::MAX_ATTEMPTS,
            backoff_base: chrono::Duration::seconds(60),
            backoff_max: chrono::Duration::hours(6),
            ..Retry::default()
        };
        Sender { egress, timeout, disable_after: disable_after.max(1), retry }
    }
}

/// What one attempt got.
struct Attempt {
    http_status: Option<i32>,
    latency_ms: i64,
    excerpt: Option<String>,
    error: Option<String>,
}

impl Attempt {
    fn ok(&self) -> bool {
        self.error.is_none()
    }
    fn refused(error: String) -> Self {
        Attempt { http_status: None, latency_ms: 0, excerpt: None, error: Some(error) }
    }
}

/// Runs one `webhook.deliver` job.
pub async fn deliver(
    db: &DatabaseConnection,
    sender: &Sender,
    job: &job_rows::Model,
    now: DateTime<Utc>,
) -> AppResult<Outcome> {
    let id = job.payload.get("delivery_id").and_then(|v| v.as_str()).and_then(|v| Uuid::parse_str(v).ok());
    let delivery = match id {
        Some(id) => deliveries::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let Some(delivery) = delivery.filter(|d| d.status.0 == DeliveryStatus::Pending) else {
        // Deleted with its subscription, or already settled (a replay queued a second job).
        return jobs::complete(db, job, json!({"skipped": true})).await;
    };
    let sub = subs::Entity::find_by_id(delivery.subscription_id).one(db).await?.filter(|s| s.enabled);
    let Some(sub) = sub else {
        return settle(db, sender, job, &delivery, None, Attempt::refused("the subscription is disabled".into()), now)
            .await;
    };
    let attempt = attempt(sender, &sub, &delivery).await;
    settle(db, sender, job, &delivery, Some(&sub), attempt, now).await
}

async fn attempt(sender: &Sender, sub: &subs::Model, delivery: &deliveries::Model) -> Attempt {
    let (host, addrs) = match sender.egress.check(&sub.url).await {
        Ok(v) => v,
        Err(p) => return Attempt::refused(format!("target refused: {}", p.message)),
    };
    let msg_id = format!("msg_{}", delivery.id.simple());
    let ts = Utc::now().timestamp();
    let signature = match sign::signature(&sub.secret, &msg_id, ts, &delivery.body) {
        Ok(s) => s,
        Err(e) => return Attempt::refused(e),
    };
    let client = match reqwest::Client::builder()
        .timeout(sender.timeout)
        .redirect(reqwest::redirect::Policy::none())
        .resolve_to_addrs(&host, &addrs)
        .user_agent("gmc-webhooks/1")
        .build()
    {
        Ok(c) => c,
        Err(e) => return Attempt::refused(format!("client: {e}")),
    };
    let started = Instant::now();
    let sent = client
        .post(&sub.url)
        .header("content-type", "application/json")
        .header("webhook-id", &msg_id)
        .header("webhook-timestamp", ts.to_string())
        .header("webhook-signature", signature)
        .body(delivery.body.clone())
        .send()
        .await;
    let mut resp = match sent {
        Ok(r) => r,
        Err(e) => {
            let why = if e.is_timeout() { "timed out".to_owned() } else { "no answer (connection failed)".to_owned() };
            let mut a = Attempt::refused(why);
            a.latency_ms = elapsed_ms(started);
            return a;
        }
    };
    let status = resp.status();
    let mut bytes: Vec<u8> = Vec::new();
    // The first KiB only: a receiver answering a novel costs nothing more.
    while bytes.len() < EXCERPT_MAX {
        match tokio::time::timeout(sender.timeout, resp.chunk()).await {
            Ok(Ok(Some(chunk))) => bytes.extend_from_slice(&chunk),
            _ => break,
        }
    }
    bytes.truncate(EXCERPT_MAX);
    let excerpt = String::from_utf8_lossy(&bytes).into_owned();
    Attempt {
        http_status: Some(i32::from(status.as_u16())),
        latency_ms: elapsed_ms(started),
        excerpt: Some(excerpt),
        error: (!status.is_success()).then(|| format!("the receiver answered {}", status.as_u16())),
    }
}

fn elapsed_ms(started: Instant) -> i64 {
    i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX)
}

/// Records the attempt, the subscription's count and the job's next state, in one commit.
async fn settle(
    db: &DatabaseConnection,
    sender: &Sender,
    job: &job_rows::Model,
    delivery: &deliveries::Model,
    sub: Option<&subs::Model>,
    a: Attempt,
    now: DateTime<Utc>,
) -> AppResult<Outcome> {
    let txn = AuditedTxn::begin(db).await?;
    // No subscription to send to: give up now rather than retry for a day.
    let permanent = sub.is_none();
    let (outcome, status, next, job_entry) = if a.ok() {
        if !jobs::complete_in(&txn, job, json!({"http_status": a.http_status})).await? {
            return Ok(Outcome::Lost);
        }
        (Outcome::Done, DeliveryStatus::Succeeded, None, jobs::done_entry(job))
    } else {
        let error = a.error.clone().unwrap_or_default();
        let Some(failed) = jobs::fail_in(&txn, job, now, &sender.retry, &error, permanent).await? else {
            return Ok(Outcome::Lost);
        };
        let (status, next) = match failed.outcome {
            Outcome::Retrying => (DeliveryStatus::Pending, Some(failed.run_at)),
            _ => (DeliveryStatus::Failed, None),
        };
        let entry = failed.entry(job);
        (failed.outcome, status, next, entry)
    };
    deliveries::Entity::update_many()
        .col_expr(deliveries::Column::Status, Expr::value(status.as_str()))
        .col_expr(deliveries::Column::Attempts, Expr::value(delivery.attempts.saturating_add(1)))
        .col_expr(deliveries::Column::HttpStatus, Expr::value(a.http_status))
        .col_expr(deliveries::Column::LatencyMs, Expr::value(Some(a.latency_ms)))
        .col_expr(deliveries::Column::ResponseExcerpt, Expr::value(a.excerpt.clone()))
        .col_expr(
            deliveries::Column::LastError,
            Expr::value(a.error.clone().map(|e| e.chars().take(300).collect::<String>())),
        )
        .col_expr(deliveries::Column::LastAttemptAt, Expr::value(Some(now)))
        .col_expr(deliveries::Column::NextAttemptAt, Expr::value(next))
        .filter(deliveries::Column::Id.eq(delivery.id))
        .exec(&txn)
        .await?;
    if let Some(sub) = sub {
        count(&txn, sender, sub, a.ok()).await?;
    }
    txn.record(job_entry).await?;
    let mut entry = AuditEntry::by_label("webhook.attempt", "webhook_delivery", "system (job worker)").changes(json!({
        "subscription_id": delivery.subscription_id, "status": status.as_str(), "http_status": a.http_status,
        "error": a.error,
    }));
    entry.entity_id = Some(delivery.id.to_string());
    txn.commit(entry).await?;
    Ok(outcome)
}

/// Resets or raises the subscription's run of failures; at the limit, switches it off and tells its
/// owner. A conditional update, so two workers finishing at once both count.
async fn count(txn: &AuditedTxn, sender: &Sender, sub: &subs::Model, ok: bool) -> AppResult<()> {
    if ok {
        subs::Entity::update_many()
            .col_expr(subs::Column::ConsecutiveFailures, Expr::value(0))
            .filter(subs::Column::Id.eq(sub.id))
            .exec(txn)
            .await?;
        return Ok(());
    }
    subs::Entity::update_many()
        .col_expr(subs::Column::ConsecutiveFailures, Expr::col(subs::Column::ConsecutiveFailures).add(1))
        .filter(subs::Column::Id.eq(sub.id))
        .exec(txn)
        .await?;
    let reason = format!("switched off after {} failed deliveries in a row", sender.disable_after);
    let off = subs::Entity::update_many()
        .col_expr(subs::Column::Enabled, Expr::value(false))
        .col_expr(subs::Column::DisabledReason, Expr::value(Some(reason.clone())))
        .col_expr(subs::Column::Version, Expr::col(subs::Column::Version).add(1))
        .col_expr(subs::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(subs::Column::Id.eq(sub.id))
        .filter(subs::Column::Enabled.eq(true))
        .filter(subs::Column::ConsecutiveFailures.gte(sender.disable_after))
        .exec(txn)
        .await?;
    if off.rows_affected == 1 {
        notify(
            txn,
            &[sub.owner_user_id],
            NewNotification {
                kind: NotificationKind::WebhookDisabled,
                title: format!("Webhook disabled: {}", sub.url),
                body: Some(format!(
                    "Deliveries to {} kept failing, so the subscription was {reason}. Fix the receiver, then switch it back on.",
                    sub.url
                )),
                link: format!("/webhooks/{}", sub.id),
                subject: Subject::new("webhook", sub.id),
                dedupe_key: format!("webhook_disabled:{}:{}", sub.id, sub.version),
            },
        )
        .await?;
        let mut entry = AuditEntry::by_label("webhook.disabled", "webhook", "system (job worker)")
            .changes(json!({"reason": reason}));
        entry.entity_id = Some(sub.id.to_string());
        txn.record(entry).await?;
    }
    Ok(())
}
