//! The `read_model_changes` table: which record each numbered change to the registry's tables
//! touched. Written only by the database's own triggers (migration 000031), read by the registry's
//! read model (`crate::services::impediments::model`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "read_model_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// SQLite numbers each change; PostgreSQL each transaction, shared by the rows it changed.
    pub generation: i64,
    /// `impediment`, `stakeholder`, `topic`, or `all` (a `TRUNCATE`: everything may have changed).
    pub kind: String,
    pub record_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
