//! The stakeholder directory: list with filters, create, read, change, delete, the audited read of
//! contact details, and erasure.

mod dto;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::stakeholders::{self as svc, StakeholderFilter, StakeholderInput, StakeholderPatch};
use gmc_store::views::{StakeholderContactView, StakeholderView};
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List stakeholders
///
/// Who may read a stakeholder: admins and analysts every one; delegates and focal points their own delegation's; a
/// `stakeholder` account only the record linked to it. Sessions, or API keys with the `read` scope. Contact details
/// are never part of it (see `GET /stakeholders/{id}/contact`). Newest first, filtered by country, sector, size
/// class, kind, the women-led, exporter and importer flags, delegation and a search in the name or external id;
/// or sorted by a field (`sort`). The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an invalid filter, an unknown
/// `sort`, a `limit` outside 1–200, a bad `cursor` or one from another sort or filters; 400 for a flag that is not
/// `true`/`false`.
#[utoipa::path(get, path = "/stakeholders", tag = "stakeholders", operation_id = "list_stakeholders",
    params(StakeholderQuery, StakeholderSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The stakeholders the caller may see, newest first (never their contact details)", body = StakeholderPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_stakeholders(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<StakeholderQuery>,
    sort: web::Query<StakeholderSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let f = StakeholderFilter {
        country: q.country,
        sector: q.sector,
        size_class: q.size_class,
        kind: q.kind,
        women_led: q.women_led,
        exporter: q.exporter,
        importer: q.importer,
        delegation: q.delegation,
        q: q.q,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(StakeholderPage::from(svc::list(&state.db, &actor, f).await?)))
}

/// Add a stakeholder
///
/// Who: delegates and focal points, for their own delegation (the default); admins, for the delegation they name in
/// `delegation_id`. With a session or an API key with the `write` scope. Contact details are personal data: they
/// are stored only with `consent_purpose` and `consent_at`. Answers 201 with `Location` and `ETag`. Retry-safe with
/// `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, a key without `write`, or a
/// `delegation_id` other than the caller's own; 422 for a missing or invalid field (kind, size class and employees
/// that disagree, unknown country or sector, contact details without consent, an `external_id` or `user_id` already
/// used); 409 while a request with the same `Idempotency-Key` is in progress.
#[utoipa::path(post, path = "/stakeholders", tag = "stakeholders", operation_id = "create_stakeholder",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body(content = StakeholderInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created", body = StakeholderView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::Gone, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_stakeholder(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<StakeholderInput>,
) -> Result<HttpResponse, ApiError> {
    let s = svc::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/stakeholders/{}", s.id)))
        .insert_header(("ETag", etag(s.version)))
        .json(&s))
}

/// Get a stakeholder
///
/// Who may read a stakeholder: admins and analysts every one; delegates and focal points their own delegation's; a
/// `stakeholder` account only the record linked to it. Sessions, or API keys with the `read` scope. Contact details
/// are never part of it (see `GET /stakeholders/{id}/contact`). The `ETag` is the version to send as `If-Match`
/// when changing it.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown stakeholder or
/// one the caller may not read.
#[utoipa::path(get, path = "/stakeholders/{id}", tag = "stakeholders", operation_id = "get_stakeholder",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The stakeholder (without contact details), with its version as ETag", body = StakeholderView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_stakeholder(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let s = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(s.version, &s))
}

/// Change a stakeholder
///
/// Who may change it: delegates and focal points of the owning delegation, and admins; with a session or an API key
/// with the `write` scope. Send only the fields to change, with `If-Match` set to the `ETag`; `null` clears an
/// optional field.
///
/// Refuses: 401 without a valid credential; 404 for an unknown stakeholder or one the caller may not read; 403 for
/// one the caller may read but not change (analysts, a linked stakeholder account, a key without `write`); 409 for
/// an erased stakeholder; 428 without `If-Match`; 412 when it changed since that version; 422 for an invalid field.
#[utoipa::path(patch, path = "/stakeholders/{id}", tag = "stakeholders", operation_id = "update_stakeholder",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = StakeholderPatch, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated (an erased stakeholder cannot be: 409)", body = StakeholderView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PreconditionFailed,
        r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_stakeholder(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<StakeholderPatch>,
) -> Result<HttpResponse, ApiError> {
    let s = svc::update(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(s.version, &s))
}

/// Delete a stakeholder
///
/// Who may change it: delegates and focal points of the owning delegation, and admins; with a session or an API key
/// with the `write` scope. Only a stakeholder no response or impediment refers to; otherwise erase it (which keeps
/// the anonymous answers). Its earlier audit events lose their recorded changes.
///
/// Refuses: 401 without a valid credential; 404 for an unknown stakeholder or one the caller may not read; 403 for
/// one the caller may read but not change; 409 while responses or impediments refer to it.
#[utoipa::path(delete, path = "/stakeholders/{id}", tag = "stakeholders", operation_id = "delete_stakeholder",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Deleted (refused with 409 while responses or impediments refer to it: erase it instead)"),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::Busy))]
pub async fn delete_stakeholder(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Read a stakeholder's contact details
///
/// Who: admins, and delegates and focal points of the owning delegation — signed in with a session only: personal
/// data does not leave through API keys. Every read is audited (`stakeholder.contact_read`: who read whose details,
/// not the details) and answered with `Cache-Control: no-store`.
///
/// Refuses: 401 without a valid credential; 404 for an unknown stakeholder or one the caller may not read; 403 for
/// one the caller may read but not its contact details (analysts, a linked stakeholder account, any API key).
#[utoipa::path(get, path = "/stakeholders/{id}/contact", tag = "stakeholders", operation_id = "get_stakeholder_contact",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The contact details (personal data). Admins and members of the owning delegation, signed in with a session (not an API key); every read is audited", body = StakeholderContactView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_stakeholder_contact(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::contact(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(&c))
}

/// Erase a stakeholder's personal data
///
/// Who may change it: delegates and focal points of the owning delegation, and admins; with a session or an API key
/// with the `write` scope. Removes the name, contact details, consent, external id and account link, and the
/// changes recorded in its earlier audit events; responses and impediments linked to it are kept, anonymous. An
/// erased record can no longer be changed. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 404 for an unknown stakeholder or one the caller may not read; 403 for
/// one the caller may read but not change; 409 when it is already erased (or while a request with the same
/// `Idempotency-Key` is in progress); 422 for an invalid or reused `Idempotency-Key`.
#[utoipa::path(post, path = "/stakeholders/{id}/erasure", tag = "stakeholders", operation_id = "erase_stakeholder",
    params(("id" = Uuid, Path),
        ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    security(("bearer" = [])),
    responses((status = 200, description = "Erased: name, contact details, consent, external id and account link removed; linked responses and impediments kept", body = StakeholderView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge, r::Invalid,
        r::Busy))]
pub async fn erase_stakeholder(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let s = svc::erase(&state.db, &state.sessions, &actor, *id).await?;
    Ok(json_with_etag(s.version, &s))
}

pub fn operations() -> Operations {
    operations![
        list_stakeholders,
        create_stakeholder,
        get_stakeholder,
        update_stakeholder,
        delete_stakeholder,
        get_stakeholder_contact,
        erase_stakeholder
    ]
}
