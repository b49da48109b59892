//! Imports of topics and prep items (issue 11): each kind's good file, a bad row named by row, column and
//! code, the rows another delegation (or a coalition the caller is not in) may not write, upsert where a
//! kind has a key (topics by code), and who may import at all.

use gmc_store::entities::{audit_events, prep_item_topics, prep_items, topics};
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::*;

async fn send(app: &TestApp, token: &str, path: &str, content_type: &str, body: &str) -> reqwest::Response {
    app.request(Method::POST, path, Some(token))
        .header("content-type", content_type)
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

async fn ok(app: &TestApp, token: &str, path: &str, body: &str) -> Value {
    let res = send(app, token, path, "text/csv", body).await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

pub(crate) fn counts(import: &Value) -> [i64; 4] {
    ["rows_total", "rows_inserted", "rows_updated", "rows_rejected"].map(|k| import[k].as_i64().unwrap())
}

pub(crate) fn problems(import: &Value) -> Vec<(i64, String, String)> {
    let mut out: Vec<_> = import["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["row"].as_i64().unwrap(),
                p["column"].as_str().unwrap().to_owned(),
                p["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

async fn topic(app: &TestApp, code: &str) -> Option<topics::Model> {
    topics::Entity::find().filter(topics::Column::Code.eq(code)).one(&app.db().await).await.unwrap()
}

async fn bgd_delegation(app: &TestApp, admin: &str) -> String {
    app.delegation_id(admin, "BGD").await
}

const TOPICS: &str = "code,title,kind,wto_body,parent,description,status\n\
                      IMP-AG,Imported agriculture,negotiation,Committee on Agriculture,,,\n\
                      IMP-AG-PSH,Imported stockholding,negotiation,,IMP-AG,Child of the row above,dormant\n";

#[tokio::test]
async fn an_admin_imports_topics_with_parents_by_code_and_upserts_by_code() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let for_bgd = format!("?delegation_id={}", bgd_delegation(&app, &admin).await);
    let out = ok(&app, &admin, &format!("/api/v1/imports/topics{for_bgd}"), TOPICS).await;
    assert_eq!(
        (out["kind"].as_str(), out["status"].as_str(), counts(&out)),
        (Some("topics"), Some("completed"), [2, 2, 0, 0]),
        "{out}"
    );
    let parent = topic(&app, "IMP-AG").await.unwrap();
    let child = topic(&app, "IMP-AG-PSH").await.unwrap();
    assert_eq!((child.parent_id, child.status.0.as_str()), (Some(parent.id), "dormant"));
    assert_eq!(parent.wto_body, "Committee on Agriculture");
    // The same code again: an insert refuses it as `POST /topics` does; an upsert changes the topic.
    let again = "code,title,kind\nIMP-AG,Agriculture (renamed),plurilateral\n";
    let out = ok(&app, &admin, &format!("/api/v1/imports/topics{for_bgd}"), again).await;
    assert_eq!((out["status"].as_str(), problems(&out)), (Some("rejected"), vec![(2, "code".into(), "taken".into())]));
    assert_eq!(topic(&app, "IMP-AG").await.unwrap().title, "Imported agriculture");
    let out = ok(&app, &admin, &format!("/api/v1/imports/topics{for_bgd}&mode=upsert"), again).await;
    assert_eq!(counts(&out), [1, 0, 1, 0], "{out}");
    let changed = topic(&app, "IMP-AG").await.unwrap();
    assert_eq!(
        (changed.title.as_str(), changed.kind.0.as_str(), changed.version),
        ("Agriculture (renamed)", "plurilateral", 2)
    );
    // An empty optional cell left the topic's WTO body as it was.
    assert_eq!(changed.wto_body, "Committee on Agriculture");
    // The API reads what the file wrote.
    assert_eq!(app.get_json("/api/v1/topics/IMP-AG-PSH", &bgd).await["parent_id"], json!(parent.id));
}

#[tokio::test]
async fn a_bad_topic_row_is_named_and_only_admins_may_import_topics() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let for_bgd = format!("?delegation_id={}", bgd_delegation(&app, &admin).await);
    let file = "code,title,kind,parent\nIMP-OK,Fine,negotiation,\nimp bad!,,bogus,NO-SUCH-TOPIC\nIMP-CHILD,Orphan,other,NO-SUCH-TOPIC\n";
    let before = topics::Entity::find().count(&app.db().await).await.unwrap();
    let out = ok(&app, &admin, &format!("/api/v1/imports/topics{for_bgd}"), file).await;
    assert_eq!((out["status"].as_str(), counts(&out)), (Some("rejected"), [3, 1, 0, 2]), "{out}");
    let report = problems(&out);
    assert!(report.contains(&(3, "parent".into(), "unknown".into())), "{report:?}");
    assert!(report.contains(&(4, "parent".into(), "unknown".into())), "{report:?}");
    // Atomic: the good row was rolled back with the file.
    assert_eq!(topics::Entity::find().count(&app.db().await).await.unwrap(), before);
    // A row whose parent is fine reports every problem of its own fields at once.
    let out = ok(&app, &admin, &format!("/api/v1/imports/topics{for_bgd}"), "code,title,kind\nimp bad!,,bogus\n").await;
    let cols: Vec<String> = problems(&out).into_iter().map(|p| p.1).collect();
    assert_eq!(cols, ["code", "kind", "title"], "{out}");
    // A delegate may not create topics, so may not import them: 403 and nothing written.
    let res = send(&app, &bgd, "/api/v1/imports/topics", "text/csv", TOPICS).await;
    assert_eq!(res.status(), 403);
    assert!(topic(&app, "IMP-AG").await.is_none());
}

const PREP_HEADER: &str = "ministerial,title,kind,interest,priority,deadline,visibility,topic_ids";

#[tokio::test]
async fn a_delegate_imports_prep_items_with_topics_by_code_and_bad_rows_are_named() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let fish = app.get_json("/api/v1/topics/FISH", &bgd).await["id"].as_str().unwrap().to_owned();
    let file = format!(
        "{PREP_HEADER}\n\
         MC14,Fisheries subsidies ask,position,offensive,high,2026-03-20,delegation,FISH\n\
         MC14,Second,proposal,defensive,urgent,2026-13-01,secret,NOPE\n\
         MC14,By id,proposal,neutral,low,,regional,{fish}\n"
    );
    let out = ok(&app, &bgd, "/api/v1/imports/prep_items?on_error=skip", &file).await;
    assert_eq!(
        (out["kind"].as_str(), out["status"].as_str(), counts(&out)),
        (Some("prep_items"), Some("partial"), [3, 2, 0, 1]),
        "{out}"
    );
    // The cell that cannot be read stops the row before the create's checks (as a bad JSON value would).
    assert_eq!(problems(&out), vec![(3, "deadline".into(), "invalid_format".into())]);
    let db = app.db().await;
    let rows = prep_items::Entity::find()
        .filter(prep_items::Column::Title.is_in(["Fisheries subsidies ask", "By id", "Second"]))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    for r in &rows {
        let linked = prep_item_topics::Entity::find()
            .filter(prep_item_topics::Column::PrepItemId.eq(r.id))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(
            linked.iter().map(|l| l.topic_id.to_string()).collect::<Vec<_>>(),
            vec![fish.clone()],
            "{}",
            r.title
        );
        assert_eq!(r.status.0.as_str(), "identified");
    }
    // The same checks as `POST /prep-items`, every problem of a row at once; atomic by default.
    let bad = format!(
        "{PREP_HEADER}\nMC99,,proposal,defensive,urgent,,secret,NOPE\nMC14,Fine,proposal,defensive,low,,delegation,\n"
    );
    let out = ok(&app, &bgd, "/api/v1/imports/prep_items", &bad).await;
    assert_eq!((out["status"].as_str(), counts(&out)), (Some("rejected"), [2, 1, 0, 1]), "{out}");
    let cols: Vec<String> = problems(&out).into_iter().map(|p| p.1).collect();
    assert_eq!(cols, ["ministerial", "priority", "title", "topic_ids", "visibility"], "{out}");
    assert_eq!(prep_items::Entity::find().filter(prep_items::Column::Title.eq("Fine")).count(&db).await.unwrap(), 0);
    // Bangladesh's delegation-level items stay Bangladesh's: Nepal's delegate does not see them.
    let npl = app.login(NPL).await;
    let seen = app.all_pages("/api/v1/prep-items", &npl).await;
    assert!(!seen.iter().any(|i| i["title"] == "Fisheries subsidies ask"), "a delegation-level prep item leaked");
    let mine = app.all_pages("/api/v1/prep-items", &bgd).await;
    assert!(mine.iter().any(|i| i["title"] == "Fisheries subsidies ask"));
    // One audit event for the file, with its counts.
    let events =
        audit_events::Entity::find().filter(audit_events::Column::Action.eq("import.run")).all(&db).await.unwrap();
    assert_eq!(events.len(), 2);
}

#[tokio::test]
async fn prep_item_rows_for_another_delegation_or_a_foreign_coalition_are_refused() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let admin = app.login(ADMIN).await;
    let npl_delegation = app.delegation_id(&admin, "NPL").await;
    let ldc = app.get_json("/api/v1/coalitions/LDC", &npl).await["id"].as_str().unwrap().to_owned();
    let before = prep_items::Entity::find().count(&app.db().await).await.unwrap();
    // Bangladesh is not in the LDC coalition (Nepal is), and may not write for Nepal.
    let file = format!(
        "{PREP_HEADER},delegation_id,coalition_id\n\
         MC14,For Nepal,position,offensive,high,,delegation,,{npl_delegation},\n\
         MC14,For the LDCs,coalition_statement,offensive,high,,delegation,,,{ldc}\n\
         MC14,Our own,position,offensive,high,,delegation,,,\n"
    );
    let out = ok(&app, &bgd, "/api/v1/imports/prep_items?on_error=skip", &file).await;
    assert_eq!(counts(&out), [3, 1, 0, 2], "{out}");
    assert_eq!(
        problems(&out),
        vec![(2, "delegation_id".into(), "not_allowed".into()), (3, "coalition_id".into(), "not_allowed".into())]
    );
    let db = app.db().await;
    assert_eq!(prep_items::Entity::find().count(&db).await.unwrap(), before + 1);
    let titles: Vec<String> = prep_items::Entity::find().all(&db).await.unwrap().into_iter().map(|p| p.title).collect();
    assert!(!titles.iter().any(|t| t == "For Nepal" || t == "For the LDCs"));
    // Nepal, a member, imports for the coalition; the coalition then owns it.
    let file = format!(
        "{PREP_HEADER},coalition_id\nMC14,For the LDCs,coalition_statement,offensive,high,,delegation,,{ldc}\n"
    );
    let out = ok(&app, &npl, "/api/v1/imports/prep_items", &file).await;
    assert_eq!(counts(&out), [1, 1, 0, 0], "{out}");
    let item = prep_items::Entity::find()
        .filter(prep_items::Column::Title.eq("For the LDCs"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((item.coalition_id.map(|c| c.to_string()), item.delegation_id), (Some(ldc), None));
    // Prep items have no key to match: upsert is refused before the file is read.
    let res = send(&app, &bgd, "/api/v1/imports/prep_items?mode=upsert", "text/csv", &file).await;
    assert_eq!(res.status(), 422);
    // Analysts create no prep items, so import none.
    let analyst = app.login(ANALYST).await;
    assert_eq!(send(&app, &analyst, "/api/v1/imports/prep_items", "text/csv", &file).await.status(), 403);
}

#[tokio::test]
async fn the_templates_of_topics_and_prep_items_list_their_codes_and_import_as_downloaded() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let csv = app.get("/api/v1/imports/templates/prep_items.csv", &bgd).await.text().await.unwrap();
    assert!(csv.contains("# allowed ministerial: ") && csv.contains("MC14"), "{csv}");
    assert!(csv.contains("# allowed interest: offensive defensive neutral"), "{csv}");
    assert!(csv.contains("\nministerial,title,summary,kind,interest,priority,deadline,responsible_user_id,visibility,topic_ids,coalition_id,delegation_id\n"), "{csv}");
    let topics_csv = app.get("/api/v1/imports/templates/topics.csv", &admin).await.text().await.unwrap();
    assert!(topics_csv.contains("# allowed kind: negotiation regular_body"), "{topics_csv}");
    let for_bgd = format!("?delegation_id={}", bgd_delegation(&app, &admin).await);
    let out = ok(&app, &admin, &format!("/api/v1/imports/topics{for_bgd}"), &topics_csv).await;
    assert_eq!(counts(&out), [1, 1, 0, 0], "{out}");
    let msme = topic(&app, "MSME").await.unwrap();
    assert_eq!(topic(&app, "MSME-FIN").await.unwrap().parent_id, Some(msme.id));
    let out = ok(&app, &bgd, "/api/v1/imports/prep_items", &csv).await;
    assert_eq!(counts(&out), [1, 1, 0, 0], "{out}");
    for kind in ["topics", "prep_items"] {
        let res = app.get(&format!("/api/v1/imports/templates/{kind}.xlsx"), &bgd).await;
        assert_eq!(res.status(), 200, "{kind}");
    }
}

/// The authorization matrices' calls: a one-row JSON file for Bangladesh (a topic code per call, upserted,
/// so that the matrix may repeat it).
pub(crate) fn prepare_call(ctx: &crate::matrix::Ctx, op: &str, template: &str, call: &mut crate::matrix::Call) {
    match op {
        "import_topics" => {
            call.path = format!("{template}?delegation_id={}&mode=upsert", ctx.bgd_delegation);
            call.body = Some(json!([{"code": "MATRIX-TOPIC", "title": "Matrix", "kind": "other"}]));
        }
        _ => {
            call.path = format!("{template}?delegation_id={}", ctx.bgd_delegation);
            call.body = Some(json!([{"ministerial": "MC14", "title": "Matrix", "kind": "position",
                                     "interest": "neutral", "priority": "low", "visibility": "delegation"}]));
        }
    }
}
