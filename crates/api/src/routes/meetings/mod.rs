//! Meetings (issue 10): scheduling, invitations and RSVPs, cancelling, the `.ics` file; minutes and
//! action items (`minutes.rs`); the caller's calendar feed (`feed.rs`).

mod dto;
mod feed;
mod minutes;
mod participants; // issue 10: forum SPA

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::meetings::{self as svc, MeetingFilter, MeetingInput, MeetingPatch, MeetingView, RsvpInput};
use uuid::Uuid;

pub use dto::*;
pub use feed::*;
pub use minutes::*;
pub use participants::*; // issue 10: forum SPA

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List meetings
///
/// Who may read a meeting: admins every one; delegates and focal points their own delegation's at any visibility,
/// others' `regional` and `public` ones, and any that invites them or their delegation (also at `delegation`
/// visibility); analysts `regional` and `public` ones and those that invite them; stakeholders `public` ones and
/// those that invite them. Sessions, or API keys with the `read` scope. Soonest first (or `sort`), filtered by a time
/// window (`from`, `to`), kind, status, `invited=me` and agenda topic. Every meeting carries its times in Geneva, in
/// the organiser's zone and in each taking-part delegation's capital. The first page carries `total`, up to 1,000.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown kind or status,
/// `invited` other than `me`, `to` not after `from`, an unknown `sort`, a `limit` outside 1–200 or a bad `cursor`;
/// 400 for a malformed `from` or `to`.
#[utoipa::path(get, path = "/meetings", tag = "meetings", operation_id = "list_meetings",
    params(MeetingQuery, MeetingSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The meetings the caller may see", body = MeetingPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_meetings(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<MeetingQuery>,
    sort: web::Query<MeetingSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let filter = MeetingFilter {
        from: q.from,
        to: q.to,
        kind: q.kind,
        status: q.status,
        invited: q.invited,
        topic: q.topic,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(MeetingPage::from(svc::list(&state.db, &actor, filter).await?)))
}

/// Schedule a meeting
///
/// Who: delegates and focal points, for their own delegation (the default); admins, for any delegation
/// (`delegation_id`). With a session or an API key with the `write` scope. `starts_at`, `ends_at` and
/// `rsvp_deadline` are wall-clock times in `time_zone` (an IANA zone); invited delegations and people answer with
/// `PUT /meetings/{id}/rsvp`. Answers 201 with `Location` and `ETag`. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, a key without `write`, or a
/// `delegation_id` other than the caller's own; 422 for a missing or invalid field — an unknown time zone, an end
/// not after the start, a time the clocks skip, neither place nor online link, a link that is not http(s), unknown
/// invitees, an agenda topic that does not exist or a prep item the caller may not read; 409 while a request with
/// the same `Idempotency-Key` is in progress.
#[utoipa::path(post, path = "/meetings", tag = "meetings", operation_id = "create_meeting",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = MeetingInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Scheduled", body = MeetingView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_meeting(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<MeetingInput>,
) -> Result<HttpResponse, ApiError> {
    let m = svc::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/meetings/{}", m.id)))
        .insert_header(("ETag", etag(m.version)))
        .json(&m))
}

/// Get a meeting
///
/// Who: as for the list — including the delegations and people it invites, whatever its visibility. With its times
/// in Geneva, the organiser's zone and each taking-part delegation's capital, its agenda, invitations and answers;
/// `my_rsvp` and `can_edit` say what this caller may do.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown meeting or one the
/// caller may not read (never 403, which would confirm it exists).
#[utoipa::path(get, path = "/meetings/{id}", tag = "meetings", operation_id = "get_meeting",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The meeting, with its version as ETag", body = MeetingView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_meeting(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let m = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(m.version, &m))
}

/// Change a meeting
///
/// Who: delegates and focal points of the organising delegation, and admins; with a session or an API key with the
/// `write` scope. Send only the fields to change, with `If-Match` set to the `ETag`. Times are wall-clock times in
/// the (new or current) zone; `invited_*` and `agenda` replace the lists (an invitee that stays keeps its answer).
/// A new time or place after invitations raises `sequence`, so subscribed calendars replace the entry.
///
/// Refuses: 401 without a valid credential; 404 for an unknown meeting or one the caller may not read; 403 for one
/// the caller may read but not change (an invited delegation); 428 without `If-Match`; 412 when it changed since that
/// version; 422 for an invalid field, as for scheduling, or a patch that changes nothing.
#[utoipa::path(patch, path = "/meetings/{id}", tag = "meetings", operation_id = "update_meeting",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = MeetingPatch, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = MeetingView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<MeetingPatch>,
) -> Result<HttpResponse, ApiError> {
    let m = svc::update(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(m.version, &m))
}

/// Cancel a meeting
///
/// Who: as for changing it. The record stays, with status `cancelled` and a raised `sequence` (calendars show it
/// cancelled). `If-Match` is optional; when sent, it must be current.
///
/// Refuses: 401 without a valid credential; 404 for an unknown meeting or one the caller may not read; 403 for one
/// the caller may read but not change; 409 when it is already cancelled; 412 for a stale `If-Match`.
#[utoipa::path(post, path = "/meetings/{id}/cancel", tag = "meetings", operation_id = "cancel_meeting",
    params(("id" = Uuid, Path), ("If-Match" = Option<String>, Header, description = "The ETag of the version being cancelled")),
    security(("bearer" = [])),
    responses((status = 200, description = "Cancelled", body = MeetingView,
        headers(("ETag" = String, description = "The record's version"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PreconditionFailed, r::Busy))]
pub async fn cancel_meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let m = svc::cancel(&state.db, &actor, *id, if_match(&req)).await?;
    Ok(json_with_etag(m.version, &m))
}

/// Answer an invitation
///
/// Who: an invitee, for itself only — an invited person for their own invitation, a delegate or focal point of an
/// invited delegation for the delegation's. With a session or an API key with the `write` scope. `yes`, `no` or
/// `tentative`; answering again changes the answer.
///
/// Refuses: 401 without a valid credential; 404 for an unknown meeting or one the caller may not read; 403 for a
/// caller the meeting does not invite (the organising delegation too) or a key without `write`; 409 for a cancelled
/// meeting; 422 for another answer.
#[utoipa::path(put, path = "/meetings/{id}/rsvp", tag = "meetings", operation_id = "rsvp_meeting",
    params(("id" = Uuid, Path)), request_body(content = RsvpInput, example = rsvp_example), security(("bearer" = [])),
    responses((status = 200, description = "The meeting with the answer recorded", body = MeetingView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn rsvp_meeting(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<RsvpInput>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::rsvp(&state.db, &actor, *id, body.into_inner()).await?))
}

/// Download a meeting as iCalendar
///
/// Who: whoever may read the meeting. An `.ics` file (RFC 5545) with the event in the organiser's zone and its
/// VTIMEZONE, to import into a calendar.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown meeting or one the
/// caller may not read.
#[utoipa::path(get, path = "/meetings/{id}/ics", tag = "meetings", operation_id = "get_meeting_ics",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The meeting as iCalendar", content_type = "text/calendar", body = String),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_meeting_ics(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let body = svc::meeting_ics(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"meeting-{id}.ics\"")))
        .body(body))
}

pub fn operations() -> Operations {
    operations![
        list_meetings,
        create_meeting,
        get_meeting,
        update_meeting,
        cancel_meeting,
        rsvp_meeting,
        get_meeting_ics,
        get_meeting_minutes,
        save_meeting_minutes,
        list_meeting_action_items,
        create_action_item,
        list_action_items,
        update_action_item,
        create_calendar_feed,
        revoke_calendar_feed,
        get_calendar_feed,
        // issue 10: forum SPA
        list_meeting_participants
    ]
}
