//! The `prep_item_steps` table: each workflow step of a prep item (its kept history).

use gmc_domain::prep::PrepStatus;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "prep_item_steps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub prep_item_id: Uuid,
    pub from_status: Option<DbEnum<PrepStatus>>,
    pub to_status: DbEnum<PrepStatus>,
    pub note: String,
    pub actor_id: Option<Uuid>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
