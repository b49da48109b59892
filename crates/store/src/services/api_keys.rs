//! API keys for integrations: created with a session only, shown once, stored hashed, scoped,
//! revocable. A key acts for its owner and never beyond the owner's role.

use chrono::{DateTime, Utc};
use gmc_domain::error::required_text;
use gmc_domain::ids::ApiKeyId;
use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, reaches_all_api_keys, Operation};
use gmc_domain::{Actor, Role, Scope, ValidationErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::auth::parse_scopes;
use super::secrets::{self, API_KEY_PREFIX};
use crate::audit::{self, AuditEntry};
use crate::cursor::{self, Cursor, Page};
use crate::entities::api_keys;
use crate::views::ApiKeyView;
use crate::{AppError, AppResult};

fn view(k: api_keys::Model) -> AppResult<ApiKeyView> {
    Ok(ApiKeyView {
        scopes: parse_scopes(&k.scopes)?,
        id: k.id,
        user_id: k.user_id,
        name: k.name,
        prefix: k.prefix,
        created_at: k.created_at,
        expires_at: k.expires_at,
        last_used_at: k.last_used_at,
        revoked_at: k.revoked_at,
    })
}

pub struct ApiKeyInput {
    pub name: String,
    pub scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// Returns the stored key and, once only, the secret itself.
pub async fn create(db: &DatabaseConnection, actor: &Actor, input: ApiKeyInput) -> AppResult<(ApiKeyView, String)> {
    authorize(actor, Operation::CreateApiKey)?;
    let mut e = ValidationErrors::new();
    let name = e.check("name", required_text(&input.name, 120));
    let mut scopes: Vec<Scope> = Vec::new();
    for (i, s) in input.scopes.iter().enumerate() {
        match s.parse::<Scope>() {
            Ok(scope) if scope == Scope::Admin && actor.role != Role::Admin => {
                e.add(&format!("scopes[{i}]"), "not_allowed", "the admin scope needs the admin role")
            }
            Ok(scope) if !scopes.contains(&scope) => scopes.push(scope),
            Ok(_) => {}
            Err(m) => e.add(&format!("scopes[{i}]"), "invalid_choice", m),
        }
    }
    if input.scopes.is_empty() {
        e.add("scopes", "required", "must name at least one scope");
    }
    if input.expires_at.is_some_and(|t| t <= Utc::now()) {
        e.add("expires_at", "in_the_past", "must be in the future");
    }
    e.finish()?;
    let name = name.unwrap_or_default();
    let secret = secrets::generate(API_KEY_PREFIX);
    let prefix: String = secret.chars().take(API_KEY_PREFIX.len() + 6).collect();
    let (_write, txn) = crate::db::begin_write(db).await?;
    let model = api_keys::ActiveModel {
        id: Set(ApiKeyId::new().as_uuid()),
        user_id: Set(actor.user_id.as_uuid()),
        name: Set(name),
        prefix: Set(prefix),
        key_hash: Set(secrets::hash(&secret)),
        scopes: Set(scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")),
        created_at: Set(Utc::now()),
        expires_at: Set(input.expires_at),
        last_used_at: Set(None),
        revoked_at: Set(None),
        // An admin's key acts as admin only if made in a session that passed the second factor.
        mfa: Set(actor.mfa),
    }
    .insert(&txn)
    .await?;
    let changes = json!({"name": model.name, "scopes": model.scopes});
    audit::record(&txn, AuditEntry::by(actor, "api_key.create", "api_key", model.id).changes(changes)).await?;
    txn.commit().await?;
    Ok((view(model)?, secret))
}

/// The caller's keys; admins see everyone's.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> AppResult<Page<ApiKeyView>> {
    authorize(actor, Operation::ListApiKeys)?;
    let limit = Limit::parse(limit).map_err(|p| ValidationErrors::single("limit", p.code, p.message))?;
    let cursor = cursor::parse_field(cursor)?;
    let mut q = api_keys::Entity::find().order_by_desc(api_keys::Column::Id);
    if !reaches_all_api_keys(actor) {
        q = q.filter(api_keys::Column::UserId.eq(actor.user_id.as_uuid()));
    }
    if let Some(c) = cursor {
        q = q.filter(api_keys::Column::Id.lt(c.id));
    }
    let rows = q.limit(limit.get() + 1).all(db).await?;
    let rows = rows.into_iter().map(view).collect::<AppResult<Vec<_>>>()?;
    Ok(Page::from_rows(rows, limit.get(), |k| Cursor { k: None, id: k.id, s: String::new() }, |k| k))
}

/// Revokes a key of the caller's (or any key, for admins). Someone else's key is "not found".
pub async fn revoke(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<()> {
    authorize(actor, Operation::RevokeApiKey)?;
    let (_write, txn) = crate::db::begin_write(db).await?;
    api_keys::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|k| reaches_all_api_keys(actor) || k.user_id == actor.user_id.as_uuid())
        .ok_or(AppError::NotFound("api key"))?;
    // Only the request that actually revokes writes the audit event; revoking twice is a no-op.
    let res = api_keys::Entity::update_many()
        .col_expr(api_keys::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(api_keys::Column::Id.eq(id))
        .filter(api_keys::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        return Ok(());
    }
    audit::record(&txn, AuditEntry::by(actor, "api_key.revoke", "api_key", id)).await?;
    txn.commit().await?;
    Ok(())
}
