//! Large imports as jobs (issue 11: import jobs), against the real binary: a job survives its server
//! being stopped mid-file (SIGTERM) or killed (SIGKILL) — the killed attempt leaves zero rows, SQLite's
//! integrity check passes, and the restarted server takes the job again once its lease ran out and
//! counts every row exactly once — and a running import is cancelled with nothing written.

// A test reads JSON by key: a missing one is a failed test.
#![allow(clippy::indexing_slicing)]

use std::time::{Duration, Instant};

use gmc_store::entities::stakeholders;
use gmc_store::testdb::TestDatabase;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use serde_json::{json, Value};

use crate::binary::{command, run, serve, Server};

const ROWS: usize = 50_000;

/// A CSV of `n` stakeholders without external ids (a file run twice would write its rows twice).
fn big_csv(n: usize, prefix: &str) -> String {
    let mut s = String::from("name,kind,country,sector,size_class,employees,women_led\n");
    for i in 0..n {
        s.push_str(&format!("{prefix} firm {i},msme,BGD,C,micro,3,false\n"));
    }
    s
}

/// `gmc serve` with a low job threshold, a short lease (a dead node's job is taken again after 2 s) and
/// a spool directory kept across restarts.
async fn start(db: &TestDatabase, spool: &std::path::Path) -> Server {
    let mut cmd = command(db, &[]);
    cmd.env("GMC_IMPORT_JOB_THRESHOLD_BYTES", "1024")
        .env("GMC_JOB_LEASE_SECS", "2")
        .env("GMC_JOB_POLL_MS", "200")
        .env("GMC_IMPORT_SPOOL_DIR", spool);
    serve(cmd).await
}

async fn login(base: &str) -> String {
    let res: Value = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": "delegate.bgd@gmc.test", "password": "demo-pass-2026"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    res["access_token"].as_str().unwrap().to_owned()
}

async fn get_import(base: &str, token: &str, id: &str) -> Value {
    let res =
        reqwest::Client::new().get(format!("{base}/api/v1/imports/{id}")).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// Posts the big file and expects it queued; answers the import's id.
async fn post_big(base: &str, token: &str, prefix: &str) -> String {
    let res = reqwest::Client::new()
        .post(format!("{base}/api/v1/imports/stakeholders"))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(big_csv(ROWS, prefix))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["rows_expected"], ROWS, "{v}");
    v["id"].as_str().unwrap().to_owned()
}

/// Polls until the import is running with rows done (and not yet all of them); answers what it saw.
async fn wait_for_progress(base: &str, token: &str, id: &str) -> Value {
    let start = Instant::now();
    loop {
        let v = get_import(base, token, id).await;
        let done = v["rows_done"].as_i64().unwrap();
        if v["status"] == "running" && done > 0 {
            assert!(done < ROWS as i64, "{v}");
            assert_eq!(v["rows_expected"], ROWS, "{v}");
            return v;
        }
        assert!(["queued", "running"].contains(&v["status"].as_str().unwrap()), "ended before any progress: {v}");
        assert!(start.elapsed() < Duration::from_secs(120), "no progress: {v}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn wait_until_ended(base: &str, token: &str, id: &str) -> Value {
    let start = Instant::now();
    loop {
        let v = get_import(base, token, id).await;
        if !["queued", "running"].contains(&v["status"].as_str().unwrap()) {
            return v;
        }
        assert!(start.elapsed() < Duration::from_secs(300), "did not end: {v}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn firms(db: &TestDatabase, prefix: &str) -> u64 {
    let conn = gmc_store::db::connect(&db.url).await.unwrap();
    let n = stakeholders::Entity::find()
        .filter(stakeholders::Column::Name.starts_with(format!("{prefix} firm ")))
        .count(&conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    n
}

/// `PRAGMA integrity_check` on SQLite ("ok"); nothing to check on PostgreSQL.
async fn integrity(db: &TestDatabase) -> String {
    let conn = gmc_store::db::connect(&db.url).await.unwrap();
    if conn.get_database_backend() != DbBackend::Sqlite {
        return "ok".into();
    }
    let row =
        conn.query_one(Statement::from_string(DbBackend::Sqlite, "PRAGMA integrity_check")).await.unwrap().unwrap();
    let out: String = row.try_get_by_index(0).unwrap();
    conn.close().await.unwrap();
    out
}

async fn stop(server: &mut Server, signal: &str) {
    let pid = server.child.id().unwrap().to_string();
    assert!(std::process::Command::new("kill").args([signal, &pid]).status().unwrap().success());
    tokio::time::timeout(Duration::from_secs(60), server.child.wait()).await.expect("server did not stop").unwrap();
}

async fn survives(signal: &str, prefix: &str) {
    let db = TestDatabase::create().await.unwrap();
    assert!(run(command(&db, &["seed", "--demo", "--impediments", "0"])).await.0);
    // Removed when the test ends; the server is given a directory inside it that does not exist yet.
    let tmp = tempfile::Builder::new().prefix("gmc-spool-").tempdir().unwrap();
    let spool = tmp.path().join("spool");
    let mut server = start(&db, &spool).await;
    let token = login(&server.base).await;
    let id = post_big(&server.base, &token, prefix).await;
    wait_for_progress(&server.base, &token, &id).await;
    stop(&mut server, signal).await;
    // The attempt's transaction never committed: not one row of it is in the database.
    assert_eq!(firms(&db, prefix).await, 0, "{signal}: partial rows after the server stopped mid-file");
    assert_eq!(integrity(&db).await, "ok");
    assert_eq!(std::fs::read_dir(&spool).unwrap().count(), 1, "the file waits for the next attempt");

    let server = start(&db, &spool).await;
    let token = login(&server.base).await;
    let done = wait_until_ended(&server.base, &token, &id).await;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!([&done["rows_total"], &done["rows_inserted"]], [ROWS, ROWS], "{done}");
    assert_eq!(firms(&db, prefix).await, ROWS as u64, "every row exactly once");
    assert_eq!(integrity(&db).await, "ok");
    assert_eq!(std::fs::read_dir(&spool).unwrap().count(), 0, "the file is removed once the import has ended");
}

#[tokio::test]
async fn an_import_job_survives_a_server_stopped_mid_file() {
    survives("-TERM", "Term").await;
}

#[tokio::test]
async fn an_import_job_killed_mid_file_leaves_zero_rows_and_runs_again() {
    survives("-KILL", "Kill").await;
}

#[tokio::test]
async fn a_running_import_is_cancelled_and_writes_nothing() {
    let db = TestDatabase::create().await.unwrap();
    assert!(run(command(&db, &["seed", "--demo", "--impediments", "0"])).await.0);
    // Removed when the test ends; the server is given a directory inside it that does not exist yet.
    let tmp = tempfile::Builder::new().prefix("gmc-spool-").tempdir().unwrap();
    let spool = tmp.path().join("spool");
    let server = start(&db, &spool).await;
    let token = login(&server.base).await;
    let id = post_big(&server.base, &token, "Cancel").await;
    wait_for_progress(&server.base, &token, &id).await;
    let res = reqwest::Client::new()
        .post(format!("{}/api/v1/imports/{id}/cancel", server.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "cancelled");
    // Give the worker time to notice and roll back, then check that it wrote nothing and stays cancelled.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let v = get_import(&server.base, &token, &id).await;
    assert_eq!((v["status"].as_str(), v["rows_inserted"].as_i64()), (Some("cancelled"), Some(0)), "{v}");
    assert_eq!(firms(&db, "Cancel").await, 0);
    assert_eq!(std::fs::read_dir(&spool).unwrap().count(), 0);
}
