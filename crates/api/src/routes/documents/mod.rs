//! The document library: documents (`GET/POST /documents`, `GET/PATCH /documents/{id}`), full-text
//! search (`GET /documents/search`), and versions with uploads and downloads (`files.rs`).

mod dto;
mod files;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::documents::{
    self as svc, DocumentDetailView, DocumentFilter, DocumentInput, DocumentPatch, DocumentSearch,
};
use uuid::Uuid;

pub use dto::*;
pub use files::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List documents
///
/// Who may read a document: admins every one; delegates and focal points their own delegation's at any visibility,
/// and others' (and platform-wide ones) that are `regional` or `public`; analysts `regional` and `public` ones;
/// stakeholders `public` ones only. Sessions, or API keys with the `read` scope. Newest first or sorted (`sort`),
/// filtered by kind, topic, owner and a title search. The first page carries `total`, counted up to 1,000.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown kind or `sort`, a
/// `limit` outside 1–200 or a bad `cursor`.
#[utoipa::path(get, path = "/documents", tag = "documents", operation_id = "list_documents",
    params(DocumentQuery, DocumentSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The documents the caller may see", body = DocumentPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_documents(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<DocumentQuery>,
    sort: web::Query<DocumentSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let filter = DocumentFilter {
        kind: q.kind,
        topic: q.topic,
        delegation_id: q.delegation_id,
        q: q.q,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(DocumentPage::from(svc::list(&state.db, &actor, filter).await?)))
}

/// Search the library's text
///
/// Who: as for the list — only documents the caller may read are searched, hits and `total` alike. Every word must
/// match, in the title, summary, Markdown body or an uploaded file's extracted text (the current version); the best
/// matches first, each with a snippet as plain-text parts, the matched words marked `highlight` (show them as text:
/// a document's own markup is never HTML). Operators and quotes are taken literally; a trailing `*` matches a prefix.
/// When more than 1,000 readable documents match (`total_is_lower_bound`), the newest 1,000 of them are ranked and
/// paged: a word that common needs another word beside it.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 without `q`, for a `q` with no
/// word, over 200 characters or with control characters, a `limit` outside 1–50 or a bad `cursor`.
#[utoipa::path(get, path = "/documents/search", tag = "documents", operation_id = "search_documents",
    params(DocumentSearchQuery), security(("bearer" = [])),
    responses((status = 200, description = "The matching documents the caller may see, best first", body = DocumentSearchPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn search_documents(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<DocumentSearchQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let search = DocumentSearch { q: q.q, limit: q.limit, cursor: q.cursor };
    Ok(HttpResponse::Ok().json(DocumentSearchPage::from(svc::search(&state.db, &actor, search).await?)))
}

/// Create a document
///
/// Who: analysts and admins publish platform-wide documents (no `delegation_id`; `regional` or `public`); delegates
/// and focal points write their own delegation's; admins may name any delegation. With a session or an API key with
/// the `write` scope. An optional `body_markdown` becomes version 1; files are uploaded as versions. Answers 201
/// with `Location` and `ETag`. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders, a key without `write`, a delegate naming another
/// delegation or publishing platform-wide, an analyst naming a delegation; 422 for a missing or invalid field
/// (unknown topics, a platform-wide document at `delegation` visibility); 409 while a request with the same
/// `Idempotency-Key` is in progress.
#[utoipa::path(post, path = "/documents", tag = "documents", operation_id = "create_document",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = DocumentInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created", body = DocumentDetailView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_document(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<DocumentInput>,
) -> Result<HttpResponse, ApiError> {
    let d = svc::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/documents/{}", d.document.id)))
        .insert_header(("ETag", etag(d.document.version)))
        .json(&d))
}

/// Get a document
///
/// Who may read a document: as for the list. With its current version and that version's Markdown body; `can_edit`
/// says whether this caller may change it and add versions.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown document or one
/// the caller may not read (never 403, which would confirm it exists).
#[utoipa::path(get, path = "/documents/{id}", tag = "documents", operation_id = "get_document",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The document, with its version as ETag", body = DocumentDetailView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_document(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let d = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(d.document.version, &d))
}

/// Change a document
///
/// Who: for a platform-wide document analysts and admins; for a delegation's, its delegates and focal points and
/// admins; with a session or an API key with the `write` scope. Send only the fields to change, with `If-Match` set
/// to the `ETag`; `topic_ids` replaces the topics. The owner does not change; the text changes through versions.
///
/// Refuses: 401 without a valid credential; 404 for an unknown document or one the caller may not read; 403 for one
/// the caller may read but not write; 428 without `If-Match`; 412 when it changed since that version; 422 for an
/// invalid field.
#[utoipa::path(patch, path = "/documents/{id}", tag = "documents", operation_id = "update_document",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = DocumentPatch, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = DocumentDetailView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_document(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<DocumentPatch>,
) -> Result<HttpResponse, ApiError> {
    let d = svc::update(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(d.document.version, &d))
}

pub fn operations() -> Operations {
    // `search` before the `{id}` path it would otherwise match.
    operations![
        list_documents,
        search_documents,
        create_document,
        get_document,
        update_document,
        list_document_versions,
        upload_document_version,
        download_document_version
    ]
}
