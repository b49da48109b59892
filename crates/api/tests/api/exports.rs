//! Exports (issue 11, part 3): the export is the list, whole, for the same filters and caller; other
//! delegations' confidential records never leave; contacts only when asked for by a role that may
//! read them, each read audited; formula cells neutralized; the XLSX opens as a spreadsheet.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use serde_json::{json, Value};

use crate::helpers::*;

fn impediment(title: &str, partner: &str, visibility: &str) -> Value {
    json!({"reporting_country": "BGD", "partner": partner, "hs_code": "0306", "ntm_code": "A14",
        "title": title, "description": "Held at the border for testing.", "severity": 3,
        "frequency": "recurring", "visibility": visibility})
}

async fn create(app: &TestApp, token: &str, path: &str, body: Value) -> String {
    let res = app.post_json(path, Some(token), body).await;
    assert_eq!(res.status(), 201, "{path}");
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

/// The CSV's rows as header → value maps (the byte order mark checked and dropped).
pub(crate) async fn csv_rows(res: reqwest::Response) -> Vec<std::collections::HashMap<String, String>> {
    assert_eq!(res.status(), 200);
    let ct = res.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(ct.starts_with("text/csv"), "{ct}");
    let body = res.bytes().await.unwrap();
    let body = body.strip_prefix(b"\xEF\xBB\xBF".as_slice()).expect("a byte order mark");
    let mut r = csv::Reader::from_reader(body);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    r.records().map(|rec| header.iter().cloned().zip(rec.unwrap().iter().map(str::to_owned)).collect()).collect()
}

pub(crate) fn ids_of(items: &[Value]) -> Vec<String> {
    items.iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_impediment_export_is_the_list_for_the_same_filters_and_caller_and_hides_confidential_records() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    // More than one page of the walk (200), so the export follows the cursor.
    for n in 0..205 {
        create(&app, &bgd, "/api/v1/impediments", impediment(&format!("Shrimp test {n:03}"), "EU", "delegation")).await;
    }
    create(&app, &bgd, "/api/v1/impediments", impediment("Rice rules", "CHN", "regional")).await;
    let formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    let formula_id = create(&app, &bgd, "/api/v1/impediments", impediment(formula, "EU", "regional")).await;
    let mut nepal_body = impediment("Nepal's confidential EU obstacle", "EU", "delegation");
    nepal_body["reporting_country"] = json!("NPL");
    let nepal_secret = create(&app, &npl, "/api/v1/impediments", nepal_body).await;

    let filters = "partner=EU&sort=-title";
    let listed = app.all_pages(&format!("/api/v1/impediments?{filters}&limit=200"), &bgd).await;
    assert_eq!(listed.len(), 206);
    let res = app.get(&format!("/api/v1/impediments/export?{filters}"), &bgd).await;
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"impediments-") && disposition.ends_with(".csv\""),
        "{disposition}"
    );
    let rows = csv_rows(res).await;
    let exported: Vec<String> = rows.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(exported, ids_of(&listed), "same rows, same order");
    assert!(!exported.contains(&nepal_secret), "another delegation's confidential record never leaves");
    let row = rows.iter().find(|r| r["id"] == formula_id).unwrap();
    assert_eq!(row["title"], format!("'{formula}"), "the formula is neutralized");
    assert_eq!(row["partner"], "EU");
    assert_eq!(row["partner_name"], "European Union");
    assert_eq!(row["reporting_country_name"], "Bangladesh");
    assert_eq!(row["ntm_chapter"], "A");
    assert!(!row["ntm_chapter_name"].is_empty(), "the NTM chapter's name is beside it");

    // Nepal's delegate sees Bangladesh's regional EU record and its own, never Bangladesh's confidential ones.
    let rows = csv_rows(app.get(&format!("/api/v1/impediments/export?{filters}"), &npl).await).await;
    let listed = app.all_pages(&format!("/api/v1/impediments?{filters}"), &npl).await;
    let exported: Vec<String> = rows.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(exported, ids_of(&listed));
    assert_eq!(exported.len(), 2, "{exported:?}");
    assert!(exported.contains(&formula_id) && exported.contains(&nepal_secret));
    // A stakeholder account reads only public records: none here.
    let rows = csv_rows(app.get("/api/v1/impediments/export?format=csv", &app.login(ANALYST).await).await).await;
    assert!(rows.iter().all(|r| r["visibility"] != "delegation"), "analysts read no delegation-level record");
}

#[tokio::test]
async fn the_xlsx_export_opens_as_a_spreadsheet_with_the_lists_rows() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let a = create(&app, &bgd, "/api/v1/impediments", impediment("+SUM(A1:A9)", "EU", "delegation")).await;
    let b = create(&app, &bgd, "/api/v1/impediments", impediment("Cold chain", "EU", "regional")).await;
    let mut nepal_body = impediment("Nepal only", "EU", "delegation");
    nepal_body["reporting_country"] = json!("NPL");
    create(&app, &npl, "/api/v1/impediments", nepal_body).await;
    let res = app.get("/api/v1/impediments/export?format=xlsx&sort=title", &bgd).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().unwrap().ends_with(".xlsx\""));
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("impediments").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows.len(), 3, "the header and Bangladesh's two records");
    let listed = app.all_pages("/api/v1/impediments?sort=title", &bgd).await;
    let exported: Vec<String> = rows[1..].iter().map(|r| r[col("id")].to_string()).collect();
    assert_eq!(exported, ids_of(&listed));
    assert_eq!(exported, vec![a.clone(), b]);
    assert_eq!(rows[1][col("title")], Data::String("'+SUM(A1:A9)".into()));
    assert_eq!(rows[1][col("severity")], Data::Float(3.0), "numbers stay numbers");
    assert_eq!(rows[1][col("partner_name")], Data::String("European Union".into()));
}

#[tokio::test]
async fn stakeholder_contacts_leave_only_when_asked_by_a_role_that_may_read_them_and_are_audited() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let delegation = app.delegation_id(&bgd, "BGD").await;
    let mut body = json!({"external_id": "STK-EXP-1", "name": "@Khulna Shrimp", "kind": "msme", "country": "BGD",
        "sector": "A", "size_class": "small", "women_led": true, "exporter": true, "importer": false,
        "contact_name": "Farida Rahman", "contact_email": "farida@example.org", "contact_phone": "+880 1711 000000",
        "consent_purpose": "consultations", "consent_at": "2026-01-15", "delegation_id": delegation});
    let id = create(&app, &bgd, "/api/v1/stakeholders", body.clone()).await;
    body["external_id"] = json!("STK-EXP-2");
    body["name"] = json!("Nepal Tea");
    body["country"] = json!("NPL");
    body["delegation_id"] = json!(app.delegation_id(&npl, "NPL").await);
    let nepal = create(&app, &npl, "/api/v1/stakeholders", body).await;

    // By default: no contact columns, the list's rows only.
    let rows = csv_rows(app.get("/api/v1/stakeholders/export", &bgd).await).await;
    assert_eq!(rows.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(), vec![id.clone()]);
    assert!(!rows[0].contains_key("contact_email"));
    assert!(!rows.iter().any(|r| r["id"] == nepal));
    assert_eq!(rows[0]["name"], "'@Khulna Shrimp");
    assert_eq!(rows[0]["country_name"], "Bangladesh");

    // Asked for by the owning delegation's member with a session: present, and the read audited.
    let rows = csv_rows(app.get("/api/v1/stakeholders/export?include_contacts=true", &bgd).await).await;
    assert_eq!(rows[0]["contact_email"], "farida@example.org");
    assert_eq!(rows[0]["contact_phone"], "'+880 1711 000000");
    let audit =
        app.get_json(&format!("/api/v1/audit-events?action=stakeholder.contact_read&entity_id={id}"), &admin).await;
    assert_eq!(audit["items"].as_array().unwrap().len(), 1, "{audit}");

    // Refused for roles that may not read contacts, and through any API key.
    problem(app.get("/api/v1/stakeholders/export?include_contacts=true", &app.login(ANALYST).await).await, 403).await;
    let res = app.post_json("/api/v1/api-keys", Some(&bgd), json!({"name": "x", "scopes": ["read"]})).await;
    let key = res.json::<Value>().await.unwrap()["key"].as_str().unwrap().to_owned();
    problem(app.get("/api/v1/stakeholders/export?include_contacts=true", &key).await, 403).await;
    // Without contacts, the key exports what its owner lists.
    let rows = csv_rows(app.get("/api/v1/stakeholders/export", &key).await).await;
    assert_eq!(rows.len(), 1);
    let audit =
        app.get_json(&format!("/api/v1/audit-events?action=stakeholder.contact_read&entity_id={id}"), &admin).await;
    assert_eq!(audit["items"].as_array().unwrap().len(), 1, "refused and plain exports read no contact");
}

#[tokio::test]
async fn bad_export_parameters_are_named_and_nothing_is_sent() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let p = problem(app.get("/api/v1/impediments/export?format=pdf", &bgd).await, 422).await;
    assert_eq!(fields(&p), vec!["format"]);
    let p = problem(app.get("/api/v1/impediments/export?status=lost&sort=colour", &bgd).await, 422).await;
    assert_eq!(fields(&p), vec!["sort", "status"]);
    problem(app.get("/api/v1/impediments/export?severity_min=high", &bgd).await, 400).await;
    problem(app.get("/api/v1/stakeholders/export?size_class=huge", &bgd).await, 422).await;
    let res = app.request(reqwest::Method::GET, "/api/v1/impediments/export", None).send().await.unwrap();
    problem(res, 401).await;
}
