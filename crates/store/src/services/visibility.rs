//! The SQL form of `policy::read_scope`, for any table of delegation-owned records. Every list, filter
//! and search over such a table starts from this condition, so none can reach a hidden record.

use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{can_write, read_scope, ReadScope};
use gmc_domain::{Actor, ValidationErrors, Visibility};
use sea_orm::sea_query::{Condition, Query};
use sea_orm::ColumnTrait;
use uuid::Uuid;

use crate::entities::coalition_members;
use crate::{AppError, AppResult};

pub fn read_condition(actor: &Actor, visibility: impl ColumnTrait, delegation: impl ColumnTrait) -> Condition {
    match read_scope(actor) {
        ReadScope::All => Condition::all(),
        scope @ ReadScope::Visible { own, .. } => {
            let shared: Vec<&str> = scope.shared_visibilities().into_iter().map(Visibility::as_str).collect();
            let mut c = Condition::any().add(visibility.is_in(shared));
            if let Some(own) = own {
                c = c.add(delegation.eq(own.as_uuid()));
            }
            c
        }
    }
}

/// `read_condition` for a table whose records a delegation or a coalition owns (prep items): a
/// coalition's member delegations read its records as owners (`policy::Owner::Coalition`).
pub fn shared_read_condition(
    actor: &Actor,
    visibility: impl ColumnTrait,
    delegation: impl ColumnTrait,
    coalition: impl ColumnTrait,
) -> Condition {
    let base = read_condition(actor, visibility, delegation);
    match read_scope(actor) {
        ReadScope::Visible { own: Some(own), .. } => base.add(
            coalition.in_subquery(
                Query::select()
                    .column(coalition_members::Column::CoalitionId)
                    .from(coalition_members::Entity)
                    .and_where(coalition_members::Column::DelegationId.eq(own.as_uuid()))
                    .to_owned(),
            ),
        ),
        _ => base,
    }
}

/// The delegation a new record will belong to: the one named (admins), else the actor's own; and the
/// actor must be allowed to write there.
pub fn owning_delegation(actor: &Actor, requested: Option<Uuid>) -> AppResult<DelegationId> {
    let delegation = match (requested, actor.delegation_id) {
        (Some(d), _) => DelegationId::from_uuid(d),
        (None, Some(own)) => own,
        (None, None) => {
            return Err(ValidationErrors::single(
                "delegation_id",
                "required",
                "is required for a user without a delegation",
            )
            .into())
        }
    };
    if !can_write(actor, delegation) {
        return Err(AppError::Forbidden);
    }
    Ok(delegation)
}
