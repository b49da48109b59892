//! One way to fetch a single guarded record for an actor: `find_readable`, `find_writable`, and
//! `find_visible` for an operation that is neither. Each record type says only what the policy needs to
//! know about a row (`Guarded::guard`); what that means for the actor is `gmc_domain::policy`'s.
//!
//! A record the actor may not read answers 404, never 403, so its existence is not confirmed; one it
//! may read but not change answers 403.

use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::policy::{self, authorize, Operation, Owner, Ownership};
use gmc_domain::{Actor, Visibility};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait, PrimaryKeyTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::column::DbEnum;
use crate::entities::{briefing_deliverables, briefing_requests, coalition_members, meeting_invitations};
use crate::{AppError, AppResult};
use gmc_domain::briefing::BriefingStatus;

/// What the policy reads of a record to decide who may read and write it.
pub(crate) enum Guard {
    /// A delegation's record, shared by its visibility (impediments, watch items).
    Owned(Ownership),
    /// A record that may belong to no delegation — a regional one, the secretariat's (consultations).
    MaybeOwned { owner: Option<DelegationId>, visibility: Visibility },
    /// A stakeholder: no visibility, read by its delegation and by the account linked to it.
    Stakeholder { owner: DelegationId, linked_user: Option<UserId> },
    /// A record a coalition owns (prep items): its member delegations stand where an owning delegation
    /// stands (`policy::Owner`). The members are read when the record is, so a membership change
    /// applies at once.
    Coalition { coalition_id: Uuid, visibility: Visibility },
    // issue 10: meetings
    /// A meeting: a delegation's record that its invitees also read (`policy::can_read_invited`);
    /// only the organising delegation writes it. The invitees are read with the record.
    Invited { meeting_id: Uuid, record: Ownership },
    // issue 10: briefings
    /// A briefing request: its delegation, its analyst and the queue (`policy::can_read_briefing`).
    Briefing(policy::BriefingFacts),
    /// A library document: by owner and visibility (`MaybeOwned`), and for the analyst assigned to a
    /// request it is delivered for (`policy::can_read_document`); looked up only when that decides.
    Document { id: Uuid, owner: Option<DelegationId>, visibility: Visibility },
    // issue 11: import-ui
    /// A record only the user who made it (and admins) may read and nobody changes: an import
    /// (`policy::can_read_import`), so that its webhook event reaches no other subscriber.
    Creator { created_by: UserId },
}

impl Guard {
    async fn readable_by<C: ConnectionTrait>(&self, db: &C, actor: &Actor) -> AppResult<bool> {
        Ok(match *self {
            Guard::Owned(record) => policy::can_read(actor, record),
            Guard::MaybeOwned { owner, visibility } => policy::can_read_owned(actor, owner, visibility),
            Guard::Stakeholder { owner, linked_user } => policy::can_read_stakeholder(actor, owner, linked_user),
            Guard::Coalition { coalition_id, visibility } => {
                let members = coalition_members_of(db, coalition_id).await?;
                policy::can_read_shared(actor, Owner::Coalition { members: &members }, visibility)
            }
            // issue 10: meetings
            Guard::Invited { meeting_id, record } => {
                let (delegations, users) = meeting_invitees_of(db, meeting_id).await?;
                policy::can_read_invited(actor, record, policy::Invitees { delegations: &delegations, users: &users })
            }
            // issue 10: briefings
            Guard::Briefing(facts) => policy::can_read_briefing(actor, facts),
            Guard::Document { id, owner, visibility } => {
                policy::can_read_owned(actor, owner, visibility)
                    || policy::can_read_document(actor, owner, visibility, delivered_for(db, actor, id).await?)
            }
            // issue 11: import-ui
            Guard::Creator { created_by } => policy::can_read_import(actor, created_by),
        })
    }

    async fn writable_by<C: ConnectionTrait>(&self, db: &C, actor: &Actor) -> AppResult<bool> {
        Ok(match *self {
            Guard::Owned(record) => policy::can_write(actor, record.delegation_id),
            Guard::MaybeOwned { owner, .. } => policy::can_write_owned(actor, owner),
            Guard::Stakeholder { owner, .. } => policy::can_write(actor, owner),
            Guard::Coalition { coalition_id, .. } => {
                let members = coalition_members_of(db, coalition_id).await?;
                policy::can_write_shared(actor, Owner::Coalition { members: &members })
            }
            // issue 10: meetings
            Guard::Invited { record, .. } => policy::can_write(actor, record.delegation_id),
            // issue 10: briefings
            Guard::Briefing(facts) => policy::can_edit_briefing(actor, facts),
            Guard::Document { id, owner, .. } => {
                policy::can_write_document(actor, owner)
                    || policy::can_change_document(actor, owner, delivered_for(db, actor, id).await?)
            }
            // issue 11: import-ui
            Guard::Creator { .. } => false,
        })
    }
}

/// The member delegations of a coalition, as the policy's `Owner::Coalition` wants them.
pub(crate) async fn coalition_members_of<C: ConnectionTrait>(
    db: &C,
    coalition_id: Uuid,
) -> AppResult<Vec<DelegationId>> {
    let ids: Vec<Uuid> = coalition_members::Entity::find()
        .select_only()
        .column(coalition_members::Column::DelegationId)
        .filter(coalition_members::Column::CoalitionId.eq(coalition_id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().map(DelegationId::from_uuid).collect())
}

// issue 10: meetings
/// A meeting's invited delegations and users, as the policy's `Invitees` wants them.
pub(crate) async fn meeting_invitees_of<C: ConnectionTrait>(
    db: &C,
    meeting_id: Uuid,
) -> AppResult<(Vec<DelegationId>, Vec<UserId>)> {
    let rows = meeting_invitations::Entity::find()
        .filter(meeting_invitations::Column::MeetingId.eq(meeting_id))
        .all(db)
        .await?;
    let ds = rows.iter().filter_map(|r| r.delegation_id).map(DelegationId::from_uuid).collect();
    let us = rows.iter().filter_map(|r| r.user_id).map(UserId::from_uuid).collect();
    Ok((ds, us))
}

/// Whether `document_id` is delivered for briefing requests assigned to the actor, and whether one of them
/// is still open. Only analysts are ever assigned, so for anyone else it asks nothing.
pub(crate) async fn delivered_for<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    document_id: Uuid,
) -> AppResult<policy::DeliveredFor> {
    if actor.role != gmc_domain::Role::Analyst {
        return Ok(policy::DeliveredFor::NotAssigned);
    }
    let requests: Vec<Uuid> = briefing_deliverables::Entity::find()
        .select_only()
        .column(briefing_deliverables::Column::BriefingRequestId)
        .filter(briefing_deliverables::Column::DocumentId.eq(document_id))
        .into_tuple()
        .all(db)
        .await?;
    if requests.is_empty() {
        return Ok(policy::DeliveredFor::NotAssigned);
    }
    let statuses: Vec<DbEnum<BriefingStatus>> = briefing_requests::Entity::find()
        .select_only()
        .column(briefing_requests::Column::Status)
        .filter(briefing_requests::Column::Id.is_in(requests))
        .filter(briefing_requests::Column::AssignedTo.eq(actor.user_id.as_uuid()))
        .into_tuple()
        .all(db)
        .await?;
    if statuses.is_empty() {
        return Ok(policy::DeliveredFor::NotAssigned);
    }
    Ok(policy::DeliveredFor::Assigned { open: statuses.iter().any(|s| s.0.is_open_work()) })
}

/// A record type fetched one at a time through this module: its rows are keyed by a UUID.
pub(crate) trait Guarded:
    ModelTrait<Entity: EntityTrait<Model = Self, PrimaryKey: PrimaryKeyTrait<ValueType = Uuid>>>
{
    /// The noun of its "not found" (e.g. "watch item").
    const NOUN: &'static str;

    fn guard(&self) -> AppResult<Guard>;
}

/// The record if the actor may read it (the read operation, then the record's policy), else "not found".
pub(crate) async fn find_readable<M: Guarded, C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> AppResult<M> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    find_visible(db, actor, id).await
}

/// A readable record the actor may also change, else "forbidden".
pub(crate) async fn find_writable<M: Guarded, C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> AppResult<M> {
    let row: M = find_readable(db, actor, id).await?;
    if !row.guard()?.writable_by(db, actor).await? {
        return Err(AppError::Forbidden);
    }
    Ok(row)
}

/// The record if the record's policy lets the actor read it, else "not found" — without the read
/// operation, for a request authorized as another operation by its caller (an impediment's workflow
/// step, `Operation::StepImpediments`, which a write-scoped key may take without the read scope).
pub(crate) async fn find_visible<M: Guarded, C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> AppResult<M> {
    let row = M::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound(M::NOUN))?;
    if !row.guard()?.readable_by(db, actor).await? {
        return Err(AppError::NotFound(M::NOUN));
    }
    Ok(row)
}
