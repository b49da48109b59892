//! Briefing requests (issue 10): a delegation asks, an analyst takes it through the workflow; who
//! reads what (another delegation never, analysts their own and the queue), the step rules, the 422s
//! naming fields, comments, and the overdue flag and filters.

use reqwest::{Method, Response};
use serde_json::{json, Value};

use crate::helpers::*;

pub(crate) fn body(extra: Value) -> Value {
    let mut b = json!({"kind": "briefing_note", "title": "Fisheries subsidies: what MC14 means for our fleet",
        "question": "Which disciplines would apply to our artisanal fleet?", "priority": "high"});
    if let (Some(b), Some(extra)) = (b.as_object_mut(), extra.as_object()) {
        b.extend(extra.clone());
    }
    b
}

pub(crate) async fn create(app: &TestApp, token: &str, extra: Value) -> Value {
    let res = app.post_json("/api/v1/briefing-requests", Some(token), body(extra)).await;
    assert_eq!(res.status(), 201, "create");
    res.json().await.unwrap()
}

pub(crate) async fn step(app: &TestApp, token: &str, id: &str, body: Value) -> Response {
    app.post_json(&format!("/api/v1/briefing-requests/{id}/steps"), Some(token), body).await
}

fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

/// A Bangladesh request created by the admin; accepted by the demo analyst when `accepted`.
pub(crate) async fn fresh_bgd_request(app: &TestApp, admin: &str, analyst: &str, accepted: bool) -> String {
    let delegation = app.delegation_id(admin, "BGD").await;
    let r = create(app, admin, json!({"delegation_id": delegation})).await;
    let id = r["id"].as_str().unwrap().to_owned();
    if accepted {
        let res = step(app, analyst, &id, json!({"to": "accepted", "due_date": in_days(10)})).await;
        assert_eq!(res.status(), 200, "accept");
    }
    id
}

fn ids(items: &[Value]) -> Vec<String> {
    items.iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn a_delegate_asks_and_the_analyst_takes_it_through_the_workflow_with_its_history() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let analyst = app.login(ANALYST).await;
    let fish = app.get_json("/api/v1/topics/FISH", &bgd).await["id"].clone();
    let r = create(&app, &bgd, json!({"topic_ids": [fish], "wished_date": in_days(20)})).await;
    let id = r["id"].as_str().unwrap();
    assert_eq!(r["status"], "requested");
    assert_eq!(r["visibility"], "delegation", "the default");
    assert_eq!(r["delegation_code"], "BGD");
    assert_eq!(r["topics"][0]["code"], "FISH");
    assert_eq!(r["can_edit"], true);
    assert_eq!(r["steps_open"], json!([]), "the requesting side takes no step");

    let queued = app.get_json(&format!("/api/v1/briefing-requests/{id}"), &analyst).await;
    assert_eq!(queued["steps_open"], json!(["accepted", "declined"]));
    assert_eq!(queued["can_edit"], false);

    let accepted: Value = step(&app, &analyst, id, json!({"to": "accepted", "due_date": in_days(7), "note": "On it"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(accepted["assignee_name"], "Technical Assistance Analyst");
    assert_eq!(accepted["due_date"], in_days(7));
    assert_eq!(accepted["overdue"], false);
    for to in ["in_progress", "in_review", "in_progress", "in_review"] {
        assert_eq!(step(&app, &analyst, id, json!({"to": to})).await.status(), 200, "{to}");
    }
    // Once taken, the delegation's question is fixed: the due date was committed against it.
    let res = app
        .request(Method::PATCH, &format!("/api/v1/briefing-requests/{id}"), Some(&bgd))
        .header("if-match", "\"6\"")
        .json(&json!({"title": "Changed"}))
        .send()
        .await
        .unwrap();
    problem(res, 409).await;

    let history = app.get_json(&format!("/api/v1/briefing-requests/{id}/steps"), &bgd).await;
    let tos: Vec<&str> =
        history["items"].as_array().unwrap().iter().map(|s| s["to_status"].as_str().unwrap()).collect();
    assert_eq!(tos, ["requested", "accepted", "in_progress", "in_review", "in_progress", "in_review"]);
    assert_eq!(history["items"][1]["note"], "On it");
    assert_eq!(history["items"][1]["actor_name"], "Technical Assistance Analyst");
}

#[tokio::test]
async fn each_step_is_taken_only_by_its_role() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let analyst = app.login(ANALYST).await;
    let bgd = app.login(BGD).await;
    // A second analyst, who is not assigned.
    let other =
        json!({"email": "analyst2@gmc.test", "name": "Second Analyst", "password": PASSWORD, "role": "analyst"});
    assert_eq!(app.post_json("/api/v1/users", Some(&admin), other).await.status(), 201);
    let analyst2 = app.login("analyst2@gmc.test").await;

    let r = create(&app, &bgd, json!({})).await;
    let id = r["id"].as_str().unwrap();
    // A delegate cannot accept its own request, with or without a due date.
    problem(step(&app, &bgd, id, json!({"to": "accepted", "due_date": in_days(5)})).await, 403).await;
    problem(step(&app, &bgd, id, json!({"to": "declined", "reason": "no"})).await, 403).await;
    assert_eq!(step(&app, &analyst, id, json!({"to": "accepted", "due_date": in_days(5)})).await.status(), 200);
    // Now it is the first analyst's: the second no longer even sees it (404), the delegate may not move it.
    problem(step(&app, &analyst2, id, json!({"to": "in_progress"})).await, 404).await;
    problem(step(&app, &bgd, id, json!({"to": "in_progress"})).await, 403).await;
    let p = problem(step(&app, &analyst, id, json!({"to": "delivered"})).await, 422).await;
    assert_eq!(p["errors"][0]["code"], "invalid_step");
    assert_eq!(step(&app, &admin, id, json!({"to": "in_progress"})).await.status(), 200, "admins take any step");

    // An admin accepting names the analyst; it must be an active analyst.
    let r2 = create(&app, &bgd, json!({})).await;
    let id2 = r2["id"].as_str().unwrap();
    let p = problem(step(&app, &admin, id2, json!({"to": "accepted", "due_date": in_days(5)})).await, 422).await;
    assert_eq!(fields(&p), ["assignee_id"]);
    let bgd_me = app.get_json("/api/v1/me", &bgd).await["id"].clone();
    let p = problem(
        step(&app, &admin, id2, json!({"to": "accepted", "due_date": in_days(5), "assignee_id": bgd_me})).await,
        422,
    )
    .await;
    assert_eq!(fields(&p), ["assignee_id"]);
    let me2 = app.get_json("/api/v1/me", &analyst2).await["id"].clone();
    let res = step(&app, &admin, id2, json!({"to": "accepted", "due_date": in_days(5), "assignee_id": me2})).await;
    let assigned: Value = res.json().await.unwrap();
    assert_eq!(assigned["assignee_name"], "Second Analyst");
    assert_eq!(
        app.get_json(&format!("/api/v1/briefing-requests/{id2}"), &analyst2).await["steps_open"],
        json!(["in_progress"])
    );
    assert_eq!(app.get(&format!("/api/v1/briefing-requests/{id2}"), &analyst).await.status(), 404);
}

#[tokio::test]
async fn accepting_needs_a_due_date_and_declining_a_reason_named_by_field() {
    let app = TestApp::spawn().await;
    let analyst = app.login(ANALYST).await;
    let bgd = app.login(BGD).await;
    let r = create(&app, &bgd, json!({})).await;
    let id = r["id"].as_str().unwrap();
    let p = problem(step(&app, &analyst, id, json!({"to": "accepted"})).await, 422).await;
    assert_eq!(fields(&p), ["due_date"]);
    let p = problem(step(&app, &analyst, id, json!({"to": "accepted", "due_date": in_days(-1)})).await, 422).await;
    assert_eq!(fields(&p), ["due_date"]);
    let p = problem(step(&app, &analyst, id, json!({"to": "declined"})).await, 422).await;
    assert_eq!(fields(&p), ["reason"]);
    let p = problem(step(&app, &analyst, id, json!({"to": "declined", "reason": "  "})).await, 422).await;
    assert_eq!(fields(&p), ["reason"]);
    let p = problem(
        step(&app, &analyst, id, json!({"to": "declined", "reason": "out of scope", "due_date": in_days(3)})).await,
        422,
    )
    .await;
    assert_eq!(fields(&p), ["due_date"]);
    let p = problem(step(&app, &analyst, id, json!({"to": "sideways"})).await, 422).await;
    assert_eq!(fields(&p), ["to"]);
    // Nothing was written by the refusals.
    let history = app.get_json(&format!("/api/v1/briefing-requests/{id}/steps"), &bgd).await;
    assert_eq!(history["items"].as_array().unwrap().len(), 1);

    let declined: Value =
        step(&app, &analyst, id, json!({"to": "declined", "reason": "Covered by the November update"}))
            .await
            .json()
            .await
            .unwrap();
    assert_eq!(declined["status"], "declined");
    assert_eq!(declined["decline_reason"], "Covered by the November update");
    assert_eq!(declined["steps_open"], json!([]));
    let p = problem(step(&app, &analyst, id, json!({"to": "accepted", "due_date": in_days(3)})).await, 422).await;
    assert_eq!(p["errors"][0]["code"], "invalid_step");
}

#[tokio::test]
async fn a_bad_request_is_a_422_naming_every_field_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let bad = json!({"kind": "novel", "title": "", "question": " ", "priority": "urgent", "visibility": "secret",
        "wished_date": "2020-01-01", "topic_ids": [uuid::Uuid::new_v4()]});
    let p = problem(app.post_json("/api/v1/briefing-requests", Some(&bgd), bad).await, 422).await;
    let mut f = fields(&p);
    f.sort();
    assert_eq!(f, ["kind", "priority", "question", "title", "topic_ids", "visibility", "wished_date"]);
    assert_eq!(app.get_json("/api/v1/briefing-requests", &bgd).await["total"], 0);
    // Analysts do not ask (they answer); another delegation's id is refused.
    let analyst = app.login(ANALYST).await;
    problem(app.post_json("/api/v1/briefing-requests", Some(&analyst), body(json!({}))).await, 403).await;
    let admin = app.login(ADMIN).await;
    let npl = app.delegation_id(&admin, "NPL").await;
    problem(app.post_json("/api/v1/briefing-requests", Some(&bgd), body(json!({"delegation_id": npl}))).await, 403)
        .await;
    let p = problem(app.get("/api/v1/briefing-requests?status=lost&kind=x&assigned=you", &bgd).await, 422).await;
    let mut f = fields(&p);
    f.sort();
    assert_eq!(f, ["assigned", "kind", "status"]);
}

#[tokio::test]
async fn another_delegation_never_sees_a_request_through_any_path() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let analyst = app.login(ANALYST).await;
    // Even at `public` visibility: the request is the delegation's question, not a publication.
    for visibility in ["delegation", "regional", "public"] {
        let r =
            create(&app, &bgd, json!({"visibility": visibility, "title": format!("Confidential {visibility}")})).await;
        let id = r["id"].as_str().unwrap();
        for path in ["", "/steps", "/comments"] {
            let res = app.get(&format!("/api/v1/briefing-requests/{id}{path}"), &npl).await;
            problem(res, 404).await;
        }
        problem(
            app.post_json(&format!("/api/v1/briefing-requests/{id}/comments"), Some(&npl), json!({"body": "hi"})).await,
            404,
        )
        .await;
        problem(step(&app, &npl, id, json!({"to": "accepted", "due_date": in_days(3)})).await, 404).await;
        let res = app
            .request(Method::PATCH, &format!("/api/v1/briefing-requests/{id}"), Some(&npl))
            .header("if-match", "\"1\"")
            .json(&json!({"title": "Mine now"}))
            .send()
            .await
            .unwrap();
        problem(res, 404).await;
    }
    let bgd_id = app.delegation_id(&bgd, "BGD").await;
    for q in
        ["", "?queue=true", "?status=requested", &format!("?delegation_id={bgd_id}"), "?overdue=false", "?topic=FISH"]
    {
        let page = app.get_json(&format!("/api/v1/briefing-requests{q}"), &npl).await;
        assert_eq!(page["total"], 0, "Nepal's list {q}");
        assert_eq!(page["items"], json!([]), "Nepal's list {q}");
    }
    assert_eq!(app.get_json("/api/v1/briefing-requests", &bgd).await["total"], 3);
    assert_eq!(app.get_json("/api/v1/briefing-requests?queue=true", &analyst).await["total"], 3);
}

#[tokio::test]
async fn an_analyst_sees_what_is_assigned_to_them_and_the_queue_only() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let analyst = app.login(ANALYST).await;
    let other =
        json!({"email": "analyst2@gmc.test", "name": "Second Analyst", "password": PASSWORD, "role": "analyst"});
    assert_eq!(app.post_json("/api/v1/users", Some(&admin), other).await.status(), 201);
    let analyst2 = app.login("analyst2@gmc.test").await;
    let queued = fresh_bgd_request(&app, &admin, &analyst, false).await;
    let mine = fresh_bgd_request(&app, &admin, &analyst, true).await;
    let theirs = fresh_bgd_request(&app, &admin, &analyst2, true).await;

    let mut seen = ids(&app.all_pages("/api/v1/briefing-requests", &analyst).await);
    seen.sort();
    let mut expected = vec![queued.clone(), mine.clone()];
    expected.sort();
    assert_eq!(seen, expected);
    assert_eq!(ids(&app.all_pages("/api/v1/briefing-requests?assigned=me", &analyst).await), [mine.as_str()]);
    assert_eq!(ids(&app.all_pages("/api/v1/briefing-requests?queue=true", &analyst).await), [queued.as_str()]);
    for path in ["", "/steps", "/comments"] {
        problem(app.get(&format!("/api/v1/briefing-requests/{theirs}{path}"), &analyst).await, 404).await;
    }
    assert_eq!(app.get_json("/api/v1/briefing-requests", &admin).await["total"], 3, "admins see all");
    // A stakeholder account sees none.
    let firm = json!({"email": "firm@gmc.test", "name": "Firm", "password": PASSWORD, "role": "stakeholder"});
    assert_eq!(app.post_json("/api/v1/users", Some(&admin), firm).await.status(), 201);
    let firm = app.login("firm@gmc.test").await;
    assert_eq!(app.get_json("/api/v1/briefing-requests", &firm).await["total"], 0);
    problem(app.get(&format!("/api/v1/briefing-requests/{queued}"), &firm).await, 404).await;
}

#[tokio::test]
async fn comments_are_read_by_whoever_reads_the_request() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let analyst = app.login(ANALYST).await;
    let bgd = app.login(BGD).await;
    let id = fresh_bgd_request(&app, &admin, &analyst, true).await;
    let path = format!("/api/v1/briefing-requests/{id}/comments");
    assert_eq!(
        app.post_json(&path, Some(&bgd), json!({"body": "Please cover notifications too."})).await.status(),
        201
    );
    let res = app.post_json(&path, Some(&analyst), json!({"body": "Will do."})).await;
    assert_eq!(res.status(), 201);
    let c: Value = res.json().await.unwrap();
    assert_eq!(c["author_name"], "Technical Assistance Analyst");
    let p = problem(app.post_json(&path, Some(&bgd), json!({"body": ""})).await, 422).await;
    assert_eq!(fields(&p), ["body"]);
    let list = app.get_json(&path, &bgd).await;
    let bodies: Vec<&str> = list["items"].as_array().unwrap().iter().map(|c| c["body"].as_str().unwrap()).collect();
    assert_eq!(bodies, ["Please cover notifications too.", "Will do."]);
    assert_eq!(app.get_json(&path, &analyst).await["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_read_only_key_can_neither_step_nor_comment() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let analyst = app.login(ANALYST).await;
    let queued = fresh_bgd_request(&app, &admin, &analyst, false).await;
    let res = app.post_json("/api/v1/api-keys", Some(&analyst), json!({"name": "ro", "scopes": ["read"]})).await;
    let key = res.json::<Value>().await.unwrap()["key"].as_str().unwrap().to_owned();
    assert_eq!(app.get(&format!("/api/v1/briefing-requests/{queued}"), &key).await.status(), 200, "it reads");
    problem(step(&app, &key, &queued, json!({"to": "accepted", "due_date": in_days(4)})).await, 403).await;
    let comments = format!("/api/v1/briefing-requests/{queued}/comments");
    problem(app.post_json(&comments, Some(&key), json!({"body": "x"})).await, 403).await;
    let view = app.get_json(&format!("/api/v1/briefing-requests/{queued}"), &key).await;
    assert_eq!(view["steps_open"], json!([]), "no buttons it could not press");
    assert_eq!(
        app.get_json(&format!("/api/v1/briefing-requests/{queued}/steps"), &admin).await["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn overdue_is_flagged_filtered_and_sorted_by_due_date() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let analyst = app.login(ANALYST).await;
    let late = fresh_bgd_request(&app, &admin, &analyst, true).await;
    let on_time = fresh_bgd_request(&app, &admin, &analyst, true).await;
    // A due date cannot be committed in the past, so the test moves it there in the database.
    let db = app.db().await;
    use gmc_store::entities::briefing_requests as b;
    use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter};
    let past = chrono::Utc::now().date_naive() - chrono::Duration::days(3);
    b::Entity::update_many()
        .col_expr(b::Column::DueDate, Expr::value(past))
        .filter(b::Column::Id.eq(uuid::Uuid::parse_str(&late).unwrap()))
        .exec(&db)
        .await
        .unwrap();
    let view = app.get_json(&format!("/api/v1/briefing-requests/{late}"), &analyst).await;
    assert_eq!(view["overdue"], true);
    assert_eq!(ids(&app.all_pages("/api/v1/briefing-requests?overdue=true", &analyst).await), [late.as_str()]);
    assert_eq!(ids(&app.all_pages("/api/v1/briefing-requests?overdue=false", &analyst).await), [on_time.as_str()]);
    let sorted = app.get_json("/api/v1/briefing-requests?sort=due_date", &admin).await;
    assert_eq!(ids(sorted["items"].as_array().unwrap()), [late.clone(), on_time.clone()]);
    let sorted = app.get_json("/api/v1/briefing-requests?sort=-due_date&limit=1", &admin).await;
    assert_eq!(ids(sorted["items"].as_array().unwrap()), [on_time.as_str()]);
    let next = sorted["next_cursor"].as_str().unwrap();
    let page2 = app.get_json(&format!("/api/v1/briefing-requests?sort=-due_date&limit=1&cursor={next}"), &admin).await;
    assert_eq!(ids(page2["items"].as_array().unwrap()), [late]);
    problem(app.get("/api/v1/briefing-requests?sort=title", &admin).await, 422).await;
}

/// The matrices' calls on briefing requests (`matrix.rs`, `matrix_credentials.rs`): a fresh Bangladesh
/// request in the queue, or accepted by the demo analyst for the step.
pub(crate) async fn prepare_call(app: &TestApp, ctx: &crate::matrix::Ctx, op: &str, call: &mut crate::matrix::Call) {
    let analyst = ctx.tokens[2].clone().unwrap();
    let template = call.path.clone();
    let at = |id: &str| template.replace("{id}", id);
    match op {
        "create_briefing_request" => call.body = Some(body(json!({"delegation_id": ctx.bgd_delegation}))),
        "get_briefing_request" | "list_briefing_request_steps" | "list_briefing_comments" => {
            call.path = at(&fresh_bgd_request(app, &ctx.admin, &analyst, false).await);
        }
        "update_briefing_request" => {
            call.path = at(&fresh_bgd_request(app, &ctx.admin, &analyst, false).await);
            call.body = Some(json!({"priority": "low"}));
            call.if_match = Some("\"1\"");
        }
        "step_briefing_request" => {
            call.path = at(&fresh_bgd_request(app, &ctx.admin, &analyst, true).await);
            call.body = Some(json!({"to": "in_progress", "note": "started"}));
        }
        "list_briefing_deliverables" => {
            call.path = at(&fresh_bgd_request(app, &ctx.admin, &analyst, false).await);
        }
        "file_briefing_deliverable" => {
            call.path = at(&fresh_bgd_request(app, &ctx.admin, &analyst, true).await);
            call.body = Some(json!({"title": "Answer to the question"}));
        }
        "create_briefing_deliverable" => {
            call.path = at(&fresh_bgd_request(app, &ctx.admin, &analyst, true).await);
            call.body = Some(json!({"document_id": document(app, None, "regional").await}));
        }
        "create_briefing_comment" => {
            call.path = at(&fresh_bgd_request(app, &ctx.admin, &analyst, false).await);
            call.body = Some(json!({"body": "A question on the question."}));
        }
        _ => {}
    }
}

/// A request of the caller's delegation on `topic`, accepted by `analyst` and marked delivered in the
/// database (as the alignment tests need it, without going through a document upload).
pub(crate) async fn delivered_on(app: &TestApp, requester: &str, analyst: &str, topic: &str) -> String {
    let r = create(app, requester, json!({"topic_ids": [topic]})).await;
    let id = r["id"].as_str().unwrap().to_owned();
    assert_eq!(step(app, analyst, &id, json!({"to": "accepted", "due_date": in_days(3)})).await.status(), 200);
    set_status(app, &id, "delivered").await;
    id
}

/// Moves a request to `status` in the database.
pub(crate) async fn set_status(app: &TestApp, id: &str, status: &str) {
    use gmc_store::entities::briefing_requests as b;
    use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter};
    let db = app.db().await;
    b::Entity::update_many()
        .col_expr(b::Column::Status, Expr::value(status))
        .filter(b::Column::Id.eq(uuid::Uuid::parse_str(id).unwrap()))
        .exec(&db)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_demo_requests_are_in_every_state_and_each_delegation_sees_only_its_own() {
    let app = TestApp::spawn().await;
    gmc_store::demo::seed(&app.db().await, 20).await.expect("seed");
    gmc_store::demo::seed(&app.db().await, 20).await.expect("seeding twice changes nothing");
    let (admin, analyst) = (app.login(ADMIN).await, app.login(ANALYST).await);
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let all = app.all_pages("/api/v1/briefing-requests", &admin).await;
    assert_eq!(all.len(), 10);
    for status in ["requested", "accepted", "in_progress", "in_review", "delivered", "declined"] {
        assert!(all.iter().any(|r| r["status"] == status), "{status}");
    }
    let mine = app.all_pages("/api/v1/briefing-requests", &bgd).await;
    assert_eq!(mine.len(), 5);
    assert!(mine.iter().all(|r| r["delegation_code"] == "BGD"));
    assert!(app.all_pages("/api/v1/briefing-requests", &npl).await.iter().all(|r| r["delegation_code"] == "NPL"));
    let overdue = app.all_pages("/api/v1/briefing-requests?overdue=true", &analyst).await;
    assert!(overdue.len() >= 2, "{overdue:?}");
    let history =
        app.get_json(&format!("/api/v1/briefing-requests/{}/steps", mine[0]["id"].as_str().unwrap()), &bgd).await;
    assert!(!history["items"].as_array().unwrap().is_empty());
}

/// The actor the home page would pass for a signed-in user (read from `/me`).
async fn actor_of(app: &TestApp, token: &str) -> gmc_domain::Actor {
    let me = app.get_json("/api/v1/me", token).await;
    let id = uuid::Uuid::parse_str(me["id"].as_str().unwrap()).unwrap();
    gmc_domain::Actor {
        user_id: gmc_domain::ids::UserId::from_uuid(id),
        role: me["role"].as_str().unwrap().parse().unwrap(),
        delegation_id: me["delegation"]["id"]
            .as_str()
            .map(|d| gmc_domain::ids::DelegationId::from_uuid(d.parse().unwrap())),
        method: gmc_domain::AuthMethod::Session,
        mfa: true,
    }
}

#[tokio::test]
async fn what_waits_on_an_analyst_and_on_a_delegation_for_the_home_page() {
    use gmc_store::services::briefings::home::waiting_on;
    let app = TestApp::spawn().await;
    let (admin, analyst, bgd, npl) =
        (app.login(ADMIN).await, app.login(ANALYST).await, app.login(BGD).await, app.login(NPL).await);
    let queued = fresh_bgd_request(&app, &admin, &analyst, false).await;
    let mine = fresh_bgd_request(&app, &admin, &analyst, true).await;
    let done = fresh_bgd_request(&app, &admin, &analyst, true).await;
    set_status(&app, &done, "delivered").await;
    let db = app.db().await;

    let for_analyst = waiting_on(&db, &actor_of(&app, &analyst).await, 10).await.unwrap();
    let mut ids: Vec<String> = for_analyst.iter().map(|v| v.id.to_string()).collect();
    ids.sort();
    let mut expected = vec![queued.clone(), mine.clone()];
    expected.sort();
    assert_eq!(ids, expected, "assigned and open, and the queue; not what is delivered");

    let for_bgd = waiting_on(&db, &actor_of(&app, &bgd).await, 10).await.unwrap();
    assert_eq!(
        for_bgd.iter().map(|v| v.id.to_string()).collect::<Vec<_>>(),
        [done.as_str()],
        "the answer waits to be read"
    );
    assert!(waiting_on(&db, &actor_of(&app, &npl).await, 10).await.unwrap().is_empty(), "never another's");
    assert_eq!(waiting_on(&db, &actor_of(&app, &analyst).await, 1).await.unwrap().len(), 1, "limited");
    // Answered three weeks ago: no longer news.
    use gmc_store::entities::briefing_requests as b;
    use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter};
    b::Entity::update_many()
        .col_expr(b::Column::UpdatedAt, Expr::value(chrono::Utc::now() - chrono::Duration::days(21)))
        .filter(b::Column::Id.eq(uuid::Uuid::parse_str(&done).unwrap()))
        .exec(&db)
        .await
        .unwrap();
    assert!(waiting_on(&db, &actor_of(&app, &bgd).await, 10).await.unwrap().is_empty());
}

/// A library document inserted through the entity (uploads are the documents slice's): owned by
/// `owner` (a delegation id; none: the secretariat's) at `visibility`.
pub(crate) async fn document(app: &TestApp, owner: Option<&str>, visibility: &str) -> String {
    use gmc_domain::document::DocumentKind;
    use gmc_store::entities::{documents, users};
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
    let db = app.db().await;
    let analyst = users::Entity::find().filter(users::Column::Email.eq(ANALYST)).one(&db).await.unwrap().unwrap();
    let now = chrono::Utc::now();
    let id = uuid::Uuid::now_v7();
    documents::ActiveModel {
        id: Set(id),
        kind: Set(DocumentKind::BriefingNote.into()),
        title: Set(format!("Briefing note ({visibility})")),
        summary: Set(String::new()),
        visibility: Set(visibility.parse::<gmc_domain::Visibility>().unwrap().into()),
        delegation_id: Set(owner.map(|o| o.parse().unwrap())),
        created_by: Set(analyst.id),
        current_version: Set(1),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&db)
    .await
    .unwrap();
    id.to_string()
}

async fn attach(app: &TestApp, token: &str, id: &str, document: &str) -> Response {
    app.post_json(
        &format!("/api/v1/briefing-requests/{id}/deliverables"),
        Some(token),
        json!({"document_id": document}),
    )
    .await
}

#[tokio::test]
async fn delivering_needs_a_deliverable_the_requesting_delegation_can_read() {
    let app = TestApp::spawn().await;
    let (admin, analyst, bgd, npl) =
        (app.login(ADMIN).await, app.login(ANALYST).await, app.login(BGD).await, app.login(NPL).await);
    let (bgd_d, npl_d) = (app.delegation_id(&admin, "BGD").await, app.delegation_id(&admin, "NPL").await);
    let id = fresh_bgd_request(&app, &admin, &analyst, true).await;
    for to in ["in_progress", "in_review"] {
        assert_eq!(step(&app, &analyst, &id, json!({"to": to})).await.status(), 200);
    }
    let p = problem(step(&app, &analyst, &id, json!({"to": "delivered"})).await, 422).await;
    assert_eq!(p["errors"][0]["code"], "no_deliverable");

    // What the analyst cannot read is "unknown"; what Bangladesh could not read is "not shared".
    let secret = document(&app, None, "delegation").await;
    let nepal_own = document(&app, Some(&npl_d), "delegation").await;
    for doc in [&secret, &nepal_own, &uuid::Uuid::new_v4().to_string()] {
        let p = problem(attach(&app, &analyst, &id, doc).await, 422).await;
        assert_eq!((fields(&p), p["errors"][0]["code"].clone()), (vec!["document_id".to_owned()], json!("unknown")));
    }
    let p = problem(attach(&app, &admin, &id, &nepal_own).await, 422).await;
    assert_eq!(p["errors"][0]["code"], "not_shared", "the admin reads it, Bangladesh could not");
    // The requester does not attach, and nobody attaches a document twice.
    let shared = document(&app, None, "regional").await;
    problem(attach(&app, &bgd, &id, &shared).await, 403).await;
    assert_eq!(attach(&app, &analyst, &id, &shared).await.status(), 201);
    problem(attach(&app, &analyst, &id, &shared).await, 409).await;
    let bgd_own = document(&app, Some(&bgd_d), "delegation").await;
    assert_eq!(attach(&app, &admin, &id, &bgd_own).await.status(), 201, "Bangladesh's own confidential note");

    let delivered: Value = step(&app, &analyst, &id, json!({"to": "delivered"})).await.json().await.unwrap();
    assert_eq!(delivered["status"], "delivered");
    assert!(delivered["delivered_at"].is_string());
    let path = format!("/api/v1/briefing-requests/{id}/deliverables");
    let seen = app.get_json(&path, &bgd).await;
    assert_eq!(seen["items"].as_array().unwrap().len(), 2);
    // The assigned analyst lists Bangladesh's confidential note too: it was delivered for their request
    // (DESIGN §3, analysts see what they are assigned; `policy::can_read_document`). Another analyst
    // reads neither the request nor the note (briefing_deliverable_files.rs).
    let seen = app.get_json(&path, &analyst).await;
    assert_eq!(seen["items"].as_array().unwrap().len(), 2);
    problem(app.get(&path, &npl).await, 404).await;
    problem(attach(&app, &analyst, &id, &document(&app, None, "public").await).await, 409).await;
}

#[tokio::test]
async fn a_deliverable_can_come_with_the_step_to_delivered() {
    let app = TestApp::spawn().await;
    let (admin, analyst) = (app.login(ADMIN).await, app.login(ANALYST).await);
    let id = fresh_bgd_request(&app, &admin, &analyst, true).await;
    let doc = document(&app, None, "public").await;
    let p = problem(step(&app, &analyst, &id, json!({"to": "in_progress", "document_id": doc})).await, 422).await;
    assert_eq!(fields(&p), ["document_id"]);
    for to in ["in_progress", "in_review"] {
        assert_eq!(step(&app, &analyst, &id, json!({"to": to})).await.status(), 200);
    }
    let res = step(&app, &analyst, &id, json!({"to": "delivered", "document_id": doc})).await;
    assert_eq!(res.status(), 200);
    let list = app.get_json(&format!("/api/v1/briefing-requests/{id}/deliverables"), &analyst).await;
    assert_eq!(list["items"][0]["document_id"], doc);
}
