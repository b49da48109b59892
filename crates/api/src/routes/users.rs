//! User administration, for admins.

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_domain::user::UserInput;
use gmc_domain::Role;
use gmc_store::services::users::{self as svc, UserFilter, UserPatchInput};
use gmc_store::views::UserView;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{page_of, sort_query, PageQuery};
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

page_of!(UserPage, UserView);
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

/// A valid `UserInput`, shown in the OpenAPI document (a test sends it).
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "email": "nadia.karim@example.org",
        "name": "Nadia Karim",
        "password": "a-long-pass-phrase",
        "role": "analyst"
    })
}

/// A valid `UserPatchInput`, shown in the OpenAPI document (a test sends it).
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"name": "Nadia Karim (technical assistance)", "active": true})
}

/// List users
///
/// Who: admins only, with a session or an API key with the `admin` scope. By e-mail or sorted by another field
/// (`sort`), filtered by `role`, `delegation` and a search in e-mail and name. The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for any other role or a key without `admin`; 422 for an unknown
/// `role` or `sort`, a `limit` outside 1–200, a bad `cursor` or one from another sort or filters.
#[utoipa::path(get, path = "/users", tag = "admin", operation_id = "list_users",
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
#[utoipa::path(get, path = "/users/{id}", tag = "admin", operation_id = "get_user",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The user", body = UserView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_user(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let u = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(u.version, &u))
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
#[utoipa::path(post, path = "/users", tag = "admin", operation_id = "create_user",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body(content = UserInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created", body = UserView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_user(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<UserInput>,
) -> Result<HttpResponse, ApiError> {
    let u = svc::create(&state.db, Some(&actor), body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/users/{}", u.id)))
        .insert_header(("ETag", etag(u.version)))
        .json(&u))
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
#[utoipa::path(patch, path = "/users/{id}", tag = "admin", operation_id = "update_user",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = UserPatchInput, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated; a changed password, role or delegation signs the user out", body = UserView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_user(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<UserPatchInput>,
) -> Result<HttpResponse, ApiError> {
    let u = svc::update(&state.db, &state.sessions, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(u.version, &u))
}

pub fn operations() -> Operations {
    operations![list_users, create_user, get_user, update_user]
}
