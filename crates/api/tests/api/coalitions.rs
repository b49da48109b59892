//! Coalitions (issue 9): every signed-in role reads them with their members; only admins change them,
//! with the version and every bad member named.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

#[tokio::test]
async fn every_role_reads_the_seeded_coalitions_with_their_members() {
    let app = TestApp::spawn().await;
    let analyst = app.login(ANALYST).await;
    let page = app.get_json("/api/v1/coalitions", &analyst).await;
    let codes: Vec<&str> = page["items"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["ASEAN", "G33", "LDC"]);
    assert_eq!(page["total"], 3);
    let ldc = app.get_json("/api/v1/coalitions/ldc", &analyst).await;
    let members: Vec<&str> =
        ldc["members"].as_array().unwrap().iter().map(|m| m["country_code"].as_str().unwrap()).collect();
    assert!(members.contains(&"NPL") && !members.contains(&"BGD"), "{members:?}");
    let by_id = app.get_json(&format!("/api/v1/coalitions/{}", ldc["id"].as_str().unwrap()), &analyst).await;
    assert_eq!(by_id["code"], "LDC");
    problem(app.get("/api/v1/coalitions/G77", &analyst).await, 404).await;
    let sorted = app.get_json("/api/v1/coalitions?sort=-name", &analyst).await;
    assert_eq!(sorted["items"][0]["code"], "LDC");
}

#[tokio::test]
async fn an_admin_creates_and_changes_a_coalition_and_nobody_else_may() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let (bgd_id, npl_id) = (app.delegation_id(&admin, "BGD").await, app.delegation_id(&admin, "NPL").await);
    let body = json!({"code": "g90", "name": "G-90", "members": [bgd_id, npl_id, bgd_id]});
    assert_eq!(app.post_json("/api/v1/coalitions", Some(&bgd), body.clone()).await.status(), 403);
    let res = app.post_json("/api/v1/coalitions", Some(&admin), body.clone()).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["code"], "G90");
    assert_eq!(created["members"].as_array().unwrap().len(), 2, "duplicates collapse");
    assert_eq!(fields(&problem(app.post_json("/api/v1/coalitions", Some(&admin), body).await, 422).await), ["code"]);

    let bad = json!({"code": "no spaces", "name": "", "members": [uuid::Uuid::now_v7()]});
    let mut named = fields(&problem(app.post_json("/api/v1/coalitions", Some(&admin), bad).await, 422).await);
    named.sort();
    assert_eq!(named, ["code", "members[0]", "name"]);

    let path = format!("/api/v1/coalitions/{}", created["id"].as_str().unwrap());
    let patch = |token: &str, if_match: &str, body: Value| {
        app.request(Method::PATCH, &path, Some(token)).header("if-match", if_match).json(&body).send()
    };
    assert_eq!(patch(&bgd, "\"1\"", json!({"members": [bgd_id]})).await.unwrap().status(), 403);
    let res = patch(&admin, "\"1\"", json!({"members": [npl_id], "name": "G-90 Group"})).await.unwrap();
    assert_eq!(res.status(), 200);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["members"][0]["country_code"], "NPL");
    assert_eq!(changed["members"].as_array().unwrap().len(), 1);
    assert_eq!(changed["version"], 2);
    problem(patch(&admin, "\"1\"", json!({"name": "Stale"})).await.unwrap(), 412).await;

    let events = app.get_json("/api/v1/audit-events?entity_type=coalition", &admin).await;
    let actions: Vec<&str> = events["items"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"coalition.create") && actions.contains(&"coalition.update"), "{actions:?}");
}
