//! Meetings of the forum (DESIGN §2 "Meeting", issue 10): their vocabulary, the shape of an online
//! link, when a change must be announced again (RFC 5545 `SEQUENCE`), and local times computed with
//! the IANA database (`chrono-tz`) only — never fixed offsets, which are wrong across daylight saving.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::FieldProblem;
use crate::string_enum;

pub const TITLE_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 10_000;
pub const PLACE_MAX: usize = 300;
pub const URL_MAX: usize = 2_000;
pub const AGENDA_MAX: usize = 50;
pub const INVITEES_MAX: usize = 100;
pub const MINUTES_MAX: usize = 100_000;
pub const ACTION_TITLE_MAX: usize = 300;

/// The zone every response shows beside the organiser's: the forum meets in Geneva.
pub const GENEVA: Tz = chrono_tz::Europe::Zurich;

string_enum!(
    /// What a meeting is.
    MeetingKind {
        ForumMeeting => "forum_meeting",
        TechnicalExchange => "technical_exchange",
        CapitalDialogue => "capital_dialogue",
    }
);

string_enum!(
    /// A cancelled meeting keeps its record (and its calendar entry, marked cancelled).
    MeetingStatus {
        Scheduled => "scheduled",
        Cancelled => "cancelled",
    }
);

string_enum!(
    /// An invitee's answer; `pending` until it answers.
    Rsvp {
        Pending => "pending",
        Yes => "yes",
        No => "no",
        Tentative => "tentative",
    }
);

string_enum!(
    /// An action item is open until its owner (or the organiser) marks it done.
    ActionStatus {
        Open => "open",
        Done => "done",
    }
);

string_enum!(
    /// What an action item may point at.
    ActionLinkKind {
        PrepItem => "prep_item",
        Impediment => "impediment",
        Meeting => "meeting",
    }
);

/// An online link: http or https only (a `javascript:` or `file:` link in a calendar is an attack).
pub fn parse_online_url(value: &str) -> Result<String, FieldProblem> {
    let v = value.trim();
    if v.chars().count() > URL_MAX {
        return Err(FieldProblem::new("too_long", format!("must be at most {URL_MAX} characters")));
    }
    let lower = v.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !v.chars().any(|c| c.is_whitespace() || c.is_control()) => Ok(v.to_owned()),
        _ => Err(FieldProblem::new("invalid_format", "must be an http:// or https:// address")),
    }
}

/// An instant as a wall-clock time in `tz`.
pub fn local(at: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    at.with_timezone(&tz).naive_local()
}

/// A wall-clock time in `tz` as an instant. A time skipped by a clock change does not exist (422); a
/// repeated one (the hour after a change back) is taken at its first occurrence, as calendars do.
pub fn instant(local: NaiveDateTime, tz: Tz) -> Result<DateTime<Utc>, FieldProblem> {
    tz.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc)).ok_or_else(|| {
        FieldProblem::new("nonexistent_time", format!("does not exist in {} (the clocks skip it)", tz.name()))
    })
}

/// Which changes must be announced to invitees again: a new time, place or status. A title or agenda
/// change is not (calendars would ask everyone to accept again for a typo).
pub fn needs_new_sequence(time_changed: bool, place_changed: bool, status_changed: bool, has_invitees: bool) -> bool {
    has_invitees && (time_changed || place_changed || status_changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, min, 0)).map(|t| t.and_utc()).unwrap_or_default()
    }

    #[test]
    fn kathmandu_is_four_forty_five_ahead_of_geneva_in_winter_and_three_forty_five_in_summer() {
        let ktm = chrono_tz::Asia::Kathmandu;
        // 2027-03-25: Geneva on CET (UTC+1); 2027-03-30: CEST (UTC+2) since the 28th.
        let winter = at(2027, 3, 25, 9, 0);
        let summer = at(2027, 3, 30, 8, 0);
        assert_eq!(local(winter, GENEVA).format("%H:%M").to_string(), "10:00");
        assert_eq!(local(winter, ktm).format("%H:%M").to_string(), "14:45");
        assert_eq!(local(summer, GENEVA).format("%H:%M").to_string(), "10:00");
        assert_eq!(local(summer, ktm).format("%H:%M").to_string(), "13:45");
    }

    #[test]
    fn a_time_the_clocks_skip_is_refused_and_a_repeated_one_takes_the_first() {
        let skipped = NaiveDate::from_ymd_opt(2027, 3, 28).and_then(|d| d.and_hms_opt(2, 30, 0)).unwrap_or_default();
        assert_eq!(instant(skipped, GENEVA).map_err(|p| p.code), Err("nonexistent_time"));
        let repeated = NaiveDate::from_ymd_opt(2027, 10, 31).and_then(|d| d.and_hms_opt(2, 30, 0)).unwrap_or_default();
        assert_eq!(instant(repeated, GENEVA).ok(), Some(at(2027, 10, 31, 0, 30)));
    }

    #[test]
    fn only_web_links_are_accepted() {
        assert!(parse_online_url("https://meet.example.org/abc").is_ok());
        assert!(parse_online_url("http://example.org").is_ok());
        assert!(parse_online_url("javascript:alert(1)").is_err());
        assert!(parse_online_url("https://").is_err());
        assert!(parse_online_url("ftp://example.org").is_err());
    }

    #[test]
    fn only_time_place_or_status_changes_after_invitations_bump_the_sequence() {
        assert!(needs_new_sequence(true, false, false, true));
        assert!(!needs_new_sequence(true, true, true, false));
        assert!(!needs_new_sequence(false, false, false, true));
    }
}
