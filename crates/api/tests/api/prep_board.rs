//! The ministerial board (issue 9) is one statement (`services/prep/board.rs`): these tests hold it to
//! what the list says — per status, exactly the items the caller may read, counted, the first 20 by
//! deadline with none last — so the numbering, the cut and the joined names cannot drift from the rules.

use serde_json::{json, Value};

use crate::helpers::*;
use crate::prep_items::create;

/// Every item the list gives for this query, through all its pages.
async fn listed(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut url = format!("/api/v1/prep-items?ministerial=MC14&limit=100{query}");
    loop {
        let page = app.get_json(&url, token).await;
        out.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => url = format!("/api/v1/prep-items?ministerial=MC14&limit=100{query}&cursor={c}"),
            None => return out,
        }
    }
}

/// The board's columns as (status, total, card ids), and what the list says they must be.
async fn check(app: &TestApp, token: &str, filter: &str) -> Value {
    let board = app.get_json(&format!("/api/v1/prep-items/board?ministerial=MC14{filter}"), token).await;
    let columns = board["columns"].as_array().unwrap();
    assert_eq!(columns.len(), 7, "{board}");
    for column in columns {
        let status = column["status"].as_str().unwrap();
        let mut expected = listed(app, token, &format!("&status={status}{filter}")).await;
        assert_eq!(column["total"], expected.len(), "{status} under {filter:?}");
        // None last, then by deadline, then oldest entered (ids are time-ordered).
        expected.sort_by_key(|i| {
            (i["deadline"].is_null(), i["deadline"].as_str().map(str::to_owned), i["id"].as_str().map(str::to_owned))
        });
        let want: Vec<&Value> = expected.iter().take(20).map(|i| &i["id"]).collect();
        let got: Vec<&Value> = column["items"].as_array().unwrap().iter().map(|i| &i["id"]).collect();
        assert_eq!(got, want, "{status} under {filter:?}");
        for (card, item) in column["items"].as_array().unwrap().iter().zip(&expected) {
            for field in
                ["title", "owner", "kind", "interest", "priority", "status", "deadline", "overdue", "visibility"]
            {
                assert_eq!(card[field], item[field], "{field} of {}", item["id"]);
            }
            assert_eq!(card["responsible_name"], item["responsible_name"], "{}", item["id"]);
        }
    }
    board
}

#[tokio::test]
async fn each_column_counts_what_the_caller_reads_and_shows_the_first_twenty_by_deadline_none_last() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let fish = app.get_json("/api/v1/topics/FISH", &bgd).await["id"].clone();
    // 24 of Bangladesh's in `identified` (more than a column shows), deadlines repeated and missing.
    for i in 0..24 {
        let deadline = if i % 5 == 0 { Value::Null } else { json!(format!("2027-0{}-1{}", 1 + i % 3, i % 4)) };
        let interest = if i % 2 == 0 { "offensive" } else { "defensive" };
        let topics = if i % 3 == 0 { json!([fish]) } else { json!([]) };
        create(&app, &bgd, json!({"title": format!("Bangladesh item {i}"), "deadline": deadline,
            "interest": interest, "topic_ids": topics, "visibility": if i % 4 == 0 { "regional" } else { "delegation" }}))
        .await;
    }
    // Two moved on to drafting.
    let drafted = create(&app, &bgd, json!({"title": "Drafted", "deadline": "2026-01-01"})).await;
    let res = app
        .post_json(
            &format!("/api/v1/prep-items/{}/steps", drafted["id"].as_str().unwrap()),
            Some(&bgd),
            json!({"to": "drafting"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    // Nepal's: two it keeps to itself (Bangladesh must never count them) and one it shares.
    for (i, visibility) in ["delegation", "delegation", "regional"].iter().enumerate() {
        create(
            &app,
            &npl,
            json!({"title": format!("Nepal item {i}"), "visibility": visibility,
            "deadline": format!("2026-06-0{}", i + 1), "topic_ids": [fish]}),
        )
        .await;
    }

    let board = check(&app, &bgd, "").await;
    let identified = &board["columns"][0];
    assert_eq!(identified["status"], "identified");
    assert_eq!(identified["total"], 25, "24 of its own and Nepal's shared one: {identified}");
    assert_eq!(identified["items"].as_array().unwrap().len(), 20);
    let titles: Vec<&str> =
        identified["items"].as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap()).collect();
    assert!(!titles.iter().any(|t| *t == "Nepal item 0" || *t == "Nepal item 1"), "{titles:?}");
    assert_eq!(identified["items"][0]["owner"]["code"], "NPL", "the earliest deadline first: {identified}");
    assert_eq!(board["columns"][1]["total"], 1);

    // Filters narrow the same way as the list; Nepal sees its own confidential items and Bangladesh's shared.
    check(&app, &bgd, "&interest=offensive").await;
    check(&app, &bgd, "&topic=FISH").await;
    check(&app, &bgd, &format!("&delegation_id={}", app.delegation_id(&bgd, "NPL").await)).await;
    let nepal = check(&app, &npl, "").await;
    assert_eq!(nepal["columns"][0]["total"], 3 + 6, "its own three and Bangladesh's six regional ones: {nepal}");
    let analyst = app.login(ANALYST).await;
    check(&app, &analyst, "").await;
}
