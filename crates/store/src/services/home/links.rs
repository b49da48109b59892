//! The home sections other features own (meetings, action items, briefing requests) as one shape: a
//! record's title, where the SPA opens it, and a line saying when or what, with times in the caller's
//! zone (`time_zone`). The features' own views carry far more than a home card shows.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use uuid::Uuid;

use crate::services::briefings::BriefingRequestView;
use crate::services::meetings::{ActionItemView, MeetingView};

/// A record a home card lists.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = HomeLink))]
pub struct HomeLink {
    pub id: Uuid,
    pub title: String,
    /// Where the SPA opens it (`/meetings/…`).
    pub link: String,
    /// When or what, for the card's second line (`Tue 1 Dec, 14:00 (Asia/Kathmandu)`).
    pub detail: String,
    /// Past its due date or answer deadline.
    pub overdue: bool,
}

/// "Tue 1 Dec 2026, 14:00 (Asia/Kathmandu)": the instant in the caller's zone, the zone named.
pub(super) fn local(at: DateTime<Utc>, tz: Tz) -> String {
    format!("{} ({})", at.with_timezone(&tz).format("%a %-d %b %Y, %H:%M"), tz.name())
}

pub(super) fn meeting(m: MeetingView, tz: Tz) -> HomeLink {
    let cancelled = if m.status.as_str() == "cancelled" { " · cancelled" } else { "" };
    HomeLink {
        link: format!("/meetings/{}", m.id),
        detail: format!("{}{cancelled}", local(m.starts_at, tz)),
        id: m.id,
        title: m.title,
        overdue: false,
    }
}

pub(super) fn rsvp(m: MeetingView, tz: Tz, now: DateTime<Utc>) -> HomeLink {
    let detail = match m.rsvp_deadline {
        Some(by) => format!("answer by {} · meets {}", local(by, tz), local(m.starts_at, tz)),
        None => format!("meets {}", local(m.starts_at, tz)),
    };
    HomeLink {
        link: format!("/meetings/{}", m.id),
        overdue: m.rsvp_deadline.is_some_and(|by| by < now),
        id: m.id,
        title: m.title,
        detail,
    }
}

pub(super) fn action_item(a: ActionItemView, today: chrono::NaiveDate) -> HomeLink {
    HomeLink {
        link: format!("/meetings/{}", a.meeting_id),
        detail: format!("due {} · from {}", a.due_on, a.meeting_title),
        overdue: a.due_on < today,
        id: a.id,
        title: a.title,
    }
}

pub(super) fn briefing(b: BriefingRequestView) -> HomeLink {
    let due = b.due_date.map(|d| format!(" · due {d}")).unwrap_or_default();
    HomeLink {
        link: format!("/briefings/{}", b.id),
        detail: format!(
            "{} · {}{due} · {}",
            b.kind.as_str().replace('_', " "),
            b.status.as_str().replace('_', " "),
            b.delegation_name
        ),
        overdue: b.overdue,
        id: b.id,
        title: b.title,
    }
}
