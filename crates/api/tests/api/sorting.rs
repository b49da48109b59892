//! Every list sorts on the server: walking a sort page by page, in either direction, gives the whole set
//! sorted in memory (ties broken by id, NULL before any value, text byte by byte) on both engines; the
//! first page carries the total and later pages `null`; a bad `sort`, or a cursor from another sort or
//! other filters, is a 422 naming the field.

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

/// A sort key read back from an item, ordered as the server orders it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum K {
    Null,
    Int(i64),
    Text(String),
    Time(DateTime<Utc>),
}

pub fn text(v: &Value) -> K {
    v.as_str().map_or(K::Null, |s| K::Text(s.to_owned()))
}

pub fn int(v: &Value) -> K {
    v.as_i64().map_or(K::Null, K::Int)
}

pub fn time(v: &Value) -> K {
    v.as_str().and_then(|s| s.parse::<DateTime<Utc>>().ok()).map_or(K::Null, K::Time)
}

/// A sort field and how to read its key from an item.
pub type Field = (&'static str, fn(&Value) -> K);

/// Follows `next_cursor` from `path`, checking that only the first page carries `total`. Returns the
/// items and that total.
pub async fn walk(app: &TestApp, token: &str, path: &str) -> (Vec<Value>, u64) {
    let (mut items, mut total, mut cursor) = (Vec::new(), None, None::<String>);
    loop {
        let url = match &cursor {
            Some(c) => format!("{path}&cursor={c}"),
            None => path.to_owned(),
        };
        let page = app.get_json(&url, token).await;
        if cursor.is_none() {
            total = page["total"].as_u64();
            assert!(total.is_some(), "the first page of {path} has a total: {page}");
        } else {
            assert!(page["total"].is_null(), "a later page of {path} has no total");
        }
        items.extend(page["items"].as_array().expect("items").iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return (items, total.unwrap_or_default()),
        }
    }
}

/// `path` (with its filters, ending in `?…` or `&`-joinable) walked two items a page under each sort,
/// both directions, equals `all` sorted in memory by the field's key then id.
pub async fn sorts_like_memory(app: &TestApp, token: &str, path: &str, all: &[Value], fields: &[Field]) {
    assert!(all.len() > 2, "enough rows to span pages");
    let id = |v: &Value| v["id"].as_str().map(str::to_owned).unwrap_or_else(|| v["id"].to_string());
    for (field, key) in fields {
        for desc in [false, true] {
            let mut expected = all.to_vec();
            expected.sort_by_key(|v| (key(&v[*field]), id(v)));
            if desc {
                expected.reverse();
            }
            let sort = if desc { format!("-{field}") } else { (*field).to_owned() };
            let (got, total) = walk(app, token, &format!("{path}&sort={sort}&limit=2")).await;
            let ids = |v: &[Value]| v.iter().map(id).collect::<Vec<_>>();
            assert_eq!(ids(&got), ids(&expected), "{path} sorted by {sort}");
            assert_eq!(total, all.len() as u64, "{path} total");
        }
    }
}

/// A bad `sort` names the field and the allowed values; a cursor taken under one sort is refused under
/// another sort, and under other filters.
pub async fn refuses_bad_sorts_and_foreign_cursors(
    app: &TestApp,
    token: &str,
    path: &str,
    sorts: [&str; 2],
    filter: &str,
) {
    let p = problem(app.get(&format!("{path}&sort=nonsense"), token).await, 422).await;
    assert_eq!(fields(&p), vec!["sort"]);
    assert!(p["errors"][0]["message"].as_str().is_some_and(|m| m.starts_with("must be one of: ")), "{p}");
    let first = app.get_json(&format!("{path}&sort={}&limit=1", sorts[0]), token).await;
    let cursor = first["next_cursor"].as_str().expect("a second page");
    for other in [format!("{path}&sort={}", sorts[1]), format!("{path}&sort={}{filter}", sorts[0])] {
        let p = problem(app.get(&format!("{other}&limit=1&cursor={cursor}"), token).await, 422).await;
        assert_eq!(fields(&p), vec!["cursor"], "{other}");
        assert_eq!(p["errors"][0]["code"], "cursor_mismatch");
    }
    let p = problem(app.get(&format!("{path}&sort={}&cursor=bm90LWEtY3Vyc29y", sorts[0]), token).await, 422).await;
    assert_eq!(fields(&p), vec!["cursor"]);
}

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
