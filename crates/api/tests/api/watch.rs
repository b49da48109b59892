use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

fn notes(items: &[Value]) -> Vec<String> {
    items.iter().map(|w| w["note"].as_str().unwrap_or_default().to_owned()).collect()
}

/// The Bangladesh delegation's private (`delegation`-level) entries, as its own delegate sees them.
async fn bgd_private(app: &TestApp) -> Vec<Value> {
    let bgd = app.login(BGD).await;
    let all = app.all_pages("/api/v1/watch-items", &bgd).await;
    let private: Vec<Value> =
        all.into_iter().filter(|w| w["country_code"] == "BGD" && w["visibility"] == "delegation").collect();
    assert!(private.len() >= 2, "the demo data has private Bangladesh entries");
    private
}

#[tokio::test]
async fn the_nepal_delegate_reads_no_bangladesh_private_entry_by_any_path() {
    let app = TestApp::spawn().await;
    let private = bgd_private(&app).await;
    let npl = app.login(NPL).await;
    let admin = app.login(ADMIN).await;
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;

    let mut seen = Vec::new();
    for path in [
        "/api/v1/watch-items".to_owned(),
        "/api/v1/watch-items?limit=1".to_owned(),
        format!("/api/v1/watch-items?delegation={bgd_delegation}"),
        "/api/v1/watch-items?topic=FISH".to_owned(),
        "/api/v1/watch-items?topic=LDC-GRAD".to_owned(),
        "/api/v1/watch-items?q=confidential".to_owned(),
        "/api/v1/watch-items?q=red%20line".to_owned(),
    ] {
        seen.extend(app.all_pages(&path, &npl).await);
    }
    assert!(seen.iter().all(|w| !(w["country_code"] == "BGD" && w["visibility"] == "delegation")), "{seen:?}");
    assert!(notes(&seen).iter().all(|n| !n.contains("red line")));

    for item in &private {
        let id = item["id"].as_str().unwrap();
        problem(app.get(&format!("/api/v1/watch-items/{id}"), &npl).await, 404).await;
        let patch = app
            .request(Method::PATCH, &format!("/api/v1/watch-items/{id}"), Some(&npl))
            .header("if-match", "\"1\"")
            .json(&json!({"note": "overwritten"}))
            .send()
            .await
            .unwrap();
        problem(patch, 404).await;
        let delete =
            app.request(Method::DELETE, &format!("/api/v1/watch-items/{id}"), Some(&npl)).send().await.unwrap();
        problem(delete, 404).await;
    }
    // Nothing was changed by the attempts.
    assert_eq!(notes(&bgd_private(&app).await), notes(&private));
}

#[tokio::test]
async fn shared_entries_reach_other_delegations_and_private_ones_reach_admins_only() {
    let app = TestApp::spawn().await;
    let npl = app.login(NPL).await;
    let analyst = app.login(ANALYST).await;
    let admin = app.login(ADMIN).await;
    let seen_by_npl = app.all_pages("/api/v1/watch-items", &npl).await;
    assert!(seen_by_npl.iter().any(|w| w["country_code"] == "BGD" && w["visibility"] == "regional"));
    assert!(seen_by_npl.iter().any(|w| w["country_code"] == "NPL" && w["visibility"] == "delegation"));
    let seen_by_analyst = app.all_pages("/api/v1/watch-items", &analyst).await;
    assert!(seen_by_analyst.iter().all(|w| w["visibility"] != "delegation"));
    let seen_by_admin = app.all_pages("/api/v1/watch-items", &admin).await;
    assert!(seen_by_admin.iter().any(|w| w["visibility"] == "delegation"));
}

#[tokio::test]
async fn a_delegate_keeps_a_private_watch_list_for_their_own_delegation() {
    let app = TestApp::spawn().await;
    let npl = app.login(NPL).await;
    let topic = app.get_json("/api/v1/topics/TF", &npl).await;
    let res = app
        .post_json("/api/v1/watch-items", Some(&npl), json!({"topic_id": topic["id"], "note": "Border agency delays"}))
        .await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["country_code"], "NPL");
    assert_eq!(created["visibility"], "delegation");
    assert_eq!(created["priority"], "medium");
    let id = created["id"].as_str().unwrap();

    let dup = app.post_json("/api/v1/watch-items", Some(&npl), json!({"topic_id": topic["id"]})).await;
    problem(dup, 409).await;

    let res = app
        .request(Method::PATCH, &format!("/api/v1/watch-items/{id}"), Some(&npl))
        .header("if-match", "\"1\"")
        .json(&json!({"visibility": "regional", "priority": "high"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let bgd = app.login(BGD).await;
    assert_eq!(app.get_json(&format!("/api/v1/watch-items/{id}"), &bgd).await["priority"], "high");
    // Readable is not writable: Bangladesh cannot edit Nepal's shared entry.
    let res = app
        .request(Method::PATCH, &format!("/api/v1/watch-items/{id}"), Some(&bgd))
        .header("if-match", "\"2\"")
        .json(&json!({"note": "hijack"}))
        .send()
        .await
        .unwrap();
    problem(res, 403).await;

    let res = app.request(Method::DELETE, &format!("/api/v1/watch-items/{id}"), Some(&npl)).send().await.unwrap();
    assert_eq!(res.status(), 204);
    let admin = app.login(ADMIN).await;
    let audit = app.get_json(&format!("/api/v1/audit-events?entity_id={id}"), &admin).await;
    assert_eq!(audit["items"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn a_delegate_cannot_file_for_another_delegation_and_bad_fields_are_named() {
    let app = TestApp::spawn().await;
    let npl = app.login(NPL).await;
    let admin = app.login(ADMIN).await;
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    let topic = app.get_json("/api/v1/topics/TF", &npl).await;
    let res = app
        .post_json("/api/v1/watch-items", Some(&npl), json!({"topic_id": topic["id"], "delegation_id": bgd_delegation}))
        .await;
    problem(res, 403).await;
    let res = app
        .post_json(
            "/api/v1/watch-items",
            Some(&npl),
            json!({"topic_id": topic["id"], "priority": "urgent", "visibility": "secret", "note": "x".repeat(4001)}),
        )
        .await;
    let mut f = fields(&problem(res, 422).await);
    f.sort();
    assert_eq!(f, vec!["note", "priority", "visibility"]);
    let res = app
        .post_json("/api/v1/watch-items", Some(&npl), json!({"topic_id": "00000000-0000-0000-0000-000000000000"}))
        .await;
    assert_eq!(fields(&problem(res, 422).await), vec!["topic_id"]);
    let analyst = app.login(ANALYST).await;
    let res = app.post_json("/api/v1/watch-items", Some(&analyst), json!({"topic_id": topic["id"]})).await;
    problem(res, 403).await;
}

#[tokio::test]
async fn many_concurrent_writes_all_succeed_without_a_server_error() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let topics = app.all_pages("/api/v1/topics?limit=200", &admin).await;
    let watched: Vec<String> = app
        .all_pages("/api/v1/watch-items", &bgd)
        .await
        .iter()
        .map(|w| w["topic_id"].as_str().unwrap().to_owned())
        .collect();
    let free: Vec<&Value> =
        topics.iter().filter(|t| !watched.contains(&t["id"].as_str().unwrap().to_owned())).take(16).collect();
    let requests = free
        .iter()
        .map(|t| app.post_json("/api/v1/watch-items", Some(&bgd), json!({"topic_id": t["id"], "note": "concurrent"})));
    let results = futures_util::future::join_all(requests).await;
    let statuses: Vec<u16> = results.iter().map(|r| r.status().as_u16()).collect();
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
}

#[tokio::test]
async fn an_empty_patch_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let item = bgd_private(&app).await.remove(0);
    let id = item["id"].as_str().unwrap();
    let res = app
        .request(Method::PATCH, &format!("/api/v1/watch-items/{id}"), Some(&bgd))
        .header("if-match", format!("\"{}\"", item["version"]))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(res, 422).await), vec!["body"]);
    assert_eq!(app.get_json(&format!("/api/v1/watch-items/{id}"), &bgd).await["version"], item["version"]);
}

#[tokio::test]
async fn a_change_of_visibility_is_audited_with_what_it_was_and_what_it_became() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let item = bgd_private(&app).await.remove(0);
    let id = item["id"].as_str().unwrap();
    let res = app
        .request(Method::PATCH, &format!("/api/v1/watch-items/{id}"), Some(&bgd))
        .header("if-match", format!("\"{}\"", item["version"]))
        .json(&json!({"visibility": "public"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let admin = app.login(ADMIN).await;
    let events = app.get_json(&format!("/api/v1/audit-events?entity_id={id}&action=watch_item.update"), &admin).await;
    assert_eq!(events["items"][0]["changes"]["visibility"], json!({"from": "delegation", "to": "public"}));
    assert!(events["items"][0]["request_id"].as_str().is_some_and(|r| !r.is_empty()));
}
