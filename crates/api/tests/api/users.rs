use reqwest::Method;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn an_admin_creates_a_focal_point_who_can_then_sign_in() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.delegation_id(&admin, "BGD").await;
    let res = app
        .post_json(
            "/api/v1/users",
            Some(&admin),
            json!({"email": "Focal.BGD@gmc.test", "name": "Dhaka focal point", "password": "a-long-password", "role": "focal_point", "delegation_id": bgd}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let user: serde_json::Value = res.json().await.unwrap();
    assert_eq!(user["email"], "focal.bgd@gmc.test");
    assert!(user.get("password_hash").is_none());
    let res = app
        .post_json("/api/v1/auth/login", None, json!({"email": "focal.bgd@gmc.test", "password": "a-long-password"}))
        .await;
    assert_eq!(res.status(), 200);
    let listed = app.all_pages("/api/v1/users?role=focal_point", &admin).await;
    assert_eq!(listed.len(), 1);
}

#[tokio::test]
async fn bad_users_are_refused_field_by_field() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let res = app
        .post_json(
            "/api/v1/users",
            Some(&admin),
            json!({"email": "nope", "name": "", "password": "short", "role": "delegate"}),
        )
        .await;
    let p = problem(res, 422).await;
    assert_eq!(fields(&p), vec!["email", "name", "password", "delegation_id"]);
    let dup = app
        .post_json(
            "/api/v1/users",
            Some(&admin),
            json!({"email": ANALYST, "name": "Again", "password": "long-enough-pw", "role": "analyst"}),
        )
        .await;
    assert_eq!(fields(&problem(dup, 422).await), vec!["email"]);
}

#[tokio::test]
async fn disabling_a_user_ends_their_sessions() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let pair = app.login_pair(NPL).await;
    let users = app.all_pages("/api/v1/users?q=npl", &admin).await;
    let id = users[0]["id"].as_str().unwrap();
    let res = app
        .request(Method::PATCH, &format!("/api/v1/users/{id}"), Some(&admin))
        .header("if-match", format!("\"{}\"", users[0]["version"]))
        .json(&json!({"active": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let refresh = app.post_json("/api/v1/auth/refresh", None, json!({"refresh_token": pair["refresh_token"]})).await;
    problem(refresh, 401).await;
    let login = app.post_json("/api/v1/auth/login", None, json!({"email": NPL, "password": PASSWORD})).await;
    problem(login, 401).await;
}

#[tokio::test]
async fn an_admin_cannot_lock_themselves_out() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let me = app.get_json("/api/v1/me", &admin).await;
    let res = app
        .request(Method::PATCH, &format!("/api/v1/users/{}", me["id"].as_str().unwrap()), Some(&admin))
        .header("if-match", "\"1\"")
        .json(&json!({"role": "analyst"}))
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(res, 422).await), vec!["active"]);
}
