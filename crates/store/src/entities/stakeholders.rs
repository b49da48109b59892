//! The `stakeholders` table. The `contact_*` and `consent_*` columns are personal data (DESIGN §5).

use gmc_domain::stakeholder::{SizeClass, StakeholderKind};
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "stakeholders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub delegation_id: Uuid,
    pub external_id: Option<String>,
    pub name: String,
    pub kind: DbEnum<StakeholderKind>,
    pub country: String,
    pub sector: String,
    pub size_class: DbEnum<SizeClass>,
    pub employees: Option<i32>,
    pub women_led: bool,
    pub exporter: bool,
    pub importer: bool,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub consent_purpose: Option<String>,
    pub consent_at: Option<Date>,
    pub user_id: Option<Uuid>,
    pub erased_at: Option<DateTimeUtc>,
    pub created_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
