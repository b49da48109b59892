//! Prep items' texts (issue 9): saved in versions over the current one (If-Match), read one by one,
//! compared word by word; and the request examples of the preparation endpoints.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::prep_items::{create, save_text};

#[tokio::test]
async fn a_text_is_saved_over_its_current_version_only_and_two_versions_diff_word_by_word() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let position = create(&app, &bgd, json!({})).await;
    let pid = position["id"].as_str().unwrap();
    problem(save_text(&app, &bgd, pid, Some("\"0\""), "text").await, 409).await;
    problem(app.get(&format!("/api/v1/prep-items/{pid}/texts"), &bgd).await, 409).await;

    let proposal = create(&app, &bgd, json!({"kind": "proposal"})).await;
    let id = proposal["id"].as_str().unwrap();
    problem(save_text(&app, &bgd, id, None, "no If-Match").await, 428).await;
    let first = save_text(&app, &bgd, id, Some("\"0\""), "LDCs keep the transition for five years.").await;
    assert_eq!(first.status(), 201);
    assert_eq!(first.headers()["etag"], "\"1\"");
    // A second editor still on version 0 is refused, and nothing is written.
    problem(save_text(&app, &bgd, id, Some("\"0\""), "An overwrite.").await, 412).await;
    let second =
        save_text(&app, &bgd, id, Some("\"1\""), "LDCs keep the transition for seven years after graduation.").await;
    assert_eq!(second.status(), 201);
    assert_eq!(second.json::<Value>().await.unwrap()["number"], 2);
    problem(save_text(&app, &bgd, id, Some("\"2\""), "   ").await, 422).await;

    let versions = app.get_json(&format!("/api/v1/prep-items/{id}/texts"), &bgd).await;
    let items = versions["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["author_name"], "Bangladesh Delegate");
    assert_eq!(items[0]["length"], 40);
    assert!(items[0].get("body").is_none(), "the list carries no bodies");
    let one = app.get_json(&format!("/api/v1/prep-items/{id}/texts/1"), &bgd).await;
    assert_eq!(one["body"], "LDCs keep the transition for five years.");
    problem(app.get(&format!("/api/v1/prep-items/{id}/texts/3"), &bgd).await, 404).await;
    assert_eq!(app.get_json(&format!("/api/v1/prep-items/{id}"), &bgd).await["text_number"], 2);

    let diff = app.get_json(&format!("/api/v1/prep-items/{id}/texts/diff?from=1&to=2"), &bgd).await;
    let ops = diff["ops"].as_array().unwrap();
    let text =
        |kind: &str| ops.iter().filter(|o| o["op"] != kind).map(|o| o["text"].as_str().unwrap()).collect::<String>();
    assert_eq!(text("insert"), "LDCs keep the transition for five years.");
    assert_eq!(text("delete"), "LDCs keep the transition for seven years after graduation.");
    assert!(ops.iter().any(|o| o["op"] == "delete" && o["text"].as_str().unwrap().contains("five")));
    problem(app.get(&format!("/api/v1/prep-items/{id}/texts/diff?from=0&to=2"), &bgd).await, 422).await;
    problem(app.get(&format!("/api/v1/prep-items/{id}/texts/diff?from=1&to=9"), &bgd).await, 404).await;

    // The kind cannot drop its text once there is one.
    let patch = app
        .request(Method::PATCH, &format!("/api/v1/prep-items/{id}"), Some(&bgd))
        .header("if-match", "\"1\"")
        .json(&json!({"kind": "position"}))
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(patch, 422).await), ["kind"]);
}

/// The request example of an operation in the served document.
fn example(doc: &Value, path: &str, method: &str) -> Value {
    let ex = &doc["paths"][path][method]["requestBody"]["content"]["application/json"]["example"];
    assert!(ex.is_object(), "{method} {path} has no request example");
    ex.clone()
}

#[tokio::test]
async fn the_request_examples_of_prep_items_and_coalitions_are_valid_requests() {
    let app = TestApp::spawn().await;
    let doc: Value = app.request(Method::GET, "/api/v1/openapi.json", None).send().await.unwrap().json().await.unwrap();
    let (admin, bgd) = (app.login(ADMIN).await, app.login(BGD).await);
    let send = |method: Method, template: &str, path: String, token: String, if_match: Option<&'static str>| {
        let body = example(&doc, template, &method.as_str().to_lowercase());
        let mut rb = app.request(method, &path, Some(&token)).json(&body);
        if let Some(v) = if_match {
            rb = rb.header("if-match", v);
        }
        rb.send()
    };
    let res = send(Method::POST, "/api/v1/prep-items", "/api/v1/prep-items".into(), bgd.clone(), None).await.unwrap();
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let item = format!("/api/v1/prep-items/{id}");
    let cases = [
        (Method::PATCH, "/api/v1/prep-items/{id}", item.clone(), Some("\"1\""), 200),
        (Method::POST, "/api/v1/prep-items/{id}/steps", format!("{item}/steps"), None, 200),
        (Method::POST, "/api/v1/prep-items/{id}/texts", format!("{item}/texts"), Some("\"0\""), 201),
    ];
    for (method, template, path, if_match, status) in cases {
        let res = send(method, template, path, bgd.clone(), if_match).await.unwrap();
        assert_eq!(res.status(), status, "{template}: {}", res.text().await.unwrap());
    }
    let res = send(Method::POST, "/api/v1/coalitions", "/api/v1/coalitions".into(), admin.clone(), None).await.unwrap();
    assert_eq!(res.status(), 201);
    let path = format!("/api/v1/coalitions/{}", res.json::<Value>().await.unwrap()["id"].as_str().unwrap());
    let res = send(Method::PATCH, "/api/v1/coalitions/{id}", path, admin, Some("\"1\"")).await.unwrap();
    assert_eq!(res.status(), 200);
}
