//! Opening the database (SQLite with WAL and foreign keys, or PostgreSQL) and running migrations.

use std::str::FromStr;
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, SqlxSqliteConnector};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::AppResult;

/// Connects to `url`: `sqlite://path?mode=rwc` or `postgres://…`.
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    if url.starts_with("sqlite:") {
        connect_sqlite(url).await
    } else {
        let mut opts = ConnectOptions::new(url.to_owned());
        opts.max_connections(32).min_connections(1).acquire_timeout(Duration::from_secs(10)).sqlx_logging(false);
        // sqlx prepares each statement once per connection; after five runs PostgreSQL may switch it to a
        // generic plan that does not know the values — for the registry, a walk of every row for a rare
        // search text or a narrow filter (186 ms instead of 2.5 ms; docs/benchmarks.md). Planning each
        // run for its own values costs a fraction of a millisecond; under `make bench-mixed` PostgreSQL's
        // CPU per request went from 4.3 to 4.0 ms and the mix from 341 to 368 req/s. Sent as a startup
        // option, which PgBouncer refuses: `GMC_PG_CUSTOM_PLANS=false` leaves it to the server (`ALTER
        // ROLE … SET plan_cache_mode = force_custom_plan`; docs/deployment.md). Read here rather than
        // through `Settings`, because every caller of `connect` (server, CLI, tests) should get it.
        if std::env::var("GMC_PG_CUSTOM_PLANS").map_or(true, |v| v != "false" && v != "0") {
            opts.map_sqlx_postgres_opts(|o| o.options([("plan_cache_mode", "force_custom_plan")]));
        }
        Ok(Database::connect(opts).await?)
    }
}

/// SQLite keeps allocation statistics by default, and takes one process-wide mutex around every
/// `malloc` and `free` to do so. Reading rows allocates for every column, so with a connection per
/// worker thread that mutex was the most contended lock of a list request. Nothing here reads the
/// statistics; turn them off before SQLite initialises (afterwards the call is refused and changes
/// nothing).
fn sqlite_without_memory_statistics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: SQLITE_CONFIG_MEMSTATUS takes one int argument. `sqlite3_config` must not run
        // beside other SQLite calls; it runs once, before this process opens its first connection.
        let rc =
            unsafe { libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS, 0 as std::ffi::c_int) };
        if rc != libsqlite3_sys::SQLITE_OK {
            tracing::debug!(rc, "SQLite was already initialised: memory statistics stay on");
        }
    });
}

async fn connect_sqlite(url: &str) -> anyhow::Result<DatabaseConnection> {
    sqlite_without_memory_statistics();
    if let Some(path) = sqlite_path(url) {
        if let Some(dir) = std::path::Path::new(&path).parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
    }
    // WAL lets readers run beside the one writer; NORMAL sync is safe with WAL (durable at checkpoint);
    // the busy timeout makes concurrent writers wait instead of failing with SQLITE_BUSY.
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        // Deleted and overwritten content is zeroed instead of left in free space: an erased name must
        // not survive in the file (DESIGN §5).
        .pragma("secure_delete", "ON")
        // Reads straight from the page cache of the operating system instead of copying every page
        // through `pread` into each connection's own cache: under the mixed benchmark `pread` and its
        // copies were a quarter of the CPU, because every commit (the public responses alone are ~50 a
        // second) empties the connections' caches. 1 GiB of address space, not of memory; a read error
        // on the file becomes SIGBUS instead of an error code (the price SQLite documents for mmap).
        .pragma("mmap_size", "1073741824")
        // 16 MiB per connection (default 2 MiB) for the WAL pages and indexes that mmap does not serve.
        .pragma("cache_size", "-16384")
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        // A connection to a local file cannot go stale; the default ping before every checkout is a
        // round trip through the connection's worker thread for each query.
        .test_before_acquire(false)
        .connect_with(options)
        .await?;
    Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}

fn sqlite_path(url: &str) -> Option<String> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?.to_owned();
    (!path.is_empty() && path != ":memory:").then_some(path)
}

pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None).await?;
    Ok(())
}

/// Ready means: the database answers and no migration is pending.
pub async fn ready(db: &DatabaseConnection) -> AppResult<bool> {
    db.execute_unprepared("SELECT 1").await?;
    let pending = Migrator::get_pending_migrations(db).await?;
    Ok(pending.is_empty())
}

/// SQLite has one writer at a time, and sea-orm opens SQLite transactions as deferred (`BEGIN`), so a
/// transaction that reads and then writes fails at once (`SQLITE_BUSY_SNAPSHOT`) when another write
/// commits in between. Taking this gate before any write makes this process's writes queue instead.
/// PostgreSQL needs no gate. (Writes from another process — e.g. `gmc seed` beside a running server —
/// still wait on the busy timeout, and a busy error that survives it is answered 503.)
static SQLITE_WRITES: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub type WriteGuard = Option<tokio::sync::MutexGuard<'static, ()>>;

/// Holds the write gate (on SQLite) for a single-statement write. Only for the system writes that no
/// actor asked for and that leave no audit event: an API key's last-used stamp (`auth`) and the
/// `Idempotency-Key` bookkeeping (`idempotency`). Every other write is an `audit::AuditedTxn`.
pub(crate) async fn write_gate(db: &DatabaseConnection) -> WriteGuard {
    match db.get_database_backend() {
        sea_orm::DbBackend::Sqlite => Some(SQLITE_WRITES.lock().await),
        _ => None,
    }
}

/// Begins a transaction that will write; keep the guard alive until after `commit`. Only
/// `audit::AuditedTxn` opens one, so that every write transaction commits with its audit event.
pub(crate) async fn begin_write(db: &DatabaseConnection) -> AppResult<(WriteGuard, sea_orm::DatabaseTransaction)> {
    let guard = write_gate(db).await;
    let txn = sea_orm::TransactionTrait::begin(db).await?;
    Ok((guard, txn))
}

/// After an erasure: copies every page of SQLite's write-ahead log into the database and truncates
/// the log, so the pages written before the erasure (which still hold the erased values) are gone
/// from the `-wal` file. Retried briefly while readers hold old snapshots; PostgreSQL needs nothing.
pub async fn flush_wal(db: &DatabaseConnection) -> AppResult<()> {
    if db.get_database_backend() != sea_orm::DatabaseBackend::Sqlite {
        return Ok(());
    }
    let _gate = write_gate(db).await;
    for _ in 0..50 {
        let row = db
            .query_one(sea_orm::Statement::from_string(
                sea_orm::DatabaseBackend::Sqlite,
                "PRAGMA wal_checkpoint(TRUNCATE)",
            ))
            .await?;
        // The first column is 1 when the checkpoint could not finish because of a reader.
        let busy: i32 = match row {
            Some(r) => r.try_get_by_index(0).map_err(|e| crate::AppError::Internal(anyhow::anyhow!("{e:?}")))?,
            None => 0,
        };
        if busy == 0 {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Err(crate::AppError::Internal(anyhow::anyhow!("the write-ahead log could not be checkpointed after an erasure")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths_are_read_from_urls() {
        assert_eq!(sqlite_path("sqlite://./data/gmc.sqlite3?mode=rwc"), Some("./data/gmc.sqlite3".into()));
        assert_eq!(sqlite_path("sqlite::memory:"), None);
    }
}
