//! The `impediment_steps` table: each workflow step, with its note (the history shown to users).

use gmc_domain::impediment::ImpedimentStatus;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "impediment_steps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub impediment_id: Uuid,
    pub from_status: Option<DbEnum<ImpedimentStatus>>,
    pub to_status: DbEnum<ImpedimentStatus>,
    pub note: String,
    pub actor_id: Option<Uuid>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
