//! An index for the registry's text search (`q`: title or description contains the text, ignoring
//! case), which otherwise reads every readable row. Each engine gets the index it has:
//!
//! - **SQLite:** an FTS5 table with the `trigram` tokenizer (case-insensitive) over title and
//!   description. It stores no text of its own (`content='impediments'`): it indexes the rows of
//!   `impediments` by their rowid (the table has one: it is not `WITHOUT ROWID`) and is kept in step by
//!   the triggers below, the pattern of the FTS5 documentation for external-content tables. The list
//!   narrows to its matches and keeps the `LIKE` as the exact rule (`services::impediments::search`).
//! - **PostgreSQL:** `pg_trgm` GIN indexes on `lower(title)` and `lower(description)`, which serve the
//!   list's `lower(col) LIKE '%…%'` as it is. `pg_trgm` ships with PostgreSQL's contrib package and is a
//!   trusted extension, so a database owner without superuser rights may create it.
//!
//! The FTS rows are keyed by rowid, and the rowid of a table without an `INTEGER PRIMARY KEY` is not
//! guaranteed to survive a `VACUUM` (the bundled SQLite keeps it, but documents no promise). Should it
//! ever change, `INSERT INTO impediments_fts(impediments_fts) VALUES('rebuild')` re-indexes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE impediments_fts USING fts5(title, description, content='impediments', \
     content_rowid='rowid', tokenize='trigram case_sensitive 0')",
    "CREATE TRIGGER impediments_fts_insert AFTER INSERT ON impediments BEGIN \
     INSERT INTO impediments_fts(rowid, title, description) VALUES (new.rowid, new.title, new.description); \
     END",
    // External content: the old text must be handed back for its tokens to be removed.
    "CREATE TRIGGER impediments_fts_delete AFTER DELETE ON impediments BEGIN \
     INSERT INTO impediments_fts(impediments_fts, rowid, title, description) \
     VALUES ('delete', old.rowid, old.title, old.description); \
     END",
    // Only when the indexed text is written: workflow steps (status, version) cost nothing here.
    "CREATE TRIGGER impediments_fts_update AFTER UPDATE OF title, description ON impediments BEGIN \
     INSERT INTO impediments_fts(impediments_fts, rowid, title, description) \
     VALUES ('delete', old.rowid, old.title, old.description); \
     INSERT INTO impediments_fts(rowid, title, description) VALUES (new.rowid, new.title, new.description); \
     END",
    // The rows already there.
    "INSERT INTO impediments_fts(impediments_fts) VALUES ('rebuild')",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS impediments_fts_update",
    "DROP TRIGGER IF EXISTS impediments_fts_delete",
    "DROP TRIGGER IF EXISTS impediments_fts_insert",
    "DROP TABLE IF EXISTS impediments_fts",
];

const POSTGRES_UP: &[&str] = &[
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_impediments_title_trgm ON impediments USING gin (lower(title) gin_trgm_ops)",
    "CREATE INDEX ix_impediments_description_trgm ON impediments USING gin (lower(description) gin_trgm_ops)",
    // The planner estimates `lower(col) LIKE '%…%'` from these expressions' sampled values. With the
    // default 100 histogram entries a rare text (`record 4242`: 11 of 100,000 rows) was estimated at
    // 1%, and a page walked the primary key through every row (176 ms) instead of taking the index's
    // few matches (2.4 ms); 1,000 entries estimate it right. ANALYZE then reads 300,000 sampled rows
    // instead of 30,000 (at 100,000 rows: 0.43–0.49 s either way).
    "ALTER INDEX ix_impediments_title_trgm ALTER COLUMN 1 SET STATISTICS 1000",
    "ALTER INDEX ix_impediments_description_trgm ALTER COLUMN 1 SET STATISTICS 1000",
    // Creating an index collects no statistics on its expressions, and autovacuum analyses only after
    // ~10% of the rows change: a read-mostly registry would plan without them for a long time.
    "ANALYZE impediments",
];

// The extension stays: other objects may come to use it, and dropping it needs its owner.
const POSTGRES_DOWN: &[&str] =
    &["DROP INDEX IF EXISTS ix_impediments_description_trgm", "DROP INDEX IF EXISTS ix_impediments_title_trgm"];

async fn run(m: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    for sql in statements {
        m.get_connection().execute_unprepared(sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        match m.get_database_backend() {
            DbBackend::Postgres => run(m, POSTGRES_UP).await,
            _ => run(m, SQLITE_UP).await,
        }
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        match m.get_database_backend() {
            DbBackend::Postgres => run(m, POSTGRES_DOWN).await,
            _ => run(m, SQLITE_DOWN).await,
        }
    }
}
