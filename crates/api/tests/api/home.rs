//! `GET /home` (issue 10): what needs a user today, in one answer, holding only what they may read.

use chrono::{Days, Utc};
use gmc_store::entities::consultations;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::{json, Value};

use crate::helpers::*;
use crate::notifications::{due_prep_item, notify, user_id, validated_impediment};

fn titles(section: &Value) -> Vec<String> {
    section.as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_home_page_answers_what_needs_a_delegate_today() {
    let app = TestApp::spawn().await;
    let (admin, bgd, npl) = (app.login(ADMIN).await, app.login(BGD).await, app.login(NPL).await);
    let (me, nepal) = (user_id(&app, &bgd).await, user_id(&app, &npl).await);
    for k in ["a", "b", "c", "d", "e", "f"] {
        notify(&app, me, k).await;
    }
    due_prep_item(&app, me, 2, "Due this week").await;
    due_prep_item(&app, me, -1, "Overdue").await;
    due_prep_item(&app, me, 20, "Due next month").await;
    // Bangladesh's confidential item with Nepal's officer named responsible: Nepal still may not read it.
    due_prep_item(&app, nepal, 1, "Not Nepal's to see").await;

    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    let body = json!({"delegation_id": bgd_delegation, "title": "Closing soon", "questions": [
        {"code": "q1", "kind": "text", "prompt": {"en": "Anything?"}}]});
    let res = app.post_json("/api/v1/consultations", Some(&admin), body).await;
    assert_eq!(res.status(), 201);
    let c: Value = res.json().await.unwrap();
    let db = app.db().await;
    let row = consultations::Entity::find_by_id(c["id"].as_str().unwrap().parse::<uuid::Uuid>().unwrap())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let mut m = row.into_active_model();
    m.status = Set(gmc_domain::consultation::ConsultationStatus::Open.into());
    m.closes_at = Set(Utc::now().checked_add_days(Days::new(3)));
    m.update(&db).await.unwrap();

    let res =
        app.request(reqwest::Method::PUT, "/api/v1/me/follows", Some(&bgd)).json(&json!({"partners": ["EU"]})).send();
    assert_eq!(res.await.unwrap().status(), 200);
    validated_impediment(&app, &admin, "delegation", "Followed and validated").await;

    let home = app.get_json("/api/v1/home", &bgd).await;
    assert_eq!(home["time_zone"], "Asia/Dhaka", "the capital of the caller's delegation");
    assert_eq!(home["unread_notifications"], 7, "six invitations and the followed impediment");
    assert_eq!(home["notifications"].as_array().unwrap().len(), 5);
    assert_eq!(titles(&home["prep_deadlines"]), vec!["Overdue", "Not Nepal's to see", "Due this week"]);
    assert_eq!(home["prep_deadlines"][0]["overdue"], true);
    assert_eq!(home["prep_deadlines"][2]["mine"], true);
    assert_eq!(titles(&home["consultations_closing"]), vec!["Closing soon"]);
    assert_eq!(titles(&home["followed_impediments"]), vec!["Followed and validated"]);

    // Nepal's delegate: Bangladesh's confidential records appear in no section.
    let theirs = app.get_json("/api/v1/home", &npl).await;
    assert_eq!(theirs["prep_deadlines"], json!([]));
    assert_eq!(theirs["consultations_closing"], json!([]));
    assert_eq!(theirs["followed_impediments"], json!([]));

    // Nepal's delegate invites Bangladesh's delegation to a meeting in three days and gives Bangladesh's
    // delegate an action item: Bangladesh's home lists the invitation to answer, the meeting this week
    // (in Dhaka time, the zone named) and the open action item, and tells its delegate of each once.
    let day = Utc::now().checked_add_days(Days::new(3)).unwrap().format("%Y-%m-%d").to_string();
    let bgd_delegation = app.delegation_id(&bgd, "BGD").await;
    let npl_delegation = app.delegation_id(&npl, "NPL").await;
    let mut body = crate::meeting_fixtures::meeting_body(&npl_delegation, "delegation", &[&bgd_delegation], &[]);
    body["starts_at"] = json!(format!("{day}T10:00"));
    body["ends_at"] = json!(format!("{day}T11:00"));
    body["title"] = json!("Fisheries exchange");
    let meeting = crate::meeting_fixtures::meeting(&app, &npl, body).await;
    let bgd_user = crate::meeting_fixtures::user_id(&app, &admin, BGD).await;
    crate::meeting_fixtures::action_item(&app, &npl, &meeting, &bgd_user).await;
    let home = app.get_json("/api/v1/home", &bgd).await;
    assert_eq!(titles(&home["rsvps_due"]), vec!["Fisheries exchange"], "{home}");
    assert_eq!(titles(&home["meetings_between"]), vec!["Fisheries exchange"]);
    assert!(home["meetings_between"][0]["detail"].as_str().unwrap().ends_with("(Asia/Dhaka)"), "{home}");
    assert_eq!(home["meetings_between"][0]["link"], format!("/meetings/{meeting}"));
    assert_eq!(titles(&home["open_action_items"]), vec!["Share the testing data"]);
    // issue 10 (notifications): the action item now tells its owner too.
    assert_eq!(home["unread_notifications"], 9, "the invitation and the action item, each told once: {home}");
    // Nepal's own home has the meeting (its own) but nothing to answer.
    let theirs = app.get_json("/api/v1/home", &npl).await;
    assert_eq!(theirs["rsvps_due"], json!([]));
    assert_eq!(titles(&theirs["meetings_between"]), vec!["Fisheries exchange"]);
}
