use reqwest::Method;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn an_unknown_api_route_is_a_404_problem() {
    let app = TestApp::spawn().await;
    let token = app.login(BGD).await;
    problem(app.get("/api/v1/no-such-thing", &token).await, 404).await;
    problem(app.request(Method::GET, "/api/v2/topics", None).send().await.unwrap(), 404).await;
}

#[tokio::test]
async fn a_wrong_method_is_a_405_problem() {
    let app = TestApp::spawn().await;
    let token = app.login(ADMIN).await;
    let res = app.request(Method::PUT, "/api/v1/topics", Some(&token)).send().await.unwrap();
    problem(res, 405).await;
}

#[tokio::test]
async fn malformed_json_is_a_400_problem() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::POST, "/api/v1/auth/login", None)
        .header("content-type", "application/json")
        .body("{\"email\": ")
        .send()
        .await
        .unwrap();
    problem(res, 400).await;
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_415_problem() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::POST, "/api/v1/auth/login", None)
        .header("content-type", "text/plain")
        .body("email=x")
        .send()
        .await
        .unwrap();
    problem(res, 415).await;
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413_problem() {
    let app = TestApp::spawn().await;
    let huge = "x".repeat(200 * 1024);
    let res = app.post_json("/api/v1/auth/login", None, json!({"email": huge, "password": "x"})).await;
    problem(res, 413).await;
}

#[tokio::test]
async fn a_malformed_query_or_path_is_a_400_problem() {
    let app = TestApp::spawn().await;
    let token = app.login(BGD).await;
    problem(app.get("/api/v1/topics?limit=lots", &token).await, 400).await;
    problem(app.get("/api/v1/watch-items/not-a-uuid", &token).await, 400).await;
}

#[tokio::test]
async fn out_of_range_parameters_are_422_problems_naming_the_field() {
    let app = TestApp::spawn().await;
    let token = app.login(BGD).await;
    let p = problem(app.get("/api/v1/topics?limit=0&kind=treaty&cursor=zzz&sort=size", &token).await, 422).await;
    let mut f = fields(&p);
    f.sort();
    assert_eq!(f, vec!["cursor", "kind", "limit", "sort"]);
}

#[tokio::test]
async fn a_json_body_missing_a_field_is_a_422_naming_it() {
    let app = TestApp::spawn().await;
    let token = app.login(ADMIN).await;
    let res = app.post_json("/api/v1/topics", Some(&token), json!({"code": "ABC", "kind": "other"})).await;
    let p = problem(res, 422).await;
    assert_eq!(fields(&p), vec!["title"]);
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_a_sane_incoming_one_is_kept() {
    let app = TestApp::spawn().await;
    let res = app.request(Method::GET, "/health/live", None).header("x-request-id", "trace-123").send().await.unwrap();
    assert_eq!(res.headers()["x-request-id"], "trace-123");
    let res = app.request(Method::GET, "/health/live", None).header("x-request-id", "bad id!").send().await.unwrap();
    let id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_ne!(id, "bad id!");
    let p = problem(app.request(Method::GET, "/api/v1/me", None).send().await.unwrap(), 401).await;
    assert!(p["request_id"].as_str().is_some_and(|r| !r.is_empty()));
}

/// The health paths are resources like the API's: another method is a 405 naming GET, not the SPA's page
/// (which used to answer `HEAD /health/ready` with 200 whatever the database's state).
#[tokio::test]
async fn a_wrong_method_on_health_is_a_405_problem() {
    let app = TestApp::spawn().await;
    for path in ["/health/live", "/health/ready"] {
        let res = app.request(Method::POST, path, None).send().await.unwrap();
        assert_eq!(res.headers()["allow"], "GET", "{path}");
        problem(res, 405).await;
        let res = app.request(Method::HEAD, path, None).send().await.unwrap();
        assert_eq!(res.status(), 405, "HEAD {path}");
    }
}

#[tokio::test]
async fn health_says_live_and_ready() {
    let app = TestApp::spawn().await;
    for path in ["/health/live", "/health/ready"] {
        let res = app.request(Method::GET, path, None).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["status"], "ok");
    }
}

#[tokio::test]
async fn client_routes_without_a_built_spa_get_a_plain_page_not_an_error() {
    let app = TestApp::spawn().await;
    let res = app.request(Method::GET, "/topics/FISH", None).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("Geneva–MSME Connection"));
}

#[tokio::test]
async fn nul_bytes_are_refused_at_the_edge_and_never_reach_the_database() {
    let app = TestApp::spawn().await;
    let token = app.login(ADMIN).await;
    problem(app.get("/api/v1/topics?q=a%00b", &token).await, 400).await;
    problem(app.get("/api/v1/countries/B%00D", &token).await, 400).await;
    problem(app.get("/api/v1/audit-events?action=x%00", &token).await, 400).await;
    let res = app
        .post_json("/api/v1/topics", Some(&token), json!({"code": "NUL", "title": "a\u{0}b", "kind": "other"}))
        .await;
    assert_eq!(fields(&problem(res, 422).await), vec!["title"]);
    let res = app.post_json("/api/v1/auth/login", None, json!({"email": "a\u{0}@gmc.test", "password": "x"})).await;
    problem(res, 401).await;
}
