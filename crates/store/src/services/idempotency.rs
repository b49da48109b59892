//! Idempotency keys (`Idempotency-Key` on POST): the first request with a key claims it, and its
//! outcome is stored; a retry with the same key and the same request gets that outcome again instead
//! of doing the work twice. Keys are per user and live 24 hours. Not audited: a claim is bookkeeping of
//! the transport, and the write it guards leaves its own audit event.

use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::idempotency_keys;
use crate::{AppError, AppResult};

const LIFETIME_HOURS: i64 = 24;

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

pub async fn claim(db: &DatabaseConnection, user_id: Uuid, key: &str, request_hash: &str) -> AppResult<Claim> {
    let _gate = crate::db::write_gate(db).await;
    let existing = idempotency_keys::Entity::find_by_id((user_id, key.to_owned())).one(db).await?;
    if let Some(row) = existing {
        if row.created_at > Utc::now() - Duration::hours(LIFETIME_HOURS) {
            return Ok(outcome(row, request_hash));
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
    }
    .insert(db)
    .await;
    match inserted.map_err(AppError::from) {
        Ok(_) => Ok(Claim::New),
        // Another node claimed it between our read and insert.
        Err(AppError::Conflict(_)) => {
            let row = idempotency_keys::Entity::find_by_id((user_id, key.to_owned())).one(db).await?;
            Ok(row.map_or(Claim::InProgress, |r| outcome(r, request_hash)))
        }
        Err(e) => Err(e),
    }
}

fn outcome(row: idempotency_keys::Model, request_hash: &str) -> Claim {
    if row.request_hash != request_hash {
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
