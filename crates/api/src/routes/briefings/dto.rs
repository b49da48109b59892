//! The briefing requests' wire types beyond the store's own (`BriefingRequestView`, `BriefingInput`,
//! …, which are the bodies): the list's query, the page and lists, and the request examples.

use gmc_domain::briefing::{BriefingKind, BriefingStatus};
use gmc_store::services::briefings::{
    BriefingCommentView, BriefingRequestView, BriefingSort, BriefingStepView, DeliverableView,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::routes::{page_of, sort_query};

page_of!(BriefingRequestPage, BriefingRequestView);
sort_query!(BriefingSortQuery, BriefingSort, "newest first");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BriefingQuery {
    #[param(value_type = Option<BriefingStatus>)]
    pub status: Option<String>,
    #[param(value_type = Option<BriefingKind>)]
    pub kind: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    /// The requesting delegation.
    pub delegation_id: Option<Uuid>,
    /// `me`: the requests assigned to the caller.
    pub assigned: Option<String>,
    /// `true`: the analysts' queue (requested, nobody's yet).
    pub queue: Option<bool>,
    /// `true`: only requests past their committed due date and still open; `false`: only the others.
    pub overdue: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BriefingStepList {
    /// Oldest first.
    pub items: Vec<BriefingStepView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BriefingCommentList {
    /// Oldest first (the latest 500).
    pub items: Vec<BriefingCommentView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BriefingDeliverableList {
    /// Oldest first; only the documents the caller may read.
    pub items: Vec<DeliverableView>,
}

/// A valid `BriefingInput`, shown in the OpenAPI document.
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "kind": "briefing_note",
        "title": "Fisheries subsidies: what the MC14 text means for our small-scale fleet",
        "question": "Which disciplines would apply to our artisanal fleet, and which flexibilities can we invoke?",
        "topic_ids": [],
        "priority": "high",
        "wished_date": "2026-12-20",
        "visibility": "delegation"
    })
}

/// A valid `BriefingPatch`, shown in the OpenAPI document.
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"priority": "medium", "wished_date": null})
}

/// A valid `BriefingStepInput`, shown in the OpenAPI document.
pub fn step_example() -> serde_json::Value {
    serde_json::json!({"to": "accepted", "due_date": "2026-12-18", "note": "Drawing on the regional update of November."})
}

/// A valid `BriefingCommentInput`, shown in the OpenAPI document.
pub fn comment_example() -> serde_json::Value {
    serde_json::json!({"body": "Could the note also cover the notification obligations?"})
}
