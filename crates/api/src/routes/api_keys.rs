//! API keys for third-party integrations.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use gmc_domain::Scope;
use gmc_store::services::api_keys::{self as svc, ApiKeyInput};
use gmc_store::views::ApiKeyView;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{page_of, PageQuery};
use crate::auth::Authed;
use crate::problem::{ApiError, ReadErrors, WriteErrors};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyDto {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    /// The first characters of the key, to recognise it.
    pub prefix: String,
    pub scopes: Vec<Scope>,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiKeyView> for ApiKeyDto {
    fn from(k: ApiKeyView) -> Self {
        ApiKeyDto {
            id: k.id,
            user_id: k.user_id,
            name: k.name,
            prefix: k.prefix,
            scopes: k.scopes,
            created_at: k.created_at,
            expires_at: k.expires_at,
            last_used_at: k.last_used_at,
            revoked_at: k.revoked_at,
        }
    }
}

page_of!(ApiKeyPage, ApiKeyDto);

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    /// The secret: shown this once, never again. Send it as `Authorization: Bearer <key>`.
    pub key: String,
    pub api_key: ApiKeyDto,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKeyRequest {
    pub name: String,
    /// Any of `read`, `write`, `admin` (admin needs the admin role).
    pub scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
}

#[utoipa::path(get, path = "/api/v1/api-keys", tag = "api-keys", operation_id = "list_api_keys",
    params(PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The caller's keys (admins: all keys), newest first", body = ApiKeyPage), ReadErrors))]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list(&state.db, &actor, page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(ApiKeyPage::from(p)))
}

#[utoipa::path(post, path = "/api/v1/api-keys", tag = "api-keys", operation_id = "create_api_key",
    request_body = CreateApiKeyRequest, security(("bearer" = [])),
    responses((status = 201, description = "Created; the key is in the body, once", body = CreatedApiKey), WriteErrors))]
pub async fn create_api_key(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<CreateApiKeyRequest>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let (view, key) =
        svc::create(&state.db, &actor, ApiKeyInput { name: b.name, scopes: b.scopes, expires_at: b.expires_at })
            .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(CreatedApiKey { key, api_key: ApiKeyDto::from(view) }))
}

#[utoipa::path(delete, path = "/api/v1/api-keys/{id}", tag = "api-keys", operation_id = "revoke_api_key",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Revoked"), WriteErrors))]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::revoke(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/api-keys").route(web::get().to(list_api_keys)).route(web::post().to(create_api_key)))
        .service(web::resource("/api-keys/{id}").route(web::delete().to(revoke_api_key)));
}
