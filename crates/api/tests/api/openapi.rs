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
