//! Webhooks' wire types beyond the store's own (`WebhookView`, `WebhookInput`, …): the lists' queries
//! and pages, and the request examples.

use gmc_store::services::webhooks::view::{WebhookDeliveryView, WebhookView};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::routes::{page_of, sort_query};

page_of!(WebhookPage, WebhookView);
page_of!(WebhookDeliveryPage, WebhookDeliveryView);
sort_query!(WebhookSortQuery, gmc_store::services::webhooks::WebhookSort, "oldest created first");
sort_query!(WebhookDeliverySortQuery, gmc_store::services::webhooks::deliveries::DeliverySort, "newest first");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryQuery {
    /// Only deliveries in this state.
    #[param(value_type = Option<gmc_domain::webhook::DeliveryStatus>)]
    pub status: Option<String>,
}

/// A valid `WebhookInput`, shown in the OpenAPI document.
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "url": "https://hooks.example.org/gmc",
        "events": ["impediment.created", "impediment.status_changed"],
        "description": "Chamber of commerce CRM"
    })
}

/// A valid `WebhookPatch`, shown in the OpenAPI document.
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"events": ["impediment.status_changed"], "enabled": true})
}
