//! What the evidence and alignment tests (and their matrix rows) arrange: prep items inserted through
//! the entities (their create endpoint is another branch's), impediments with a chosen status and age,
//! and consultations with respondents.

use chrono::{Duration, Utc};
use gmc_domain::prep::{Interest, PrepKind, PrepStatus};
use gmc_domain::watch::Priority;
use gmc_domain::Visibility;
use gmc_store::entities::{coalitions, impediments, ministerials, prep_item_topics, prep_items};
use reqwest::Method;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::*;

/// Who owns a prep item.
pub(crate) enum Owner<'a> {
    Delegation(&'a str),
    Coalition(&'a str),
}

pub(crate) async fn coalition_id(app: &TestApp, code: &str) -> String {
    let db = app.db().await;
    let c = coalitions::Entity::find().filter(coalitions::Column::Code.eq(code)).one(&db).await.unwrap().unwrap();
    c.id.to_string()
}

/// An MC12 position owned as given, at `visibility`, on `topics` (ids).
pub(crate) async fn prep_item(app: &TestApp, owner: Owner<'_>, visibility: &str, topics: &[&str]) -> String {
    let db = app.db().await;
    let mc12 =
        ministerials::Entity::find().filter(ministerials::Column::Code.eq("MC12")).one(&db).await.unwrap().unwrap();
    let (delegation, coalition) = match owner {
        Owner::Delegation(d) => (Some(d.parse::<Uuid>().unwrap()), None),
        Owner::Coalition(c) => (None, Some(c.parse::<Uuid>().unwrap())),
    };
    let now = Utc::now();
    let id = Uuid::now_v7();
    prep_items::ActiveModel {
        id: Set(id),
        ministerial_id: Set(mc12.id),
        delegation_id: Set(delegation),
        coalition_id: Set(coalition),
        visibility: Set(visibility.parse::<Visibility>().unwrap().into()),
        title: Set("Fisheries subsidies: special and differential treatment".into()),
        summary: Set(String::new()),
        kind: Set(PrepKind::Position.into()),
        interest: Set(Interest::Defensive.into()),
        priority: Set(Priority::High.into()),
        status: Set(PrepStatus::Identified.into()),
        deadline: Set(None),
        responsible_user_id: Set(None),
        outcome_text: Set(None),
        outcome_date: Set(None),
        outcome_body: Set(None),
        text_number: Set(0),
        created_by: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&db)
    .await
    .unwrap();
    for t in topics {
        prep_item_topics::ActiveModel { prep_item_id: Set(id), topic_id: Set(t.parse().unwrap()) }
            .insert(&db)
            .await
            .unwrap();
    }
    id.to_string()
}

pub(crate) async fn topic(app: &TestApp, admin: &str) -> String {
    let code = format!("EV-{}", &Uuid::new_v4().simple().to_string()[..8]).to_uppercase();
    let res =
        app.post_json("/api/v1/topics", Some(admin), json!({"code": code, "title": "Evidence", "kind": "other"})).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

/// An impediment of `delegation` (created by the admin), with its optional stakeholder and topics.
pub(crate) async fn impediment(
    app: &TestApp,
    admin: &str,
    delegation: &str,
    (visibility, severity): (&str, i64),
    topics: &[&str],
    stakeholder: Option<&str>,
) -> String {
    let body = json!({"delegation_id": delegation, "reporting_country": "BGD", "partner": "EU", "ntm_code": "A14",
        "title": "Residue testing", "description": "Each consignment is re-tested.", "severity": severity,
        "visibility": visibility, "topic_ids": topics, "stakeholder_id": stakeholder});
    let res = app.post_json("/api/v1/impediments", Some(admin), body).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

/// Sets an impediment's status and report date directly (the workflow is tested elsewhere; the report
/// needs known ages).
pub(crate) async fn age(app: &TestApp, id: &str, status: &str, days_ago: i64) {
    let db = app.db().await;
    let id: Uuid = id.parse().unwrap();
    let mut m: impediments::ActiveModel = impediments::Entity::find_by_id(id).one(&db).await.unwrap().unwrap().into();
    m.status = Set(status.parse::<gmc_domain::impediment::ImpedimentStatus>().unwrap().into());
    m.created_at = Set(Utc::now() - Duration::days(days_ago));
    m.update(&db).await.unwrap();
}

pub(crate) async fn stakeholder(app: &TestApp, admin: &str, delegation: &str, women_led: bool) -> String {
    let body = json!({"delegation_id": delegation, "name": format!("Firm {}", Uuid::new_v4().simple()),
        "kind": "msme", "country": "BGD", "sector": "A", "size_class": "small", "employees": 25,
        "women_led": women_led});
    let res = app.post_json("/api/v1/stakeholders", Some(admin), body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

/// An open consultation of `delegation` at `visibility` whose question `q1` is tagged with `topic`,
/// answered by `respondents` (alternately women-led); its id.
pub(crate) async fn consultation(
    app: &TestApp,
    admin: &str,
    (delegation, visibility): (&str, &str),
    topic: &str,
    respondents: usize,
) -> String {
    let body = json!({"delegation_id": delegation, "title": "Export costs round", "visibility": visibility,
        "questions": [{"code": "q1", "kind": "single_choice", "required": true, "topic_id": topic,
            "prompt": {"en": "Do testing costs stop you exporting?"},
            "options": [{"id": "yes", "label": {"en": "Yes"}}, {"id": "no", "label": {"en": "No"}}]}]});
    let res = app.post_json("/api/v1/consultations", Some(admin), body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let c: Value = res.json().await.unwrap();
    let (id, token) = (c["id"].as_str().unwrap().to_owned(), c["token"].as_str().unwrap().to_owned());
    let res = app
        .request(Method::POST, &format!("/api/v1/consultations/{id}/status"), Some(admin))
        .header("if-match", "\"1\"")
        .json(&json!({"status": "open"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    for i in 0..respondents {
        let answer = json!({"lang": "en", "answers": {"q1": "yes"},
            "profile": {"country": "BGD", "sector": "C", "size_class": "micro", "women_led": i % 2 == 0}});
        let res = app.post_json(&format!("/api/v1/public/consultations/{token}/responses"), None, answer).await;
        assert_eq!(res.status(), 201);
    }
    id
}

/// Cites `target` for a prep item as `token`; the response.
pub(crate) async fn cite(app: &TestApp, token: &str, item: &str, target: Value) -> reqwest::Response {
    app.post_json(&format!("/api/v1/prep-items/{item}/evidence"), Some(token), target).await
}

pub(crate) fn impediment_link(id: &str) -> Value {
    json!({"target_kind": "impediment", "target_id": id, "note": "The firms' own words."})
}

pub(crate) fn question_link(consultation: &str) -> Value {
    json!({"target_kind": "consultation_question", "target_id": consultation, "question_code": "q1",
           "filter": {"country": "BGD"}, "note": "What the round said."})
}
