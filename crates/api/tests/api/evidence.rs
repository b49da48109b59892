//! Evidence links, evidence strength and the traces (issue 9): a link only to what the linker may
//! read, refused like a missing target otherwise; a reader sees only the evidence they may read; the
//! coalition's members read its items' evidence and trace, others get 404; the small-cell rule on
//! strength, attacked by differencing.

use reqwest::Method;
use serde_json::{json, Value};

use crate::evidence_fixtures::*;
use crate::helpers::*;

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
        bgd: app.login(BGD).await,
        npl: app.login(NPL).await,
        bgd_delegation: app.delegation_id(&admin, "BGD").await,
        npl_delegation: app.delegation_id(&admin, "NPL").await,
        admin,
    }
}

#[tokio::test]
async fn a_link_to_an_impediment_the_linker_cannot_read_is_refused_exactly_like_a_missing_one() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let item = prep_item(&app, Owner::Delegation(&w.bgd_delegation), "delegation", &[]).await;
    let nepals_private = impediment(&app, &w.admin, &w.npl_delegation, ("delegation", 4), &[], None).await;

    let hidden = problem(cite(&app, &w.bgd, &item, impediment_link(&nepals_private)).await, 422).await;
    let missing =
        problem(cite(&app, &w.bgd, &item, impediment_link(&uuid::Uuid::new_v4().to_string())).await, 422).await;

    assert_eq!(hidden["errors"], missing["errors"], "the answer must not tell a hidden impediment from none");
    assert_eq!(fields(&hidden), vec!["target_id"]);
    let listed = app.get_json(&format!("/api/v1/prep-items/{item}/evidence"), &w.bgd).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 0, "nothing was written");
    // The admin may read it, so the admin may cite it; a second citation is a conflict.
    assert_eq!(cite(&app, &w.admin, &item, impediment_link(&nepals_private)).await.status(), 201);
    assert_eq!(cite(&app, &w.admin, &item, impediment_link(&nepals_private)).await.status(), 409);
}

#[tokio::test]
async fn every_bad_field_of_a_link_is_named_at_once_and_a_question_must_exist() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let t = topic(&app, &w.admin).await;
    let item = prep_item(&app, Owner::Delegation(&w.bgd_delegation), "delegation", &[]).await;
    let round = consultation(&app, &w.admin, (&w.bgd_delegation, "delegation"), &t, 1).await;

    let bad = json!({"target_kind": "rumour", "target_id": round, "note": "", "filter": [1]});
    let p = problem(cite(&app, &w.bgd, &item, bad).await, 422).await;
    assert_eq!(fields(&p), vec!["target_kind", "note", "filter"]);
    let wrong_code = json!({"target_kind": "consultation_question", "target_id": round, "question_code": "q9",
        "note": "n"});
    assert_eq!(fields(&problem(cite(&app, &w.bgd, &item, wrong_code).await, 422).await), vec!["question_code"]);
    let res = cite(&app, &w.bgd, &item, question_link(&round)).await;
    assert_eq!(res.status(), 201);
    let link: Value = res.json().await.unwrap();
    assert_eq!(link["target"]["question_prompt"], "Do testing costs stop you exporting?");
    assert_eq!(link["filter"], json!({"country": "BGD"}));
}

#[tokio::test]
async fn a_reader_sees_only_the_evidence_they_may_read_and_nothing_counts_the_rest() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let item = prep_item(&app, Owner::Delegation(&w.bgd_delegation), "regional", &[]).await;
    let private = impediment(&app, &w.admin, &w.bgd_delegation, ("delegation", 5), &[], None).await;
    let shared = impediment(&app, &w.admin, &w.bgd_delegation, ("regional", 3), &[], None).await;
    for target in [&private, &shared] {
        assert_eq!(cite(&app, &w.bgd, &item, impediment_link(target)).await.status(), 201);
    }

    let own = app.get_json(&format!("/api/v1/prep-items/{item}/evidence"), &w.bgd).await;
    let other = app.get_json(&format!("/api/v1/prep-items/{item}/evidence"), &w.npl).await;

    assert_eq!(own["items"].as_array().unwrap().len(), 2);
    let seen: Vec<&str> = other["items"].as_array().unwrap().iter().map(|l| l["target_id"].as_str().unwrap()).collect();
    assert_eq!(seen, vec![shared.as_str()]);
    assert_eq!(other.as_object().unwrap().keys().collect::<Vec<_>>(), vec!["items"], "no total, no hint");
    // Nepal may not touch the item's evidence: 403 on the item, before any link is looked up.
    let hidden_link = own["items"].as_array().unwrap().iter().find(|l| l["target_id"] == private.as_str()).unwrap();
    let path = format!("/api/v1/prep-items/{item}/evidence/{}", hidden_link["id"].as_str().unwrap());
    assert_eq!(app.request(Method::DELETE, &path, Some(&w.npl)).send().await.unwrap().status(), 403);
    // Nepal reads the regional item but may not change its evidence.
    assert_eq!(cite(&app, &w.npl, &item, impediment_link(&shared)).await.status(), 403);
    // The trace of the private impediment is Bangladesh's; the shared one's names the citing item.
    assert_eq!(app.get(&format!("/api/v1/impediments/{private}/trace"), &w.npl).await.status(), 404);
    let trace = app.get_json(&format!("/api/v1/impediments/{shared}/trace"), &w.npl).await;
    assert_eq!(trace["prep_items"][0]["id"], item.as_str());
    assert_eq!(app.request(Method::DELETE, &path, Some(&w.bgd)).send().await.unwrap().status(), 204);
    let own = app.get_json(&format!("/api/v1/prep-items/{item}/evidence"), &w.bgd).await;
    assert_eq!(own["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_coalitions_confidential_item_and_its_trace_are_read_by_members_only() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let ldc = coalition_id(&app, "LDC").await;
    let item = prep_item(&app, Owner::Coalition(&ldc), "delegation", &[]).await;
    let nepal = impediment(&app, &w.admin, &w.npl_delegation, ("delegation", 4), &[], None).await;
    // Nepal is a member: it writes the coalition's item and cites its own impediment.
    assert_eq!(cite(&app, &w.npl, &item, impediment_link(&nepal)).await.status(), 201);

    for path in [
        format!("/api/v1/prep-items/{item}/evidence"),
        format!("/api/v1/prep-items/{item}/strength"),
        format!("/api/v1/prep-items/{item}/trace"),
    ] {
        assert_eq!(app.get(&path, &w.npl).await.status(), 200, "{path}");
        assert_eq!(app.get(&path, &w.bgd).await.status(), 404, "{path}: Bangladesh is not in the LDC Group");
    }
    let trace = app.get_json(&format!("/api/v1/impediments/{nepal}/trace"), &w.npl).await;
    assert_eq!(trace["prep_items"][0]["owner"]["code"], "LDC");
    let trace = app.get_json(&format!("/api/v1/prep-items/{item}/trace"), &w.npl).await;
    assert_eq!(trace["impediments"][0]["id"], nepal.as_str());
    assert_eq!(trace["prep_item"]["owner"]["kind"], "coalition");
}

/// Every equation of the strength table: a shown total with exactly one withheld part would give it
/// away (total − shown parts).
fn no_part_follows_from_the_total(s: &Value) {
    let shown = |v: &Value| !v["withheld"].as_bool().unwrap();
    let lines: Vec<(Value, Vec<Value>)> = vec![
        (s["firms"].clone(), vec![s["stakeholders"].clone(), s["respondents"].clone()]),
        (
            s["impediments"].clone(),
            s["severity"].as_array().unwrap().iter().map(|c| c["impediments"].clone()).collect(),
        ),
    ];
    for (total, parts) in lines {
        let hidden = parts.iter().filter(|p| !shown(p)).count();
        assert!(!(shown(&total) && hidden == 1), "one withheld part of a shown total: {s}");
    }
    if s["women_led"]["withheld"] == true {
        assert!(s["women_led_share"].is_null(), "a share of a withheld count is withheld: {s}");
    }
}

#[tokio::test]
async fn strength_withholds_small_cells_and_cannot_be_differenced() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let t = topic(&app, &w.admin).await;
    let item = prep_item(&app, Owner::Delegation(&w.bgd_delegation), "delegation", &[&t]).await;
    // Two firms behind impediments (below k = 5) and a round six answered.
    for women in [true, false] {
        let firm = stakeholder(&app, &w.admin, &w.bgd_delegation, women).await;
        let i = impediment(&app, &w.admin, &w.bgd_delegation, ("delegation", 4), &[&t], Some(&firm)).await;
        assert_eq!(cite(&app, &w.bgd, &item, impediment_link(&i)).await.status(), 201);
    }
    let six = consultation(&app, &w.admin, (&w.bgd_delegation, "delegation"), &t, 6).await;
    assert_eq!(cite(&app, &w.bgd, &item, question_link(&six)).await.status(), 201);
    let path = format!("/api/v1/prep-items/{item}/strength");

    let before = app.get_json(&path, &w.bgd).await;

    assert_eq!(before["k"], 5);
    assert_eq!(before["stakeholders"]["withheld"], true, "2 firms: {before}");
    assert_eq!(before["stakeholders"]["count"], Value::Null);
    no_part_follows_from_the_total(&before);
    // The admin sees every number, small ones marked.
    let exact = app.get_json(&path, &w.admin).await;
    assert_eq!(
        (exact["stakeholders"]["count"].clone(), exact["stakeholders"]["below_k"].clone()),
        (json!(2), json!(true))
    );
    assert_eq!(exact["respondents"]["count"], 6);
    assert_eq!(exact["firms"]["count"], 8);

    // Differencing: citing a round only two answered must not move any figure a non-admin reads —
    // else after − before would be those two firms.
    let two = consultation(&app, &w.admin, (&w.bgd_delegation, "delegation"), &t, 2).await;
    assert_eq!(cite(&app, &w.bgd, &item, question_link(&two)).await.status(), 201);
    let after = app.get_json(&path, &w.bgd).await;
    assert_eq!(before, after, "citing a round of fewer than k respondents changes nothing a non-admin reads");
    no_part_follows_from_the_total(&after);
    assert_eq!(app.get_json(&path, &w.admin).await["respondents"]["count"], 8, "the admin's figure moves");

    // The topic's strength counts only what passed validation: these are still `reported`.
    let topic_strength = app.get_json(&format!("/api/v1/topics/{t}/strength"), &w.admin).await;
    assert_eq!(topic_strength["impediments"]["count"], 0);
    assert_eq!(topic_strength["respondents"]["count"], 8);
    no_part_follows_from_the_total(&app.get_json(&format!("/api/v1/topics/{t}/strength"), &w.bgd).await);
}
