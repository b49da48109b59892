//! The registry's text search (`q`): what it finds, that it follows every write, that no text is read
//! as search syntax, and that it never reaches a hidden record. On SQLite a text of three characters
//! or more goes through the FTS5 trigram index, a shorter one through `LIKE` alone; on PostgreSQL
//! through the `pg_trgm` indexes. Either way the answer must be the `LIKE` rule's.

use reqwest::{Method, Url};
use serde_json::{json, Value};

use crate::helpers::*;

fn body(title: &str, description: &str) -> Value {
    json!({"reporting_country": "BGD", "partner": "EU", "ntm_code": "A14", "hs_code": "0306",
           "title": title, "description": description, "severity": 3})
}

async fn file(app: &TestApp, token: &str, body: Value) -> String {
    let res = app.post_json("/api/v1/impediments", Some(token), body).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    created["id"].as_str().unwrap().to_owned()
}

/// `/api/v1/impediments?q=…` (or the summary's), with the text encoded as a browser would.
fn with_q(path: &str, q: &str) -> String {
    let url = Url::parse_with_params(&format!("http://test{path}"), [("q", q)]).unwrap();
    format!("{}?{}", url.path(), url.query().unwrap_or_default())
}

/// The titles found for `q`, sorted.
async fn titles(app: &TestApp, token: &str, q: &str) -> Vec<String> {
    let mut t: Vec<String> = app
        .all_pages(&with_q("/api/v1/impediments", q), token)
        .await
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect();
    t.sort();
    t
}

/// The rule the search must keep: title or description contains the trimmed text, case ignored
/// (the test data is ASCII, where every engine's `lower` agrees).
fn like_rule(rows: &[(&str, &str)], q: &str) -> Vec<String> {
    let q = q.trim().to_lowercase();
    let mut t: Vec<String> = rows
        .iter()
        .filter(|(title, description)| title.to_lowercase().contains(&q) || description.to_lowercase().contains(&q))
        .map(|(title, _)| (*title).to_owned())
        .collect();
    t.sort();
    t
}

async fn patch(app: &TestApp, token: &str, id: &str, version: u32, body: Value) {
    let res = app
        .request(Method::PATCH, &format!("/api/v1/impediments/{id}"), Some(token))
        .header("if-match", format!("\"{version}\""))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn search_finds_a_text_in_the_title_or_the_description_whatever_its_case() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    file(&app, &bgd, body("Residue testing of shrimp", "Every consignment is held.")).await;
    file(&app, &bgd, body("Clearance delays", "No COLD storage at the port.")).await;
    file(&app, &bgd, body("Licence fees", "Paid twice.")).await;

    assert_eq!(titles(&app, &bgd, "RESIDUE").await, ["Residue testing of shrimp"]);
    assert_eq!(titles(&app, &bgd, "cold Storage").await, ["Clearance delays"], "in the description");
    assert_eq!(titles(&app, &bgd, "  shrimp  ").await, ["Residue testing of shrimp"], "trimmed");
    assert_eq!(titles(&app, &bgd, "e").await.len(), 3, "one character");
    assert_eq!(titles(&app, &bgd, "Li").await, ["Licence fees"], "two characters");
    assert_eq!(titles(&app, &bgd, "ice").await, ["Licence fees"], "three characters, inside a word");
    assert_eq!(titles(&app, &bgd, "no such text").await, Vec::<String>::new());
    let cells = app.get_json(&with_q("/api/v1/impediments/summary?by=status", "HELD"), &bgd).await;
    assert_eq!(cells["cells"], json!([{"key": ["reported"], "count": 1}]), "the summary searches alike");
    for (by, expected) in [("chapter_partner", 1), ("month", 1), ("sector", 1), ("topic", 0)] {
        let cells = app.get_json(&with_q(&format!("/api/v1/impediments/summary?by={by}"), "consignment"), &bgd).await;
        let counted: i64 = cells["cells"].as_array().unwrap().iter().map(|c| c["count"].as_i64().unwrap()).sum();
        assert_eq!(counted, expected, "by = {by}");
    }
}

#[tokio::test]
async fn search_follows_every_change_of_the_text_and_forgets_a_deleted_record() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let id = file(&app, &bgd, body("Fumigation certificate refused", "At the first port.")).await;
    let other = file(&app, &bgd, body("Unrelated", "Nothing to see.")).await;

    patch(&app, &bgd, &id, 1, json!({"title": "Phytosanitary certificate refused"})).await;
    assert!(titles(&app, &bgd, "fumigation").await.is_empty(), "the old word is gone");
    assert_eq!(titles(&app, &bgd, "phytosanitary").await, ["Phytosanitary certificate refused"]);
    assert_eq!(titles(&app, &bgd, "first port").await, ["Phytosanitary certificate refused"], "description kept");

    patch(&app, &bgd, &id, 2, json!({"description": "At every port of entry."})).await;
    assert!(titles(&app, &bgd, "first port").await.is_empty());
    assert_eq!(titles(&app, &bgd, "port of entry").await, ["Phytosanitary certificate refused"]);

    let res = app.request(Method::DELETE, &format!("/api/v1/impediments/{id}"), Some(&bgd)).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert!(titles(&app, &bgd, "phytosanitary").await.is_empty());
    assert!(titles(&app, &bgd, "port of entry").await.is_empty());

    // A workflow step writes neither title nor description: the record is found as before.
    let step = app
        .post_json(
            &format!("/api/v1/impediments/{other}/steps"),
            Some(&bgd),
            json!({"to": "under_review", "note": "x"}),
        )
        .await;
    assert_eq!(step.status(), 200);
    assert_eq!(titles(&app, &bgd, "see").await, ["Unrelated"]);
    assert_eq!(titles(&app, &bgd, "unrelated").await, ["Unrelated"]);
}

#[tokio::test]
async fn search_syntax_in_a_text_is_plain_text_and_matches_no_more_than_the_like_rule() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let rows: &[(&str, &str)] = &[
        (r#"He said "a" OR b twice"#, "Quoted."),
        ("Alpha and beta", "Either or both."),
        ("Literally foo* here", "Star."),
        ("Tariff on food", "Foods and fools."),
        ("Clause NEAR(a b) cited", "Near."),
        ("Minus -x sign", "Dash."),
        ("Pair col:val written", "Colon."),
        ("Full 100% tariff", "Percent."),
        ("under_score name", "Underscore."),
        (r"back\slash path", "Backslash."),
        ("^caret start", "Caret."),
    ];
    for (title, description) in rows {
        file(&app, &bgd, body(title, description)).await;
    }
    for q in [
        r#""a" OR b"#,
        "a OR b",
        "foo*",
        "foo",
        "NEAR(a b)",
        "NEAR",
        "-x",
        "col:val",
        "title:alpha",
        "%",
        "100%",
        "_",
        "r_s",
        r"\",
        r"k\s",
        "^caret",
        "alpha AND beta",
        "alpha AND both",
        "\"",
        "\"\"\"",
        "(a",
        "*",
        "a:",
    ] {
        let res = app.get(&with_q("/api/v1/impediments", q), &bgd).await;
        assert_eq!(res.status(), 200, "q = {q}");
        assert_eq!(titles(&app, &bgd, q).await, like_rule(rows, q), "q = {q}");
    }
    // The rule is not vacuous: the literal texts are found, the would-be operators find nothing more.
    assert_eq!(titles(&app, &bgd, r#""a" OR b"#).await, [r#"He said "a" OR b twice"#]);
    assert_eq!(titles(&app, &bgd, "foo*").await, ["Literally foo* here"]);
    assert_eq!(titles(&app, &bgd, "NEAR(a b)").await, ["Clause NEAR(a b) cited"]);
    assert_eq!(titles(&app, &bgd, "100%").await, ["Full 100% tariff"]);
    assert_eq!(titles(&app, &bgd, r"k\s").await, [r"back\slash path"]);
    assert_eq!(titles(&app, &bgd, "alpha AND beta").await, ["Alpha and beta"], "AND is a word like any");
    assert!(titles(&app, &bgd, "alpha AND both").await.is_empty(), "not title AND description");
}

#[tokio::test]
async fn search_never_reaches_a_record_hidden_from_the_caller() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    file(&app, &bgd, body("Quarantine detention, private", "Mangoes held.")).await;
    let mut shared = body("Quarantine detention, shared", "Mangoes held.");
    shared["visibility"] = json!("regional");
    file(&app, &bgd, shared).await;

    for q in ["quarantine", "private", "mangoes", "ma", "p"] {
        let theirs = titles(&app, &npl, q).await;
        assert!(!theirs.contains(&"Quarantine detention, private".to_owned()), "q = {q}");
    }
    assert_eq!(titles(&app, &npl, "quarantine").await, ["Quarantine detention, shared"]);
    assert_eq!(titles(&app, &bgd, "quarantine").await.len(), 2, "the owner sees both");
    let cells = app.get_json(&with_q("/api/v1/impediments/summary?by=status", "mangoes"), &npl).await;
    assert_eq!(cells["cells"], json!([{"key": ["reported"], "count": 1}]), "nor counts it");
}
