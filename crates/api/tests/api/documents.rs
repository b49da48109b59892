//! The document library (issue 10): create, list, change; uploads judged by their content, the size
//! limit, text extraction found by search; downloads with a safe `Content-Disposition`; and the
//! confidentiality attacks — another delegation's `delegation`-level document is never found, counted,
//! read, downloaded or cited.

use reqwest::{Method, Response};
use serde_json::{json, Value};

use crate::evidence_fixtures::{cite, prep_item, Owner};
use crate::helpers::*;

pub(crate) const BOUNDARY: &str = "gmc-test-boundary-7d3f";

/// A `multipart/form-data` body: `(part name, file name, bytes)`.
pub(crate) fn form(parts: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, file, bytes) in parts {
        out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        let head = match file {
            Some(f) => format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n\
                 Content-Type: application/pdf\r\n\r\n"
            ),
            None => format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"),
        };
        out.extend_from_slice(head.as_bytes());
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    out
}

pub(crate) fn form_content_type() -> String {
    format!("multipart/form-data; boundary={BOUNDARY}")
}

pub(crate) async fn upload(app: &TestApp, token: &str, id: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Response {
    app.request(Method::POST, &format!("/api/v1/documents/{id}/versions"), Some(token))
        .header("content-type", form_content_type())
        .body(form(parts))
        .send()
        .await
        .unwrap()
}

pub(crate) async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post_json("/api/v1/documents", Some(token), body).await;
    assert_eq!(res.status(), 201, "create");
    res.json().await.unwrap()
}

fn note(title: &str, visibility: &str, body: &str) -> Value {
    json!({"kind": "briefing_note", "title": title, "visibility": visibility, "body_markdown": body})
}

async fn search(app: &TestApp, token: &str, q: &str) -> Value {
    let q: String = q.bytes().map(|b| format!("%{b:02X}")).collect();
    app.get_json(&format!("/api/v1/documents/search?q={q}"), token).await
}

fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["document"]["title"].as_str().or(h["title"].as_str()).unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_delegate_writes_a_note_lists_it_filtered_and_changes_it() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let fish = app.get_json("/api/v1/topics/FISH", &bgd).await["id"].clone();
    let d = create(
        &app,
        &bgd,
        json!({"kind": "briefing_note", "title": "Fisheries: where the text stands",
        "visibility": "delegation", "topic_ids": [fish], "body_markdown": "## State\n\nStill open."}),
    )
    .await;
    assert_eq!(d["current_version"], 1);
    assert_eq!(d["body_markdown"], "## State\n\nStill open.");
    assert_eq!(d["owner"]["code"], "BGD");
    assert_eq!(d["can_edit"], true);
    create(&app, &bgd, json!({"kind": "minutes", "title": "Minutes of the LDC group", "visibility": "regional"})).await;

    let page = app.get_json("/api/v1/documents?kind=briefing_note&topic=FISH", &bgd).await;
    assert_eq!(titles(&page), vec!["Fisheries: where the text stands"]);
    assert_eq!(page["total"], 1);
    let page = app.get_json("/api/v1/documents?sort=title", &bgd).await;
    assert_eq!(titles(&page), vec!["Fisheries: where the text stands", "Minutes of the LDC group"]);
    let bad = problem(app.get("/api/v1/documents?kind=novel&sort=size", &bgd).await, 422).await;
    assert_eq!(fields(&bad), vec!["sort", "kind"]);

    let id = d["id"].as_str().unwrap();
    let res = app
        .request(Method::PATCH, &format!("/api/v1/documents/{id}"), Some(&bgd))
        .header("if-match", "\"1\"")
        .json(&json!({"title": "Fisheries: the overcapacity pillar", "visibility": "regional"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // The title is searchable under its new words at once: the index is kept in the same transaction.
    assert_eq!(titles(&search(&app, &bgd, "overcapacity").await), vec!["Fisheries: the overcapacity pillar"]);
    assert_eq!(search(&app, &bgd, "where").await["total"], 0);
    let bad =
        app.post_json("/api/v1/documents", Some(&bgd), json!({"kind": "poem", "title": " ", "visibility": "x"})).await;
    assert_eq!(fields(&problem(bad, 422).await), vec!["kind", "title", "visibility"]);
}

#[tokio::test]
async fn platform_documents_are_published_by_analysts_not_by_delegates() {
    let app = TestApp::spawn().await;
    let (analyst, bgd) = (app.login(ANALYST).await, app.login(BGD).await);
    let d = create(&app, &analyst, note("Regional update: November", "regional", "Tariff news.")).await;
    assert!(d["owner"].is_null());
    let bgd_delegation = app.delegation_id(&bgd, "BGD").await;
    let res = app
        .post_json(
            "/api/v1/documents",
            Some(&analyst),
            json!({"kind": "minutes", "title": "x", "visibility": "regional", "delegation_id": bgd_delegation}),
        )
        .await;
    assert_eq!(res.status(), 403, "an analyst writes no delegation's documents");
    let npl = app.delegation_id(&bgd, "NPL").await;
    let res = app
        .post_json(
            "/api/v1/documents",
            Some(&bgd),
            json!({"kind": "minutes", "title": "x", "visibility": "regional",
            "delegation_id": npl}),
        )
        .await;
    assert_eq!(res.status(), 403, "a delegate writes only their own delegation's");
    let res = app.post_json("/api/v1/documents", Some(&analyst), note("Hidden", "delegation", "x")).await;
    assert_eq!(fields(&problem(res, 422).await), vec!["visibility"]);
    // Bangladesh reads the regional update but may not change it or add to it.
    let id = d["id"].as_str().unwrap();
    assert_eq!(app.get_json(&format!("/api/v1/documents/{id}"), &bgd).await["can_edit"], false);
    let res = upload(&app, &bgd, id, &[("body_markdown", None, b"# Mine now")]).await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn uploads_are_judged_by_their_content_and_their_size() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let d = create(&app, &bgd, json!({"kind": "research_study", "title": "Study", "visibility": "delegation"})).await;
    let id = d["id"].as_str().unwrap();
    let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00\x01\x00\x00\x00";
    let res = upload(&app, &bgd, id, &[("file", Some("report.pdf"), elf)]).await;
    let p = problem(res, 422).await;
    assert_eq!(fields(&p), vec!["file"]);
    assert_eq!(p["errors"][0]["code"], "unsupported_type");
    let pe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8\x00\x00\x00";
    assert_eq!(
        problem(upload(&app, &bgd, id, &[("file", Some("report.pdf"), pe)]).await, 422).await["errors"][0]["field"],
        "file"
    );
    let p = problem(upload(&app, &bgd, id, &[("file", Some("empty.pdf"), b"")]).await, 422).await;
    assert_eq!(p["errors"][0]["code"], "empty");
    // The test server's limit is 1 MiB; one byte more is refused, and the whole answer still arrives.
    let big = vec![b'a'; 1024 * 1024 + 1];
    let p = problem(upload(&app, &bgd, id, &[("file", Some("big.md"), &big)]).await, 422).await;
    assert_eq!((p["errors"][0]["field"].as_str(), p["errors"][0]["code"].as_str()), (Some("file"), Some("too_large")));
    // A form with nothing in it (an empty text, no file); a body that is no form at all is a 400.
    let p = problem(upload(&app, &bgd, id, &[("body_markdown", None, b"  ")]).await, 422).await;
    assert_eq!(fields(&p), vec!["file"]);
    assert_eq!(problem(upload(&app, &bgd, id, &[]).await, 400).await["status"], 400);
    let p = problem(upload(&app, &bgd, id, &[("comment", None, b"hi")]).await, 422).await;
    assert_eq!(fields(&p), vec!["comment"]);
    let res = app
        .request(Method::POST, &format!("/api/v1/documents/{id}/versions"), Some(&bgd))
        .json(&json!({"body_markdown": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    // Nothing refused left a version behind.
    assert_eq!(app.get_json(&format!("/api/v1/documents/{id}/versions"), &bgd).await["items"], json!([]));

    // Exactly the limit is accepted (Markdown: valid UTF-8 text).
    let fits = vec![b'a'; 1024 * 1024];
    assert_eq!(upload(&app, &bgd, id, &[("file", Some("fits.md"), &fits)]).await.status(), 201);
}

#[tokio::test]
async fn a_pdfs_and_a_docxs_words_are_found_by_search_and_downloads_are_safe() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let d =
        create(&app, &bgd, json!({"kind": "research_study", "title": "Jute study", "visibility": "delegation"})).await;
    let id = d["id"].as_str().unwrap();
    let pdf = gmc_store::services::documents::content::pdf_with_text(&["Tariff quotas on hessian sacks", "page end"]);
    let res = upload(&app, &bgd, id, &[("file", Some("../R\u{e9}sum\u{e9} 2026 <v2>.pdf"), &pdf)]).await;
    assert_eq!(res.status(), 201);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["current"]["media_type"], "application/pdf");
    let number = v["current_version"].as_i64().unwrap();
    let hits = search(&app, &bgd, "hessian").await;
    assert_eq!(titles(&hits), vec!["Jute study"]);
    let parts = hits["items"][0]["snippet"].as_array().unwrap();
    assert!(parts
        .iter()
        .any(|p| p["highlight"] == true && p["text"].as_str().unwrap().eq_ignore_ascii_case("hessian")));

    let res = app.get(&format!("/api/v1/documents/{id}/versions/{number}/download"), &bgd).await;
    assert_eq!(res.status(), 200);
    let h = |n: &str| res.headers().get(n).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(h("x-content-type-options"), "nosniff");
    assert_eq!(h("content-type"), "application/pdf");
    let cd = h("content-disposition");
    assert_eq!(
        cd,
        "attachment; filename=\"R_sum_ 2026 _v2_.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%202026%20%3Cv2%3E.pdf"
    );
    assert_eq!(res.bytes().await.unwrap().as_ref(), pdf.as_slice());

    // A stored name built to end the header and start another (as a client other than a browser could
    // send it): the download's headers stay two, quoted, on one line.
    let db = app.db().await;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    gmc_store::entities::document_versions::Entity::update_many()
        .col_expr(
            gmc_store::entities::document_versions::Column::FileName,
            sea_orm::sea_query::Expr::value("evil\"; filename=x.exe\r\nSet-Cookie: session=stolen; x=.pdf"),
        )
        .filter(gmc_store::entities::document_versions::Column::Number.eq(number))
        .exec(&db)
        .await
        .unwrap();
    let res = app.get(&format!("/api/v1/documents/{id}/versions/{number}/download"), &bgd).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("set-cookie").is_none());
    let cd = res.headers().get("content-disposition").unwrap().to_str().unwrap().to_owned();
    assert!(cd.starts_with("attachment; filename=\"evil__ filename_x.exeSet-Cookie_ session_stolen_ x_.pdf\"; filename*=UTF-8''evil%22%3B%20"), "{cd}");

    let docx = gmc_store::services::documents::content::docx_with_text(&["Cold chain for mangosteen exports"]);
    let d2 = create(&app, &bgd, json!({"kind": "submission", "title": "Cold chain", "visibility": "delegation"})).await;
    let res = upload(&app, &bgd, d2["id"].as_str().unwrap(), &[("file", Some("cold.docx"), &docx)]).await;
    assert_eq!(res.status(), 201);
    assert_eq!(titles(&search(&app, &bgd, "mangosteen").await), vec!["Cold chain"]);

    // A file that claims to be a PDF but does not parse is kept, with a warning, and no 500.
    let res = upload(&app, &bgd, id, &[("file", Some("broken.pdf"), b"%PDF-1.7\nthis is not a pdf at all")]).await;
    assert_eq!(res.status(), 201);
    let v: Value = res.json().await.unwrap();
    assert!(v["current"]["extraction_warning"].as_str().is_some_and(|w| !w.is_empty()));
    // The older version's words are no longer the document's: search reads the current version.
    assert_eq!(search(&app, &bgd, "hessian").await["total"], 0);
}

#[tokio::test]
async fn nepal_never_finds_counts_reads_downloads_or_cites_bangladeshs_confidential_document() {
    let app = TestApp::spawn().await;
    let (bgd, npl, analyst, admin) =
        (app.login(BGD).await, app.login(NPL).await, app.login(ANALYST).await, app.login(ADMIN).await);
    let secret = "zanthoxylum";
    let d =
        create(&app, &bgd, note("Our fallback position", "delegation", &format!("We accept {secret} quotas."))).await;
    let id = d["id"].as_str().unwrap();
    let pdf = gmc_store::services::documents::content::pdf_with_text(&["the quinquereme clause"]);
    assert_eq!(upload(&app, &bgd, id, &[("file", Some("a.pdf"), &pdf)]).await.status(), 201);
    // Nepal's own public decoy with the same word, so a leak would show up as a second hit.
    create(&app, &npl, note("Nepal on quinquereme", "regional", "Nothing secret.")).await;

    for word in ["quinquereme", "fallback", "quinquereme*", "\"fallback position\""] {
        let hits = search(&app, &npl, word).await;
        assert!(!titles(&hits).contains(&"Our fallback position".to_owned()), "{word}: {hits}");
        let analyst_hits = search(&app, &analyst, word).await;
        assert!(!titles(&analyst_hits).contains(&"Our fallback position".to_owned()), "analyst, {word}");
    }
    assert_eq!(search(&app, &npl, "fallback").await["total"], 0, "not even a count");
    assert_eq!(search(&app, &bgd, "quinquereme").await["total"], 2);
    assert_eq!(search(&app, &admin, "quinquereme").await["total"], 2);
    assert_eq!(app.get_json("/api/v1/documents?q=fallback", &npl).await["total"], 0);
    assert_eq!(app.get(&format!("/api/v1/documents/{id}"), &npl).await.status(), 404);
    assert_eq!(app.get(&format!("/api/v1/documents/{id}/versions"), &npl).await.status(), 404);
    assert_eq!(app.get(&format!("/api/v1/documents/{id}/versions/2/download"), &npl).await.status(), 404);
    assert_eq!(app.get(&format!("/api/v1/documents/{id}/versions/2/download"), &bgd).await.status(), 200);
    let res = upload(&app, &npl, id, &[("body_markdown", None, b"overwrite")]).await;
    assert_eq!(res.status(), 404);

    // Citing it from Nepal's prep item gets the words of a document that does not exist.
    let npl_delegation = app.delegation_id(&npl, "NPL").await;
    let item = prep_item(&app, Owner::Delegation(&npl_delegation), "delegation", &[]).await;
    let link = |target: &str| json!({"target_kind": "document", "target_id": target, "note": "see"});
    let hidden = problem(cite(&app, &npl, &item, link(id)).await, 422).await;
    let missing = problem(cite(&app, &npl, &item, link(&uuid::Uuid::new_v4().to_string())).await, 422).await;
    assert_eq!(hidden["errors"], missing["errors"]);
    // Bangladesh cites its own document; Nepal reading Bangladesh's links would not see it either.
    let bgd_delegation = app.delegation_id(&bgd, "BGD").await;
    let bgd_item = prep_item(&app, Owner::Delegation(&bgd_delegation), "delegation", &[]).await;
    assert_eq!(cite(&app, &bgd, &bgd_item, link(id)).await.status(), 201);
}

#[tokio::test]
async fn search_syntax_is_taken_literally_never_a_server_error() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    create(&app, &bgd, note("Near and far", "regional", "NEAR AND OR NOT fish* \"quoted\" col:umn")).await;
    for q in [
        "NEAR(fish far)",
        "\"unbalanced",
        "fish*",
        "*",
        "AND",
        "OR NOT",
        "a:b",
        "-fish",
        "(((",
        "^fish",
        "fish OR",
        "near/3",
        "'; DROP TABLE documents; --",
        "\u{e000}mark\u{e001}",
    ] {
        let url = format!("/api/v1/documents/search?q={}", q.bytes().map(|b| format!("%{b:02X}")).collect::<String>());
        let status = app.get(&url, &bgd).await.status().as_u16();
        assert!(status == 200 || status == 422, "{q}: {status}");
    }
    assert_eq!(titles(&search(&app, &bgd, "fish*").await), vec!["Near and far"]);
    assert_eq!(titles(&search(&app, &bgd, "NEAR").await), vec!["Near and far"]);
    // A trailing `*` is a prefix on both engines (PostgreSQL's websearch syntax has none of its own).
    assert_eq!(titles(&search(&app, &bgd, "qu*").await), vec!["Near and far"]);
    assert_eq!(titles(&search(&app, &bgd, "fa* nea*").await), vec!["Near and far"]);
    let p = problem(app.get("/api/v1/documents/search", &bgd).await, 422).await;
    assert_eq!(fields(&p), vec!["q"]);
    let p = problem(app.get("/api/v1/documents/search?q=fish&limit=500", &bgd).await, 422).await;
    assert_eq!(fields(&p), vec!["limit"]);
}

/// A snippet as text, highlights in brackets.
fn marked(hit: &Value) -> String {
    hit["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let text = p["text"].as_str().unwrap();
            if p["highlight"] == true {
                format!("[{text}]")
            } else {
                text.to_owned()
            }
        })
        .collect()
}

#[tokio::test]
async fn a_snippet_shows_words_and_phrases_where_they_occur_deep_in_a_long_text() {
    // PostgreSQL cuts the text around the words before `ts_headline` parses it; the cut must still hold
    // the words, and a phrase where it occurs, not where its words first appear apart.
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let filler = |n: usize| "lorem ".repeat(n);
    let body =
        format!("supply {}chain {}hessian {}supply chain {}", filler(300), filler(600), filler(200), filler(100));
    create(&app, &bgd, note("Sacks", "delegation", &body)).await;

    let hits = search(&app, &bgd, "hessian").await;
    assert_eq!(titles(&hits), vec!["Sacks"]);
    let snippet = marked(&hits["items"][0]);
    assert!(snippet.contains("[hessian]"), "{snippet}");

    let hits = search(&app, &bgd, "\"supply chain\"").await;
    assert_eq!(titles(&hits), vec!["Sacks"]);
    let snippet = marked(&hits["items"][0]);
    assert!(snippet.contains("[supply] [chain]") || snippet.contains("[supply chain]"), "{snippet}");

    // Two words whose first occurrences are 1,800 characters apart: both are in the snippet's text.
    let hits = search(&app, &bgd, "supply chain").await;
    let snippet = marked(&hits["items"][0]);
    assert!(snippet.contains("[supply]") && snippet.contains("[chain]"), "{snippet}");
}
