//! The topic catalogue: everyone signed in reads it; admins change it.

mod dto;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_domain::topic::{TopicInput, TopicPatchInput};
use gmc_store::services::topics::{self as svc, TopicFilter};
use gmc_store::views::TopicView;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::render_cache::page_json;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List WTO topics
///
/// Who: any role, signed in with a session or an API key with the `read` scope. The catalogue of WTO negotiations,
/// regular bodies, joint statement initiatives and plurilaterals, filtered by `kind`, `status`, `parent` and a text
/// search, sorted by code (the default) or title. The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown `kind`, `status`
/// or `sort`, a `parent` that names no topic, a `limit` outside 1–200, a bad `cursor` or one from another sort or
/// filters (each named in `errors`);
/// 400 for a `limit` that is not a number.
#[utoipa::path(get, path = "/topics", tag = "topics", operation_id = "list_topics",
    params(TopicQuery, TopicSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "A page of topics", body = TopicPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_topics(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<TopicQuery>,
    sort: web::Query<TopicSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let filter = TopicFilter {
        kind: q.kind,
        status: q.status,
        parent: q.parent,
        q: q.q,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    let page = svc::list(&state.db, &state.catalogue, &actor, filter).await?;
    let items: Vec<_> =
        page.items.into_iter().map(|t| state.rendered_topics.get_or_render(t.id, t.version, || t)).collect();
    // Same shape as `TopicPage`, assembled from pre-rendered topics (see render_cache).
    Ok(HttpResponse::Ok().content_type("application/json").body(page_json(
        &items,
        page.next_cursor.as_deref(),
        page.total,
    )))
}

/// Get a topic
///
/// Who: any role, signed in with a session or an API key with the `read` scope. `id` is the UUID or the code
/// (`FISH`, case-insensitive). The `ETag` is the version to send as `If-Match` when changing it.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown id or code.
#[utoipa::path(get, path = "/topics/{id}", tag = "topics", operation_id = "get_topic",
    params(("id" = String, Path, description = "The topic's UUID or code", example = "FISH")), security(("bearer" = [])),
    responses((status = 200, description = "The topic, with its version as ETag", body = TopicView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_topic(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let t = svc::get(&state.db, &actor, &id).await?;
    Ok(json_with_etag(t.version, &t))
}

/// Create a topic
///
/// Who: admins only, with a session or an API key with the `admin` scope. Answers 201 with `Location` and `ETag`.
/// Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for any other role or a key without `admin`; 422 for a missing or
/// invalid field, a `code` already in use or a `parent_id` that names no topic; 409 while a request with the same
/// `Idempotency-Key` is in progress (or when a concurrent create took the code).
#[utoipa::path(post, path = "/topics", tag = "topics", operation_id = "create_topic",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body(content = TopicInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created", body = TopicView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_topic(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<TopicInput>,
) -> Result<HttpResponse, ApiError> {
    let t = svc::create(&state.db, &state.catalogue, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/topics/{}", t.id)))
        .insert_header(("ETag", etag(t.version)))
        .json(&t))
}

/// Change a topic
///
/// Who: admins only, with a session or an API key with the `admin` scope. Send only the fields to change, with
/// `If-Match` set to the `ETag` of the version read; `parent_id: null` makes the topic top-level.
///
/// Refuses: 401 without a valid credential; 403 for any other role or a key without `admin`; 404 for an unknown
/// topic; 428 without `If-Match`; 412 when the topic changed since that version; 422 for an invalid field or a
/// `parent_id` that is unknown or would make the topic its own ancestor.
#[utoipa::path(patch, path = "/topics/{id}", tag = "topics", operation_id = "update_topic",
    params(("id" = String, Path, description = "The topic's UUID or code"),
           ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = TopicPatchInput, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = TopicView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_topic(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<String>,
    body: web::Json<TopicPatchInput>,
) -> Result<HttpResponse, ApiError> {
    let t = svc::update(&state.db, &state.catalogue, &actor, &id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(t.version, &t))
}

/// Delete a topic
///
/// Who: admins only, with a session or an API key with the `admin` scope.
///
/// Refuses: 401 without a valid credential; 403 for any other role or a key without `admin`; 404 for an unknown
/// topic; 409 while the topic has sub-topics or is still referred to by watch-list entries or impediments.
#[utoipa::path(delete, path = "/topics/{id}", tag = "topics", operation_id = "delete_topic",
    params(("id" = String, Path, description = "The topic's UUID or code")), security(("bearer" = [])),
    responses((status = 204, description = "Deleted"),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::Busy))]
pub async fn delete_topic(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &state.catalogue, &actor, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn operations() -> Operations {
    operations![list_topics, create_topic, get_topic, update_topic, delete_topic]
}
