//! The delegation watch-list: topics a delegation follows, with notes at a chosen visibility.

mod dto;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::watch::{self as svc, WatchFilter, WatchInput, WatchPatch};
use gmc_store::views::WatchItemView;
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List watch-list entries
///
/// Who may read an entry: admins every one; delegates and focal points their own delegation's at any visibility and
/// other delegations' `regional` and `public` ones; analysts `regional` and `public` ones; stakeholders `public`
/// ones only. Sessions, or API keys with the `read` scope. The list holds only what the caller may read, filtered
/// by `topic` (id or code), `delegation` and a search in the notes, oldest entered first or sorted by a field
/// (`sort`). The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown `sort`, a `limit`
/// outside 1–200, a bad `cursor` or one from another sort or filters, or a bad `q`.
#[utoipa::path(get, path = "/watch-items", tag = "watch-list", operation_id = "list_watch_items",
    params(WatchQuery, WatchSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The entries the caller may see", body = WatchItemPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_watch_items(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<WatchQuery>,
    sort: web::Query<WatchSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let filter = WatchFilter {
        topic: q.topic,
        delegation: q.delegation,
        q: q.q,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(WatchItemPage::from(svc::list(&state.db, &actor, filter).await?)))
}

/// Get a watch-list entry
///
/// Who may read an entry: admins every one; delegates and focal points their own delegation's at any visibility and
/// other delegations' `regional` and `public` ones; analysts `regional` and `public` ones; stakeholders `public`
/// ones only. Sessions, or API keys with the `read` scope.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown entry or one the
/// caller may not read (never 403, which would confirm it exists).
#[utoipa::path(get, path = "/watch-items/{id}", tag = "watch-list", operation_id = "get_watch_item",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The entry, with its version as ETag", body = WatchItemView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_watch_item(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let w = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(w.version, &w))
}

/// Follow a topic
///
/// Who: delegates and focal points, for their own delegation (the default); admins, for the delegation they name in
/// `delegation_id`. With a session or an API key with the `write` scope. Answers 201 with `Location` and `ETag`.
/// Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, a key without `write`, or a
/// `delegation_id` other than the caller's own; 409 when the delegation already follows the topic (or while a
/// request with the same `Idempotency-Key` is in progress); 422 for an unknown `topic_id` or `delegation_id`, a
/// `priority` or `visibility` not in the list, or a note that is too long.
#[utoipa::path(post, path = "/watch-items", tag = "watch-list", operation_id = "create_watch_item",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body(content = WatchInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created", body = WatchItemView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_watch_item(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<WatchInput>,
) -> Result<HttpResponse, ApiError> {
    let w = svc::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/watch-items/{}", w.id)))
        .insert_header(("ETag", etag(w.version)))
        .json(&w))
}

/// Change a watch-list entry
///
/// Who may write: delegates and focal points of the owning delegation, and admins; with a session or an API key
/// with the `write` scope. Send only the fields to change, with `If-Match` set to the entry's `ETag`.
///
/// Refuses: 401 without a valid credential; 404 for an unknown entry or one the caller may not read; 403 for one
/// the caller may read but not write (another delegation's shared note, or a key without `write`); 428 without
/// `If-Match`; 412 when the entry changed since that version; 422 for an empty body or an invalid field.
#[utoipa::path(patch, path = "/watch-items/{id}", tag = "watch-list", operation_id = "update_watch_item",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = WatchPatch, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = WatchItemView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_watch_item(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<WatchPatch>,
) -> Result<HttpResponse, ApiError> {
    let w = svc::update(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(w.version, &w))
}

/// Stop following a topic
///
/// Who may write: delegates and focal points of the owning delegation, and admins; with a session or an API key
/// with the `write` scope.
///
/// Refuses: 401 without a valid credential; 404 for an unknown entry or one the caller may not read; 403 for one
/// the caller may read but not write.
#[utoipa::path(delete, path = "/watch-items/{id}", tag = "watch-list", operation_id = "delete_watch_item",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Deleted"),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn delete_watch_item(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn operations() -> Operations {
    operations![list_watch_items, create_watch_item, get_watch_item, update_watch_item, delete_watch_item]
}
