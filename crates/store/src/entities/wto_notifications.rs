//! The `wto_notifications` table: public WTO SPS/TBT notifications (issue 11, part 6).

use gmc_domain::wto::Agreement;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "wto_notifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub symbol: String,
    pub agreement: DbEnum<Agreement>,
    pub notifying_member: String,
    pub distributed_on: Date,
    /// Digit prefixes separated by single spaces (`wto_notifications::hs_list` reads them back).
    pub hs_codes: String,
    pub products: String,
    pub objective: String,
    pub title: String,
    pub comment_deadline: Option<Date>,
    pub imported_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
