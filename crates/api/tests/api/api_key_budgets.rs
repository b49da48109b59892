//! Per-key request budgets and usage (issue 11, part 5).

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

async fn create_key(app: &TestApp, token: &str, body: Value) -> (String, String) {
    let res = app.post_json("/api/v1/api-keys", Some(token), body).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    (body["key"].as_str().unwrap().to_owned(), body["api_key"]["id"].as_str().unwrap().to_owned())
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

async fn set_budget(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    app.request(Method::PATCH, &format!("/api/v1/api-keys/{id}"), Some(token)).json(&body).send().await.unwrap()
}

#[tokio::test]
async fn a_key_over_its_budget_gets_429_with_the_headers_and_another_key_is_unaffected() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let (key, id) = create_key(&app, &bgd, json!({"name": "a", "scopes": ["read"]})).await;
    let (other, _) = create_key(&app, &bgd, json!({"name": "b", "scopes": ["read"]})).await;
    let res = set_budget(&app, &admin, &id, json!({"requests_per_minute": 3})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["requests_per_minute"], 3);

    for left in (0..3).rev() {
        let res = app.get("/api/v1/me", &key).await;
        assert_eq!(res.status(), 200);
        assert_eq!(header(&res, "ratelimit-policy"), "\"api-key\";q=3;w=60");
        assert!(
            header(&res, "ratelimit").starts_with(&format!("\"api-key\";r={left};t=")),
            "{}",
            header(&res, "ratelimit")
        );
    }
    let res = app.get("/api/v1/me", &key).await;
    assert_eq!(header(&res, "ratelimit-policy"), "\"api-key\";q=3;w=60");
    let retry: u64 = header(&res, "retry-after").parse().unwrap();
    assert!((1..=20).contains(&retry), "one request comes back every 20 s: {retry}");
    assert!(header(&res, "ratelimit").starts_with("\"api-key\";r=0;t="));
    let p = problem(res, 429).await;
    assert_eq!(p["type"], "urn:gmc:problem:rate-limited");

    // Another key of the same owner, and a session, still answer.
    let res = app.get("/api/v1/me", &other).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "ratelimit-policy"), "\"api-key\";q=600;w=60", "the default budget");
    let res = app.get("/api/v1/me", &bgd).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("ratelimit").is_none(), "sessions have no key budget");

    // The admin raises the budget: the key answers again at once.
    let res = set_budget(&app, &admin, &id, json!({"requests_per_minute": 100})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.get("/api/v1/me", &key).await.status(), 200);
}

#[tokio::test]
async fn only_an_admin_session_sets_a_budget_and_bad_budgets_are_named() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let (read_key, id) = create_key(&app, &bgd, json!({"name": "a", "scopes": ["read"]})).await;
    let (write_key, _) = create_key(&app, &bgd, json!({"name": "b", "scopes": ["read", "write"]})).await;
    let (admin_key, _) = create_key(&app, &admin, json!({"name": "c", "scopes": ["read", "write", "admin"]})).await;
    for token in [&read_key, &write_key, &bgd, &admin_key] {
        problem(set_budget(&app, token, &id, json!({"requests_per_minute": 100000})).await, 403).await;
    }
    for bad in [json!(0), json!(100001), json!(-5)] {
        let p = problem(set_budget(&app, &admin, &id, json!({"requests_per_minute": bad})).await, 422).await;
        assert_eq!(fields(&p), vec!["requests_per_minute"]);
    }
    problem(set_budget(&app, &admin, &uuid::Uuid::new_v4().to_string(), json!({"requests_per_minute": 5})).await, 404)
        .await;
    // A delegate cannot give a key a budget of its own when creating it; an admin can.
    let res = app
        .post_json("/api/v1/api-keys", Some(&bgd), json!({"name": "x", "scopes": ["read"], "requests_per_minute": 9}))
        .await;
    assert_eq!(fields(&problem(res, 422).await), vec!["requests_per_minute"]);
    let (_, admins) =
        create_key(&app, &admin, json!({"name": "y", "scopes": ["read"], "requests_per_minute": 9})).await;
    let listed = app.get_json("/api/v1/api-keys", &admin).await;
    let row = listed["items"].as_array().unwrap().iter().find(|k| k["id"] == admins.as_str()).unwrap().clone();
    assert_eq!(row["requests_per_minute"], 9);
    // Back to the default, audited.
    let res = set_budget(&app, &admin, &id, json!({"requests_per_minute": null})).await;
    assert_eq!(res.json::<Value>().await.unwrap()["requests_per_minute"], Value::Null);
    let audit = app.get_json("/api/v1/audit-events?action=api_key.budget", &admin).await;
    assert!(audit.to_string().contains("api_key.budget"), "{audit}");
}

#[tokio::test]
async fn usage_is_counted_per_key_and_shown_to_its_owner_and_admins_only() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let (key, id) = create_key(&app, &bgd, json!({"name": "a", "scopes": ["read"]})).await;
    let (other, other_id) = create_key(&app, &bgd, json!({"name": "b", "scopes": ["read"]})).await;
    for _ in 0..5 {
        assert_eq!(app.get("/api/v1/me", &key).await.status(), 200);
    }
    assert_eq!(app.get("/api/v1/me", &other).await.status(), 200);
    let usage = app.get_json(&format!("/api/v1/api-keys/{id}/usage"), &bgd).await;
    assert_eq!(usage["requests_today"], 5, "{usage}");
    assert_eq!(usage["requests_last_30_days"], 5);
    assert_eq!(usage["days"].as_array().unwrap().len(), 1);
    // The key reads its own usage: that request counts too.
    let own = app.get_json(&format!("/api/v1/api-keys/{id}/usage"), &key).await;
    assert_eq!(own["requests_today"], 6);
    let listed = app.get_json("/api/v1/api-keys", &admin).await;
    let find = |kid: &str| listed["items"].as_array().unwrap().iter().find(|k| k["id"] == kid).unwrap().clone();
    assert_eq!(find(&id)["requests_today"], 6);
    assert_eq!(find(&other_id)["requests_today"], 1);
    // Someone else's key is "not found".
    problem(app.get(&format!("/api/v1/api-keys/{id}/usage"), &npl).await, 404).await;
    assert_eq!(app.get(&format!("/api/v1/api-keys/{id}/usage"), &admin).await.status(), 200);
}
