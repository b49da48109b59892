//! Imports of topics and prep items (issue 11): the same runner, reports and templates as the stakeholder
//! and impediment files (`routes::imports`), one operation per kind. Registered before `routes::imports`,
//! whose `GET /imports/{id}` resource would otherwise take `/imports/topics` and answer a POST with 405.

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_domain::import::ImportKind;
use gmc_store::services::imports::ImportView;

use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::imports::{import, ImportQuery};
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// Import topics from a file
///
/// Who: whoever may create topics (`POST /topics`) — admins (with a second factor), with a session or an API key
/// with the `write` scope; the import is recorded for the delegation named in `delegation_id` when the admin has
/// none. The body is the file (CSV, JSON array, NDJSON or XLSX, as for stakeholders) with the columns of
/// `GET /imports/templates/topics.csv`: the fields of `POST /topics`, the parent by its code or id (`parent`, which
/// may be a topic of an earlier row). Every row passes the checks of `POST /topics` and is reported with the same
/// codes. `mode=upsert` changes the topic with the row's `code` (the checks of `PATCH /topics/{code}`; empty
/// optional cells leave a value as it is) and adds the others. Atomic unless `on_error=skip`; `dry_run=true`
/// writes nothing. One audit event per import. The catalogue's cache shows new topics within its refresh time.
///
/// Refuses: 401 without a valid credential; 403 for anyone but an admin, or a key without `write`; 413 for a file
/// over the upload limit; 422 for a bad parameter or a file that cannot be read. A file over the job threshold is
/// answered 202 and runs as a job, as for stakeholders.
#[utoipa::path(post, path = "/imports/topics", tag = "imports", operation_id = "import_topics",
    params(ImportQuery),
    request_body(description = "The file", content(
        (String = "text/csv"), (Vec<serde_json::Value> = "application/json"), (String = "application/x-ndjson"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    security(("bearer" = [])),
    responses((status = 200, description = "The import: its counts, status and every rejected value", body = ImportView),
        (status = 202, description = "A file over the job threshold: queued as a job; follow it at `Location` (`GET /imports/{id}`)",
            body = ImportView, headers(("Location" = String, description = "The import's URL"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::Invalid, r::Busy))]
pub async fn import_topics(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    import(req, state, actor, q.into_inner(), payload, ImportKind::Topics).await
}

/// Import prep items from a file
///
/// Who: whoever may create prep items (`POST /prep-items`) — delegates and focal points for their own delegation
/// or a coalition it belongs to (`coalition_id`), admins for the delegation they name; with a session or an API key
/// with the `write` scope. The body is the file with the columns of `GET /imports/templates/prep_items.csv`: the
/// fields of `POST /prep-items`, `topic_ids` by code or id separated by `;`. Every row passes the checks of
/// `POST /prep-items` (a row for another delegation or a coalition the caller's delegation is not in is refused on
/// `delegation_id` / `coalition_id`, `not_allowed`) and is reported with the same codes. Prep items have no
/// external id: `mode` is `insert` only. Atomic unless `on_error=skip`; `dry_run=true` writes nothing. One audit
/// event per import.
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, a key without `write`, or a
/// `delegation_id` other than the caller's own; 413 for a file over the upload limit; 422 for a bad parameter
/// (`mode=upsert`) or a file that cannot be read. A file over the job threshold is answered 202 and runs as a job,
/// as for stakeholders.
#[utoipa::path(post, path = "/imports/prep_items", tag = "imports", operation_id = "import_prep_items",
    params(ImportQuery),
    request_body(description = "The file", content(
        (String = "text/csv"), (Vec<serde_json::Value> = "application/json"), (String = "application/x-ndjson"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    security(("bearer" = [])),
    responses((status = 200, description = "The import: its counts, status and every rejected value", body = ImportView),
        (status = 202, description = "A file over the job threshold: queued as a job; follow it at `Location` (`GET /imports/{id}`)",
            body = ImportView, headers(("Location" = String, description = "The import's URL"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::Invalid, r::Busy))]
pub async fn import_prep_items(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    import(req, state, actor, q.into_inner(), payload, ImportKind::PrepItems).await
}

// issue 11: response imports
/// Import paper answers to a consultation
///
/// Who: the consultation's owners who read its responses — delegates and focal points of its delegation, and admins
/// naming that delegation in `delegation_id` — with a session or an API key with the `write` scope. `consultation_id`
/// names the consultation (open or closed: paper forms often arrive after the link closed). The body is the file
/// (CSV, JSON array, NDJSON or XLSX) with the columns of
/// `GET /imports/templates/consultation_responses.csv?consultation_id=`: `lang`, `profile.country`, `profile.sector`,
/// `profile.size_class`, `profile.women_led` and one `answers.<question code>` per question (option codes; several
/// separated by `;`). Each row is one response with channel `import`, checked exactly as
/// `POST /public/consultations/{token}/responses` checks an answer and reported under the same names and codes.
/// Imported responses are anonymous: no user or stakeholder is linked; the response keeps only its channel and the
/// import's id. `mode` is `insert` only. Atomic unless `on_error=skip`; `dry_run=true` writes nothing. One audit
/// event and one `response.received` webhook event per import.
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, or a key without `write`; 404 for a
/// consultation the caller does not own (another delegation's, even one it may read); 409 for a draft or archived
/// consultation; 413 for a file over the upload limit; 422 for a bad parameter (no `consultation_id`,
/// `mode=upsert`) or a file that cannot be read. A file over the job threshold is answered 202 and runs as a job.
#[utoipa::path(post, path = "/imports/consultation_responses", tag = "imports", operation_id = "import_consultation_responses",
    params(ImportQuery),
    request_body(description = "The file", content(
        (String = "text/csv"), (Vec<serde_json::Value> = "application/json"), (String = "application/x-ndjson"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    security(("bearer" = [])),
    responses((status = 200, description = "The import: its counts, status and every rejected value", body = ImportView),
        (status = 202, description = "A file over the job threshold: queued as a job; follow it at `Location` (`GET /imports/{id}`)",
            body = ImportView, headers(("Location" = String, description = "The import's URL"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge, r::Invalid, r::Busy))]
pub async fn import_consultation_responses(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    import(req, state, actor, q.into_inner(), payload, ImportKind::ConsultationResponses).await
}

// issue 11: wto notifications
/// Import WTO notifications from a file
///
/// Who: admins and analysts (public WTO data, kept for every delegation), with a session or an API key with the
/// `write` scope. The body is a CSV or XLSX export of the WTO's ePing service (or JSON/NDJSON with the columns of
/// `GET /imports/templates/wto_notifications.csv`): ePing's header names are accepted case-insensitively
/// ("Document symbol", "Member", "Distribution date", "HS Code(s)", "Products", "Objective(s)", "Final date for
/// comments", "Title") and its other columns ignored (docs/integrations.md). The agreement comes from the symbol
/// (`G/SPS/N/…`, `G/TBT/N/…`); the member is an ISO alpha-3 code, `EU` or a member's name. `mode=upsert` changes
/// the notification with the row's symbol; `insert` refuses a known symbol (`taken`). Atomic unless
/// `on_error=skip`; `dry_run=true` writes nothing. In the same transaction each notification is matched to
/// impediments (partner market = notifying member, overlapping HS codes, SPS ↔ MAST A, TBT ↔ MAST B), and while its
/// comment period is open the users of each delegation with a new match who may read a matched impediment are
/// notified (`wto_notification_match`). One audit event per import.
///
/// Refuses: 401 without a valid credential; 403 for delegates, focal points and stakeholders, or a key without
/// `write`; 413 for a file over the upload limit; 422 for a bad parameter or a file that cannot be read. A file over
/// the job threshold is answered 202 and runs as a job, as for stakeholders.
#[utoipa::path(post, path = "/imports/wto_notifications", tag = "imports", operation_id = "import_wto_notifications",
    params(ImportQuery),
    request_body(description = "The file", content(
        (String = "text/csv"), (Vec<serde_json::Value> = "application/json"), (String = "application/x-ndjson"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    security(("bearer" = [])),
    responses((status = 200, description = "The import: its counts, status and every rejected value", body = ImportView),
        (status = 202, description = "A file over the job threshold: queued as a job; follow it at `Location` (`GET /imports/{id}`)",
            body = ImportView, headers(("Location" = String, description = "The import's URL"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::Invalid, r::Busy))]
pub async fn import_wto_notifications(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    import(req, state, actor, q.into_inner(), payload, ImportKind::WtoNotifications).await
}

pub fn operations() -> Operations {
    // issue 11: response imports, wto notifications
    operations![import_topics, import_prep_items, import_consultation_responses, import_wto_notifications]
}
