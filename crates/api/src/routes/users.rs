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
use super::{page_of, sort_query, PageQuery};
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct UserDto {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub delegation_id: Option<Uuid>,
    pub active: bool,
    /// The account has an active second factor (TOTP); an admin can reset it at `DELETE /users/{id}/mfa`.
    pub second_factor: bool,
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
            second_factor: u.second_factor,
            version: u.version,
            created_at: u.created_at,
        }
    }
}

page_of!(UserPage, UserDto);
sort_query!(UserSortQuery, gmc_store::services::users::UserSort, "by e-mail");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    #[param(value_type = Option<Role>)]
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
    #[schema(value_type = Role)]
    pub role: String,
    /// Required for `delegate` and `focal_point`, empty for other roles.
    pub delegation_id: Option<Uuid>,
}

impl CreateUserRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({
            "email": "nadia.karim@example.org",
            "name": "Nadia Karim",
            "password": "a-long-pass-phrase",
            "role": "analyst"
        })
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserRequest {
    pub name: Option<String>,
    #[schema(value_type = Option<Role>)]
    pub role: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub delegation_id: Option<Option<Uuid>>,
    pub active: Option<bool>,
    pub password: Option<String>,
}

impl UpdateUserRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"name": "Nadia Karim (technical assistance)", "active": true})
    }
}

/// List users
///
/// Who: admins only, with a session or an API key with the `admin` scope. By e-mail or sorted by another field
/// (`sort`), filtered by `role`, `delegation` and a search in e-mail and name. The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for any other role or a key without `admin`; 422 for an unknown
/// `role` or `sort`, a `limit` outside 1–200, a bad `cursor` or one from another sort or filters.
#[utoipa::path(get, path = "/api/v1/users", tag = "admin", operation_id = "list_users",
    params(UserQuery, UserSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Users by e-mail", body = UserPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_users(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<UserQuery>,
    sort: web::Query<UserSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let f = UserFilter {
        role: q.role,
        delegation: q.delegation,
        q: q.q,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(UserPage::from(svc::list(&state.db, &actor, f).await?)))
}

/// Get a user
///
/// Who: admins only, with a session or an API key with the `admin` scope. The `ETag` is the version to send as
/// `If-Match` when changing it.
///
/// Refuses: 401 without a valid credential; 403 for any other role or a key without `admin`; 404 for an unknown
/// user.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "admin", operation_id = "get_user",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The user", body = UserDto,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_user(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let u = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(u.version, &UserDto::from(u)))
}

/// Create a user
///
/// Who: admins only, with a session or an API key with the `admin` scope. Delegates and focal points need a
/// `delegation_id`; other roles take none. The password needs at least 12 characters. Answers 201 with `Location`
/// and `ETag`. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for any other role or a key without `admin`; 422 for an invalid
/// field, an e-mail already used, or a delegation that is missing, unknown or not wanted for the role; 409 while a
/// request with the same `Idempotency-Key` is in progress (or when a concurrent create took the e-mail).
#[utoipa::path(post, path = "/api/v1/users", tag = "admin", operation_id = "create_user",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body(content = CreateUserRequest, example = CreateUserRequest::example), security(("bearer" = [])),
    responses((status = 201, description = "Created", body = UserDto,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
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

/// Change a user
///
/// Who: admins only, with a session or an API key with the `admin` scope. Send only the fields to change, with
/// `If-Match` set to the `ETag`. A changed password, role or delegation, or `active: false`, signs the user out
/// everywhere.
///
/// Refuses: 401 without a valid credential; 403 for any other role or a key without `admin`; 404 for an unknown
/// user; 428 without `If-Match`; 412 when the user changed since that version; 422 for an empty body, an invalid
/// field, a delegation that does not fit the role, or an admin disabling or demoting their own account
/// (`self_lockout`).
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "admin", operation_id = "update_user",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = UpdateUserRequest, example = UpdateUserRequest::example), security(("bearer" = [])),
    responses((status = 200, description = "Updated; a changed password, role or delegation signs the user out", body = UserDto,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
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
