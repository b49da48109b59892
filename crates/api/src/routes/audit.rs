//! The audit log, for admins.

use actix_web::{web, HttpResponse};
use gmc_store::services::audit_log::{self as svc, AuditFilter};
use gmc_store::views::AuditEventView;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{page_of, sort_query, PageQuery};
use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

page_of!(AuditEventPage, AuditEventView);
sort_query!(AuditSortQuery, gmc_store::services::audit_log::AuditSort, "newest first");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
}

/// The audit log
///
/// Who: admins only, with a session or an API key with the `admin` scope. Newest first: every write and every
/// sign-in, with who, what, the fields written (never secrets or contact details) and the request id; filtered by
/// entity type and id, actor and action; or sorted by a field (`sort`). The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for any other role or a key without `admin`; 422 for an unknown
/// `sort`, a `limit` outside 1–200, a bad `cursor` or one from another sort or filters; 400 for an `actor_id` that
/// is not a UUID.
#[utoipa::path(get, path = "/audit-events", tag = "admin", operation_id = "list_audit_events",
    params(AuditQuery, AuditSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Audit events, newest first", body = AuditEventPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_audit_events(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<AuditQuery>,
    sort: web::Query<AuditSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let f = AuditFilter {
        entity_type: q.entity_type,
        entity_id: q.entity_id,
        actor_id: q.actor_id,
        action: q.action,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(AuditEventPage::from(svc::list(&state.db, &actor, f).await?)))
}

pub fn operations() -> Operations {
    operations![list_audit_events]
}
