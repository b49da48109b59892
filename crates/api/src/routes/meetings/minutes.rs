//! What a meeting leaves behind: its minutes, and the action items decided there, each with an owner
//! who marks it done.

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::meetings::{
    self as svc, actions, ActionItemFilter, ActionItemInput, ActionItemPatch, ActionItemView, MinutesInput, MinutesView,
};
use uuid::Uuid;

use super::dto::{
    action_example, action_update_example, minutes_example, ActionItemList, ActionItemPage, ActionItemQuery,
    ActionItemSortQuery,
};
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::PageQuery;
use crate::state::AppState;

/// A meeting's minutes
///
/// Who: whoever may read the meeting (its invitees included), within the minutes' own visibility. Markdown.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown meeting, one the
/// caller may not read, one without minutes, or minutes the caller may not read.
#[utoipa::path(get, path = "/meetings/{id}/minutes", tag = "meetings", operation_id = "get_meeting_minutes",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The minutes, with the meeting's version as ETag", body = MinutesView,
        headers(("ETag" = String, description = "The meeting's version, to send as `If-Match` when replacing the minutes"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_meeting_minutes(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let m = svc::minutes(&state.db, &actor, *id).await?;
    Ok(json_with_etag(m.meeting_version, &m))
}

/// Write a meeting's minutes
///
/// Who: the organising delegation's delegates and focal points, and admins; with a session or an API key with the
/// `write` scope. The whole text, Markdown, replacing the previous one (which the audit log keeps), at a visibility
/// (default: the meeting's). Send `If-Match` with the meeting's `ETag` (from `GET /meetings/{id}` or its minutes):
/// saving raises the meeting's version, so a second editor working from the same text gets 412 instead of
/// silently overwriting the first.
///
/// Refuses: 401 without a valid credential; 404 for an unknown meeting or one the caller may not read; 403 for one
/// the caller may read but not change, or a key without `write`; 428 without `If-Match`; 412 when the meeting (or
/// its minutes) changed since that version; 422 for an empty or too long text (100,000 characters) or an unknown
/// visibility.
#[utoipa::path(put, path = "/meetings/{id}/minutes", tag = "meetings", operation_id = "save_meeting_minutes",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The meeting's ETag")),
    request_body(content = MinutesInput, example = minutes_example),
    security(("bearer" = [])),
    responses((status = 200, description = "Saved; the meeting's new version as ETag", body = MinutesView,
        headers(("ETag" = String, description = "The meeting's new version"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn save_meeting_minutes(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<MinutesInput>,
) -> Result<HttpResponse, ApiError> {
    let m = svc::save_minutes(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(m.meeting_version, &m))
}

/// A meeting's action items
///
/// Who: whoever may read the meeting. By due date.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown meeting or one the
/// caller may not read.
#[utoipa::path(get, path = "/meetings/{id}/action-items", tag = "meetings", operation_id = "list_meeting_action_items",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The meeting's action items", body = ActionItemList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn list_meeting_action_items(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(ActionItemList { items: actions::for_meeting(&state.db, &actor, *id).await? }))
}

/// Record an action item
///
/// Who: the organising delegation's delegates and focal points, and admins; with a session or an API key with the
/// `write` scope. The owner is someone taking part (a member of the organising or an invited delegation, or an
/// invited person); a linked record (`prep_item`, `impediment`, `meeting`) must be one the caller may read. Answers
/// 201. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 404 for an unknown meeting or one the caller may not read; 403 for
/// analysts and stakeholders, a meeting the caller may read but not change, or a key without `write`; 422 for a
/// missing or invalid field, an owner not taking part, or a linked record that does not exist or is hidden from the
/// caller; 409 while a request with the same `Idempotency-Key` is in progress.
#[utoipa::path(post, path = "/meetings/{id}/action-items", tag = "meetings", operation_id = "create_action_item",
    params(("id" = Uuid, Path),
        ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = ActionItemInput, example = action_example), security(("bearer" = [])),
    responses((status = 201, description = "Recorded", body = ActionItemView,
        headers(("ETag" = String, description = "The item's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn create_action_item(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<ActionItemInput>,
) -> Result<HttpResponse, ApiError> {
    let a = actions::create(&state.db, &actor, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().insert_header(("ETag", etag(a.version))).json(&a))
}

/// List action items
///
/// Who: every signed-in caller; sessions, or API keys with the `read` scope. The caller's own action items and
/// those of meetings the caller may read; `owner=me&status=open` is "my action items until done". By due date (or
/// `sort`); the first page carries `total`, up to 1,000.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for `owner` other than `me`, an
/// unknown status or `sort`, a `limit` outside 1–200 or a bad `cursor`.
#[utoipa::path(get, path = "/action-items", tag = "meetings", operation_id = "list_action_items",
    params(ActionItemQuery, ActionItemSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The action items", body = ActionItemPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_action_items(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ActionItemQuery>,
    sort: web::Query<ActionItemSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let filter = ActionItemFilter {
        owner: q.owner,
        status: q.status,
        meeting_id: q.meeting_id,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(ActionItemPage::from(actions::list(&state.db, &actor, filter).await?)))
}

/// Change an action item
///
/// Who: its owner, for `status` only (marking it done, or open again); the organising delegation's delegates and
/// focal points and admins, for any field. With a session or an API key with the `write` scope, and `If-Match` set
/// to the item's `ETag`.
///
/// Refuses: 401 without a valid credential; 404 for an unknown item or one the caller may not read; 403 for one the
/// caller may read but not change (or, for its owner, a field other than `status`), or a key without `write`; 428
/// without `If-Match`; 412 when it changed since that version; 422 for an invalid field or an empty patch.
#[utoipa::path(patch, path = "/action-items/{id}", tag = "meetings", operation_id = "update_action_item",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = ActionItemPatch, example = action_update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = ActionItemView,
        headers(("ETag" = String, description = "The item's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_action_item(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<ActionItemPatch>,
) -> Result<HttpResponse, ApiError> {
    let a = actions::update(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(a.version, &a))
}
