//! The `responses` table: one submitted questionnaire with the respondent's anonymous profile.

use gmc_domain::consultation::Channel;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "responses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub consultation_id: Uuid,
    pub stakeholder_id: Option<Uuid>,
    pub channel: DbEnum<Channel>,
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
