//! Ministerial preparation: prep items (positions, proposals, declaration texts, decisions, coalition
//! statements) with their board, workflow (`workflow.rs`) and versioned texts (`texts.rs`).

mod dto;
mod texts;
mod workflow;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::prep::{
    self as svc, BoardFilter, PrepBoardView, PrepItemFilter, PrepItemInput, PrepItemPatch, PrepItemView,
};
use uuid::Uuid;

pub use dto::*;
pub use texts::*;
pub use workflow::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List prep items
///
/// Who may read a prep item: admins every one; delegates and focal points those of their own delegation and of the
/// coalitions their delegation belongs to, at any visibility, and others' `regional` and `public` ones; analysts
/// `regional` and `public` ones; stakeholders `public` ones only. Sessions, or API keys with the `read` scope. The
/// list holds only what the caller may read, newest entered first or sorted (`sort`), filtered by ministerial,
/// status, topic, owner, interest, kind, a title search and `due_before`. The first page carries `total`, counted up
/// to 1,000.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an invalid filter (an
/// unknown `ministerial`, status, interest or kind), an unknown `sort`, a `limit` outside 1–200 or a bad `cursor`;
/// 400 for a filter of the wrong type (`due_before=soon`).
#[utoipa::path(get, path = "/prep-items", tag = "prep-items", operation_id = "list_prep_items",
    params(PrepItemQuery, PrepItemSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The prep items the caller may see", body = PrepItemPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_prep_items(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<PrepItemQuery>,
    sort: web::Query<PrepItemSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let filter = PrepItemFilter {
        ministerial: q.ministerial,
        status: q.status,
        topic: q.topic,
        delegation_id: q.delegation_id,
        coalition_id: q.coalition_id,
        interest: q.interest,
        kind: q.kind,
        q: q.q,
        due_before: q.due_before,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(PrepItemPage::from(svc::list(&state.db, &actor, filter).await?)))
}

/// The preparation board of a ministerial
///
/// Who: as for the list — each column counts and shows only the prep items the caller may read. One column per
/// status in workflow order (`identified` … `withdrawn`), each with its `total` and its first 20 items by deadline
/// (items without one last), filtered by topic, owner and interest. Without `ministerial`, the latest conference.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown `ministerial` or
/// interest.
#[utoipa::path(get, path = "/prep-items/board", tag = "prep-items", operation_id = "get_prep_board",
    params(BoardQuery), security(("bearer" = [])),
    responses((status = 200, description = "The board's columns", body = PrepBoardView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn get_prep_board(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<BoardQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let filter = BoardFilter {
        ministerial: q.ministerial,
        topic: q.topic,
        delegation_id: q.delegation_id,
        coalition_id: q.coalition_id,
        interest: q.interest,
    };
    Ok(HttpResponse::Ok().json(svc::board(&state.db, &state.prep_board, &actor, filter).await?))
}

/// Create a prep item
///
/// Who: delegates and focal points, for their own delegation (the default) or for a coalition their delegation
/// belongs to (`coalition_id`); admins, for any delegation (`delegation_id`) or coalition. With a session or an API
/// key with the `write` scope. It starts as `identified`. Answers 201 with `Location` and `ETag`. Retry-safe with
/// `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, a key without `write`, a
/// `delegation_id` other than the caller's own or a coalition the caller's delegation is not in; 422 for a missing or
/// invalid field (an unknown ministerial, topics or coalition, both owners named, a responsible person who is not a
/// member of the owner); 409 while a request with the same `Idempotency-Key` is in progress.
#[utoipa::path(post, path = "/prep-items", tag = "prep-items", operation_id = "create_prep_item",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = PrepItemInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created", body = PrepItemView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_prep_item(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<PrepItemInput>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/prep-items/{}", p.id)))
        .insert_header(("ETag", etag(p.version)))
        .json(&p))
}

/// Get a prep item
///
/// Who may read a prep item: admins every one; delegates and focal points those of their own delegation and of the
/// coalitions their delegation belongs to, at any visibility, and others' `regional` and `public` ones; analysts
/// `regional` and `public` ones; stakeholders `public` ones only. Sessions, or API keys with the `read` scope.
/// `steps_open` and `can_edit` say what this caller may do with it.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown prep item or one
/// the caller may not read (never 403, which would confirm it exists).
#[utoipa::path(get, path = "/prep-items/{id}", tag = "prep-items", operation_id = "get_prep_item",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The prep item, with its version as ETag", body = PrepItemView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_prep_item(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(p.version, &p))
}

/// Change a prep item
///
/// Who: delegates and focal points of the owning delegation (for a coalition's item, of a member delegation), and
/// admins; with a session or an API key with the `write` scope. Send only the fields to change, with `If-Match` set
/// to the `ETag`; `null` clears `deadline` and `responsible_user_id`; `topic_ids` replaces the topics. The status
/// moves only through `POST /prep-items/{id}/steps`; the owner and ministerial do not change.
///
/// Refuses: 401 without a valid credential; 404 for an unknown prep item or one the caller may not read; 403 for one
/// the caller may read but not write; 428 without `If-Match`; 412 when it changed since that version; 422 for an
/// invalid field, or a kind without a text for an item that has saved texts.
#[utoipa::path(patch, path = "/prep-items/{id}", tag = "prep-items", operation_id = "update_prep_item",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = PrepItemPatch, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = PrepItemView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_prep_item(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<PrepItemPatch>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::update(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(p.version, &p))
}

pub fn operations() -> Operations {
    // `board` and `texts/diff` before the `{id}` and `{number}` paths they would otherwise match.
    operations![
        list_prep_items,
        get_prep_board,
        create_prep_item,
        get_prep_item,
        update_prep_item,
        list_prep_item_steps,
        step_prep_item,
        list_prep_item_texts,
        diff_prep_item_texts,
        get_prep_item_text,
        save_prep_item_text
    ]
}
