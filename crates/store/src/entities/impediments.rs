//! The `impediments` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "impediments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub delegation_id: Uuid,
    pub visibility: String,
    pub reporting_country: String,
    pub partner: String,
    pub hs_code: Option<String>,
    pub ntm_code: String,
    pub ntm_chapter: String,
    pub title: String,
    pub description: String,
    pub severity: i16,
    pub frequency: String,
    pub estimated_cost: Option<f64>,
    pub currency: Option<String>,
    pub source: String,
    pub status: String,
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
