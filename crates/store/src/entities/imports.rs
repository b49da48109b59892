//! The `imports` table: one row per file loaded.

use gmc_domain::import::{ImportFormat, ImportKind, ImportMode, ImportStatus, OnError};
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "imports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: DbEnum<ImportKind>,
    pub format: DbEnum<ImportFormat>,
    pub mode: DbEnum<ImportMode>,
    pub dry_run: bool,
    pub on_error: DbEnum<OnError>,
    pub status: DbEnum<ImportStatus>,
    pub rows_total: i64,
    pub rows_inserted: i64,
    pub rows_updated: i64,
    pub rows_rejected: i64,
    pub created_by: Uuid,
    pub delegation_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
