//! The coalitions' wire types beyond the store's own (`CoalitionView`, `CoalitionInput`, …): the page, the
//! sort parameter and the request examples.

use gmc_store::services::coalitions::{CoalitionSort, CoalitionView};

use crate::routes::{page_of, sort_query};

page_of!(CoalitionPage, CoalitionView);
sort_query!(CoalitionSortQuery, CoalitionSort, "by code");

/// A valid `CoalitionInput`, shown in the OpenAPI document.
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "code": "G90",
        "name": "G-90",
        "description": "African, ACP and least-developed country Members.",
        "source": "WTO, \"Groups in the negotiations\".",
        "members": []
    })
}

/// A valid `CoalitionPatch`, shown in the OpenAPI document.
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"description": "Membership checked against the WTO list, December 2026."})
}
