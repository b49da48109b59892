//! The administrative lists: users, the audit log and API keys.

use serde_json::json;

use super::{refuses_bad_sorts_and_foreign_cursors, sorts_like_memory, text, time, walk, Field};
use crate::helpers::*;

#[tokio::test]
async fn users_and_the_audit_log_sort_across_pages() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let (users, total) = walk(&app, &admin, "/api/v1/users?limit=200").await;
    assert_eq!(total as usize, users.len());
    let mut emails: Vec<&str> = users.iter().filter_map(|u| u["email"].as_str()).collect();
    let listed = emails.clone();
    emails.sort();
    assert_eq!(listed, emails, "without sort: by e-mail");
    let fields: &[Field] = &[("email", text), ("name", text), ("role", text), ("created_at", time)];
    sorts_like_memory(&app, &admin, "/api/v1/users?", &users, fields).await;
    refuses_bad_sorts_and_foreign_cursors(&app, &admin, "/api/v1/users?", ["name", "-name"], "&role=delegate").await;

    let (events, total) = walk(&app, &admin, "/api/v1/audit-events?limit=200").await;
    assert_eq!(total as usize, events.len());
    sorts_like_memory(&app, &admin, "/api/v1/audit-events?", &events, &[("at", time), ("action", text)]).await;
    refuses_bad_sorts_and_foreign_cursors(&app, &admin, "/api/v1/audit-events?", ["at", "-at"], "&entity_type=user")
        .await;
}

#[tokio::test]
async fn api_keys_sort_by_name_and_dates_with_unused_and_unexpiring_keys_first() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let mut secrets = Vec::new();
    for (name, expires) in
        [("crm", None), ("Backup", Some("2030-01-01T00:00:00Z")), ("crm", Some("2029-06-01T00:00:00Z")), ("etl", None)]
    {
        let body = json!({"name": name, "scopes": ["read"], "expires_at": expires});
        let res = app.post_json("/api/v1/api-keys", Some(&bgd), body).await;
        assert_eq!(res.status(), 201);
        let key: serde_json::Value = res.json().await.unwrap();
        secrets.push(key["key"].as_str().unwrap().to_owned());
    }
    // Used keys get a last-used time; the others keep none.
    for secret in &secrets[1..3] {
        app.get_json("/api/v1/me", secret).await;
    }
    let (all, total) = walk(&app, &bgd, "/api/v1/api-keys?limit=200").await;
    assert_eq!(total, 4);
    let by: &[Field] = &[("name", text), ("created_at", time), ("last_used_at", time), ("expires_at", time)];
    sorts_like_memory(&app, &bgd, "/api/v1/api-keys?", &all, by).await;
    let p = problem(app.get("/api/v1/api-keys?sort=secret", &bgd).await, 422).await;
    assert_eq!(fields(&p), vec!["sort"]);
    let first = app.get_json("/api/v1/api-keys?sort=name&limit=1", &bgd).await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let p = problem(app.get(&format!("/api/v1/api-keys?sort=-name&cursor={cursor}"), &bgd).await, 422).await;
    assert_eq!(fields(&p), vec!["cursor"]);
}
