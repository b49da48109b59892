//! The registry's lists: impediments, stakeholders, consultations, the watch-list and topics.

use reqwest::Method;
use serde_json::{json, Value};

use super::{int, refuses_bad_sorts_and_foreign_cursors, sorts_like_memory, text, time, walk};
use crate::helpers::*;

fn impediment(title: &str, partner: &str, ntm: &str, severity: i64) -> Value {
    json!({"reporting_country": "BGD", "partner": partner, "ntm_code": ntm, "hs_code": "0306",
           "title": title, "description": "Documented by exporters.", "severity": severity,
           "visibility": "regional"})
}

#[tokio::test]
async fn impediments_sort_by_every_allowed_field_in_both_directions_across_pages() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let analyst = app.login(ANALYST).await;
    let rows = [
        ("Apple quotas", "EU", "A14", 3),
        ("apple quotas", "EU", "B31", 3),
        ("Zebra labelling", "JPN", "A14", 5),
        ("Éclair certificates", "USA", "C3", 1),
        ("Apple quotas", "CHN", "PO-ADMIN", 3),
        ("Bamboo permits", "EU", "E1", 4),
        ("Cotton testing", "IND", "A14", 2),
    ];
    let mut ids = Vec::new();
    for (title, partner, ntm, severity) in rows {
        let res = app.post_json("/api/v1/impediments", Some(&bgd), impediment(title, partner, ntm, severity)).await;
        assert_eq!(res.status(), 201);
        ids.push(res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned());
    }
    // Different statuses and a later update, so those sorts have something to order.
    for id in &ids[..3] {
        let res = app
            .post_json(
                &format!("/api/v1/impediments/{id}/steps"),
                Some(&bgd),
                json!({"to": "under_review", "note": "triage"}),
            )
            .await;
        assert_eq!(res.status(), 200);
    }
    let one = app.get(&format!("/api/v1/impediments/{}", ids[5]), &bgd).await;
    let etag = one.headers()["etag"].to_str().unwrap().to_owned();
    let res = app
        .request(Method::PATCH, &format!("/api/v1/impediments/{}", ids[5]), Some(&bgd))
        .header("If-Match", etag)
        .json(&json!({"severity": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let (all, total) = walk(&app, &analyst, "/api/v1/impediments?limit=200").await;
    assert_eq!(total, 7);
    let default_order: Vec<&str> = all.iter().filter_map(|v| v["id"].as_str()).collect();
    let newest_first: Vec<&str> = ids.iter().rev().map(String::as_str).collect();
    assert_eq!(default_order, newest_first, "without sort: newest entered first");
    sorts_like_memory(
        &app,
        &analyst,
        "/api/v1/impediments?",
        &all,
        &[
            ("created_at", time),
            ("updated_at", time),
            ("severity", int),
            ("title", text),
            ("partner", text),
            ("ntm_code", text),
            ("status", text),
        ],
    )
    .await;

    // With a filter: the walk and the total cover the matching rows only.
    let (eu, _) = walk(&app, &analyst, "/api/v1/impediments?partner=EU&limit=200").await;
    assert_eq!(eu.len(), 3);
    sorts_like_memory(&app, &analyst, "/api/v1/impediments?partner=EU", &eu[..], &[("title", text)]).await;
    refuses_bad_sorts_and_foreign_cursors(&app, &analyst, "/api/v1/impediments?", ["title", "-title"], "&partner=EU")
        .await;
}

#[tokio::test]
async fn stakeholders_sort_by_name_country_and_creation_across_pages() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    for (i, (name, country)) in [
        ("Dhaka Knit", "BGD"),
        ("anchor foods", "BGD"),
        ("Dhaka Knit", "NPL"),
        ("Ölmühle", "IND"),
        ("Bay Shrimp", "BGD"),
    ]
    .into_iter()
    .enumerate()
    {
        let body = json!({"name": name, "external_id": format!("S-{i}"), "kind": "msme", "country": country,
                          "sector": "C", "size_class": "small"});
        assert_eq!(app.post_json("/api/v1/stakeholders", Some(&bgd), body).await.status(), 201);
    }
    let (all, total) = walk(&app, &bgd, "/api/v1/stakeholders?limit=200").await;
    assert_eq!(total, 5);
    let fields: &[super::Field] = &[("name", text), ("country", text), ("created_at", time)];
    sorts_like_memory(&app, &bgd, "/api/v1/stakeholders?", &all, fields).await;
    refuses_bad_sorts_and_foreign_cursors(&app, &bgd, "/api/v1/stakeholders?", ["name", "-name"], "&country=BGD").await;
}

#[tokio::test]
async fn consultations_sort_by_title_status_creation_and_closing_date_with_undated_ones_first() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let questions = json!([{"code": "q1", "kind": "text", "max_length": 200, "prompt": {"en": "What stops you?"}}]);
    for (title, closes) in [
        ("Shrimp exports", Some("2027-03-01T00:00:00Z")),
        ("Apparel rules", None),
        ("Shrimp exports", None),
        ("Tea standards", Some("2027-01-15T00:00:00Z")),
        ("apparel rules", Some("2027-03-01T00:00:00Z")),
    ] {
        let body = json!({"title": title, "closes_at": closes, "questions": questions});
        assert_eq!(app.post_json("/api/v1/consultations", Some(&bgd), body).await.status(), 201);
    }
    let (all, total) = walk(&app, &bgd, "/api/v1/consultations?limit=200").await;
    assert_eq!(total, 5);
    let fields: &[super::Field] = &[("title", text), ("status", text), ("created_at", time), ("closes_at", time)];
    sorts_like_memory(&app, &bgd, "/api/v1/consultations?", &all, fields).await;
    refuses_bad_sorts_and_foreign_cursors(
        &app,
        &bgd,
        "/api/v1/consultations?",
        ["closes_at", "-closes_at"],
        "&q=shrimp",
    )
    .await;
}

#[tokio::test]
async fn the_watch_list_and_the_topic_catalogue_sort_across_pages() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let (topics, total) = walk(&app, &bgd, "/api/v1/topics?limit=200").await;
    assert!(total >= 5);
    sorts_like_memory(&app, &bgd, "/api/v1/topics?", &topics, &[("code", text), ("title", text)]).await;
    refuses_bad_sorts_and_foreign_cursors(&app, &bgd, "/api/v1/topics?", ["title", "-title"], "&kind=negotiation")
        .await;

    // Topics this delegation watches no entry for yet (the seed has some).
    let (seeded, _) = walk(&app, &bgd, "/api/v1/watch-items?limit=200").await;
    let own = app.delegation_id(&bgd, "BGD").await;
    let unwatched = topics
        .iter()
        .filter(|t| !seeded.iter().any(|w| w["topic_id"] == t["id"] && w["delegation_id"] == own.as_str()));
    for t in unwatched.take(5) {
        let body = json!({"topic_id": t["id"], "note": "follow"});
        assert_eq!(app.post_json("/api/v1/watch-items", Some(&bgd), body).await.status(), 201);
    }
    let (all, total) = walk(&app, &bgd, "/api/v1/watch-items?limit=200").await;
    assert_eq!(total as usize, all.len());
    let fields: &[super::Field] = &[("created_at", time), ("updated_at", time)];
    sorts_like_memory(&app, &bgd, "/api/v1/watch-items?", &all, fields).await;
    refuses_bad_sorts_and_foreign_cursors(&app, &bgd, "/api/v1/watch-items?", ["created_at", "-created_at"], "&q=x")
        .await;
}
