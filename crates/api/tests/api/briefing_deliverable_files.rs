//! A confidential briefing request's deliverable (issue 10): the assigned analyst files it under the
//! requesting delegation at the request's `delegation` visibility and uploads its file; the requester reads,
//! downloads and finds it; no other delegation, and no other analyst, can — through the document, its
//! download, the library list or search — and the analyst's write ends when the work does.

use serde_json::json;

use crate::briefings::{create, step};
use crate::documents::upload;
use crate::helpers::*;

fn q(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

fn hits(page: &serde_json::Value) -> usize {
    page["items"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn the_assigned_analyst_delivers_a_confidential_pdf_only_the_requester_reads() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let analyst = app.login(ANALYST).await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let other =
        json!({"email": "analyst2@gmc.test", "name": "Second Analyst", "password": PASSWORD, "role": "analyst"});
    assert_eq!(app.post_json("/api/v1/users", Some(&admin), other).await.status(), 201);
    let analyst2 = app.login("analyst2@gmc.test").await;

    let r = create(&app, &bgd, json!({"visibility": "delegation"})).await;
    let id = r["id"].as_str().unwrap();
    let path = format!("/api/v1/briefing-requests/{id}/deliverable-documents");
    let title = json!({"title": "Jute sacks: the quota answer"});
    // Not before an analyst took it (no one is its analyst yet), not by the requester, not by another analyst.
    problem(app.post_json(&path, Some(&analyst), title.clone()).await, 403).await;
    let due = (chrono::Utc::now().date_naive() + chrono::Duration::days(5)).to_string();
    assert_eq!(step(&app, &analyst, id, json!({"to": "accepted", "due_date": due})).await.status(), 200);
    problem(app.post_json(&path, Some(&bgd), title.clone()).await, 403).await;
    problem(app.post_json(&path, Some(&analyst2), title.clone()).await, 404).await;
    problem(app.post_json(&path, Some(&npl), title.clone()).await, 404).await;
    problem(app.post_json(&path, Some(&analyst), json!({"title": " "})).await, 422).await;

    let res = app.post_json(&path, Some(&analyst), title).await;
    assert_eq!(res.status(), 201);
    let doc: serde_json::Value = res.json().await.unwrap();
    let doc_id = doc["id"].as_str().or(doc["document"]["id"].as_str()).unwrap().to_owned();
    let d = if doc["document"].is_object() { &doc["document"] } else { &doc };
    assert_eq!(d["visibility"], "delegation");
    assert_eq!(d["owner"]["code"], "BGD");
    assert_eq!(d["can_edit"], true, "the assigned analyst may upload its file");

    let word = "hessianquotaxyz";
    let pdf = gmc_store::services::documents::content::pdf_with_text(&[&format!("Tariff quotas {word} on sacks")]);
    // The second analyst may neither upload to it nor read it.
    problem(upload(&app, &analyst2, &doc_id, &[("file", Some("answer.pdf"), &pdf)]).await, 404).await;
    problem(upload(&app, &npl, &doc_id, &[("file", Some("answer.pdf"), &pdf)]).await, 404).await;
    assert_eq!(upload(&app, &analyst, &doc_id, &[("file", Some("answer.pdf"), &pdf)]).await.status(), 201);
    let listed = app.get_json(&format!("/api/v1/briefing-requests/{id}/deliverables"), &analyst).await;
    assert_eq!(listed["items"][0]["document_id"], doc_id.as_str(), "the analyst sees the deliverable filed");
    for s in ["in_progress", "in_review", "delivered"] {
        assert_eq!(step(&app, &analyst, id, json!({"to": s})).await.status(), 200, "{s}");
    }

    // The requester reads, downloads and finds it.
    let doc_path = format!("/api/v1/documents/{doc_id}");
    assert_eq!(app.get(&doc_path, &bgd).await.status(), 200);
    assert_eq!(app.get(&format!("{doc_path}/versions/1/download"), &bgd).await.status(), 200);
    assert_eq!(hits(&app.get_json(&format!("/api/v1/documents/search?q={}", q(word)), &bgd).await), 1);
    // The assigned analyst still reads it (their work), but writes no more.
    assert_eq!(app.get(&doc_path, &analyst).await.status(), 200);
    problem(upload(&app, &analyst, &doc_id, &[("file", Some("again.pdf"), &pdf)]).await, 403).await;
    problem(app.post_json(&path, Some(&analyst), json!({"title": "Late"})).await, 409).await;
    // Nobody else: not Nepal, not the other analyst — by id, download, search or the library list.
    for token in [&npl, &analyst2] {
        problem(app.get(&doc_path, token).await, 404).await;
        problem(app.get(&format!("{doc_path}/versions/1/download"), token).await, 404).await;
        assert_eq!(hits(&app.get_json(&format!("/api/v1/documents/search?q={}", q(word)), token).await), 0);
        let all = app.all_pages("/api/v1/documents", token).await;
        assert!(all.iter().all(|x| x["id"] != doc_id.as_str()), "listed to another reader");
    }
}
