//! The wire types of webhooks: a subscription and a delivery, as the API sends them.

use chrono::{DateTime, Utc};
use gmc_domain::webhook::{DeliveryStatus, WebhookEvent};
use serde::Serialize;
use uuid::Uuid;

use crate::entities::{webhook_deliveries, webhook_subscriptions};

/// A webhook subscription. The signing `secret` is present only in the answer that created or rotated
/// it: store it then; it is never shown again.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookView {
    pub id: Uuid,
    /// Where deliveries are POSTed.
    pub url: String,
    pub description: String,
    /// The event types delivered.
    pub events: Vec<WebhookEvent>,
    /// Off: nothing is delivered (switched off by its owner, or after repeated failed deliveries).
    pub enabled: bool,
    /// Failed attempts since the last successful one; at the server's limit the subscription is disabled.
    pub consecutive_failures: i32,
    /// Why the server disabled it, if it did.
    pub disabled_reason: Option<String>,
    /// The API key that owns it, when a key created it (revoking the key silences it).
    pub owner_api_key_id: Option<Uuid>,
    /// `whsec_…`, only when just created or rotated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl WebhookView {
    pub(crate) fn of(row: webhook_subscriptions::Model, secret: Option<String>) -> Self {
        let events: Vec<WebhookEvent> = serde_json::from_value::<Vec<String>>(row.events)
            .unwrap_or_default()
            .iter()
            .filter_map(|e| e.parse().ok())
            .collect();
        WebhookView {
            id: row.id,
            url: row.url,
            description: row.description,
            events,
            enabled: row.enabled,
            consecutive_failures: row.consecutive_failures,
            disabled_reason: row.disabled_reason,
            owner_api_key_id: row.owner_api_key_id,
            secret,
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

/// One event sent (or being sent) to one subscription, with its latest attempt.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDeliveryView {
    /// Also the `webhook-id` header: the same on every attempt and replay, for the receiver to dedupe.
    pub id: Uuid,
    pub subscription_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = WebhookEvent))]
    pub event_type: String,
    pub status: DeliveryStatus,
    /// Attempts made so far.
    pub attempts: i32,
    /// The receiver's HTTP status on the latest attempt (none: no answer).
    pub http_status: Option<i32>,
    /// How long the latest attempt took, in milliseconds.
    pub latency_ms: Option<i64>,
    /// The first KiB at most of the receiver's answer to the latest attempt.
    pub response_excerpt: Option<String>,
    /// Why the latest attempt failed.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// When the next attempt is due, while `pending`.
    pub next_attempt_at: Option<DateTime<Utc>>,
}

impl From<webhook_deliveries::Model> for WebhookDeliveryView {
    fn from(d: webhook_deliveries::Model) -> Self {
        WebhookDeliveryView {
            id: d.id,
            subscription_id: d.subscription_id,
            event_type: d.event_type,
            status: d.status.0,
            attempts: d.attempts,
            http_status: d.http_status,
            latency_ms: d.latency_ms,
            response_excerpt: d.response_excerpt,
            last_error: d.last_error,
            created_at: d.created_at,
            last_attempt_at: d.last_attempt_at,
            next_attempt_at: d.next_attempt_at,
        }
    }
}
