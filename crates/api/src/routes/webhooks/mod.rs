//! Webhook subscriptions and their delivery logs (issue 11).

mod dto;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::services::webhooks::deliveries::{self, DeliveryFilter};
use gmc_store::services::webhooks::view::{WebhookDeliveryView, WebhookView};
use gmc_store::services::webhooks::{self as svc, WebhookFilter, WebhookInput, WebhookPatch};
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List webhook subscriptions
///
/// The caller's own subscriptions: with a session, every one the user made (with any credential); with
/// an API key, only those that key made. Every role but stakeholders; sessions, or API keys with the
/// `read` scope. Secrets are never listed. The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders or a key without `read`; 422 for an
/// unknown `sort`, a `limit` outside 1–200 or a bad `cursor`.
#[utoipa::path(get, path = "/webhooks", tag = "webhooks", operation_id = "list_webhooks",
    params(WebhookSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The caller's subscriptions", body = WebhookPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    sort: web::Query<WebhookSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner();
    let f = WebhookFilter { sort: sort.into_inner().sort, limit: page.limit, cursor: page.cursor };
    Ok(HttpResponse::Ok().json(WebhookPage::from(svc::list(&state.db, &actor, f).await?)))
}

/// Subscribe to events
///
/// Every role but stakeholders, with a session or an API key with the `write` scope; a key's
/// subscription belongs to that key (revoking it silences the subscription). The target's host must
/// resolve to public addresses only: private, loopback, link-local, unique-local, multicast and
/// unspecified ones are refused unless the server allows them. The answer carries the signing
/// `secret` (`whsec_…`), once: deliveries are signed with it in the Standard Webhooks format. Not
/// retry-safe with `Idempotency-Key` (the answer holds a secret, which is never stored).
///
/// Refuses: 401 without a valid credential; 403 for stakeholders or a key without `write`; 422 for a
/// missing or malformed `url`, one that does not resolve or resolves to an internal address
/// (`not_allowed`), an unknown or missing event type, a too long description, or more than 25
/// subscriptions.
#[utoipa::path(post, path = "/webhooks", tag = "webhooks", operation_id = "create_webhook",
    request_body(content = WebhookInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created; the secret is in the body, once", body = WebhookView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid,
        r::Busy))]
pub async fn create_webhook(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<WebhookInput>,
) -> Result<HttpResponse, ApiError> {
    let w = svc::create(&state.db, &actor, &state.webhook_egress, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/webhooks/{}", w.id)))
        .insert_header(("ETag", etag(w.version)))
        .json(&w))
}

/// Get a webhook subscription
///
/// One of the caller's own subscriptions (as in the list), without its secret.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders or a key without `read`; 404 for an
/// unknown subscription or another owner's.
#[utoipa::path(get, path = "/webhooks/{id}", tag = "webhooks", operation_id = "get_webhook",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The subscription, with its version as ETag", body = WebhookView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_webhook(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let w = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(w.version, &w))
}

/// Change a webhook subscription
///
/// The owner, with a session or a key with `write`. Send only the fields to change, with `If-Match`.
/// A new `url` is checked like a new subscription's; switching `enabled` back on clears the failure
/// count.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders or a key without `write`; 404 for an
/// unknown subscription or another owner's; 428 without `If-Match`; 412 when it changed since that
/// version; 422 for an empty body or an invalid field.
#[utoipa::path(patch, path = "/webhooks/{id}", tag = "webhooks", operation_id = "update_webhook",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = WebhookPatch, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = WebhookView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_webhook(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<WebhookPatch>,
) -> Result<HttpResponse, ApiError> {
    let w = svc::update(&state.db, &actor, &state.webhook_egress, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(w.version, &w))
}

/// Delete a webhook subscription
///
/// The owner, with a session or a key with `write`. Its delivery log goes with it; pending deliveries
/// are not sent.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders or a key without `write`; 404 for an
/// unknown subscription or another owner's.
#[utoipa::path(delete, path = "/webhooks/{id}", tag = "webhooks", operation_id = "delete_webhook",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Deleted"),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Rotate a webhook's signing secret
///
/// The owner, with a session or a key with `write`. The answer carries the new secret, once; the old
/// one signs nothing more.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders or a key without `write`; 404 for an
/// unknown subscription or another owner's.
#[utoipa::path(post, path = "/webhooks/{id}/rotate-secret", tag = "webhooks", operation_id = "rotate_webhook_secret",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The subscription with its new secret, once", body = WebhookView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let w = svc::rotate_secret(&state.db, &actor, *id).await?;
    Ok(json_with_etag(w.version, &w))
}

/// List a webhook's deliveries
///
/// The delivery log of one of the caller's subscriptions, newest first: each event sent, its state,
/// attempts, and the latest attempt's HTTP status, latency and the first KiB of the answer. Filtered
/// by `status`. The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders or a key without `read`; 404 for an
/// unknown subscription or another owner's; 422 for an unknown `status` or `sort`, a `limit` outside
/// 1–200 or a bad `cursor`.
#[utoipa::path(get, path = "/webhooks/{id}/deliveries", tag = "webhooks", operation_id = "list_webhook_deliveries",
    params(("id" = Uuid, Path), DeliveryQuery, WebhookDeliverySortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The subscription's deliveries", body = WebhookDeliveryPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Invalid, r::Busy))]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    q: web::Query<DeliveryQuery>,
    sort: web::Query<WebhookDeliverySortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner();
    let f = DeliveryFilter {
        status: q.into_inner().status,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(WebhookDeliveryPage::from(deliveries::list(&state.db, &actor, *id, f).await?)))
}

/// Replay a delivery
///
/// Sends a settled delivery again, as it was (same `webhook-id` and body; a new timestamp and
/// signature), by the worker, soon. The owner, with a session or a key with `write`.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders or a key without `write`; 404 for an
/// unknown subscription or delivery, or another owner's; 409 while the delivery is still being tried or
/// while the subscription is switched off.
#[utoipa::path(post, path = "/webhooks/{id}/deliveries/{delivery_id}/replay", tag = "webhooks",
    operation_id = "replay_webhook_delivery",
    params(("id" = Uuid, Path), ("delivery_id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 202, description = "Queued again", body = WebhookDeliveryView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::Busy))]
pub async fn replay_webhook_delivery(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, delivery) = path.into_inner();
    let d = deliveries::replay(&state.db, &actor, id, delivery).await?;
    Ok(HttpResponse::Accepted().json(&d))
}

pub fn operations() -> Operations {
    operations![
        list_webhooks,
        create_webhook,
        get_webhook,
        update_webhook,
        delete_webhook,
        rotate_webhook_secret,
        list_webhook_deliveries,
        replay_webhook_delivery
    ]
}
