//! A prep item's workflow: the next step, and the history of steps.

use actix_web::{web, HttpResponse};
use gmc_store::services::prep::{self as svc, PrepItemView, PrepStepInput};
use uuid::Uuid;

use super::dto::{step_example, PrepStepList};
use crate::auth::Authed;
use crate::etag::json_with_etag;
use crate::problem::ApiError;
use crate::responses as r;
use crate::state::AppState;

/// Move a prep item to its next status
///
/// Who: by step, among the members of the owner (the owning delegation, or a member delegation of the owning
/// coalition) — `identified → drafting`, `drafting → capital_review`, `tabled → outcome_recorded` and withdrawing (from
/// any open status): delegates and focal points; `capital_review → agreed` or back to `drafting`: focal points (the
/// capital signs off); `agreed → tabled`: delegates (Geneva tables). Admins take any step; analysts none. With a
/// session or an API key with the `write` scope. `outcome_recorded` needs `outcome` (text, date, body); `withdrawn`
/// and `outcome_recorded` are final. The history is kept (`GET .../steps`). Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for analysts, stakeholders and keys without `write`; 404 for an
/// unknown prep item or one the caller may not read; 403 when the step exists but is not the caller's to take; 422
/// for a step that does not exist from the current status (`invalid_step`, e.g. out of `withdrawn`), a missing or
/// misplaced `outcome`; 409 when the item changed meanwhile (or while a request with the same `Idempotency-Key` is
/// in progress).
#[utoipa::path(post, path = "/prep-items/{id}/steps", tag = "prep-items", operation_id = "step_prep_item",
    params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = PrepStepInput, example = step_example), security(("bearer" = [])),
    responses((status = 200, description = "Moved to the next status", body = PrepItemView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn step_prep_item(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<PrepStepInput>,
) -> Result<HttpResponse, ApiError> {
    let p = svc::step(&state.db, &actor, *id, body.into_inner()).await?;
    Ok(json_with_etag(p.version, &p))
}

/// A prep item's workflow history
///
/// Who: whoever may read the prep item (see `GET /prep-items/{id}`). The steps, oldest first, each with its note,
/// who took it and when.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown prep item or one
/// the caller may not read.
#[utoipa::path(get, path = "/prep-items/{id}/steps", tag = "prep-items", operation_id = "list_prep_item_steps",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The workflow history, oldest first", body = PrepStepList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn list_prep_item_steps(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let items = svc::history(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok().json(PrepStepList { items }))
}
