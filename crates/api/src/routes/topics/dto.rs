//! The topic catalogue's wire types beyond the domain's and store's own (`TopicView`, `TopicInput`, …,
//! which are the bodies): the list's query and page, and the request examples.

use gmc_domain::reference::{TopicKind, TopicStatus};
use gmc_store::views::TopicView;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::routes::{page_of, sort_query};

page_of!(TopicPage, TopicView);
sort_query!(TopicSortQuery, gmc_store::services::topics::TopicSort, "by code");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TopicQuery {
    #[param(value_type = Option<TopicKind>)]
    pub kind: Option<String>,
    #[param(value_type = Option<TopicStatus>)]
    pub status: Option<String>,
    /// The parent topic's id or code: only its direct sub-topics.
    pub parent: Option<String>,
    /// Text search in code, title and description (case-insensitive).
    pub q: Option<String>,
}

/// A valid `TopicInput`, shown in the OpenAPI document (a test sends it).
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "code": "MSME-TFIN",
        "title": "Trade finance for MSMEs",
        "kind": "other",
        "wto_body": "Informal Working Group on MSMEs",
        "description": "Access of micro, small and medium enterprises to trade finance.",
        "status": "active"
    })
}

/// A valid `TopicPatchInput`, shown in the OpenAPI document (a test sends it).
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"title": "Trade finance for micro, small and medium enterprises", "status": "dormant"})
}
