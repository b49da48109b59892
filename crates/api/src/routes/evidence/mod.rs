//! Evidence behind prep items (issue 9): the links from a prep item to impediments and consultation
//! results, the strength of that evidence (and of a topic's), and the traces from a firm's report to
//! Geneva and back.

mod dto;

use actix_web::{web, HttpResponse};
use gmc_store::services::prep::evidence::{self as svc, EvidenceInput, EvidenceLinkView, EvidenceList};
use gmc_store::services::prep::strength::{self, EvidenceStrength};
use gmc_store::services::prep::trace::{self, ImpedimentTrace, PrepItemTrace};
use gmc_store::services::topics;
use uuid::Uuid;

use dto::create_example;

use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List a prep item's evidence
///
/// Who: whoever may read the prep item (its owners — the delegation, or the coalition's member delegations — at
/// any visibility, others by its visibility); sessions, or API keys with the `read` scope. Lists only the links
/// whose target the caller may read, oldest first, with no count of the others.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown prep item or
/// one the caller may not read.
#[utoipa::path(get, path = "/prep-items/{id}/evidence", tag = "evidence", operation_id = "list_prep_item_evidence",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The evidence the caller may read", body = EvidenceList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn list_prep_item_evidence(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::list(&state.db, &actor, *id).await?))
}

/// Cite evidence for a prep item
///
/// Who: whoever may change the prep item (delegates and focal points of the owning delegation or of a member
/// delegation of the owning coalition, and admins); with a session or an API key with the `write` scope. The
/// target must be one the caller may read: an impediment, or a consultation (`target_id`) and one of its
/// questions (`question_code`) with the results `filter` it was read under. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 404 for an unknown prep item or one the caller may not read; 403 for
/// one the caller may read but not change, or a key without `write`; 409 when the prep item already cites the
/// target; 422 for an unknown `target_kind`, a `target_id` that names nothing the caller may read (the same
/// answer whether it exists or not), an unknown `question_code`, a bad `filter` or a missing `note`.
#[utoipa::path(post, path = "/prep-items/{id}/evidence", tag = "evidence", operation_id = "create_evidence_link",
    params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = EvidenceInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Cited", body = EvidenceLinkView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn create_evidence_link(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<EvidenceInput>,
) -> Result<HttpResponse, ApiError> {
    let link = svc::create(&state.db, &actor, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(link))
}

/// Remove a citation
///
/// Who: whoever may change the prep item; with a session or an API key with the `write` scope.
///
/// Refuses: 401 without a valid credential; 404 for an unknown prep item or link, or one the caller may not read
/// (a link to a target the caller may not read included); 403 for a prep item the caller may read but not change.
#[utoipa::path(delete, path = "/prep-items/{id}/evidence/{link_id}", tag = "evidence", operation_id = "delete_evidence_link",
    params(("id" = Uuid, Path), ("link_id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Removed"),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn delete_evidence_link(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, link) = path.into_inner();
    svc::delete(&state.db, &actor, id, link).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The strength of a prep item's evidence
///
/// Who: whoever may read the prep item; sessions, or API keys with the `read` scope. Distinct firms (stakeholders
/// and anonymous respondents), their countries, sectors, size classes and women-led share, the severity and
/// recency of the impediments — over the evidence the caller may read. Every count of fewer than k, and any count
/// from which one could be worked out, is withheld (admins excepted; `docs/alignment.md`).
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown prep item or
/// one the caller may not read.
#[utoipa::path(get, path = "/prep-items/{id}/strength", tag = "evidence", operation_id = "get_prep_item_strength",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The strength, small cells withheld", body = EvidenceStrength),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_prep_item_strength(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(strength::for_prep_item(&state.db, &actor, *id, state.small_cell_k).await?))
}

/// The strength of the evidence on a topic
///
/// Who: every signed-in role; sessions, or API keys with the `read` scope. Over the validated impediments tagged
/// with the topic and the answers to questions tagged with it, of every owner, as far as the caller may read
/// them; small cells withheld as for a prep item. `id` is the topic's id or code.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown topic.
#[utoipa::path(get, path = "/topics/{id}/strength", tag = "evidence", operation_id = "get_topic_strength",
    params(("id" = String, Path, description = "The topic's id or code")), security(("bearer" = [])),
    responses((status = 200, description = "The strength, small cells withheld", body = EvidenceStrength),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_topic_strength(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let topic = topics::get(&state.db, &actor, &id).await?;
    Ok(HttpResponse::Ok().json(strength::for_topic(&state.db, &actor, topic.id, state.small_cell_k).await?))
}

/// Trace an impediment to Geneva
///
/// Who: whoever may read the impediment; sessions, or API keys with the `read` scope. Reported → validated →
/// topics → the prep items citing it that the caller may read → when they were tabled → their outcome, and where
/// the impediment itself was raised.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown impediment or
/// one the caller may not read.
#[utoipa::path(get, path = "/impediments/{id}/trace", tag = "evidence", operation_id = "get_impediment_trace",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The trace", body = ImpedimentTrace),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_impediment_trace(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(trace::impediment(&state.db, &actor, *id).await?))
}

/// Trace a prep item back to the firms
///
/// Who: whoever may read the prep item; sessions, or API keys with the `read` scope. The cited impediments and
/// consultation questions the caller may read, and the firms behind them in aggregate (small cells withheld).
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown prep item or
/// one the caller may not read.
#[utoipa::path(get, path = "/prep-items/{id}/trace", tag = "evidence", operation_id = "get_prep_item_trace",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The trace", body = PrepItemTrace),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_prep_item_trace(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(trace::prep_item(&state.db, &actor, *id, state.small_cell_k).await?))
}

pub fn operations() -> Operations {
    operations![
        list_prep_item_evidence,
        create_evidence_link,
        delete_evidence_link,
        get_prep_item_strength,
        get_topic_strength,
        get_impediment_trace,
        get_prep_item_trace
    ]
}
