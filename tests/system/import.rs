//! `gmc import` (issue 11) as scripts run it: the real binary against the local database and through a
//! running server, its report on stdout and its exit codes (0 all good, 1 rows rejected, 2 usage or
//! connection).

use std::time::Duration;

use gmc_store::testdb::TestDatabase;
use serde_json::{json, Value};

use crate::binary::{command, run, serve};

const HEADER: &str = "external_id,name,kind,country,sector,size_class";

/// Runs `gmc` to completion: (exit code, stdout, stderr).
async fn gmc(cmd: tokio::process::Command) -> (i32, String, String) {
    let mut cmd = cmd;
    let out = tokio::time::timeout(Duration::from_secs(120), cmd.output()).await.expect("timed out").expect("spawn");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn file(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// A directory for the test's files, removed when the test ends (passed or failed).
fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("gmc-import-").tempdir().unwrap()
}

#[tokio::test]
async fn gmc_import_loads_a_file_into_the_local_database_with_script_friendly_exit_codes() {
    let db = TestDatabase::create().await.unwrap();
    assert!(run(command(&db, &["seed", "--demo", "--impediments", "0"])).await.0);
    let tmp = temp_dir();
    let dir = tmp.path();
    let mixed = file(
        dir,
        "mixed.csv",
        &format!(
            "{HEADER}\nC-1,Cli One,msme,BGD,C,micro\nC-2,Cli Bad,firm,BGD,C,micro\nC-3,Cli Two,msme,BGD,C,small\n"
        ),
    );
    let as_bgd = ["--as", "delegate.bgd@gmc.test"];

    // A dry run with a bad row: exit 1, the table names the row, column and code; nothing written.
    let (code, out, err) =
        gmc(command(&db, &[&["import", "stakeholders", &mixed, "--dry-run"][..], &as_bgd[..]].concat())).await;
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("rejected") && out.contains("(nothing written)"), "{out}");
    let line = out.lines().find(|l| l.contains("invalid_choice")).unwrap_or_default();
    assert_eq!(line.split_whitespace().take(3).collect::<Vec<_>>(), vec!["3", "kind", "invalid_choice"], "{out}");

    // Skipping: the good rows are written, still exit 1 (a row was rejected).
    let (code, out, _) =
        gmc(command(&db, &[&["import", "stakeholders", &mixed, "--on-error", "skip"][..], &as_bgd[..]].concat())).await;
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("partial — 3 rows, 2 inserted, 0 updated, 1 rejected"), "{out}");

    // Upserting a clean file: exit 0.
    let clean = file(dir, "clean.csv", &format!("{HEADER}\nC-1,Cli One Renamed,msme,BGD,C,micro\n"));
    let (code, out, err) =
        gmc(command(&db, &[&["import", "stakeholders", &clean, "--upsert"][..], &as_bgd[..]].concat())).await;
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("completed — 1 rows, 0 inserted, 1 updated, 0 rejected"), "{out}");

    // Usage: an unknown kind, a missing --as, a missing file, an analyst (who may not create stakeholders).
    for args in [
        vec!["import", "widgets", clean.as_str(), "--as", "delegate.bgd@gmc.test"],
        vec!["import", "stakeholders", clean.as_str()],
        vec!["import", "stakeholders", "/does/not/exist.csv", "--as", "delegate.bgd@gmc.test"],
        vec!["import", "stakeholders", clean.as_str(), "--as", "analyst@gmc.test"],
    ] {
        let (code, out, err) = gmc(command(&db, &args)).await;
        assert_eq!(code, 2, "{args:?}: {out}{err}");
    }
    // A file that is not UTF-8 is refused, naming the line.
    let mut bytes = format!("{HEADER}\n").into_bytes();
    bytes.extend_from_slice(b"C-9,Caf\xe9,msme,BGD,C,micro\n");
    let latin = dir.join("latin1.csv");
    std::fs::write(&latin, bytes).unwrap();
    let (code, _, err) =
        gmc(command(&db, &[&["import", "stakeholders", latin.to_str().unwrap()][..], &as_bgd[..]].concat())).await;
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("line 2"), "{err}");
}

#[tokio::test]
async fn gmc_import_sends_a_file_through_a_server_with_an_api_key() {
    let db = TestDatabase::create().await.unwrap();
    assert!(run(command(&db, &["seed", "--demo", "--impediments", "0"])).await.0);
    let server = serve(command(&db, &[])).await;
    let client = reqwest::Client::new();
    let login: Value = client
        .post(format!("{}/api/v1/auth/login", server.base))
        .json(&json!({"email": "delegate.bgd@gmc.test", "password": "demo-pass-2026"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["access_token"].as_str().unwrap();
    let key: Value = client
        .post(format!("{}/api/v1/api-keys", server.base))
        .bearer_auth(token)
        .json(&json!({"name": "bulk loader", "scopes": ["read", "write"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let key = key["key"].as_str().unwrap().to_owned();
    let tmp = temp_dir();
    let dir = tmp.path();
    let ndjson = file(
        dir,
        "firms.ndjson",
        "{\"external_id\": \"R-1\", \"name\": \"Remote One\", \"kind\": \"msme\", \"country\": \"BGD\", \"sector\": \"C\", \"size_class\": \"micro\"}\n",
    );
    let mut cmd = command(&db, &["import", "stakeholders", &ndjson, "--server", &server.base]);
    cmd.env("GMC_API_KEY", &key);
    let (code, out, err) = gmc(cmd).await;
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("completed — 1 rows, 1 inserted"), "{out}");
    let list: Value = client
        .get(format!("{}/api/v1/stakeholders?q=Remote", server.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"][0]["external_id"], "R-1");
    // The same file again is refused row by row (the id is taken): exit 1.
    let mut cmd = command(&db, &["import", "stakeholders", &ndjson, "--server", &server.base]);
    cmd.env("GMC_API_KEY", &key);
    let (code, out, _) = gmc(cmd).await;
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("external_id") && out.contains("taken"), "{out}");
    // No key, a wrong key, or no server there: exit 2.
    let (code, _, err) = gmc(command(&db, &["import", "stakeholders", &ndjson, "--server", &server.base])).await;
    assert_eq!(code, 2, "{err}");
    let mut cmd = command(&db, &["import", "stakeholders", &ndjson, "--server", &server.base]);
    cmd.env("GMC_API_KEY", "gmc_not_a_key");
    assert_eq!(gmc(cmd).await.0, 2);
    let mut cmd = command(&db, &["import", "stakeholders", &ndjson, "--server", "http://127.0.0.1:1"]);
    cmd.env("GMC_API_KEY", &key);
    assert_eq!(gmc(cmd).await.0, 2);
}
