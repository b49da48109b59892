//! Exports of the other collections (issue 11: exports): topics, prep items, consultations, meetings,
//! briefing requests and documents. For each: the CSV is exactly the list (same caller, same filters,
//! same order), another delegation's `delegation`-level records never leave, a formula-looking title is
//! neutralized, the XLSX opens with the same rows, a bad filter is refused before anything is sent, and
//! each export is one audit event.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use serde_json::{json, Value};

use crate::exports::{csv_rows, ids_of};
use crate::helpers::*;
use crate::meeting_fixtures::meeting_body;

const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"click\")";

async fn created(res: reqwest::Response) -> String {
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

/// Creates a record of `kind` as `token` with `title` at `visibility`; its id.
async fn make(app: &TestApp, kind: &str, token: &str, delegation: &str, title: &str, visibility: &str) -> String {
    let body = match kind {
        "prep-items" => crate::prep_items::body(json!({"title": title, "visibility": visibility})),
        "consultations" => json!({"title": title, "visibility": visibility}),
        "meetings" => {
            let mut b = meeting_body(delegation, visibility, &[], &[]);
            b["title"] = json!(title);
            b
        }
        "briefing-requests" => crate::briefings::body(json!({"title": title, "visibility": visibility})),
        "documents" => {
            json!({"kind": "briefing_note", "title": title, "visibility": visibility, "body_markdown": "Notes."})
        }
        _ => unreachable!("{kind}"),
    };
    created(app.post_json(&format!("/api/v1/{kind}"), Some(token), body).await).await
}

/// The list's filters each export is checked with (the list's own names and `sort`).
fn filters(kind: &str) -> &'static str {
    match kind {
        "prep-items" => "ministerial=MC14&sort=title",
        "consultations" => "status=draft&sort=title",
        "meetings" => "kind=forum_meeting&sort=title",
        "briefing-requests" => "kind=briefing_note",
        "documents" => "kind=briefing_note&sort=title",
        _ => "kind=other&sort=-title",
    }
}

/// Exports `kind` as `token` with the kind's filters, and checks it against the list; the rows.
async fn export_is_the_list(app: &TestApp, kind: &str, token: &str) -> Vec<std::collections::HashMap<String, String>> {
    let f = filters(kind);
    let listed = app.all_pages(&format!("/api/v1/{kind}?{f}"), token).await;
    let res = app.get(&format!("/api/v1/{kind}/export?{f}"), token).await;
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(disposition.starts_with(&format!("attachment; filename=\"{kind}-")), "{disposition}");
    let rows = csv_rows(res).await;
    let exported: Vec<String> = rows.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(exported, ids_of(&listed), "{kind}: same rows, same order as the list");
    // The XLSX holds the same rows.
    let res = app.get(&format!("/api/v1/{kind}/export?{f}&format=xlsx"), token).await;
    assert_eq!(res.status(), 200, "{kind}");
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range(kind).unwrap();
    let sheet: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(ToString::to_string).collect()).collect();
    assert_eq!(sheet.len(), listed.len() + 1, "{kind}: the header and the list's rows");
    let id_col = sheet[0].iter().position(|h| h == "id").unwrap();
    let xlsx_ids: Vec<String> = sheet[1..].iter().map(|r| r[id_col].clone()).collect();
    assert_eq!(xlsx_ids, exported, "{kind}");
    rows
}

#[tokio::test]
async fn each_delegation_record_export_is_the_list_and_never_holds_another_delegations_confidential_records() {
    let app = TestApp::spawn().await;
    let (bgd, npl, admin) = (app.login(BGD).await, app.login(NPL).await, app.login(ADMIN).await);
    let (bgd_d, npl_d) = (app.delegation_id(&bgd, "BGD").await, app.delegation_id(&npl, "NPL").await);
    for kind in ["prep-items", "consultations", "meetings", "briefing-requests", "documents"] {
        let formula = make(&app, kind, &bgd, &bgd_d, FORMULA, "delegation").await;
        let secret = make(&app, kind, &bgd, &bgd_d, "Bangladesh only", "delegation").await;
        // Briefing requests are never another delegation's to read, whatever their visibility.
        let shared = make(&app, kind, &bgd, &bgd_d, "Shared with the region", "regional").await;
        let nepal = make(&app, kind, &npl, &npl_d, "Nepal only", "delegation").await;

        let rows = export_is_the_list(&app, kind, &bgd).await;
        let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
        assert!(ids.contains(&formula.as_str()) && ids.contains(&secret.as_str()), "{kind}: {ids:?}");
        assert!(!ids.contains(&nepal.as_str()), "{kind}: Nepal's confidential record");
        let row = rows.iter().find(|r| r["id"] == formula).unwrap();
        assert_eq!(row["title"], format!("'{FORMULA}"), "{kind}: the formula is neutralized");

        // The attack: Nepal's delegate exports and does not get Bangladesh's delegation-level records.
        let rows = export_is_the_list(&app, kind, &npl).await;
        let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
        assert!(!ids.contains(&formula.as_str()) && !ids.contains(&secret.as_str()), "{kind}: {ids:?}");
        assert!(ids.contains(&nepal.as_str()), "{kind}: Nepal's own record");
        assert_eq!(ids.contains(&shared.as_str()), kind != "briefing-requests", "{kind}: the regional record");

        // The admin's export is the admin's list.
        export_is_the_list(&app, kind, &admin).await;
    }
}

#[tokio::test]
async fn the_topic_export_is_the_catalogue_with_parent_names_and_safe_cells() {
    let app = TestApp::spawn().await;
    let (admin, bgd) = (app.login(ADMIN).await, app.login(BGD).await);
    let parent = created(
        app.post_json("/api/v1/topics", Some(&admin), json!({"code": "EXPP", "title": "Parent", "kind": "other"}))
            .await,
    )
    .await;
    let body = json!({"code": "EXPC", "title": "@SUM(1)", "kind": "other", "parent_id": parent});
    let child = created(app.post_json("/api/v1/topics", Some(&admin), body).await).await;
    let rows = export_is_the_list(&app, "topics", &bgd).await;
    let row = rows.iter().find(|r| r["id"] == child).unwrap();
    assert_eq!(row["title"], "'@SUM(1)");
    assert_eq!(row["parent_code"], "EXPP");
    assert_eq!(row["parent_title"], "Parent");
    // The whole catalogue, as the list gives it without filters.
    let listed = app.all_pages("/api/v1/topics", &bgd).await;
    let rows = csv_rows(app.get("/api/v1/topics/export", &bgd).await).await;
    assert_eq!(rows.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(), ids_of(&listed));
}

#[tokio::test]
async fn bad_filters_of_the_other_exports_are_refused_before_anything_is_sent_and_each_export_is_audited() {
    let app = TestApp::spawn().await;
    let (admin, bgd) = (app.login(ADMIN).await, app.login(BGD).await);
    for (kind, bad) in [
        ("topics", "status=lost"),
        ("prep-items", "status=lost"),
        ("consultations", "status=lost"),
        ("meetings", "status=lost"),
        ("briefing-requests", "status=lost"),
        ("documents", "kind=poem"),
    ] {
        let field = bad.split('=').next().unwrap();
        let p = problem(app.get(&format!("/api/v1/{kind}/export?{bad}"), &bgd).await, 422).await;
        assert_eq!(fields(&p), vec![field], "{kind}");
        let p = problem(app.get(&format!("/api/v1/{kind}/export?sort=colour&format=pdf"), &bgd).await, 422).await;
        assert_eq!(fields(&p), vec!["format"], "{kind}: the format is checked first");
        let res = app.request(reqwest::Method::GET, &format!("/api/v1/{kind}/export"), None).send().await.unwrap();
        problem(res, 401).await;
    }
    problem(app.get("/api/v1/prep-items/export?due_before=soon", &bgd).await, 400).await;
    problem(app.get("/api/v1/briefing-requests/export?queue=maybe", &bgd).await, 400).await;
    problem(app.get("/api/v1/meetings/export?from=yesterday", &bgd).await, 400).await;
    // Refused exports leave no audit event; each export that runs leaves exactly one.
    let audit = app.get_json("/api/v1/audit-events?action=export.run", &admin).await;
    assert_eq!(audit["items"].as_array().unwrap().len(), 0, "{audit}");
    csv_rows(app.get("/api/v1/documents/export?kind=briefing_note", &bgd).await).await;
    let res = app.get("/api/v1/meetings/export?format=xlsx", &bgd).await;
    assert_eq!(res.status(), 200);
    let audit = app.get_json("/api/v1/audit-events?action=export.run", &admin).await;
    let items = audit["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{audit}");
    let kinds: Vec<&str> = items.iter().filter_map(|e| e["changes"]["kind"].as_str()).collect();
    assert!(kinds.contains(&"documents") && kinds.contains(&"meetings"), "{kinds:?}");
}
