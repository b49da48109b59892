//! Erasure (DESIGN §5): the stakeholder's personal data goes, the record and what refers to it stay.
//! Name, contact details, consent, external id and account link are removed; earlier audit events of
//! the stakeholder lose their `changes` (which could hold its name); responses and impediments linked
//! to it are kept, so its answers count on anonymously. The linked user account (a firm's sign-in) is
//! erased with it: disabled, its name and e-mail replaced, its sessions, tokens and API keys ended, and
//! its e-mail taken out of the audit log. Stored `Idempotency-Key` outcomes holding the record go too.
//! On SQLite, deleted content is overwritten (`secure_delete`, set in `db::connect`) and the
//! write-ahead log is checkpointed and truncated after the erasure, so the erased strings are found
//! nowhere in the database files.

use chrono::Utc;
use gmc_domain::stakeholder::ERASED_NAME;
use gmc_domain::Actor;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::view::view;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{api_keys, audit_events, stakeholders, users};
use crate::services::access::find_writable;
use crate::sessions::SessionCache;
use crate::views::StakeholderView;
use crate::{AppError, AppResult};

/// Replaces the `changes` of the stakeholder's audit events so far with a marker saying why.
pub(super) async fn blank_audit<C: ConnectionTrait>(db: &C, id: Uuid) -> AppResult<()> {
    audit_events::Entity::update_many()
        .col_expr(audit_events::Column::Changes, Expr::value(json!({"redacted": "stakeholder erased"})))
        .filter(audit_events::Column::EntityType.eq("stakeholder"))
        .filter(audit_events::Column::EntityId.eq(id.to_string()))
        .exec(db)
        .await?;
    Ok(())
}

/// Erases a stakeholder. Erasing an erased one is refused (409), so a repeat does not add an event.
pub async fn erase(
    db: &DatabaseConnection,
    sessions: &SessionCache,
    actor: &Actor,
    id: Uuid,
) -> AppResult<StakeholderView> {
    let row: stakeholders::Model = find_writable(db, actor, id).await?;
    if row.erased_at.is_some() {
        return Err(AppError::Conflict("the stakeholder is already erased".into()));
    }
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    let null_text: Option<String> = None;
    let res = stakeholders::Entity::update_many()
        .col_expr(stakeholders::Column::Name, Expr::value(ERASED_NAME))
        .col_expr(stakeholders::Column::ContactName, Expr::value(null_text.clone()))
        .col_expr(stakeholders::Column::ContactEmail, Expr::value(null_text.clone()))
        .col_expr(stakeholders::Column::ContactPhone, Expr::value(null_text.clone()))
        .col_expr(stakeholders::Column::ConsentPurpose, Expr::value(null_text.clone()))
        .col_expr(stakeholders::Column::ConsentAt, Expr::value(Option::<chrono::NaiveDate>::None))
        .col_expr(stakeholders::Column::ExternalId, Expr::value(null_text))
        .col_expr(stakeholders::Column::UserId, Expr::value(Option::<Uuid>::None))
        .col_expr(stakeholders::Column::ErasedAt, Expr::value(now))
        .col_expr(stakeholders::Column::Version, Expr::value(row.version + 1))
        .col_expr(stakeholders::Column::UpdatedAt, Expr::value(now))
        .filter(stakeholders::Column::Id.eq(id))
        .filter(stakeholders::Column::Version.eq(row.version))
        .filter(stakeholders::Column::ErasedAt.is_null())
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("the stakeholder changed meanwhile; reload it".into()));
    }
    blank_audit(&txn, id).await?;
    if let Some(user_id) = row.user_id {
        erase_account(&txn, user_id).await?;
    }
    crate::services::idempotency::forget_record(&txn, id).await?;
    let entry = AuditEntry::by(actor, "stakeholder.erase", "stakeholder", id).delegation(row.delegation_id);
    let audit_entry = entry.changes(json!({"erased": true, "account_erased": row.user_id.is_some()}));
    let updated = stakeholders::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("stakeholder"))?;
    txn.commit(audit_entry).await?;
    // The checkpoint takes the write gate itself: the commit released this one.
    crate::db::flush_wal(db).await?;
    if let Some(user_id) = row.user_id {
        sessions.forget(user_id);
    }
    view(updated)
}

/// Erases the account linked to an erased stakeholder: it can no longer sign in (disabled, password
/// unusable, every token and key ended), keeps no name or e-mail, and the audit log forgets both —
/// its own events' changes and the failed sign-ins labelled with its e-mail. The row stays, so the
/// audit events it acted in still point somewhere.
async fn erase_account<C: ConnectionTrait>(txn: &C, user_id: Uuid) -> AppResult<()> {
    let Some(user) = users::Entity::find_by_id(user_id).one(txn).await? else {
        return Ok(());
    };
    let now = Utc::now();
    users::Entity::update_many()
        .col_expr(users::Column::Email, Expr::value(format!("erased-{user_id}@erased.invalid")))
        .col_expr(users::Column::Name, Expr::value(ERASED_NAME))
        // Not a PHC string: no password verifies against it.
        .col_expr(users::Column::PasswordHash, Expr::value("!erased"))
        .col_expr(users::Column::Active, Expr::value(false))
        .col_expr(users::Column::Version, Expr::value(user.version + 1))
        .col_expr(users::Column::UpdatedAt, Expr::value(now))
        .filter(users::Column::Id.eq(user_id))
        .exec(txn)
        .await?;
    crate::services::auth::revoke_all_for_user(txn, user_id).await?;
    crate::services::auth::stamp_tokens(txn, user_id).await?;
    api_keys::Entity::update_many()
        .col_expr(api_keys::Column::RevokedAt, Expr::value(now))
        .filter(api_keys::Column::UserId.eq(user_id))
        .filter(api_keys::Column::RevokedAt.is_null())
        .exec(txn)
        .await?;
    audit_events::Entity::update_many()
        .col_expr(audit_events::Column::Changes, Expr::value(json!({"redacted": "account erased"})))
        .filter(audit_events::Column::EntityType.eq("user"))
        .filter(audit_events::Column::EntityId.eq(user_id.to_string()))
        .exec(txn)
        .await?;
    audit_events::Entity::update_many()
        .col_expr(audit_events::Column::ActorLabel, Expr::value("[erased]"))
        .filter(audit_events::Column::ActorLabel.eq(user.email.clone()))
        .exec(txn)
        .await?;
    Ok(())
}
