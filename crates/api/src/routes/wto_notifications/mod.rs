//! WTO SPS/TBT notifications (issue 11, part 6): public WTO records, imported with
//! `POST /imports/wto_notifications` and matched to impediments; each read shows only the matches the
//! caller may read.

mod dto;

use actix_web::{web, HttpResponse};
use gmc_store::services::wto_notifications::{self as svc, WtoFilter, WtoNotificationDetail};
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List WTO notifications
///
/// Who: every signed-in role (the notifications are public WTO data), with a session or an API key with the `read`
/// scope. Filtered by `agreement`, `member`, `open` (comment period open) and `hs` (an HS prefix); newest
/// distributed first or sorted by a field (`sort`). Each notification carries `matches_readable`: how many of the
/// impediments it matches the caller may read — another delegation's delegation-level impediment is never counted.
/// The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown `agreement` or
/// `sort`, an `hs` that is not 2 to 6 digits, a `limit` outside 1–200, or a bad `cursor`.
#[utoipa::path(get, path = "/wto-notifications", tag = "wto-notifications", operation_id = "list_wto_notifications",
    params(WtoQuery, WtoSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The notifications", body = WtoNotificationPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_wto_notifications(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<WtoQuery>,
    sort: web::Query<WtoSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let filter = WtoFilter {
        agreement: q.agreement,
        member: q.member,
        open: q.open,
        hs: q.hs,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(WtoNotificationPage::from(svc::list(&state.db, &actor, filter).await?)))
}

/// Get a WTO notification with its matches
///
/// Who: every signed-in role, with a session or an API key with the `read` scope. `matches` lists the impediments
/// the notification matches (partner market = notifying member, overlapping HS codes, SPS ↔ MAST chapter A,
/// TBT ↔ chapter B) that the caller may read; the others are neither listed nor counted.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown notification.
#[utoipa::path(get, path = "/wto-notifications/{id}", tag = "wto-notifications", operation_id = "get_wto_notification",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The notification and the matches the caller may read", body = WtoNotificationDetail),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_wto_notification(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::get(&state.db, &actor, *id).await?))
}

pub fn operations() -> Operations {
    operations![list_wto_notifications, get_wto_notification]
}
