//! What the home page ("what needs me") asks of meetings: plain functions returning the views, for the
//! home endpoint to compose. Each reads through the same conditions as the lists.

use chrono::{DateTime, Utc};
use gmc_domain::meeting::{ActionStatus, MeetingStatus, Rsvp};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, Role};
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::guard::read_condition;
use super::view::{self, action_views, ActionItemView, MeetingView};
use crate::entities::{action_items, meeting_invitations, meetings};
use crate::AppResult;

/// The caller's open action items, most urgent first.
pub async fn open_action_items(db: &DatabaseConnection, actor: &Actor, limit: u64) -> AppResult<Vec<ActionItemView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let rows = action_items::Entity::find()
        .filter(action_items::Column::OwnerUserId.eq(actor.user_id.as_uuid()))
        .filter(action_items::Column::Status.eq(ActionStatus::Open.as_str()))
        .order_by_asc(action_items::Column::DueOn)
        .order_by_asc(action_items::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    action_views(db, rows).await
}

/// Scheduled meetings still ahead whose invitation to the caller (or, for members, to the caller's
/// delegation) is unanswered, soonest deadline first.
pub async fn rsvps_due(
    db: &DatabaseConnection,
    actor: &Actor,
    now: DateTime<Utc>,
    limit: u64,
) -> AppResult<Vec<MeetingView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut mine = Condition::any().add(meeting_invitations::Column::UserId.eq(actor.user_id.as_uuid()));
    if let Some(d) = actor.delegation_id.filter(|_| matches!(actor.role, Role::Delegate | Role::FocalPoint)) {
        mine = mine.add(meeting_invitations::Column::DelegationId.eq(d.as_uuid()));
    }
    let pending = Query::select()
        .column(meeting_invitations::Column::MeetingId)
        .from(meeting_invitations::Entity)
        .cond_where(Condition::all().add(mine).add(meeting_invitations::Column::Response.eq(Rsvp::Pending.as_str())))
        .to_owned();
    let rows = meetings::Entity::find()
        .filter(read_condition(actor))
        .filter(meetings::Column::Id.in_subquery(pending))
        .filter(meetings::Column::Status.eq(MeetingStatus::Scheduled.as_str()))
        .filter(meetings::Column::StartsAt.gt(now))
        .order_by_asc(meetings::Column::RsvpDeadline)
        .order_by_asc(meetings::Column::StartsAt)
        .limit(limit)
        .all(db)
        .await?;
    view::views(db, actor, rows).await
}

/// Meetings the caller may read that overlap [from, to), soonest first.
pub async fn meetings_between(
    db: &DatabaseConnection,
    actor: &Actor,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    limit: u64,
) -> AppResult<Vec<MeetingView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let rows = meetings::Entity::find()
        .filter(read_condition(actor))
        .filter(meetings::Column::EndsAt.gte(from))
        .filter(meetings::Column::StartsAt.lt(to))
        .order_by_asc(meetings::Column::StartsAt)
        .order_by_asc(meetings::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    view::views(db, actor, rows).await
}
