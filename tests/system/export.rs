//! `gmc export` (issue 11) with the real binary: from the local database acting as a user, and from a
//! running server with an API key — the same rows as the list, the same bytes either way.

use gmc_store::testdb::TestDatabase;
use serde_json::{json, Value};

use crate::binary::{command, run, serve};

async fn login(client: &reqwest::Client, base: &str, email: &str) -> String {
    let res = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": email, "password": "demo-pass-2026"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json::<Value>().await.unwrap().pointer("/access_token").and_then(Value::as_str).unwrap().to_owned()
}

async fn listed_ids(client: &reqwest::Client, base: &str, token: &str, filters: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut cursor = String::new();
    loop {
        let url = format!("{base}/api/v1/impediments?{filters}&limit=200{cursor}");
        let page: Value = client.get(url).bearer_auth(token).send().await.unwrap().json().await.unwrap();
        let items = page.pointer("/items").and_then(Value::as_array).unwrap();
        ids.extend(items.iter().map(|i| i.pointer("/id").and_then(Value::as_str).unwrap().to_owned()));
        match page.pointer("/next_cursor").and_then(Value::as_str) {
            Some(c) => cursor = format!("&cursor={c}"),
            None => return ids,
        }
    }
}

fn csv_ids(bytes: &[u8]) -> Vec<String> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).expect("BOM")).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("id,delegation_id,visibility,"));
    // Ids are the first column and never quoted; descriptions may hold line breaks inside quotes, so only
    // lines starting with an id count.
    lines
        .filter_map(|l| l.split(',').next())
        .filter(|id| id.len() == 36 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn gmc_export_writes_the_list_locally_and_from_a_server_with_an_api_key() {
    let db = TestDatabase::create().await.unwrap();
    assert!(run(command(&db, &["seed", "--demo"])).await.0);
    let dir = std::env::temp_dir().join(format!("gmc-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let local = dir.join("npl.csv");
    let local_arg = local.to_str().unwrap();

    let (ok, _, err) = run(command(
        &db,
        &["export", "impediments", "--as", "delegate.npl@gmc.test", "--filter", "partner=EU", "--out", local_arg],
    ))
    .await;
    assert!(ok, "{err}");
    let server = serve(command(&db, &[])).await;
    let client = reqwest::Client::new();
    let npl = login(&client, &server.base, "delegate.npl@gmc.test").await;
    let local_ids = csv_ids(&std::fs::read(&local).unwrap());
    assert!(!local_ids.is_empty());
    assert_eq!(local_ids, listed_ids(&client, &server.base, &npl, "partner=EU").await, "the list, whole");

    // From the server with Nepal's key: the same bytes as the local export, to stdout.
    let res = client
        .post(format!("{}/api/v1/api-keys", server.base))
        .bearer_auth(&npl)
        .json(&json!({"name": "export", "scopes": ["read"]}))
        .send()
        .await
        .unwrap();
    let key = res.json::<Value>().await.unwrap().pointer("/key").and_then(Value::as_str).unwrap().to_owned();
    let mut remote = command(&db, &["export", "impediments", "--server", &server.base, "--filter", "partner=EU"]);
    remote.env("GMC_API_KEY", &key);
    let out = remote.output().await.unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, std::fs::read(&local).unwrap(), "the same export either way");

    // XLSX to a file.
    let xlsx = dir.join("npl.xlsx");
    let mut remote = command(&db, &["export", "impediments", "--server", &server.base, "--format", "xlsx", "--out"]);
    remote.arg(&xlsx).env("GMC_API_KEY", &key);
    assert!(remote.output().await.unwrap().status.success());
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "an XLSX is a zip");

    // Exit codes: 1 refused (contacts never through a key), 2 usage.
    let mut refused =
        command(&db, &["export", "stakeholders", "--server", &server.base, "--filter", "include_contacts=true"]);
    refused.env("GMC_API_KEY", &key);
    let out = refused.output().await.unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("403"));
    for args in [
        &["export", "lunch", "--as", "delegate.npl@gmc.test"][..],
        &["export", "impediments", "--as", "delegate.npl@gmc.test", "--filter", "colour=red"][..],
        &["export", "impediments"][..],
    ] {
        let out = command(&db, args).output().await.unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let out = command(&db, &["export", "impediments", "--as", "delegate.npl@gmc.test", "--filter", "status=lost"])
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("status"));
    std::fs::remove_dir_all(&dir).ok();
}

// issue 11: exports — the other collections.
async fn listed(client: &reqwest::Client, base: &str, token: &str, kind: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut cursor = String::new();
    loop {
        let url = format!("{base}/api/v1/{kind}?limit=200{cursor}");
        let page: Value = client.get(url).bearer_auth(token).send().await.unwrap().json().await.unwrap();
        let items = page.pointer("/items").and_then(Value::as_array).unwrap();
        ids.extend(items.iter().map(|i| i.pointer("/id").and_then(Value::as_str).unwrap().to_owned()));
        match page.pointer("/next_cursor").and_then(Value::as_str) {
            Some(c) => cursor = format!("&cursor={c}"),
            None => return ids,
        }
    }
}

#[tokio::test]
async fn gmc_export_writes_every_other_collection_as_its_list() {
    let db = TestDatabase::create().await.unwrap();
    assert!(run(command(&db, &["seed", "--demo"])).await.0);
    let server = serve(command(&db, &[])).await;
    let client = reqwest::Client::new();
    let npl = login(&client, &server.base, "delegate.npl@gmc.test").await;
    for kind in ["topics", "prep-items", "consultations", "meetings", "briefing-requests", "documents"] {
        let out = command(&db, &["export", kind, "--as", "delegate.npl@gmc.test"]).output().await.unwrap();
        assert!(out.status.success(), "{kind}: {}", String::from_utf8_lossy(&out.stderr));
        let text = std::str::from_utf8(out.stdout.strip_prefix(b"\xEF\xBB\xBF".as_slice()).expect("BOM")).unwrap();
        assert!(text.starts_with("id,"), "{kind}");
        // As `csv_ids`: only lines starting with an id are rows (texts may hold quoted line breaks).
        let ids: Vec<String> = text
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').next())
            .filter(|id| id.len() == 36 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
            .map(str::to_owned)
            .collect();
        assert_eq!(ids, listed(&client, &server.base, &npl, kind).await, "{kind}: the list, whole");
    }
    let out = command(&db, &["export", "meetings", "--as", "delegate.npl@gmc.test", "--filter", "colour=red"])
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "not a filter of meetings");
}
