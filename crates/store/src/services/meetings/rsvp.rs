//! Answering an invitation. An invitee answers only for itself: a person for their own invitation, a
//! member of an invited delegation for the delegation's. Anyone else who reads the meeting is refused
//! (403); one who cannot read it gets 404 like everyone else.

use chrono::Utc;
use gmc_domain::error::parse_enum;
use gmc_domain::meeting::{MeetingStatus, Rsvp};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, Role, ValidationErrors};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::view::{self, MeetingView};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{meeting_invitations, meetings};
use crate::services::access::find_visible;
use crate::{AppError, AppResult};

// The body of `PUT /meetings/{id}/rsvp`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = RsvpRequest))]
pub struct RsvpInput {
    /// `yes`, `no` or `tentative`.
    #[cfg_attr(feature = "openapi", schema(value_type = Rsvp, example = "yes"))]
    pub response: String,
}

pub async fn rsvp(db: &DatabaseConnection, actor: &Actor, id: Uuid, input: RsvpInput) -> AppResult<MeetingView> {
    authorize(actor, Operation::AnswerInvitation)?;
    let row: meetings::Model = find_visible(db, actor, id).await?;
    let response = match parse_enum::<Rsvp>(&input.response) {
        Ok(Rsvp::Pending) => {
            return Err(ValidationErrors::single("response", "invalid_choice", "must be yes, no or tentative").into())
        }
        Ok(r) => r,
        Err(p) => return Err(ValidationErrors::single("response", p.code, p.message).into()),
    };
    let invitations =
        meeting_invitations::Entity::find().filter(meeting_invitations::Column::MeetingId.eq(id)).all(db).await?;
    let own_delegation = actor.delegation_id.filter(|_| matches!(actor.role, Role::Delegate | Role::FocalPoint));
    let mine = invitations
        .iter()
        .find(|i| i.user_id == Some(actor.user_id.as_uuid()))
        .or_else(|| {
            invitations
                .iter()
                .find(|i| i.delegation_id.is_some() && i.delegation_id == own_delegation.map(|d| d.as_uuid()))
        })
        .cloned();
    let Some(invitation) = mine else {
        return Err(AppError::Forbidden);
    };
    if row.status.0 == MeetingStatus::Cancelled {
        return Err(AppError::Conflict("the meeting is cancelled".into()));
    }
    let txn = AuditedTxn::begin(db).await?;
    let before = invitation.response.0;
    let mut m = invitation.clone().into_active_model();
    m.response = Set(response.into());
    m.responded_at = Set(Some(Utc::now()));
    m.responded_by = Set(Some(actor.user_id.as_uuid()));
    m.update(&txn).await?;
    let audit = AuditEntry::by(actor, "meeting.rsvp", "meeting", row.id)
        .delegation(row.delegation_id)
        .changes(json!({"invitation_id": invitation.id, "response": {"from": before, "to": response}}));
    let view = view::one(&txn, actor, row).await?;
    txn.commit(audit).await?;
    Ok(view)
}
