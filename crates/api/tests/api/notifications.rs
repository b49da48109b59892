//! Notifications (issue 10): a user's own list and count, marking read (own only), follows and their
//! validation, the followed-impediment hook (readers only), the periodic job's dedupe, settings and
//! the e-mail outbox with SMTP off.

use chrono::{Days, Utc};
use gmc_domain::notification::NotificationKind;
use gmc_store::services::notifications::{notify as store_notify, NewNotification, Subject};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::*;

pub(crate) async fn user_id(app: &TestApp, token: &str) -> Uuid {
    app.get_json("/api/v1/me", token).await["id"].as_str().unwrap().parse().unwrap()
}

/// Tells `user` something, through the same function the features call; returns the notification id.
pub(crate) async fn notify(app: &TestApp, user: Uuid, key: &str) -> Option<Uuid> {
    let db = app.db().await;
    let n = NewNotification {
        kind: NotificationKind::MeetingInvitation,
        title: format!("Invitation {key}"),
        body: None,
        link: "/".into(),
        subject: Subject::new("meeting", Uuid::now_v7()),
        dedupe_key: key.into(),
    };
    store_notify(&db, &[user], n).await.unwrap();
    use gmc_store::entities::notifications as rows;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    rows::Entity::find()
        .filter(rows::Column::UserId.eq(user))
        .filter(rows::Column::DedupeKey.eq(key))
        .one(&db)
        .await
        .unwrap()
        .map(|r| r.id)
}

async fn unread(app: &TestApp, token: &str) -> u64 {
    app.get_json("/api/v1/me/notifications/unread-count", token).await["unread"].as_u64().unwrap()
}

#[tokio::test]
async fn a_user_lists_their_notifications_unread_first_and_marks_them_read() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let me = user_id(&app, &bgd).await;
    let first = notify(&app, me, "k1").await.unwrap();
    let second = notify(&app, me, "k2").await.unwrap();
    let third = notify(&app, me, "k3").await.unwrap();
    assert_eq!(unread(&app, &bgd).await, 3);

    let res = app.post_json(&format!("/api/v1/me/notifications/{third}/read"), Some(&bgd), json!({})).await;
    assert_eq!(res.status(), 200);
    assert!(res.json::<Value>().await.unwrap()["read_at"].is_string());
    assert_eq!(unread(&app, &bgd).await, 2);

    // Unread first (newest first among them), then the read one; paged two at a time without repeats.
    let page = app.get_json("/api/v1/me/notifications?limit=2", &bgd).await;
    assert_eq!(page["total"], 3);
    let all = app.all_pages("/api/v1/me/notifications?limit=2", &bgd).await;
    let ids: Vec<String> = all.iter().map(|n| n["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids, vec![second.to_string(), first.to_string(), third.to_string()]);
    let only_unread = app.get_json("/api/v1/me/notifications?unread=true", &bgd).await;
    assert_eq!(only_unread["total"], 2);

    let res = app.post_json("/api/v1/me/notifications/read-all", Some(&bgd), json!({})).await;
    assert_eq!(res.json::<Value>().await.unwrap()["marked"], 2);
    assert_eq!(unread(&app, &bgd).await, 0);
}

#[tokio::test]
async fn another_users_notification_is_not_found_and_stays_unread() {
    let app = TestApp::spawn().await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let theirs = notify(&app, user_id(&app, &bgd).await, "private").await.unwrap();
    problem(app.post_json(&format!("/api/v1/me/notifications/{theirs}/read"), Some(&npl), json!({})).await, 404).await;
    assert_eq!(app.get_json("/api/v1/me/notifications", &npl).await["total"], 0);
    assert_eq!(unread(&app, &npl).await, 0);
    assert_eq!(unread(&app, &bgd).await, 1);
}

#[tokio::test]
async fn the_same_dedupe_key_tells_a_user_once() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let me = user_id(&app, &bgd).await;
    notify(&app, me, "same").await;
    notify(&app, me, "same").await;
    assert_eq!(unread(&app, &bgd).await, 1);
}

#[tokio::test]
async fn follows_name_every_bad_code_and_change_nothing() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let body =
        json!({"topics": [Uuid::now_v7()], "hs_prefixes": ["03", "7", "9801"], "partners": ["EU", "XXX", "usa", "12"]});
    let res = app.request(reqwest::Method::PUT, "/api/v1/me/follows", Some(&bgd)).json(&body).send().await.unwrap();
    let p = problem(res, 422).await;
    let mut named = fields(&p);
    named.sort();
    assert_eq!(named, vec!["hs_prefixes[1]", "hs_prefixes[2]", "partners[1]", "partners[3]", "topics[0]"]);
    let now = app.get_json("/api/v1/me/follows", &bgd).await;
    assert_eq!(now, json!({"topics": [], "hs_prefixes": [], "partners": []}));

    let fish = app.get_json("/api/v1/topics/FISH", &bgd).await;
    let body = json!({"topics": [fish["id"]], "hs_prefixes": ["03.06"], "partners": ["usa", "EU"]});
    let res = app.request(reqwest::Method::PUT, "/api/v1/me/follows", Some(&bgd)).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let now = app.get_json("/api/v1/me/follows", &bgd).await;
    assert_eq!(now["hs_prefixes"], json!(["0306"]));
    assert_eq!(now["partners"], json!(["EU", "USA"]));
    assert_eq!(now["topics"][0]["code"], "FISH");
}

async fn follow(app: &TestApp, token: &str, body: Value) {
    let res = app.request(reqwest::Method::PUT, "/api/v1/me/follows", Some(token)).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 200);
}

/// Files a Bangladesh impediment at `visibility` and walks it to `validated` (as the admin).
pub(crate) async fn validated_impediment(app: &TestApp, admin: &str, visibility: &str, title: &str) -> String {
    let bgd_delegation = app.delegation_id(admin, "BGD").await;
    let body = json!({"delegation_id": bgd_delegation, "reporting_country": "BGD", "partner": "EU",
        "hs_code": "030617", "ntm_code": "A14", "title": title, "description": "Each consignment is re-tested.",
        "severity": 4, "visibility": visibility});
    let res = app.post_json("/api/v1/impediments", Some(admin), body).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    for to in ["under_review", "validated"] {
        let res = app
            .post_json(&format!("/api/v1/impediments/{id}/steps"), Some(admin), json!({"to": to, "note": "checked"}))
            .await;
        assert_eq!(res.status(), 200, "step to {to}");
    }
    id
}

#[tokio::test]
async fn a_validated_impediment_tells_the_followers_who_may_read_it_and_no_one_else() {
    let app = TestApp::spawn().await;
    let (admin, bgd, npl) = (app.login(ADMIN).await, app.login(BGD).await, app.login(NPL).await);
    // Both delegates follow the product and the market; Nepal's through the HS chapter only.
    follow(&app, &bgd, json!({"partners": ["EU"]})).await;
    follow(&app, &npl, json!({"hs_prefixes": ["03"], "partners": ["EU"]})).await;

    let secret = validated_impediment(&app, &admin, "delegation", "Confidential shrimp testing").await;
    let bgd_list = app.get_json("/api/v1/me/notifications", &bgd).await;
    assert_eq!(bgd_list["total"], 1);
    assert_eq!(bgd_list["items"][0]["kind"], "followed_impediment");
    assert_eq!(bgd_list["items"][0]["subject_id"], secret.as_str());
    // Nepal's officer may not read Bangladesh's confidential record: not a row, not a count, not a title.
    let npl_list = app.get_json("/api/v1/me/notifications", &npl).await;
    assert_eq!(npl_list["total"], 0, "{npl_list}");
    let home = app.get_json("/api/v1/home", &npl).await;
    assert_eq!(home["unread_notifications"], 0);
    assert!(!home.to_string().contains("Confidential shrimp"));

    // Shared with the region: now Nepal's follower is told too.
    let shared = validated_impediment(&app, &admin, "regional", "Regional shrimp testing").await;
    let npl_list = app.get_json("/api/v1/me/notifications", &npl).await;
    assert_eq!(npl_list["total"], 1);
    assert_eq!(npl_list["items"][0]["subject_id"], shared.as_str());
    assert_eq!(app.get_json("/api/v1/me/notifications", &bgd).await["total"], 2);
}

#[tokio::test]
async fn an_impediment_on_nothing_followed_tells_nobody() {
    let app = TestApp::spawn().await;
    let (admin, bgd) = (app.login(ADMIN).await, app.login(BGD).await);
    follow(&app, &bgd, json!({"partners": ["USA"], "hs_prefixes": ["61"]})).await;
    validated_impediment(&app, &admin, "public", "Not followed").await;
    assert_eq!(unread(&app, &bgd).await, 0);
}

#[tokio::test]
async fn settings_turn_a_kind_off_in_the_app_and_on_by_e_mail_into_the_outbox() {
    let app = TestApp::spawn().await;
    let (admin, bgd) = (app.login(ADMIN).await, app.login(BGD).await);
    let defaults = app.get_json("/api/v1/me/notification-settings", &bgd).await;
    let items = defaults["items"].as_array().unwrap();
    assert_eq!(items.len(), NotificationKind::ALL.len());
    assert!(items.iter().all(|s| s["in_app"] == true && s["email"] == false));

    let body = json!({"items": [{"kind": "followed_impediment", "in_app": false, "email": true}]});
    let res = app
        .request(reqwest::Method::PUT, "/api/v1/me/notification-settings", Some(&bgd))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let twice = json!({"items": [{"kind": "prep_deadline", "in_app": true, "email": true},
                                 {"kind": "prep_deadline", "in_app": false, "email": false}]});
    let res = app
        .request(reqwest::Method::PUT, "/api/v1/me/notification-settings", Some(&bgd))
        .json(&twice)
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(res, 422).await), vec!["items[1].kind"]);

    follow(&app, &bgd, json!({"partners": ["EU"]})).await;
    validated_impediment(&app, &admin, "public", "Mailed, not shown").await;
    assert_eq!(unread(&app, &bgd).await, 0);
    // SMTP is off: the mail waits in the outbox, queued, never attempted.
    let outbox = app.get_json("/api/v1/admin/email-outbox", &admin).await;
    assert_eq!(outbox["total"], 1);
    assert_eq!(outbox["items"][0]["to"], BGD);
    assert_eq!(outbox["items"][0]["status"], "queued");
    assert_eq!(outbox["items"][0]["attempts"], 0);
    problem(app.get("/api/v1/admin/email-outbox", &bgd).await, 403).await;
    problem(app.get("/api/v1/admin/email-outbox?status=lost", &admin).await, 422).await;
}

/// A Bangladesh prep item due in `days` (negative: overdue), with BGD's delegate responsible.
pub(crate) async fn due_prep_item(app: &TestApp, responsible: Uuid, days: i64, title: &str) -> Uuid {
    use gmc_store::entities::prep_items;
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
    let admin = app.login(ADMIN).await;
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    let id: Uuid = crate::evidence_fixtures::prep_item(
        app,
        crate::evidence_fixtures::Owner::Delegation(&bgd_delegation),
        "delegation",
        &[],
    )
    .await
    .parse()
    .unwrap();
    let db = app.db().await;
    let row = prep_items::Entity::find_by_id(id).one(&db).await.unwrap().unwrap();
    let today = Utc::now().date_naive();
    let deadline = if days >= 0 {
        today.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        today.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    let mut m = row.into_active_model();
    m.deadline = Set(deadline);
    m.responsible_user_id = Set(Some(responsible));
    m.title = Set(title.to_owned());
    m.update(&db).await.unwrap();
    id
}

#[tokio::test]
async fn the_periodic_job_tells_the_responsible_officer_of_a_deadline_once() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let me = user_id(&app, &bgd).await;
    due_prep_item(&app, me, 3, "Due soon").await;
    due_prep_item(&app, me, 30, "Due later").await;
    let db = app.db().await;
    let today = Utc::now().date_naive();
    use gmc_store::services::notifications::periodic;
    let first = periodic::run(&db, today).await.unwrap();
    let again = periodic::run(&db, today).await.unwrap();
    assert_eq!(first.prep_deadlines, 1);
    assert_eq!(again.prep_deadlines, 0);
    let list = app.get_json("/api/v1/me/notifications", &bgd).await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["kind"], "prep_deadline");
    assert!(list["items"][0]["title"].as_str().unwrap().starts_with("Due soon"));
}

#[tokio::test]
async fn the_request_examples_of_follows_and_settings_are_valid_requests() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let doc: Value =
        app.request(reqwest::Method::GET, "/api/v1/openapi.json", None).send().await.unwrap().json().await.unwrap();
    for path in ["/api/v1/me/follows", "/api/v1/me/notification-settings"] {
        let body = doc["paths"][path]["put"]["requestBody"]["content"]["application/json"]["example"].clone();
        assert!(body.is_object(), "PUT {path} has no request example");
        let res = app.request(reqwest::Method::PUT, path, Some(&bgd)).json(&body).send().await.unwrap();
        assert_eq!(res.status(), 200, "PUT {path}: {}", res.text().await.unwrap());
    }
}
