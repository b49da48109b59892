//! A consultation's anonymised responses and text answers.

use reqwest::Method;
use serde_json::{json, Value};

use super::{refuses_bad_sorts_and_foreign_cursors, sorts_like_memory, text, time, walk, Field};
use crate::helpers::*;

/// An open Bangladesh consultation in English and Bengali with one text question, and its answers.
async fn answered(app: &TestApp, bgd: &str) -> Value {
    let questions = json!([{"code": "q1", "kind": "text", "max_length": 200, "prompt": {"en": "What stops you?", "bn": "কী আটকায়?"}}]);
    let body = json!({"title": "Exporting in 2026", "languages": ["bn"], "questions": questions});
    let res = app.post_json("/api/v1/consultations", Some(bgd), body).await;
    assert_eq!(res.status(), 201);
    let c: Value = res.json().await.unwrap();
    let res = app
        .request(Method::POST, &format!("/api/v1/consultations/{}/status", c["id"].as_str().unwrap()), Some(bgd))
        .header("if-match", format!("\"{}\"", c["version"]))
        .json(&json!({"status": "open"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let c: Value = res.json().await.unwrap();
    let path = format!("/api/v1/public/consultations/{}/responses", c["token"].as_str().unwrap());
    for (i, (lang, country)) in
        [("en", Some("BGD")), ("bn", None), ("en", Some("NPL")), ("bn", Some("BGD")), ("en", None), ("en", Some("IND"))]
            .into_iter()
            .enumerate()
    {
        let body = json!({"lang": lang, "answers": {"q1": format!("Answer {i}")},
                          "profile": {"country": country, "sector": "C", "size_class": "micro"}});
        assert_eq!(app.post_json(&path, None, body).await.status(), 201);
    }
    c
}

#[tokio::test]
async fn responses_sort_by_time_channel_language_and_country_and_text_answers_by_arrival() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = answered(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();

    let base = format!("/api/v1/consultations/{id}/responses?");
    let (all, total) = walk(&app, &bgd, &format!("{base}limit=200")).await;
    assert_eq!(total, 6);
    let by: &[Field] = &[("submitted_at", time), ("channel", text), ("lang", text), ("country", text)];
    sorts_like_memory(&app, &bgd, &base, &all, by).await;
    let other = app.post_json("/api/v1/consultations", Some(&bgd), json!({"title": "Other", "questions": []})).await;
    assert_eq!(other.status(), 201);
    let other: Value = other.json().await.unwrap();
    let other = other["id"].as_str().unwrap();
    let first = app.get_json(&format!("{base}sort=country&limit=1"), &bgd).await;
    let cursor = first["next_cursor"].as_str().unwrap();
    for path in [format!("{base}sort=-country"), format!("/api/v1/consultations/{other}/responses?sort=country")] {
        let p = problem(app.get(&format!("{path}&cursor={cursor}"), &bgd).await, 422).await;
        assert_eq!(fields(&p), vec!["cursor"], "{path}");
    }
    let p = problem(app.get(&format!("{base}sort=stakeholder"), &bgd).await, 422).await;
    assert_eq!(fields(&p), vec!["sort"]);

    let base = format!("/api/v1/consultations/{id}/text-answers?question=q1");
    let (newest, total) = walk(&app, &bgd, &format!("{base}&limit=2")).await;
    assert_eq!(total, 6);
    let (oldest, _) = walk(&app, &bgd, &format!("{base}&sort=received&limit=2")).await;
    let (newest_again, _) = walk(&app, &bgd, &format!("{base}&sort=-received&limit=2")).await;
    let texts = |v: &[Value]| v.iter().filter_map(|a| a["text"].as_str().map(str::to_owned)).collect::<Vec<_>>();
    let mut reversed = texts(&oldest);
    reversed.reverse();
    assert_eq!(texts(&newest), reversed);
    assert_eq!(texts(&newest), texts(&newest_again));
    assert_eq!(texts(&oldest).first().map(String::as_str), Some("Answer 0"));
    refuses_bad_sorts_and_foreign_cursors(&app, &bgd, &base, ["received", "-received"], "&from=2020-01-01").await;
}
