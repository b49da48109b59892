//! issue 11: response imports — paper questionnaires keyed in later (`POST /imports/consultation_responses`):
//! counted in the results like online answers, refused with the public form's own field names and codes,
//! anonymous, written only by the consultation's owners, and announced by one `response.received` event
//! that reaches the owner's subscription only.

use gmc_store::entities::{responses, webhook_deliveries};
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::*;
use crate::webhook_fixtures::{subscribe, PUBLIC_URL};

fn questionnaire() -> Value {
    json!([
        {"code": "q1", "kind": "single_choice", "required": true, "prompt": {"en": "Do you export?"},
         "options": [{"id": "yes", "label": {"en": "Yes"}}, {"id": "no", "label": {"en": "No"}}]},
        {"code": "q2", "kind": "multi_choice", "prompt": {"en": "Which obstacles?"},
         "options": [{"id": "a", "label": {"en": "Testing"}}, {"id": "b", "label": {"en": "Permits"}}]},
        {"code": "q3", "kind": "scale", "min": 1, "max": 5, "prompt": {"en": "How hard is exporting?"}}
    ])
}

/// Three paper forms: two exporters, one not; a profile on one of them.
const PAPER: &str = "lang,profile.country,profile.size_class,answers.q1,answers.q2,answers.q3\n\
                     en,BGD,small,yes,a;b,4\n\
                     en,,,yes,,2\n\
                     en,,,no,b,\n";

/// A Bangladesh consultation everyone may read (so that another delegation reads it, but not its answers).
async fn open_bgd(app: &TestApp, bgd: &str) -> Value {
    let body = json!({"title": "Paper round", "visibility": "public", "questions": questionnaire()});
    let res = app.post_json("/api/v1/consultations", Some(bgd), body).await;
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

async fn send(app: &TestApp, token: &str, query: &str, csv: &str) -> reqwest::Response {
    app.request(Method::POST, &format!("/api/v1/imports/consultation_responses?{query}"), Some(token))
        .header("content-type", "text/csv")
        .body(csv.to_owned())
        .send()
        .await
        .unwrap()
}

async fn import(app: &TestApp, token: &str, query: &str, csv: &str) -> Value {
    let res = send(app, token, query, csv).await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

async fn stored(app: &TestApp, consultation: &str) -> Vec<responses::Model> {
    let id = Uuid::parse_str(consultation).unwrap();
    let db = app.db().await;
    responses::Entity::find().filter(responses::Column::ConsultationId.eq(id)).all(&db).await.unwrap()
}

#[tokio::test]
async fn three_paper_answers_are_counted_in_the_results_and_stay_anonymous() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_bgd(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();

    let done = import(&app, &bgd, &format!("consultation_id={id}"), PAPER).await;

    assert_eq!((done["status"].as_str(), done["rows_inserted"].as_i64()), (Some("completed"), Some(3)), "{done}");
    assert_eq!(done["kind"], "consultation_responses");
    let r = app.get_json(&format!("/api/v1/consultations/{id}/results"), &bgd).await;
    assert_eq!(r["respondents"]["count"], 3, "{r}");
    let q1 = r["questions"].as_array().unwrap().iter().find(|q| q["code"] == "q1").unwrap();
    let counts: Vec<(Value, Value)> =
        q1["options"].as_array().unwrap().iter().map(|o| (o["id"].clone(), o["count"].clone())).collect();
    assert_eq!(counts, vec![(json!("yes"), json!(2)), (json!("no"), json!(1))], "{q1}");
    // Anonymous: no stakeholder, only the channel and the import's id.
    let rows = stored(&app, id).await;
    assert_eq!(rows.len(), 3);
    let prefix = format!("import:{}:", done["id"].as_str().unwrap());
    for row in &rows {
        assert_eq!(row.channel.0.as_str(), "import");
        assert_eq!(row.stakeholder_id, None);
        assert!(row.external_id.as_deref().is_some_and(|e| e.starts_with(&prefix)), "{:?}", row.external_id);
    }
    assert!(rows.iter().any(|r| r.country.as_deref() == Some("BGD") && r.size_class.as_deref() == Some("small")));
}

#[tokio::test]
async fn a_bad_choice_code_is_reported_by_row_and_column_with_the_code_of_the_apis_422() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_bgd(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();
    let path = format!("/api/v1/public/consultations/{}/responses", c["token"].as_str().unwrap());
    let api = problem(app.post_json(&path, None, json!({"answers": {"q1": "perhaps"}})).await, 422).await;
    let api_error = &api["errors"][0];
    assert_eq!(api_error["field"], "answers.q1");

    let csv = "answers.q1,answers.q3\nyes,3\nperhaps,3\n";
    let rejected = import(&app, &bgd, &format!("consultation_id={id}"), csv).await;

    assert_eq!(rejected["status"], "rejected", "{rejected}");
    let p = &rejected["problems"][0];
    assert_eq!((p["row"].as_i64(), p["column"].as_str()), (Some(3), Some("answers.q1")), "{rejected}");
    assert_eq!(p["code"], api_error["code"]);
    assert!(stored(&app, id).await.is_empty(), "atomic: the good row was not written either");
    // With on_error=skip the good row is kept.
    let partial = import(&app, &bgd, &format!("consultation_id={id}&on_error=skip"), csv).await;
    assert_eq!((partial["status"].as_str(), partial["rows_inserted"].as_i64()), (Some("partial"), Some(1)));
    assert_eq!(stored(&app, id).await.len(), 1);
}

#[tokio::test]
async fn a_dry_run_checks_every_row_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_bgd(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();

    let checked = import(&app, &bgd, &format!("consultation_id={id}&dry_run=true"), PAPER).await;

    assert_eq!((checked["status"].as_str(), checked["rows_inserted"].as_i64()), (Some("completed"), Some(3)));
    assert!(stored(&app, id).await.is_empty());
    let r = app.get_json(&format!("/api/v1/consultations/{id}/results"), &bgd).await;
    assert_eq!(r["respondents"]["count"], 0, "{r}");
}

#[tokio::test]
async fn another_delegation_gets_404_an_analyst_403_and_the_consultation_is_required() {
    let app = TestApp::spawn().await;
    let (bgd, npl, analyst) = (app.login(BGD).await, app.login(NPL).await, app.login(ANALYST).await);
    let c = open_bgd(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();
    // Nepal may read the (public) consultation, but not add to or learn about its responses.
    assert_eq!(app.get(&format!("/api/v1/consultations/{id}"), &npl).await.status(), 200);

    problem(send(&app, &npl, &format!("consultation_id={id}"), PAPER).await, 404).await;
    problem(send(&app, &analyst, &format!("consultation_id={id}"), PAPER).await, 403).await;
    let p = problem(send(&app, &bgd, "", PAPER).await, 422).await;
    assert_eq!(fields(&p), vec!["consultation_id"]);
    problem(send(&app, &bgd, &format!("consultation_id={}", Uuid::now_v7()), PAPER).await, 404).await;

    assert!(stored(&app, id).await.is_empty());
}

#[tokio::test]
async fn the_template_has_a_column_per_question_with_its_option_codes() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_bgd(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();

    let res =
        app.get(&format!("/api/v1/imports/templates/consultation_responses.csv?consultation_id={id}"), &bgd).await;

    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    let header = text.lines().find(|l| !l.starts_with('#')).unwrap();
    assert_eq!(
        header,
        "lang,profile.country,profile.sector,profile.size_class,profile.women_led,answers.q1,answers.q2,answers.q3"
    );
    assert!(text.contains("# allowed answers.q1: yes no"), "{text}");
    // The template is a file the import takes as it is (its example row answers every required question).
    let done = import(&app, &bgd, &format!("consultation_id={id}"), &text).await;
    assert_eq!(done["status"], "completed", "{done}");
    problem(app.get("/api/v1/imports/templates/consultation_responses.csv", &bgd).await, 422).await;
}

/// The `data` of each `response.received` delivery of `subscription`, oldest first.
async fn events(app: &TestApp, subscription: &str) -> Vec<Value> {
    let db = app.db().await;
    let mut rows = webhook_deliveries::Entity::find()
        .filter(webhook_deliveries::Column::SubscriptionId.eq(Uuid::parse_str(subscription).unwrap()))
        .filter(webhook_deliveries::Column::EventType.eq("response.received"))
        .all(&db)
        .await
        .unwrap();
    rows.sort_by_key(|d| d.id);
    rows.into_iter().map(|d| serde_json::from_str::<Value>(&d.body).unwrap()["data"].clone()).collect()
}

#[tokio::test]
async fn response_received_reaches_the_owners_subscription_only_and_carries_no_answer() {
    let app = TestApp::spawn_with(|s| s.small_cell_k = 2).await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let c = open_bgd(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();
    let bgd_sub = subscribe(&app, &bgd, PUBLIC_URL, &["response.received"]).await["id"].as_str().unwrap().to_owned();
    let npl_sub = subscribe(&app, &npl, PUBLIC_URL, &["response.received"]).await["id"].as_str().unwrap().to_owned();

    // One live answer: one event, its count withheld below k.
    let path = format!("/api/v1/public/consultations/{}/responses", c["token"].as_str().unwrap());
    let res = app.post_json(&path, None, json!({"answers": {"q1": "no", "q3": 5}})).await;
    assert_eq!(res.status(), 201);
    // One import of three: one event for the import, not one per row; a dry run announces nothing.
    import(&app, &bgd, &format!("consultation_id={id}&dry_run=true"), PAPER).await;
    let done = import(&app, &bgd, &format!("consultation_id={id}"), PAPER).await;
    assert_eq!(done["rows_inserted"], 3);

    let got = events(&app, &bgd_sub).await;
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[0],
        json!({"consultation_id": id, "channel": "web", "responses": null,
        "link": format!("/consultations/{id}")})
    );
    assert_eq!(
        got[1],
        json!({"consultation_id": id, "channel": "import", "responses": 4, "imported": 3,
        "link": format!("/consultations/{id}")})
    );
    assert!(events(&app, &npl_sub).await.is_empty(), "another delegation's subscription is told nothing");
}
