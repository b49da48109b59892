//! The impediment registry: list with filters, create, read, change, delete, and workflow steps.

mod dto;

use actix_web::http::header::ContentType;
use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};
use gmc_domain::policy::{authorize, Operation};
use gmc_store::services::impediments::{self as svc, ImpedimentFilter, StepInput};
use gmc_store::AppError;
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::{ApiError, ReadErrors, WriteErrors};
use crate::state::AppState;

fn filter_of(q: ImpedimentQuery, page: PageQuery) -> ImpedimentFilter {
    ImpedimentFilter {
        reporting_country: q.reporting_country,
        partner: q.partner,
        ntm_chapter: q.ntm_chapter,
        hs: q.hs,
        topic: q.topic,
        status: q.status,
        delegation: q.delegation,
        severity_min: q.severity_min,
        severity_max: q.severity_max,
        from: q.from,
        to: q.to,
        q: q.q,
        limit: page.limit,
        cursor: page.cursor,
    }
}

#[utoipa::path(get, path = "/api/v1/impediments/summary", tag = "impediments", operation_id = "summarize_impediments",
    params(SummaryQuery, ImpedimentQuery), security(("bearer" = [])),
    responses((status = 200, description = "Counts of the impediments the caller may see, under the filters", body = ImpedimentSummary), ReadErrors))]
pub async fn summarize_impediments(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    by: web::Query<SummaryQuery>,
    q: web::Query<ImpedimentQuery>,
) -> Result<HttpResponse, ApiError> {
    let f = filter_of(q.into_inner(), PageQuery { limit: None, cursor: None });
    let cells = svc::summary(&state.db, &actor, f, &by.by).await?;
    Ok(HttpResponse::Ok().json(ImpedimentSummary {
        by: by.into_inner().by,
        cells: cells.into_iter().map(|c| SummaryCellDto { key: c.key, count: c.count }).collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/impediments", tag = "impediments", operation_id = "list_impediments",
    params(ImpedimentQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The impediments the caller may see, newest first", body = ImpedimentPage), ReadErrors))]
pub async fn list_impediments(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ImpedimentQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    // Authorized on every request, before the cache (which is keyed by the caller's read scope).
    authorize(&actor, Operation::ReadDelegationRecords).map_err(AppError::from)?;
    let slot = match state.impediment_pages.get(&actor, req.query_string()) {
        Ok(body) => return Ok(HttpResponse::Ok().content_type(ContentType::json()).body(body)),
        Err(slot) => slot,
    };
    let f = filter_of(q.into_inner(), page.into_inner());
    let page = ImpedimentPage::from(svc::list(&state.db, &actor, f).await?);
    // ~700 bytes an item: one allocation instead of a dozen doublings.
    let mut body = Vec::with_capacity(1024 + 768 * page.items.len());
    serde_json::to_writer(&mut body, &page).map_err(|e| AppError::Internal(e.into()))?;
    let body = Bytes::from(body);
    state.impediment_pages.put(slot, body.clone());
    Ok(HttpResponse::Ok().content_type(ContentType::json()).body(body))
}

#[utoipa::path(post, path = "/api/v1/impediments", tag = "impediments", operation_id = "create_impediment",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body = CreateImpedimentRequest, security(("bearer" = [])),
    responses((status = 201, description = "Reported", body = ImpedimentDto), WriteErrors))]
pub async fn create_impediment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<CreateImpedimentRequest>,
) -> Result<HttpResponse, ApiError> {
    let i = svc::create(&state.db, &actor, body.into_inner().into()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/impediments/{}", i.id)))
        .insert_header(("ETag", etag(i.version)))
        .json(ImpedimentDto::from(i)))
}

#[utoipa::path(get, path = "/api/v1/impediments/{id}", tag = "impediments", operation_id = "get_impediment",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The impediment, with its version as ETag", body = ImpedimentDto), ReadErrors))]
pub async fn get_impediment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let i = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(i.version, &ImpedimentDto::from(i)))
}

#[utoipa::path(patch, path = "/api/v1/impediments/{id}", tag = "impediments", operation_id = "update_impediment",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body = UpdateImpedimentRequest, security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = ImpedimentDto), WriteErrors))]
pub async fn update_impediment(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<UpdateImpedimentRequest>,
) -> Result<HttpResponse, ApiError> {
    let i = svc::update(&state.db, &actor, *id, body.into_inner().into(), if_match(&req)).await?;
    Ok(json_with_etag(i.version, &ImpedimentDto::from(i)))
}

#[utoipa::path(delete, path = "/api/v1/impediments/{id}", tag = "impediments", operation_id = "delete_impediment",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Deleted (only while `reported`; later, dismiss it)"), WriteErrors))]
pub async fn delete_impediment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/impediments/{id}/steps", tag = "impediments", operation_id = "step_impediment",
    params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body = StepRequest, security(("bearer" = [])),
    responses((status = 200, description = "Moved to the next status", body = ImpedimentDto), WriteErrors))]
pub async fn step_impediment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<StepRequest>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let input = StepInput { to: b.to, note: b.note, raised_body: b.raised_body, raised_on: b.raised_on };
    let i = svc::step(&state.db, &actor, *id, input).await?;
    Ok(json_with_etag(i.version, &ImpedimentDto::from(i)))
}

#[utoipa::path(get, path = "/api/v1/impediments/{id}/steps", tag = "impediments", operation_id = "list_impediment_steps",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The workflow history, oldest first", body = ImpedimentStepList), ReadErrors))]
pub async fn list_impediment_steps(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let steps = svc::history(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok().json(ImpedimentStepList { items: steps.into_iter().map(ImpedimentStepDto::from).collect() }))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/impediments/summary").route(web::get().to(summarize_impediments)))
        .service(
            web::resource("/impediments")
                .route(web::get().to(list_impediments))
                .route(web::post().to(create_impediment)),
        )
        .service(
            web::resource("/impediments/{id}")
                .route(web::get().to(get_impediment))
                .route(web::patch().to(update_impediment))
                .route(web::delete().to(delete_impediment)),
        )
        .service(
            web::resource("/impediments/{id}/steps")
                .route(web::get().to(list_impediment_steps))
                .route(web::post().to(step_impediment)),
        );
}
