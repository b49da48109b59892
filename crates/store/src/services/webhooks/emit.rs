//! Turning an event into deliveries, inside the transaction of the write that caused it.

use chrono::Utc;
use gmc_domain::webhook::{DeliveryStatus, WebhookEvent};
use gmc_domain::{Actor, Role, Scope};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::entities::{api_keys, users, webhook_deliveries, webhook_subscriptions as subs};
use crate::services::access::Guarded;
use crate::services::jobs::{self, kinds, NewJob};
use crate::services::notifications::readers::readers_where;
use crate::AppResult;

/// Attempts of one delivery: with `send::RETRY` (1 min doubling, at most 6 h apart) the last comes
/// about 20 hours after the first — "up to a day".
pub const MAX_ATTEMPTS: i32 = 12;

/// An event about record `subject_id` of type `M`. `data` is what the receiver gets as `data`: the
/// caller puts in it only fields of the record (every owner told has been checked to read it).
pub struct Event {
    pub event: WebhookEvent,
    pub subject_id: Uuid,
    pub data: Value,
}

/// Writes a delivery and its job for every enabled subscription to `event.event` whose owner may read
/// the record now. Call it on the write's own transaction, after the write. Returns how many.
pub(crate) async fn emit<M: Guarded, C: ConnectionTrait>(txn: &C, event: Event) -> AppResult<usize> {
    emit_where::<M, C>(txn, event, &|_| true).await
}

/// The enabled subscriptions to `event`.
async fn subscribed<C: ConnectionTrait>(txn: &C, event: WebhookEvent) -> AppResult<Vec<subs::Model>> {
    let wanted = event.as_str();
    Ok(subs::Entity::find()
        .filter(subs::Column::Enabled.eq(true))
        .all(txn)
        .await?
        .into_iter()
        .filter(|s| s.events.as_array().is_some_and(|a| a.iter().any(|e| e.as_str() == Some(wanted))))
        .collect())
}

// issue 11: response imports
/// Whether any enabled subscription asks for `event`: lets a frequent event (a response) skip building
/// its payload when nobody listens.
pub(crate) async fn anyone_wants<C: ConnectionTrait>(txn: &C, event: WebhookEvent) -> AppResult<bool> {
    Ok(!subscribed(txn, event).await?.is_empty())
}

/// `emit`, telling only owners that `also` accepts besides reading the record.
pub(crate) async fn emit_where<M: Guarded, C: ConnectionTrait>(
    txn: &C,
    event: Event,
    also: &(dyn Fn(&Actor) -> bool + Sync),
) -> AppResult<usize> {
    let wanted = event.event.as_str();
    let candidates = subscribed(txn, event.event).await?;
    if candidates.is_empty() {
        return Ok(0);
    }
    let key_ok = usable_keys(txn, &candidates).await?;
    let owners: Vec<Uuid> = candidates.iter().map(|s| s.owner_user_id).collect();
    let may_read = readers_where::<M, C>(txn, event.subject_id, &owners, also).await?;
    let now = Utc::now();
    let mut made = 0;
    for sub in candidates {
        if !may_read.contains(&sub.owner_user_id) {
            continue;
        }
        if sub.owner_api_key_id.is_some_and(|k| !key_ok.contains(&k)) {
            continue;
        }
        let id = Uuid::now_v7();
        let body = json!({
            "type": wanted,
            "timestamp": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "data": event.data,
        })
        .to_string();
        webhook_deliveries::Entity::insert(webhook_deliveries::ActiveModel {
            id: Set(id),
            subscription_id: Set(sub.id),
            event_type: Set(wanted.to_owned()),
            body: Set(body),
            status: Set(DeliveryStatus::Pending.into()),
            attempts: Set(0),
            http_status: Set(None),
            latency_ms: Set(None),
            response_excerpt: Set(None),
            last_error: Set(None),
            created_at: Set(now),
            last_attempt_at: Set(None),
            next_attempt_at: Set(Some(now)),
        })
        .exec_without_returning(txn)
        .await?;
        jobs::enqueue(txn, deliver_job(id)).await?;
        made += 1;
    }
    Ok(made)
}

/// The job that sends delivery `id`.
pub(crate) fn deliver_job(id: Uuid) -> NewJob {
    NewJob {
        kind: kinds::WEBHOOK_DELIVER,
        payload: json!({"delivery_id": id}),
        max_attempts: MAX_ATTEMPTS,
        run_at: None,
        created_by: None,
    }
}

/// The owning keys among `subs` that may still read: not revoked, not expired, with the `read` scope,
/// and for an admin's key, made with a second factor (as `policy::authorize` requires of admins).
async fn usable_keys<C: ConnectionTrait>(txn: &C, subs: &[subs::Model]) -> AppResult<Vec<Uuid>> {
    let ids: Vec<Uuid> = subs.iter().filter_map(|s| s.owner_api_key_id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let now = Utc::now();
    let keys = api_keys::Entity::find().filter(api_keys::Column::Id.is_in(ids)).all(txn).await?;
    let owners: Vec<Uuid> = keys.iter().map(|k| k.user_id).collect();
    let admins: Vec<Uuid> = users::Entity::find()
        .filter(users::Column::Id.is_in(owners))
        .all(txn)
        .await?
        .into_iter()
        .filter(|u| u.role.0 == Role::Admin)
        .map(|u| u.id)
        .collect();
    Ok(keys
        .into_iter()
        .filter(|k| k.revoked_at.is_none() && k.expires_at.is_none_or(|e| e > now))
        .filter(|k| k.scopes.split(',').any(|s| s == Scope::Read.as_str()))
        .filter(|k| k.mfa || !admins.contains(&k.user_id))
        .map(|k| k.id)
        .collect())
}
