//! Webhooks (issue 11): integrations subscribe to event types and receive each event as a signed
//! POST (Standard Webhooks), sent by the job worker, never by the request that caused the event.
//!
//! - `emit` is called by features INSIDE their audited write transaction: it writes one delivery per
//!   subscription whose owner may read the record (asked of `find_readable`, as for notifications) and
//!   one `webhook.deliver` job each, so a rolled-back write sends nothing and nobody is told about what
//!   they may not read.
//! - `send` is the job's handler: SSRF check again, sign, POST with a timeout, log the attempt;
//!   failures are retried by the queue with backoff and jitter for about a day, and a subscription
//!   failing `disable_after` times in a row is switched off and its owner notified.
//! - A subscription belongs to the user who made it; made with an API key, to that key as well: the key
//!   sees only its own, the user's sessions see all of the user's, and nobody else sees any (404).

pub mod deliveries;
pub mod egress;
pub mod emit;
pub mod events;
mod fields;
mod owner;
pub mod send;
pub mod sign;
pub mod view;

use chrono::Utc;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::webhook::MAX_SUBSCRIPTIONS_PER_OWNER;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, Set,
};
use serde_json::json;
use uuid::Uuid;

use self::egress::Egress;
use self::owner::{find_own, key_of, owned_by};
use self::view::WebhookView;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::webhook_subscriptions::{self as subs, Column};
use crate::error::check_version;
use crate::{AppError, AppResult};

#[derive(Debug, Default, Clone)]
pub struct WebhookFilter {
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What the subscription list may be sorted by.
    WebhookSort {
        CreatedAt => "created_at",
        UpdatedAt => "updated_at",
        Url => "url",
    }
);

fn sort_key(field: WebhookSort) -> Key<Column> {
    match field {
        WebhookSort::CreatedAt => Key::time(Column::CreatedAt),
        WebhookSort::UpdatedAt => Key::time(Column::UpdatedAt),
        WebhookSort::Url => Key::text(Column::Url),
    }
}

fn sort_value(field: Option<WebhookSort>, r: &subs::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(WebhookSort::CreatedAt) => KeyValue::Time(r.created_at),
        Some(WebhookSort::UpdatedAt) => KeyValue::Time(r.updated_at),
        Some(WebhookSort::Url) => KeyValue::Text(r.url.clone()),
    }
}

/// The caller's subscriptions, oldest first by default.
pub async fn list(db: &DatabaseConnection, actor: &Actor, f: WebhookFilter) -> AppResult<Page<WebhookView>> {
    authorize(actor, Operation::ReadWebhooks)?;
    let mut e = ValidationErrors::new();
    let filters = WebhookFilter { sort: None, limit: None, cursor: None };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), Sort::by_id(false), &filters);
    let Some(paging) = paging else {
        return Err(e.into());
    };
    let query = subs::Entity::find().filter(owned_by(actor));
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |r| (sort_value(field, r), r.id));
    Ok(Page { items: rows.into_iter().map(|r| WebhookView::of(r, None)).collect(), next_cursor, total })
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<WebhookView> {
    authorize(actor, Operation::ReadWebhooks)?;
    Ok(WebhookView::of(find_own(db, actor, id).await?, None))
}

// The body of `POST /webhooks`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateWebhookRequest))]
pub struct WebhookInput {
    /// Where to POST deliveries: an http(s) URL whose host resolves to public addresses only (unless the
    /// server allows private targets).
    pub url: String,
    /// The event types to deliver (at least one).
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<gmc_domain::webhook::WebhookEvent>))]
    pub events: Vec<String>,
    pub description: Option<String>,
    /// Default true.
    pub enabled: Option<bool>,
}

/// Creates a subscription owned by the caller (and by the caller's key, when a key sends it); the
/// answer carries the signing secret, once.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    egress: &Egress,
    input: WebhookInput,
) -> AppResult<WebhookView> {
    authorize(actor, Operation::ManageWebhooks)?;
    if input.url.trim().is_empty() && input.events.is_empty() {
        let mut e = ValidationErrors::new();
        e.add("url", "required", "a target URL is required");
        e.add("events", "required", "name at least one event type");
        return Err(e.into());
    }
    let c = fields::checked(egress, Some(&input.url), Some(&input.events), input.description.as_deref()).await?;
    let (Some(url), Some(events)) = (c.url, c.events) else {
        return Err(ValidationErrors::single("body", "invalid", "the subscription could not be checked").into());
    };
    let txn = AuditedTxn::begin(db).await?;
    let held = subs::Entity::find().filter(Column::OwnerUserId.eq(actor.user_id.as_uuid())).count(&txn).await?;
    if held >= MAX_SUBSCRIPTIONS_PER_OWNER {
        return Err(ValidationErrors::single(
            "body",
            "too_many",
            format!("at most {MAX_SUBSCRIPTIONS_PER_OWNER} subscriptions per user; delete one first"),
        )
        .into());
    }
    let now = Utc::now();
    let secret = sign::new_secret();
    let names: Vec<&str> = events.iter().map(|e| e.as_str()).collect();
    let row = subs::ActiveModel {
        id: Set(Uuid::now_v7()),
        owner_user_id: Set(actor.user_id.as_uuid()),
        owner_api_key_id: Set(key_of(actor)),
        url: Set(url),
        description: Set(c.description.unwrap_or_default()),
        events: Set(json!(names)),
        secret: Set(secret.clone()),
        enabled: Set(input.enabled.unwrap_or(true)),
        consecutive_failures: Set(0),
        disabled_reason: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    // The secret is not in the audit log: it is a credential.
    let changes = json!({"url": row.url, "events": names, "enabled": row.enabled});
    txn.commit(AuditEntry::by(actor, "webhook.create", "webhook", row.id).changes(changes)).await?;
    Ok(WebhookView::of(row, Some(secret)))
}

// The body of `PATCH /webhooks/{id}`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateWebhookRequest))]
pub struct WebhookPatch {
    pub url: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<gmc_domain::webhook::WebhookEvent>>))]
    pub events: Option<Vec<String>>,
    pub description: Option<String>,
    /// Switching a subscription back on clears its failure count.
    pub enabled: Option<bool>,
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    egress: &Egress,
    id: Uuid,
    patch: WebhookPatch,
    if_match: Option<i32>,
) -> AppResult<WebhookView> {
    authorize(actor, Operation::ManageWebhooks)?;
    let current = find_own(db, actor, id).await?;
    if patch.url.is_none() && patch.events.is_none() && patch.description.is_none() && patch.enabled.is_none() {
        return Err(ValidationErrors::single("body", "empty", "names no field to change").into());
    }
    check_version(if_match, current.version)?;
    let c =
        fields::checked(egress, patch.url.as_deref(), patch.events.as_deref(), patch.description.as_deref()).await?;
    let txn = AuditedTxn::begin(db).await?;
    let mut changes = serde_json::Map::new();
    let mut m = current.clone().into_active_model();
    if let Some(url) = c.url {
        changes.insert("url".into(), json!({"from": current.url, "to": url}));
        m.url = Set(url);
    }
    if let Some(events) = c.events {
        let names: Vec<&str> = events.iter().map(|e| e.as_str()).collect();
        changes.insert("events".into(), json!({"from": current.events, "to": names}));
        m.events = Set(json!(names));
    }
    if let Some(d) = c.description {
        changes.insert("description".into(), json!({"from": current.description, "to": d}));
        m.description = Set(d);
    }
    if let Some(on) = patch.enabled {
        changes.insert("enabled".into(), json!({"from": current.enabled, "to": on}));
        m.enabled = Set(on);
        if on {
            m.consecutive_failures = Set(0);
            m.disabled_reason = Set(None);
        }
    }
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = subs::Entity::update_many()
        .set(m)
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    txn.commit(AuditEntry::by(actor, "webhook.update", "webhook", id).changes(changes.into())).await?;
    get(db, actor, id).await
}

/// Deletes a subscription and its delivery log; its pending deliveries are not sent.
pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<()> {
    authorize(actor, Operation::ManageWebhooks)?;
    let txn = AuditedTxn::begin(db).await?;
    let row = find_own(&txn, actor, id).await?;
    deliveries::delete_for(&txn, id).await?;
    subs::Entity::delete_by_id(id).exec(&txn).await?;
    txn.commit(AuditEntry::by(actor, "webhook.delete", "webhook", id).changes(json!({"url": row.url}))).await?;
    Ok(())
}

/// A new signing secret, answered once; the old one stops signing at once.
pub async fn rotate_secret(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<WebhookView> {
    authorize(actor, Operation::ManageWebhooks)?;
    let txn = AuditedTxn::begin(db).await?;
    let row = find_own(&txn, actor, id).await?;
    let secret = sign::new_secret();
    let mut m = row.clone().into_active_model();
    m.secret = Set(secret.clone());
    m.version = Set(row.version + 1);
    m.updated_at = Set(Utc::now());
    let row = m.update(&txn).await?;
    txn.commit(AuditEntry::by(actor, "webhook.rotate_secret", "webhook", id)).await?;
    Ok(WebhookView::of(row, Some(secret)))
}
