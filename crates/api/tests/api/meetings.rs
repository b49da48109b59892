//! Meetings (issue 10): checks named by field, the invitee read rule, RSVPs only by invitees, the
//! sequence, cancelling, local times across a daylight-saving change, minutes and action items.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::meeting_fixtures::{action_item, meeting, meeting_body, minutes, user_id};

struct World {
    admin: String,
    bgd: String,
    npl: String,
    bgd_delegation: String,
    npl_delegation: String,
}

async fn world(app: &TestApp) -> World {
    let admin = app.login(ADMIN).await;
    World {
        bgd_delegation: app.delegation_id(&admin, "BGD").await,
        npl_delegation: app.delegation_id(&admin, "NPL").await,
        bgd: app.login(BGD).await,
        npl: app.login(NPL).await,
        admin,
    }
}

async fn patch(app: &TestApp, token: &str, path: &str, version: i64, body: Value) -> reqwest::Response {
    app.request(Method::PATCH, path, Some(token))
        .header("if-match", format!("\"{version}\""))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn rsvp(app: &TestApp, token: &str, id: &str, response: &str) -> reqwest::Response {
    app.request(Method::PUT, &format!("/api/v1/meetings/{id}/rsvp"), Some(token))
        .json(&json!({"response": response}))
        .send()
        .await
        .unwrap()
}

fn ids(page: &[Value]) -> Vec<String> {
    page.iter().filter_map(|m| m["id"].as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn a_meeting_with_bad_fields_is_refused_naming_every_one_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let body = json!({"kind": "picnic", "title": "", "starts_at": "2027-03-25T10:00", "ends_at": "2027-03-25T09:00",
        "time_zone": "UTC+5:45", "online_url": "javascript:alert(1)", "visibility": "delegation",
        "invited_delegation_ids": [w.bgd_delegation]});
    let p = problem(app.post_json("/api/v1/meetings", Some(&w.bgd), body).await, 422).await;
    let f = fields(&p);
    for name in ["kind", "title", "time_zone", "online_url", "invited_delegation_ids"] {
        assert!(f.contains(&name.to_owned()), "{name} not named in {f:?}");
    }
    // With a valid zone, an end before the start and a missing place are named too.
    let body = json!({"kind": "forum_meeting", "title": "T", "starts_at": "2027-03-25T10:00",
        "ends_at": "2027-03-25T09:00", "time_zone": "Asia/Dhaka", "visibility": "delegation"});
    let p = problem(app.post_json("/api/v1/meetings", Some(&w.bgd), body).await, 422).await;
    let f = fields(&p);
    assert!(f.contains(&"ends_at".to_owned()) && f.contains(&"place".to_owned()), "{f:?}");
    // A wall time the clocks skip in Geneva (2027-03-28 02:30) does not exist.
    let mut body = meeting_body(&w.bgd_delegation, "delegation", &[], &[]);
    body["starts_at"] = json!("2027-03-28T02:30");
    let p = problem(app.post_json("/api/v1/meetings", Some(&w.bgd), body).await, 422).await;
    assert_eq!(p["errors"][0]["field"], "starts_at");
    assert_eq!(p["errors"][0]["code"], "nonexistent_time");
    assert!(app.all_pages("/api/v1/meetings", &w.bgd).await.is_empty());
}

#[tokio::test]
async fn an_invited_delegation_reads_a_confidential_meeting_and_an_uninvited_one_never_sees_it() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let invited = meeting(&app, &w.bgd, meeting_body(&w.bgd_delegation, "delegation", &[&w.npl_delegation], &[])).await;
    let private = meeting(&app, &w.bgd, meeting_body(&w.bgd_delegation, "delegation", &[], &[])).await;
    let khm = app.delegation_id(&w.admin, "KHM").await;
    let body = json!({"email": "delegate.khm.test@gmc.test", "name": "Cambodia", "password": PASSWORD,
        "role": "delegate", "delegation_id": khm});
    assert_eq!(app.post_json("/api/v1/users", Some(&w.admin), body).await.status(), 201);
    let khm_token = app.login("delegate.khm.test@gmc.test").await;

    assert_eq!(app.get(&format!("/api/v1/meetings/{invited}"), &w.npl).await.status(), 200);
    assert_eq!(app.get(&format!("/api/v1/meetings/{private}"), &w.npl).await.status(), 404);
    let npl_list = ids(&app.all_pages("/api/v1/meetings", &w.npl).await);
    assert_eq!(npl_list, vec![invited.clone()]);
    let mine = ids(&app.all_pages("/api/v1/meetings?invited=me", &w.npl).await);
    assert_eq!(mine, vec![invited.clone()]);
    // A third delegation: nothing, through get, list, counts, minutes, action items or the .ics.
    for id in [&invited, &private] {
        for path in ["", "/ics", "/minutes", "/action-items"] {
            let status = app.get(&format!("/api/v1/meetings/{id}{path}"), &khm_token).await.status();
            assert_eq!(status, 404, "{path}");
        }
    }
    let page = app.get_json("/api/v1/meetings", &khm_token).await;
    assert_eq!(page["total"], 0);
    assert_eq!(app.all_pages("/api/v1/meetings?status=scheduled", &khm_token).await.len(), 0);
    // The invited delegation reads but does not change it.
    let res = patch(&app, &w.npl, &format!("/api/v1/meetings/{invited}"), 1, json!({"title": "Mine now"})).await;
    problem(res, 403).await;
}

#[tokio::test]
async fn only_an_invitee_answers_and_only_for_itself() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let analyst_id = user_id(&app, &w.admin, ANALYST).await;
    let id =
        meeting(&app, &w.bgd, meeting_body(&w.bgd_delegation, "regional", &[&w.npl_delegation], &[&analyst_id])).await;
    // The organiser is not invited; a delegation that is not invited reads the regional meeting but cannot answer.
    problem(rsvp(&app, &w.bgd, &id, "yes").await, 403).await;
    let p = problem(rsvp(&app, &w.npl, &id, "maybe").await, 422).await;
    assert_eq!(p["errors"][0]["field"], "response");
    problem(rsvp(&app, &w.npl, &id, "pending").await, 422).await;

    let res = rsvp(&app, &w.npl, &id, "yes").await;
    assert_eq!(res.status(), 200);
    let m: Value = res.json().await.unwrap();
    assert_eq!(m["my_rsvp"], "yes");
    let analyst = app.login(ANALYST).await;
    let m: Value = rsvp(&app, &analyst, &id, "tentative").await.json().await.unwrap();
    assert_eq!(m["my_rsvp"], "tentative");
    let answers: Vec<(Value, Value)> = m["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["delegation"]["code"].clone(), i["response"].clone()))
        .collect();
    assert!(answers.contains(&(json!("NPL"), json!("yes"))), "{answers:?}");
    assert!(answers.contains(&(Value::Null, json!("tentative"))), "{answers:?}");
}

#[tokio::test]
async fn times_show_in_geneva_the_organiser_zone_and_each_capital_across_a_clock_change() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let mut body = meeting_body(&w.bgd_delegation, "delegation", &[&w.npl_delegation], &[]);
    let before = meeting(&app, &w.bgd, body.clone()).await;
    body["starts_at"] = json!("2027-03-30T10:00");
    body["ends_at"] = json!("2027-03-30T11:30");
    let after = meeting(&app, &w.bgd, body).await;
    let zone = |m: &Value, tz: &str| -> (String, String) {
        let t = m["times"].as_array().unwrap().iter().find(|t| t["time_zone"] == tz).unwrap().clone();
        (t["starts_local"].as_str().unwrap().to_owned(), t["utc_offset"].as_str().unwrap().to_owned())
    };
    let m = app.get_json(&format!("/api/v1/meetings/{before}"), &w.npl).await;
    assert_eq!(m["times"][0]["role"], "geneva");
    assert_eq!(zone(&m, "Europe/Zurich"), ("2027-03-25T10:00".into(), "+01:00".into()));
    assert_eq!(zone(&m, "Asia/Kathmandu"), ("2027-03-25T14:45".into(), "+05:45".into()));
    assert_eq!(zone(&m, "Asia/Dhaka"), ("2027-03-25T15:00".into(), "+06:00".into()));
    let m = app.get_json(&format!("/api/v1/meetings/{after}"), &w.npl).await;
    assert_eq!(zone(&m, "Europe/Zurich"), ("2027-03-30T10:00".into(), "+02:00".into()));
    assert_eq!(zone(&m, "Asia/Kathmandu"), ("2027-03-30T13:45".into(), "+05:45".into()));
    assert_eq!(m["starts_at"], "2027-03-30T08:00:00Z");
}

#[tokio::test]
async fn a_new_time_after_invitations_raises_the_sequence_and_cancelling_keeps_the_record() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let lone = meeting(&app, &w.bgd, meeting_body(&w.bgd_delegation, "delegation", &[], &[])).await;
    let path = format!("/api/v1/meetings/{lone}");
    let m: Value = patch(&app, &w.bgd, &path, 1, json!({"starts_at": "2027-03-25T09:00"})).await.json().await.unwrap();
    assert_eq!(m["sequence"], 0, "no invitations: nothing to announce");

    let id = meeting(&app, &w.bgd, meeting_body(&w.bgd_delegation, "delegation", &[&w.npl_delegation], &[])).await;
    let path = format!("/api/v1/meetings/{id}");
    let m: Value = patch(&app, &w.bgd, &path, 1, json!({"title": "Renamed"})).await.json().await.unwrap();
    assert_eq!(m["sequence"], 0, "a title is not announced again");
    let res = patch(&app, &w.bgd, &path, 2, json!({"starts_at": "2027-03-25T09:00"})).await;
    assert_eq!(res.status(), 200);
    let m: Value = res.json().await.unwrap();
    assert_eq!(m["sequence"], 1);
    let m: Value = patch(&app, &w.bgd, &path, 3, json!({"place": "WTO, Room D"})).await.json().await.unwrap();
    assert_eq!(m["sequence"], 2);
    problem(patch(&app, &w.bgd, &path, 3, json!({"title": "Stale"})).await, 412).await;
    let p = problem(patch(&app, &w.bgd, &path, 4, json!({"time_zone": "Mars/Olympus"})).await, 422).await;
    assert_eq!(p["errors"][0]["field"], "time_zone");

    let res = app.request(Method::POST, &format!("{path}/cancel"), Some(&w.npl)).send().await.unwrap();
    problem(res, 403).await;
    let res = app.request(Method::POST, &format!("{path}/cancel"), Some(&w.bgd)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let m: Value = res.json().await.unwrap();
    assert_eq!((m["status"].clone(), m["sequence"].clone()), (json!("cancelled"), json!(3)));
    let res = app.request(Method::POST, &format!("{path}/cancel"), Some(&w.bgd)).send().await.unwrap();
    problem(res, 409).await;
    assert_eq!(app.get(&path, &w.npl).await.status(), 200, "a cancelled meeting stays readable");
    assert_eq!(ids(&app.all_pages("/api/v1/meetings?status=cancelled", &w.npl).await), vec![id.clone()]);
    problem(rsvp(&app, &w.npl, &id, "yes").await, 409).await;
}

#[tokio::test]
async fn minutes_and_action_items_follow_the_meeting_and_the_owner_marks_theirs_done() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let id = meeting(&app, &w.bgd, meeting_body(&w.bgd_delegation, "regional", &[&w.npl_delegation], &[])).await;
    minutes(&app, &w.bgd, &id, "delegation").await;
    // Invited Nepal reads `delegation`-level minutes; the analyst reads the regional meeting, not them.
    let m = app.get_json(&format!("/api/v1/meetings/{id}/minutes"), &w.npl).await;
    assert!(m["body"].as_str().unwrap().contains("Share data"));
    let analyst = app.login(ANALYST).await;
    assert_eq!(app.get(&format!("/api/v1/meetings/{id}"), &analyst).await.status(), 200);
    assert_eq!(app.get(&format!("/api/v1/meetings/{id}/minutes"), &analyst).await.status(), 404);
    let res = app
        .request(Method::PUT, &format!("/api/v1/meetings/{id}/minutes"), Some(&w.npl))
        .json(&json!({"body": "Nepal's version"}))
        .send()
        .await
        .unwrap();
    problem(res, 403).await;

    let npl_user = user_id(&app, &w.admin, NPL).await;
    let analyst_id = user_id(&app, &w.admin, ANALYST).await;
    let body = json!({"title": "X", "owner_user_id": analyst_id, "due_on": "2027-04-15"});
    let p = problem(app.post_json(&format!("/api/v1/meetings/{id}/action-items"), Some(&w.bgd), body).await, 422).await;
    assert_eq!(p["errors"][0]["field"], "owner_user_id", "the analyst does not take part");
    let item = action_item(&app, &w.bgd, &id, &npl_user).await;
    let open = app.all_pages("/api/v1/action-items?owner=me&status=open", &w.npl).await;
    assert_eq!(ids(&open), vec![item.clone()]);
    assert!(app.all_pages("/api/v1/action-items?owner=me", &w.bgd).await.is_empty());
    let path = format!("/api/v1/action-items/{item}");
    problem(patch(&app, &w.npl, &path, 1, json!({"title": "Easier"})).await, 403).await;
    let res = patch(&app, &w.npl, &path, 1, json!({"status": "done"})).await;
    assert_eq!(res.status(), 200);
    assert!(app.all_pages("/api/v1/action-items?owner=me&status=open", &w.npl).await.is_empty());
    let done = app.get_json(&format!("/api/v1/meetings/{id}/action-items"), &w.bgd).await;
    assert_eq!(done["items"][0]["status"], "done");
    // A linked record must be readable by the creator: another delegation's private prep item is not.
    let npl_item = app
        .post_json(
            "/api/v1/prep-items",
            Some(&w.npl),
            json!({"ministerial": "MC14", "title": "Nepal only", "kind": "position", "interest": "defensive",
                   "priority": "high", "visibility": "delegation"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let body = json!({"title": "Y", "owner_user_id": npl_user, "due_on": "2027-04-15",
        "linked_kind": "prep_item", "linked_id": npl_item["id"]});
    let p = problem(app.post_json(&format!("/api/v1/meetings/{id}/action-items"), Some(&w.bgd), body).await, 422).await;
    assert_eq!(p["errors"][0]["field"], "linked_id");
}

#[tokio::test]
async fn two_editors_of_the_minutes_cannot_overwrite_each_other_unseen() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let id = meeting(&app, &w.bgd, meeting_body(&w.bgd_delegation, "regional", &[&w.npl_delegation], &[])).await;
    let path = format!("/api/v1/meetings/{id}/minutes");
    let put = |if_match: Option<String>, body: &'static str| {
        let mut req = app.request(Method::PUT, &path, Some(&w.bgd)).json(&json!({ "body": body }));
        if let Some(v) = if_match {
            req = req.header("if-match", v);
        }
        req.send()
    };
    problem(put(None, "No version").await.unwrap(), 428).await;
    let version = app.get_json(&format!("/api/v1/meetings/{id}"), &w.bgd).await["version"].as_i64().unwrap();
    // Two editors open the same version; the first saves, the second is told, and nothing of theirs is written.
    let first = put(Some(format!("\"{version}\"")), "First editor's minutes").await.unwrap();
    assert_eq!(first.status(), 200);
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(etag, format!("\"{}\"", version + 1));
    problem(put(Some(format!("\"{version}\"")), "Second editor's minutes").await.unwrap(), 412).await;
    let m = app.get(&path, &w.npl).await;
    assert_eq!(m.headers()["etag"].to_str().unwrap(), etag, "the minutes answer with the meeting's version");
    assert_eq!(m.json::<Value>().await.unwrap()["body"], "First editor's minutes");
    // Reloaded, the second editor saves over the first knowingly.
    assert_eq!(put(Some(etag), "Second editor's minutes, merged").await.unwrap().status(), 200);
    assert_eq!(app.get_json(&path, &w.bgd).await["body"], "Second editor's minutes, merged");
}

#[tokio::test]
async fn meetings_and_action_items_sort_on_the_server_page_by_page() {
    use crate::sorting::{text, time, walk};
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    for (n, (day, title)) in
        [(25, "Delta"), (26, "alpha"), (24, "Charlie"), (26, "Bravo"), (27, "Echo")].iter().enumerate()
    {
        let mut body = meeting_body(&w.bgd_delegation, "delegation", &[], &[]);
        body["title"] = json!(title);
        body["starts_at"] = json!(format!("2027-03-{day}T1{n}:00"));
        body["ends_at"] = json!(format!("2027-03-{day}T1{n}:30"));
        meeting(&app, &w.bgd, body).await;
    }
    let all = app.all_pages("/api/v1/meetings?limit=200", &w.bgd).await;
    let id = |v: &Value| v["id"].as_str().unwrap_or_default().to_owned();
    for (field, key) in [("starts_at", time as fn(&Value) -> crate::sorting::K), ("title", text)] {
        for desc in [false, true] {
            let mut expected = all.clone();
            expected.sort_by_key(|v| (key(&v[field]), id(v)));
            if desc {
                expected.reverse();
            }
            let sort = if desc { format!("-{field}") } else { field.to_owned() };
            let (got, total) = walk(&app, &w.bgd, &format!("/api/v1/meetings?sort={sort}&limit=2")).await;
            assert_eq!(total, 5);
            assert_eq!(got.iter().map(id).collect::<Vec<_>>(), expected.iter().map(id).collect::<Vec<_>>(), "{sort}");
        }
    }
    let p = problem(app.get("/api/v1/meetings?sort=place", &w.bgd).await, 422).await;
    assert_eq!(fields(&p), vec!["sort"]);
    let p = problem(app.get("/api/v1/action-items?owner=someone", &w.bgd).await, 422).await;
    assert_eq!(fields(&p), vec!["owner"]);
}

#[tokio::test]
async fn the_demo_gives_both_delegates_meetings_answers_due_and_action_items() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    gmc_store::demo::seed(&db, 200).await.expect("seed");
    gmc_store::demo::seed(&db, 200).await.expect("seed twice");
    let w = world(&app).await;
    assert_eq!(app.all_pages("/api/v1/meetings", &w.admin).await.len(), 6);
    assert_eq!(app.all_pages("/api/v1/meetings?status=cancelled", &w.npl).await.len(), 1);
    let npl_open = app.all_pages("/api/v1/action-items?owner=me&status=open", &w.npl).await;
    assert_eq!(npl_open.len(), 1);
    let bgd_open = app.all_pages("/api/v1/action-items?owner=me&status=open", &w.bgd).await;
    assert_eq!(bgd_open.len(), 1);
    let upcoming = app
        .all_pages(&format!("/api/v1/meetings?from={}", chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ")), &w.bgd)
        .await;
    assert!(upcoming.iter().any(|m| m["my_rsvp"] == "pending"), "Bangladesh has an answer due");
}
