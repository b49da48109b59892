//! API keys for third-party integrations.

use actix_web::{web, HttpResponse};
use gmc_store::services::api_key_usage::ApiKeyUsageView;
use gmc_store::services::api_keys::{self as svc, ApiKeyInput};
use gmc_store::views::ApiKeyView;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{page_of, sort_query, PageQuery};
use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

page_of!(ApiKeyPage, ApiKeyView);
sort_query!(ApiKeySortQuery, svc::ApiKeySort, "newest first");

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    /// The secret: shown this once, never again. Send it as `Authorization: Bearer <key>`.
    pub key: String,
    pub api_key: ApiKeyView,
}

/// A valid `ApiKeyInput`, shown in the OpenAPI document (a test sends it).
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "name": "Ministry import pipeline",
        "scopes": ["read", "write"],
        "expires_at": "2030-12-31T23:59:59Z"
    })
}

/// List API keys
///
/// Who: any role, with a session or an API key with the `read` scope. The caller's own keys, newest first; admins
/// signed in with a session see every user's (through a key, even an admin sees only their own). The secret is
/// never shown again, only its `prefix`. Sorted by a field with `sort`; the first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown `sort`, a `limit`
/// outside 1–200, a bad `cursor` or one from another sort.
#[utoipa::path(get, path = "/api-keys", tag = "api-keys", operation_id = "list_api_keys",
    params(ApiKeySortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The caller's keys (admins: all keys), newest first", body = ApiKeyPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    sort: web::Query<ApiKeySortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    // issue 11: key budgets — this node's counted requests first, so the totals are current.
    flush_usage(&state).await;
    let p = svc::list(&state.db, &actor, (page.limit, sort.sort.as_deref(), page.cursor.as_deref())).await?;
    Ok(HttpResponse::Ok().json(ApiKeyPage::from(p)))
}

/// Create an API key
///
/// Who: any role, signed in with a session — an API key cannot make another key. `scopes` are any of `read`,
/// `write`, `admin` (`admin` only for admins); a key never does more than its owner's role allows. The secret `key`
/// is in this answer only (201, `Cache-Control: no-store`); send it as `Authorization: Bearer <key>`. Not
/// retry-safe with `Idempotency-Key` (the answer holds a secret that is never stored). An admin creates keys only
/// in a session that passed the second factor, and such a key acts as admin only while that factor stays active.
///
/// Refuses: 401 without a valid credential; 403 when the caller is itself an API key, or an admin whose session
/// has not passed a second factor; 422 for a missing name, no
/// scopes, an unknown scope (`scopes[1]`), the `admin` scope without the admin role, or an `expires_at` in the
/// past.
#[utoipa::path(post, path = "/api-keys", tag = "api-keys", operation_id = "create_api_key",
    request_body(content = ApiKeyInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created; the key is in the body, once", body = CreatedApiKey),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid,
        r::Busy))]
pub async fn create_api_key(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<ApiKeyInput>,
) -> Result<HttpResponse, ApiError> {
    let (view, key) = svc::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created().insert_header(("Cache-Control", "no-store")).json(CreatedApiKey { key, api_key: view }))
}

/// Revoke an API key
///
/// Who: the key's owner, and admins signed in with a session (any key); with a session or an API key with the
/// `write` scope. Revoking a revoked key changes nothing (204).
///
/// Refuses: 401 without a valid credential; 403 for an API key without `write`; 404 for an unknown key or someone
/// else's.
#[utoipa::path(delete, path = "/api-keys/{id}", tag = "api-keys", operation_id = "revoke_api_key",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Revoked"),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::revoke(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

// issue 11: key budgets
/// Adds this node's counted key requests to the stored usage; a failure only leaves them for later.
async fn flush_usage(state: &AppState) {
    if let Err(e) = state.key_limiter.flush(&state.db).await {
        tracing::warn!(error = %e, "API key usage flush failed; kept for the next one");
    }
}

/// An example `ApiKeyBudgetInput` (a test sends it).
pub fn budget_example() -> serde_json::Value {
    serde_json::json!({"requests_per_minute": 120})
}

/// Set an API key's request budget
///
/// Who: admins signed in with a session (any key). `requests_per_minute` is 1–100000, or `null` for the
/// server's default (`GMC_API_KEY_REQUESTS_PER_MINUTE`). The budget is per server node; a keyed request over
/// it answers 429 with `Retry-After`, `RateLimit-Policy` and `RateLimit`. Audited with the old and new values.
///
/// Refuses: 401 without a valid credential; 403 for any other role, and for any API key (a key cannot raise its
/// own budget); 404 for an unknown key; 422 for a budget out of range.
#[utoipa::path(patch, path = "/api-keys/{id}", tag = "api-keys", operation_id = "set_api_key_budget",
    params(("id" = Uuid, Path)), request_body(content = svc::ApiKeyBudgetInput, example = budget_example),
    security(("bearer" = [])),
    responses((status = 200, description = "The key with its new budget", body = ApiKeyView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn set_api_key_budget(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<svc::ApiKeyBudgetInput>,
) -> Result<HttpResponse, ApiError> {
    let view = svc::set_budget(&state.db, &actor, *id, body.into_inner()).await?;
    state.key_limiter.forget(*id);
    Ok(HttpResponse::Ok().json(view))
}

/// An API key's usage
///
/// Who: the key's owner, and admins signed in with a session (any key); with a session or an API key with the
/// `read` scope. Requests per UTC day over the last 30 days (days without requests left out), with today's and
/// the period's totals and the key's budget. Counts are added by each node every few seconds; this node's are
/// added before answering.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown key or
/// someone else's.
#[utoipa::path(get, path = "/api-keys/{id}/usage", tag = "api-keys", operation_id = "get_api_key_usage",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The key's usage", body = ApiKeyUsageView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_api_key_usage(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    flush_usage(&state).await;
    Ok(HttpResponse::Ok().json(gmc_store::services::api_key_usage::usage(&state.db, &actor, *id).await?))
}

pub fn operations() -> Operations {
    operations![
        list_api_keys,
        create_api_key,
        revoke_api_key,
        // issue 11: key budgets
        set_api_key_budget,
        get_api_key_usage
    ]
}
