//! Prep items (issue 9): create, list, filter and sort; the workflow's role rules with their history; and
//! who reads a coalition's confidential items. The texts are in `prep_item_texts.rs`.

use reqwest::{Method, Response};
use serde_json::{json, Value};

use crate::helpers::*;

const FOCAL_BGD: &str = "focal.bgd@gmc.test";

pub(crate) fn body(extra: Value) -> Value {
    let mut b = json!({"ministerial": "MC14", "title": "Fisheries subsidies: special and differential treatment",
        "kind": "position", "interest": "defensive", "priority": "high", "visibility": "delegation"});
    if let (Some(b), Some(extra)) = (b.as_object_mut(), extra.as_object()) {
        b.extend(extra.clone());
    }
    b
}

pub(crate) async fn create(app: &TestApp, token: &str, extra: Value) -> Value {
    let res = app.post_json("/api/v1/prep-items", Some(token), body(extra)).await;
    assert_eq!(res.status(), 201, "create");
    res.json().await.unwrap()
}

async fn step(app: &TestApp, token: &str, id: &str, body: Value) -> Response {
    app.post_json(&format!("/api/v1/prep-items/{id}/steps"), Some(token), body).await
}

pub(crate) async fn save_text(app: &TestApp, token: &str, id: &str, if_match: Option<&str>, text: &str) -> Response {
    let mut rb = app.request(Method::POST, &format!("/api/v1/prep-items/{id}/texts"), Some(token));
    if let Some(v) = if_match {
        rb = rb.header("if-match", v);
    }
    rb.json(&json!({"body": text})).send().await.unwrap()
}

fn ids(items: &[Value]) -> Vec<String> {
    items.iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect()
}

/// A focal point (the capital) of Bangladesh's delegation.
async fn focal_point(app: &TestApp, admin: &str) -> String {
    let delegation = app.delegation_id(admin, "BGD").await;
    let user = json!({"email": FOCAL_BGD, "name": "Dhaka Focal Point", "password": PASSWORD, "role": "focal_point",
        "delegation_id": delegation});
    assert_eq!(app.post_json("/api/v1/users", Some(admin), user).await.status(), 201);
    app.login(FOCAL_BGD).await
}

#[tokio::test]
async fn a_delegate_creates_prep_items_and_lists_them_filtered_and_sorted() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let fish = app.get_json("/api/v1/topics/FISH", &bgd).await["id"].clone();
    let late = create(&app, &bgd, json!({"deadline": "2020-01-10", "topic_ids": [fish]})).await;
    let soon = create(
        &app,
        &bgd,
        json!({"title": "LDC graduation: TRIPS transition", "kind": "proposal",
        "interest": "offensive", "priority": "low", "deadline": "2030-03-01"}),
    )
    .await;
    let open = create(&app, &bgd, json!({"title": "E-commerce moratorium", "priority": "medium"})).await;

    assert_eq!(late["owner"]["kind"], "delegation");
    assert_eq!(late["owner"]["code"], "BGD");
    assert_eq!(late["ministerial"]["code"], "MC14");
    assert_eq!(late["status"], "identified");
    assert_eq!(late["overdue"], true, "a past deadline on an open item");
    assert_eq!(soon["overdue"], false);
    assert_eq!(late["topics"][0]["code"], "FISH");
    assert_eq!(late["can_edit"], true);
    assert_eq!(late["steps_open"], json!(["drafting", "withdrawn"]));
    assert_eq!(late["text_number"], 0);

    let all = app.get_json("/api/v1/prep-items?ministerial=MC14", &bgd).await;
    assert_eq!(all["total"], 3);
    let by = |q: &str| {
        let app = &app;
        let bgd = &bgd;
        let q = q.to_owned();
        async move { ids(app.get_json(&format!("/api/v1/prep-items?{q}"), bgd).await["items"].as_array().unwrap()) }
    };
    let (late_id, soon_id, open_id) =
        (late["id"].as_str().unwrap(), soon["id"].as_str().unwrap(), open["id"].as_str().unwrap());
    assert_eq!(by("kind=proposal").await, [soon_id]);
    assert_eq!(by("interest=offensive").await, [soon_id]);
    assert_eq!(by("topic=FISH").await, [late_id]);
    assert_eq!(by("q=moratorium").await, [open_id]);
    assert_eq!(by("due_before=2026-01-01").await, [late_id]);
    assert_eq!(by("status=drafting").await, Vec::<String>::new());
    // A missing deadline sorts first ascending, last descending.
    assert_eq!(by("sort=deadline").await, [open_id, late_id, soon_id]);
    assert_eq!(by("sort=-deadline").await, [soon_id, late_id, open_id]);
    assert_eq!(by("sort=title&limit=2").await.len(), 2);
    assert_eq!(app.all_pages("/api/v1/prep-items?sort=deadline&limit=1", &bgd).await.len(), 3);

    let bad = problem(app.get("/api/v1/prep-items?ministerial=MC99&kind=memo&sort=colour", &bgd).await, 422).await;
    let named = fields(&bad);
    assert!(["ministerial", "kind", "sort"].iter().all(|f| named.contains(&(*f).to_owned())), "{named:?}");
}

#[tokio::test]
async fn a_bad_prep_item_is_refused_naming_every_field_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let bad = body(json!({"ministerial": "MC99", "title": " ", "kind": "memo", "interest": "keen",
        "priority": "urgent", "visibility": "secret", "topic_ids": [uuid::Uuid::now_v7()],
        "responsible_user_id": uuid::Uuid::now_v7()}));
    let p = problem(app.post_json("/api/v1/prep-items", Some(&bgd), bad).await, 422).await;
    let mut named = fields(&p);
    named.sort();
    assert_eq!(
        named,
        ["interest", "kind", "ministerial", "priority", "responsible_user_id", "title", "topic_ids", "visibility"]
    );
    let both = body(json!({"delegation_id": app.delegation_id(&bgd, "BGD").await,
        "coalition_id": uuid::Uuid::now_v7()}));
    assert_eq!(
        fields(&problem(app.post_json("/api/v1/prep-items", Some(&bgd), both).await, 422).await),
        ["coalition_id"]
    );
    assert_eq!(app.get_json("/api/v1/prep-items", &bgd).await["total"], 0);
}

#[tokio::test]
async fn geneva_drafts_and_tables_the_capital_agrees_and_every_step_is_kept() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let capital = focal_point(&app, &admin).await;
    let item = create(&app, &bgd, json!({})).await;
    let id = item["id"].as_str().unwrap();

    assert_eq!(step(&app, &bgd, id, json!({"to": "drafting", "note": "Drafting from the survey"})).await.status(), 200);
    assert_eq!(step(&app, &bgd, id, json!({"to": "capital_review"})).await.status(), 200);
    // The capital signs off, not Geneva; and nobody skips ahead.
    assert_eq!(step(&app, &bgd, id, json!({"to": "agreed"})).await.status(), 403);
    let skip = problem(step(&app, &capital, id, json!({"to": "tabled"})).await, 422).await;
    assert_eq!(skip["errors"][0]["code"], "invalid_step");
    let agreed: Value = step(&app, &capital, id, json!({"to": "agreed", "note": "Cleared by the ministry"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(agreed["steps_open"], json!(["withdrawn"]), "the capital does not table");
    assert_eq!(step(&app, &capital, id, json!({"to": "tabled"})).await.status(), 403);
    assert_eq!(
        step(&app, &bgd, id, json!({"to": "tabled", "note": "Tabled at the General Council"})).await.status(),
        200
    );

    // The outcome goes with its step, and only with it.
    let missing = problem(step(&app, &bgd, id, json!({"to": "outcome_recorded"})).await, 422).await;
    assert_eq!(fields(&missing), ["outcome"]);
    let outcome = json!({"text": "Adopted with amendments", "date": "2026-03-29", "body": "MC14 plenary"});
    let misplaced = problem(step(&app, &bgd, id, json!({"to": "withdrawn", "outcome": outcome})).await, 422).await;
    assert_eq!(fields(&misplaced), ["outcome"]);
    let done = step(&app, &bgd, id, json!({"to": "outcome_recorded", "outcome": outcome})).await;
    assert_eq!(done.status(), 200);
    let done: Value = done.json().await.unwrap();
    assert_eq!(done["outcome"]["body"], "MC14 plenary");
    assert_eq!(done["steps_open"], json!([]));
    assert_eq!(
        problem(step(&app, &admin, id, json!({"to": "withdrawn"})).await, 422).await["errors"][0]["code"],
        "invalid_step"
    );

    let history = app.get_json(&format!("/api/v1/prep-items/{id}/steps"), &bgd).await;
    let steps: Vec<_> = history["items"].as_array().unwrap().iter().map(|s| s["to_status"].as_str().unwrap()).collect();
    assert_eq!(steps, ["identified", "drafting", "capital_review", "agreed", "tabled", "outcome_recorded"]);
    assert_eq!(history["items"][1]["note"], "Drafting from the survey");
    assert_eq!(history["items"][3]["actor_name"], "Dhaka Focal Point");
    assert_eq!(history["items"][0]["from_status"], Value::Null);
}

#[tokio::test]
async fn withdrawn_is_final_and_analysts_take_no_step() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let analyst = app.login(ANALYST).await;
    let item = create(&app, &bgd, json!({"visibility": "regional"})).await;
    let id = item["id"].as_str().unwrap();
    assert_eq!(step(&app, &analyst, id, json!({"to": "drafting"})).await.status(), 403);
    assert_eq!(app.get_json(&format!("/api/v1/prep-items/{id}"), &analyst).await["steps_open"], json!([]));
    assert_eq!(
        step(&app, &bgd, id, json!({"to": "withdrawn", "note": "Overtaken by the LDC Group text"})).await.status(),
        200
    );
    let outcome = json!({"text": "Adopted", "date": "2026-03-29", "body": "MC14 plenary"});
    for body in
        [json!({"to": "drafting"}), json!({"to": "identified"}), json!({"to": "outcome_recorded", "outcome": outcome})]
    {
        let p = problem(step(&app, &bgd, id, body.clone()).await, 422).await;
        assert_eq!(p["errors"][0]["code"], "invalid_step", "{body}");
    }
    let item = app.get_json(&format!("/api/v1/prep-items/{id}"), &bgd).await;
    assert_eq!(item["status"], "withdrawn");
    assert_eq!(item["steps_open"], json!([]));
}

#[tokio::test]
async fn a_change_needs_the_current_version_and_is_applied_field_by_field() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let id = create(&app, &bgd, json!({"deadline": "2026-12-01"})).await["id"].as_str().unwrap().to_owned();
    let patch = |if_match: Option<&'static str>, body: Value| {
        let mut rb = app.request(Method::PATCH, &format!("/api/v1/prep-items/{id}"), Some(&bgd));
        if let Some(v) = if_match {
            rb = rb.header("if-match", v);
        }
        rb.json(&body).send()
    };
    problem(patch(None, json!({"priority": "low"})).await.unwrap(), 428).await;
    let ok = patch(Some("\"1\""), json!({"priority": "low", "deadline": null})).await.unwrap();
    assert_eq!(ok.status(), 200);
    let ok: Value = ok.json().await.unwrap();
    assert_eq!(
        (ok["priority"].as_str(), ok["deadline"].is_null(), ok["version"].as_i64()),
        (Some("low"), true, Some(2))
    );
    problem(patch(Some("\"1\""), json!({"priority": "high"})).await.unwrap(), 412).await;
    assert_eq!(fields(&problem(patch(Some("\"2\""), json!({})).await.unwrap(), 422).await), ["body"]);
}

/// Nepal's delegate (Nepal is in the LDC Group) creates a confidential LDC item.
async fn ldc_item(app: &TestApp, npl: &str) -> (String, String) {
    let ldc = app.get_json("/api/v1/coalitions/LDC", npl).await["id"].as_str().unwrap().to_owned();
    let item = create(app, npl, json!({"coalition_id": ldc, "kind": "coalition_statement"})).await;
    assert_eq!(item["owner"]["kind"], "coalition");
    assert_eq!(item["owner"]["code"], "LDC");
    (ldc, item["id"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn a_coalitions_confidential_item_is_its_members_alone_until_the_membership_changes() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let npl = app.login(NPL).await;
    let bgd = app.login(BGD).await;
    let (ldc, id) = ldc_item(&app, &npl).await;
    assert_eq!(app.get_json(&format!("/api/v1/prep-items/{id}"), &npl).await["can_edit"], true);

    // Bangladesh (not a member since its graduation) sees no trace of it anywhere.
    let hidden = |token: String| {
        let (app, id, ldc) = (&app, id.clone(), ldc.clone());
        async move {
            for path in [
                format!("/api/v1/prep-items/{id}"),
                format!("/api/v1/prep-items/{id}/steps"),
                format!("/api/v1/prep-items/{id}/texts"),
            ] {
                problem(app.get(&path, &token).await, 404).await;
            }
            assert_eq!(app.get_json(&format!("/api/v1/prep-items?coalition_id={ldc}"), &token).await["total"], 0);
            let board = app.get_json("/api/v1/prep-items/board?ministerial=MC14", &token).await;
            assert!(board["columns"].as_array().unwrap().iter().all(|c| c["total"] == 0), "{board}");
        }
    };
    hidden(bgd.clone()).await;
    hidden(app.login(ANALYST).await).await;
    assert_eq!(step(&app, &bgd, &id, json!({"to": "drafting"})).await.status(), 404);
    let as_bgd = app.post_json("/api/v1/prep-items", Some(&bgd), body(json!({"coalition_id": ldc}))).await;
    assert_eq!(as_bgd.status(), 403, "a non-member cannot create for the coalition");

    // The members read it, on the board too.
    let board = app.get_json("/api/v1/prep-items/board?ministerial=MC14", &npl).await;
    assert_eq!(board["columns"][0]["status"], "identified");
    assert_eq!(board["columns"][0]["total"], 1);
    assert_eq!(board["columns"].as_array().unwrap().len(), 7);

    // The admin adds Bangladesh: it reads at once; removed again, it does not.
    let members = |extra: &[&str]| {
        let (app, admin) = (&app, &admin);
        let extra: Vec<String> = extra.iter().map(|s| (*s).to_owned()).collect();
        async move {
            let current = app.get_json("/api/v1/coalitions/LDC", admin).await;
            let mut ids: Vec<Value> = current["members"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["country_code"] != "BGD")
                .map(|m| m["delegation_id"].clone())
                .collect();
            for e in extra {
                ids.push(json!(e));
            }
            let res = app
                .request(Method::PATCH, &format!("/api/v1/coalitions/{}", current["id"].as_str().unwrap()), Some(admin))
                .header("if-match", format!("\"{}\"", current["version"]))
                .json(&json!({"members": ids}))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
        }
    };
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    members(&[bgd_delegation.as_str()]).await;
    assert_eq!(app.get_json(&format!("/api/v1/prep-items/{id}"), &bgd).await["can_edit"], true);
    assert_eq!(app.get_json(&format!("/api/v1/prep-items?coalition_id={ldc}"), &bgd).await["total"], 1);
    members(&[]).await;
    hidden(bgd).await;
}

#[tokio::test]
async fn a_read_key_cannot_step_or_save_and_a_delegation_filter_does_not_widen_what_is_read() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let item = create(&app, &bgd, json!({"kind": "proposal"})).await;
    let id = item["id"].as_str().unwrap();
    let res = app.post_json("/api/v1/api-keys", Some(&bgd), json!({"name": "read", "scopes": ["read"]})).await;
    let key = res.json::<Value>().await.unwrap()["key"].as_str().unwrap().to_owned();
    assert_eq!(app.get_json(&format!("/api/v1/prep-items/{id}"), &key).await["steps_open"], json!([]));
    assert_eq!(step(&app, &key, id, json!({"to": "drafting"})).await.status(), 403);
    assert_eq!(save_text(&app, &key, id, Some("\"0\""), "by key").await.status(), 403);
    assert_eq!(app.post_json("/api/v1/prep-items", Some(&key), body(json!({}))).await.status(), 403);
    assert_eq!(app.get_json(&format!("/api/v1/prep-items/{id}"), &bgd).await["text_number"], 0);

    let secret = create(&app, &npl, json!({"title": "Nepal only"})).await;
    let shared = create(&app, &npl, json!({"title": "Nepal shared", "visibility": "regional"})).await;
    let npl_delegation = app.delegation_id(&bgd, "NPL").await;
    let seen = app.all_pages(&format!("/api/v1/prep-items?delegation_id={npl_delegation}"), &bgd).await;
    assert_eq!(ids(&seen), [shared["id"].as_str().unwrap()]);
    problem(app.get(&format!("/api/v1/prep-items/{}", secret["id"].as_str().unwrap()), &bgd).await, 404).await;
}
