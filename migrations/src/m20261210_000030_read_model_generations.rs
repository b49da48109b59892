//! Generations for in-process read models (issue 9, the board's speed; issue 8's rule for caches).
//!
//! A read model (the ministerial board's, `gmc_store::services::prep::board_model`) keeps a snapshot of
//! some tables in each API node's memory. It may serve that snapshot only while nothing it holds has
//! changed in the database — on any node, through any path: the API, `gmc import`, `psql`. So the
//! database counts the changes itself: a trigger on every table the model reads adds one to the
//! model's row of `read_model_generations` in the same transaction as the change. A node reads the
//! generation (one primary-key read) before it serves, and reloads when it moved. A record whose
//! visibility narrowed is never served from a snapshot older than the change, because the change and
//! the new generation commit together.
//!
//! PostgreSQL: the triggers are deferred constraint triggers, so the counter's row is locked only as
//! the writing transaction commits, after every other lock it takes. An ordinary `AFTER` trigger would
//! lock it at the first write and hold it while the transaction goes on writing, and two transactions
//! writing prep items could then wait on each other (one holding the counter, the other a row the
//! first wants next). SQLite has one writer at a time, so its plain row triggers cannot deadlock.
//!
//! What the board reads: prep items, their topic links, coalition memberships, the names a card shows
//! (delegations, coalitions, users), the ministerials and the topics' codes (its filters name them).
//! Only the name and code columns are watched on users, delegations, coalitions and topics, so a
//! sign-in stamping `users` does not throw the snapshot away.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, the events a change to which the board must see). `UPDATE OF` lists the watched columns.
const WATCHED: &[(&str, &[&str])] = &[
    ("prep_items", &["INSERT", "UPDATE", "DELETE"]),
    ("prep_item_topics", &["INSERT", "UPDATE", "DELETE"]),
    ("coalition_members", &["INSERT", "UPDATE", "DELETE"]),
    ("coalitions", &["UPDATE OF name, code", "DELETE"]),
    ("delegations", &["UPDATE OF name, country_code", "DELETE"]),
    ("users", &["UPDATE OF name", "DELETE"]),
    ("ministerials", &["INSERT", "UPDATE", "DELETE"]),
    ("topics", &["INSERT", "UPDATE OF code", "DELETE"]),
];

const BUMP: &str = "UPDATE read_model_generations SET generation = generation + 1 WHERE name = 'prep_board'";

fn trigger_name(table: &str, event: &str) -> String {
    let event = event.split_whitespace().next().unwrap_or(event).to_ascii_lowercase();
    format!("read_model_prep_board_{table}_{event}")
}

fn up_statements(backend: DbBackend) -> Vec<String> {
    let mut out = vec![
        "CREATE TABLE read_model_generations (name VARCHAR(40) NOT NULL PRIMARY KEY, generation BIGINT NOT NULL)"
            .to_owned(),
        "INSERT INTO read_model_generations (name, generation) VALUES ('prep_board', 0)".to_owned(),
    ];
    if backend == DbBackend::Postgres {
        out.push(format!(
            "CREATE FUNCTION read_model_prep_board_bump() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN {BUMP}; RETURN NULL; END $$"
        ));
    }
    for (table, events) in WATCHED {
        for event in *events {
            let name = trigger_name(table, event);
            out.push(match backend {
                DbBackend::Postgres => format!(
                    "CREATE CONSTRAINT TRIGGER {name} AFTER {event} ON {table} DEFERRABLE INITIALLY DEFERRED \
                     FOR EACH ROW EXECUTE FUNCTION read_model_prep_board_bump()"
                ),
                _ => format!("CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {BUMP}; END"),
            });
        }
        // PostgreSQL's `TRUNCATE` fires no row trigger; a statement trigger counts it. (SQLite has no
        // `TRUNCATE`, and deletes a table with triggers row by row, firing them.)
        if backend == DbBackend::Postgres && events.contains(&"DELETE") {
            out.push(format!(
                "CREATE TRIGGER {} AFTER TRUNCATE ON {table} FOR EACH STATEMENT \
                 EXECUTE FUNCTION read_model_prep_board_bump()",
                trigger_name(table, "TRUNCATE")
            ));
        }
    }
    out
}

fn down_statements(backend: DbBackend) -> Vec<String> {
    let mut out = Vec::new();
    for (table, events) in WATCHED {
        let truncate = (backend == DbBackend::Postgres && events.contains(&"DELETE")).then_some("TRUNCATE");
        for event in events.iter().copied().chain(truncate) {
            let name = trigger_name(table, event);
            out.push(match backend {
                DbBackend::Postgres => format!("DROP TRIGGER IF EXISTS {name} ON {table}"),
                _ => format!("DROP TRIGGER IF EXISTS {name}"),
            });
        }
    }
    if backend == DbBackend::Postgres {
        out.push("DROP FUNCTION IF EXISTS read_model_prep_board_bump()".to_owned());
    }
    out.push("DROP TABLE IF EXISTS read_model_generations".to_owned());
    out
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
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
        Ok(())
    }
}
