//! Indexes for the sortable lists: `(key, id)` for each sort key of the large tables (impediments,
//! stakeholders, the audit log), so that a sorted page is a walk of one index that stops after the
//! page, in either direction, instead of a sort of every visible row.
//!
//! Text keys sort byte by byte on both engines (see `gmc_store::cursor`): SQLite's default BINARY
//! collation does that already, PostgreSQL needs the index declared `COLLATE "C"` to match the
//! `ORDER BY … COLLATE "C"` of the list. The portable index helpers cannot say `COLLATE`, so text
//! indexes are written per engine. On SQLite the existing `(partner, id)`, `(status, id)` and
//! `(country, id)` indexes already serve those sorts.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(name, table, column)` of the non-text sort keys.
const PLAIN: &[(&str, &str, &str)] = &[
    ("ix_impediments_sort_created", "impediments", "created_at"),
    ("ix_impediments_sort_updated", "impediments", "updated_at"),
    ("ix_impediments_sort_severity", "impediments", "severity"),
    ("ix_stakeholders_sort_created", "stakeholders", "created_at"),
    ("ix_audit_sort_at", "audit_events", "at"),
];

/// `(name, table, column, also on SQLite)` of the text sort keys.
const TEXT: &[(&str, &str, &str, bool)] = &[
    ("ix_impediments_sort_title", "impediments", "title", true),
    ("ix_impediments_sort_ntm_code", "impediments", "ntm_code", true),
    ("ix_impediments_sort_partner", "impediments", "partner", false),
    ("ix_impediments_sort_status", "impediments", "status", false),
    ("ix_stakeholders_sort_name", "stakeholders", "name", true),
    ("ix_stakeholders_sort_country", "stakeholders", "country", false),
    ("ix_audit_sort_action", "audit_events", "action", true),
];

/// `(created_at)` alone: `(created_at, id)` serves everything it did, and one index fewer to write.
const SUPERSEDED: &str = "ix_impediments_created";

fn text_indexes(backend: DbBackend) -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str, bool)> {
    TEXT.iter().filter(move |t| t.3 || backend == DbBackend::Postgres)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, col) in PLAIN {
            m.create_index(
                Index::create()
                    .name(*name)
                    .table(Alias::new(*table))
                    .col(Alias::new(*col))
                    .col(Alias::new("id"))
                    .to_owned(),
            )
            .await?;
        }
        let backend = m.get_database_backend();
        for (name, table, col, _) in text_indexes(backend) {
            let collate = if backend == DbBackend::Postgres { r#" COLLATE "C""# } else { "" };
            let sql = format!(r#"CREATE INDEX "{name}" ON "{table}" ("{col}"{collate}, "id")"#);
            m.get_connection().execute_unprepared(&sql).await?;
        }
        m.drop_index(Index::drop().name(SUPERSEDED).table(Alias::new("impediments")).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create().name(SUPERSEDED).table(Alias::new("impediments")).col(Alias::new("created_at")).to_owned(),
        )
        .await?;
        for (name, table, _, _) in text_indexes(m.get_database_backend()) {
            m.drop_index(Index::drop().name(*name).table(Alias::new(*table)).to_owned()).await?;
        }
        for (name, table, _) in PLAIN {
            m.drop_index(Index::drop().name(*name).table(Alias::new(*table)).to_owned()).await?;
        }
        Ok(())
    }
}
