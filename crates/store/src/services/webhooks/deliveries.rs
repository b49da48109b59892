//! A subscription's delivery log, and replaying a delivery.

use chrono::Utc;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::webhook::DeliveryStatus;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::view::WebhookDeliveryView;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::webhook_deliveries::{self as deliveries, Column};
use crate::services::jobs;
use crate::{AppError, AppResult};

#[derive(Debug, Default, Clone)]
pub struct DeliveryFilter {
    /// Only deliveries in this state.
    pub status: Option<String>,
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What the delivery log may be sorted by.
    DeliverySort {
        CreatedAt => "created_at",
        LastAttemptAt => "last_attempt_at",
    }
);

fn sort_key(field: DeliverySort) -> Key<Column> {
    match field {
        DeliverySort::CreatedAt => Key::time(Column::CreatedAt),
        DeliverySort::LastAttemptAt => Key::time(Column::LastAttemptAt).nullable(),
    }
}

fn sort_value(field: Option<DeliverySort>, d: &deliveries::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(DeliverySort::CreatedAt) => KeyValue::Time(d.created_at),
        Some(DeliverySort::LastAttemptAt) => d.last_attempt_at.map_or(KeyValue::Null, KeyValue::Time),
    }
}

/// The log of one of the caller's subscriptions, newest first by default.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    subscription: Uuid,
    f: DeliveryFilter,
) -> AppResult<Page<WebhookDeliveryView>> {
    authorize(actor, Operation::ReadWebhooks)?;
    let mut e = ValidationErrors::new();
    let filters = DeliveryFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), Sort::by_id(true), &filters);
    let status =
        f.status.as_deref().and_then(|s| e.check("status", gmc_domain::error::parse_enum::<DeliveryStatus>(s)));
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    super::owner::find_own(db, actor, subscription).await?;
    let mut query = deliveries::Entity::find().filter(Column::SubscriptionId.eq(subscription));
    if let Some(s) = status {
        query = query.filter(Column::Status.eq(s.as_str()));
    }
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |d| (sort_value(field, d), d.id));
    Ok(Page { items: rows.into_iter().map(WebhookDeliveryView::from).collect(), next_cursor, total })
}

/// Sends a delivery again, as it was (same `webhook-id` and body, a new timestamp and signature), now.
/// Refused (409) while it is still pending or while the subscription is off.
pub async fn replay(
    db: &DatabaseConnection,
    actor: &Actor,
    subscription: Uuid,
    id: Uuid,
) -> AppResult<WebhookDeliveryView> {
    authorize(actor, Operation::ManageWebhooks)?;
    let txn = AuditedTxn::begin(db).await?;
    let sub = super::owner::find_own(&txn, actor, subscription).await?;
    let row = deliveries::Entity::find_by_id(id)
        .filter(Column::SubscriptionId.eq(subscription))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("webhook delivery"))?;
    if !sub.enabled {
        return Err(AppError::Conflict("the subscription is switched off: switch it on before replaying".into()));
    }
    if row.status.0 == DeliveryStatus::Pending {
        return Err(AppError::Conflict("the delivery is still being tried".into()));
    }
    let now = Utc::now();
    deliveries::Entity::update_many()
        .col_expr(Column::Status, Expr::value(DeliveryStatus::Pending.as_str()))
        .col_expr(Column::NextAttemptAt, Expr::value(Some(now)))
        .filter(Column::Id.eq(id))
        .exec(&txn)
        .await?;
    jobs::enqueue(&txn, super::emit::deliver_job(id)).await?;
    let entry = AuditEntry::by(actor, "webhook.replay", "webhook_delivery", id)
        .changes(json!({"subscription_id": subscription, "previous_status": row.status}));
    txn.commit(entry).await?;
    let row = deliveries::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("webhook delivery"))?;
    Ok(row.into())
}

/// Removes a subscription's log (with the subscription).
pub(crate) async fn delete_for<C: ConnectionTrait>(txn: &C, subscription: Uuid) -> AppResult<()> {
    deliveries::Entity::delete_many().filter(Column::SubscriptionId.eq(subscription)).exec(txn).await?;
    Ok(())
}
