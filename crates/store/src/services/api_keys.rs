//! API keys for integrations: created with a session only, shown once, stored hashed, scoped,
//! revocable. A key acts for its owner and never beyond the owner's role.

use chrono::{DateTime, Utc};
use gmc_domain::error::required_text;
use gmc_domain::ids::ApiKeyId;
use gmc_domain::policy::{authorize, reaches_all_api_keys, Operation};
use gmc_domain::{Actor, Role, Scope, ValidationErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use super::api_key_usage;
use super::auth::parse_scopes;
use super::secrets::{self, API_KEY_PREFIX};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::cursor::{Key, KeyValue, Page, PageParams, Paging, Sort};
use crate::entities::api_keys;
use crate::views::ApiKeyView;
use crate::{AppError, AppResult};

fn view(k: api_keys::Model, (today, last_30): (u64, u64)) -> AppResult<ApiKeyView> {
    Ok(ApiKeyView {
        requests_per_minute: k.requests_per_minute.and_then(|n| u32::try_from(n).ok()),
        requests_today: today,
        requests_last_30_days: last_30,
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

// The body of `POST /api-keys` (a plain comment: a doc comment would become the schema's description).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateApiKeyRequest))]
pub struct ApiKeyInput {
    pub name: String,
    /// `admin` needs the admin role.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Scope>))]
    pub scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    /// The key's budget in requests per minute (1–100000); admins only; none: the server's default.
    #[serde(default)]
    pub requests_per_minute: Option<i64>,
}

/// The most requests per minute a key's budget may be set to.
pub const MAX_REQUESTS_PER_MINUTE: i64 = 100_000;

fn check_budget(e: &mut ValidationErrors, field: &str, n: Option<i64>) -> Option<i32> {
    let n = n?;
    match i32::try_from(n) {
        Ok(v) if (1..=MAX_REQUESTS_PER_MINUTE).contains(&n) => Some(v),
        _ => {
            e.add(field, "out_of_range", format!("must be between 1 and {MAX_REQUESTS_PER_MINUTE}"));
            None
        }
    }
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
                e.add(&format!("scopes[{i}]"), "not_allowed", "the admin scope needs the admin role");
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
    // A budget is a share of the server: only an admin gives one other than the default.
    let budget = check_budget(&mut e, "requests_per_minute", input.requests_per_minute);
    if input.requests_per_minute.is_some() && actor.role != Role::Admin {
        e.add("requests_per_minute", "not_allowed", "only an admin sets a key's budget");
    }
    e.finish()?;
    let name = name.unwrap_or_default();
    let secret = secrets::generate(API_KEY_PREFIX);
    let prefix: String = secret.chars().take(API_KEY_PREFIX.len() + 6).collect();
    let txn = AuditedTxn::begin(db).await?;
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
        requests_per_minute: Set(budget),
    }
    .insert(&txn)
    .await?;
    let changes = json!({"name": model.name, "scopes": model.scopes, "requests_per_minute": model.requests_per_minute});
    txn.commit(AuditEntry::by(actor, "api_key.create", "api_key", model.id).changes(changes)).await?;
    Ok((view(model, (0, 0))?, secret))
}

crate::sort_fields!(
    /// What the key list may be sorted by. A key never used, or without an expiry, sorts before every
    /// date.
    ApiKeySort {
        Name => "name",
        CreatedAt => "created_at",
        LastUsedAt => "last_used_at",
        ExpiresAt => "expires_at",
    }
);

fn sort_key(field: ApiKeySort) -> Key<api_keys::Column> {
    match field {
        ApiKeySort::Name => Key::text(api_keys::Column::Name),
        ApiKeySort::CreatedAt => Key::time(api_keys::Column::CreatedAt),
        ApiKeySort::LastUsedAt => Key::time(api_keys::Column::LastUsedAt).nullable(),
        ApiKeySort::ExpiresAt => Key::time(api_keys::Column::ExpiresAt).nullable(),
    }
}

fn sort_value(field: Option<ApiKeySort>, k: &api_keys::Model) -> KeyValue {
    let time = |t: Option<DateTime<Utc>>| t.map_or(KeyValue::Null, KeyValue::Time);
    match field {
        None => KeyValue::Null,
        Some(ApiKeySort::Name) => KeyValue::Text(k.name.clone()),
        Some(ApiKeySort::CreatedAt) => KeyValue::Time(k.created_at),
        Some(ApiKeySort::LastUsedAt) => time(k.last_used_at),
        Some(ApiKeySort::ExpiresAt) => time(k.expires_at),
    }
}

/// The caller's keys; admins see everyone's. Without `sort`: newest first.
pub async fn list(db: &DatabaseConnection, actor: &Actor, page: PageParams<'_>) -> AppResult<Page<ApiKeyView>> {
    authorize(actor, Operation::ListApiKeys)?;
    let mut e = ValidationErrors::new();
    let Some(paging) = Paging::check(&mut e, page, Sort::by_id(true), &()) else {
        return Err(e.into());
    };
    let mut q = api_keys::Entity::find();
    if !reaches_all_api_keys(actor) {
        q = q.filter(api_keys::Column::UserId.eq(actor.user_id.as_uuid()));
    }
    let total = paging.total(db, &q).await?;
    let field = paging.sort.field;
    let q = paging.seek(q, db.get_database_backend(), field.map(sort_key), api_keys::Column::Id)?;
    let (rows, next_cursor) = paging.split(q.all(db).await?, |k| (sort_value(field, k), k.id));
    let ids: Vec<Uuid> = rows.iter().map(|k| k.id).collect();
    let usage = api_key_usage::totals(db, &ids).await?;
    let items = rows
        .into_iter()
        .map(|k| {
            let u = usage.get(&k.id).copied().unwrap_or_default();
            view(k, u)
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Page { items, next_cursor, total })
}

/// Revokes a key of the caller's (or any key, for admins). Someone else's key is "not found".
pub async fn revoke(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<()> {
    authorize(actor, Operation::RevokeApiKey)?;
    let txn = AuditedTxn::begin(db).await?;
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
    txn.commit(AuditEntry::by(actor, "api_key.revoke", "api_key", id)).await?;
    Ok(())
}

// issue 11: key budgets
// The body of `PATCH /api-keys/{id}` (a plain comment: a doc comment would become the schema's description).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ApiKeyBudgetRequest))]
pub struct ApiKeyBudgetInput {
    /// Requests per minute, 1–100000; `null` returns the key to the server's default.
    pub requests_per_minute: Option<i64>,
}

/// Sets a key's budget (admins with a session, any key): audited with the old and new values. Returns
/// the key as the list shows it.
pub async fn set_budget(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: ApiKeyBudgetInput,
) -> AppResult<ApiKeyView> {
    authorize(actor, Operation::SetApiKeyBudget)?;
    if !reaches_all_api_keys(actor) {
        return Err(AppError::Forbidden);
    }
    let mut e = ValidationErrors::new();
    let budget = check_budget(&mut e, "requests_per_minute", input.requests_per_minute);
    e.finish()?;
    let txn = AuditedTxn::begin(db).await?;
    let old = api_keys::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("api key"))?;
    api_keys::Entity::update_many()
        .col_expr(api_keys::Column::RequestsPerMinute, Expr::value(budget))
        .filter(api_keys::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let changes = json!({"requests_per_minute": {"from": old.requests_per_minute, "to": budget}});
    txn.commit(AuditEntry::by(actor, "api_key.budget", "api_key", id).changes(changes)).await?;
    let usage = api_key_usage::totals(db, &[id]).await?;
    let key = api_keys::Model { requests_per_minute: budget, ..old };
    view(key, usage.get(&id).copied().unwrap_or_default())
}
