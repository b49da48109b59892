//! The `documents` table: the library's documents — regional updates, briefing notes, studies, minutes,
//! submissions — owned by a delegation or, when `delegation_id` is empty, published platform-wide.

use gmc_domain::document::DocumentKind;
use gmc_domain::Visibility;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: DbEnum<DocumentKind>,
    pub title: String,
    pub summary: String,
    pub visibility: DbEnum<Visibility>,
    /// The owner delegation; none for a platform-wide document published by an analyst or admin.
    pub delegation_id: Option<Uuid>,
    pub created_by: Uuid,
    /// The number of the latest version; 0 while there is none.
    pub current_version: i32,
    /// Optimistic lock.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
