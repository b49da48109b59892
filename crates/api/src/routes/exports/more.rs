//! The export routes of the collections added after impediments and stakeholders (issue 11: exports):
//! each is `respond` with its kind, documented with its list's own query structs.

use actix_web::{web, HttpRequest, HttpResponse};

use super::{respond, FormatQuery};
use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::briefings::{BriefingQuery, BriefingSortQuery};
use crate::routes::consultations::{ConsultationQuery, ConsultationSortQuery};
use crate::routes::documents::{DocumentQuery, DocumentSortQuery};
use crate::routes::meetings::{MeetingQuery, MeetingSortQuery};
use crate::routes::prep_items::{PrepItemQuery, PrepItemSortQuery};
use crate::routes::topics::{TopicQuery, TopicSortQuery};
use crate::state::AppState;

/// Export topics
///
/// Who: any role, signed in with a session or an API key with the `read` scope. Exactly what `GET /topics` shows
/// with the same filters and `sort`, every page of it, as CSV (UTF-8 with a byte order mark, streamed) or XLSX
/// (`format`); the parent topic's code and title beside its id.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown `kind`, `status` or
/// `sort`, a `parent` that names no topic, or a bad `format`.
#[utoipa::path(get, path = "/topics/export", tag = "topics", operation_id = "export_topics",
    params(TopicQuery, TopicSortQuery, FormatQuery), security(("bearer" = [])),
    responses((status = 200, description = "The file, as an attachment",
            content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"topics-<date>.csv\"`"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn export_topics(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    respond(&state, &actor, "topics", &req).await
}

/// Export prep items
///
/// Who: any role, signed in with a session or an API key with the `read` scope. Exactly what `GET /prep-items`
/// shows the caller with the same filters and `sort` (another delegation's `delegation`-level items never), every
/// page of it, as CSV (streamed) or XLSX (`format`); the ministerial's, owner's and topics' names beside their codes.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 400 for a filter of the wrong type
/// (`due_before=soon`); 422 for an invalid filter, `sort` or `format`.
#[utoipa::path(get, path = "/prep-items/export", tag = "prep-items", operation_id = "export_prep_items",
    params(PrepItemQuery, PrepItemSortQuery, FormatQuery), security(("bearer" = [])),
    responses((status = 200, description = "The file, as an attachment",
            content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"prep-items-<date>.csv\"`"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn export_prep_items(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    respond(&state, &actor, "prep-items", &req).await
}

/// Export consultations
///
/// Who: any role, signed in with a session or an API key with the `read` scope. Exactly what `GET /consultations`
/// shows the caller with the same filters and `sort`, as CSV (streamed) or XLSX (`format`): each consultation's
/// metadata and response count, the owning delegation's code and name beside its id; not the questions, the
/// answers or the link token.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 400 for a filter of the wrong type;
/// 422 for an unknown `status`, `sort` or `format`.
#[utoipa::path(get, path = "/consultations/export", tag = "consultations", operation_id = "export_consultations",
    params(ConsultationQuery, ConsultationSortQuery, FormatQuery), security(("bearer" = [])),
    responses((status = 200, description = "The file, as an attachment",
            content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"consultations-<date>.csv\"`"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn export_consultations(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    respond(&state, &actor, "consultations", &req).await
}

/// Export meetings
///
/// Who: any role, signed in with a session or an API key with the `read` scope. Exactly what `GET /meetings` shows
/// the caller with the same filters and `sort` (another delegation's `delegation`-level meetings only when they
/// invite the caller), as CSV (streamed) or XLSX (`format`); the organiser's code and name, the agenda's topics and
/// the invited delegations.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 400 for a malformed `from` or `to`;
/// 422 for an unknown kind or status, `invited` other than `me`, `to` not after `from`, a bad `sort` or `format`.
#[utoipa::path(get, path = "/meetings/export", tag = "meetings", operation_id = "export_meetings",
    params(MeetingQuery, MeetingSortQuery, FormatQuery), security(("bearer" = [])),
    responses((status = 200, description = "The file, as an attachment",
            content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"meetings-<date>.csv\"`"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn export_meetings(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    respond(&state, &actor, "meetings", &req).await
}

/// Export briefing requests
///
/// Who: any role, signed in with a session or an API key with the `read` scope. Exactly what
/// `GET /briefing-requests` shows the caller with the same filters and `sort` (never another delegation's), as
/// CSV (streamed) or XLSX (`format`); the delegation's, topics' and people's names beside their ids.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 400 for a filter of the wrong type
/// (`queue=maybe`); 422 for an invalid filter, `sort` or `format`.
#[utoipa::path(get, path = "/briefing-requests/export", tag = "briefing-requests", operation_id = "export_briefing_requests",
    params(BriefingQuery, BriefingSortQuery, FormatQuery), security(("bearer" = [])),
    responses((status = 200, description = "The file, as an attachment",
            content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"briefing-requests-<date>.csv\"`"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn export_briefing_requests(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    respond(&state, &actor, "briefing-requests", &req).await
}

/// Export documents (metadata)
///
/// Who: any role, signed in with a session or an API key with the `read` scope. Exactly what `GET /documents` shows
/// the caller with the same filters and `sort`, as CSV (streamed) or XLSX (`format`): the metadata, never the files;
/// the owner's and topics' names beside their ids.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 400 for a filter of the wrong type;
/// 422 for an unknown kind, a bad `sort` or `format`.
#[utoipa::path(get, path = "/documents/export", tag = "documents", operation_id = "export_documents",
    params(DocumentQuery, DocumentSortQuery, FormatQuery), security(("bearer" = [])),
    responses((status = 200, description = "The file, as an attachment",
            content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"documents-<date>.csv\"`"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn export_documents(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    respond(&state, &actor, "documents", &req).await
}
