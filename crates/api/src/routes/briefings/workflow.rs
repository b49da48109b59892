//! A briefing request's workflow (the next step, the history) and its comments.

use actix_web::{web, HttpResponse};
use gmc_store::services::briefings::{self as svc, BriefingCommentInput, BriefingRequestView, BriefingStepInput};
use uuid::Uuid;

use super::dto::{comment_example, step_example, BriefingCommentList, BriefingDeliverableList, BriefingStepList};
use crate::auth::Authed;
use crate::etag::{etag, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::state::AppState;

/// Move a briefing request to its next status
///
/// Who: by step — from `requested`, any analyst accepts (`accepted`, with a committed `due_date`; the request is then
/// theirs) or declines (`declined`, with a `reason`); afterwards only the assigned analyst moves it: `accepted →
/// in_progress → in_review → delivered`, or back from `in_review` to `in_progress`. Admins take any step and, when
/// accepting, name the analyst (`assignee_id`). The requesting delegation takes no step. With a session or an API key
/// with the `write` scope. `delivered` needs at least one deliverable (attached before, or named by `document_id`);
/// `delivered` and `declined` are final. The
/// history is kept (`GET .../steps`). Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders and keys without `write`; 404 for an unknown request
/// or one the caller may not read; 403 when the step exists but is not the caller's to take (a delegate accepting its
/// own request, another analyst's request); 422 for a step that does not exist from the current status
/// (`invalid_step`), a missing or misplaced `due_date`, `reason` or `assignee_id`, delivering without a deliverable;
/// 409 when the request changed meanwhile (or while a request with the same `Idempotency-Key` is in progress).
#[utoipa::path(post, path = "/briefing-requests/{id}/steps", tag = "briefing-requests", operation_id = "step_briefing_request",
    params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = BriefingStepInput, example = step_example), security(("bearer" = [])),
    responses((status = 200, description = "Moved to the next status", body = BriefingRequestView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn step_briefing_request(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<BriefingStepInput>,
) -> Result<HttpResponse, ApiError> {
    let b: BriefingRequestView = svc::step(&state.db, &actor, *id, body.into_inner()).await?;
    Ok(json_with_etag(b.version, &b))
}

/// A briefing request's workflow history
///
/// Who: whoever may read the request (see `GET /briefing-requests/{id}`). The steps, oldest first, each with its
/// note, who took it and when.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown request or one the
/// caller may not read.
#[utoipa::path(get, path = "/briefing-requests/{id}/steps", tag = "briefing-requests", operation_id = "list_briefing_request_steps",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The workflow history, oldest first", body = BriefingStepList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn list_briefing_request_steps(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let items = svc::history(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok().json(BriefingStepList { items }))
}

/// A briefing request's comments
///
/// Who: whoever may read the request (see `GET /briefing-requests/{id}`): every comment on it, oldest first (the
/// latest 500).
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown request or one the
/// caller may not read.
#[utoipa::path(get, path = "/briefing-requests/{id}/comments", tag = "briefing-requests", operation_id = "list_briefing_comments",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The comments, oldest first", body = BriefingCommentList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn list_briefing_comments(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let items = svc::comments(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok().json(BriefingCommentList { items }))
}

/// Comment on a briefing request
///
/// Who: whoever may read the request and write — the requesting delegation's delegates and focal points, the
/// assigned analyst (and analysts while it is in the queue), admins; with a session or an API key with the `write`
/// scope. Every reader of the request reads the comment. Answers 201. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders and keys without `write`; 404 for an unknown request
/// or one the caller may not read; 422 for an empty or overlong `body`; 409 while a request with the same
/// `Idempotency-Key` is in progress.
#[utoipa::path(post, path = "/briefing-requests/{id}/comments", tag = "briefing-requests", operation_id = "create_briefing_comment",
    params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = BriefingCommentInput, example = comment_example), security(("bearer" = [])),
    responses((status = 201, description = "Created", body = gmc_store::services::briefings::BriefingCommentView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn create_briefing_comment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<BriefingCommentInput>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::add_comment(&state.db, &actor, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(&c))
}

/// The documents delivered for a briefing request
///
/// Who: whoever may read the request (see `GET /briefing-requests/{id}`); each deliverable is listed only if the caller
/// may read the document itself. Oldest first.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown request or one the
/// caller may not read.
#[utoipa::path(get, path = "/briefing-requests/{id}/deliverables", tag = "briefing-requests", operation_id = "list_briefing_deliverables",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The deliverables, oldest first", body = BriefingDeliverableList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn list_briefing_deliverables(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let items = svc::deliverables(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok().json(BriefingDeliverableList { items }))
}

/// Attach a document as a deliverable
///
/// Who: the assigned analyst, and admins; with a session or an API key with the `write` scope; while the request is
/// `accepted`, `in_progress` or `in_review`. The document must be one the caller may read and one the requesting
/// delegation may read — its own, or shared `regional` or `public` — so that delivering never hands over a document
/// the requester cannot open. Answers 201 with every deliverable. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders, keys without `write`, and callers who may read the
/// request but are not its analyst; 404 for an unknown request or one the caller may not read; 409 when the request
/// is not open for work or the document is already attached; 422 when `document_id` names no document the caller
/// may read (`unknown`) or one the requesting delegation could not read (`not_shared`).
#[utoipa::path(post, path = "/briefing-requests/{id}/deliverables", tag = "briefing-requests", operation_id = "create_briefing_deliverable",
    params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = gmc_store::services::briefings::DeliverableInput), security(("bearer" = [])),
    responses((status = 201, description = "Attached; every deliverable of the request", body = BriefingDeliverableList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn create_briefing_deliverable(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<gmc_store::services::briefings::DeliverableInput>,
) -> Result<HttpResponse, ApiError> {
    let items = svc::attach(&state.db, &actor, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(BriefingDeliverableList { items }))
}

/// File a new document as a deliverable
///
/// Who: the assigned analyst, and admins; with a session or an API key with the `write` scope; while the request is
/// `accepted`, `in_progress` or `in_review`. Creates a document under the requesting delegation — of the request's
/// kind, on its topics, at its visibility — and attaches it, in one step; then upload the file as its first version
/// (`POST /documents/{id}/versions`), which the assigned analyst may do while the work is open. This is how a
/// `delegation`-level request gets a deliverable that only the requesting delegation, admins and the assigned analyst
/// read (an analyst publishes no delegation's document through the library). Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders, keys without `write`, and callers who may read the
/// request but are not its analyst; 404 for an unknown request or one the caller may not read; 409 when the request is
/// not open for work; 422 for a missing or too long `title` or `summary`.
#[utoipa::path(post, path = "/briefing-requests/{id}/deliverable-documents", tag = "briefing-requests", operation_id = "file_briefing_deliverable",
    params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = gmc_store::services::briefings::NewDeliverableInput), security(("bearer" = [])),
    responses((status = 201, description = "Filed and attached; the new document (no version yet)", body = gmc_store::services::documents::DocumentDetailView,
        headers(("Location" = String, description = "The new document"), ("ETag" = String, description = "The document's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn file_briefing_deliverable(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<gmc_store::services::briefings::NewDeliverableInput>,
) -> Result<HttpResponse, ApiError> {
    let doc = svc::file_document(&state.db, &actor, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/documents/{}", doc.document.id)))
        .insert_header(("ETag", etag(doc.document.version)))
        .json(&doc))
}
