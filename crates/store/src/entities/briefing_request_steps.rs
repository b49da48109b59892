//! The `briefing_request_steps` table: each workflow step of a briefing request (its kept history).

use gmc_domain::briefing::BriefingStatus;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "briefing_request_steps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub briefing_request_id: Uuid,
    /// `None` for the first step (requested).
    pub from_status: Option<DbEnum<BriefingStatus>>,
    pub to_status: DbEnum<BriefingStatus>,
    pub note: String,
    pub actor_id: Option<Uuid>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
