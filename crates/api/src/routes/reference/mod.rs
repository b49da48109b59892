//! Reference data: countries, delegations, ministerials, NTM categories, ISIC sectors.

mod dto;

use actix_web::{web, HttpResponse};
use gmc_domain::ministerial::MinisterialInput;
use gmc_domain::reference::{NtmKind, Region};
use gmc_store::services::reference as svc;
use gmc_store::views::{CountryView, DelegationView, MinisterialView};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CountryQuery {
    #[param(value_type = Option<Region>)]
    pub region: Option<String>,
}

/// Countries
///
/// Who: any role, signed in with a session or an API key with the `read` scope. The 39 countries of the reference
/// data, by code, with WTO status and accession date, LDC status and graduation date, and the capital's time zone;
/// `region` narrows them.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown `region`, a
/// `limit` outside 1–200 or a bad `cursor`.
#[utoipa::path(get, path = "/countries", tag = "reference", operation_id = "list_countries",
    params(CountryQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Countries by code", body = CountryPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_countries(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<CountryQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list_countries(&state.db, &actor, q.region.as_deref(), page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(CountryPage::from(p)))
}

/// One country
///
/// Who: any role, signed in with a session or an API key with the `read` scope. By ISO 3166-1 alpha-3 code.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for a code that is not in the
/// reference data.
#[utoipa::path(get, path = "/countries/{code}", tag = "reference", operation_id = "get_country",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3", example = "NPL")), security(("bearer" = [])),
    responses((status = 200, description = "The country", body = CountryView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_country(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::get_country(&state.db, &actor, &code).await?))
}

/// Delegations
///
/// Who: any role, signed in with a session or an API key with the `read` scope. The Geneva delegations of the 18
/// South and Southeast Asian WTO members, by country code.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for a `limit` outside 1–200 or a
/// bad `cursor`.
#[utoipa::path(get, path = "/delegations", tag = "reference", operation_id = "list_delegations",
    params(PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Delegations by country code", body = DelegationPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_delegations(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list_delegations(&state.db, &actor, page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(DelegationPage::from(p)))
}

/// One delegation
///
/// Who: any role, signed in with a session or an API key with the `read` scope.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 400 for an id that is not a UUID;
/// 404 for an unknown id.
#[utoipa::path(get, path = "/delegations/{id}", tag = "reference", operation_id = "get_delegation",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The delegation", body = DelegationView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_delegation(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::get_delegation(&state.db, &actor, *id).await?))
}

/// Ministerial conferences
///
/// Who: any role, signed in with a session or an API key with the `read` scope. MC11–MC14, by date.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for a `limit` outside 1–200 or a
/// bad `cursor`.
#[utoipa::path(get, path = "/ministerials", tag = "reference", operation_id = "list_ministerials",
    params(PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Ministerial conferences by date", body = MinisterialPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_ministerials(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list_ministerials(&state.db, &actor, page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(MinisterialPage::from(p)))
}

/// One ministerial conference
///
/// Who: any role, signed in with a session or an API key with the `read` scope. By code (`MC12`).
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown code.
#[utoipa::path(get, path = "/ministerials/{code}", tag = "reference", operation_id = "get_ministerial",
    params(("code" = String, Path, example = "MC12")), security(("bearer" = [])),
    responses((status = 200, description = "The ministerial conference", body = MinisterialView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_ministerial(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::get_ministerial(&state.db, &actor, &code).await?))
}

/// Add a ministerial conference
///
/// Who: admins only, with a session or an API key with the `admin` scope. For conferences after the seeded
/// MC11–MC14, so prep items can belong to them. Answers 201 with `Location`.
///
/// Refuses: 401 without a valid credential; 403 for any other role or a key without `admin`; 422 for a missing or
/// invalid field, an `ends_on` before `starts_on` or a `code` already in use.
#[utoipa::path(post, path = "/ministerials", tag = "reference", operation_id = "create_ministerial",
    request_body(content = MinisterialInput, example = ministerial_example), security(("bearer" = [])),
    responses((status = 201, description = "Added", body = MinisterialView,
        headers(("Location" = String, description = "The new record's URL"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_ministerial(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<MinisterialInput>,
) -> Result<HttpResponse, ApiError> {
    let m = gmc_store::services::ministerials::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created().insert_header(("Location", format!("/api/v1/ministerials/{}", m.code))).json(&m))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NtmQuery {
    #[param(value_type = Option<NtmKind>)]
    pub kind: Option<String>,
}

/// NTM categories
///
/// Who: any role, signed in with a session or an API key with the `read` scope. UNCTAD MAST chapters A–P and ITC's
/// procedural-obstacle groups: the classification of impediments (`ntm_code`).
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown `kind`, a `limit`
/// outside 1–200 or a bad `cursor`.
#[utoipa::path(get, path = "/ntm-categories", tag = "reference", operation_id = "list_ntm_categories",
    params(NtmQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "UNCTAD MAST chapters and procedural-obstacle groups", body = NtmCategoryPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_ntm_categories(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<NtmQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list_ntm_categories(&state.db, &actor, q.kind.as_deref(), page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(NtmCategoryPage::from(p)))
}

/// Sectors
///
/// Who: any role, signed in with a session or an API key with the `read` scope. The ISIC Rev.4 sections A–U used as
/// `sector` by stakeholders, impediments and respondent profiles.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for a `limit` outside 1–200 or a
/// bad `cursor`.
#[utoipa::path(get, path = "/sectors", tag = "reference", operation_id = "list_sectors",
    params(PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "ISIC Rev.4 sections", body = SectorPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_sectors(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::list_sectors(&state.db, &actor, page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(SectorPage::from(p)))
}

pub fn operations() -> Operations {
    operations![
        list_countries,
        get_country,
        list_delegations,
        get_delegation,
        list_ministerials,
        get_ministerial,
        create_ministerial,
        list_ntm_categories,
        list_sectors
    ]
}
