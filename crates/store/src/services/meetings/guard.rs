//! Who reads a meeting: the policy's `can_read_invited` for one row (`access::Guarded`), and its SQL
//! form for lists and feeds. A leaf module, so the list, the feed and the writes share it.

use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{read_scope, Ownership, ReadScope};
use gmc_domain::Actor;
use sea_orm::sea_query::{Condition, Query};
use sea_orm::ColumnTrait;

use crate::entities::{meeting_invitations, meetings};
use crate::services::access::{Guard, Guarded};
use crate::AppResult;

impl Guarded for meetings::Model {
    const NOUN: &'static str = "meeting";

    fn guard(&self) -> AppResult<Guard> {
        Ok(Guard::Invited {
            meeting_id: self.id,
            record: Ownership {
                delegation_id: DelegationId::from_uuid(self.delegation_id),
                visibility: self.visibility.0,
            },
        })
    }
}

/// The meetings an actor may read, as SQL: `visibility::read_condition`, or an invitation of the
/// actor's delegation or of the actor. The same rule as `policy::can_read_invited`.
pub(crate) fn read_condition(actor: &Actor) -> Condition {
    let base = crate::services::visibility::read_condition(
        actor,
        meetings::Column::Visibility,
        meetings::Column::DelegationId,
    );
    if matches!(read_scope(actor), ReadScope::All) {
        return base;
    }
    let mut invited = Condition::any().add(meeting_invitations::Column::UserId.eq(actor.user_id.as_uuid()));
    if let Some(d) = actor.delegation_id {
        invited = invited.add(meeting_invitations::Column::DelegationId.eq(d.as_uuid()));
    }
    base.add(
        meetings::Column::Id.in_subquery(
            Query::select()
                .column(meeting_invitations::Column::MeetingId)
                .from(meeting_invitations::Entity)
                .cond_where(invited)
                .to_owned(),
        ),
    )
}
