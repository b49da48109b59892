//! Bulk imports (issue 11): every format and its quirks, the three ways a file is applied (dry run,
//! atomic, skip), upsert within the caller's delegation, the report, and the one audit event.

use gmc_store::entities::{audit_events, impediments, imports, stakeholders};
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::*;

const HEADER: &str = "external_id,name,kind,country,sector,size_class,employees,women_led";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn send(
    app: &TestApp,
    token: &str,
    path: &str,
    content_type: &str,
    body: impl Into<Vec<u8>>,
) -> reqwest::Response {
    app.request(Method::POST, path, Some(token))
        .header("content-type", content_type)
        .body(body.into())
        .send()
        .await
        .unwrap()
}

/// Imports `body` and expects a 200 with the import.
async fn import(app: &TestApp, token: &str, query: &str, content_type: &str, body: impl Into<Vec<u8>>) -> Value {
    let res = send(app, token, &format!("/api/v1/imports/stakeholders{query}"), content_type, body).await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

async fn stakeholder_count(app: &TestApp) -> u64 {
    stakeholders::Entity::find().count(&app.db().await).await.unwrap()
}

async fn names(app: &TestApp) -> Vec<String> {
    let mut n: Vec<String> =
        stakeholders::Entity::find().all(&app.db().await).await.unwrap().into_iter().map(|s| s.name).collect();
    n.sort();
    n
}

fn problems(import: &Value) -> Vec<(i64, String, String)> {
    import["problems"]
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
        .collect()
}

fn counts(import: &Value) -> [i64; 4] {
    ["rows_total", "rows_inserted", "rows_updated", "rows_rejected"].map(|k| import[k].as_i64().unwrap())
}

#[tokio::test]
async fn csv_with_bom_crlf_semicolons_and_a_quoted_newline_is_read_as_written() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let mut file = b"\xEF\xBB\xBF".to_vec();
    file.extend_from_slice(
        "external_id;name;kind;country;sector;size_class;employees;women_led\r\n\
         S-1;\"Dhaka Looms;\r\nDivision 2\";msme;BGD;C;small;20;yes\r\n\
         S-2;Sylhet Tea;cooperative;BGD;A;micro;;false\r\n"
            .as_bytes(),
    );
    let out = import(&app, &bgd, "", "text/csv; charset=utf-8", file).await;
    assert_eq!((out["status"].as_str(), counts(&out)), (Some("completed"), [2, 2, 0, 0]), "{out}");
    assert_eq!(names(&app).await, vec!["Dhaka Looms;\r\nDivision 2", "Sylhet Tea"]);
    let rows = stakeholders::Entity::find().all(&app.db().await).await.unwrap();
    let looms = rows.iter().find(|s| s.external_id.as_deref() == Some("S-1")).unwrap();
    assert_eq!((looms.employees, looms.women_led, looms.kind.0.as_str()), (Some(20), true, "msme"));
}

#[tokio::test]
async fn tab_separated_lf_json_ndjson_and_xlsx_files_are_read() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let tsv = "external_id\tname\tkind\tcountry\tsector\tsize_class\nT-1\tTab Traders\tmsme\tBGD\tG\tmicro\n";
    assert_eq!(counts(&import(&app, &bgd, "", "text/csv", tsv).await), [1, 1, 0, 0]);
    let json = json!([{"external_id": "J-1", "name": "Json Farms", "kind": "msme", "country": "BGD", "sector": "A",
                       "size_class": "small", "employees": 12, "exporter": true}]);
    assert_eq!(counts(&import(&app, &bgd, "", "application/json", json.to_string()).await), [1, 1, 0, 0]);
    let ndjson = "{\"name\": \"Nd One\", \"kind\": \"msme\", \"country\": \"BGD\", \"sector\": \"C\", \"size_class\": \"micro\"}\n\n\
                  {\"name\": \"Nd Two\", \"kind\": \"association\", \"country\": \"BGD\", \"sector\": \"C\", \"size_class\": \"medium\"}\n";
    assert_eq!(counts(&import(&app, &bgd, "", "application/x-ndjson", ndjson).await), [2, 2, 0, 0]);
    // `?format=` wins over the Content-Type.
    assert_eq!(counts(&import(&app, &bgd, "?format=ndjson", "text/plain", "{\"name\": \"Nd Three\", \"kind\": \"msme\", \"country\": \"BGD\", \"sector\": \"C\", \"size_class\": \"micro\"}").await), [1, 1, 0, 0]);
    // The XLSX template, sent back as it is downloaded, imports its example row.
    let res = app.get("/api/v1/imports/templates/stakeholders.xlsx", &bgd).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], XLSX);
    let xlsx = res.bytes().await.unwrap().to_vec();
    let out = import(&app, &bgd, "", XLSX, xlsx).await;
    assert_eq!((counts(&out), out["format"].as_str()), ([1, 1, 0, 0], Some("xlsx")), "{out}");
    let mut expected = vec!["Chattogram Knitwear Ltd", "Json Farms", "Nd One", "Nd Three", "Nd Two", "Tab Traders"];
    expected.sort_unstable();
    assert_eq!(names(&app).await, expected);
    let knit = stakeholders::Entity::find()
        .filter(stakeholders::Column::ExternalId.eq("STK-BGD-0001"))
        .one(&app.db().await)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (knit.employees, knit.women_led, knit.consent_at.map(|d| d.to_string())),
        (Some(32), true, Some("2026-03-01".into()))
    );
}

#[tokio::test]
async fn the_csv_template_lists_the_codes_and_imports_as_downloaded() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    for kind in ["stakeholders", "impediments"] {
        let res = app.get(&format!("/api/v1/imports/templates/{kind}.csv"), &bgd).await;
        assert_eq!(res.status(), 200);
        let text = res.text().await.unwrap();
        assert!(text.lines().any(|l| l.starts_with("# allowed") && l.contains(" BGD ")), "{text}");
        let out: Value =
            send(&app, &bgd, &format!("/api/v1/imports/{kind}"), "text/csv", text).await.json().await.unwrap();
        assert_eq!((counts(&out), out["status"].as_str()), ([1, 1, 0, 0], Some("completed")), "{kind}: {out}");
    }
    assert!(app.get("/api/v1/imports/templates/stakeholders.pdf", &bgd).await.status() == 404);
    assert!(app.get("/api/v1/imports/templates/widgets.csv", &bgd).await.status() == 404);
}

#[tokio::test]
async fn a_file_that_is_not_utf8_is_refused_naming_the_line_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let mut file = format!("{HEADER}\nA-1,Good One,msme,BGD,C,micro,,\n").into_bytes();
    file.extend_from_slice(b"A-2,Caf\xe9 Latin-1,msme,BGD,C,micro,,\n");
    let p = problem(send(&app, &bgd, "/api/v1/imports/stakeholders", "text/csv", file.clone()).await, 422).await;
    assert_eq!(
        (p["errors"][0]["field"].as_str(), p["errors"][0]["code"].as_str()),
        (Some("file"), Some("invalid_encoding"))
    );
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("line 3"), "{p}");
    // Skipping bad rows does not make a mangled file acceptable.
    let p = problem(send(&app, &bgd, "/api/v1/imports/stakeholders?on_error=skip", "text/csv", file).await, 422).await;
    assert_eq!(p["errors"][0]["code"], "invalid_encoding");
    let p = problem(
        send(
            &app,
            &bgd,
            "/api/v1/imports/stakeholders",
            "application/x-ndjson",
            b"{}\n{\"name\": \"\xff\"}\n".to_vec(),
        )
        .await,
        422,
    )
    .await;
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("line 2"), "{p}");
    assert_eq!(stakeholder_count(&app).await, 0);
    assert_eq!(imports::Entity::find().count(&app.db().await).await.unwrap(), 0, "an unreadable file is no import");
}

#[tokio::test]
async fn bad_parameters_and_unreadable_files_are_422s_naming_what_is_wrong() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let path = "/api/v1/imports/stakeholders";
    let p = problem(send(&app, &bgd, path, "text/plain", "x").await, 422).await;
    assert_eq!(fields(&p), vec!["format"]);
    let p = problem(
        send(&app, &bgd, &format!("{path}?dry_run=maybe&mode=merge&on_error=ignore"), "text/csv", HEADER).await,
        422,
    )
    .await;
    assert_eq!(fields(&p), vec!["dry_run", "mode", "on_error"]);
    let p = problem(send(&app, &bgd, path, "text/csv", "name,colour\nx,red\n").await, 422).await;
    assert_eq!((fields(&p), p["errors"][0]["code"].as_str()), (vec!["file".to_owned()], Some("unknown_column")));
    let p = problem(send(&app, &bgd, path, "application/json", "{\"name\": 1}").await, 422).await;
    assert_eq!(p["errors"][0]["code"], "invalid_format");
    let p = problem(send(&app, &bgd, path, XLSX, "not a zip").await, 422).await;
    assert_eq!(p["errors"][0]["code"], "invalid_format");
    let p =
        problem(send(&app, &bgd, "/api/v1/imports/impediments?mode=upsert", "text/csv", "title\nx\n").await, 422).await;
    assert_eq!(fields(&p), vec!["mode"]);
    // Who may not create stakeholders may not import them.
    let analyst = app.login(ANALYST).await;
    assert_eq!(send(&app, &analyst, path, "text/csv", HEADER).await.status(), 403);
    assert_eq!(stakeholder_count(&app).await, 0);
}

/// Two good rows around two bad ones: a kind that does not exist, and an employee count outside the size
/// class next to a bad country.
fn mixed_file() -> String {
    format!(
        "{HEADER}\nM-1,Good One,msme,BGD,C,micro,5,\nM-2,Bad Kind,firm,BGD,C,micro,,\n\
         M-3,Good Two,msme,BGD,C,small,20,true\nM-4,,msme,XXX,C,micro,300,\n"
    )
}

#[tokio::test]
async fn a_dry_run_checks_every_row_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let before = stakeholder_count(&app).await;
    let good = format!("{HEADER}\nD-1,Dry One,msme,BGD,C,micro,,\nD-2,Dry Two,msme,BGD,C,micro,,\n");
    let out = import(&app, &bgd, "?dry_run=true", "text/csv", good).await;
    assert_eq!(
        (out["dry_run"].as_bool(), out["status"].as_str(), counts(&out)),
        (Some(true), Some("completed"), [2, 2, 0, 0])
    );
    // Rows are checked against each other as a real run would check them: a repeated external id.
    let dup = format!("{HEADER}\nD-1,Dry One,msme,BGD,C,micro,,\nD-1,Dry Again,msme,BGD,C,micro,,\n");
    let out = import(&app, &bgd, "?dry_run=true&on_error=skip", "text/csv", dup).await;
    assert_eq!(problems(&out), vec![(3, "external_id".into(), "taken".into())]);
    assert_eq!(stakeholder_count(&app).await, before, "a dry run writes nothing");
}

#[tokio::test]
async fn by_default_one_bad_row_rejects_the_whole_file() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let out = import(&app, &bgd, "", "text/csv", mixed_file()).await;
    assert_eq!((out["status"].as_str(), counts(&out)), (Some("rejected"), [4, 2, 0, 2]), "{out}");
    assert_eq!(stakeholder_count(&app).await, 0, "nothing of a rejected file is written");
    // The report is kept all the same.
    let kept = app.get_json(&format!("/api/v1/imports/{}", out["id"].as_str().unwrap()), &bgd).await;
    assert_eq!(problems(&kept), problems(&out));
}

#[tokio::test]
async fn skip_mode_writes_the_good_rows_and_reports_every_rejected_value() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let out = import(&app, &bgd, "?on_error=skip", "text/csv", mixed_file()).await;
    assert_eq!((out["status"].as_str(), counts(&out)), (Some("partial"), [4, 2, 0, 2]), "{out}");
    assert_eq!(names(&app).await, vec!["Good One", "Good Two"]);
    // The exact report: the line of each rejected row, the column, and the code `POST /stakeholders` answers.
    let mut report = problems(&out);
    report.sort();
    assert_eq!(
        report,
        vec![
            (3, "kind".into(), "invalid_choice".into()),
            (5, "country".into(), "unknown".into()),
            (5, "employees".into(), "out_of_range".into()),
            (5, "name".into(), "required".into()),
        ]
    );
    let same = app
        .post_json(
            "/api/v1/stakeholders",
            Some(&bgd),
            json!({"name": "", "kind": "msme", "country": "XXX",
        "sector": "C", "size_class": "micro", "employees": 300}),
        )
        .await;
    let mut api: Vec<(String, String)> = problem(same, 422).await["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned()))
        .collect();
    api.sort();
    let row5: Vec<(String, String)> = report.iter().filter(|p| p.0 == 5).map(|p| (p.1.clone(), p.2.clone())).collect();
    assert_eq!(api, row5, "the same codes as the API's 422");
    let id = out["id"].as_str().unwrap();
    let res = app.get(&format!("/api/v1/imports/{id}/report.csv"), &bgd).await;
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "row,column,code,message");
    assert_eq!(lines.len(), 5, "{csv}");
    assert!(lines.iter().any(|l| l.starts_with("3,kind,invalid_choice,")), "{csv}");
}

#[tokio::test]
async fn upsert_changes_the_delegations_own_record_by_external_id() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let first = format!("{HEADER}\nU-1,Old Name,msme,BGD,C,micro,,\n");
    assert_eq!(counts(&import(&app, &bgd, "", "text/csv", first).await), [1, 1, 0, 0]);
    let again = format!("{HEADER}\nU-1,New Name,msme,BGD,C,small,15,\nU-2,Another,msme,BGD,C,micro,,\n");
    let out = import(&app, &bgd, "?mode=upsert", "text/csv", again.clone()).await;
    assert_eq!((out["mode"].as_str(), counts(&out)), (Some("upsert"), [2, 1, 1, 0]), "{out}");
    assert_eq!(names(&app).await, vec!["Another", "New Name"]);
    let u1 = stakeholders::Entity::find()
        .filter(stakeholders::Column::ExternalId.eq("U-1"))
        .one(&app.db().await)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((u1.version, u1.employees, u1.size_class.0.as_str()), (2, Some(15), "small"));
    // In insert mode the same file is refused: the ids are taken.
    let out = import(&app, &bgd, "", "text/csv", again).await;
    assert_eq!(
        problems(&out),
        vec![(2, "external_id".into(), "taken".into()), (3, "external_id".into(), "taken".into())]
    );
}

/// New rows are written in batches of 500 (services/stakeholders/import.rs): a row repeating an external
/// id of a row still waiting in the batch, or of one already written by an earlier batch, is refused as
/// `taken` exactly as a row-at-a-time import refuses it; upsert changes the row queued above it.
#[tokio::test]
async fn rows_repeating_an_external_id_are_caught_inside_and_across_batches() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let mut file = String::from(HEADER);
    for i in 0..1_200 {
        file.push_str(&format!("\nB-{i},Firm {i},msme,BGD,C,micro,,"));
    }
    // Line 1,202 repeats a row of the same (third) batch, line 1,203 one written by the first batch.
    file.push_str("\nB-1100,Again,msme,BGD,C,micro,,\nB-3,Again,msme,BGD,C,micro,,\n");
    let out = import(&app, &bgd, "?on_error=skip", "text/csv", file.clone()).await;
    assert_eq!(counts(&out), [1_202, 1_200, 0, 2], "{out}");
    assert_eq!(
        problems(&out),
        vec![(1_202, "external_id".into(), "taken".into()), (1_203, "external_id".into(), "taken".into())]
    );
    assert_eq!(stakeholder_count(&app).await, 1_200);
    // Atomic: the same file writes nothing more.
    let out = import(&app, &bgd, "", "text/csv", file.replace("B-", "C-")).await;
    assert_eq!(out["status"].as_str(), Some("rejected"), "{out}");
    assert_eq!(stakeholder_count(&app).await, 1_200);
    // Upsert: a row changing the one queued just above it finds it.
    let twice = format!("{HEADER}\nD-1,First,msme,BGD,C,micro,,\nD-1,Second,msme,BGD,C,micro,,\n");
    let out = import(&app, &bgd, "?mode=upsert", "text/csv", twice).await;
    assert_eq!(counts(&out), [2, 1, 1, 0], "{out}");
    let d1 = stakeholders::Entity::find()
        .filter(stakeholders::Column::ExternalId.eq("D-1"))
        .one(&app.db().await)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((d1.name.as_str(), d1.version), ("Second", 2));
}

#[tokio::test]
async fn a_row_for_another_delegations_external_id_is_refused_and_that_record_untouched() {
    let app = TestApp::spawn().await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let npl_file = format!("{HEADER}\nNPL-7,Kathmandu Pashmina,msme,NPL,C,micro,,\n");
    assert_eq!(counts(&import(&app, &npl, "", "text/csv", npl_file).await), [1, 1, 0, 0]);
    let grab = format!("{HEADER}\nNPL-7,Taken Over,msme,BGD,C,micro,,\n");
    let out = import(&app, &bgd, "?mode=upsert", "text/csv", grab).await;
    assert_eq!((out["status"].as_str(), counts(&out)), (Some("rejected"), [1, 0, 0, 1]));
    // The answer `POST /stakeholders` gives for any id in use: nothing says whose it is or what it holds.
    assert_eq!(problems(&out), vec![(2, "external_id".into(), "taken".into())]);
    assert!(!out.to_string().contains("Kathmandu"), "{out}");
    assert_eq!(names(&app).await, vec!["Kathmandu Pashmina"]);
    // Nor may a row name another delegation.
    let npl_delegation = app.delegation_id(&npl, "NPL").await;
    let rows = json!([{"name": "Sneaky", "kind": "msme", "country": "BGD", "sector": "C", "size_class": "micro",
                       "delegation_id": npl_delegation}]);
    let out = import(&app, &bgd, "", "application/json", rows.to_string()).await;
    assert_eq!(problems(&out), vec![(1, "delegation_id".into(), "not_allowed".into())]);
    // And nobody else reads the import or its report.
    let id = out["id"].as_str().unwrap();
    for path in [format!("/api/v1/imports/{id}"), format!("/api/v1/imports/{id}/report.csv")] {
        assert_eq!(app.get(&path, &npl).await.status(), 404, "{path}");
    }
    let admin = app.login(ADMIN).await;
    assert_eq!(app.get(&format!("/api/v1/imports/{id}"), &admin).await.status(), 200);
}

#[tokio::test]
async fn an_import_is_one_audit_event_with_its_counts() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let out = import(&app, &bgd, "?on_error=skip", "text/csv", mixed_file()).await;
    let db = app.db().await;
    let events =
        audit_events::Entity::find().filter(audit_events::Column::Action.eq("import.run")).all(&db).await.unwrap();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.entity_id.as_deref(), out["id"].as_str());
    let changes = e.changes.clone().unwrap();
    assert_eq!(
        [
            &changes["kind"],
            &changes["mode"],
            &changes["dry_run"],
            &changes["rows_total"],
            &changes["rows_inserted"],
            &changes["rows_rejected"]
        ],
        [&json!("stakeholders"), &json!("insert"), &json!(false), &json!(4), &json!(2), &json!(2)]
    );
    let per_row = audit_events::Entity::find()
        .filter(audit_events::Column::Action.eq("stakeholder.create"))
        .count(&db)
        .await
        .unwrap();
    assert_eq!(per_row, 0, "the rows are the import's event, not one each");
    // A dry run and a rejected file are events too.
    import(&app, &bgd, "?dry_run=true", "text/csv", mixed_file()).await;
    let all =
        audit_events::Entity::find().filter(audit_events::Column::Action.eq("import.run")).count(&db).await.unwrap();
    assert_eq!(all, 2);
}

#[tokio::test]
async fn report_cells_cannot_become_spreadsheet_formulas() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let rows = json!([{"name": "X", "kind": "msme", "country": "BGD", "sector": "C", "size_class": "micro", "=HYPERLINK(1)": 1}]);
    let out = import(&app, &bgd, "", "application/json", rows.to_string()).await;
    assert_eq!(problems(&out), vec![(1, "=HYPERLINK(1)".into(), "unknown_field".into())]);
    let csv = app
        .get(&format!("/api/v1/imports/{}/report.csv", out["id"].as_str().unwrap()), &bgd)
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.contains("1,'=HYPERLINK(1),unknown_field,"), "{csv}");
}

#[tokio::test]
async fn impediments_are_imported_with_the_impediment_create_checks() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let file = "reporting_country,partner,hs_code,ntm_code,title,description,severity,topic_ids\n\
                BGD,EU,0306,A14,Residue tests,Every consignment re-tested.,4,\n\
                BGD,EU,0306,Z99,Bad code,Unknown chapter.,9,\n";
    let res = send(&app, &bgd, "/api/v1/imports/impediments?on_error=skip", "text/csv", file).await;
    let out: Value = res.json().await.unwrap();
    assert_eq!((out["kind"].as_str(), counts(&out)), (Some("impediments"), [2, 1, 0, 1]), "{out}");
    let mut report = problems(&out);
    report.sort();
    let cols: Vec<&str> = report.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(cols, vec!["ntm_code", "severity"], "{out}");
    let db = app.db().await;
    let rows = impediments::Entity::find().all(&db).await.unwrap();
    assert_eq!(rows.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), vec!["Residue tests"]);
    // The same as a create: visible to its delegation in the registry, with its first step.
    let listed = app.all_pages("/api/v1/impediments", &bgd).await;
    assert!(listed.iter().any(|i| i["title"] == "Residue tests"));
    let npl = app.login(NPL).await;
    let seen = app.all_pages("/api/v1/impediments", &npl).await;
    assert!(
        !seen.iter().any(|i| i["title"] == "Residue tests"),
        "a delegation-level impediment stays its delegation's"
    );
}

/// The authorization matrices' calls: one-row JSON files for Bangladesh, and an import Bangladesh's
/// delegate ran.
pub(crate) async fn prepare_call(
    app: &TestApp,
    ctx: &crate::matrix::Ctx,
    op: &str,
    template: &str,
    call: &mut crate::matrix::Call,
) {
    let for_bgd = format!("{template}?delegation_id={}", ctx.bgd_delegation);
    match op {
        "import_stakeholders" => {
            call.path = for_bgd;
            call.body = Some(json!([{"name": "Matrix Firm", "kind": "msme", "country": "BGD", "sector": "C",
                                     "size_class": "micro"}]));
        }
        "import_impediments" => {
            call.path = for_bgd;
            call.body = Some(json!([{"reporting_country": "BGD", "partner": "EU", "ntm_code": "A14",
                                     "title": "Matrix", "description": "From a file.", "severity": 2}]));
        }
        "get_import_template" => call.path = template.replace("{file}", "stakeholders.csv"),
        _ => {
            let rows = json!([{"name": "Matrix Firm", "kind": "msme", "country": "BGD", "sector": "C", "size_class": "micro"}]);
            let res = app.post_json("/api/v1/imports/stakeholders?dry_run=true", Some(&ctx.bgd), rows).await;
            assert_eq!(res.status(), 200);
            let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
            call.path = template.replace("{id}", &id);
        }
    }
}
