//! User administration, for admins.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use gmc_domain::ids::DelegationId;
use gmc_domain::user::UserInput;
use gmc_domain::Role;
use gmc_store::services::users::{self as svc, UserFilter, UserPatchInput};
use gmc_store::views::UserView;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::topics::double_option;
use super::{page_of, PageQuery};
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::{ApiError, ReadErrors, WriteErrors};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct UserDto {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub delegation_id: Option<Uuid>,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl From<UserView> for UserDto {
    fn from(u: UserView) -> Self {
        UserDto {
            id: u.id,
            email: u.email,
            name: u.name,
            role: u.role,
            delegation_id: u.delegation_id,
            active: u.active,
            version: u.version,
            created_at: u.created_at,
        }
    }
}

page_of!(UserPage, UserDto);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    pub role: Option<String>,
    pub delegation: Option<Uuid>,
    /// Search in e-mail and name.
    pub q: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUserRequest {
    pub email: String,
    pub name: String,
    /// At least 12 characters.
    pub password: String,
    pub role: String,
    /// Required for `delegate` and `focal_point`, empty for other roles.
    pub delegation_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserRequest {
    pub name: Option<String>,
    pub role: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub delegation_id: Option<Option<Uuid>>,
    pub active: Option<bool>,
    pub password: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/users", tag = "admin", operation_id = "list_users",
    params(UserQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Users by e-mail", body = UserPage), ReadErrors))]
pub async fn list_users(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<UserQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let f = UserFilter { role: q.role, delegation: q.delegation, q: q.q, limit: page.limit, cursor: page.cursor };
    Ok(HttpResponse::Ok().json(UserPage::from(svc::list(&state.db, &actor, f).await?)))
}

#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "admin", operation_id = "get_user",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The user", body = UserDto), ReadErrors))]
pub async fn get_user(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let u = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(u.version, &UserDto::from(u)))
}

#[utoipa::path(post, path = "/api/v1/users", tag = "admin", operation_id = "create_user",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body = CreateUserRequest, security(("bearer" = [])),
    responses((status = 201, description = "Created", body = UserDto), WriteErrors))]
pub async fn create_user(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<CreateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let input = UserInput {
        email: b.email,
        name: b.name,
        password: b.password,
        role: b.role,
        delegation_id: b.delegation_id.map(DelegationId::from_uuid),
    };
    let u = svc::create(&state.db, Some(&actor), input).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/users/{}", u.id)))
        .insert_header(("ETag", etag(u.version)))
        .json(UserDto::from(u)))
}

#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "admin", operation_id = "update_user",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body = UpdateUserRequest, security(("bearer" = [])),
    responses((status = 200, description = "Updated; a changed password, role or delegation signs the user out", body = UserDto), WriteErrors))]
pub async fn update_user(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<UpdateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let patch = UserPatchInput {
        name: b.name,
        role: b.role,
        delegation_id: b.delegation_id.map(|d| d.map(DelegationId::from_uuid)),
        active: b.active,
        password: b.password,
    };
    let u = svc::update(&state.db, &state.sessions, &actor, *id, patch, if_match(&req)).await?;
    Ok(json_with_etag(u.version, &UserDto::from(u)))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/users").route(web::get().to(list_users)).route(web::post().to(create_user)))
        .service(web::resource("/users/{id}").route(web::get().to(get_user)).route(web::patch().to(update_user)));
}
