//! A database of its own for each test (and benchmark): a unique SQLite file by default, or a uniquely
//! named PostgreSQL database when `TEST_DATABASE_URL` points at a server. Dropped when the guard drops.

use sea_orm::{ConnectionTrait, Database};

pub struct TestDatabase {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Postgres { server_url: String, name: String },
}

impl TestDatabase {
    /// Creates an empty database; migrations are the caller's to run.
    pub async fn create() -> anyhow::Result<Self> {
        let name = format!("gmc_test_{}", uuid::Uuid::new_v4().simple());
        match std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
            Some(server_url) => {
                let admin = Database::connect(&server_url).await?;
                admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await?;
                admin.close().await?;
                let url = replace_db_name(&server_url, &name);
                Ok(Self { url, cleanup: Cleanup::Postgres { server_url, name } })
            }
            None => {
                let path = std::env::temp_dir().join(format!("{name}.sqlite3"));
                let url = format!("sqlite://{}?mode=rwc", path.display());
                Ok(Self { url, cleanup: Cleanup::File(path) })
            }
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.cleanup, Cleanup::Postgres { .. })
    }
}

fn replace_db_name(server_url: &str, name: &str) -> String {
    let (base, query) = match server_url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (server_url, None),
    };
    let prefix = match base.rfind('/') {
        Some(i) if i > "postgres://".len() => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Postgres { server_url, name } => {
                // Drop runs inside an async test; a separate thread with its own runtime avoids
                // blocking (or nesting) the test's runtime.
                let (server_url, name) = (server_url.clone(), name.clone());
                let handle = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build();
                    if let Ok(rt) = rt {
                        rt.block_on(async {
                            if let Ok(db) = Database::connect(&server_url).await {
                                let _ = db
                                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                                    .await;
                                let _ = db.close().await;
                            }
                        });
                    }
                });
                let _ = handle.join();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_name_is_swapped_in_the_url() {
        assert_eq!(replace_db_name("postgres://u@127.0.0.1:5433/postgres", "x"), "postgres://u@127.0.0.1:5433/x");
        assert_eq!(
            replace_db_name("postgres://u@h:1/postgres?sslmode=disable", "x"),
            "postgres://u@h:1/x?sslmode=disable"
        );
    }
}
