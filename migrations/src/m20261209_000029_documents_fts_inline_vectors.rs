//! PostgreSQL keeps each document's `tsvector` in the index row itself (issue 10, search speed).
//!
//! A benchmark document's vector is ~3.4 KB and barely compresses, so under the default `EXTENDED`
//! storage PostgreSQL moved it out of line into the TOAST table: every `@@` recheck and every `ts_rank`
//! of the search's ranking window fetched it back through the TOAST index, which is what a phrase
//! query (whose recheck reads every candidate's positions) spent its 60–100 ms on. `MAIN` storage
//! keeps the vector in the heap row (the body text, which no search reads, still goes out of line
//! first), so a recheck reads the vector where the row is. Measured in docs/benchmarks.md ("Document
//! search, fifth round").
//!
//! Changing the storage applies to rows written afterwards, so the migration rewrites the existing
//! rows: setting `body` to itself recomputes the generated `tsv` and stores it the new way. SQLite's
//! FTS5 table has no such setting; there the migration does nothing.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] =
    &["ALTER TABLE documents_fts ALTER COLUMN tsv SET STORAGE MAIN", "UPDATE documents_fts SET body = body"];

const DOWN: &[&str] =
    &["ALTER TABLE documents_fts ALTER COLUMN tsv SET STORAGE EXTENDED", "UPDATE documents_fts SET body = body"];

async fn run(m: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    let db = m.get_connection();
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for sql in statements {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, UP).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, DOWN).await
    }
}
