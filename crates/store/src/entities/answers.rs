//! The `answers` table: one row per answer (per chosen option), with the profile copied from the response.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub response_id: Uuid,
    pub consultation_id: Uuid,
    pub question: String,
    pub seq: i16,
    pub choice: Option<String>,
    pub value: Option<f64>,
    pub text: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
    pub submitted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
