//! Checking a meeting's fields. A create and a patch both become a `Draft` — the whole record as it
//! would be — and one check runs over it, because the time rules hold on the final state (the end after
//! the start, both wall times in the final zone, the RSVP deadline before the start, a place or a link).
//! Invitees and the agenda are checked when sent. Every problem is named by field.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use gmc_domain::error::{optional_text, parse_enum, required_text, FieldProblem};
use gmc_domain::meeting::{self as rules, MeetingKind};
use gmc_domain::reference::parse_time_zone;
use gmc_domain::{Actor, ValidationErrors, Visibility};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde::Deserialize;
use uuid::Uuid;

use crate::entities::{delegations, meetings, prep_items, users};
use crate::services::access::find_readable;
use crate::services::reference_checks as checks;
use crate::{AppError, AppResult};

/// One agenda item as sent.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = AgendaItemRequest))]
pub struct AgendaInput {
    pub title: String,
    pub topic_id: Option<Uuid>,
    /// A prep item the organiser may read.
    pub prep_item_id: Option<Uuid>,
}

// The body of `POST /meetings` (plain comments: a doc comment would become the schema's description).
// Times are wall-clock times in `time_zone`, as the organiser thinks of them; they are stored as instants.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateMeetingRequest))]
pub struct MeetingInput {
    /// Admins name the organising delegation; members default to (and may only use) their own.
    pub delegation_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(value_type = MeetingKind))]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Wall-clock start in `time_zone`, `YYYY-MM-DDTHH:MM`.
    #[cfg_attr(feature = "openapi", schema(example = "2027-03-25T10:00"))]
    pub starts_at: String,
    /// Wall-clock end in `time_zone`, after the start.
    #[cfg_attr(feature = "openapi", schema(example = "2027-03-25T11:30"))]
    pub ends_at: String,
    /// The organiser's IANA time zone.
    #[cfg_attr(feature = "openapi", schema(example = "Europe/Zurich"))]
    pub time_zone: String,
    /// A place, an online link, or both.
    pub place: Option<String>,
    /// http(s) only.
    pub online_url: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Visibility))]
    pub visibility: String,
    /// Wall-clock time in `time_zone` by which invitees should answer; before the start.
    pub rsvp_deadline: Option<String>,
    #[serde(default)]
    pub invited_delegation_ids: Vec<Uuid>,
    #[serde(default)]
    pub invited_user_ids: Vec<Uuid>,
    #[serde(default)]
    pub agenda: Vec<AgendaInput>,
}

/// Fields to change; absent fields stay; `null` clears `place`, `online_url` and `rsvp_deadline`.
/// Times are wall-clock times in the (new or current) `time_zone`. `invited_*` and `agenda` replace the
/// lists (an invitee that stays keeps its answer). The status changes only through `cancel`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateMeetingRequest))]
pub struct MeetingPatch {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<MeetingKind>))]
    pub kind: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub time_zone: Option<String>,
    #[serde(default, deserialize_with = "gmc_domain::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub place: Option<Option<String>>,
    #[serde(default, deserialize_with = "gmc_domain::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub online_url: Option<Option<String>>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
    #[serde(default, deserialize_with = "gmc_domain::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub rsvp_deadline: Option<Option<String>>,
    pub invited_delegation_ids: Option<Vec<Uuid>>,
    pub invited_user_ids: Option<Vec<Uuid>>,
    pub agenda: Option<Vec<AgendaInput>>,
}

/// The record as it would be, before checking.
pub(super) struct Draft {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    pub place: Option<String>,
    pub online_url: Option<String>,
    pub visibility: String,
    pub rsvp_deadline: Option<String>,
}

/// A checked record.
#[derive(Debug, Clone)]
pub(super) struct Checked {
    pub kind: MeetingKind,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub time_zone: Tz,
    pub place: Option<String>,
    pub online_url: Option<String>,
    pub visibility: Visibility,
    pub rsvp_deadline: Option<DateTime<Utc>>,
}

const LOCAL: &str = "%Y-%m-%dT%H:%M";

fn parse_local(value: &str) -> Result<NaiveDateTime, FieldProblem> {
    let v = value.trim();
    NaiveDateTime::parse_from_str(v, LOCAL)
        .or_else(|_| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| FieldProblem::new("invalid_format", "must be a local date and time, YYYY-MM-DDTHH:MM"))
}

/// A stored instant as the wall time a draft carries.
pub(super) fn local_text(at: DateTime<Utc>, tz: Tz) -> String {
    rules::local(at, tz).format(LOCAL).to_string()
}

impl Draft {
    pub fn of_input(i: &MeetingInput) -> Self {
        Draft {
            kind: i.kind.clone(),
            title: i.title.clone(),
            description: i.description.clone(),
            starts_at: i.starts_at.clone(),
            ends_at: i.ends_at.clone(),
            time_zone: i.time_zone.clone(),
            place: i.place.clone(),
            online_url: i.online_url.clone(),
            visibility: i.visibility.clone(),
            rsvp_deadline: i.rsvp_deadline.clone(),
        }
    }

    /// The current row with the patch laid over it. A new zone without new times keeps the wall
    /// times (the organiser corrected the zone, not the hour).
    pub fn of_patch(current: &meetings::Model, p: &MeetingPatch) -> Self {
        let tz: Tz = current.time_zone.parse().unwrap_or(rules::GENEVA);
        let or = |v: &Option<String>, cur: String| v.clone().unwrap_or(cur);
        Draft {
            kind: or(&p.kind, current.kind.0.as_str().to_owned()),
            title: or(&p.title, current.title.clone()),
            description: or(&p.description, current.description.clone()),
            starts_at: or(&p.starts_at, local_text(current.starts_at, tz)),
            ends_at: or(&p.ends_at, local_text(current.ends_at, tz)),
            time_zone: or(&p.time_zone, current.time_zone.clone()),
            place: p.place.clone().unwrap_or_else(|| current.place.clone()),
            online_url: p.online_url.clone().unwrap_or_else(|| current.online_url.clone()),
            visibility: or(&p.visibility, current.visibility.0.as_str().to_owned()),
            rsvp_deadline: p.rsvp_deadline.clone().unwrap_or_else(|| current.rsvp_deadline.map(|d| local_text(d, tz))),
        }
    }
}

fn non_empty(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|s| !s.is_empty())
}

/// Every field of the draft; problems go into `e`.
pub(super) fn check(e: &mut ValidationErrors, d: &Draft) -> Option<Checked> {
    let kind = e.check("kind", parse_enum::<MeetingKind>(&d.kind));
    let title = e.check("title", required_text(&d.title, rules::TITLE_MAX));
    let description = e.check("description", optional_text(&d.description, rules::DESCRIPTION_MAX));
    let visibility = e.check("visibility", parse_enum::<Visibility>(&d.visibility));
    let tz = e.check("time_zone", parse_time_zone(d.time_zone.trim()));
    let starts = e.check("starts_at", parse_local(&d.starts_at));
    let ends = e.check("ends_at", parse_local(&d.ends_at));
    let deadline = match d.rsvp_deadline.as_deref() {
        Some(v) => e.check("rsvp_deadline", parse_local(v)).map(Some),
        None => Some(None),
    };
    let place = match non_empty(d.place.as_deref()) {
        Some(p) => e.check("place", required_text(p, rules::PLACE_MAX)).map(Some),
        None => Some(None),
    };
    let url = match non_empty(d.online_url.as_deref()) {
        Some(u) => e.check("online_url", rules::parse_online_url(u)).map(Some),
        None => Some(None),
    };
    if non_empty(d.place.as_deref()).is_none() && non_empty(d.online_url.as_deref()).is_none() {
        e.add("place", "required", "a place or an online_url is required");
    }
    // Instants, once the zone is known: a wall time the clocks skip does not exist.
    let (starts_at, ends_at, rsvp_deadline) = match tz {
        Some(tz) => (
            starts.and_then(|s| e.check("starts_at", rules::instant(s, tz))),
            ends.and_then(|s| e.check("ends_at", rules::instant(s, tz))),
            deadline.and_then(|dl| match dl {
                Some(v) => e.check("rsvp_deadline", rules::instant(v, tz)).map(Some),
                None => Some(None),
            }),
        ),
        None => (None, None, None),
    };
    if let (Some(s), Some(en)) = (starts_at, ends_at) {
        if en <= s {
            e.add("ends_at", "out_of_range", "must be after starts_at");
        }
    }
    if let (Some(s), Some(Some(dl))) = (starts_at, rsvp_deadline) {
        if dl > s {
            e.add("rsvp_deadline", "out_of_range", "must not be after starts_at");
        }
    }
    match (kind, title, description, visibility, tz, starts_at, ends_at, place, url, rsvp_deadline) {
        (
            Some(kind),
            Some(title),
            Some(description),
            Some(visibility),
            Some(time_zone),
            Some(starts_at),
            Some(ends_at),
            Some(place),
            Some(online_url),
            Some(rsvp_deadline),
        ) if e.is_empty() => Some(Checked {
            kind,
            title,
            description,
            starts_at,
            ends_at,
            time_zone,
            place,
            online_url,
            visibility,
            rsvp_deadline,
        }),
        _ => None,
    }
}

/// Invited delegations (existing, not the organiser, which takes part anyway) and users (active
/// accounts), deduplicated.
pub(super) async fn invitees<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    owner: Uuid,
    delegation_ids: &[Uuid],
    user_ids: &[Uuid],
) -> AppResult<(Vec<Uuid>, Vec<Uuid>)> {
    let mut ds = delegation_ids.to_vec();
    ds.sort();
    ds.dedup();
    let mut us = user_ids.to_vec();
    us.sort();
    us.dedup();
    if ds.len() + us.len() > rules::INVITEES_MAX {
        e.add("invited_user_ids", "too_many", format!("at most {} invitees", rules::INVITEES_MAX));
        return Ok((ds, us));
    }
    if ds.contains(&owner) {
        e.add("invited_delegation_ids", "not_allowed", "the organising delegation takes part without an invitation");
    }
    let found = delegations::Entity::find().filter(delegations::Column::Id.is_in(ds.clone())).count(db).await?;
    if found != ds.len() as u64 {
        e.add("invited_delegation_ids", "unknown", "names a delegation that does not exist");
    }
    let found = users::Entity::find()
        .filter(users::Column::Id.is_in(us.clone()))
        .filter(users::Column::Active.eq(true))
        .count(db)
        .await?;
    if found != us.len() as u64 {
        e.add("invited_user_ids", "unknown", "names no active account");
    }
    Ok((ds, us))
}

/// The agenda: titles, topics that exist, and prep items the organiser may read (one it may not is
/// "unknown", the same answer as one that does not exist).
pub(super) async fn agenda(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    e: &mut ValidationErrors,
    items: &[AgendaInput],
) -> AppResult<Vec<AgendaInput>> {
    if items.len() > rules::AGENDA_MAX {
        e.add("agenda", "too_many", format!("at most {} agenda items", rules::AGENDA_MAX));
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let title = e.check(&format!("agenda[{n}].title"), required_text(&item.title, rules::TITLE_MAX));
        if let Some(t) = item.topic_id {
            checks::topic(db, e, &format!("agenda[{n}].topic_id"), t).await?;
        }
        if let Some(p) = item.prep_item_id {
            match find_readable::<prep_items::Model, _>(db, actor, p).await {
                Ok(_) => {}
                Err(AppError::NotFound(_)) => {
                    e.add(&format!("agenda[{n}].prep_item_id"), "unknown", "names no prep item");
                }
                Err(other) => return Err(other),
            }
        }
        if let Some(title) = title {
            out.push(AgendaInput { title, topic_id: item.topic_id, prep_item_id: item.prep_item_id });
        }
    }
    Ok(out)
}
