//! "What needs me today" (`GET /home`): one request answering, for the caller, what is unread, due,
//! closing and new on what they follow, the action items and invitations waiting on them, this week's
//! meetings and the briefing requests waiting on them. Each section is one function over the same read
//! policy as its own list (`sections` here; `meetings::home` and `briefings::home` for theirs); they
//! run concurrently. Adding a section is one field on `HomeView` and one call in a `try_join!` below.

mod links;
mod sections;

use chrono::{DateTime, Days, Utc};
use chrono_tz::Tz;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::Actor;
use sea_orm::{DatabaseConnection, EntityTrait};
use serde::Serialize;

pub use links::HomeLink;
pub use sections::{ClosingConsultation, DueDeadline, FollowedImpediment};

use crate::entities::delegations;
use crate::services::notifications::inbox::{self, NotificationView};
use crate::services::{briefings, meetings};
use crate::AppResult;

/// How many unread notifications the home page lists (the count says how many there are in all).
const LATEST_UNREAD: u64 = 5;
/// How many records a section lists at most.
const SECTION_MAX: u64 = 50;

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
    /// The caller's open action items from meetings, most urgent first (at most 50).
    pub open_action_items: Vec<HomeLink>,
    /// Meetings ahead whose invitation to the caller (or their delegation) is unanswered, soonest
    /// answer deadline first (at most 50).
    pub rsvps_due: Vec<HomeLink>,
    /// Meetings the caller may read in the next 7 days, soonest first (at most 50).
    pub meetings_between: Vec<HomeLink>,
    /// Briefing requests waiting on the caller: for an analyst, those assigned and the queue; for a
    /// delegation, its requests delivered or declined in the last 14 days (at most 50).
    pub waiting_on: Vec<HomeLink>,
}

/// The zone the caller's times are shown in: their delegation's capital (migration 000018), else UTC.
async fn time_zone(db: &DatabaseConnection, actor: &Actor) -> AppResult<Tz> {
    let Some(d) = actor.delegation_id else {
        return Ok(Tz::UTC);
    };
    let capital = delegations::Entity::find_by_id(d.as_uuid()).one(db).await?.and_then(|d| d.capital_time_zone);
    Ok(capital.and_then(|z| z.parse().ok()).unwrap_or(Tz::UTC))
}

pub async fn get(db: &DatabaseConnection, actor: &Actor) -> AppResult<HomeView> {
    authorize(actor, Operation::ReadSelf)?;
    let now = Utc::now();
    let user = actor.user_id.as_uuid();
    let week = now.checked_add_days(Days::new(7)).unwrap_or(now);
    let (tz, unread_notifications, notifications, prep_deadlines, consultations_closing, followed_impediments) = tokio::try_join!(
        time_zone(db, actor),
        inbox::unread_count(db, user),
        inbox::latest_unread(db, user, LATEST_UNREAD),
        sections::prep_deadlines(db, actor, now),
        sections::consultations_closing(db, actor, now),
        sections::followed_impediments(db, actor, now),
    )?;
    let (actions, rsvps, this_week, requests) = tokio::try_join!(
        meetings::home::open_action_items(db, actor, SECTION_MAX),
        meetings::home::rsvps_due(db, actor, now, SECTION_MAX),
        meetings::home::meetings_between(db, actor, now, week, SECTION_MAX),
        briefings::home::waiting_on(db, actor, SECTION_MAX),
    )?;
    let today = now.with_timezone(&tz).date_naive();
    Ok(HomeView {
        now,
        time_zone: tz.name().to_owned(),
        unread_notifications,
        notifications,
        prep_deadlines,
        consultations_closing,
        followed_impediments,
        open_action_items: actions.into_iter().map(|a| links::action_item(a, today)).collect(),
        rsvps_due: rsvps.into_iter().map(|m| links::rsvp(m, tz, now)).collect(),
        meetings_between: this_week.into_iter().map(|m| links::meeting(m, tz)).collect(),
        waiting_on: requests.into_iter().map(links::briefing).collect(),
    })
}
