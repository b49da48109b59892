//! The `action_items` table: what a meeting decided someone will do, until done.

use gmc_domain::meeting::{ActionLinkKind, ActionStatus};
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "action_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub title: String,
    pub owner_user_id: Uuid,
    pub due_on: Date,
    pub status: DbEnum<ActionStatus>,
    pub linked_kind: Option<DbEnum<ActionLinkKind>>,
    pub linked_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
