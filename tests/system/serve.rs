use gmc_store::testdb::TestDatabase;
use serde_json::{json, Value};
use totp_rs::{Builder, Secret};

use crate::binary::{command, run, serve};

const PASSWORD: &str = "demo-pass-2026";

async fn get_json(client: &reqwest::Client, url: &str, token: &str) -> Value {
    let res = client.get(url).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), 200, "GET {url}");
    res.json().await.unwrap()
}

async fn login(client: &reqwest::Client, base: &str, email: &str) -> String {
    let res = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": email, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "login {email}");
    res.json::<Value>().await.unwrap().pointer("/access_token").and_then(Value::as_str).unwrap().to_owned()
}

/// The demo admin, signed in as the SPA does it: the password, then — admins act as admins only with a
/// second factor — enrolment with a code computed from the secret the server hands out.
async fn login_admin(client: &reqwest::Client, base: &str) -> String {
    let token = login(client, base, "admin@gmc.test").await;
    let enrol = client.post(format!("{base}/api/v1/me/mfa/enrolment")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(enrol.status(), 200, "enrolment");
    let secret = enrol.json::<Value>().await.unwrap().pointer("/secret").and_then(Value::as_str).unwrap().to_owned();
    let totp = Builder::new().with_secret(Secret::try_from_base32(&secret).unwrap()).build().unwrap();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let res = client
        .post(format!("{base}/api/v1/me/mfa/verification"))
        .bearer_auth(&token)
        .json(&json!({"code": totp.generate(now).to_string()}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "verification");
    res.json::<Value>().await.unwrap().pointer("/tokens/access_token").and_then(Value::as_str).unwrap().to_owned()
}

#[tokio::test]
async fn a_fresh_database_migrated_and_seeded_serves_every_demo_account_and_the_catalogue() {
    let db = TestDatabase::create().await.unwrap();
    let (ok, _, err) = run(command(&db, &["migrate"])).await;
    assert!(ok, "migrate: {err}");
    let (ok, _, err) = run(command(&db, &["seed", "--demo"])).await;
    assert!(ok, "seed: {err}");
    // Seeding twice changes nothing and does not fail.
    let (ok, _, err) = run(command(&db, &["seed", "--demo"])).await;
    assert!(ok, "second seed: {err}");

    let server = serve(command(&db, &[])).await;
    let client = reqwest::Client::new();
    let base = &server.base;
    for email in ["admin@gmc.test", "analyst@gmc.test", "delegate.bgd@gmc.test", "delegate.npl@gmc.test"] {
        login(&client, base, email).await;
    }
    let token = login(&client, base, "delegate.bgd@gmc.test").await;
    let topics: Value = get_json(&client, &format!("{base}/api/v1/topics?limit=200"), &token).await;
    let items = topics["items"].as_array().unwrap();
    assert!(items.len() >= 25);
    assert!(items.iter().any(|t| t["code"] == "FISH"));

    let ready = client.get(format!("{base}/health/ready")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let docs = client.get(format!("{base}/api/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), 200);
}

#[tokio::test]
async fn over_the_real_binary_the_nepal_delegate_sees_no_bangladesh_private_note() {
    let db = TestDatabase::create().await.unwrap();
    assert!(run(command(&db, &["seed", "--demo"])).await.0);
    let server = serve(command(&db, &[])).await;
    let client = reqwest::Client::new();
    let npl = login(&client, &server.base, "delegate.npl@gmc.test").await;
    let bgd = login(&client, &server.base, "delegate.bgd@gmc.test").await;
    let get = |token: String, q: &'static str| {
        let client = client.clone();
        let url = format!("{}/api/v1/watch-items?q={q}", server.base);
        async move { client.get(url).bearer_auth(token).send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let own = get(bgd, "confidential").await;
    assert!(!own["items"].as_array().unwrap().is_empty(), "Bangladesh sees its own private notes");
    let other = get(npl, "confidential").await;
    assert!(other["items"].as_array().unwrap().iter().all(|w| w["country_code"] != "BGD"));
}

#[tokio::test]
async fn gmc_openapi_prints_the_committed_document() {
    let db = TestDatabase::create().await.unwrap();
    let (ok, out, _) = run(command(&db, &["openapi"])).await;
    assert!(ok);
    assert_eq!(out, include_str!("../../openapi/openapi.json"), "run `make openapi` and commit the result");
}

#[tokio::test]
async fn the_demo_seed_fills_the_impediment_registry_deterministically() {
    let db = TestDatabase::create().await.unwrap();
    assert!(run(command(&db, &["seed", "--demo"])).await.0);
    let server = serve(command(&db, &[])).await;
    let client = reqwest::Client::new();
    let admin = login_admin(&client, &server.base).await;
    let summary: Value =
        get_json(&client, &format!("{}/api/v1/impediments/summary?by=status", server.base), &admin).await;
    let total: i64 = summary["cells"].as_array().unwrap().iter().map(|c| c["count"].as_i64().unwrap()).sum();
    // The synthetic registry, plus the validated concerns behind the demo's ministerial preparation.
    assert_eq!(total, 1000 + i64::try_from(gmc_store::demo::prep::concern_impediments()).unwrap());
    let page: Value =
        get_json(&client, &format!("{}/api/v1/impediments?limit=1&reporting_country=BGD", server.base), &admin).await;
    // The generator is seeded: the same record comes out first on every run.
    assert_eq!(page["items"][0]["reporting_country"], "BGD");
    let first = page["items"][0]["id"].as_str().unwrap().to_owned();
    let db2 = TestDatabase::create().await.unwrap();
    assert!(run(command(&db2, &["seed", "--demo"])).await.0);
    let server2 = serve(command(&db2, &[])).await;
    let admin2 = login_admin(&client, &server2.base).await;
    let page2: Value =
        get_json(&client, &format!("{}/api/v1/impediments?limit=1&reporting_country=BGD", server2.base), &admin2).await;
    assert_eq!(page2["items"][0]["id"], first.as_str());
}

#[tokio::test]
async fn the_demo_seed_adds_three_consultations_with_their_responses_the_same_way_every_time() {
    let client = reqwest::Client::new();
    let mut seen = Vec::new();
    for _ in 0..2 {
        let db = TestDatabase::create().await.unwrap();
        assert!(run(command(&db, &["seed", "--demo"])).await.0);
        let server = serve(command(&db, &[])).await;
        let admin = login_admin(&client, &server.base).await;
        let list: Value = get_json(&client, &format!("{}/api/v1/consultations", server.base), &admin).await;
        let items = list["items"].as_array().unwrap();
        assert_eq!(items.len(), 3);
        let total: i64 = items.iter().map(|c| c["response_count"].as_i64().unwrap()).sum();
        assert!(total >= 2000, "{total} responses");
        let bgd = items.iter().find(|c| c["languages"] == serde_json::json!(["en", "bn"])).unwrap();
        assert_eq!(bgd["accepting_responses"], true);
        let results: Value = get_json(
            &client,
            &format!("{}/api/v1/consultations/{}/results", server.base, bgd["id"].as_str().unwrap()),
            &admin,
        )
        .await;
        seen.push(results["questions"].clone());
    }
    assert_eq!(seen[0], seen[1], "the same seed gives the same answers");
}
