//! WTO SPS/TBT notifications (issue 11, part 6): the sample ePing CSV and an ePing-style XLSX imported,
//! the agreement read from the symbol, members checked, upsert by symbol; the matching rule (member =
//! partner, HS overlap, SPS ↔ MAST A / TBT ↔ MAST B) case by case; alerts only while the comment period
//! is open and only to the impediment's delegation; and another delegation never sees a delegation-level
//! impediment among a notification's matches.

use chrono::{Duration, Utc};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::import_kinds::{counts, problems};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const SAMPLE: &str = include_str!("../../../../docs/samples/wto-notifications-sample.csv");
const HEADER: &str = "Document symbol,Member,Distribution date,Title,HS Code(s),Final date for comments\n";

async fn import(app: &TestApp, token: &str, query: &str, content_type: &str, body: Vec<u8>) -> reqwest::Response {
    app.request(Method::POST, &format!("/api/v1/imports/wto_notifications{query}"), Some(token))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn ok(app: &TestApp, token: &str, query: &str, csv: &str) -> Value {
    let res = import(app, token, query, "text/csv", csv.as_bytes().to_vec()).await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

fn day(offset: i64) -> String {
    (Utc::now().date_naive() + Duration::days(offset)).to_string()
}

/// Files an impediment (delegation-level unless `visibility` says otherwise) and answers its id.
async fn impediment(app: &TestApp, token: &str, reporter: &str, partner: &str, ntm: &str, hs: &str) -> String {
    let body = json!({"reporting_country": reporter, "partner": partner, "ntm_code": ntm, "hs_code": hs,
        "title": format!("{ntm} obstacle in {partner} on HS {hs}"), "description": "Documented by exporters.",
        "severity": 3});
    let res = app.post_json("/api/v1/impediments", Some(token), body).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

async fn by_symbol(app: &TestApp, token: &str, symbol: &str) -> Value {
    let all = app.all_pages("/api/v1/wto-notifications", token).await;
    let found = all.into_iter().find(|n| n["symbol"] == symbol).unwrap();
    app.get_json(&format!("/api/v1/wto-notifications/{}", found["id"].as_str().unwrap()), token).await
}

fn match_ids(detail: &Value) -> Vec<String> {
    let mut ids: Vec<String> =
        detail["matches"].as_array().unwrap().iter().map(|m| m["impediment_id"].as_str().unwrap().to_owned()).collect();
    ids.sort();
    ids
}

async fn alerts(app: &TestApp, token: &str) -> Vec<Value> {
    let all = app.all_pages("/api/v1/me/notifications", token).await;
    all.into_iter().filter(|n| n["kind"] == "wto_notification_match").collect()
}

#[tokio::test]
async fn the_sample_eping_csv_imports_with_agreements_from_symbols_and_upserts_by_symbol() {
    let app = TestApp::spawn().await;
    let analyst = app.login(ANALYST).await;
    let bgd = app.login(BGD).await;
    // A dry run checks everything and writes nothing.
    let out = ok(&app, &analyst, "?dry_run=true", SAMPLE).await;
    assert_eq!((out["status"].as_str(), counts(&out)), (Some("completed"), [10, 10, 0, 0]), "{out}");
    assert_eq!(app.get_json("/api/v1/wto-notifications", &bgd).await["total"], 0);
    let out = ok(&app, &analyst, "", SAMPLE).await;
    assert_eq!((out["kind"].as_str(), counts(&out)), (Some("wto_notifications"), [10, 10, 0, 0]), "{out}");
    // The agreement comes from the symbol; ePing's member names become codes; HS cells become prefixes.
    let tbt = app.get_json("/api/v1/wto-notifications?agreement=tbt", &bgd).await;
    assert_eq!(tbt["total"], 4, "{tbt}");
    let eu = by_symbol(&app, &bgd, "G/SPS/N/EU/812").await;
    assert_eq!(
        (&eu["agreement"], &eu["notifying_member"], &eu["hs_codes"], &eu["comment_deadline"]),
        (&json!("sps"), &json!("EU"), &json!(["03", "0306", "1605"]), &json!("2027-01-15"))
    );
    assert_eq!(by_symbol(&app, &bgd, "G/TBT/N/USA/2201").await["notifying_member"], "USA");
    // Filters: member, HS prefix.
    assert_eq!(app.get_json("/api/v1/wto-notifications?member=eu", &bgd).await["total"], 4);
    assert_eq!(app.get_json("/api/v1/wto-notifications?hs=0306", &bgd).await["total"], 2);
    assert_eq!(app.get_json("/api/v1/wto-notifications?hs=03", &bgd).await["total"], 3);
    problem(app.get("/api/v1/wto-notifications?hs=x1&agreement=gatt", &bgd).await, 422).await;
    // The same symbols again: an insert refuses each as `taken`; an upsert writes over them.
    let out = ok(&app, &analyst, "", SAMPLE).await;
    assert_eq!(out["status"], "rejected");
    assert!(problems(&out).iter().all(|p| p.1 == "symbol" && p.2 == "taken"), "{out}");
    let changed = SAMPLE.replace("Fishery products, crustaceans", "Crustaceans");
    let out = ok(&app, &analyst, "?mode=upsert", &changed).await;
    assert_eq!(counts(&out), [10, 0, 10, 0], "{out}");
    assert!(by_symbol(&app, &bgd, "G/SPS/N/EU/812").await["products"].as_str().unwrap().starts_with("Crustaceans"));
    assert_eq!(app.get_json("/api/v1/wto-notifications", &bgd).await["total"], 10);
    // Public data, but not a delegation's to load: delegates may not import.
    let res = import(&app, &bgd, "", "text/csv", SAMPLE.as_bytes().to_vec()).await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn an_eping_xlsx_imports_and_an_unknown_member_is_a_row_error_naming_its_column() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows = [
        ["Document symbol", "Notifying Member", "Distribution date", "Title", "HS codes", "Comment deadline", "ICS"],
        ["G/TBT/N/EU/2001", "EU", "2026-11-02", "Toy safety", "9503", "2027-01-01", "97.200.50"],
        ["G/SPS/N/ATL/1", "Atlantis", "2026-11-02", "Sunken fish", "0302", "", ""],
        ["G/XYZ/1", "USA", "someday", "", "7701", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(u32::try_from(r).unwrap(), u16::try_from(c).unwrap(), *cell).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let res = import(&app, &admin, "?on_error=skip", XLSX, bytes).await;
    assert_eq!(res.status(), 200);
    let out: Value = res.json().await.unwrap();
    assert_eq!(
        (out["status"].as_str(), out["format"].as_str(), counts(&out)),
        (Some("partial"), Some("xlsx"), [3, 1, 0, 2])
    );
    assert_eq!(
        problems(&out),
        vec![
            (3, "notifying_member".into(), "unknown".into()),
            (4, "distributed_on".into(), "invalid_format".into()),
            (4, "hs_codes".into(), "invalid_chapter".into()),
            (4, "symbol".into(), "invalid_format".into()),
            (4, "title".into(), "required".into()),
        ]
    );
    let toys = by_symbol(&app, &admin, "G/TBT/N/EU/2001").await;
    assert_eq!((&toys["agreement"], &toys["hs_codes"]), (&json!("tbt"), &json!(["9503"])));
}

#[tokio::test]
async fn an_impediment_matches_only_on_member_hs_overlap_and_the_agreements_mast_chapter() {
    let app = TestApp::spawn().await;
    let analyst = app.login(ANALYST).await;
    let bgd = app.login(BGD).await;
    let yes = impediment(&app, &bgd, "BGD", "EU", "A14", "030617").await;
    let _other_member = impediment(&app, &bgd, "BGD", "USA", "A14", "0306").await;
    let _no_hs_overlap = impediment(&app, &bgd, "BGD", "EU", "A14", "6109").await;
    let _tbt_chapter = impediment(&app, &bgd, "BGD", "EU", "B31", "0306").await;
    let labels = impediment(&app, &bgd, "BGD", "EU", "B31", "610910").await;
    let file = format!(
        "{HEADER}G/SPS/N/EU/900,EU,{today},Shrimp residues,\"0306; 1605\",{open}\n\
         G/TBT/N/EU/901,EU,{today},Garment labels,61,{open}\n",
        today = day(0),
        open = day(30)
    );
    ok(&app, &analyst, "", &file).await;
    assert_eq!(match_ids(&by_symbol(&app, &bgd, "G/SPS/N/EU/900").await), vec![yes.clone()]);
    assert_eq!(match_ids(&by_symbol(&app, &bgd, "G/TBT/N/EU/901").await), vec![labels]);
    let listed = app.get_json("/api/v1/wto-notifications?open=true", &bgd).await;
    assert!(listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["matches_readable"] == 1 && n["comment_open"] == true));
    // A re-import with other HS codes drops the match that no longer holds.
    let moved = format!("{HEADER}G/SPS/N/EU/900,EU,{},Shrimp residues,1605,{}\n", day(0), day(30));
    ok(&app, &analyst, "?mode=upsert", &moved).await;
    assert!(match_ids(&by_symbol(&app, &bgd, "G/SPS/N/EU/900").await).is_empty());
}

#[tokio::test]
async fn only_the_impediments_delegation_is_alerted_and_only_while_comments_are_open() {
    let app = TestApp::spawn().await;
    let analyst = app.login(ANALYST).await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    impediment(&app, &bgd, "BGD", "EU", "A21", "0306").await;
    let file = format!(
        "{HEADER}G/SPS/N/EU/910,EU,{d},Open period,03,{open}\n\
         G/SPS/N/EU/911,EU,{d},Closed period,03,{closed}\n\
         G/SPS/N/EU/912,EU,{d},No deadline,03,\n\
         G/SPS/N/EU/913,EU,{d},Closes today,0306,{d}\n",
        d = day(0),
        open = day(14),
        closed = day(-1)
    );
    ok(&app, &analyst, "", &file).await;
    let told = alerts(&app, &bgd).await;
    let mut links: Vec<String> = told.iter().map(|n| n["title"].as_str().unwrap().to_owned()).collect();
    links.sort();
    assert_eq!(links.len(), 2, "{told:?}");
    assert!(links[0].contains("G/SPS/N/EU/910") && links[1].contains("G/SPS/N/EU/913"), "{links:?}");
    // Every notification matched all the same; only the open ones alerted.
    for s in ["G/SPS/N/EU/911", "G/SPS/N/EU/912"] {
        assert_eq!(by_symbol(&app, &bgd, s).await["matches"].as_array().unwrap().len(), 1);
    }
    // Nepal has no matching impediment: nothing told. A re-import tells Bangladesh nothing new.
    assert!(alerts(&app, &npl).await.is_empty());
    ok(&app, &analyst, "?mode=upsert", &file).await;
    assert_eq!(alerts(&app, &bgd).await.len(), 2);
}

#[tokio::test]
async fn another_delegation_never_sees_a_delegation_level_impediment_among_the_matches() {
    let app = TestApp::spawn().await;
    let analyst = app.login(ANALYST).await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let secret = impediment(&app, &bgd, "BGD", "EU", "A14", "0306").await;
    let own = impediment(&app, &npl, "NPL", "EU", "A14", "0306").await;
    let file = format!("{HEADER}G/SPS/N/EU/920,EU,{},Shrimp,0306,{}\n", day(0), day(20));
    ok(&app, &analyst, "", &file).await;
    // Bangladesh sees its own match; Nepal only its own, and its count leaves Bangladesh's out.
    let seen_by_bgd = by_symbol(&app, &bgd, "G/SPS/N/EU/920").await;
    assert_eq!(match_ids(&seen_by_bgd), vec![secret.clone()]);
    let seen_by_npl = by_symbol(&app, &npl, "G/SPS/N/EU/920").await;
    assert_eq!((match_ids(&seen_by_npl), &seen_by_npl["matches_readable"]), (vec![own.clone()], &json!(1)));
    assert!(!seen_by_npl.to_string().contains(&secret));
    let listed = app.get_json("/api/v1/wto-notifications", &npl).await;
    assert_eq!(listed["items"][0]["matches_readable"], 1);
    // Each delegation is told of its own match only, in words naming the notification, not the impediment.
    let told = alerts(&app, &npl).await;
    assert_eq!(told.len(), 1);
    assert!(!told[0].to_string().contains(&secret) && !told[0].to_string().contains("obstacle"), "{told:?}");
    // The analyst (no delegation, delegation-level records hidden) sees neither impediment.
    assert!(match_ids(&by_symbol(&app, &analyst, "G/SPS/N/EU/920").await).is_empty());
    // An unknown notification is a 404.
    problem(app.get(&format!("/api/v1/wto-notifications/{}", uuid::Uuid::nil()), &npl).await, 404).await;
}

#[tokio::test]
async fn an_impediment_filed_after_the_notification_is_matched_and_alerted_and_a_change_unmatches_it() {
    let app = TestApp::spawn().await;
    let analyst = app.login(ANALYST).await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let file = format!(
        "{HEADER}G/SPS/N/EU/930,EU,{d},Shrimp residues,0306,{open}\n\
         G/SPS/N/EU/931,EU,{d},Closed shrimp rule,0306,{closed}\n",
        d = day(0),
        open = day(20),
        closed = day(-3)
    );
    ok(&app, &analyst, "", &file).await;
    assert!(alerts(&app, &bgd).await.is_empty());
    // Filed after both notifications: matched to both, alerted for the open one only.
    let late = impediment(&app, &bgd, "BGD", "EU", "A14", "030617").await;
    assert_eq!(match_ids(&by_symbol(&app, &bgd, "G/SPS/N/EU/930").await), vec![late.clone()]);
    assert_eq!(match_ids(&by_symbol(&app, &bgd, "G/SPS/N/EU/931").await), vec![late.clone()]);
    let told = alerts(&app, &bgd).await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0]["title"].as_str().unwrap().contains("G/SPS/N/EU/930"), "{told:?}");
    // Nepal is told nothing of Bangladesh's obstacle, nor sees the match.
    assert!(alerts(&app, &npl).await.is_empty());
    assert!(match_ids(&by_symbol(&app, &npl, "G/SPS/N/EU/930").await).is_empty());
    // A TBT measure on the same product is not an SPS match.
    let _tbt = impediment(&app, &bgd, "BGD", "EU", "B31", "0306").await;
    assert_eq!(match_ids(&by_symbol(&app, &bgd, "G/SPS/N/EU/930").await), vec![late.clone()]);
    // Moved to another product, the impediment no longer matches; moved back, it matches again,
    // without a second alert for the same notification.
    let patch = |hs: &'static str, version: i32| {
        app.request(Method::PATCH, &format!("/api/v1/impediments/{late}"), Some(&bgd))
            .header("if-match", format!("\"{version}\""))
            .json(&json!({"hs_code": hs}))
            .send()
    };
    assert_eq!(patch("6109", 1).await.unwrap().status(), 200);
    assert!(match_ids(&by_symbol(&app, &bgd, "G/SPS/N/EU/930").await).is_empty());
    assert_eq!(patch("0306", 2).await.unwrap().status(), 200);
    assert_eq!(match_ids(&by_symbol(&app, &bgd, "G/SPS/N/EU/930").await), vec![late]);
    assert_eq!(alerts(&app, &bgd).await.len(), 1);
}

#[tokio::test]
async fn a_wto_import_refuses_a_consultation_or_a_delegation_rather_than_ignoring_it() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let c = uuid::Uuid::now_v7();
    let res = import(&app, &admin, &format!("?consultation_id={c}"), "text/csv", SAMPLE.as_bytes().to_vec()).await;
    let body = problem(res, 422).await;
    assert!(body.to_string().contains("consultation_id"), "{body}");
    let res = import(&app, &admin, &format!("?delegation_id={c}"), "text/csv", SAMPLE.as_bytes().to_vec()).await;
    let body = problem(res, 422).await;
    assert!(body.to_string().contains("delegation_id"), "{body}");
    assert_eq!(app.get_json("/api/v1/wto-notifications", &admin).await["total"], 0);
}

/// The matrices' calls: an import (upsert, so that every allowed caller may repeat it) and a notification
/// that exists, imported by the admin.
pub(crate) async fn prepare_call(
    app: &TestApp,
    ctx: &crate::matrix::Ctx,
    op: &str,
    template: &str,
    call: &mut crate::matrix::Call,
) {
    let row = json!([{"symbol": "G/SPS/N/EU/777", "notifying_member": "EU", "distributed_on": "2026-11-01",
                      "title": "Matrix", "hs_codes": "0306", "comment_deadline": "2026-12-31"}]);
    if op == "import_wto_notifications" {
        call.path = format!("{template}?mode=upsert");
        call.body = Some(row);
        return;
    }
    let res = app
        .request(Method::POST, "/api/v1/imports/wto_notifications?mode=upsert", Some(&ctx.admin))
        .json(&row)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let listed = app.get_json("/api/v1/wto-notifications", &ctx.admin).await;
    call.path = template.replace("{id}", listed["items"][0]["id"].as_str().unwrap());
}
