//! Request and response types of the delegation watch-list.

use chrono::{DateTime, Utc};
use gmc_domain::watch::Priority;
use gmc_domain::Visibility;
use gmc_store::views::WatchItemView;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::routes::{page_of, sort_query};

#[derive(Debug, Serialize, ToSchema)]
pub struct WatchItemDto {
    pub id: Uuid,
    pub delegation_id: Uuid,
    /// The delegation's country (`BGD`).
    pub country_code: String,
    pub topic_id: Uuid,
    pub topic_code: String,
    pub topic_title: String,
    pub note: String,
    pub priority: Priority,
    /// `delegation`: members and admins only.
    pub visibility: Visibility,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<WatchItemView> for WatchItemDto {
    fn from(w: WatchItemView) -> Self {
        WatchItemDto {
            id: w.id,
            delegation_id: w.delegation_id,
            country_code: w.country_code,
            topic_id: w.topic_id,
            topic_code: w.topic_code,
            topic_title: w.topic_title,
            note: w.note,
            priority: w.priority,
            visibility: w.visibility,
            version: w.version,
            created_at: w.created_at,
            updated_at: w.updated_at,
        }
    }
}

page_of!(WatchItemPage, WatchItemDto);
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

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWatchItemRequest {
    pub topic_id: Uuid,
    /// Admins name the delegation; members default to (and may only use) their own.
    pub delegation_id: Option<Uuid>,
    pub note: Option<String>,
    /// Default `medium`.
    #[schema(value_type = Option<Priority>)]
    pub priority: Option<String>,
    /// Default `delegation`.
    #[schema(value_type = Option<Visibility>)]
    pub visibility: Option<String>,
}

impl CreateWatchItemRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({
            "topic_id": "0193a5e2-7c1a-7d3e-9b4f-2a6c8e0d1f23",
            "note": "Follow the fisheries subsidies disciplines before MC14.",
            "priority": "high",
            "visibility": "delegation"
        })
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateWatchItemRequest {
    pub note: Option<String>,
    #[schema(value_type = Option<Priority>)]
    pub priority: Option<String>,
    #[schema(value_type = Option<Visibility>)]
    pub visibility: Option<String>,
}

impl UpdateWatchItemRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"note": "Shared with the LDC Group ahead of the General Council.", "visibility": "regional"})
    }
}
