//! The people taking part in a meeting, by name: what the organiser picks an action item's owner from.
//!
//! "Taking part" (`taking_part`, which `actions` checks an owner against too) is the active members of
//! the organising delegation and of each invited delegation, and each invited person — so every name
//! listed here is one the API accepts as an owner. Names and delegations only: no e-mail, role or other
//! account detail, because whoever reads the meeting (an invitee of another delegation, an analyst)
//! reads this list too.

use std::collections::HashMap;

use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::Actor;
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use uuid::Uuid;

use super::view::DelegationRef;
use crate::entities::{delegations, meetings, users};
use crate::services::access::{find_readable, meeting_invitees_of};
use crate::AppResult;

/// Someone taking part in a meeting.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = MeetingParticipant))]
pub struct ParticipantView {
    /// The user's id, to name as an action item's `owner_user_id`.
    pub id: Uuid,
    pub name: String,
    /// Their delegation, if they belong to one (an invited analyst or stakeholder does not).
    pub delegation: Option<DelegationRef>,
}

/// The users taking part in `meeting`, as a condition on `users`: the one rule both this list and
/// `actions` (which accepts only such an owner) use.
pub(crate) async fn taking_part<C: ConnectionTrait>(db: &C, meeting: &meetings::Model) -> AppResult<Condition> {
    let (ds, us) = meeting_invitees_of(db, meeting.id).await?;
    let mut delegation_ids: Vec<Uuid> = ds.iter().map(DelegationId::as_uuid).collect();
    delegation_ids.push(meeting.delegation_id);
    let user_ids: Vec<Uuid> = us.iter().map(UserId::as_uuid).collect();
    Ok(Condition::all().add(users::Column::Active.eq(true)).add(
        Condition::any().add(users::Column::DelegationId.is_in(delegation_ids)).add(users::Column::Id.is_in(user_ids)),
    ))
}

/// Everyone taking part, by name; 404 for a meeting the caller may not read.
pub async fn participants(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<Vec<ParticipantView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let meeting: meetings::Model = find_readable(db, actor, id).await?;
    let people = users::Entity::find()
        .filter(taking_part(db, &meeting).await?)
        .order_by_asc(users::Column::Name)
        .order_by_asc(users::Column::Id)
        .all(db)
        .await?;
    let their_delegations: Vec<Uuid> = people.iter().filter_map(|u| u.delegation_id).collect();
    let names: HashMap<Uuid, DelegationRef> = delegations::Entity::find()
        .filter(delegations::Column::Id.is_in(their_delegations))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, DelegationRef { id: d.id, code: d.country_code, name: d.name }))
        .collect();
    Ok(people
        .into_iter()
        .map(|u| ParticipantView {
            id: u.id,
            name: u.name,
            delegation: u.delegation_id.and_then(|d| names.get(&d).cloned()),
        })
        .collect())
}
