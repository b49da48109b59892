//! The `responses` table: one submitted questionnaire with the respondent's anonymous profile.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "responses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub consultation_id: Uuid,
    pub stakeholder_id: Option<Uuid>,
    pub channel: String,
    pub lang: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
    pub external_id: Option<String>,
    pub submitted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
