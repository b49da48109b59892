//! The `prep_items` table: ministerial preparation items, owned by a delegation or a coalition.

use gmc_domain::prep::{Interest, PrepKind, PrepStatus};
use gmc_domain::watch::Priority;
use gmc_domain::Visibility;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "prep_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub ministerial_id: Uuid,
    /// Exactly one of `delegation_id` and `coalition_id` is set.
    pub delegation_id: Option<Uuid>,
    pub coalition_id: Option<Uuid>,
    pub visibility: DbEnum<Visibility>,
    pub title: String,
    pub summary: String,
    pub kind: DbEnum<PrepKind>,
    pub interest: DbEnum<Interest>,
    pub priority: DbEnum<Priority>,
    pub status: DbEnum<PrepStatus>,
    pub deadline: Option<Date>,
    pub responsible_user_id: Option<Uuid>,
    pub outcome_text: Option<String>,
    pub outcome_date: Option<Date>,
    pub outcome_body: Option<String>,
    /// The number of the latest text version; 0 while there is none.
    pub text_number: i32,
    pub created_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
