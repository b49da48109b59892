//! The alignment report (issue 9, `docs/alignment.md`): per topic, the owner's MSME concern against
//! its coverage, as JSON and as CSV.

use actix_web::{web, HttpResponse};
use gmc_store::services::alignment::{self as svc, AlignmentQuery, AlignmentReport};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AlignmentParams {
    /// The delegation whose report it is (default: the caller's).
    pub delegation_id: Option<Uuid>,
    /// A coalition instead of a delegation (its members only, and admins).
    pub coalition_id: Option<Uuid>,
}

impl From<AlignmentParams> for AlignmentQuery {
    fn from(p: AlignmentParams) -> Self {
        AlignmentQuery { delegation_id: p.delegation_id, coalition_id: p.coalition_id }
    }
}

/// The alignment report
///
/// Who: delegates and focal points, for their delegation (the default) and its coalitions; analysts, for any
/// delegation; admins, for any delegation or coalition. Sessions, or API keys with the `read` scope. For every
/// topic: the MSME-concern score (validated impediments of the owner's delegations weighted by severity and
/// halving every half-life, plus weighted answers to the owner's questions tagged with it), the owner's coverage
/// (prep items and delivered briefing requests; meetings are 0 until they exist) and a status — `blind_spot`, `unsupported`,
/// `covered` or `quiet`. Every figure counts only what the caller may read. The formula is `docs/alignment.md`.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown delegation or
/// coalition, or one whose report the caller may not read; 422 for both `delegation_id` and `coalition_id`, or
/// none from a caller who belongs to no delegation.
#[utoipa::path(get, path = "/alignment", tag = "alignment", operation_id = "get_alignment",
    params(AlignmentParams), security(("bearer" = [])),
    responses((status = 200, description = "The report", body = AlignmentReport),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Invalid, r::Busy))]
pub async fn get_alignment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<AlignmentParams>,
) -> Result<HttpResponse, ApiError> {
    let report = svc::report(&state.db, &actor, q.into_inner().into(), &state.alignment, state.small_cell_k).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Download the alignment report as CSV
///
/// Who and what: as `GET /alignment`, one line per topic; a text cell a spreadsheet would take for a formula is
/// written as text.
///
/// Refuses: as `GET /alignment`.
#[utoipa::path(get, path = "/alignment.csv", tag = "alignment", operation_id = "export_alignment",
    params(AlignmentParams), security(("bearer" = [])),
    responses((status = 200, description = "The report as CSV", content_type = "text/csv", body = String),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Invalid, r::Busy))]
pub async fn export_alignment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<AlignmentParams>,
) -> Result<HttpResponse, ApiError> {
    let body = svc::report_csv(&state.db, &actor, q.into_inner().into(), &state.alignment, state.small_cell_k).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", "attachment; filename=\"alignment.csv\""))
        .body(body))
}

pub fn operations() -> Operations {
    operations![get_alignment, export_alignment]
}
