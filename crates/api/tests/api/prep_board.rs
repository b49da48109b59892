//! The ministerial board (issue 9) is computed from a read model of each ministerial's items
//! (`services/prep/board_model.rs`), or from two statements when the model is off
//! (`services/prep/board.rs`): these tests hold both to what the list says — per status, exactly the
//! items the caller may read, counted, the first 20 by deadline with none last — so the numbering, the
//! cut and the joined names cannot drift from the rules. And they change the tables behind the model's
//! back, as another node or a script would, to prove that no board is served from a stale snapshot.

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
    columns_as_the_list_says(TestApp::spawn().await).await;
}

#[tokio::test]
async fn the_board_read_from_the_tables_says_the_same() {
    columns_as_the_list_says(TestApp::spawn_with(|s| s.prep_board_read_model = false).await).await;
}

async fn columns_as_the_list_says(app: TestApp) {
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

/// The ids on the board's columns, for one caller.
async fn on_board(app: &TestApp, token: &str, filter: &str) -> (u64, String) {
    let board = app.get_json(&format!("/api/v1/prep-items/board?ministerial=MC14{filter}"), token).await;
    let columns = board["columns"].as_array().unwrap();
    (columns.iter().map(|c| c["total"].as_u64().unwrap()).sum(), board.to_string())
}

/// Another node (or `psql`, or `gmc import`) changes the tables directly: the next board — on this
/// node, whose read model already holds the ministerial — shows the change. Each step would fail if
/// the snapshot were served without the database's change count (migration 000030's triggers).
#[tokio::test]
async fn a_change_made_behind_the_read_models_back_is_on_the_next_board() {
    use gmc_store::entities::{coalition_members, delegations, ministerials, prep_items, topics, users};
    use sea_orm::{
        sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Set,
    };
    let app = TestApp::spawn().await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let db = app.db().await;
    let shared = create(
        &app,
        &bgd,
        json!({"title": "Shared position", "visibility": "regional",
        "topic_ids": [app.get_json("/api/v1/topics/FISH", &bgd).await["id"]]}),
    )
    .await;
    let shared_id = uuid::Uuid::parse_str(shared["id"].as_str().unwrap()).unwrap();
    let (total, board) = on_board(&app, &npl, "").await;
    assert!(board.contains("Shared position") && total == 1, "Nepal reads the regional item: {board}");

    // Narrowed to Bangladesh alone: gone for Nepal at once, on every path of the board.
    let narrowed = prep_items::Entity::update_many()
        .col_expr(prep_items::Column::Visibility, Expr::value("delegation"))
        .filter(prep_items::Column::Id.eq(shared_id))
        .exec(&db)
        .await
        .unwrap();
    assert_eq!(narrowed.rows_affected, 1);
    for filter in ["", "&topic=FISH", "&interest=defensive"] {
        let (total, board) = on_board(&app, &npl, filter).await;
        assert!(!board.contains("Shared position") && total == 0, "{filter:?}: {board}");
    }
    assert!(on_board(&app, &bgd, "").await.1.contains("Shared position"), "its owner still reads it");

    // The topic's code changed: the filter names it by its new code.
    topics::Entity::update_many()
        .col_expr(topics::Column::Code, Expr::value("FISH-SUBSIDIES"))
        .filter(topics::Column::Code.eq("FISH"))
        .exec(&db)
        .await
        .unwrap();
    assert_eq!(on_board(&app, &bgd, "&topic=FISH-SUBSIDIES").await.0, 1);
    assert_eq!(on_board(&app, &bgd, "&topic=FISH").await.0, 0, "an unknown code matches nothing");

    // Every topic link cleared in bulk (PostgreSQL's `TRUNCATE` fires no row trigger): the topic filter
    // no longer finds it.
    assert_eq!(on_board(&app, &bgd, "&topic=FISH-SUBSIDIES").await.0, 1);
    let clear = match db.get_database_backend() {
        DbBackend::Postgres => "TRUNCATE prep_item_topics",
        _ => "DELETE FROM prep_item_topics",
    };
    db.execute_unprepared(clear).await.unwrap();
    assert_eq!(on_board(&app, &bgd, "&topic=FISH-SUBSIDIES").await.0, 0);

    // The owner's name changed, and the responsible officer's (an erasure rewrites it so).
    delegations::Entity::update_many()
        .col_expr(delegations::Column::Name, Expr::value("People's Republic of Bangladesh"))
        .filter(delegations::Column::CountryCode.eq("BGD"))
        .exec(&db)
        .await
        .unwrap();
    assert!(on_board(&app, &bgd, "").await.1.contains("People's Republic of Bangladesh"));
    let officer = users::Entity::find().filter(users::Column::Email.eq(BGD)).one(&db).await.unwrap().unwrap();
    prep_items::Entity::update_many()
        .col_expr(prep_items::Column::ResponsibleUserId, Expr::value(officer.id))
        .filter(prep_items::Column::Id.eq(shared_id))
        .exec(&db)
        .await
        .unwrap();
    assert!(on_board(&app, &bgd, "").await.1.contains(&officer.name));
    users::Entity::update_many()
        .col_expr(users::Column::Name, Expr::value("Erased user"))
        .filter(users::Column::Id.eq(officer.id))
        .exec(&db)
        .await
        .unwrap();
    let (_, board) = on_board(&app, &bgd, "").await;
    assert!(board.contains("Erased user") && !board.contains(&officer.name), "{board}");

    // A coalition's confidential item: Nepal reads it as a member of the LDC Group, and not once its
    // membership is gone.
    let ldc = app.get_json("/api/v1/coalitions/LDC", &npl).await["id"].clone();
    create(&app, &npl, json!({"title": "LDC Group statement", "coalition_id": ldc, "kind": "coalition_statement"}))
        .await;
    assert!(on_board(&app, &npl, "").await.1.contains("LDC Group statement"));
    let nepal = uuid::Uuid::parse_str(&app.delegation_id(&npl, "NPL").await).unwrap();
    let left = coalition_members::Entity::delete_many()
        .filter(coalition_members::Column::CoalitionId.eq(uuid::Uuid::parse_str(ldc.as_str().unwrap()).unwrap()))
        .filter(coalition_members::Column::DelegationId.eq(nepal))
        .exec(&db)
        .await
        .unwrap();
    assert_eq!(left.rows_affected, 1);
    assert!(!on_board(&app, &npl, "").await.1.contains("LDC Group statement"));

    // Moved to another ministerial: gone from this board, on the other's.
    let mc13 = ministerials::Entity::find().filter(ministerials::Column::Code.eq("MC13")).one(&db).await.unwrap();
    prep_items::Entity::update_many()
        .col_expr(prep_items::Column::MinisterialId, Expr::value(mc13.unwrap().id))
        .filter(prep_items::Column::Id.eq(shared_id))
        .exec(&db)
        .await
        .unwrap();
    assert!(!on_board(&app, &bgd, "").await.1.contains("Shared position"));
    let mc13_board = app.get_json("/api/v1/prep-items/board?ministerial=MC13", &bgd).await.to_string();
    assert!(mc13_board.contains("Shared position"), "{mc13_board}");

    // A new ministerial, later than the rest: the board without a code is now its (empty) board.
    let default = app.get_json("/api/v1/prep-items/board", &bgd).await;
    assert_eq!(default["ministerial"]["code"], "MC14");
    ministerials::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        code: Set("MC15".into()),
        name: Set("Fifteenth Ministerial Conference".into()),
        host_city: Set("Geneva".into()),
        host_country: Set("CHE".into()),
        starts_on: Set(chrono::NaiveDate::from_ymd_opt(2028, 3, 1).unwrap()),
        ends_on: Set(chrono::NaiveDate::from_ymd_opt(2028, 3, 4).unwrap()),
        note: Set(String::new()),
    }
    .insert(&db)
    .await
    .unwrap();
    let default = app.get_json("/api/v1/prep-items/board", &bgd).await;
    assert_eq!(default["ministerial"]["code"], "MC15", "{default}");
}
