use reqwest::Method;

use crate::helpers::*;

#[tokio::test]
async fn the_served_document_is_the_committed_one() {
    let app = TestApp::spawn().await;
    let served: serde_json::Value =
        app.request(Method::GET, "/api/v1/openapi.json", None).send().await.unwrap().json().await.unwrap();
    let committed_text = include_str!("../../../../openapi/openapi.json");
    let committed: serde_json::Value = serde_json::from_str(committed_text).unwrap();
    assert_eq!(served, committed, "openapi/openapi.json is stale: run `make openapi`");
    assert_eq!(gmc_api::openapi::document_json(), committed_text, "openapi/openapi.json is stale: run `make openapi`");
    assert_eq!(served["openapi"], "3.1.0");
}

#[tokio::test]
async fn the_docs_ui_is_served_from_the_binary() {
    let app = TestApp::spawn().await;
    let res = app.request(Method::GET, "/api/docs", None).send().await.unwrap();
    assert_eq!(res.status(), 308);
    let res = app.request(Method::GET, "/api/docs/", None).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("swagger-ui"));
    let css = app.request(Method::GET, "/api/docs/swagger-ui.css", None).send().await.unwrap();
    assert_eq!(css.status(), 200);
}

#[tokio::test]
async fn head_on_the_docs_answers_like_get_without_a_body() {
    let app = TestApp::spawn().await;
    for path in ["/api/docs/", "/api/docs/swagger-ui.css", "/api/v1/openapi.json"] {
        let get = app.request(Method::GET, path, None).send().await.unwrap();
        let head = app.request(Method::HEAD, path, None).send().await.unwrap();
        assert_eq!(head.status(), 200, "HEAD {path}");
        assert_eq!(head.headers().get("content-type"), get.headers().get("content-type"), "HEAD {path}");
        assert!(head.bytes().await.unwrap().is_empty(), "HEAD {path} has no body");
    }
    let res = app.request(Method::HEAD, "/api/docs", None).send().await.unwrap();
    assert_eq!(res.status(), 308);
}

/// The request example of an operation in the served document.
fn example(doc: &serde_json::Value, path: &str, method: &str) -> serde_json::Value {
    let ex = &doc["paths"][path][method]["requestBody"]["content"]["application/json"]["example"];
    assert!(ex.is_object(), "{method} {path} has no request example");
    ex.clone()
}

/// Sends an operation's request example and returns the answer's JSON, asserting the status.
async fn send_example(
    app: &TestApp,
    doc: &serde_json::Value,
    (method, template, path): (Method, &str, &str),
    token: Option<&str>,
    if_match: Option<&str>,
    status: u16,
) -> serde_json::Value {
    let body = example(doc, template, &method.as_str().to_lowercase());
    let mut rb = app.request(method.clone(), path, token).json(&body);
    if let Some(v) = if_match {
        rb = rb.header("if-match", v);
    }
    let res = rb.send().await.unwrap();
    let got = res.status().as_u16();
    let text = res.text().await.unwrap();
    assert_eq!(got, status, "{method} {template} with its example answered {got}: {text}");
    serde_json::from_str(&text).unwrap_or_default()
}

#[tokio::test]
async fn the_request_examples_of_the_document_are_valid_requests() {
    let app = TestApp::spawn().await;
    let doc: serde_json::Value =
        app.request(Method::GET, "/api/v1/openapi.json", None).send().await.unwrap().json().await.unwrap();
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let (post, patch) = (Method::POST, Method::PATCH);

    let pair =
        send_example(&app, &doc, (post.clone(), "/api/v1/auth/login", "/api/v1/auth/login"), None, None, 200).await;
    assert!(pair["refresh_token"].is_string());

    let topic =
        send_example(&app, &doc, (post.clone(), "/api/v1/topics", "/api/v1/topics"), Some(&admin), None, 201).await;
    let path = format!("/api/v1/topics/{}", topic["id"].as_str().unwrap());
    send_example(&app, &doc, (patch.clone(), "/api/v1/topics/{id}", &path), Some(&admin), Some("\"1\""), 200).await;

    // The watch-list example names a topic by id: the one just created stands in for it.
    let mut body = example(&doc, "/api/v1/watch-items", "post");
    body["topic_id"] = topic["id"].clone();
    let res = app.post_json("/api/v1/watch-items", Some(&bgd), body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let item: serde_json::Value =
        app.all_pages("/api/v1/watch-items", &bgd).await.into_iter().find(|w| w["topic_id"] == topic["id"]).unwrap();
    let path = format!("/api/v1/watch-items/{}", item["id"].as_str().unwrap());
    send_example(&app, &doc, (patch.clone(), "/api/v1/watch-items/{id}", &path), Some(&bgd), Some("\"1\""), 200).await;

    let stakeholder =
        send_example(&app, &doc, (post.clone(), "/api/v1/stakeholders", "/api/v1/stakeholders"), Some(&bgd), None, 201)
            .await;
    let path = format!("/api/v1/stakeholders/{}", stakeholder["id"].as_str().unwrap());
    send_example(&app, &doc, (patch.clone(), "/api/v1/stakeholders/{id}", &path), Some(&bgd), Some("\"1\""), 200).await;

    let impediment =
        send_example(&app, &doc, (post.clone(), "/api/v1/impediments", "/api/v1/impediments"), Some(&bgd), None, 201)
            .await;
    let path = format!("/api/v1/impediments/{}", impediment["id"].as_str().unwrap());
    send_example(&app, &doc, (patch.clone(), "/api/v1/impediments/{id}", &path), Some(&bgd), Some("\"1\""), 200).await;
    let steps = format!("{path}/steps");
    send_example(&app, &doc, (post.clone(), "/api/v1/impediments/{id}/steps", &steps), Some(&bgd), None, 200).await;

    let consultation = send_example(
        &app,
        &doc,
        (post.clone(), "/api/v1/consultations", "/api/v1/consultations"),
        Some(&bgd),
        None,
        201,
    )
    .await;
    let path = format!("/api/v1/consultations/{}", consultation["id"].as_str().unwrap());
    send_example(&app, &doc, (patch.clone(), "/api/v1/consultations/{id}", &path), Some(&bgd), Some("\"1\""), 200)
        .await;
    let status = format!("{path}/status");
    send_example(
        &app,
        &doc,
        (post.clone(), "/api/v1/consultations/{id}/status", &status),
        Some(&bgd),
        Some("\"2\""),
        200,
    )
    .await;
    let responses = format!("/api/v1/public/consultations/{}/responses", consultation["token"].as_str().unwrap());
    let template = "/api/v1/public/consultations/{token}/responses";
    send_example(&app, &doc, (post.clone(), template, &responses), None, None, 201).await;

    let user =
        send_example(&app, &doc, (post.clone(), "/api/v1/users", "/api/v1/users"), Some(&admin), None, 201).await;
    let path = format!("/api/v1/users/{}", user["id"].as_str().unwrap());
    send_example(&app, &doc, (patch.clone(), "/api/v1/users/{id}", &path), Some(&admin), Some("\"1\""), 200).await;

    send_example(&app, &doc, (post.clone(), "/api/v1/api-keys", "/api/v1/api-keys"), Some(&bgd), None, 201).await;

    // Refresh, then sign out with the fresh refresh token: the examples' shape, with real tokens.
    let body = serde_json::json!({"refresh_token": pair["refresh_token"]});
    assert!(example(&doc, "/api/v1/auth/refresh", "post")["refresh_token"].is_string());
    let res = app.post_json("/api/v1/auth/refresh", None, body).await;
    assert_eq!(res.status(), 200);
    let fresh: serde_json::Value = res.json().await.unwrap();
    let res =
        app.post_json("/api/v1/auth/logout", None, serde_json::json!({"refresh_token": fresh["refresh_token"]})).await;
    assert_eq!(res.status(), 204);
}
