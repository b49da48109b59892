//! issue 11: webhook subscriptions — owned, secret shown once, SSRF refused, every bad field named, and
//! no delivery carrying a record its subscription's owner may not read.

use gmc_store::entities::webhook_deliveries;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::*;
use crate::webhook_fixtures::{subscribe, PUBLIC_URL};

async fn private_ok() -> TestApp {
    TestApp::spawn_with(|s| s.webhook_allow_private = true).await
}

#[tokio::test]
async fn the_secret_is_shown_once_and_a_subscription_is_its_owners_alone() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let made = subscribe(&app, &bgd, PUBLIC_URL, &["impediment.created", "meeting.changed"]).await;
    let secret = made["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"), "{made}");
    assert_eq!(made["events"], json!(["impediment.created", "meeting.changed"]));
    let id = made["id"].as_str().unwrap();

    let got = app.get_json(&format!("/api/v1/webhooks/{id}"), &bgd).await;
    assert!(got.get("secret").is_none(), "the secret is never shown again: {got}");
    let listed = app.get_json("/api/v1/webhooks", &bgd).await;
    assert_eq!(listed["total"], 1);
    assert!(listed["items"][0].get("secret").is_none());

    // Another delegation's delegate: 404 for each path, an empty list.
    assert_eq!(app.get(&format!("/api/v1/webhooks/{id}"), &npl).await.status(), 404);
    assert_eq!(app.get(&format!("/api/v1/webhooks/{id}/deliveries"), &npl).await.status(), 404);
    let theirs = app.get_json("/api/v1/webhooks", &npl).await;
    assert_eq!(theirs["total"], 0);
    let res = app.request(reqwest::Method::DELETE, &format!("/api/v1/webhooks/{id}"), Some(&npl)).send().await.unwrap();
    assert_eq!(res.status(), 404);

    // Rotation answers a new secret, once.
    let rotated = app.post_json(&format!("/api/v1/webhooks/{id}/rotate-secret"), Some(&bgd), json!({})).await;
    assert_eq!(rotated.status(), 200);
    let rotated: Value = rotated.json().await.unwrap();
    let new_secret = rotated["secret"].as_str().unwrap();
    assert!(new_secret.starts_with("whsec_") && new_secret != secret);

    // And it is audited without the secret.
    let admin = app.login(ADMIN).await;
    let log = app.get_json("/api/v1/audit-events?entity_type=webhook", &admin).await;
    let text = log.to_string();
    assert!(text.contains("webhook.create") && text.contains("webhook.rotate_secret"), "{text}");
    assert!(!text.contains(&secret) && !text.contains(new_secret));
}

#[tokio::test]
async fn internal_targets_are_refused_unless_the_server_allows_them() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    for url in [
        "http://127.0.0.1:8080/hook",
        "http://localhost:8080/hook",
        "http://[::1]/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.7/hook",
        "http://192.168.1.10/hook",
        "http://[fd00::1]/hook",
        "http://0.0.0.0/hook",
        "http://[::ffff:127.0.0.1]/hook",
    ] {
        let res =
            app.post_json("/api/v1/webhooks", Some(&bgd), json!({"url": url, "events": ["impediment.created"]})).await;
        let p = problem(res, 422).await;
        assert_eq!(p["errors"][0]["field"], "url", "{url}: {p}");
        assert_eq!(p["errors"][0]["code"], "not_allowed", "{url}: {p}");
    }
    assert_eq!(app.get_json("/api/v1/webhooks", &bgd).await["total"], 0, "nothing written");

    // A change of URL is checked the same way.
    let made = subscribe(&app, &bgd, PUBLIC_URL, &["impediment.created"]).await;
    let id = made["id"].as_str().unwrap();
    let res = app
        .request(reqwest::Method::PATCH, &format!("/api/v1/webhooks/{id}"), Some(&bgd))
        .header("if-match", "\"1\"")
        .json(&json!({"url": "http://127.0.0.1:9/x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(problem(res, 422).await["errors"][0]["code"], "not_allowed");

    // Allowed by the setting (as the delivery tests need for their loopback receiver), or by a range.
    let open = private_ok().await;
    let t = open.login(BGD).await;
    subscribe(&open, &t, "http://127.0.0.1:9/hook", &["impediment.created"]).await;
    let ranged = TestApp::spawn_with(|s| s.webhook_allow_cidrs = "127.0.0.0/8".into()).await;
    let t = ranged.login(BGD).await;
    subscribe(&ranged, &t, "http://127.0.0.1:9/hook", &["impediment.created"]).await;
    let res = ranged
        .post_json("/api/v1/webhooks", Some(&t), json!({"url": "http://10.1.1.1/", "events": ["impediment.created"]}))
        .await;
    assert_eq!(problem(res, 422).await["errors"][0]["code"], "not_allowed");
}

#[tokio::test]
async fn a_bad_subscription_names_every_field_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let res = app
        .post_json(
            "/api/v1/webhooks",
            Some(&bgd),
            json!({"url": "ftp://example.org/x", "events": ["impediment.created", "nope"], "description": "d".repeat(301)}),
        )
        .await;
    let p = problem(res, 422).await;
    let mut got = fields(&p);
    got.sort();
    assert_eq!(got, vec!["description", "events", "url"], "{p}");
    let res = app.post_json("/api/v1/webhooks", Some(&bgd), json!({"url": PUBLIC_URL, "events": []})).await;
    assert_eq!(problem(res, 422).await["errors"][0]["code"], "required");
    let res = app.post_json("/api/v1/webhooks", Some(&bgd), json!({"url": PUBLIC_URL, "events": ["a"], "x": 1})).await;
    assert_eq!(res.status(), 422, "unknown fields are refused");
    let res = app
        .request(
            reqwest::Method::GET,
            "/api/v1/webhooks/00000000-0000-0000-0000-000000000000/deliveries?status=nope",
            Some(&bgd),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(problem(res, 422).await["errors"][0]["field"], "status");
    assert_eq!(app.get_json("/api/v1/webhooks", &bgd).await["total"], 0);
}

fn impediment(delegation: &str, country: &str, visibility: &str, title: &str) -> Value {
    json!({"delegation_id": delegation, "reporting_country": country, "partner": "EU", "hs_code": "0306",
           "ntm_code": "A14", "title": title, "description": "Each consignment is re-tested.", "severity": 4,
           "visibility": visibility})
}

/// The deliveries written for a subscription, with their bodies (read from the database: the API
/// shows no bodies, and this must hold whatever the API shows).
async fn bodies(app: &TestApp, subscription: &str) -> Vec<String> {
    let db = app.db().await;
    webhook_deliveries::Entity::find()
        .filter(webhook_deliveries::Column::SubscriptionId.eq(Uuid::parse_str(subscription).unwrap()))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.body)
        .collect()
}

#[tokio::test]
async fn a_confidential_impediment_is_never_delivered_to_another_delegations_subscription() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let (bgd, npl, analyst) = (app.login(BGD).await, app.login(NPL).await, app.login(ANALYST).await);
    let npl_delegation = app.delegation_id(&admin, "NPL").await;
    let events = ["impediment.created", "impediment.status_changed"];
    let bgd_sub = subscribe(&app, &bgd, PUBLIC_URL, &events).await["id"].as_str().unwrap().to_owned();
    let npl_sub = subscribe(&app, &npl, PUBLIC_URL, &events).await["id"].as_str().unwrap().to_owned();
    let analyst_sub = subscribe(&app, &analyst, PUBLIC_URL, &events).await["id"].as_str().unwrap().to_owned();

    let secret_title = "Nepal confidential: border agency bribe schedule";
    let res = app
        .post_json("/api/v1/impediments", Some(&npl), impediment(&npl_delegation, "NPL", "delegation", secret_title))
        .await;
    assert_eq!(res.status(), 201);
    let confidential: Value = res.json().await.unwrap();
    let public_title = "Nepal public: cold-chain certificate delays";
    let res = app
        .post_json("/api/v1/impediments", Some(&npl), impediment(&npl_delegation, "NPL", "public", public_title))
        .await;
    assert_eq!(res.status(), 201);

    // A step of the confidential one: Nepal hears of it, nobody else.
    let id = confidential["id"].as_str().unwrap();
    let res = app
        .post_json(
            &format!("/api/v1/impediments/{id}/steps"),
            Some(&npl),
            json!({"to": "under_review", "note": "ready for review"}),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());

    let npl_bodies = bodies(&app, &npl_sub).await;
    assert_eq!(npl_bodies.len(), 3, "{npl_bodies:?}");
    assert!(npl_bodies.iter().any(|b| b.contains(secret_title) && b.contains("impediment.status_changed")));
    for (who, sub) in [("Bangladesh", &bgd_sub), ("the analyst", &analyst_sub)] {
        let got = bodies(&app, sub).await;
        assert_eq!(got.len(), 1, "{who} gets the public one only: {got:?}");
        assert!(got[0].contains(public_title));
        assert!(got.iter().all(|b| !b.contains(secret_title) && !b.contains(id)), "{who} must never see it");
        // Nor through the delivery log's counts.
        let log = app
            .get_json(&format!("/api/v1/webhooks/{sub}/deliveries"), if who == "Bangladesh" { &bgd } else { &analyst })
            .await;
        assert_eq!(log["total"], 1, "{who}: {log}");
    }
}

/// Bangladesh's delegation-level prep item and meeting change: Bangladesh's subscription hears of
/// both, Nepal's of neither; a regional meeting's change reaches Nepal too.
#[tokio::test]
async fn prep_item_and_meeting_changes_reach_only_those_who_may_read_them() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    let events = ["prep_item.status_changed", "meeting.changed"];
    let bgd_sub = subscribe(&app, &bgd, PUBLIC_URL, &events).await["id"].as_str().unwrap().to_owned();
    let npl_sub = subscribe(&app, &npl, PUBLIC_URL, &events).await["id"].as_str().unwrap().to_owned();

    let item = json!({"delegation_id": bgd_delegation, "ministerial": "MC14", "title": "Shrimp tariff position",
        "kind": "proposal", "interest": "defensive", "priority": "high", "visibility": "delegation"});
    let res = app.post_json("/api/v1/prep-items", Some(&bgd), item).await;
    assert_eq!(res.status(), 201);
    let item_id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let res = app
        .post_json(
            &format!("/api/v1/prep-items/{item_id}/steps"),
            Some(&bgd),
            json!({"to": "drafting", "note": "start"}),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());

    let private = crate::meeting_fixtures::meeting_body(&bgd_delegation, "delegation", &[], &[]);
    let private_id = crate::meeting_fixtures::meeting(&app, &bgd, private).await;
    let shared = crate::meeting_fixtures::meeting_body(&bgd_delegation, "regional", &[], &[]);
    let shared_id = crate::meeting_fixtures::meeting(&app, &bgd, shared).await;
    for id in [&private_id, &shared_id] {
        let res = app
            .request(reqwest::Method::PATCH, &format!("/api/v1/meetings/{id}"), Some(&bgd))
            .header("if-match", "\"1\"")
            .json(&json!({"title": "Moved briefing"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    }

    let got = bodies(&app, &bgd_sub).await;
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got
        .iter()
        .any(|b| b.contains("prep_item.status_changed") && b.contains(&item_id) && b.contains("drafting")));
    assert!(got.iter().any(|b| b.contains("meeting.changed") && b.contains(&private_id) && b.contains("\"title\"")));
    let theirs = bodies(&app, &npl_sub).await;
    assert_eq!(theirs.len(), 1, "Nepal hears of the regional meeting only: {theirs:?}");
    assert!(theirs[0].contains(&shared_id));
    assert!(theirs.iter().all(|b| !b.contains(&item_id) && !b.contains(&private_id)));
}

/// A Bangladesh `delegation`-level consultation opened then closed: Bangladesh's subscription hears
/// both, Nepal's nothing.
#[tokio::test]
async fn consultation_opened_and_closed_reach_only_those_who_may_read_it() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    let events = ["consultation.opened", "consultation.closed"];
    let bgd_sub = subscribe(&app, &bgd, PUBLIC_URL, &events).await["id"].as_str().unwrap().to_owned();
    let npl_sub = subscribe(&app, &npl, PUBLIC_URL, &events).await["id"].as_str().unwrap().to_owned();
    let body = json!({"delegation_id": bgd_delegation, "title": "Shrimp exporters survey", "questions": [
        {"code": "q1", "kind": "single_choice", "required": true, "prompt": {"en": "Exporting?"},
         "options": [{"id": "yes", "label": {"en": "Yes"}}, {"id": "no", "label": {"en": "No"}}]}]});
    let res = app.post_json("/api/v1/consultations", Some(&bgd), body).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    for (version, status) in [(1, "open"), (2, "closed")] {
        let res = app
            .request(reqwest::Method::POST, &format!("/api/v1/consultations/{id}/status"), Some(&bgd))
            .header("if-match", format!("\"{version}\""))
            .json(&json!({"status": status}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    }
    let got = bodies(&app, &bgd_sub).await;
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().any(|b| b.contains("consultation.opened") && b.contains(&id)));
    assert!(got.iter().any(|b| b.contains("consultation.closed") && b.contains(&id)));
    assert!(bodies(&app, &npl_sub).await.is_empty(), "Nepal may not read it");
}

#[tokio::test]
async fn a_delivered_briefing_reaches_the_requesting_delegation_and_never_another() {
    let app = TestApp::spawn().await;
    let (admin, analyst) = (app.login(ADMIN).await, app.login(ANALYST).await);
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let events = ["briefing.delivered"];
    let bgd_sub = subscribe(&app, &bgd, PUBLIC_URL, &events).await["id"].as_str().unwrap().to_owned();
    let npl_sub = subscribe(&app, &npl, PUBLIC_URL, &events).await["id"].as_str().unwrap().to_owned();
    // A confidential Bangladesh request, taken through to `delivered` with a regional document.
    let id = crate::briefings::fresh_bgd_request(&app, &admin, &analyst, true).await;
    let doc = crate::briefings::document(&app, None, "regional").await;
    for to in ["in_progress", "in_review"] {
        assert_eq!(crate::briefings::step(&app, &analyst, &id, json!({"to": to})).await.status(), 200);
    }
    assert!(bodies(&app, &bgd_sub).await.is_empty(), "only delivery is announced");
    let res = crate::briefings::step(&app, &analyst, &id, json!({"to": "delivered", "document_id": doc})).await;
    assert_eq!(res.status(), 200);
    let got = bodies(&app, &bgd_sub).await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("briefing.delivered") && got[0].contains(&id));
    assert!(bodies(&app, &npl_sub).await.is_empty(), "Nepal may not read Bangladesh's request");
}
