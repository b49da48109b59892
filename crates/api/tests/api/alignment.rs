//! The alignment report (issue 9, `docs/alignment.md`): the formula against a hand-computed fixture,
//! a topic moving from blind spot to unsupported to covered, who may read whose report, and the CSV.

use reqwest::Method;
use serde_json::Value;

use crate::evidence_fixtures::*;
use crate::helpers::*;

fn row<'a>(report: &'a Value, topic: &str) -> &'a Value {
    report["rows"].as_array().unwrap().iter().find(|r| r["topic"]["id"] == topic).unwrap()
}

#[tokio::test]
async fn the_concern_score_is_the_documented_formula_to_the_last_digit() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let (bgd_d, npl_d) = (app.delegation_id(&admin, "BGD").await, app.delegation_id(&admin, "NPL").await);
    let t = topic(&app, &admin).await;
    // (severity, status, age in days): what counts and what does not.
    let fixture = [
        (5, "validated", 0),
        (4, "raised", 365),
        (2, "resolved", 730),
        (3, "validated", 100),
        (5, "reported", 0),  // not validated: left out
        (5, "dismissed", 0), // dismissed: left out
    ];
    for (severity, status, days) in fixture {
        let id = impediment(&app, &admin, &bgd_d, ("delegation", severity), &[&t], None).await;
        age(&app, &id, status, days).await;
    }
    let nepal = impediment(&app, &admin, &npl_d, ("regional", 5), &[&t], None).await;
    age(&app, &nepal, "validated", 0).await; // another delegation's: left out
    consultation(&app, &admin, (&bgd_d, "delegation"), &t, 10).await;

    let report = app.get_json("/api/v1/alignment", &bgd).await;

    // Defaults: severity weights 1, 2, 3, 5, 8; half-life 365 days; 0.2 per answer.
    let decay = |days: f64| 0.5f64.powf(days / 365.0);
    let impediments = 8.0 * decay(0.0) + 5.0 * decay(365.0) + 2.0 * decay(730.0) + 3.0 * decay(100.0);
    let answers = 0.2 * 10.0;
    let r = row(&report, &t);
    assert!((r["concern_parts"]["impediments"].as_f64().unwrap() - impediments).abs() < 1e-9, "{r}");
    assert!((r["concern_parts"]["answers"].as_f64().unwrap() - answers).abs() < 1e-9, "{r}");
    assert!((r["concern"].as_f64().unwrap() - (impediments + answers)).abs() < 1e-9, "{r}");
    assert!((impediments - (11.0 + 3.0 * decay(100.0))).abs() < 1e-12, "the docs' worked example: 8 + 2.5 + 0.5");
    assert_eq!(r["status"], "blind_spot");
    assert_eq!(report["owner"]["code"], "BGD");
    assert_eq!(report["weights"]["severity"], serde_json::json!([1.0, 2.0, 3.0, 5.0, 8.0]));
    let first = report["rows"][0]["concern"].as_f64().unwrap();
    assert!(report["rows"].as_array().unwrap().iter().all(|r| r["concern"].as_f64().unwrap() <= first));
}

#[tokio::test]
async fn weights_are_settings() {
    let app = TestApp::spawn_with(|s| {
        s.alignment_half_life_days = 100.0;
        s.alignment_severity_weights = "0,0,0,10,0".into();
    })
    .await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let bgd_d = app.delegation_id(&admin, "BGD").await;
    let t = topic(&app, &admin).await;
    let id = impediment(&app, &admin, &bgd_d, ("delegation", 4), &[&t], None).await;
    age(&app, &id, "validated", 200).await;

    let report = app.get_json("/api/v1/alignment", &bgd).await;

    assert!((row(&report, &t)["concern"].as_f64().unwrap() - 2.5).abs() < 1e-9, "10 × 0.5²");
    assert_eq!(row(&report, &t)["status"], "quiet", "2.5 is below the threshold of 5");
}

#[tokio::test]
async fn a_topic_moves_from_blind_spot_to_unsupported_to_covered() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let bgd_d = app.delegation_id(&admin, "BGD").await;
    let t = topic(&app, &admin).await;
    let id = impediment(&app, &admin, &bgd_d, ("delegation", 5), &[&t], None).await;
    age(&app, &id, "validated", 0).await;
    assert_eq!(row(&app.get_json("/api/v1/alignment", &bgd).await, &t)["status"], "blind_spot");

    let item = prep_item(&app, Owner::Delegation(&bgd_d), "delegation", &[&t]).await;
    let report = app.get_json("/api/v1/alignment", &bgd).await;
    assert_eq!(row(&report, &t)["status"], "unsupported");
    assert_eq!(row(&report, &t)["coverage"], serde_json::json!({"prep_items": 1, "briefings": 0, "meetings": 0}));

    assert_eq!(cite(&app, &bgd, &item, impediment_link(&id)).await.status(), 201);
    let report = app.get_json("/api/v1/alignment", &bgd).await;
    assert_eq!(row(&report, &t)["status"], "covered");
    assert_eq!(row(&report, &t)["evidence_links"], 1);
}

#[tokio::test]
async fn a_report_is_read_by_its_owner_and_a_coalitions_by_its_members_only() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let (bgd, npl, analyst) = (app.login(BGD).await, app.login(NPL).await, app.login(ANALYST).await);
    let bgd_d = app.delegation_id(&admin, "BGD").await;
    let ldc = coalition_id(&app, "LDC").await;
    let of_bgd = format!("/api/v1/alignment?delegation_id={bgd_d}");
    let of_ldc = format!("/api/v1/alignment?coalition_id={ldc}");

    assert_eq!(app.get(&of_bgd, &bgd).await.status(), 200);
    assert_eq!(app.get(&of_bgd, &admin).await.status(), 200);
    assert_eq!(app.get(&of_bgd, &analyst).await.status(), 200);
    assert_eq!(app.get(&of_bgd, &npl).await.status(), 404, "another delegation's report");
    assert_eq!(app.get(&of_ldc, &npl).await.status(), 200, "Nepal is in the LDC Group");
    assert_eq!(app.get(&of_ldc, &bgd).await.status(), 404, "Bangladesh is not");
    assert_eq!(app.get(&of_ldc, &analyst).await.status(), 404);
    assert_eq!(app.get_json(&of_ldc, &admin).await["owner"]["kind"], "coalition");
    // The admin belongs to no delegation: it must name one.
    let p = problem(app.get("/api/v1/alignment", &admin).await, 422).await;
    assert_eq!(fields(&p), vec!["delegation_id"]);
    let both = format!("{of_bgd}&coalition_id={ldc}");
    assert_eq!(fields(&problem(app.get(&both, &admin).await, 422).await), vec!["coalition_id"]);
    let unknown = format!("/api/v1/alignment?delegation_id={}", uuid::Uuid::new_v4());
    assert_eq!(app.get(&unknown, &admin).await.status(), 404);
}

#[tokio::test]
async fn the_csv_has_a_line_per_topic_and_no_formula_survives() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let code = format!("EV-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]).to_uppercase();
    let body = serde_json::json!({"code": code, "title": "=HYPERLINK(\"http://x\")", "kind": "other"});
    assert_eq!(app.post_json("/api/v1/topics", Some(&admin), body).await.status(), 201);

    let res = app.request(Method::GET, "/api/v1/alignment.csv", Some(&bgd)).send().await.unwrap();

    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = res.text().await.unwrap();
    let json = app.get_json("/api/v1/alignment", &bgd).await;
    assert_eq!(text.lines().count(), json["rows"].as_array().unwrap().len() + 1);
    assert!(text.starts_with("topic_code,topic_title,concern,"));
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{text}");
}

// issue 10: briefings
#[tokio::test]
async fn a_delivered_briefing_is_coverage_counted_only_by_those_who_read_it() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let (bgd, npl, analyst) = (app.login(BGD).await, app.login(NPL).await, app.login(ANALYST).await);
    let (bgd_d, npl_d) = (app.delegation_id(&admin, "BGD").await, app.delegation_id(&admin, "NPL").await);
    let t = topic(&app, &admin).await;
    for d in [&bgd_d, &npl_d] {
        let id = impediment(&app, &admin, d, ("public", 5), &[&t], None).await;
        age(&app, &id, "validated", 0).await;
    }
    // Asked but not delivered: no coverage yet.
    let asked = crate::briefings::create(&app, &bgd, serde_json::json!({"topic_ids": [t]})).await;
    assert_eq!(row(&app.get_json("/api/v1/alignment", &bgd).await, &t)["status"], "blind_spot");

    crate::briefings::delivered_on(&app, &bgd, &analyst, &t).await;
    let report = app.get_json("/api/v1/alignment", &bgd).await;
    assert_eq!(row(&report, &t)["coverage"], serde_json::json!({"prep_items": 0, "briefings": 1, "meetings": 0}));
    assert_eq!(row(&report, &t)["status"], "covered", "a delivered briefing covers the topic");
    // Nepal's report is Nepal's: Bangladesh's briefing does not cover it.
    assert_eq!(row(&app.get_json("/api/v1/alignment", &npl).await, &t)["status"], "blind_spot");
    // A group's report counts its members' briefings — only those the reader may read.
    let group = serde_json::json!({"code": "SA2", "name": "South Asia pair", "members": [bgd_d, npl_d]});
    let res = app.post_json("/api/v1/coalitions", Some(&admin), group).await;
    assert_eq!(res.status(), 201);
    let group = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let of_ldc = format!("/api/v1/alignment?coalition_id={group}");
    assert_eq!(row(&app.get_json(&of_ldc, &bgd).await, &t)["coverage"]["briefings"], 1);
    assert_eq!(row(&app.get_json(&of_ldc, &npl).await, &t)["coverage"]["briefings"], 0, "never through a count");
    assert_eq!(row(&app.get_json(&of_ldc, &admin).await, &t)["coverage"]["briefings"], 1);
    // Declined is no coverage either.
    crate::briefings::set_status(&app, asked["id"].as_str().unwrap(), "declined").await;
    let csv = app.request(Method::GET, "/api/v1/alignment.csv", Some(&bgd)).send().await.unwrap().text().await.unwrap();
    let code = row(&report, &t)["topic"]["code"].as_str().unwrap().to_owned();
    let line = csv.lines().find(|l| l.starts_with(&code)).unwrap();
    let cells: Vec<&str> = line.split(',').collect();
    assert_eq!(cells[5..8], ["0", "1", "0"], "prep_items, briefings, meetings: {line}");
}
