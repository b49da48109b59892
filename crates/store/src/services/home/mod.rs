//! "What needs me today" (`GET /home`): one request answering, for the caller, what is unread, due,
//! closing and new on what they follow. Each section is one function in `sections` over the same
//! read policy as its own list; they run concurrently. Adding a section (the meetings engineer's
//! `open_action_items`, `rsvps_due`, `meetings_between`; the briefings engineer's `waiting_on`) is one
//! field on `HomeView` and one call in the `try_join!` below.

mod sections;

use chrono::{DateTime, Utc};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::Actor;
use sea_orm::DatabaseConnection;
use serde::Serialize;

pub use sections::{ClosingConsultation, DueDeadline, FollowedImpediment};

use crate::services::notifications::inbox::{self, NotificationView};
use crate::AppResult;

/// How many unread notifications the home page lists (the count says how many there are in all).
const LATEST_UNREAD: u64 = 5;

/// The caller's day, in one payload.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Home))]
pub struct HomeView {
    /// When this was computed.
    pub now: DateTime<Utc>,
    /// The IANA zone to show times in: the caller's delegation's capital when known, else `UTC`.
    #[cfg_attr(feature = "openapi", schema(example = "Asia/Dhaka"))]
    pub time_zone: String,
    pub unread_notifications: u64,
    /// The newest unread notifications (at most 5).
    pub notifications: Vec<NotificationView>,
    /// Open prep items the caller may read, due within 7 days or overdue, for which the caller or
    /// their delegation is responsible; soonest first (at most 50).
    pub prep_deadlines: Vec<DueDeadline>,
    /// Open consultations the caller may read that close within 7 days; soonest first (at most 50).
    pub consultations_closing: Vec<ClosingConsultation>,
    /// Impediments the caller may read, validated in the last 7 days, on a topic, HS prefix or
    /// partner the caller follows; newest first (at most 50).
    pub followed_impediments: Vec<FollowedImpediment>,
}

/// The zone the caller's times are shown in. HOOK (issue 10, meetings): the meetings engineer adds
/// a capital time zone per delegation; read it here. Until then every caller gets UTC.
fn time_zone(_actor: &Actor) -> String {
    "UTC".to_owned()
}

pub async fn get(db: &DatabaseConnection, actor: &Actor) -> AppResult<HomeView> {
    authorize(actor, Operation::ReadSelf)?;
    let now = Utc::now();
    let user = actor.user_id.as_uuid();
    let (unread_notifications, notifications, prep_deadlines, consultations_closing, followed_impediments) = tokio::try_join!(
        inbox::unread_count(db, user),
        inbox::latest_unread(db, user, LATEST_UNREAD),
        sections::prep_deadlines(db, actor, now),
        sections::consultations_closing(db, actor, now),
        sections::followed_impediments(db, actor, now),
    )?;
    Ok(HomeView {
        now,
        time_zone: time_zone(actor),
        unread_notifications,
        notifications,
        prep_deadlines,
        consultations_closing,
        followed_impediments,
    })
}
