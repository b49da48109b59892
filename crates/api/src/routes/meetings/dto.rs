//! The meetings' wire types beyond the store's own (`MeetingView`, `MeetingInput`, … are the bodies):
//! the lists' queries, the pages, the feed's answer, and the request examples.

use chrono::{DateTime, Utc};
use gmc_domain::meeting::{ActionStatus, MeetingKind, MeetingStatus};
use gmc_store::services::meetings::{ActionItemSort, ActionItemView, MeetingSort, MeetingView};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::routes::{page_of, sort_query};

page_of!(MeetingPage, MeetingView);
sort_query!(MeetingSortQuery, MeetingSort, "by start, soonest first");
page_of!(ActionItemPage, ActionItemView);
sort_query!(ActionItemSortQuery, ActionItemSort, "by due date, soonest first");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MeetingQuery {
    /// Meetings that end at or after this instant (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Meetings that start before this instant (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    #[param(value_type = Option<MeetingKind>)]
    pub kind: Option<String>,
    #[param(value_type = Option<MeetingStatus>)]
    pub status: Option<String>,
    /// `me`: meetings that invite the caller or the caller's delegation.
    pub invited: Option<String>,
    /// Topic id or code on the agenda.
    pub topic: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActionItemQuery {
    /// `me`: the caller's own.
    pub owner: Option<String>,
    #[param(value_type = Option<ActionStatus>)]
    pub status: Option<String>,
    pub meeting_id: Option<uuid::Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionItemList {
    /// By due date.
    pub items: Vec<ActionItemView>,
}

/// A new calendar feed. Its URL is shown this once: only a hash of its token is kept. A separate wire
/// type because the URL is made from the request's own scheme and host.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarFeed {
    /// The feed's address, for a calendar application to subscribe to (no sign-in).
    #[schema(example = "https://gmc.example.org/api/v1/calendar/gmcal_x2kP….ics")]
    pub url: String,
    /// The same, relative to the server.
    pub path: String,
    pub created_at: DateTime<Utc>,
}

/// A valid `MeetingInput`, shown in the OpenAPI document.
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "kind": "technical_exchange",
        "title": "Shrimp residue testing: Bangladesh and Nepal",
        "description": "Compare testing delays and prepare the SPS committee intervention.",
        "starts_at": "2027-03-25T10:00",
        "ends_at": "2027-03-25T11:30",
        "time_zone": "Europe/Zurich",
        "place": "CICG, Room 3",
        "online_url": "https://meet.example.org/gmc-shrimp",
        "visibility": "delegation",
        "rsvp_deadline": "2027-03-22T17:00",
        "invited_delegation_ids": [],
        "agenda": [{"title": "Testing delays at EU border posts"}]
    })
}

/// A valid `MeetingPatch`, shown in the OpenAPI document.
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"starts_at": "2027-03-30T10:00", "ends_at": "2027-03-30T11:30"})
}

/// A valid `RsvpInput`, shown in the OpenAPI document.
pub fn rsvp_example() -> serde_json::Value {
    serde_json::json!({"response": "yes"})
}

/// A valid `MinutesInput`, shown in the OpenAPI document.
pub fn minutes_example() -> serde_json::Value {
    serde_json::json!({"body": "## Decisions\n\n- Nepal shares its testing data by 15 April.", "visibility": "delegation"})
}

/// A valid `ActionItemInput`, shown in the OpenAPI document.
pub fn action_example() -> serde_json::Value {
    serde_json::json!({"title": "Share the testing data", "owner_user_id": "0190f3a0-0000-7000-8000-000000000000",
        "due_on": "2027-04-15"})
}

/// A valid `ActionItemPatch`, shown in the OpenAPI document.
pub fn action_update_example() -> serde_json::Value {
    serde_json::json!({"status": "done"})
}
