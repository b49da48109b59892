//! The caller's calendar feed: create or rotate it (its URL shown once), revoke it, and the public
//! `.ics` address a calendar application polls without signing in.

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::meetings as svc;

use super::dto::CalendarFeed;
use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::state::AppState;

/// Create or rotate my calendar feed
///
/// Who: every signed-in user, with a session only (the feed's token is a credential: a key must not mint one). Makes
/// a new unguessable feed URL and answers it this once — only a hash of its token is kept; a previous URL stops
/// working. The feed holds the meetings the user may read at the time a calendar fetches it.
///
/// Refuses: 401 without a valid credential; 403 for an API key.
#[utoipa::path(post, path = "/me/calendar-feed", tag = "meetings", operation_id = "create_calendar_feed",
    security(("bearer" = [])),
    responses((status = 201, description = "The new feed's URL, shown once", body = CalendarFeed),
        r::Unauthenticated, r::Forbidden, r::Busy))]
pub async fn create_calendar_feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
) -> Result<HttpResponse, ApiError> {
    let feed = svc::rotate_feed(&state.db, &actor).await?;
    let path = format!("/api/v1/calendar/{}.ics", feed.token);
    let info = req.connection_info();
    let url = format!("{}://{}{path}", info.scheme(), info.host());
    Ok(HttpResponse::Created().json(CalendarFeed { url, path, created_at: feed.created_at }))
}

/// Revoke my calendar feed
///
/// Who: every signed-in user, with a session only. The feed URL answers 404 from now on.
///
/// Refuses: 401 without a valid credential; 403 for an API key; 404 when there is no feed.
#[utoipa::path(delete, path = "/me/calendar-feed", tag = "meetings", operation_id = "revoke_calendar_feed",
    security(("bearer" = [])),
    responses((status = 204, description = "Revoked"), r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn revoke_calendar_feed(state: web::Data<AppState>, Authed(actor): Authed) -> Result<HttpResponse, ApiError> {
    svc::revoke_feed(&state.db, &actor).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A calendar feed
///
/// Who: anyone with the URL — no credential (calendar applications cannot send one); the token is the credential.
/// iCalendar (RFC 5545): the meetings the feed's owner may read now (from a year back), cancelled ones marked
/// `STATUS:CANCELLED`, each with a stable UID and its SEQUENCE, times in the organiser's zone with a VTIMEZONE per
/// zone.
///
/// Refuses: 404 for an unknown, revoked or replaced token, or an account no longer active.
#[utoipa::path(get, path = "/calendar/{token}.ics", tag = "meetings", operation_id = "get_calendar_feed",
    params(("token" = String, Path, description = "The feed's token")),
    responses((status = 200, description = "The feed", content_type = "text/calendar", body = String),
        r::BadRequest, r::NotFound, r::Busy))]
pub async fn get_calendar_feed(state: web::Data<AppState>, token: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let body = svc::feed_ics(&state.db, &token).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(body))
}
