//! The topic catalogue: everyone signed in reads it; admins change it.

mod dto;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::topics::{self as svc, TopicFilter};

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::{ApiError, ReadErrors, WriteErrors};
use crate::render_cache::page_json;
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/topics", tag = "topics", operation_id = "list_topics",
    params(TopicQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "A page of topics", body = TopicPage), ReadErrors))]
pub async fn list_topics(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<TopicQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let filter = TopicFilter {
        kind: q.kind,
        status: q.status,
        parent: q.parent,
        q: q.q,
        sort: q.sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    let page = svc::list(&state.db, &state.catalogue, &actor, filter).await?;
    let items: Vec<_> = page
        .items
        .into_iter()
        .map(|t| state.rendered_topics.get_or_render(t.id, t.version, || TopicDto::from(t)))
        .collect();
    // Same shape as `TopicPage`, assembled from pre-rendered topics (see render_cache).
    Ok(HttpResponse::Ok().content_type("application/json").body(page_json(&items, page.next_cursor.as_deref())))
}

#[utoipa::path(get, path = "/api/v1/topics/{id}", tag = "topics", operation_id = "get_topic",
    params(("id" = String, Path, description = "The topic's UUID or code", example = "FISH")), security(("bearer" = [])),
    responses((status = 200, description = "The topic, with its version as ETag", body = TopicDto), ReadErrors))]
pub async fn get_topic(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let t = svc::get(&state.db, &actor, &id).await?;
    Ok(json_with_etag(t.version, &TopicDto::from(t)))
}

#[utoipa::path(post, path = "/api/v1/topics", tag = "topics", operation_id = "create_topic",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body = CreateTopicRequest, security(("bearer" = [])),
    responses((status = 201, description = "Created", body = TopicDto), WriteErrors))]
pub async fn create_topic(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<CreateTopicRequest>,
) -> Result<HttpResponse, ApiError> {
    let t = svc::create(&state.db, &state.catalogue, &actor, body.into_inner().into()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/topics/{}", t.id)))
        .insert_header(("ETag", etag(t.version)))
        .json(TopicDto::from(t)))
}

#[utoipa::path(patch, path = "/api/v1/topics/{id}", tag = "topics", operation_id = "update_topic",
    params(("id" = String, Path, description = "The topic's UUID or code"),
           ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body = UpdateTopicRequest, security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = TopicDto), WriteErrors))]
pub async fn update_topic(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<String>,
    body: web::Json<UpdateTopicRequest>,
) -> Result<HttpResponse, ApiError> {
    let t = svc::update(&state.db, &state.catalogue, &actor, &id, body.into_inner().into(), if_match(&req)).await?;
    Ok(json_with_etag(t.version, &TopicDto::from(t)))
}

#[utoipa::path(delete, path = "/api/v1/topics/{id}", tag = "topics", operation_id = "delete_topic",
    params(("id" = String, Path, description = "The topic's UUID or code")), security(("bearer" = [])),
    responses((status = 204, description = "Deleted"), WriteErrors))]
pub async fn delete_topic(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &state.catalogue, &actor, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/topics").route(web::get().to(list_topics)).route(web::post().to(create_topic)))
        .service(
            web::resource("/topics/{id}")
                .route(web::get().to(get_topic))
                .route(web::patch().to(update_topic))
                .route(web::delete().to(delete_topic)),
        );
}
