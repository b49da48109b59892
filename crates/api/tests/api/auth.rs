use reqwest::Method;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn signing_in_with_the_right_password_returns_a_bearer_token_pair() {
    let app = TestApp::spawn().await;
    let pair = app.login_pair(BGD).await;
    assert_eq!(pair["token_type"], "Bearer");
    assert_eq!(pair["expires_in"], 900);
    assert!(pair["refresh_token"].as_str().unwrap().starts_with("gmr_"));
    let me = app.get_json("/api/v1/me", pair["access_token"].as_str().unwrap()).await;
    assert_eq!(me["email"], BGD);
    assert_eq!(me["role"], "delegate");
    assert_eq!(me["delegation"]["country_code"], "BGD");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_401() {
    let app = TestApp::spawn().await;
    let wrong = app.post_json("/api/v1/auth/login", None, json!({"email": BGD, "password": "nope-nope-nope"})).await;
    let a = problem(wrong, 401).await;
    let unknown =
        app.post_json("/api/v1/auth/login", None, json!({"email": "who@gmc.test", "password": PASSWORD})).await;
    let b = problem(unknown, 401).await;
    assert_eq!(a["detail"], b["detail"]);
}

#[tokio::test]
async fn too_many_login_attempts_get_429_with_retry_after() {
    let app = TestApp::spawn_with(|s| {
        s.login_burst = 2;
        s.login_period_secs = 60;
    })
    .await;
    for _ in 0..2 {
        let res = app.post_json("/api/v1/auth/login", None, json!({"email": BGD, "password": "wrong-wrong"})).await;
        assert_eq!(res.status(), 401);
    }
    let res = app.post_json("/api/v1/auth/login", None, json!({"email": BGD, "password": PASSWORD})).await;
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry));
    problem(res, 429).await;
}

#[tokio::test]
async fn a_refresh_token_is_rotated_and_its_reuse_revokes_the_family() {
    let app = TestApp::spawn().await;
    let first = app.login_pair(NPL).await;
    let old = first["refresh_token"].as_str().unwrap();

    let res = app.post_json("/api/v1/auth/refresh", None, json!({"refresh_token": old})).await;
    assert_eq!(res.status(), 200);
    let second: serde_json::Value = res.json().await.unwrap();
    let new = second["refresh_token"].as_str().unwrap();
    assert_ne!(new, old);
    app.get_json("/api/v1/me", second["access_token"].as_str().unwrap()).await;

    // Someone replays the spent token: refused, and the new one dies with it.
    let replay = app.post_json("/api/v1/auth/refresh", None, json!({"refresh_token": old})).await;
    problem(replay, 401).await;
    let after = app.post_json("/api/v1/auth/refresh", None, json!({"refresh_token": new})).await;
    problem(after, 401).await;
}

#[tokio::test]
async fn logging_out_revokes_the_refresh_token() {
    let app = TestApp::spawn().await;
    let pair = app.login_pair(ANALYST).await;
    let rt = pair["refresh_token"].as_str().unwrap();
    let res = app.post_json("/api/v1/auth/logout", None, json!({"refresh_token": rt})).await;
    assert_eq!(res.status(), 204);
    let res = app.post_json("/api/v1/auth/refresh", None, json!({"refresh_token": rt})).await;
    problem(res, 401).await;
}

#[tokio::test]
async fn a_missing_malformed_or_forged_token_is_a_401_with_www_authenticate() {
    let app = TestApp::spawn().await;
    let none = app.request(Method::GET, "/api/v1/me", None).send().await.unwrap();
    assert_eq!(none.headers()["www-authenticate"], "Bearer");
    problem(none, 401).await;
    let basic = app
        .request(Method::GET, "/api/v1/me", None)
        .header("authorization", "Basic Zm9vOmJhcg==")
        .send()
        .await
        .unwrap();
    problem(basic, 401).await;
    let forged = app.get("/api/v1/me", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").await;
    problem(forged, 401).await;
}

#[tokio::test]
async fn signing_in_and_out_leaves_audit_events() {
    let app = TestApp::spawn().await;
    let pair = app.login_pair(BGD).await;
    app.post_json("/api/v1/auth/logout", None, json!({"refresh_token": pair["refresh_token"]})).await;
    let admin = app.login(ADMIN).await;
    let events = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
    let actions: Vec<&str> = events["items"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"auth.login"));
    assert!(actions.contains(&"auth.logout"));
}

#[tokio::test]
async fn a_disabled_or_demoted_user_loses_their_rights_at_once_not_when_the_token_expires() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    // A second admin whose token we keep, then demote.
    let res = app
        .post_json(
            "/api/v1/users",
            Some(&admin),
            json!({"email": "second.admin@gmc.test", "name": "Second", "password": PASSWORD, "role": "admin"}),
        )
        .await;
    let second: serde_json::Value = res.json().await.unwrap();
    let second_token = app.login("second.admin@gmc.test").await;
    let res = app
        .request(Method::PATCH, &format!("/api/v1/users/{}", second["id"].as_str().unwrap()), Some(&admin))
        .header("if-match", "\"1\"")
        .json(&json!({"role": "analyst"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = app
        .post_json(
            "/api/v1/users",
            Some(&second_token),
            json!({"email": "backdoor@gmc.test", "name": "B", "password": "long-enough-pass", "role": "admin"}),
        )
        .await;
    problem(res, 403).await;

    let me = app.get_json("/api/v1/me", &bgd).await;
    let res = app
        .request(Method::PATCH, &format!("/api/v1/users/{}", me["id"].as_str().unwrap()), Some(&admin))
        .header("if-match", "\"1\"")
        .json(&json!({"active": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    problem(app.get("/api/v1/watch-items", &bgd).await, 401).await;
}

#[tokio::test]
async fn of_two_concurrent_refreshes_with_one_token_at_most_one_wins_and_the_family_ends() {
    let app = TestApp::spawn().await;
    let pair = app.login_pair(BGD).await;
    let body = json!({"refresh_token": pair["refresh_token"]});
    let (a, b) = tokio::join!(
        app.post_json("/api/v1/auth/refresh", None, body.clone()),
        app.post_json("/api/v1/auth/refresh", None, body.clone())
    );
    let mut winners = Vec::new();
    for res in [a, b] {
        if res.status() == 200 {
            winners.push(res.json::<serde_json::Value>().await.unwrap());
        } else {
            problem(res, 401).await;
        }
    }
    assert!(winners.len() <= 1, "both refreshes won");
    for w in winners {
        let res = app.post_json("/api/v1/auth/refresh", None, json!({"refresh_token": w["refresh_token"]})).await;
        problem(res, 401).await;
    }
}

#[tokio::test]
async fn a_refresh_leaves_an_audit_event() {
    let app = TestApp::spawn().await;
    let pair = app.login_pair(NPL).await;
    let res = app.post_json("/api/v1/auth/refresh", None, json!({"refresh_token": pair["refresh_token"]})).await;
    assert_eq!(res.status(), 200);
    let admin = app.login(ADMIN).await;
    let events = app.get_json("/api/v1/audit-events?action=auth.refresh", &admin).await;
    assert_eq!(events["items"].as_array().unwrap().len(), 1);
}
