use reqwest::Method;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn the_catalogue_has_at_least_25_topics_including_fisheries_subsidies() {
    let app = TestApp::spawn().await;
    let token = app.login(BGD).await;
    let all = app.all_pages("/api/v1/topics?limit=200", &token).await;
    assert!(all.len() >= 25, "{} topics", all.len());
    let fish = all.iter().find(|t| t["code"] == "FISH").expect("FISH");
    assert_eq!(fish["kind"], "negotiation");
    assert!(fish["title"].as_str().unwrap().to_lowercase().contains("fisheries subsidies"));
}

#[tokio::test]
async fn paging_through_topics_visits_each_exactly_once_in_order() {
    let app = TestApp::spawn().await;
    let token = app.login(ANALYST).await;
    let whole = app.get_json("/api/v1/topics?limit=200", &token).await["items"].as_array().unwrap().clone();
    let paged = app.all_pages("/api/v1/topics?limit=7", &token).await;
    let codes = |v: &[serde_json::Value]| v.iter().map(|t| t["code"].as_str().unwrap().to_owned()).collect::<Vec<_>>();
    assert_eq!(codes(&paged), codes(&whole));
    let mut sorted = codes(&whole);
    sorted.sort();
    assert_eq!(codes(&whole), sorted);
    let by_title_desc = app.all_pages("/api/v1/topics?limit=9&sort=-title", &token).await;
    assert_eq!(by_title_desc.len(), whole.len());
    let titles: Vec<String> = by_title_desc.iter().map(|t| t["title"].as_str().unwrap().to_owned()).collect();
    assert!(titles.windows(2).all(|w| w[0] >= w[1]));
}

#[tokio::test]
async fn topics_filter_by_kind_status_parent_and_text() {
    let app = TestApp::spawn().await;
    let token = app.login(NPL).await;
    let jsi = app.all_pages("/api/v1/topics?kind=joint_statement_initiative", &token).await;
    assert!(!jsi.is_empty() && jsi.iter().all(|t| t["kind"] == "joint_statement_initiative"));
    let children = app.all_pages("/api/v1/topics?parent=AG", &token).await;
    assert!(children.iter().any(|t| t["code"] == "AG-PSH"));
    let ag = app.get_json("/api/v1/topics/AG", &token).await;
    assert!(children.iter().all(|t| t["parent_id"] == ag["id"]));
    let found = app.all_pages("/api/v1/topics?q=FISHERIES", &token).await;
    assert!(found.iter().any(|t| t["code"] == "FISH"));
    let none = app.all_pages("/api/v1/topics?q=100%25_literal", &token).await;
    assert!(none.is_empty());
    let concluded = app.all_pages("/api/v1/topics?status=concluded", &token).await;
    assert!(concluded.iter().all(|t| t["status"] == "concluded"));
}

#[tokio::test]
async fn an_admin_creates_updates_and_deletes_a_topic_with_etags() {
    let app = TestApp::spawn().await;
    let token = app.login(ADMIN).await;
    let res = app
        .post_json(
            "/api/v1/topics",
            Some(&token),
            json!({"code": "test-x1", "title": "Test topic", "kind": "other", "wto_body": "General Council"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["etag"], "\"1\"");
    let created: serde_json::Value = res.json().await.unwrap();
    assert_eq!(created["code"], "TEST-X1");
    let id = created["id"].as_str().unwrap();

    let res = app
        .request(Method::PATCH, &format!("/api/v1/topics/{id}"), Some(&token))
        .header("if-match", "\"1\"")
        .json(&json!({"title": "Renamed", "status": "dormant"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"2\"");

    // A second writer still holding version 1 loses cleanly.
    let stale = app
        .request(Method::PATCH, &format!("/api/v1/topics/{id}"), Some(&token))
        .header("if-match", "\"1\"")
        .json(&json!({"title": "Lost update"}))
        .send()
        .await
        .unwrap();
    problem(stale, 412).await;
    let no_if_match = app
        .request(Method::PATCH, &format!("/api/v1/topics/{id}"), Some(&token))
        .json(&json!({"title": "No precondition"}))
        .send()
        .await
        .unwrap();
    problem(no_if_match, 428).await;
    assert_eq!(app.get_json(&format!("/api/v1/topics/{id}"), &token).await["title"], "Renamed");

    let res = app.request(Method::DELETE, &format!("/api/v1/topics/{id}"), Some(&token)).send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.get(&format!("/api/v1/topics/{id}"), &token).await, 404).await;

    let audit = app.get_json(&format!("/api/v1/audit-events?entity_id={id}"), &token).await;
    let actions: Vec<&str> = audit["items"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions, vec!["topic.delete", "topic.update", "topic.create"]);
}

#[tokio::test]
async fn a_delegate_cannot_change_the_catalogue() {
    let app = TestApp::spawn().await;
    let token = app.login(BGD).await;
    let res =
        app.post_json("/api/v1/topics", Some(&token), json!({"code": "NOPE", "title": "x", "kind": "other"})).await;
    problem(res, 403).await;
    let res = app
        .request(Method::PATCH, "/api/v1/topics/FISH", Some(&token))
        .header("if-match", "\"1\"")
        .json(&json!({"title": "Mine now"}))
        .send()
        .await
        .unwrap();
    problem(res, 403).await;
    problem(app.request(Method::DELETE, "/api/v1/topics/FISH", Some(&token)).send().await.unwrap(), 403).await;
}

#[tokio::test]
async fn bad_topics_are_refused_with_every_field_named_and_nothing_written() {
    let app = TestApp::spawn().await;
    let token = app.login(ADMIN).await;
    let before = app.all_pages("/api/v1/topics?limit=200", &token).await.len();
    let res = app
        .post_json(
            "/api/v1/topics",
            Some(&token),
            json!({"code": "1", "title": " ", "kind": "treaty", "status": "open", "parent_id": "00000000-0000-0000-0000-000000000000"}),
        )
        .await;
    let p = problem(res, 422).await;
    assert_eq!(fields(&p), vec!["code", "title", "kind", "status"]);
    let dup =
        app.post_json("/api/v1/topics", Some(&token), json!({"code": "FISH", "title": "Dup", "kind": "other"})).await;
    assert_eq!(fields(&problem(dup, 422).await), vec!["code"]);
    let orphan = app
        .post_json(
            "/api/v1/topics",
            Some(&token),
            json!({"code": "ORPHAN", "title": "x", "kind": "other", "parent_id": "00000000-0000-0000-0000-000000000000"}),
        )
        .await;
    assert_eq!(fields(&problem(orphan, 422).await), vec!["parent_id"]);
    assert_eq!(app.all_pages("/api/v1/topics?limit=200", &token).await.len(), before);
}

#[tokio::test]
async fn a_topic_cannot_become_its_own_ancestor_and_a_parent_with_children_cannot_be_deleted() {
    let app = TestApp::spawn().await;
    let token = app.login(ADMIN).await;
    let psh = app.get_json("/api/v1/topics/AG-PSH", &token).await;
    let res = app
        .request(Method::PATCH, "/api/v1/topics/AG", Some(&token))
        .header("if-match", "\"1\"")
        .json(&json!({"parent_id": psh["id"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(res, 422).await), vec!["parent_id"]);
    problem(app.request(Method::DELETE, "/api/v1/topics/AG", Some(&token)).send().await.unwrap(), 409).await;
    // FISH is on Bangladesh's watch-list: still referred to.
    problem(app.request(Method::DELETE, "/api/v1/topics/FISH", Some(&token)).send().await.unwrap(), 409).await;
}
