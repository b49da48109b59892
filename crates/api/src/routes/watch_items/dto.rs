//! The watch-list's wire types beyond the store's own (`WatchItemView`, `WatchInput`, …, which are the
//! bodies): the list's query and page, and the request examples.

use gmc_store::views::WatchItemView;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::routes::{page_of, sort_query};

page_of!(WatchItemPage, WatchItemView);
sort_query!(WatchSortQuery, gmc_store::services::watch::WatchSort, "oldest entered first");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WatchQuery {
    /// A topic id or code.
    pub topic: Option<String>,
    pub delegation: Option<Uuid>,
    /// Text search in the notes.
    pub q: Option<String>,
}

/// A valid `WatchInput`, shown in the OpenAPI document (a test sends it).
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "topic_id": "0193a5e2-7c1a-7d3e-9b4f-2a6c8e0d1f23",
        "note": "Follow the fisheries subsidies disciplines before MC14.",
        "priority": "high",
        "visibility": "delegation"
    })
}

/// A valid `WatchPatch`, shown in the OpenAPI document (a test sends it).
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"note": "Shared with the LDC Group ahead of the General Council.", "visibility": "regional"})
}
