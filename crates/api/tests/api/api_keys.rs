use reqwest::Method;
use serde_json::json;

use crate::helpers::*;

async fn create_key(app: &TestApp, token: &str, scopes: serde_json::Value) -> (String, String) {
    let res = app.post_json("/api/v1/api-keys", Some(token), json!({"name": "integration", "scopes": scopes})).await;
    assert_eq!(res.status(), 201);
    let body: serde_json::Value = res.json().await.unwrap();
    (body["key"].as_str().unwrap().to_owned(), body["api_key"]["id"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn an_api_key_acts_for_its_owner_until_revoked() {
    let app = TestApp::spawn().await;
    let token = app.login(BGD).await;
    let (key, id) = create_key(&app, &token, json!(["read"])).await;
    assert!(key.starts_with("gmc_"));
    let me = app.get_json("/api/v1/me", &key).await;
    assert_eq!(me["email"], BGD);
    assert_eq!(me["scopes"], json!(["read"]));
    let listed = app.get_json("/api/v1/api-keys", &token).await;
    let entry = &listed["items"][0];
    assert_eq!(entry["id"], id.as_str());
    assert!(entry["last_used_at"].is_string(), "last use is recorded");
    assert!(entry.get("key").is_none() && entry.get("key_hash").is_none());

    let res = app.request(Method::DELETE, &format!("/api/v1/api-keys/{id}"), Some(&token)).send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.get("/api/v1/me", &key).await, 401).await;
}

#[tokio::test]
async fn a_read_scoped_key_cannot_write_and_no_key_can_mint_another() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let (read_key, _) = create_key(&app, &admin, json!(["read"])).await;
    let res =
        app.post_json("/api/v1/topics", Some(&read_key), json!({"code": "KEYX", "title": "x", "kind": "other"})).await;
    problem(res, 403).await;
    let (full_key, _) = create_key(&app, &admin, json!(["read", "write", "admin"])).await;
    let res = app.post_json("/api/v1/api-keys", Some(&full_key), json!({"name": "child", "scopes": ["read"]})).await;
    problem(res, 403).await;
    let res =
        app.post_json("/api/v1/topics", Some(&full_key), json!({"code": "KEYX", "title": "x", "kind": "other"})).await;
    assert_eq!(res.status(), 201);
}

#[tokio::test]
async fn a_key_never_exceeds_its_owners_role() {
    let app = TestApp::spawn().await;
    let token = app.login(NPL).await;
    let res = app.post_json("/api/v1/api-keys", Some(&token), json!({"name": "x", "scopes": ["admin", "fly"]})).await;
    let p = problem(res, 422).await;
    assert_eq!(fields(&p), vec!["scopes[0]", "scopes[1]"]);
    let res = app.post_json("/api/v1/api-keys", Some(&token), json!({"name": "", "scopes": []})).await;
    assert_eq!(fields(&problem(res, 422).await), vec!["name", "scopes"]);
    let res = app
        .post_json(
            "/api/v1/api-keys",
            Some(&token),
            json!({"name": "old", "scopes": ["read"], "expires_at": "2020-01-01T00:00:00Z"}),
        )
        .await;
    assert_eq!(fields(&problem(res, 422).await), vec!["expires_at"]);
}

#[tokio::test]
async fn one_users_key_is_invisible_to_another() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let (_, id) = create_key(&app, &bgd, json!(["read"])).await;
    assert!(app.get_json("/api/v1/api-keys", &npl).await["items"].as_array().unwrap().is_empty());
    let res = app.request(Method::DELETE, &format!("/api/v1/api-keys/{id}"), Some(&npl)).send().await.unwrap();
    problem(res, 404).await;
}

#[tokio::test]
async fn a_read_key_cannot_revoke_keys_and_an_admin_key_reaches_only_its_owners_keys() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let (_, bgd_key_id) = create_key(&app, &bgd, json!(["read"])).await;
    let (admin_read_key, _) = create_key(&app, &admin, json!(["read"])).await;
    let res = app
        .request(Method::DELETE, &format!("/api/v1/api-keys/{bgd_key_id}"), Some(&admin_read_key))
        .send()
        .await
        .unwrap();
    problem(res, 403).await;
    let listed = app.get_json("/api/v1/api-keys", &admin_read_key).await;
    assert!(listed["items"].as_array().unwrap().iter().all(|k| k["id"] != bgd_key_id.as_str()));
    let (admin_write_key, _) = create_key(&app, &admin, json!(["read", "write"])).await;
    let res = app
        .request(Method::DELETE, &format!("/api/v1/api-keys/{bgd_key_id}"), Some(&admin_write_key))
        .send()
        .await
        .unwrap();
    problem(res, 404).await;
    // With a session, the admin reaches every key.
    let res =
        app.request(Method::DELETE, &format!("/api/v1/api-keys/{bgd_key_id}"), Some(&admin)).send().await.unwrap();
    assert_eq!(res.status(), 204);
}

/// Attack: a key scoped `read` tries the impediment workflow (a write that analysts also take part
/// in), for a delegate's key and an analyst's. Both are refused and the impediment does not move.
#[tokio::test]
async fn a_read_scoped_key_cannot_move_an_impediment_through_its_workflow() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let analyst = app.login(ANALYST).await;
    let body = json!({"reporting_country": "BGD", "partner": "EU", "ntm_code": "A14", "title": "Testing fees",
                      "description": "Documented by exporters.", "severity": 3, "visibility": "regional"});
    let res = app.post_json("/api/v1/impediments", Some(&bgd), body).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<serde_json::Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let (bgd_read, _) = create_key(&app, &bgd, json!(["read"])).await;
    let (analyst_read, _) = create_key(&app, &analyst, json!(["read"])).await;
    for (key, to) in [(&analyst_read, "under_review"), (&bgd_read, "dismissed"), (&analyst_read, "dismissed")] {
        let res = app
            .post_json(&format!("/api/v1/impediments/{id}/steps"), Some(key), json!({"to": to, "note": "by key"}))
            .await;
        problem(res, 403).await;
    }
    let now = app.get_json(&format!("/api/v1/impediments/{id}"), &bgd).await;
    assert_eq!((now["status"].as_str(), now["version"].as_i64()), (Some("reported"), Some(1)));

    let (analyst_write, _) = create_key(&app, &analyst, json!(["read", "write"])).await;
    let res = app
        .post_json(
            &format!("/api/v1/impediments/{id}/steps"),
            Some(&analyst_write),
            json!({"to": "under_review", "note": "triage"}),
        )
        .await;
    assert_eq!(res.status(), 200, "a write-scoped key of the analyst may take the analyst's step");
}
