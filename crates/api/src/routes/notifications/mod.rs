//! The caller's notifications, what they follow and how they are told; and, for admins, the e-mail
//! outbox. Everything under `/me` reaches only the caller's own rows.

mod dto;

use actix_web::{web, HttpResponse};
use gmc_store::services::notifications::follows::{self, FollowsInput, FollowsView};
use gmc_store::services::notifications::inbox::{self, InboxFilter, MarkedRead, NotificationView};
use gmc_store::services::notifications::outbox::{self, OutboxFilter};
use gmc_store::services::notifications::settings::{self, SettingsInput, SettingsView};
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List my notifications
///
/// Who: every signed-in user, for their own notifications only; sessions, or API keys with `read`. Unread first,
/// then newest first; `unread=true` for only the unread ones. The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for a key without `read`; 422 for a `limit` outside 1–200 or a
/// bad `cursor` (or one from other filters).
#[utoipa::path(get, path = "/me/notifications", tag = "notifications", operation_id = "list_my_notifications",
    params(InboxQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The caller's notifications", body = NotificationPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_my_notifications(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<InboxQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner();
    let filter = InboxFilter { unread: q.unread.unwrap_or(false), limit: page.limit, cursor: page.cursor };
    Ok(HttpResponse::Ok().json(NotificationPage::from(inbox::list(&state.db, &actor, filter).await?)))
}

/// Count my unread notifications
///
/// Who: every signed-in user, for their own; sessions, or API keys with `read`. The bell polls it.
///
/// Refuses: 401 without a valid credential; 403 for a key without `read`.
#[utoipa::path(get, path = "/me/notifications/unread-count", tag = "notifications",
    operation_id = "count_my_unread_notifications", security(("bearer" = [])),
    responses((status = 200, description = "How many are unread", body = UnreadCount),
        r::Unauthenticated, r::Forbidden, r::Busy))]
pub async fn count_my_unread_notifications(
    state: web::Data<AppState>,
    Authed(actor): Authed,
) -> Result<HttpResponse, ApiError> {
    let unread = inbox::count_unread(&state.db, &actor).await?;
    Ok(HttpResponse::Ok().json(UnreadCount { unread }))
}

/// Mark a notification read
///
/// Who: the notification's recipient only; sessions, or API keys with `write`. Marking one already read changes
/// nothing.
///
/// Refuses: 401 without a valid credential; 403 for a key without `write`; 404 for an unknown notification or
/// another user's (never 403, which would confirm it exists).
#[utoipa::path(post, path = "/me/notifications/{id}/read", tag = "notifications",
    operation_id = "mark_notification_read", params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The notification, read", body = NotificationView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn mark_notification_read(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(inbox::mark_read(&state.db, &actor, *id).await?))
}

/// Mark all my notifications read
///
/// Who: every signed-in user, for their own; sessions, or API keys with `write`.
///
/// Refuses: 401 without a valid credential; 403 for a key without `write`.
#[utoipa::path(post, path = "/me/notifications/read-all", tag = "notifications",
    operation_id = "mark_all_notifications_read", security(("bearer" = [])),
    responses((status = 200, description = "How many were marked", body = MarkedRead),
        r::Unauthenticated, r::Forbidden, r::Busy))]
pub async fn mark_all_notifications_read(
    state: web::Data<AppState>,
    Authed(actor): Authed,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(inbox::mark_all_read(&state.db, &actor).await?))
}

/// What I follow
///
/// Who: every signed-in user, their own; sessions, or API keys with `read`.
///
/// Refuses: 401 without a valid credential; 403 for a key without `read`.
#[utoipa::path(get, path = "/me/follows", tag = "notifications", operation_id = "get_my_follows",
    security(("bearer" = [])),
    responses((status = 200, description = "Topics, HS prefixes and partners followed", body = FollowsView),
        r::Unauthenticated, r::Forbidden, r::Busy))]
pub async fn get_my_follows(state: web::Data<AppState>, Authed(actor): Authed) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(follows::get(&state.db, &actor).await?))
}

/// Choose what I follow
///
/// Who: every signed-in user, their own; sessions, or API keys with `write`. The body is the whole set: what it
/// leaves out is no longer followed. A newly validated impediment on a followed topic, HS prefix or partner then
/// notifies the caller, if they may read it.
///
/// Refuses: 401 without a valid credential; 403 for a key without `write`; 422 naming each bad entry
/// (`topics[0]` unknown, `hs_prefixes[1]` not 2–10 digits in a real chapter, `partners[2]` no country or market
/// group) or a list longer than 50 — nothing is changed then.
#[utoipa::path(put, path = "/me/follows", tag = "notifications", operation_id = "put_my_follows",
    request_body(content = FollowsInput, example = follows_example), security(("bearer" = [])),
    responses((status = 200, description = "What the caller now follows", body = FollowsView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid,
        r::Busy))]
pub async fn put_my_follows(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<FollowsInput>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(follows::put(&state.db, &actor, body.into_inner()).await?))
}

/// How I am notified
///
/// Who: every signed-in user, their own; sessions, or API keys with `read`. Every kind, with the caller's choice
/// or the default (in-app on, e-mail off).
///
/// Refuses: 401 without a valid credential; 403 for a key without `read`.
#[utoipa::path(get, path = "/me/notification-settings", tag = "notifications",
    operation_id = "get_my_notification_settings", security(("bearer" = [])),
    responses((status = 200, description = "Per kind: in-app and e-mail on or off", body = SettingsView),
        r::Unauthenticated, r::Forbidden, r::Busy))]
pub async fn get_my_notification_settings(
    state: web::Data<AppState>,
    Authed(actor): Authed,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(settings::get(&state.db, &actor).await?))
}

/// Choose how I am notified
///
/// Who: every signed-in user, their own; sessions, or API keys with `write`. Kinds left out keep their setting.
///
/// Refuses: 401 without a valid credential; 403 for a key without `write`; 422 for an unknown kind or one named
/// twice.
#[utoipa::path(put, path = "/me/notification-settings", tag = "notifications",
    operation_id = "put_my_notification_settings",
    request_body(content = SettingsInput, example = settings_example), security(("bearer" = [])),
    responses((status = 200, description = "Every kind's setting", body = SettingsView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid,
        r::Busy))]
pub async fn put_my_notification_settings(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<SettingsInput>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(settings::put(&state.db, &actor, body.into_inner()).await?))
}

/// List the e-mail outbox
///
/// Who: admins, with a session that passed a second factor (or a key with `admin`). Newest first, filtered by
/// `status`; the first page carries `total`. E-mail is sent only when the server has SMTP configured.
///
/// Refuses: 401 without a valid credential; 403 for other roles or a key without `admin`; 422 for an unknown
/// `status`, a `limit` outside 1–200 or a bad `cursor`.
#[utoipa::path(get, path = "/admin/email-outbox", tag = "admin", operation_id = "list_email_outbox",
    params(OutboxQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The outbox", body = OutboxEmailPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_email_outbox(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<OutboxQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner();
    let filter = OutboxFilter { status: q.into_inner().status, limit: page.limit, cursor: page.cursor };
    Ok(HttpResponse::Ok().json(OutboxEmailPage::from(outbox::list(&state.db, &actor, filter).await?)))
}

pub fn operations() -> Operations {
    operations![
        list_my_notifications,
        count_my_unread_notifications,
        mark_notification_read,
        mark_all_notifications_read,
        get_my_follows,
        put_my_follows,
        get_my_notification_settings,
        put_my_notification_settings,
        list_email_outbox
    ]
}
