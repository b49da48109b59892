//! Liveness (the process answers) and readiness (database reachable, migrations applied).

use actix_web::{web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok`, or `unavailable` with the reason in `detail`.
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Liveness
///
/// Who: anyone (anonymous). Answers as long as the process serves requests; it does not touch the
/// database. For a container's liveness probe.
///
/// Refuses: nothing but a malformed URL (400).
#[utoipa::path(get, path = "/health/live", tag = "health", operation_id = "health_live",
    responses((status = 200, description = "The process is up", body = Health), r::BadRequest))]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok".into(), detail: None })
}

/// Readiness
///
/// Who: anyone (anonymous). Ready when the database answers and every migration is applied. For a load
/// balancer's or orchestrator's readiness probe.
///
/// Refuses: 503 (with a `Health` body saying why) while the database is unreachable or migrations are
/// pending; 400 for a malformed URL.
#[utoipa::path(get, path = "/health/ready", tag = "health", operation_id = "health_ready",
    responses((status = 200, description = "Ready to serve", body = Health),
              (status = 503, description = "Database unreachable or migrations pending", body = Health),
              r::BadRequest))]
pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    match gmc_store::db::ready(&state.db).await {
        Ok(true) => HttpResponse::Ok().json(Health { status: "ok".into(), detail: None }),
        Ok(false) => HttpResponse::ServiceUnavailable()
            .json(Health { status: "unavailable".into(), detail: Some("migrations pending".into()) }),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            HttpResponse::ServiceUnavailable()
                .json(Health { status: "unavailable".into(), detail: Some("database unreachable".into()) })
        }
    }
}

/// Served and documented at the root, outside `/api/v1`.
pub fn operations() -> Operations {
    operations![live, ready]
}
