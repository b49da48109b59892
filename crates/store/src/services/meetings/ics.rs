//! Meetings as iCalendar (RFC 5545), written with the `icalendar` crate: one VEVENT per meeting with
//! DTSTART/DTEND in the organiser's zone (`TZID`), a stable UID, SEQUENCE and STATUS, and a VTIMEZONE
//! for every zone used.
//!
//! The crate cannot emit VTIMEZONE itself (it has no time-zone component), so `vtimezone` builds one
//! with the crate's generic `Component`/`Property` API: an empty VTIMEZONE (and STANDARD/DAYLIGHT)
//! component is made by the crate's own parser, then filled property by property. The observances
//! come from `chrono-tz`: every offset change between a year before the first meeting and a year
//! after the last is found by scanning day by day and bisecting to the minute, and each becomes a
//! STANDARD or DAYLIGHT sub-component (DAYLIGHT when the new offset includes a daylight-saving part)
//! with its onset in the old offset (RFC 5545 §3.6.5), TZOFFSETFROM, TZOFFSETTO and TZNAME. The
//! offset in force at the start of that window is the first observance, so a zone without changes
//! (Asia/Kathmandu) still gets one.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone as _, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use gmc_domain::meeting::{self as rules, MeetingStatus};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::Actor;
use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, EventLike, EventStatus, Property};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::entities::meetings;
use crate::services::access::find_readable;
use crate::{AppError, AppResult};

const ICS_LOCAL: &str = "%Y%m%dT%H%M%S";

/// The stable UID of a meeting's event: a calendar recognises a changed meeting by it.
pub fn uid(id: Uuid) -> String {
    format!("meeting-{id}@gmc")
}

fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(rules::GENEVA)
}

/// An empty component of `kind` (VTIMEZONE, STANDARD, DAYLIGHT), made by the crate's parser: the only
/// way the crate offers to get a component that is not an event, to-do or venue.
fn empty(kind: &str) -> AppResult<CalendarComponent> {
    format!("BEGIN:{kind}\r\nEND:{kind}\r\n")
        .parse::<CalendarComponent>()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("icalendar refused an empty {kind}: {e}")))
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let m = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

/// What is in force at one instant: (offset seconds, daylight saving?, abbreviation).
type State = (i32, bool, String);

fn state(tz: Tz, at: DateTime<Utc>) -> State {
    let o = tz.offset_from_utc_datetime(&at.naive_utc());
    let name = o.abbreviation().map_or_else(|| offset_text(o.fix().local_minus_utc()), str::to_owned);
    (o.fix().local_minus_utc(), !o.dst_offset().is_zero(), name)
}

/// The instants in (from, to] at which `tz` changes offset, each with the state before and after.
fn transitions(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<(DateTime<Utc>, State, State)> {
    let mut out = Vec::new();
    let mut t = from;
    let mut before = state(tz, t);
    while t < to {
        let next = t + Duration::days(1);
        let after = state(tz, next);
        if after.0 != before.0 || after.1 != before.1 {
            // Bisect over whole minutes from `t`: every zone in the database changes on a whole minute.
            let (mut lo, mut hi) = (0_i64, 24 * 60);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                let s = state(tz, t + Duration::minutes(mid));
                if s.0 == before.0 && s.1 == before.1 {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let hi = t + Duration::minutes(hi);
            out.push((hi, before.clone(), after.clone()));
        }
        before = after;
        t = next;
    }
    out
}

fn observance(kind: &str, onset_local: NaiveDateTime, from: i32, to: State) -> AppResult<CalendarComponent> {
    let mut c = empty(kind)?;
    if let CalendarComponent::Other(o) = &mut c {
        o.append_property(Property::new("DTSTART", onset_local.format(ICS_LOCAL).to_string()));
        o.append_property(Property::new("TZOFFSETFROM", offset_text(from)));
        o.append_property(Property::new("TZOFFSETTO", offset_text(to.0)));
        o.append_property(Property::new("TZNAME", to.2));
    }
    Ok(c)
}

/// The VTIMEZONE of `tz` over the window [from, to].
pub(crate) fn vtimezone(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> AppResult<CalendarComponent> {
    let mut c = empty("VTIMEZONE")?;
    let first = state(tz, from);
    let mut parts = vec![observance(
        if first.1 { "DAYLIGHT" } else { "STANDARD" },
        from.naive_utc() + Duration::seconds(i64::from(first.0)),
        first.0,
        first,
    )?];
    for (at, before, after) in transitions(tz, from, to) {
        let kind = if after.1 { "DAYLIGHT" } else { "STANDARD" };
        parts.push(observance(kind, at.naive_utc() + Duration::seconds(i64::from(before.0)), before.0, after)?);
    }
    if let CalendarComponent::Other(o) = &mut c {
        o.append_property(Property::new("TZID", tz.name()));
        for p in parts {
            if let CalendarComponent::Other(child) = p {
                o.append_component(child);
            }
        }
    }
    Ok(c)
}

fn event(row: &meetings::Model) -> icalendar::Event {
    let tz = zone(&row.time_zone);
    let at = |t: DateTime<Utc>| CalendarDateTime::WithTimezone {
        date_time: rules::local(t, tz),
        tzid: tz.name().to_owned(),
    };
    let mut e = icalendar::Event::new();
    e.uid(&uid(row.id))
        .summary(&row.title)
        .starts(at(row.starts_at))
        .ends(at(row.ends_at))
        .sequence(u32::try_from(row.sequence).unwrap_or(0))
        .timestamp(row.updated_at)
        .last_modified(row.updated_at)
        .created(row.created_at)
        .status(if row.status.0 == MeetingStatus::Cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
    if !row.description.is_empty() {
        e.description(&row.description);
    }
    if let Some(place) = &row.place {
        e.location(place);
    }
    if let Some(url) = &row.online_url {
        e.url(url);
    }
    e.done()
}

/// A calendar of these meetings, with a VTIMEZONE for every zone their times use.
pub(crate) fn calendar(name: &str, rows: &[meetings::Model]) -> AppResult<String> {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//Geneva-MSME Connection//Meetings//EN"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    cal.name(name);
    let zones: BTreeSet<&str> = rows.iter().map(|r| r.time_zone.as_str()).collect();
    if let (Some(first), Some(last)) = (rows.iter().map(|r| r.starts_at).min(), rows.iter().map(|r| r.ends_at).max()) {
        let (from, to) = (first - Duration::days(366), last + Duration::days(366));
        for z in zones {
            cal.push(vtimezone(zone(z), from, to)?);
        }
    }
    for row in rows {
        cal.push(event(row));
    }
    Ok(without_stamps_in_zones(&cal.done().to_string()))
}

/// The crate writes a DTSTAMP and a UID into every component it prints; RFC 5545 allows neither in a
/// VTIMEZONE or its observances (strict readers refuse them), so they are taken out of those blocks.
fn without_stamps_in_zones(ics: &str) -> String {
    let mut out = String::with_capacity(ics.len());
    let mut in_zone = false;
    for line in ics.split_inclusive("\r\n") {
        if line.starts_with("BEGIN:VTIMEZONE") {
            in_zone = true;
        } else if line.starts_with("END:VTIMEZONE") {
            in_zone = false;
        } else if in_zone && (line.starts_with("UID:") || line.starts_with("DTSTAMP:")) {
            continue;
        }
        out.push_str(line);
    }
    out
}

/// One meeting as an `.ics` file, for whoever may read it.
pub async fn meeting_ics(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<String> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: meetings::Model = find_readable(db, actor, id).await?;
    calendar(&row.title, std::slice::from_ref(&row))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc()).unwrap_or_default()
    }

    fn text(c: CalendarComponent) -> String {
        match c {
            CalendarComponent::Other(o) => without_stamps_in_zones(&o.to_string()),
            _ => String::new(),
        }
    }

    #[test]
    fn geneva_gets_its_2027_clock_changes_with_onsets_in_the_old_offset() {
        let none = || CalendarComponent::Event(icalendar::Event::new());
        let tz = text(vtimezone(rules::GENEVA, at(2027, 1, 1), at(2027, 12, 31)).unwrap_or_else(|_| none()));
        assert!(!tz.contains("UID:") && !tz.contains("DTSTAMP:"), "{tz}");
        assert!(tz.contains("TZID:Europe/Zurich"), "{tz}");
        let spring = "BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT";
        let autumn = "BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD";
        assert!(tz.contains(spring), "{tz}");
        assert!(tz.contains(autumn), "{tz}");
    }

    #[test]
    fn kathmandu_has_one_observance_at_five_forty_five() {
        let tz = text(
            vtimezone(chrono_tz::Asia::Kathmandu, at(2027, 1, 1), at(2027, 12, 31))
                .unwrap_or_else(|_| CalendarComponent::Event(icalendar::Event::new())),
        );
        assert_eq!(tz.matches("BEGIN:STANDARD").count(), 1, "{tz}");
        assert!(tz.contains("TZOFFSETTO:+0545") && !tz.contains("DAYLIGHT"), "{tz}");
    }
}
