//! The `briefing_requests` table: technical assistance a delegation asked for (issue 10).

use gmc_domain::briefing::{BriefingKind, BriefingStatus};
use gmc_domain::watch::Priority;
use gmc_domain::Visibility;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "briefing_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The requesting delegation.
    pub delegation_id: Uuid,
    pub kind: DbEnum<BriefingKind>,
    pub title: String,
    pub question: String,
    pub priority: DbEnum<Priority>,
    pub wished_date: Option<Date>,
    pub visibility: DbEnum<Visibility>,
    pub status: DbEnum<BriefingStatus>,
    /// The analyst doing the work; set when the request is accepted.
    pub assigned_to: Option<Uuid>,
    /// The date the analyst committed to when accepting.
    pub due_date: Option<Date>,
    pub decline_reason: Option<String>,
    pub delivered_at: Option<DateTimeUtc>,
    pub created_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
