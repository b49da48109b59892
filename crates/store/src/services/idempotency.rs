//! Idempotency keys (`Idempotency-Key` on POST): the first request with a key claims it, and its
//! outcome is stored; a retry with the same key and the same request gets that outcome again instead
//! of doing the work twice. Not audited: a claim is bookkeeping of the transport, and the write it
//! guards leaves its own audit event.
//!
//! A stored outcome is a copy of a record as it was, so it is guarded like one: it is tied to the
//! credential that made it (the session, or one API key — a narrower key of the same user cannot
//! replay it), it lives 24 hours and is then purged, it is dropped when the user's sessions end for a
//! change of rights (`auth::revoke_all_for_user`), and an erasure removes every outcome that holds
//! the erased record.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::idempotency_keys;
use crate::{AppError, AppResult};

const LIFETIME_HOURS: i64 = 24;

/// Expired outcomes are purged by the first claim after this many seconds since the last purge.
const PURGE_EVERY_SECS: i64 = 60;
static LAST_PURGE: AtomicI64 = AtomicI64::new(0);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// First use: go ahead, then `complete` (or `abandon` on a server error).
    New,
    /// Seen before with the same request: answer this.
    Replay(StoredResponse),
    /// Seen before with a different request.
    Mismatch,
    /// The first request with this key has not finished yet.
    InProgress,
}

/// Claims `key` for `user_id` through `credential` (`session`, or `key:<api key id>`).
pub async fn claim(
    db: &DatabaseConnection,
    user_id: Uuid,
    credential: &str,
    key: &str,
    request_hash: &str,
) -> AppResult<Claim> {
    let _gate = crate::db::write_gate(db).await;
    purge_expired_now_and_then(db).await?;
    let existing = idempotency_keys::Entity::find_by_id((user_id, key.to_owned())).one(db).await?;
    if let Some(row) = existing {
        if row.created_at > Utc::now() - Duration::hours(LIFETIME_HOURS) {
            return Ok(outcome(row, credential, request_hash));
        }
        idempotency_keys::Entity::delete_by_id((user_id, key.to_owned())).exec(db).await?;
    }
    let inserted = idempotency_keys::ActiveModel {
        user_id: Set(user_id),
        key: Set(key.to_owned()),
        request_hash: Set(request_hash.to_owned()),
        status: Set(None),
        content_type: Set(None),
        location: Set(None),
        body: Set(None),
        created_at: Set(Utc::now()),
        credential: Set(Some(credential.to_owned())),
    }
    .insert(db)
    .await;
    match inserted.map_err(AppError::from) {
        Ok(_) => Ok(Claim::New),
        // Another node claimed it between our read and insert.
        Err(AppError::Conflict(_)) => {
            let row = idempotency_keys::Entity::find_by_id((user_id, key.to_owned())).one(db).await?;
            Ok(row.map_or(Claim::InProgress, |r| outcome(r, credential, request_hash)))
        }
        Err(e) => Err(e),
    }
}

fn outcome(row: idempotency_keys::Model, credential: &str, request_hash: &str) -> Claim {
    // Another credential's key is "used with a different request": the answer is the same, so it
    // tells a narrower key nothing about what the wider one did.
    if row.request_hash != request_hash || row.credential.as_deref() != Some(credential) {
        return Claim::Mismatch;
    }
    match row.status {
        None => Claim::InProgress,
        Some(status) => Claim::Replay(StoredResponse {
            status: u16::try_from(status).unwrap_or(200),
            content_type: row.content_type,
            location: row.location,
            body: row.body.unwrap_or_default(),
        }),
    }
}

pub async fn complete(db: &DatabaseConnection, user_id: Uuid, key: &str, res: &StoredResponse) -> AppResult<()> {
    let _gate = crate::db::write_gate(db).await;
    idempotency_keys::Entity::update_many()
        .col_expr(idempotency_keys::Column::Status, Expr::value(i32::from(res.status)))
        .col_expr(idempotency_keys::Column::ContentType, Expr::value(res.content_type.clone()))
        .col_expr(idempotency_keys::Column::Location, Expr::value(res.location.clone()))
        .col_expr(idempotency_keys::Column::Body, Expr::value(res.body.clone()))
        .filter(idempotency_keys::Column::UserId.eq(user_id))
        .filter(idempotency_keys::Column::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}

/// Frees the key after a server error, so the client's retry is handled afresh.
pub async fn abandon(db: &DatabaseConnection, user_id: Uuid, key: &str) -> AppResult<()> {
    let _gate = crate::db::write_gate(db).await;
    idempotency_keys::Entity::delete_by_id((user_id, key.to_owned())).exec(db).await?;
    Ok(())
}

/// Deletes expired outcomes, at most once a minute per process (the caller holds the write gate).
async fn purge_expired_now_and_then(db: &DatabaseConnection) -> AppResult<()> {
    let now = Utc::now().timestamp();
    let last = LAST_PURGE.load(Ordering::Relaxed);
    if now - last < PURGE_EVERY_SECS
        || LAST_PURGE.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_err()
    {
        return Ok(());
    }
    purge_expired(db).await
}

/// Deletes every outcome older than its lifetime.
pub async fn purge_expired<C: ConnectionTrait>(db: &C) -> AppResult<()> {
    idempotency_keys::Entity::delete_many()
        .filter(idempotency_keys::Column::CreatedAt.lt(Utc::now() - Duration::hours(LIFETIME_HOURS)))
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes every stored outcome of a user (their rights changed, or the account was erased).
pub async fn forget_user<C: ConnectionTrait>(db: &C, user_id: Uuid) -> AppResult<()> {
    idempotency_keys::Entity::delete_many().filter(idempotency_keys::Column::UserId.eq(user_id)).exec(db).await?;
    Ok(())
}

/// Replaces the stored outcome of the create of record `id` (found by its `Location`, which ends
/// with the id) with a `410 Gone` problem: the copy goes with the record's personal data, and a
/// replay of the original request is answered "erased" rather than creating the record afresh.
/// Outcomes of other records that merely link to it (an impediment's `stakeholder_id`) hold no
/// personal data and are left alone.
pub async fn forget_record<C: ConnectionTrait>(db: &C, id: Uuid) -> AppResult<()> {
    let gone = serde_json::json!({
        "type": "about:blank",
        "title": "Gone",
        "status": 410,
        "detail": "the record this request created has since been erased",
    });
    idempotency_keys::Entity::update_many()
        .col_expr(idempotency_keys::Column::Status, Expr::value(410))
        .col_expr(idempotency_keys::Column::ContentType, Expr::value("application/problem+json"))
        .col_expr(idempotency_keys::Column::Location, Expr::value(Option::<String>::None))
        .col_expr(idempotency_keys::Column::Body, Expr::value(gone.to_string()))
        .filter(idempotency_keys::Column::Location.ends_with(format!("/{id}")))
        .exec(db)
        .await?;
    Ok(())
}
