//! A meeting as the API sends it: its times in Geneva, in the organiser's zone and in each taking-part
//! delegation's capital (computed with `chrono-tz`, so a daylight-saving change is right), its agenda,
//! its invitations with their answers, and what the caller may do with it.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Offset, Utc};
use chrono_tz::{OffsetName, Tz};
use gmc_domain::ids::DelegationId;
use gmc_domain::meeting::{self as rules, ActionLinkKind, ActionStatus, MeetingKind, MeetingStatus, Rsvp};
use gmc_domain::policy::can_write;
use gmc_domain::{Actor, Visibility};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use uuid::Uuid;

use super::related::{related, Related};
use crate::entities::{action_items, delegations, meetings, users};
use crate::AppResult;

/// A delegation, as a meeting names it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = MeetingDelegation))]
pub struct DelegationRef {
    pub id: Uuid,
    /// The country (`NPL`).
    pub code: String,
    pub name: String,
}

/// A person, as a meeting names them.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = MeetingPerson))]
pub struct PersonRef {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ZoneRole {
    /// Geneva, where the forum sits.
    Geneva,
    /// The zone the organiser entered the meeting in.
    Organiser,
    /// A taking-part delegation's capital.
    Capital,
}

/// The meeting's start and end as wall-clock times in one zone.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = MeetingLocalTimes))]
pub struct LocalTimes {
    pub role: ZoneRole,
    /// The capital's delegation (for `capital` only).
    pub delegation: Option<DelegationRef>,
    #[cfg_attr(feature = "openapi", schema(example = "Asia/Kathmandu"))]
    pub time_zone: String,
    #[cfg_attr(feature = "openapi", schema(example = "2027-03-25T14:45"))]
    pub starts_local: String,
    pub ends_local: String,
    /// The zone's offset at the start (`+05:45`).
    pub utc_offset: String,
    /// Its abbreviation at the start (`CET`, `+0545`).
    pub abbreviation: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = MeetingAgendaItem))]
pub struct AgendaItemView {
    pub position: i32,
    pub title: String,
    pub topic_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(example = "FISH"))]
    pub topic_code: Option<String>,
    pub prep_item_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = MeetingInvitation))]
pub struct InvitationView {
    pub id: Uuid,
    /// The invited delegation (any of its members answers for it), or
    pub delegation: Option<DelegationRef>,
    /// the invited person (answers for themself).
    pub user: Option<PersonRef>,
    pub response: Rsvp,
    pub responded_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Meeting))]
pub struct MeetingView {
    pub id: Uuid,
    /// The organising delegation.
    pub owner: DelegationRef,
    /// `delegation`: the organising delegation, its invitees and admins only.
    pub visibility: Visibility,
    pub kind: MeetingKind,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The organiser's IANA zone.
    pub time_zone: String,
    pub place: Option<String>,
    pub online_url: Option<String>,
    pub status: MeetingStatus,
    /// RFC 5545 SEQUENCE: raised when the time, place or status changed after invitations.
    pub sequence: i32,
    pub rsvp_deadline: Option<DateTime<Utc>>,
    /// Geneva first, then the organiser's zone, then each taking-part delegation's capital.
    pub times: Vec<LocalTimes>,
    pub agenda: Vec<AgendaItemView>,
    pub invitations: Vec<InvitationView>,
    /// The caller's own answer, when the caller (or its delegation) is invited.
    pub my_rsvp: Option<Rsvp>,
    /// Whether the caller organises it (may change, cancel, write minutes and action items).
    pub can_edit: bool,
    pub has_minutes: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ActionItem))]
pub struct ActionItemView {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub meeting_title: String,
    pub title: String,
    pub owner: PersonRef,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    pub linked_kind: Option<ActionLinkKind>,
    pub linked_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(rules::GENEVA)
}

pub(crate) fn local_times(
    row: &meetings::Model,
    role: ZoneRole,
    tz: Tz,
    delegation: Option<DelegationRef>,
) -> LocalTimes {
    let start = row.starts_at.with_timezone(&tz);
    let seconds = start.offset().fix().local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    LocalTimes {
        role,
        delegation,
        time_zone: tz.name().to_owned(),
        starts_local: super::fields::local_text(row.starts_at, tz),
        ends_local: super::fields::local_text(row.ends_at, tz),
        utc_offset: format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60),
        abbreviation: start.offset().abbreviation().unwrap_or_default().to_owned(),
    }
}

fn delegation_ref(d: &delegations::Model) -> DelegationRef {
    DelegationRef { id: d.id, code: d.country_code.clone(), name: d.name.clone() }
}

/// The view of one row for this actor.
pub(crate) async fn one<C: ConnectionTrait>(db: &C, actor: &Actor, row: meetings::Model) -> AppResult<MeetingView> {
    let mut related = related(db, std::slice::from_ref(&row)).await?;
    Ok(build(actor, row, &mut related))
}

/// The view of `row`, from what `related` loaded (its invitations and agenda are taken out of it).
fn build(actor: &Actor, row: meetings::Model, related: &mut Related) -> MeetingView {
    let invitations = related.invitations.remove(&row.id).unwrap_or_default();
    let agenda_rows = related.agenda.remove(&row.id).unwrap_or_default();
    let Related { delegations, people, codes, .. } = &*related;
    let owner = delegations.get(&row.delegation_id).map(delegation_ref).unwrap_or(DelegationRef {
        id: row.delegation_id,
        code: String::new(),
        name: String::new(),
    });
    let organiser = zone(&row.time_zone);
    let mut times = vec![
        local_times(&row, ZoneRole::Geneva, rules::GENEVA, None),
        local_times(&row, ZoneRole::Organiser, organiser, None),
    ];
    let mut taking_part = vec![row.delegation_id];
    taking_part.extend(invitations.iter().filter_map(|i| i.delegation_id));
    for d in taking_part.iter().filter_map(|id| delegations.get(id)) {
        if let Some(tz) = d.capital_time_zone.as_deref().and_then(|z| z.parse::<Tz>().ok()) {
            times.push(local_times(&row, ZoneRole::Capital, tz, Some(delegation_ref(d))));
        }
    }
    let mine = invitations.iter().find(|i| i.user_id == Some(actor.user_id.as_uuid())).or_else(|| {
        invitations
            .iter()
            .find(|i| i.delegation_id.is_some() && i.delegation_id == actor.delegation_id.map(|d| d.as_uuid()))
    });
    let my_rsvp = mine.map(|i| i.response.0);
    let invitations = invitations
        .iter()
        .map(|i| InvitationView {
            id: i.id,
            delegation: i.delegation_id.and_then(|d| delegations.get(&d)).map(delegation_ref),
            user: i.user_id.map(|u| PersonRef { id: u, name: people.get(&u).cloned().unwrap_or_default() }),
            response: i.response.0,
            responded_at: i.responded_at,
        })
        .collect();
    let agenda = agenda_rows
        .into_iter()
        .map(|a| AgendaItemView {
            position: a.position,
            title: a.title,
            topic_code: a.topic_id.and_then(|t| codes.get(&t).cloned()),
            topic_id: a.topic_id,
            prep_item_id: a.prep_item_id,
        })
        .collect();
    MeetingView {
        id: row.id,
        owner,
        visibility: row.visibility.0,
        kind: row.kind.0,
        title: row.title,
        description: row.description,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        time_zone: row.time_zone,
        place: row.place,
        online_url: row.online_url,
        status: row.status.0,
        sequence: row.sequence,
        rsvp_deadline: row.rsvp_deadline,
        times,
        agenda,
        invitations,
        my_rsvp,
        can_edit: can_write(actor, DelegationId::from_uuid(row.delegation_id)),
        has_minutes: row.minutes.is_some(),
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

/// Views of a page of rows, in order, in the same five statements as one view (`related`): a page
/// costs the same number of queries whatever its size.
pub(crate) async fn views<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    rows: Vec<meetings::Model>,
) -> AppResult<Vec<MeetingView>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut related = related(db, &rows).await?;
    Ok(rows.into_iter().map(|row| build(actor, row, &mut related)).collect())
}

/// Views of action items with their owners' names and meetings' titles, one query each.
pub(crate) async fn action_views<C: ConnectionTrait>(
    db: &C,
    rows: Vec<action_items::Model>,
) -> AppResult<Vec<ActionItemView>> {
    let owners: Vec<Uuid> = rows.iter().map(|r| r.owner_user_id).collect();
    let people: HashMap<Uuid, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(owners))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let meeting_ids: Vec<Uuid> = rows.iter().map(|r| r.meeting_id).collect();
    let titles: HashMap<Uuid, String> = meetings::Entity::find()
        .filter(meetings::Column::Id.is_in(meeting_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.title))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| ActionItemView {
            id: r.id,
            meeting_id: r.meeting_id,
            meeting_title: titles.get(&r.meeting_id).cloned().unwrap_or_default(),
            title: r.title,
            owner: PersonRef { id: r.owner_user_id, name: people.get(&r.owner_user_id).cloned().unwrap_or_default() },
            due_on: r.due_on,
            status: r.status.0,
            linked_kind: r.linked_kind.map(|k| k.0),
            linked_id: r.linked_id,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}
