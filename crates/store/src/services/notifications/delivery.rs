//! The outbox's side of sending e-mail: which mails a sender takes, and what it records after trying.
//! The SMTP conversation itself is `smtp`'s; this module only reads and writes `email_outbox`.
//!
//! Several nodes may run a sender over the same table. A sender *claims* a mail with one conditional
//! `UPDATE` that names what it read (status, claim token, and that the mail is still due) and sends
//! only if that changed exactly one row: of two senders racing for a mail, the second updates nothing
//! (PostgreSQL re-checks the condition on the row the first one committed; SQLite runs writes one at a
//! time). A claim older than `Retry::claim_timeout` belongs to a sender that died mid-send and may be
//! taken again, so a mail can go out twice only when a node dies between the SMTP server accepting it
//! and recording `sent` — never because two nodes raced.

use chrono::{DateTime, Duration, Utc};
use gmc_domain::notification::EmailStatus;
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::email_outbox::{self, Column};
use crate::AppResult;

/// Who the audit log names for the sender's writes.
const SENDER: &str = "system (e-mail sender)";

/// Longest error kept on a mail: enough for an SMTP reply line, not a transcript.
pub const ERROR_MAX: usize = 300;

/// How a failed mail is retried.
#[derive(Debug, Clone, Copy)]
pub struct Retry {
    /// Attempts before a mail is `failed` for good (at least 1).
    pub max_attempts: i32,
    /// The wait after the first failure; each further failure doubles it, up to `backoff_max`.
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// A mail `sending` for longer than this is a dead sender's and is taken again. Keep it well above
    /// the SMTP timeout, or a slow but live send could be taken by another node.
    pub claim_timeout: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            max_attempts: 5,
            backoff_base: Duration::seconds(60),
            backoff_max: Duration::hours(6),
            claim_timeout: Duration::minutes(10),
        }
    }
}

impl Retry {
    /// The wait before attempt `attempts + 1`, after `attempts` failures: base · 2^(attempts−1).
    pub fn backoff(&self, attempts: i32) -> Duration {
        let doublings = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(20);
        let factor = 1i32 << doublings;
        self.backoff_base.checked_mul(factor).unwrap_or(self.backoff_max).min(self.backoff_max)
    }
}

/// The mails a sender may take at `now`: queued and due, or claimed by a sender presumed dead.
fn due(now: DateTime<Utc>, retry: &Retry) -> Condition {
    let stale = now - retry.claim_timeout;
    Condition::any()
        .add(
            Condition::all()
                .add(Column::Status.eq(EmailStatus::Queued.as_str()))
                .add(Condition::any().add(Column::NextAttemptAt.is_null()).add(Column::NextAttemptAt.lte(now))),
        )
        .add(Condition::all().add(Column::Status.eq(EmailStatus::Sending.as_str())).add(Column::ClaimedAt.lt(stale)))
}

/// Claims up to `batch` due mails, oldest first, for this sender; returns the ones it got (another
/// sender may win some). The claimed rows carry this sender's token.
pub async fn claim_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    retry: &Retry,
    batch: u64,
) -> AppResult<Vec<email_outbox::Model>> {
    let candidates =
        email_outbox::Entity::find().filter(due(now, retry)).order_by_asc(Column::Id).limit(batch).all(db).await?;
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let txn = AuditedTxn::begin(db).await?;
    let mut claimed = Vec::new();
    for mail in candidates {
        let token = Uuid::new_v4();
        // The same condition the candidate was read with, and the token it was read with: if another
        // sender claimed (or finished) it since, this changes nothing.
        let held = match mail.claim_token {
            Some(t) => Column::ClaimToken.eq(t),
            None => Column::ClaimToken.is_null(),
        };
        let res = email_outbox::Entity::update_many()
            .col_expr(Column::Status, Expr::value(EmailStatus::Sending.as_str()))
            .col_expr(Column::ClaimedAt, Expr::value(now))
            .col_expr(Column::ClaimToken, Expr::value(token))
            .filter(Column::Id.eq(mail.id))
            .filter(held)
            .filter(due(now, retry))
            .exec(&txn)
            .await?;
        if res.rows_affected == 1 {
            claimed.push(email_outbox::Model {
                status: EmailStatus::Sending.into(),
                claimed_at: Some(now),
                claim_token: Some(token),
                ..mail
            });
        }
    }
    if claimed.is_empty() {
        // Every candidate went to another sender: nothing changed, nothing to record (rolled back).
        return Ok(claimed);
    }
    let ids: Vec<Uuid> = claimed.iter().map(|m| m.id).collect();
    txn.commit(AuditEntry::by_label("email.claim", "email_outbox", SENDER).changes(json!({"ids": ids}))).await?;
    Ok(claimed)
}

/// What became of one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Failed; tried again after the backoff.
    Retrying,
    /// Failed for good: out of attempts, or it can never succeed (bad address, recipient gone).
    Failed,
    /// This sender's claim was taken over (it was too slow); the other sender's record stands.
    Lost,
}

/// Records that the SMTP server accepted `mail`.
pub async fn mark_sent(db: &DatabaseConnection, mail: &email_outbox::Model, now: DateTime<Utc>) -> AppResult<Outcome> {
    let update = email_outbox::Entity::update_many()
        .col_expr(Column::Status, Expr::value(EmailStatus::Sent.as_str()))
        .col_expr(Column::SentAt, Expr::value(now))
        .col_expr(Column::Attempts, Expr::value(mail.attempts.saturating_add(1)))
        .col_expr(Column::NextAttemptAt, Expr::value(Option::<DateTime<Utc>>::None));
    finish(db, mail, update, "email.sent", json!({"attempts": mail.attempts.saturating_add(1)}), Outcome::Sent).await
}

/// Records a failed attempt: queued again after the backoff, or `failed` when `permanent` or out of
/// attempts. `error` is clipped to `ERROR_MAX`; the caller keeps secrets out of it.
pub async fn mark_failed(
    db: &DatabaseConnection,
    mail: &email_outbox::Model,
    now: DateTime<Utc>,
    retry: &Retry,
    error: &str,
    permanent: bool,
) -> AppResult<Outcome> {
    let attempts = mail.attempts.saturating_add(1);
    let error: String = error.chars().take(ERROR_MAX).collect();
    let give_up = permanent || attempts >= retry.max_attempts.max(1);
    let (status, next, outcome) = if give_up {
        (EmailStatus::Failed, None, Outcome::Failed)
    } else {
        (EmailStatus::Queued, Some(now + retry.backoff(attempts)), Outcome::Retrying)
    };
    // Back in the queue unclaimed: the next claim expects no token.
    let update = email_outbox::Entity::update_many()
        .col_expr(Column::Status, Expr::value(status.as_str()))
        .col_expr(Column::Attempts, Expr::value(attempts))
        .col_expr(Column::LastError, Expr::value(error.clone()))
        .col_expr(Column::NextAttemptAt, Expr::value(next))
        .col_expr(Column::ClaimedAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::ClaimToken, Expr::value(Option::<Uuid>::None));
    let changes = json!({"status": status.as_str(), "attempts": attempts, "error": error, "next_attempt_at": next});
    finish(db, mail, update, "email.attempt_failed", changes, outcome).await
}

/// Applies `update` to `mail` only while this sender's claim is on it, with its audit event.
async fn finish(
    db: &DatabaseConnection,
    mail: &email_outbox::Model,
    update: sea_orm::UpdateMany<email_outbox::Entity>,
    action: &'static str,
    changes: serde_json::Value,
    outcome: Outcome,
) -> AppResult<Outcome> {
    let Some(token) = mail.claim_token else {
        return Ok(Outcome::Lost);
    };
    let txn = AuditedTxn::begin(db).await?;
    let res = update
        .filter(Column::Id.eq(mail.id))
        .filter(Column::Status.eq(EmailStatus::Sending.as_str()))
        .filter(Column::ClaimToken.eq(token))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        // Dropped without a commit: rolls back, records nothing.
        return Ok(Outcome::Lost);
    }
    let mut entry = AuditEntry::by_label(action, "email_outbox", SENDER).changes(changes);
    entry.entity_id = Some(mail.id.to_string());
    txn.commit(entry).await?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backoff_doubles_from_the_base_up_to_the_cap() {
        let r = Retry { backoff_base: Duration::seconds(60), backoff_max: Duration::minutes(30), ..Retry::default() };
        assert_eq!(r.backoff(1), Duration::seconds(60));
        assert_eq!(r.backoff(2), Duration::seconds(120));
        assert_eq!(r.backoff(3), Duration::seconds(240));
        assert_eq!(r.backoff(10), Duration::minutes(30));
        assert_eq!(r.backoff(i32::MAX), Duration::minutes(30));
    }
}
