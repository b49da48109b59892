//! Coalitions (WTO negotiating groups) and their member delegations: read by every signed-in role,
//! changed by admins only, since membership decides who reads a coalition's confidential prep items.

mod dto;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::coalitions::{self as svc, CoalitionInput, CoalitionPatch, CoalitionView};
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List coalitions
///
/// Who: every signed-in role, with a session or an API key with the `read` scope: membership of a negotiating group
/// is public. Each coalition with its member delegations, by code unless sorted otherwise.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown `sort`, a `limit`
/// outside 1–200 or a bad `cursor`.
#[utoipa::path(get, path = "/coalitions", tag = "coalitions", operation_id = "list_coalitions",
    params(CoalitionSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The coalitions", body = CoalitionPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_coalitions(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    sort: web::Query<CoalitionSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (sort, page) = (sort.into_inner().sort, page.into_inner());
    let params = (page.limit, sort.as_deref(), page.cursor.as_deref());
    Ok(HttpResponse::Ok().json(CoalitionPage::from(svc::list(&state.db, &actor, params).await?)))
}

/// Get a coalition
///
/// Who: every signed-in role, with a session or an API key with the `read` scope. By id or code (`LDC`).
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown coalition.
#[utoipa::path(get, path = "/coalitions/{id}", tag = "coalitions", operation_id = "get_coalition",
    params(("id" = String, Path, description = "The coalition's id or code")), security(("bearer" = [])),
    responses((status = 200, description = "The coalition, with its version as ETag", body = CoalitionView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_coalition(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::get(&state.db, &actor, &id).await?;
    Ok(json_with_etag(c.version, &c))
}

/// Create a coalition
///
/// Who: admins, with a session that passed the second factor or an API key with the `admin` scope. Audited. Answers
/// 201 with `Location` and `ETag`. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for every other role and for keys without `admin`; 422 for a missing
/// or invalid field, a code already taken or a member that names no delegation; 409 while a request with the same
/// `Idempotency-Key` is in progress.
#[utoipa::path(post, path = "/coalitions", tag = "coalitions", operation_id = "create_coalition",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = CoalitionInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created", body = CoalitionView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_coalition(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<CoalitionInput>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/coalitions/{}", c.id)))
        .insert_header(("ETag", etag(c.version)))
        .json(&c))
}

/// Change a coalition
///
/// Who: admins, with a session that passed the second factor or an API key with the `admin` scope. Send only the
/// fields to change, with `If-Match` set to the `ETag`; `members` replaces the membership, and who reads the
/// coalition's prep items changes with it at once. Audited.
///
/// Refuses: 401 without a valid credential; 403 for every other role and for keys without `admin`; 404 for an unknown
/// coalition; 428 without `If-Match`; 412 when it changed since that version; 422 for an invalid field or a member
/// that names no delegation.
#[utoipa::path(patch, path = "/coalitions/{id}", tag = "coalitions", operation_id = "update_coalition",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = CoalitionPatch, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = CoalitionView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_coalition(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<CoalitionPatch>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::update(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(c.version, &c))
}

pub fn operations() -> Operations {
    operations![list_coalitions, get_coalition, create_coalition, update_coalition]
}
