//! The prep items' wire types beyond the store's own (`PrepItemView`, `PrepItemInput`, …, which are the
//! bodies): the list's and board's queries, the pages and lists, and the request examples.

use chrono::NaiveDate;
use gmc_domain::prep::{Interest, PrepKind, PrepStatus};
use gmc_store::services::prep::{PrepItemSort, PrepItemView, PrepStepView, PrepTextVersionView};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::routes::{page_of, sort_query};

page_of!(PrepItemPage, PrepItemView);
sort_query!(PrepItemSortQuery, PrepItemSort, "newest entered first");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PrepItemQuery {
    /// The ministerial conference's code (`MC14`).
    pub ministerial: Option<String>,
    #[param(value_type = Option<PrepStatus>)]
    pub status: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    /// Items this delegation owns itself (not through a coalition).
    pub delegation_id: Option<Uuid>,
    /// Items this coalition owns.
    pub coalition_id: Option<Uuid>,
    #[param(value_type = Option<Interest>)]
    pub interest: Option<String>,
    #[param(value_type = Option<PrepKind>)]
    pub kind: Option<String>,
    /// Text search in the title.
    pub q: Option<String>,
    /// A deadline on or before this date (YYYY-MM-DD).
    pub due_before: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BoardQuery {
    /// The ministerial conference's code (`MC14`); default: the latest by start date.
    pub ministerial: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    pub delegation_id: Option<Uuid>,
    pub coalition_id: Option<Uuid>,
    #[param(value_type = Option<Interest>)]
    pub interest: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffQuery {
    /// The older version's number.
    pub from: i32,
    /// The newer version's number.
    pub to: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PrepStepList {
    pub items: Vec<PrepStepView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PrepTextVersionList {
    /// Oldest first.
    pub items: Vec<PrepTextVersionView>,
}

/// A valid `PrepItemInput`, shown in the OpenAPI document.
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "ministerial": "MC14",
        "title": "Extend the LDC transition period for TRIPS",
        "summary": "Graduating LDCs keep the TRIPS transition for six more years; MSME surveys show licensing costs.",
        "kind": "proposal",
        "interest": "defensive",
        "priority": "high",
        "deadline": "2026-12-15",
        "visibility": "delegation",
        "topic_ids": []
    })
}

/// A valid `PrepItemPatch`, shown in the OpenAPI document.
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"priority": "medium", "deadline": null})
}

/// A valid `PrepStepInput`, shown in the OpenAPI document.
pub fn step_example() -> serde_json::Value {
    serde_json::json!({"to": "drafting", "note": "First draft from the MSME survey results."})
}

/// A valid `PrepTextInput`, shown in the OpenAPI document.
pub fn text_example() -> serde_json::Value {
    serde_json::json!({"body": "## Proposal\n\nLDC Members graduating from the category shall keep the transition period for six years."})
}
