use serde_json::{json, Value};

use crate::helpers::*;

async fn post_with_key(app: &TestApp, token: &str, key: &str, body: Value) -> reqwest::Response {
    app.request(reqwest::Method::POST, "/api/v1/topics", Some(token))
        .header("idempotency-key", key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_retried_create_with_the_same_key_is_answered_not_repeated() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let body = json!({"code": "IDEM", "title": "Once", "kind": "other"});
    let first = post_with_key(&app, &admin, "k-123", body.clone()).await;
    assert_eq!(first.status(), 201);
    let location = first.headers()["location"].to_str().unwrap().to_owned();
    let first: Value = first.json().await.unwrap();
    let again = post_with_key(&app, &admin, "k-123", body).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotency-replayed"], "true");
    assert_eq!(again.headers()["location"].to_str().unwrap(), location);
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["id"], first["id"]);
    let audit = app.get_json("/api/v1/audit-events?action=topic.create", &admin).await;
    assert_eq!(audit["items"].as_array().unwrap().len(), 1, "created once");
}

#[tokio::test]
async fn a_key_reused_with_another_request_is_refused_and_keys_are_per_user() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let res = post_with_key(&app, &admin, "shared", json!({"code": "IDA", "title": "A", "kind": "other"})).await;
    assert_eq!(res.status(), 201);
    let res = post_with_key(&app, &admin, "shared", json!({"code": "IDB", "title": "B", "kind": "other"})).await;
    assert_eq!(fields(&problem(res, 422).await), vec!["Idempotency-Key"]);
    // The same key from another user is another key.
    let bgd = app.login(BGD).await;
    let topic = app.get_json("/api/v1/topics/SPS", &bgd).await;
    let res = app
        .request(reqwest::Method::POST, "/api/v1/watch-items", Some(&bgd))
        .header("idempotency-key", "shared")
        .json(&json!({"topic_id": topic["id"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let bad =
        post_with_key(&app, &admin, "bad key with spaces", json!({"code": "IDC", "title": "C", "kind": "other"})).await;
    assert_eq!(fields(&problem(bad, 422).await), vec!["Idempotency-Key"]);
}

#[tokio::test]
async fn a_refused_request_is_replayed_as_refused() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let body = json!({"code": "1", "title": "", "kind": "other"});
    problem(post_with_key(&app, &admin, "k-bad", body.clone()).await, 422).await;
    let again = post_with_key(&app, &admin, "k-bad", body).await;
    assert_eq!(again.headers()["idempotency-replayed"], "true");
    problem(again, 422).await;
}
