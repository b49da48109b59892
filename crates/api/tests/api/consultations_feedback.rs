//! The public page's issue-9 gaps over HTTP: a consultation's title and description in its languages
//! (checked against them, served with a fallback per field), who asks, and the "you said, we did" note —
//! published by the owners once the consultation is closed, refused before, to other delegations and to
//! stakeholders, audited, and shown on the public link in the respondent's language.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

fn body(extra: Value) -> Value {
    let mut b = json!({"title": "Exporting shrimp in 2026", "description": "Ten minutes on exporting.",
        "languages": ["bn"], "questions": [
        {"code": "q1", "kind": "single_choice", "required": true,
         "prompt": {"en": "Do you export?", "bn": "আপনি কি রপ্তানি করেন?"},
         "options": [{"id": "yes", "label": {"en": "Yes", "bn": "হ্যাঁ"}}, {"id": "no", "label": {"en": "No", "bn": "না"}}]}]});
    if let (Some(b), Some(extra)) = (b.as_object_mut(), extra.as_object()) {
        b.extend(extra.clone());
    }
    b
}

async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post_json("/api/v1/consultations", Some(token), body).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn set_status(app: &TestApp, token: &str, c: &Value, status: &str) -> Value {
    let res = app
        .request(Method::POST, &format!("/api/v1/consultations/{}/status", c["id"].as_str().unwrap()), Some(token))
        .header("if-match", format!("\"{}\"", c["version"]))
        .json(&json!({"status": status}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{status}");
    res.json().await.unwrap()
}

async fn public(app: &TestApp, c: &Value, lang: &str) -> Value {
    let path = format!("/api/v1/public/consultations/{}?lang={lang}", c["token"].as_str().unwrap());
    let res = app.request(Method::GET, &path, None).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn put_feedback(app: &TestApp, token: &str, c: &Value, version: Option<i64>, texts: Value) -> reqwest::Response {
    let mut rb = app
        .request(Method::PUT, &format!("/api/v1/consultations/{}/feedback", c["id"].as_str().unwrap()), Some(token))
        .json(&json!({"texts": texts}));
    if let Some(v) = version {
        rb = rb.header("if-match", format!("\"{v}\""));
    }
    rb.send().await.unwrap()
}

#[tokio::test]
async fn titles_are_translated_per_language_checked_against_the_consultations_and_served_with_a_fallback() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let before = app.all_pages("/api/v1/consultations", &bgd).await.len();
    let bad = body(json!({"translations": {"xx": {"title": "?"}, "ne": {"title": "निर्यात"}, "en": {"title": "Again"},
                                           "bn": {"title": "রপ্তানি", "description": "x\u{0007}"}}}));
    let p = problem(app.post_json("/api/v1/consultations", Some(&bgd), bad).await, 422).await;
    assert_eq!(
        fields(&p),
        vec!["translations.bn.description", "translations.en", "translations.ne", "translations.xx"],
        "{p}"
    );
    assert_eq!(app.all_pages("/api/v1/consultations", &bgd).await.len(), before, "a refused create writes nothing");

    let c = create(&app, &bgd, body(json!({"translations": {"bn": {"title": " ২০২৬ সালে চিংড়ি রপ্তানি "}}}))).await;
    assert_eq!(c["translations"], json!({"bn": {"title": "২০২৬ সালে চিংড়ি রপ্তানি", "description": ""}}));
    let c = set_status(&app, &bgd, &c, "open").await;
    let bn = public(&app, &c, "bn-BD").await;
    assert_eq!(bn["title"], "২০২৬ সালে চিংড়ি রপ্তানি");
    assert_eq!(bn["description"], "Ten minutes on exporting.", "an untranslated description falls back to English");
    let bgd_name = app.get_json(&format!("/api/v1/delegations/{}", c["delegation_id"].as_str().unwrap()), &bgd).await;
    assert_eq!(bn["asked_by"], bgd_name["name"], "the page says who asks");
    assert_eq!(bn["asked_by_country"], "BGD", "…and the country, which the page names in the respondent's language");
    assert_eq!(bn["feedback"], Value::Null);
    let en = public(&app, &c, "en").await;
    assert_eq!(
        (en["title"].as_str(), en["description"].as_str()),
        (Some("Exporting shrimp in 2026"), Some("Ten minutes on exporting."))
    );

    // Translations change in any status; a language the consultation lacks is still refused, naming it.
    let patch = |v: i64, b: Value| {
        app.request(Method::PATCH, &format!("/api/v1/consultations/{}", c["id"].as_str().unwrap()), Some(&bgd))
            .header("if-match", format!("\"{v}\""))
            .json(&b)
            .send()
    };
    let v = c["version"].as_i64().unwrap();
    let p = problem(patch(v, json!({"translations": {"si": {"title": "අපනයන"}}})).await.unwrap(), 422).await;
    assert_eq!(fields(&p), vec!["translations.si"]);
    let res = patch(v, json!({"translations": {"bn": {"title": "চিংড়ি", "description": "রপ্তানি নিয়ে দশ মিনিট।"}}}))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let bn = public(&app, &c, "bn").await;
    assert_eq!((bn["title"].as_str(), bn["description"].as_str()), (Some("চিংড়ি"), Some("রপ্তানি নিয়ে দশ মিনিট।")));

    // A draft that drops a language drops its translation with it.
    let d = create(&app, &bgd, body(json!({"translations": {"bn": {"title": "খসড়া"}}}))).await;
    let res = app
        .request(Method::PATCH, &format!("/api/v1/consultations/{}", d["id"].as_str().unwrap()), Some(&bgd))
        .header("if-match", "\"1\"")
        .json(&json!({"languages": [], "questions": [{"code": "q1", "kind": "text", "prompt": {"en": "Anything?"}}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["translations"], json!({}));
}

#[tokio::test]
async fn the_owners_publish_a_note_once_closed_and_the_public_link_shows_it_in_the_respondents_language() {
    let app = TestApp::spawn().await;
    let (bgd, npl, analyst, admin) =
        (app.login(BGD).await, app.login(NPL).await, app.login(ANALYST).await, app.login(ADMIN).await);
    let note = json!({"en": "You said testing stalls shipments.\n\nWe raised it at the SPS Committee.",
                      "bn": "আপনারা বলেছেন পরীক্ষায় চালান আটকে যায়।"});

    // A draft and an open consultation refuse it, saying why.
    let draft = create(&app, &bgd, body(json!({}))).await;
    let p = problem(put_feedback(&app, &bgd, &draft, Some(1), note.clone()).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("close it"), "{p}");
    let c = set_status(&app, &bgd, &draft, "open").await;
    let v = c["version"].as_i64();
    problem(put_feedback(&app, &bgd, &c, v, note.clone()).await, 409).await;
    let c = set_status(&app, &bgd, &c, "closed").await;
    let v = c["version"].as_i64();
    assert_eq!(public(&app, &c, "bn").await["feedback"], Value::Null, "closed, no note yet: the closed screen");

    // Other delegations and the analyst do not see a delegation-level consultation (404); a stakeholder account
    // neither; without If-Match 428; a stale version 412.
    problem(put_feedback(&app, &npl, &c, v, note.clone()).await, 404).await;
    problem(put_feedback(&app, &analyst, &c, v, note.clone()).await, 404).await;
    let firm = json!({"email": "feedback.firm@gmc.test", "name": "Firm", "password": PASSWORD, "role": "stakeholder"});
    assert_eq!(app.post_json("/api/v1/users", Some(&admin), firm).await.status(), 201);
    let firm = app.login("feedback.firm@gmc.test").await;
    problem(put_feedback(&app, &firm, &c, v, note.clone()).await, 404).await;
    problem(put_feedback(&app, &bgd, &c, None, note.clone()).await, 428).await;
    problem(put_feedback(&app, &bgd, &c, Some(1), note.clone()).await, 412).await;

    // Bad notes: no English, a language the consultation lacks, too long — each named, nothing written.
    let p = problem(put_feedback(&app, &bgd, &c, v, json!({"bn": "শুধু বাংলা", "ne": "नेपाली"})).await, 422).await;
    assert_eq!(fields(&p), vec!["texts.ne", "texts.en"]);
    let p = problem(put_feedback(&app, &bgd, &c, v, json!({"en": "x".repeat(3001)})).await, 422).await;
    assert_eq!(fields(&p), vec!["texts.en"]);
    let unchanged = app.get_json(&format!("/api/v1/consultations/{}", c["id"].as_str().unwrap()), &bgd).await;
    assert_eq!((unchanged["version"].as_i64(), &unchanged["feedback"]), (v, &Value::Null));

    let res = put_feedback(&app, &bgd, &c, v, note.clone()).await;
    assert_eq!(res.status(), 200);
    let published: Value = res.json().await.unwrap();
    assert_eq!(published["feedback"], note);
    assert!(published["feedback_at"].is_string());
    let bn = public(&app, &c, "bn").await;
    assert_eq!(bn["state"], "closed");
    assert_eq!((bn["feedback"]["lang"].as_str(), bn["feedback"]["text"].as_str()), (Some("bn"), note["bn"].as_str()));
    let th = public(&app, &c, "th").await;
    assert_eq!((th["feedback"]["lang"].as_str(), th["feedback"]["text"].as_str()), (Some("en"), note["en"].as_str()));

    // Editing replaces it (English only now: Bengali readers get English), and each publication is audited.
    let v = published["version"].as_i64();
    assert_eq!(put_feedback(&app, &bgd, &c, v, json!({"en": "Updated: the EU replied."})).await.status(), 200);
    assert_eq!(public(&app, &c, "bn").await["feedback"]["text"], "Updated: the EU replied.");
    let events = app
        .get_json(
            &format!("/api/v1/audit-events?action=consultation.feedback&entity_id={}", c["id"].as_str().unwrap()),
            &admin,
        )
        .await;
    assert_eq!(events["items"].as_array().unwrap().len(), 2, "{events}");

    // A reopened round shows the form again, not the note.
    let current = app.get_json(&format!("/api/v1/consultations/{}", c["id"].as_str().unwrap()), &bgd).await;
    set_status(&app, &bgd, &current, "open").await;
    assert_eq!(public(&app, &c, "en").await["feedback"], Value::Null);
}

#[tokio::test]
async fn a_regional_note_is_the_secretariats_and_a_readable_consultation_is_not_writable_by_others() {
    let app = TestApp::spawn().await;
    let (admin, bgd, npl) = (app.login(ADMIN).await, app.login(BGD).await, app.login(NPL).await);
    let c = create(&app, &admin, body(json!({"regional": true}))).await;
    let c = set_status(&app, &admin, &c, "open").await;
    let c = set_status(&app, &admin, &c, "closed").await;
    let form = public(&app, &c, "en").await;
    assert_eq!((&form["asked_by"], &form["asked_by_country"]), (&Value::Null, &Value::Null), "the secretariat asks");
    let v = c["version"].as_i64();
    // Readable by every delegation (regional), changeable only by admins: 403, not 404.
    problem(put_feedback(&app, &bgd, &c, v, json!({"en": "Note"})).await, 403).await;
    problem(put_feedback(&app, &npl, &c, v, json!({"en": "Note"})).await, 403).await;
    assert_eq!(put_feedback(&app, &admin, &c, v, json!({"en": "Note"})).await.status(), 200);
}
