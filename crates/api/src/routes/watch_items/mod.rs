//! The delegation watch-list: topics a delegation follows, with notes at a chosen visibility.

mod dto;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::watch::{self as svc, WatchFilter, WatchInput, WatchPatch};
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::{ApiError, ReadErrors, WriteErrors};
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/watch-items", tag = "watch-list", operation_id = "list_watch_items",
    params(WatchQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The entries the caller may see", body = WatchItemPage), ReadErrors))]
pub async fn list_watch_items(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<WatchQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let filter =
        WatchFilter { topic: q.topic, delegation: q.delegation, q: q.q, limit: page.limit, cursor: page.cursor };
    Ok(HttpResponse::Ok().json(WatchItemPage::from(svc::list(&state.db, &actor, filter).await?)))
}

#[utoipa::path(get, path = "/api/v1/watch-items/{id}", tag = "watch-list", operation_id = "get_watch_item",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The entry, with its version as ETag", body = WatchItemDto), ReadErrors))]
pub async fn get_watch_item(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let w = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(w.version, &WatchItemDto::from(w)))
}

#[utoipa::path(post, path = "/api/v1/watch-items", tag = "watch-list", operation_id = "create_watch_item",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body = CreateWatchItemRequest, security(("bearer" = [])),
    responses((status = 201, description = "Created", body = WatchItemDto), WriteErrors))]
pub async fn create_watch_item(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<CreateWatchItemRequest>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let input = WatchInput {
        topic_id: b.topic_id,
        delegation_id: b.delegation_id,
        note: b.note,
        priority: b.priority,
        visibility: b.visibility,
    };
    let w = svc::create(&state.db, &actor, input).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/watch-items/{}", w.id)))
        .insert_header(("ETag", etag(w.version)))
        .json(WatchItemDto::from(w)))
}

#[utoipa::path(patch, path = "/api/v1/watch-items/{id}", tag = "watch-list", operation_id = "update_watch_item",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body = UpdateWatchItemRequest, security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = WatchItemDto), WriteErrors))]
pub async fn update_watch_item(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<UpdateWatchItemRequest>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let patch = WatchPatch { note: b.note, priority: b.priority, visibility: b.visibility };
    let w = svc::update(&state.db, &actor, *id, patch, if_match(&req)).await?;
    Ok(json_with_etag(w.version, &WatchItemDto::from(w)))
}

#[utoipa::path(delete, path = "/api/v1/watch-items/{id}", tag = "watch-list", operation_id = "delete_watch_item",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Deleted"), WriteErrors))]
pub async fn delete_watch_item(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/watch-items").route(web::get().to(list_watch_items)).route(web::post().to(create_watch_item)),
    )
    .service(
        web::resource("/watch-items/{id}")
            .route(web::get().to(get_watch_item))
            .route(web::patch().to(update_watch_item))
            .route(web::delete().to(delete_watch_item)),
    );
}
