//! `stakeholders.user_id` unique only where it is set (issue 11, import throughput). Most stakeholders
//! have no linked account, and a full unique index stored every one of their NULLs: one more index
//! entry to write per imported row for no lookup, since every query on the column asks for one user
//! (`user_id = ?`, which both engines answer from a partial index that leaves NULLs out). The same
//! statement text is valid on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

// The new index has a new name and is created before the old one is dropped: on SQLite, a CREATE
// right after a DROP of the same name in one migration was refused as "already exists".
const PARTIAL: &str = "CREATE UNIQUE INDEX ux_stakeholders_user_id ON stakeholders (user_id) WHERE user_id IS NOT NULL";
const FULL: &str = "CREATE UNIQUE INDEX ux_stakeholders_user ON stakeholders (user_id)";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared(PARTIAL).await?;
        db.execute_unprepared("DROP INDEX ux_stakeholders_user").await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared(FULL).await?;
        db.execute_unprepared("DROP INDEX ux_stakeholders_user_id").await?;
        Ok(())
    }
}
