//! The SQL form of `policy::read_scope`, for any table of delegation-owned records. Every list, filter
//! and search over such a table starts from this condition, so none can reach a hidden record.

use gmc_domain::policy::{read_scope, ReadScope};
use gmc_domain::{Actor, Visibility};
use sea_orm::sea_query::Condition;
use sea_orm::ColumnTrait;

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
