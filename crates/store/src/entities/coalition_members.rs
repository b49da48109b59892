//! The `coalition_members` table: which delegations belong to a coalition (and so read its records).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "coalition_members")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub coalition_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub delegation_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
