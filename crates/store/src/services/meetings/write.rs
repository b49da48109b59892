//! Scheduling, changing and cancelling a meeting. A change of time, place or status after invitations
//! raises the RFC 5545 sequence (calendars then replace the entry) and names who must be told
//! (`people_to_tell`, the hook the notifications of issue 10 are wired to).

use chrono::Utc;
use gmc_domain::meeting::{needs_new_sequence, MeetingStatus, Rsvp};
use gmc_domain::notification::NotificationKind;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::fields::{self, AgendaInput, Checked, Draft, MeetingInput, MeetingPatch};
use super::view::{self, MeetingView};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{meeting_agenda_items, meeting_invitations, meetings, users};
use crate::error::check_version;
use crate::services::access::find_writable;
use crate::services::notifications::{notify, NewNotification, Subject};
use crate::services::visibility::owning_delegation;
use crate::{AppError, AppResult};

fn entry<'a>(actor: &Actor, action: &'a str, row: &meetings::Model) -> AuditEntry<'a> {
    AuditEntry::by(actor, action, "meeting", row.id).delegation(row.delegation_id)
}

async fn set_agenda<C: ConnectionTrait>(db: &C, id: Uuid, items: &[AgendaInput]) -> AppResult<()> {
    meeting_agenda_items::Entity::delete_many().filter(meeting_agenda_items::Column::MeetingId.eq(id)).exec(db).await?;
    for (n, a) in items.iter().enumerate() {
        meeting_agenda_items::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(id),
            position: Set(i32::try_from(n).unwrap_or(i32::MAX) + 1),
            title: Set(a.title.clone()),
            topic_id: Set(a.topic_id),
            prep_item_id: Set(a.prep_item_id),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Makes the invitations match the lists: new invitees start `pending`, ones that stay keep their
/// answer, ones left out are removed.
async fn set_invitees<C: ConnectionTrait>(db: &C, id: Uuid, delegations: &[Uuid], people: &[Uuid]) -> AppResult<()> {
    let current =
        meeting_invitations::Entity::find().filter(meeting_invitations::Column::MeetingId.eq(id)).all(db).await?;
    for row in &current {
        let keep = match (row.delegation_id, row.user_id) {
            (Some(d), _) => delegations.contains(&d),
            (_, Some(u)) => people.contains(&u),
            _ => false,
        };
        if !keep {
            meeting_invitations::Entity::delete_by_id(row.id).exec(db).await?;
        }
    }
    let new = |delegation_id: Option<Uuid>, user_id: Option<Uuid>| meeting_invitations::ActiveModel {
        id: Set(Uuid::now_v7()),
        meeting_id: Set(id),
        delegation_id: Set(delegation_id),
        user_id: Set(user_id),
        response: Set(Rsvp::Pending.into()),
        responded_at: Set(None),
        responded_by: Set(None),
    };
    for d in delegations.iter().filter(|d| !current.iter().any(|r| r.delegation_id == Some(**d))) {
        new(Some(*d), None).insert(db).await?;
    }
    for u in people.iter().filter(|u| !current.iter().any(|r| r.user_id == Some(**u))) {
        new(None, Some(*u)).insert(db).await?;
    }
    Ok(())
}

/// Who must be told that a meeting changed: the invited people, and the active members of the invited
/// delegations. The organiser's own delegation is not (it made the change). The notifications slice
/// calls its `notify` with these ids at merge.
pub async fn people_to_tell<C: ConnectionTrait>(db: &C, meeting_id: Uuid) -> AppResult<Vec<Uuid>> {
    let invitations = meeting_invitations::Entity::find()
        .filter(meeting_invitations::Column::MeetingId.eq(meeting_id))
        .all(db)
        .await?;
    let delegations: Vec<Uuid> = invitations.iter().filter_map(|i| i.delegation_id).collect();
    let mut ids: Vec<Uuid> = invitations.iter().filter_map(|i| i.user_id).collect();
    let members = users::Entity::find()
        .filter(users::Column::DelegationId.is_in(delegations))
        .filter(users::Column::Active.eq(true))
        .all(db)
        .await?;
    ids.extend(members.into_iter().map(|u| u.id));
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// Tells the invitees (`people_to_tell`, less the one who acted) what happened to the meeting, inside
/// the write's own transaction: a change that is not committed tells no one. The sequence is in the
/// key, so each announced version is told once.
async fn tell<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    m: &meetings::Model,
    kind: NotificationKind,
) -> AppResult<()> {
    let mut people = people_to_tell(txn, m.id).await?;
    people.retain(|p| *p != actor.user_id.as_uuid());
    let what = match kind {
        NotificationKind::MeetingInvitation => "You are invited",
        NotificationKind::MeetingCancelled => "Cancelled",
        _ => "Changed",
    };
    let n = NewNotification {
        kind,
        title: format!("{what}: {}", m.title),
        body: None,
        link: format!("/meetings/{}", m.id),
        subject: Subject::new("meeting", m.id),
        dedupe_key: format!("{}:{}:{}", kind.as_str(), m.id, m.sequence),
    };
    notify(txn, &people, n).await?;
    Ok(())
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: MeetingInput) -> AppResult<MeetingView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let owner = owning_delegation(actor, input.delegation_id)?;
    let mut e = ValidationErrors::new();
    crate::services::reference_checks::delegation(db, &mut e, "delegation_id", owner.as_uuid()).await?;
    let checked = fields::check(&mut e, &Draft::of_input(&input));
    let (ds, us) =
        fields::invitees(db, &mut e, owner.as_uuid(), &input.invited_delegation_ids, &input.invited_user_ids).await?;
    let agenda = fields::agenda(db, actor, &mut e, &input.agenda).await?;
    let Some(f) = checked.filter(|_| e.is_empty()) else {
        return Err(e.into());
    };
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    let id = Uuid::now_v7();
    let row = meetings::ActiveModel {
        id: Set(id),
        delegation_id: Set(owner.as_uuid()),
        visibility: Set(f.visibility.into()),
        kind: Set(f.kind.into()),
        title: Set(f.title),
        description: Set(f.description),
        starts_at: Set(f.starts_at),
        ends_at: Set(f.ends_at),
        time_zone: Set(f.time_zone.name().to_owned()),
        place: Set(f.place),
        online_url: Set(f.online_url),
        status: Set(MeetingStatus::Scheduled.into()),
        sequence: Set(0),
        rsvp_deadline: Set(f.rsvp_deadline),
        minutes: Set(None),
        minutes_visibility: Set(None),
        minutes_updated_at: Set(None),
        minutes_updated_by: Set(None),
        created_by: Set(Some(actor.user_id.as_uuid())),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    set_agenda(&txn, id, &agenda).await?;
    set_invitees(&txn, id, &ds, &us).await?;
    tell(&txn, actor, &row, NotificationKind::MeetingInvitation).await?;
    let changes = json!({"title": row.title, "kind": row.kind, "visibility": row.visibility,
        "starts_at": row.starts_at, "ends_at": row.ends_at, "time_zone": row.time_zone,
        "invited_delegation_ids": ds, "invited_user_ids": us});
    let audit = entry(actor, "meeting.create", &row).changes(changes);
    let view = view::one(&txn, actor, row).await?;
    txn.commit(audit).await?;
    Ok(view)
}

/// What a change sets, and the `{field: {from, to}}` of the audit.
fn changed(current: &meetings::Model, f: &Checked) -> (meetings::ActiveModel, Map<String, Value>, bool, bool) {
    let mut m = current.clone().into_active_model();
    let mut changes = Map::new();
    let mut note = |field: &str, from: Value, to: Value| {
        if from != to {
            changes.insert(field.to_owned(), json!({"from": from, "to": to}));
        }
    };
    note("kind", json!(current.kind), json!(f.kind.as_str()));
    note("title", json!(current.title), json!(f.title));
    note("description", json!(current.description), json!(f.description));
    note("visibility", json!(current.visibility), json!(f.visibility.as_str()));
    note("starts_at", json!(current.starts_at), json!(f.starts_at));
    note("ends_at", json!(current.ends_at), json!(f.ends_at));
    note("time_zone", json!(current.time_zone), json!(f.time_zone.name()));
    note("place", json!(current.place), json!(f.place));
    note("online_url", json!(current.online_url), json!(f.online_url));
    note("rsvp_deadline", json!(current.rsvp_deadline), json!(f.rsvp_deadline));
    let time_changed = current.starts_at != f.starts_at || current.ends_at != f.ends_at;
    let place_changed = current.place != f.place || current.online_url != f.online_url;
    m.kind = Set(f.kind.into());
    m.title = Set(f.title.clone());
    m.description = Set(f.description.clone());
    m.visibility = Set(f.visibility.into());
    m.starts_at = Set(f.starts_at);
    m.ends_at = Set(f.ends_at);
    m.time_zone = Set(f.time_zone.name().to_owned());
    m.place = Set(f.place.clone());
    m.online_url = Set(f.online_url.clone());
    m.rsvp_deadline = Set(f.rsvp_deadline);
    (m, changes, time_changed, place_changed)
}

/// Saves `m` over `current` (guarded by its version) and returns the saved row.
pub(super) async fn save<C: ConnectionTrait>(
    db: &C,
    current: &meetings::Model,
    mut m: meetings::ActiveModel,
) -> AppResult<meetings::Model> {
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = meetings::Entity::update_many()
        .set(m)
        .filter(meetings::Column::Id.eq(current.id))
        .filter(meetings::Column::Version.eq(current.version))
        .exec(db)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    meetings::Entity::find_by_id(current.id).one(db).await?.ok_or(AppError::NotFound("meeting"))
}

async fn has_invitations<C: ConnectionTrait>(db: &C, id: Uuid) -> AppResult<bool> {
    Ok(meeting_invitations::Entity::find()
        .filter(meeting_invitations::Column::MeetingId.eq(id))
        .one(db)
        .await?
        .is_some())
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: MeetingPatch,
    if_match: Option<i32>,
) -> AppResult<MeetingView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let current: meetings::Model = find_writable(db, actor, id).await?;
    let mut e = ValidationErrors::new();
    let checked = fields::check(&mut e, &Draft::of_patch(&current, &patch));
    let invitees = match (&patch.invited_delegation_ids, &patch.invited_user_ids) {
        (None, None) => None,
        (ds, us) => {
            let (cur_ds, cur_us) = crate::services::access::meeting_invitees_of(db, id).await?;
            let ds = ds.clone().unwrap_or_else(|| cur_ds.iter().map(gmc_domain::ids::DelegationId::as_uuid).collect());
            let us = us.clone().unwrap_or_else(|| cur_us.iter().map(gmc_domain::ids::UserId::as_uuid).collect());
            Some(fields::invitees(db, &mut e, current.delegation_id, &ds, &us).await?)
        }
    };
    let agenda = match &patch.agenda {
        Some(items) => Some(fields::agenda(db, actor, &mut e, items).await?),
        None => None,
    };
    let Some(f) = checked.filter(|_| e.is_empty()) else {
        return Err(e.into());
    };
    let (mut m, mut changes, time_changed, place_changed) = changed(&current, &f);
    if let Some((ds, us)) = &invitees {
        changes.insert("invitees".into(), json!({"delegations": ds, "users": us}));
    }
    if agenda.is_some() {
        changes.insert("agenda".into(), json!({"replaced": true}));
    }
    if changes.is_empty() {
        return Err(ValidationErrors::single("body", "empty", "changes nothing").into());
    }
    check_version(if_match, current.version)?;
    let txn = AuditedTxn::begin(db).await?;
    let invited_before = has_invitations(&txn, id).await?;
    let announce = needs_new_sequence(time_changed, place_changed, false, invited_before);
    if announce {
        m.sequence = Set(current.sequence + 1);
        changes.insert("sequence".into(), json!({"from": current.sequence, "to": current.sequence + 1}));
    }
    let saved = save(&txn, &current, m).await?;
    if let Some(items) = &agenda {
        set_agenda(&txn, id, items).await?;
    }
    if let Some((ds, us)) = &invitees {
        set_invitees(&txn, id, ds, us).await?;
    }
    if announce {
        tell(&txn, actor, &saved, NotificationKind::MeetingChanged).await?;
    }
    // issue 11: webhooks
    let changed: Vec<String> = changes.keys().cloned().collect();
    crate::services::webhooks::events::meeting_changed(&txn, &saved, &changed).await?;
    let audit = entry(actor, "meeting.update", &current).changes(Value::Object(changes));
    let view = view::one(&txn, actor, saved).await?;
    txn.commit(audit).await?;
    Ok(view)
}

/// Cancels a scheduled meeting: the record stays (calendars show it cancelled), the sequence rises.
pub async fn cancel(db: &DatabaseConnection, actor: &Actor, id: Uuid, if_match: Option<i32>) -> AppResult<MeetingView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let current: meetings::Model = find_writable(db, actor, id).await?;
    if current.status.0 == MeetingStatus::Cancelled {
        return Err(AppError::Conflict("the meeting is already cancelled".into()));
    }
    // `If-Match` is optional here: cancelling twice is refused anyway (409), and a cancel over a
    // changed meeting still means "this meeting does not take place".
    if if_match.is_some() {
        check_version(if_match, current.version)?;
    }
    let txn = AuditedTxn::begin(db).await?;
    let mut m = current.clone().into_active_model();
    m.status = Set(MeetingStatus::Cancelled.into());
    // A cancellation is always announced, invitations or not: a subscribed calendar must drop it.
    m.sequence = Set(current.sequence + 1);
    let saved = save(&txn, &current, m).await?;
    tell(&txn, actor, &saved, NotificationKind::MeetingCancelled).await?;
    // issue 11: webhooks
    crate::services::webhooks::events::meeting_changed(&txn, &saved, &["status".to_owned()]).await?;
    let audit = entry(actor, "meeting.cancel", &current)
        .changes(json!({"status": {"from": "scheduled", "to": "cancelled"}, "sequence": saved.sequence}));
    let view = view::one(&txn, actor, saved).await?;
    txn.commit(audit).await?;
    Ok(view)
}
