//! The registry's change log (issue 8: the registry list without the database in its read path).
//!
//! The registry's read model (`gmc_store::services::impediments::model`) holds every impediment in
//! each API node's memory. Reloading 100,000 records whenever one changes is out of the question (the
//! registry changes several times a second), so the database says *which* records changed: a trigger
//! on every table the model reads adds one to the `registry` row of `read_model_generations` and writes
//! the new generation with the changed record's id into `read_model_changes`, in the writing
//! transaction. A node reads the generation before it serves; when it moved, it reads the changes
//! since the generation it holds and reloads only those records.
//!
//! Why the generations have no gaps and follow commit order: a change takes the counter's row lock and
//! holds it until its transaction commits, so a later change numbers itself only after the earlier
//! one is visible. A node therefore knows it has every change between two generations when it finds
//! every number in between; a missing one (entries pruned, hand-deleted) sends it to a full reload.
//! As in migration 000030, the PostgreSQL triggers are deferred constraint triggers, so the counter is
//! locked only as the transaction commits.
//!
//! PostgreSQL numbers each *transaction* once (the counter row remembers the transaction that last
//! moved it), and all the rows it changed share that number. Moving the counter once per row, as
//! SQLite does, made a bulk load quadratic there: every update of the same row in one transaction
//! walks the chain of that row's earlier versions, and seeding 100,000 impediments did not finish its
//! commit in twelve minutes. (SQLite updates a row in place.)
//!
//! The log keeps the latest `KEEP` changes: each change deletes the one `KEEP` before it, so it
//! never grows and never needs a job. A node further behind than that reloads everything.
//! It holds ids and numbers only, never a record's content (an erasure leaves nothing here).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

use crate::builders::col;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// How many changes the log keeps.
const KEEP: i64 = 100_000;

/// (table, kind of record logged, the id column logged, the events the model must see).
const WATCHED: &[(&str, &str, &str, &[&str])] = &[
    ("impediments", "impediment", "id", &["INSERT", "UPDATE", "DELETE"]),
    ("impediment_topics", "impediment", "impediment_id", &["INSERT", "UPDATE", "DELETE"]),
    // A linked stakeholder is shown only to who may read it: its owners decide. Not its insert: a new
    // firm matters only once an impediment links it, and that change brings its owners along (so a
    // stakeholder import writes no log at all).
    ("stakeholders", "stakeholder", "id", &["UPDATE OF delegation_id, user_id", "DELETE"]),
    // The `topic` filter names topics by code.
    ("topics", "topic", "id", &["INSERT", "UPDATE OF code", "DELETE"]),
];

fn trigger_name(table: &str, event: &str) -> String {
    let event = event.split_whitespace().next().unwrap_or(event).to_ascii_lowercase();
    format!("read_model_registry_{table}_{event}")
}

/// PostgreSQL: the same, numbered once per transaction.
fn log_pg(kind: &str, id: &str) -> String {
    format!(
        "UPDATE read_model_generations SET generation = generation + 1, txid = txid_current() \
         WHERE name = 'registry' AND txid IS DISTINCT FROM txid_current(); \
         INSERT INTO read_model_changes (generation, kind, record_id) \
         SELECT generation, '{kind}', {id} FROM read_model_generations WHERE name = 'registry'; \
         DELETE FROM read_model_changes WHERE generation = \
         (SELECT generation - {KEEP} FROM read_model_generations WHERE name = 'registry');"
    )
}

/// The statements that count one change of `kind` to the record `id` (an SQL expression).
fn log(kind: &str, id: &str) -> String {
    format!(
        "UPDATE read_model_generations SET generation = generation + 1 WHERE name = 'registry'; \
         INSERT INTO read_model_changes (generation, kind, record_id) \
         SELECT generation, '{kind}', {id} FROM read_model_generations WHERE name = 'registry'; \
         DELETE FROM read_model_changes WHERE generation = \
         (SELECT generation - {KEEP} FROM read_model_generations WHERE name = 'registry');"
    )
}

fn up_statements(backend: DbBackend) -> Vec<String> {
    let mut out = vec![
        "INSERT INTO read_model_generations (name, generation) VALUES ('registry', 0)".to_owned(),
        "CREATE INDEX ix_read_model_changes_generation ON read_model_changes (generation)".to_owned(),
    ];
    if backend == DbBackend::Postgres {
        out.insert(0, "ALTER TABLE read_model_generations ADD COLUMN txid BIGINT NULL".to_owned());
    }
    for (table, kind, id, events) in WATCHED {
        if backend == DbBackend::Postgres {
            out.push(format!(
                "CREATE FUNCTION read_model_registry_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
                 IF TG_OP = 'DELETE' THEN {} ELSE {} END IF; \
                 IF TG_OP = 'UPDATE' AND OLD.{id} IS DISTINCT FROM NEW.{id} THEN {} END IF; \
                 RETURN NULL; END $$",
                log_pg(kind, &format!("OLD.{id}")),
                log_pg(kind, &format!("NEW.{id}")),
                log_pg(kind, &format!("OLD.{id}")),
            ));
            // A `TRUNCATE` fires no row trigger: a change without a record (the nil id is not a gap
            // filler — the node sees the kind `all` and reloads everything).
            out.push(format!(
                "CREATE FUNCTION read_model_registry_{table}_truncate() RETURNS trigger LANGUAGE plpgsql AS \
                 $$ BEGIN {} RETURN NULL; END $$",
                log_pg("all", "NULL")
            ));
        }
        for event in *events {
            let name = trigger_name(table, event);
            let row = if event.starts_with("DELETE") { "OLD" } else { "NEW" };
            // An update of watched columns counts only when one of them really changed (an upsert
            // that rewrites every column must not log every row).
            let when = match event.strip_prefix("UPDATE OF ") {
                Some(cols) => {
                    let changed: Vec<String> = cols
                        .split(", ")
                        .map(|c| match backend {
                            DbBackend::Postgres => format!("OLD.{c} IS DISTINCT FROM NEW.{c}"),
                            _ => format!("OLD.{c} IS NOT NEW.{c}"),
                        })
                        .collect();
                    format!(" WHEN ({})", changed.join(" OR "))
                }
                None => String::new(),
            };
            out.push(match backend {
                DbBackend::Postgres => format!(
                    "CREATE CONSTRAINT TRIGGER {name} AFTER {event} ON {table} DEFERRABLE INITIALLY DEFERRED \
                     FOR EACH ROW{when} EXECUTE FUNCTION read_model_registry_{table}()"
                ),
                _ => format!(
                    "CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{when} BEGIN {} END",
                    log(kind, &format!("{row}.{id}"))
                ),
            });
        }
        // An update that moves a topic link from one impediment to another changes both (PostgreSQL:
        // in the function above).
        if *table == "impediment_topics" && backend != DbBackend::Postgres {
            out.push(format!(
                "CREATE TRIGGER {} AFTER UPDATE ON {table} WHEN OLD.{id} IS NOT NEW.{id} BEGIN {} END",
                trigger_name(table, "UPDATE_OLD"),
                log(kind, &format!("OLD.{id}"))
            ));
        }
        if backend == DbBackend::Postgres {
            out.push(format!(
                "CREATE TRIGGER {} AFTER TRUNCATE ON {table} FOR EACH STATEMENT \
                 EXECUTE FUNCTION read_model_registry_{table}_truncate()",
                trigger_name(table, "TRUNCATE")
            ));
        }
    }
    out
}

fn down_statements(backend: DbBackend) -> Vec<String> {
    let mut out = Vec::new();
    for (table, _, _, events) in WATCHED {
        let extra: &[&str] = match backend {
            DbBackend::Postgres => &["TRUNCATE"],
            _ if *table == "impediment_topics" => &["UPDATE_OLD"],
            _ => &[],
        };
        for event in events.iter().chain(extra) {
            let name = trigger_name(table, event);
            out.push(match backend {
                DbBackend::Postgres => format!("DROP TRIGGER IF EXISTS {name} ON {table}"),
                _ => format!("DROP TRIGGER IF EXISTS {name}"),
            });
        }
        if backend == DbBackend::Postgres {
            out.push(format!("DROP FUNCTION IF EXISTS read_model_registry_{table}()"));
            out.push(format!("DROP FUNCTION IF EXISTS read_model_registry_{table}_truncate()"));
        }
    }
    out.push("DELETE FROM read_model_generations WHERE name = 'registry'".to_owned());
    if backend == DbBackend::Postgres {
        out.push("ALTER TABLE read_model_generations DROP COLUMN IF EXISTS txid".to_owned());
    }
    out
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("read_model_changes"))
                .col(col("id").big_integer().not_null().auto_increment().primary_key())
                .col(col("generation").big_integer().not_null())
                .col(col("kind").string_len(16).not_null())
                .col(col("record_id").uuid().null())
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        for sql in up_statements(db.get_database_backend()) {
            db.execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for sql in down_statements(db.get_database_backend()) {
            db.execute_unprepared(&sql).await?;
        }
        m.drop_table(Table::drop().table(Alias::new("read_model_changes")).to_owned()).await
    }
}
