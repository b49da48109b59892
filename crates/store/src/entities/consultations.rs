//! The `consultations` table; `languages`, `topic_ids`, `questions`, `translations` and `feedback` hold JSON.

use gmc_domain::consultation::ConsultationStatus;
use gmc_domain::Visibility;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "consultations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub delegation_id: Option<Uuid>,
    pub visibility: DbEnum<Visibility>,
    pub title: String,
    pub description: String,
    pub status: DbEnum<ConsultationStatus>,
    pub languages: String,
    pub topic_ids: String,
    pub questions: String,
    pub opens_at: Option<DateTimeUtc>,
    pub closes_at: Option<DateTimeUtc>,
    pub token: String,
    pub created_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The title and description in the other languages: `{"bn": {"title": …, "description": …}}`.
    pub translations: String,
    /// The "you said, we did" note by language, once published.
    pub feedback: Option<String>,
    pub feedback_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
