//! Briefing requests (issue 10): technical assistance a delegation asks for, its workflow
//! (`workflow.rs`) and its comments.

mod dto;
mod workflow;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::briefings::{self as svc, BriefingFilter, BriefingInput, BriefingPatch, BriefingRequestView};
use uuid::Uuid;

pub use dto::*;
pub use workflow::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List briefing requests
///
/// Who may read a briefing request: admins every one; delegates and focal points their own delegation's, whatever
/// its visibility — never another delegation's; analysts those assigned to them and the queue (`requested`, nobody's
/// yet); stakeholders none. Sessions, or API keys with the `read` scope. The list holds only what the caller may read,
/// newest first or sorted (`sort`), filtered by status, kind, topic, delegation, `assigned=me`, `queue=true` and
/// `overdue`. The first page carries `total`, counted up to 1,000.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an invalid filter (an unknown
/// status or kind, `assigned` other than `me`), an unknown `sort`, a `limit` outside 1–200 or a bad `cursor`; 400 for
/// a filter of the wrong type (`queue=maybe`).
#[utoipa::path(get, path = "/briefing-requests", tag = "briefing-requests", operation_id = "list_briefing_requests",
    params(BriefingQuery, BriefingSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The briefing requests the caller may see", body = BriefingRequestPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_briefing_requests(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<BriefingQuery>,
    sort: web::Query<BriefingSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let filter = BriefingFilter {
        status: q.status,
        kind: q.kind,
        topic: q.topic,
        delegation_id: q.delegation_id,
        assigned: q.assigned,
        queue: q.queue,
        overdue: q.overdue,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(BriefingRequestPage::from(svc::list(&state.db, &actor, filter).await?)))
}

/// Request a briefing
///
/// Who: delegates and focal points, for their own delegation (the default); admins, for any delegation
/// (`delegation_id`). With a session or an API key with the `write` scope. It starts as `requested`, in the
/// analysts' queue. Answers 201 with `Location` and `ETag`. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, a key without `write`, a
/// `delegation_id` other than the caller's own; 422 for a missing or invalid field (kind, title, question, priority,
/// visibility, unknown topics, a wished date in the past); 409 while a request with the same `Idempotency-Key` is in
/// progress.
#[utoipa::path(post, path = "/briefing-requests", tag = "briefing-requests", operation_id = "create_briefing_request",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = BriefingInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created", body = BriefingRequestView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_briefing_request(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<BriefingInput>,
) -> Result<HttpResponse, ApiError> {
    let b = svc::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/briefing-requests/{}", b.id)))
        .insert_header(("ETag", etag(b.version)))
        .json(&b))
}

/// Get a briefing request
///
/// Who: as for the list — admins; the requesting delegation's delegates and focal points; the assigned analyst, and
/// every analyst while it waits in the queue. Sessions, or API keys with the `read` scope. `steps_open` and
/// `can_edit` say what this caller may do with it; `overdue` is computed against today (UTC).
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown request or one the
/// caller may not read (never 403, which would confirm it exists).
#[utoipa::path(get, path = "/briefing-requests/{id}", tag = "briefing-requests", operation_id = "get_briefing_request",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The request, with its version as ETag", body = BriefingRequestView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_briefing_request(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let b = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(b.version, &b))
}

/// Change a briefing request
///
/// Who: delegates and focal points of the requesting delegation, and admins; with a session or an API key with the
/// `write` scope; only while the request is `requested` (once accepted, the analyst committed against this
/// question). Send only the fields to change, with `If-Match` set to the `ETag`; `null` clears `wished_date`;
/// `topic_ids` replaces the topics.
///
/// Refuses: 401 without a valid credential; 404 for an unknown request or one the caller may not read; 403 for one
/// the caller may read but not change (an analyst); 409 once it is no longer `requested`; 428 without `If-Match`; 412
/// when it changed since that version; 422 for an invalid field.
#[utoipa::path(patch, path = "/briefing-requests/{id}", tag = "briefing-requests", operation_id = "update_briefing_request",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = BriefingPatch, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = BriefingRequestView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PreconditionFailed,
        r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_briefing_request(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<BriefingPatch>,
) -> Result<HttpResponse, ApiError> {
    let b = svc::update(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(b.version, &b))
}

pub fn operations() -> Operations {
    operations![
        list_briefing_requests,
        create_briefing_request,
        get_briefing_request,
        update_briefing_request,
        list_briefing_request_steps,
        step_briefing_request,
        list_briefing_comments,
        create_briefing_comment,
        list_briefing_deliverables,
        create_briefing_deliverable,
        file_briefing_deliverable
    ]
}
