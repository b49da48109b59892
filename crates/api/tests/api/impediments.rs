use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

fn body(country: &str, partner: &str, ntm: &str, hs: &str, severity: i64) -> Value {
    json!({"reporting_country": country, "partner": partner, "ntm_code": ntm, "hs_code": hs,
           "title": format!("{ntm} obstacle in {partner}"), "description": "Documented by exporters.",
           "severity": severity})
}

async fn file(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post_json("/api/v1/impediments", Some(token), body).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn step(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    app.post_json(&format!("/api/v1/impediments/{id}/steps"), Some(token), body).await
}

#[tokio::test]
async fn an_impediment_is_filed_classified_and_walked_through_the_workflow_with_its_history() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let analyst = app.login(ANALYST).await;
    let fish = app.get_json("/api/v1/topics/FISH", &bgd).await;
    let mut b = body("BGD", "EU", "a14", "0306.17", 4);
    b["topic_ids"] = json!([fish["id"]]);
    b["visibility"] = json!("regional");
    b["estimated_cost"] = json!(1200.5);
    b["currency"] = json!("usd");
    let created = file(&app, &bgd, b).await;
    assert_eq!(created["status"], "reported");
    assert_eq!(created["ntm_chapter"], "A");
    assert_eq!(created["hs_code"], "030617");
    assert_eq!(created["currency"], "USD");
    let id = created["id"].as_str().unwrap();

    assert_eq!(step(&app, &bgd, id, json!({"to": "under_review", "note": "triage"})).await.status(), 200);
    // Validation is the analysts' call, not the delegation's.
    problem(step(&app, &bgd, id, json!({"to": "validated", "note": "looks right"})).await, 403).await;
    assert_eq!(
        step(&app, &analyst, id, json!({"to": "validated", "note": "checked with the exporter"})).await.status(),
        200
    );
    let raise = step(&app, &bgd, id, json!({"to": "raised", "note": "raised it"})).await;
    let mut f = fields(&problem(raise, 422).await);
    f.sort();
    assert_eq!(f, vec!["raised_body", "raised_on"]);
    let res = step(
        &app,
        &bgd,
        id,
        json!({"to": "raised", "note": "specific trade concern", "raised_body": "SPS Committee", "raised_on": "2026-11-20"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let raised: Value = res.json().await.unwrap();
    assert_eq!((raised["status"].as_str(), raised["raised_body"].as_str()), (Some("raised"), Some("SPS Committee")));
    let skip = step(&app, &bgd, id, json!({"to": "reported", "note": "back"})).await;
    assert_eq!(fields(&problem(skip, 422).await), vec!["to"]);

    let history = app.get_json(&format!("/api/v1/impediments/{id}/steps"), &bgd).await;
    let statuses: Vec<&str> =
        history["items"].as_array().unwrap().iter().filter_map(|s| s["to_status"].as_str()).collect();
    assert_eq!(statuses, vec!["reported", "under_review", "validated", "raised"]);
    // A raised impediment is evidence: it cannot be deleted.
    problem(app.request(Method::DELETE, &format!("/api/v1/impediments/{id}"), Some(&bgd)).send().await.unwrap(), 409)
        .await;
    let admin = app.login(ADMIN).await;
    let audit = app.get_json(&format!("/api/v1/audit-events?entity_id={id}&action=impediment.step"), &admin).await;
    assert_eq!(audit["items"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn bad_impediments_are_refused_with_every_field_named() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let res = app
        .post_json(
            "/api/v1/impediments",
            Some(&bgd),
            json!({"reporting_country": "XXX", "partner": "Mars", "ntm_code": "Z9", "hs_code": "7701",
                   "title": "", "description": "", "severity": 9, "frequency": "daily", "estimated_cost": -1,
                   "topic_ids": ["00000000-0000-0000-0000-000000000000"]}),
        )
        .await;
    let mut f = fields(&problem(res, 422).await);
    f.sort();
    assert_eq!(
        f,
        vec![
            "currency",
            "description",
            "estimated_cost",
            "frequency",
            "hs_code",
            "ntm_code",
            "partner",
            "reporting_country",
            "severity",
            "title",
            "topic_ids"
        ]
    );
    let admin = app.login(ADMIN).await;
    assert!(app.all_pages("/api/v1/impediments", &admin).await.is_empty(), "nothing was written");
}

#[tokio::test]
async fn the_registry_filters_by_every_dimension() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let tf = app.get_json("/api/v1/topics/TF", &bgd).await;
    let mut with_topic = body("BGD", "IND", "PO-TIME", "6109", 3);
    with_topic["topic_ids"] = json!([tf["id"]]);
    file(&app, &bgd, with_topic).await;
    file(&app, &bgd, body("BGD", "EU", "A14", "030617", 5)).await;
    file(&app, &bgd, body("BGD", "EU", "B31", "6205", 2)).await;
    let count = |path: String| {
        let app = &app;
        let bgd = bgd.clone();
        async move { app.all_pages(&path, &bgd).await.len() }
    };
    assert_eq!(count("/api/v1/impediments?partner=eu".into()).await, 2);
    assert_eq!(count("/api/v1/impediments?ntm_chapter=A".into()).await, 1);
    assert_eq!(count("/api/v1/impediments?ntm_chapter=PO-TIME".into()).await, 1);
    assert_eq!(count("/api/v1/impediments?hs=03".into()).await, 1);
    assert_eq!(count("/api/v1/impediments?hs=6".into()).await, 2);
    assert_eq!(count("/api/v1/impediments?topic=TF".into()).await, 1);
    assert_eq!(count("/api/v1/impediments?severity_min=3&severity_max=4".into()).await, 1);
    assert_eq!(count("/api/v1/impediments?status=reported&reporting_country=BGD".into()).await, 3);
    assert_eq!(count("/api/v1/impediments?q=PO-TIME".into()).await, 1);
    assert_eq!(count("/api/v1/impediments?from=2000-01-01&to=2000-12-31".into()).await, 0);
    assert_eq!(count("/api/v1/impediments?limit=1".into()).await, 3, "pages follow the cursor");
    let p =
        problem(app.get("/api/v1/impediments?severity_min=4&severity_max=2&status=lost&hs=abc", &bgd).await, 422).await;
    let mut f = fields(&p);
    f.sort();
    assert_eq!(f, vec!["hs", "severity_max", "status"]);
}

#[tokio::test]
async fn nepal_sees_none_of_bangladeshs_private_impediments_by_any_path() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let secret = file(&app, &bgd, body("BGD", "EU", "A14", "0306", 5)).await;
    let id = secret["id"].as_str().unwrap();
    let admin = app.login(ADMIN).await;
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    for path in [
        "/api/v1/impediments".to_owned(),
        format!("/api/v1/impediments?delegation={bgd_delegation}"),
        "/api/v1/impediments?reporting_country=BGD&partner=EU&ntm_chapter=A&hs=03".to_owned(),
        "/api/v1/impediments?q=obstacle".to_owned(),
    ] {
        assert!(app.all_pages(&path, &npl).await.is_empty(), "{path}");
    }
    problem(app.get(&format!("/api/v1/impediments/{id}"), &npl).await, 404).await;
    problem(app.get(&format!("/api/v1/impediments/{id}/steps"), &npl).await, 404).await;
    problem(step(&app, &npl, id, json!({"to": "dismissed", "note": "x"})).await, 404).await;
    let patch = app
        .request(Method::PATCH, &format!("/api/v1/impediments/{id}"), Some(&npl))
        .header("if-match", "\"1\"")
        .json(&json!({"visibility": "public"}))
        .send()
        .await
        .unwrap();
    problem(patch, 404).await;
    assert_eq!(app.get_json(&format!("/api/v1/impediments/{id}"), &bgd).await["visibility"], "delegation");
}

#[tokio::test]
async fn an_impediment_is_updated_with_if_match_and_each_change_audited() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let created = file(&app, &bgd, body("BGD", "EU", "A14", "0306", 3)).await;
    let id = created["id"].as_str().unwrap();
    let res = app
        .request(Method::PATCH, &format!("/api/v1/impediments/{id}"), Some(&bgd))
        .header("if-match", "\"1\"")
        .json(&json!({"severity": 5, "hs_code": null, "ntm_code": "PO-PAY"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let updated: Value = res.json().await.unwrap();
    assert_eq!((updated["severity"].as_i64(), updated["hs_code"].is_null()), (Some(5), true));
    assert_eq!(updated["ntm_chapter"], "PO-PAY");
    let stale = app
        .request(Method::PATCH, &format!("/api/v1/impediments/{id}"), Some(&bgd))
        .header("if-match", "\"1\"")
        .json(&json!({"severity": 1}))
        .send()
        .await
        .unwrap();
    problem(stale, 412).await;
    let admin = app.login(ADMIN).await;
    let audit = app.get_json(&format!("/api/v1/audit-events?entity_id={id}&action=impediment.update"), &admin).await;
    assert_eq!(audit["items"][0]["changes"]["severity"], json!({"from": 3, "to": 5}));
    let res = app.request(Method::DELETE, &format!("/api/v1/impediments/{id}"), Some(&bgd)).send().await.unwrap();
    assert_eq!(res.status(), 204);
}

#[tokio::test]
async fn summaries_count_only_what_the_caller_may_see() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let tf = app.get_json("/api/v1/topics/TF", &bgd).await;
    let mut shared = body("BGD", "EU", "A14", "0306", 4);
    shared["visibility"] = json!("regional");
    shared["topic_ids"] = json!([tf["id"]]);
    file(&app, &bgd, shared).await;
    file(&app, &bgd, body("BGD", "EU", "A1", "0306", 5)).await;
    file(&app, &bgd, body("BGD", "IND", "PO-TIME", "6109", 2)).await;
    let mine = app.get_json("/api/v1/impediments/summary?by=chapter_partner", &bgd).await;
    assert_eq!(mine["cells"], json!([{"key": ["A", "EU"], "count": 2}, {"key": ["PO-TIME", "IND"], "count": 1}]));
    let theirs = app.get_json("/api/v1/impediments/summary?by=chapter_partner", &npl).await;
    assert_eq!(theirs["cells"], json!([{"key": ["A", "EU"], "count": 1}]), "Nepal counts only the shared one");
    let by_topic = app.get_json("/api/v1/impediments/summary?by=topic", &bgd).await;
    assert_eq!(by_topic["cells"], json!([{"key": ["TF"], "count": 1}]));
    let by_month = app.get_json("/api/v1/impediments/summary?by=month&severity_min=4", &bgd).await;
    let this_month = chrono_month();
    assert_eq!(by_month["cells"], json!([{"key": [this_month], "count": 2}]));
    let by_status = app.get_json("/api/v1/impediments/summary?by=status", &bgd).await;
    assert_eq!(by_status["cells"], json!([{"key": ["reported"], "count": 3}]));
    assert_eq!(fields(&problem(app.get("/api/v1/impediments/summary?by=colour", &bgd).await, 422).await), vec!["by"]);
}

fn chrono_month() -> String {
    let out = std::process::Command::new("date").args(["-u", "+%Y-%m"]).output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}
