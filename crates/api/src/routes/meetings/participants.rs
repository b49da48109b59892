//! The people taking part in a meeting, by name: the organiser picks an action item's owner from them.

use actix_web::{web, HttpResponse};
use gmc_store::services::meetings::{self as svc, ParticipantView};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::state::AppState;

/// The people taking part in a meeting. Not paged: a meeting's delegations have a handful of members.
#[derive(Debug, Serialize, ToSchema)]
pub struct ParticipantList {
    /// By name.
    pub items: Vec<ParticipantView>,
}

/// A meeting's participants
///
/// Who: whoever may read the meeting. The active members of the organising and of each invited delegation, and
/// each invited person, by name with their delegation — no e-mail or other account detail. Exactly the people an
/// action item may be given to.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown meeting or one the
/// caller may not read.
#[utoipa::path(get, path = "/meetings/{id}/participants", tag = "meetings", operation_id = "list_meeting_participants",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The people taking part", body = ParticipantList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn list_meeting_participants(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(ParticipantList { items: svc::participants(&state.db, &actor, *id).await? }))
}
