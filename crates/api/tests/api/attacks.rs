//! Attack tests for confidentiality (issue 7): each performs an attack an auditor reproduced and
//! asserts it now fails. `docs/security.md` maps every control to its test here.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

const FIRM: &str = "firm@gmc.test";

fn questions() -> Value {
    json!([
        {"code": "q1", "kind": "single_choice", "required": true, "prompt": {"en": "Do you export?"},
         "options": [{"id": "yes", "label": {"en": "Yes"}}, {"id": "no", "label": {"en": "No"}}]},
        {"code": "q2", "kind": "text", "max_length": 200, "prompt": {"en": "What stops you?"}}
    ])
}

/// A Bangladesh consultation at `visibility`, opened; returns it.
async fn open_consultation(app: &TestApp, bgd: &str, visibility: &str, questions: Value) -> Value {
    let res = app
        .post_json(
            "/api/v1/consultations",
            Some(bgd),
            json!({"title": "Exporting in 2026", "visibility": visibility, "questions": questions}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let c: Value = res.json().await.unwrap();
    let res = app
        .request(Method::POST, &format!("/api/v1/consultations/{}/status", c["id"].as_str().unwrap()), Some(bgd))
        .header("if-match", format!("\"{}\"", c["version"]))
        .json(&json!({"status": "open"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn answer(app: &TestApp, c: &Value, who: Option<&str>, country: &str, text: &str) -> Value {
    let body = json!({"answers": {"q1": "yes", "q2": text},
                      "profile": {"country": country, "sector": "C", "size_class": "micro", "women_led": false}});
    let path = format!("/api/v1/public/consultations/{}/responses", c["token"].as_str().unwrap());
    let res = app.post_json(&path, who, body).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

/// A stakeholder account linked to a Bangladesh firm; returns (firm's token, stakeholder record).
async fn firm_account(app: &TestApp, bgd: &str, visibility_note: &str) -> (String, Value) {
    let admin = app.login(ADMIN).await;
    let user: Value = app
        .post_json(
            "/api/v1/users",
            Some(&admin),
            json!({"email": FIRM, "name": "Firm owner", "password": PASSWORD, "role": "stakeholder"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let res = app
        .post_json(
            "/api/v1/stakeholders",
            Some(bgd),
            json!({"name": format!("Rupali Shrimp {visibility_note}"), "kind": "msme", "country": "BGD",
                   "sector": "A", "size_class": "small", "women_led": true, "user_id": user["id"]}),
        )
        .await;
    assert_eq!(res.status(), 201);
    (app.login(FIRM).await, res.json().await.unwrap())
}

/// Finding 1: a reader of a shared consultation read every response row (profile, exact time, free
/// text) and with it the cells `/results` withholds. Rows now go to the owners only.
#[tokio::test]
async fn raw_responses_go_only_to_the_consultations_owners() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_consultation(&app, &bgd, "regional", questions()).await;
    for i in 0..6 {
        answer(&app, &c, None, "BGD", &format!("answer {i}")).await;
    }
    for i in 0..3 {
        answer(&app, &c, None, "SGP", &format!("Singapore firm {i}")).await;
    }
    let id = c["id"].as_str().unwrap();
    let npl = app.login(NPL).await;
    let analyst = app.login(ANALYST).await;
    for (who, token) in [("Nepal", &npl), ("analyst", &analyst)] {
        let r = app.get_json(&format!("/api/v1/consultations/{id}/results?country=SGP"), token).await;
        assert_eq!(r["respondents"]["withheld"], true, "{who}: the cell is withheld");
        for path in ["responses", "responses.csv"] {
            let res = app.get(&format!("/api/v1/consultations/{id}/{path}"), token).await;
            let body = res.text().await.unwrap();
            assert!(!body.contains("SGP") && !body.contains("Singapore"), "{who} read rows through {path}: {body}");
        }
        problem(app.get(&format!("/api/v1/consultations/{id}/responses"), token).await, 403).await;
        problem(app.get(&format!("/api/v1/consultations/{id}/responses.csv"), token).await, 403).await;
    }
    // A stakeholder account reads a public consultation's aggregates, never its rows.
    let public = open_consultation(&app, &bgd, "public", questions()).await;
    answer(&app, &public, None, "SGP", "public answer").await;
    let (firm, _) = firm_account(&app, &bgd, "").await;
    let pid = public["id"].as_str().unwrap();
    assert_eq!(app.get(&format!("/api/v1/consultations/{pid}/results"), &firm).await.status(), 200);
    problem(app.get(&format!("/api/v1/consultations/{pid}/responses"), &firm).await, 403).await;
    problem(app.get(&format!("/api/v1/consultations/{pid}/responses.csv"), &firm).await, 403).await;
    // The owners read them.
    for token in [&bgd, &app.login(ADMIN).await] {
        assert_eq!(app.all_pages(&format!("/api/v1/consultations/{id}/responses"), token).await.len(), 9);
        let csv = app.get(&format!("/api/v1/consultations/{id}/responses.csv"), token).await.text().await.unwrap();
        assert_eq!(csv.lines().count(), 10);
    }
}

/// Finding 3: filing an impediment from a response copied the response's firm onto the impediment, so
/// an anonymous answer led to a named firm — across delegations on a regional consultation — and the
/// 409 on deleting that firm counted another delegation's records.
#[tokio::test]
async fn filing_an_impediment_from_a_response_does_not_name_the_respondent() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let (firm, stakeholder) = firm_account(&app, &bgd, "").await;
    let c = open_consultation(&app, &bgd, "regional", questions()).await;
    let response = answer(&app, &c, Some(&firm), "BGD", "testing fees").await;
    let body = |country: &str| {
        json!({"reporting_country": country, "partner": "EU", "ntm_code": "A14", "title": "Re-testing",
               "description": "From a consultation answer.", "severity": 4, "visibility": "regional",
               "response_id": response["id"]})
    };
    // Nepal reads the regional consultation but not its rows: the response is unknown to it.
    let p = problem(app.post_json("/api/v1/impediments", Some(&npl), body("NPL")).await, 422).await;
    assert_eq!(fields(&p), vec!["response_id"]);
    // The owner files from it: the impediment keeps the response, not the firm.
    let res = app.post_json("/api/v1/impediments", Some(&bgd), body("BGD")).await;
    assert_eq!(res.status(), 201);
    let from_response: Value = res.json().await.unwrap();
    assert_eq!((from_response["source"].as_str(), from_response["stakeholder_id"].as_str()), (Some("response"), None));

    // Linked on purpose to the firm, a regional impediment shows the firm only to who may read it.
    let mut named = body("BGD");
    named.as_object_mut().unwrap().remove("response_id");
    named["stakeholder_id"] = stakeholder["id"].clone();
    let res = app.post_json("/api/v1/impediments", Some(&bgd), named).await;
    assert_eq!(res.status(), 201);
    let named: Value = res.json().await.unwrap();
    let iid = named["id"].as_str().unwrap();
    assert_eq!(app.get_json(&format!("/api/v1/impediments/{iid}"), &bgd).await["stakeholder_id"], stakeholder["id"]);
    let seen = app.get_json(&format!("/api/v1/impediments/{iid}"), &npl).await;
    assert_eq!(seen["stakeholder_id"], Value::Null, "Nepal reads the impediment, not the firm");
    let listed = app.all_pages("/api/v1/impediments", &npl).await;
    let row = listed.iter().find(|i| i["id"] == named["id"]).expect("Nepal lists the regional impediment");
    assert_eq!(row["stakeholder_id"], Value::Null);
    let body = app.get(&format!("/api/v1/impediments/{iid}"), &npl).await.text().await.unwrap();
    assert!(!body.contains(stakeholder["id"].as_str().unwrap()));

    // Deleting the firm is refused without counting records the caller may not read.
    let sid = stakeholder["id"].as_str().unwrap();
    let res = app.request(Method::DELETE, &format!("/api/v1/stakeholders/{sid}"), Some(&bgd)).send().await.unwrap();
    let p = problem(res, 409).await;
    let detail = p["detail"].as_str().unwrap_or_default();
    assert!(!detail.chars().any(|ch| ch.is_ascii_digit()), "no counts in: {detail}");
}

/// Also reproduced: `results.csv` wrote a consultation's own prompts and options verbatim, so a prompt
/// typed as a formula ran when a delegate opened the export. Every text cell is now made safe.
#[tokio::test]
async fn every_text_cell_of_a_results_export_is_spreadsheet_safe() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let questions = json!([
        {"code": "q1", "kind": "single_choice", "prompt": {"en": "=HYPERLINK(\"http://x.test\",\"click\")"},
         "options": [{"id": "yes", "label": {"en": "@SUM(A1)"}}, {"id": "no", "label": {"en": "+1"}}]},
        {"code": "q2", "kind": "number", "min": -10, "max": 10, "prompt": {"en": "-2+3"}}
    ]);
    let c = open_consultation(&app, &bgd, "delegation", questions).await;
    let path = format!("/api/v1/public/consultations/{}/responses", c["token"].as_str().unwrap());
    for v in [-4, -2] {
        assert_eq!(app.post_json(&path, None, json!({"answers": {"q1": "yes", "q2": v}})).await.status(), 201);
    }
    let id = c["id"].as_str().unwrap();
    let csv = app.get(&format!("/api/v1/consultations/{id}/results.csv"), &bgd).await.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            let formula_like = cell.starts_with(['=', '+', '-', '@']) && cell.parse::<f64>().is_err();
            assert!(!formula_like, "a cell would run as a formula: {cell:?} in {csv}");
        }
    }
    assert!(csv.contains("'=HYPERLINK") && csv.contains("'-2+3"), "{csv}");
    assert!(csv.contains("-3.0000"), "a negative mean stays a number: {csv}");
}
