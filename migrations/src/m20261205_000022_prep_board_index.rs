//! The ministerial board (`GET /prep-items/board`) numbers the readable items of a ministerial within
//! each status by deadline, none last. This index holds everything that numbering reads — the
//! ministerial and status it partitions by, the deadline order (`deadline IS NULL` first, so items
//! without one come last on both engines), and the read condition's and filters' columns — so the
//! 2,000 items of a large ministerial are counted and numbered inside the index, and whole rows are
//! fetched only for the cards shown (20 a column). Before it, every item's row was fetched to test it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

// The same statement on both engines: an expression in parentheses is a key on SQLite and PostgreSQL.
const CREATE: &str = "CREATE INDEX ix_prep_items_board_cards ON prep_items \
    (ministerial_id, status, (deadline IS NULL), deadline, id, visibility, delegation_id, coalition_id, interest)";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection().execute_unprepared(CREATE).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection().execute_unprepared("DROP INDEX ix_prep_items_board_cards").await?;
        Ok(())
    }
}
