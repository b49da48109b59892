//! The registry's list indexes hold the two columns of the read condition (`visibility`,
//! `delegation_id`) after their keys, so that a walk or a count tests "may this caller read it" inside
//! the index. Before, each index entry walked cost a fetch of the whole table row (description
//! included) just for that test: 41% of SQLite's CPU under `make bench-mixed` (docs/benchmarks.md,
//! "Where the time goes"). A page then fetches rows only for the entries it returns.
//!
//! Each index keeps its name and its leading columns, so every query that used it still does; only
//! trailing columns are added. `ix_impediments_readable` is new: the default order (by id, newest
//! first) walks it instead of the primary key. Text sort keys compare byte by byte on PostgreSQL
//! (`COLLATE "C"`, as in m20261202_000013).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The read condition's columns, appended to every index below.
const READ: &[&str] = &["visibility", "delegation_id"];

/// The registry's common filters, appended to the sort indexes too: a sorted list walks its sort index
/// (the list tells SQLite's planner so) and tests the filters there, fetching rows only for the page.
const FILTERS: &[&str] = &["partner", "ntm_chapter", "status", "reporting_country", "severity"];

/// One index of `impediments`: its name, its columns before this migration, whether it orders a sort
/// (it then gets the filter columns too), whether its first column is a text sort key (COLLATE "C" on
/// PostgreSQL), and whether it exists on SQLite (some text sort indexes are PostgreSQL-only: SQLite's
/// filter indexes already serve those sorts).
struct Ix {
    name: &'static str,
    cols: &'static [&'static str],
    sort: bool,
    text_sort: bool,
    on_sqlite: bool,
}

const fn ix(name: &'static str, cols: &'static [&'static str]) -> Ix {
    Ix { name, cols, sort: false, text_sort: false, on_sqlite: true }
}

const fn sort(name: &'static str, cols: &'static [&'static str]) -> Ix {
    Ix { name, cols, sort: true, text_sort: false, on_sqlite: true }
}

const fn text_sort(name: &'static str, cols: &'static [&'static str], on_sqlite: bool) -> Ix {
    Ix { name, cols, sort: true, text_sort: true, on_sqlite }
}

const INDEXES: &[Ix] = &[
    ix("ix_impediments_status", &["status", "id"]),
    ix("ix_impediments_country", &["reporting_country", "id"]),
    ix("ix_impediments_partner", &["partner", "id"]),
    ix("ix_impediments_chapter", &["ntm_chapter", "id"]),
    ix("ix_impediments_partner_chapter", &["partner", "ntm_chapter", "id"]),
    ix("ix_impediments_hs", &["hs_code"]),
    sort("ix_impediments_sort_created", &["created_at", "id"]),
    sort("ix_impediments_sort_updated", &["updated_at", "id"]),
    sort("ix_impediments_sort_severity", &["severity", "id"]),
    text_sort("ix_impediments_sort_title", &["title", "id"], true),
    text_sort("ix_impediments_sort_ntm_code", &["ntm_code", "id"], true),
    text_sort("ix_impediments_sort_partner", &["partner", "id"], false),
    text_sort("ix_impediments_sort_status", &["status", "id"], false),
];

/// New here: the default order's walk.
const READABLE: &str = "ix_impediments_readable";

/// `extra`: the columns added after the index's own (none going down).
fn create_sql(backend: DbBackend, name: &str, ix: &Ix, extra: &[&str]) -> String {
    let cols: Vec<String> = ix
        .cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 && ix.text_sort && backend == DbBackend::Postgres {
                format!(r#""{c}" COLLATE "C""#)
            } else {
                format!(r#""{c}""#)
            }
        })
        .chain(extra.iter().map(|c| format!(r#""{c}""#)))
        .chain(
            // A sort index also gets the filters, but only when going up (`extra` non-empty).
            FILTERS
                .iter()
                .filter(|c| ix.sort && !extra.is_empty() && !ix.cols.contains(c))
                .map(|c| format!(r#""{c}""#)),
        )
        .collect();
    format!(r#"CREATE INDEX "{name}" ON "impediments" ({})"#, cols.join(", "))
}

/// The statements that drop and recreate each index with `extra` trailing columns. Each direction runs
/// as one batch: on SQLite the pool may run separate statements on separate connections, and one that
/// has not yet seen a drop refuses the create ("already exists").
fn rebuild(backend: DbBackend, extra: &[&str]) -> Vec<String> {
    INDEXES
        .iter()
        .filter(|ix| ix.on_sqlite || backend == DbBackend::Postgres)
        .flat_map(|ix| [format!(r#"DROP INDEX "{}""#, ix.name), create_sql(backend, ix.name, ix, extra)])
        .collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let backend = m.get_database_backend();
        let mut sql = rebuild(backend, READ);
        sql.push(create_sql(backend, READABLE, &ix(READABLE, &["id"]), READ));
        m.get_connection().execute_unprepared(&sql.join(";\n")).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut sql = vec![format!(r#"DROP INDEX "{READABLE}""#)];
        sql.extend(rebuild(m.get_database_backend(), &[]));
        m.get_connection().execute_unprepared(&sql.join(";\n")).await?;
        Ok(())
    }
}
