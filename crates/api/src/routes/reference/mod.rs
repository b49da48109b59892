//! Reference data: countries, delegations, ministerials, NTM categories, ISIC sectors.

mod dto;

use actix_web::{web, HttpResponse};
use gmc_store::services::reference as svc;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::problem::{ApiError, ReadErrors};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CountryQuery {
    /// `south_asia`, `southeast_asia` or `other`.
    pub region: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/countries", tag = "reference", operation_id = "list_countries",
    params(CountryQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Countries by code", body = CountryPage), ReadErrors))]
pub async fn list_countries(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<CountryQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list_countries(&state.db, &actor, q.region.as_deref(), page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(CountryPage::from(p)))
}

#[utoipa::path(get, path = "/api/v1/countries/{code}", tag = "reference", operation_id = "get_country",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3", example = "NPL")), security(("bearer" = [])),
    responses((status = 200, description = "The country", body = CountryDto), ReadErrors))]
pub async fn get_country(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(CountryDto::from(svc::get_country(&state.db, &actor, &code).await?)))
}

#[utoipa::path(get, path = "/api/v1/delegations", tag = "reference", operation_id = "list_delegations",
    params(PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Delegations by country code", body = DelegationPage), ReadErrors))]
pub async fn list_delegations(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list_delegations(&state.db, &actor, page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(DelegationPage::from(p)))
}

#[utoipa::path(get, path = "/api/v1/delegations/{id}", tag = "reference", operation_id = "get_delegation",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The delegation", body = DelegationDto), ReadErrors))]
pub async fn get_delegation(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(DelegationDto::from(svc::get_delegation(&state.db, &actor, *id).await?)))
}

#[utoipa::path(get, path = "/api/v1/ministerials", tag = "reference", operation_id = "list_ministerials",
    params(PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Ministerial conferences by date", body = MinisterialPage), ReadErrors))]
pub async fn list_ministerials(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list_ministerials(&state.db, &actor, page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(MinisterialPage::from(p)))
}

#[utoipa::path(get, path = "/api/v1/ministerials/{code}", tag = "reference", operation_id = "get_ministerial",
    params(("code" = String, Path, example = "MC12")), security(("bearer" = [])),
    responses((status = 200, description = "The ministerial conference", body = MinisterialDto), ReadErrors))]
pub async fn get_ministerial(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(MinisterialDto::from(svc::get_ministerial(&state.db, &actor, &code).await?)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NtmQuery {
    /// `mast_chapter` or `procedural`.
    pub kind: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/ntm-categories", tag = "reference", operation_id = "list_ntm_categories",
    params(NtmQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "UNCTAD MAST chapters and procedural-obstacle groups", body = NtmCategoryPage), ReadErrors))]
pub async fn list_ntm_categories(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<NtmQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list_ntm_categories(&state.db, &actor, q.kind.as_deref(), page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(NtmCategoryPage::from(p)))
}

#[utoipa::path(get, path = "/api/v1/sectors", tag = "reference", operation_id = "list_sectors",
    params(PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "ISIC Rev.4 sections", body = SectorPage), ReadErrors))]
pub async fn list_sectors(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list_sectors(&state.db, &actor, page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(SectorPage::from(p)))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/countries").route(web::get().to(list_countries)))
        .service(web::resource("/countries/{code}").route(web::get().to(get_country)))
        .service(web::resource("/delegations").route(web::get().to(list_delegations)))
        .service(web::resource("/delegations/{id}").route(web::get().to(get_delegation)))
        .service(web::resource("/ministerials").route(web::get().to(list_ministerials)))
        .service(web::resource("/ministerials/{code}").route(web::get().to(get_ministerial)))
        .service(web::resource("/ntm-categories").route(web::get().to(list_ntm_categories)))
        .service(web::resource("/sectors").route(web::get().to(list_sectors)));
}
