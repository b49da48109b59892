//! The stakeholder directory: list with filters, create, read, change, delete, the audited read of
//! contact details, and erasure.

mod dto;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::stakeholders::{self as svc, StakeholderFilter};
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::{ApiError, ReadErrors, WriteErrors};
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/stakeholders", tag = "stakeholders", operation_id = "list_stakeholders",
    params(StakeholderQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The stakeholders the caller may see, newest first (never their contact details)", body = StakeholderPage), ReadErrors))]
pub async fn list_stakeholders(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<StakeholderQuery>,
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
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(StakeholderPage::from(svc::list(&state.db, &actor, f).await?)))
}

#[utoipa::path(post, path = "/api/v1/stakeholders", tag = "stakeholders", operation_id = "create_stakeholder",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body = CreateStakeholderRequest, security(("bearer" = [])),
    responses((status = 201, description = "Created", body = StakeholderDto), WriteErrors))]
pub async fn create_stakeholder(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<CreateStakeholderRequest>,
) -> Result<HttpResponse, ApiError> {
    let s = svc::create(&state.db, &actor, body.into_inner().into()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/stakeholders/{}", s.id)))
        .insert_header(("ETag", etag(s.version)))
        .json(StakeholderDto::from(s)))
}

#[utoipa::path(get, path = "/api/v1/stakeholders/{id}", tag = "stakeholders", operation_id = "get_stakeholder",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The stakeholder (without contact details), with its version as ETag", body = StakeholderDto), ReadErrors))]
pub async fn get_stakeholder(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let s = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(s.version, &StakeholderDto::from(s)))
}

#[utoipa::path(patch, path = "/api/v1/stakeholders/{id}", tag = "stakeholders", operation_id = "update_stakeholder",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body = UpdateStakeholderRequest, security(("bearer" = [])),
    responses((status = 200, description = "Updated (an erased stakeholder cannot be: 409)", body = StakeholderDto), WriteErrors))]
pub async fn update_stakeholder(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<UpdateStakeholderRequest>,
) -> Result<HttpResponse, ApiError> {
    let s = svc::update(&state.db, &actor, *id, body.into_inner().into(), if_match(&req)).await?;
    Ok(json_with_etag(s.version, &StakeholderDto::from(s)))
}

#[utoipa::path(delete, path = "/api/v1/stakeholders/{id}", tag = "stakeholders", operation_id = "delete_stakeholder",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Deleted (refused with 409 while responses or impediments refer to it: erase it instead)"), WriteErrors))]
pub async fn delete_stakeholder(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(get, path = "/api/v1/stakeholders/{id}/contact", tag = "stakeholders", operation_id = "get_stakeholder_contact",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The contact details (personal data). Admins and members of the owning delegation, signed in with a session (not an API key); every read is audited", body = StakeholderContactDto), ReadErrors))]
pub async fn get_stakeholder_contact(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::contact(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(StakeholderContactDto::from(c)))
}

#[utoipa::path(post, path = "/api/v1/stakeholders/{id}/erasure", tag = "stakeholders", operation_id = "erase_stakeholder",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "Erased: name, contact details, consent, external id and account link removed; linked responses and impediments kept", body = StakeholderDto), WriteErrors))]
pub async fn erase_stakeholder(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let s = svc::erase(&state.db, &actor, *id).await?;
    Ok(json_with_etag(s.version, &StakeholderDto::from(s)))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/stakeholders")
            .route(web::get().to(list_stakeholders))
            .route(web::post().to(create_stakeholder)),
    )
    .service(
        web::resource("/stakeholders/{id}")
            .route(web::get().to(get_stakeholder))
            .route(web::patch().to(update_stakeholder))
            .route(web::delete().to(delete_stakeholder)),
    )
    .service(web::resource("/stakeholders/{id}/contact").route(web::get().to(get_stakeholder_contact)))
    .service(web::resource("/stakeholders/{id}/erasure").route(web::post().to(erase_stakeholder)));
}
