//! Background jobs of the server (issue 10):
//! - the periodic notifications (`prep_deadline`, `action_item_overdue`), every `notify_interval_secs`.
//!   Each run is idempotent through the notifications' dedupe key, so several nodes may run it at once;
//! - the e-mail sender, every `smtp_interval_secs`, only when `GMC_SMTP_URL` is set: it sends the
//!   outbox's due mails (`notifications::smtp`). Nodes claim each mail before sending it, so several
//!   nodes may run it too. Requests never send mail; they only queue it.

use std::time::Duration;

use gmc_store::services::notifications::delivery::Retry;
use gmc_store::services::notifications::smtp::{deliver_due, Mailer};
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
}

impl Jobs {
    pub fn new(db: DatabaseConnection, notify_interval_secs: u64) -> Self {
        Self { db, notify_interval_secs, mail: None }
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
