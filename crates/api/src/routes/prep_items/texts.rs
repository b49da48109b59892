//! The versioned Markdown text of proposals and declaration texts: the versions, one version, saving the
//! next one over the current (`If-Match`), and a word-level diff of two.

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::prep::{self as svc, PrepTextInput, PrepTextView, TextDiffView};
use uuid::Uuid;

use super::dto::{text_example, DiffQuery, PrepTextVersionList};
use crate::auth::Authed;
use crate::etag::{etag, if_match};
use crate::problem::ApiError;
use crate::responses as r;
use crate::state::AppState;

/// The versions of a prep item's text
///
/// Who: whoever may read the prep item (see `GET /prep-items/{id}`). Oldest first, each with its author, time and
/// length, without the text itself.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown prep item or one
/// the caller may not read; 409 for a kind that carries no text (only proposals and declaration texts do).
#[utoipa::path(get, path = "/prep-items/{id}/texts", tag = "prep-items", operation_id = "list_prep_item_texts",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The text's versions, oldest first", body = PrepTextVersionList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::Busy))]
pub async fn list_prep_item_texts(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let items = svc::texts(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok().json(PrepTextVersionList { items }))
}

/// Compare two versions of a prep item's text
///
/// Who: whoever may read the prep item. Word by word: runs of `equal`, `insert` (only in `to`) and `delete` (only
/// in `from`) text, in reading order.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown prep item, one the
/// caller may not read, or a version it does not have; 409 for a kind that carries no text; 400 without `from` and
/// `to`; 422 for a version number below 1.
#[utoipa::path(get, path = "/prep-items/{id}/texts/diff", tag = "prep-items", operation_id = "diff_prep_item_texts",
    params(("id" = Uuid, Path), DiffQuery), security(("bearer" = [])),
    responses((status = 200, description = "The word-level difference", body = TextDiffView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::Invalid, r::Busy))]
pub async fn diff_prep_item_texts(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    q: web::Query<DiffQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::diff(&state.db, &actor, *id, q.from, q.to).await?))
}

/// One version of a prep item's text
///
/// Who: whoever may read the prep item. With its Markdown body.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown prep item, one the
/// caller may not read, or a version it does not have; 409 for a kind that carries no text.
#[utoipa::path(get, path = "/prep-items/{id}/texts/{number}", tag = "prep-items", operation_id = "get_prep_item_text",
    params(("id" = Uuid, Path), ("number" = i32, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The version, with its text", body = PrepTextView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::Busy))]
pub async fn get_prep_item_text(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    path: web::Path<(Uuid, i32)>,
) -> Result<HttpResponse, ApiError> {
    let (id, number) = path.into_inner();
    Ok(HttpResponse::Ok().json(svc::text(&state.db, &actor, id, number).await?))
}

/// Save the next version of a prep item's text
///
/// Who: those who may change the prep item (members of the owner, admins); with a session or an API key with the
/// `write` scope. Send the whole text, with `If-Match` set to the item's current `text_number` (`"0"` before the
/// first save): a save over an older version is refused, so two people editing at once cannot overwrite each other.
/// Answers 201 with the new version and its number as `ETag`. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 404 for an unknown prep item or one the caller may not read; 403 for one
/// the caller may read but not write, or a key without `write`; 409 for a kind that carries no text; 428 without
/// `If-Match`; 412 when a newer version was saved since; 422 for an empty or too long text (100,000 characters).
#[utoipa::path(post, path = "/prep-items/{id}/texts", tag = "prep-items", operation_id = "save_prep_item_text",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The item's current `text_number`, quoted (`\"0\"` before the first save)"),
        ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = PrepTextInput, example = text_example), security(("bearer" = [])),
    responses((status = 201, description = "Saved as the next version", body = PrepTextView,
        headers(("ETag" = String, description = "The new version's number, to send as `If-Match` with the next save"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PreconditionFailed,
        r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn save_prep_item_text(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<PrepTextInput>,
) -> Result<HttpResponse, ApiError> {
    let t = svc::save_text(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(HttpResponse::Created().insert_header(("ETag", etag(t.version.number))).json(&t))
}
