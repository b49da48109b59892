//! The `meeting_invitations` table: one invited delegation or user per row, with its answer.

use gmc_domain::meeting::Rsvp;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting_invitations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub meeting_id: Uuid,
    /// Exactly one of `delegation_id` and `user_id` is set.
    pub delegation_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    pub response: DbEnum<Rsvp>,
    pub responded_at: Option<DateTimeUtc>,
    pub responded_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
