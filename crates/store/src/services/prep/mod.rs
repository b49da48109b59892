//! Ministerial preparation (issue 9): prep items owned by a delegation or a coalition, their workflow,
//! versioned texts and evidence. Reads go through `read_condition` (the SQL form of the policy, with
//! coalition members as owners); single records through `access::find_readable` / `find_writable`.

use gmc_domain::ids::DelegationId;
use gmc_domain::policy::Ownership;
use gmc_domain::Actor;
use sea_orm::sea_query::Condition;

use crate::entities::prep_items;
use crate::services::access::{Guard, Guarded};
use crate::{AppError, AppResult};

/// The prep items an actor may read, as SQL: own delegation's and own coalitions' at any visibility,
/// others' by visibility.
#[allow(dead_code)] // the list, board and report of the next commits read through it
pub(crate) fn read_condition(actor: &Actor) -> Condition {
    super::visibility::shared_read_condition(
        actor,
        prep_items::Column::Visibility,
        prep_items::Column::DelegationId,
        prep_items::Column::CoalitionId,
    )
}

impl Guarded for prep_items::Model {
    const NOUN: &'static str = "prep item";

    fn guard(&self) -> AppResult<Guard> {
        let visibility = self.visibility.0;
        match (self.delegation_id, self.coalition_id) {
            (Some(d), None) => Ok(Guard::Owned(Ownership { delegation_id: DelegationId::from_uuid(d), visibility })),
            (None, Some(coalition_id)) => Ok(Guard::Coalition { coalition_id, visibility }),
            // The service writes exactly one owner; a row with neither or both is damaged data, and
            // refusing it is safer than guessing who may read it.
            _ => Err(AppError::Internal(anyhow::anyhow!("prep item {} has no single owner", self.id))),
        }
    }
}
