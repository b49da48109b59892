//! The `countries` table.

use gmc_domain::reference::{Region, WtoStatus};
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "countries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name: String,
    pub region: DbEnum<Region>,
    pub wto_status: DbEnum<WtoStatus>,
    pub wto_member_since: Option<Date>,
    pub ldc: bool,
    pub ldc_graduation_date: Option<Date>,
    pub capital: String,
    pub time_zone: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
