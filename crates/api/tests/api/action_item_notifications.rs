//! Action items tell their owner (issue 10): on assignment (create, or a new owner) in the write's
//! transaction, as the owner's settings say; and once per due date when overdue, however often and on
//! however many nodes the periodic job runs. Nobody else is told.

use chrono::{Days, Utc};
use gmc_store::entities::action_items;
use gmc_store::services::notifications::periodic;
use reqwest::Method;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::*;
use crate::meeting_fixtures::{action_item, meeting, meeting_body, user_id};

struct World {
    admin: String,
    bgd: String,
    npl: String,
    npl_user: String,
    meeting: String,
}

/// A Bangladesh meeting with Nepal invited.
async fn world(app: &TestApp) -> World {
    let admin = app.login(ADMIN).await;
    let (bgd_delegation, npl_delegation) =
        (app.delegation_id(&admin, "BGD").await, app.delegation_id(&admin, "NPL").await);
    let bgd = app.login(BGD).await;
    let meeting = meeting(app, &bgd, meeting_body(&bgd_delegation, "regional", &[&npl_delegation], &[])).await;
    World { npl_user: user_id(app, &admin, NPL).await, npl: app.login(NPL).await, bgd, admin, meeting }
}

/// The caller's notifications of one kind.
async fn told(app: &TestApp, token: &str, kind: &str) -> Vec<Value> {
    app.all_pages("/api/v1/me/notifications", token).await.into_iter().filter(|n| n["kind"] == kind).collect()
}

async fn patch(app: &TestApp, token: &str, item: &str, version: i64, body: Value) {
    let res = app
        .request(Method::PATCH, &format!("/api/v1/action-items/{item}"), Some(token))
        .header("if-match", format!("\"{version}\""))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
}

async fn set(app: &TestApp, token: &str, kind: &str, in_app: bool, email: bool) {
    let res = app
        .request(Method::PUT, "/api/v1/me/notification-settings", Some(token))
        .json(&json!({"items": [{"kind": kind, "in_app": in_app, "email": email}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn assigning_an_action_item_tells_its_new_owner_and_nobody_else() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let bgd_user = user_id(&app, &w.admin, BGD).await;
    let item = action_item(&app, &w.bgd, &w.meeting, &w.npl_user).await;

    let npl_told = told(&app, &w.npl, "action_item_assigned").await;
    assert_eq!(npl_told.len(), 1);
    assert!(npl_told[0]["title"].as_str().unwrap().contains("Share the testing data"));
    assert_eq!(npl_told[0]["link"], format!("/meetings/{}", w.meeting));
    // The organiser who assigned it, and people outside the meeting, are told nothing.
    for token in [&w.bgd, &w.admin, &app.login(ANALYST).await] {
        assert!(told(&app, token, "action_item_assigned").await.is_empty());
    }

    // Taken over by the organiser themselves: nobody to tell.
    patch(&app, &w.bgd, &item, 1, json!({"owner_user_id": bgd_user})).await;
    assert!(told(&app, &w.bgd, "action_item_assigned").await.is_empty());
    // Handed back to Nepal: told again (a new assignment, not a repeat).
    patch(&app, &w.bgd, &item, 2, json!({"owner_user_id": w.npl_user})).await;
    assert_eq!(told(&app, &w.npl, "action_item_assigned").await.len(), 2);
    // A change that keeps the owner tells nobody.
    patch(&app, &w.bgd, &item, 3, json!({"title": "Share the data, revised"})).await;
    patch(&app, &w.npl, &item, 4, json!({"status": "done"})).await;
    assert_eq!(told(&app, &w.npl, "action_item_assigned").await.len(), 2);
}

#[tokio::test]
async fn the_owners_settings_decide_how_an_assignment_is_told() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    // By e-mail only: no bell, one mail in the outbox.
    set(&app, &w.npl, "action_item_assigned", false, true).await;
    let unread = || async { app.get_json("/api/v1/me/notifications/unread-count", &w.npl).await["unread"].clone() };
    let before = unread().await;
    action_item(&app, &w.bgd, &w.meeting, &w.npl_user).await;
    assert_eq!(unread().await, before, "nothing new in the bell");
    let kept = told(&app, &w.npl, "action_item_assigned").await;
    assert_eq!(kept.len(), 1, "kept, read, so that the dedupe key also guards the e-mail");
    assert!(kept[0]["read_at"].is_string());
    let outbox = app.get_json("/api/v1/admin/email-outbox", &w.admin).await;
    assert_eq!(outbox["total"], 1);
    assert_eq!(outbox["items"][0]["to"], NPL);
    assert!(outbox["items"][0]["subject"].as_str().unwrap().contains("Share the testing data"));
    // Off altogether: nothing at all.
    set(&app, &w.npl, "action_item_assigned", false, false).await;
    action_item(&app, &w.bgd, &w.meeting, &w.npl_user).await;
    assert_eq!(app.get_json("/api/v1/admin/email-outbox", &w.admin).await["total"], 1);
    assert_eq!(told(&app, &w.npl, "action_item_assigned").await.len(), 1);
}

/// Moves an action item's due date to `days_ago` days before today.
async fn due(app: &TestApp, item: &str, days_ago: u64) {
    let db = app.db().await;
    let id: Uuid = item.parse().unwrap();
    let mut m = action_items::Entity::find_by_id(id).one(&db).await.unwrap().unwrap().into_active_model();
    m.due_on = Set(Utc::now().date_naive().checked_sub_days(Days::new(days_ago)).unwrap());
    m.update(&db).await.unwrap();
}

#[tokio::test]
async fn an_overdue_action_item_tells_its_owner_once_per_due_date_across_runs_and_nodes() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let overdue = action_item(&app, &w.bgd, &w.meeting, &w.npl_user).await;
    let done = action_item(&app, &w.bgd, &w.meeting, &w.npl_user).await;
    let _future = action_item(&app, &w.bgd, &w.meeting, &w.npl_user).await;
    due(&app, &overdue, 3).await;
    due(&app, &done, 3).await;
    patch(&app, &w.npl, &done, 1, json!({"status": "done"})).await;
    let today = Utc::now().date_naive();

    // Two nodes at once, then again: one notification.
    let (db1, db2) = (app.db().await, app.db().await);
    let (a, b) = tokio::join!(periodic::run(&db1, today), periodic::run(&db2, today));
    assert_eq!(a.unwrap().overdue_action_items + b.unwrap().overdue_action_items, 1);
    assert_eq!(periodic::overdue_action_items(&db1, today).await.unwrap(), 0);
    let npl_told = told(&app, &w.npl, "action_item_overdue").await;
    assert_eq!(npl_told.len(), 1);
    assert!(npl_told[0]["title"].as_str().unwrap().contains("Share the testing data"));
    assert!(told(&app, &w.bgd, "action_item_overdue").await.is_empty(), "only the owner is told");

    // A new due date that passes too is told again, once.
    due(&app, &overdue, 1).await;
    assert_eq!(periodic::overdue_action_items(&db1, today).await.unwrap(), 1);
    assert_eq!(periodic::overdue_action_items(&db1, today).await.unwrap(), 0);
    assert_eq!(told(&app, &w.npl, "action_item_overdue").await.len(), 2);
    // Done: no longer overdue, even with its due date moved.
    patch(&app, &w.npl, &overdue, 1, json!({"status": "done"})).await;
    due(&app, &overdue, 2).await;
    assert_eq!(periodic::overdue_action_items(&db1, today).await.unwrap(), 0);
}
