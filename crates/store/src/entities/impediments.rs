//! The `impediments` table.

use gmc_domain::impediment::{Frequency, ImpedimentSource, ImpedimentStatus};
use gmc_domain::Visibility;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "impediments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub delegation_id: Uuid,
    pub visibility: DbEnum<Visibility>,
    pub reporting_country: String,
    pub partner: String,
    pub hs_code: Option<String>,
    pub ntm_code: String,
    pub ntm_chapter: String,
    pub title: String,
    pub description: String,
    pub severity: i16,
    pub frequency: DbEnum<Frequency>,
    pub estimated_cost: Option<f64>,
    pub currency: Option<String>,
    pub source: DbEnum<ImpedimentSource>,
    pub status: DbEnum<ImpedimentStatus>,
    pub raised_body: Option<String>,
    pub raised_on: Option<Date>,
    pub created_by: Option<Uuid>,
    pub sector: Option<String>,
    pub stakeholder_id: Option<Uuid>,
    pub response_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
