//! What the views of a page of meetings read besides the meetings themselves, loaded for the whole
//! page at once (`view::views`): a page costs five statements whatever its size, not five per meeting.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entities::{delegations, meeting_agenda_items, meeting_invitations, meetings, topics, users};
use crate::AppResult;

/// What the views of some meetings read besides the meetings: their invitations and agenda, and the
/// delegations, people and topics these name. Five statements whatever the number of meetings.
pub(super) struct Related {
    pub(super) invitations: HashMap<Uuid, Vec<meeting_invitations::Model>>,
    pub(super) agenda: HashMap<Uuid, Vec<meeting_agenda_items::Model>>,
    pub(super) delegations: HashMap<Uuid, delegations::Model>,
    pub(super) people: HashMap<Uuid, String>,
    pub(super) codes: HashMap<Uuid, String>,
}

pub(super) async fn related<C: ConnectionTrait>(db: &C, rows: &[meetings::Model]) -> AppResult<Related> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut invitations: HashMap<Uuid, Vec<meeting_invitations::Model>> = HashMap::new();
    for i in meeting_invitations::Entity::find()
        .filter(meeting_invitations::Column::MeetingId.is_in(ids.clone()))
        .order_by_asc(meeting_invitations::Column::Id)
        .all(db)
        .await?
    {
        invitations.entry(i.meeting_id).or_default().push(i);
    }
    let mut agenda: HashMap<Uuid, Vec<meeting_agenda_items::Model>> = HashMap::new();
    for a in meeting_agenda_items::Entity::find()
        .filter(meeting_agenda_items::Column::MeetingId.is_in(ids))
        .order_by_asc(meeting_agenda_items::Column::Position)
        .all(db)
        .await?
    {
        agenda.entry(a.meeting_id).or_default().push(a);
    }
    let all_invitations = || invitations.values().flatten();
    let mut delegation_ids: Vec<Uuid> = all_invitations().filter_map(|i| i.delegation_id).collect();
    delegation_ids.extend(rows.iter().map(|r| r.delegation_id));
    delegation_ids.sort();
    delegation_ids.dedup();
    let delegations = delegations::Entity::find()
        .filter(delegations::Column::Id.is_in(delegation_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let mut user_ids: Vec<Uuid> = all_invitations().filter_map(|i| i.user_id).collect();
    user_ids.sort();
    user_ids.dedup();
    let people = users::Entity::find()
        .filter(users::Column::Id.is_in(user_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let mut topic_ids: Vec<Uuid> = agenda.values().flatten().filter_map(|a| a.topic_id).collect();
    topic_ids.sort();
    topic_ids.dedup();
    let codes = topics::Entity::find()
        .filter(topics::Column::Id.is_in(topic_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.code))
        .collect();
    Ok(Related { invitations, agenda, delegations, people, codes })
}
