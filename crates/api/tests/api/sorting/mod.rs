//! Every list sorts on the server: walking a sort page by page, in either direction, gives the whole set
//! sorted in memory (ties broken by id, NULL before any value, text byte by byte) on both engines; the
//! first page carries the total and later pages `null`; a bad `sort`, or a cursor from another sort or
//! other filters, is a 422 naming the field.

mod admin;
mod consultations;
mod registry;

use chrono::{DateTime, Utc};
use serde_json::Value;

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

/// A first page counts at most 1,000 matching records: past that, `total` is 1,000 and
/// `total_is_lower_bound` says "at least". Under the bound the count is exact, and it stays a count of
/// what the caller may read.
#[tokio::test]
async fn a_first_page_counts_to_a_thousand_then_says_at_least() {
    let app = TestApp::spawn().await;
    gmc_store::demo::seed(&app.db().await, 10_000).await.expect("seed");
    let bgd = app.login(BGD).await;
    let readable = app.all_pages("/api/v1/impediments?limit=200", &bgd).await.len();
    assert!(readable > 1000, "the seed gives the delegate more than the bound: {readable}");
    for sort in ["", "&sort=-severity", "&sort=title"] {
        let page = app.get_json(&format!("/api/v1/impediments?limit=5{sort}"), &bgd).await;
        assert_eq!(page["total"], 1000, "{sort}: {page}");
        assert_eq!(page["total_is_lower_bound"], true, "{sort}");
        let next = page["next_cursor"].as_str().expect("a next page");
        let later = app.get_json(&format!("/api/v1/impediments?limit=5{sort}&cursor={next}"), &bgd).await;
        assert!(later["total"].is_null(), "{sort}: later pages carry no count");
        assert_eq!(later["total_is_lower_bound"], false, "{sort}");
    }
    // A broad list, sorted and filtered, walks another plan on SQLite (the sort index, the filters
    // tested there; the cursor carries the choice): the same rows in the same order all the same.
    let broad = "/api/v1/impediments?severity_min=2&severity_max=5";
    let all = app.all_pages(&format!("{broad}&limit=200"), &bgd).await;
    assert!(all.len() > 1000, "broad: {}", all.len());
    let id = |v: &Value| v["id"].as_str().unwrap_or_default().to_owned();
    for (field, key) in [("title", text as fn(&Value) -> K), ("severity", int), ("created_at", time)] {
        for desc in [false, true] {
            let mut expected = all.clone();
            expected.sort_by_key(|v| (key(&v[field]), id(v)));
            if desc {
                expected.reverse();
            }
            let sort = if desc { format!("-{field}") } else { field.to_owned() };
            let (got, total) = walk(&app, &bgd, &format!("{broad}&sort={sort}&limit=200")).await;
            assert_eq!(got.iter().map(id).collect::<Vec<_>>(), expected.iter().map(id).collect::<Vec<_>>(), "{sort}");
            assert_eq!(total, 1000);
        }
    }
    // Broad and narrow HS prefixes and topics take different plans (a walk or a seek): each still
    // finds exactly the records it names.
    let everything = app.all_pages("/api/v1/impediments?limit=200", &bgd).await;
    let ids = |items: &[Value]| {
        let mut ids: Vec<String> = items.iter().map(id).collect();
        ids.sort();
        ids
    };
    let mut sizes = Vec::new();
    for prefix in ["03", "0306", "030612", "61", "6", "99"] {
        let got = app.all_pages(&format!("/api/v1/impediments?hs={prefix}&limit=200"), &bgd).await;
        let expected: Vec<Value> = everything
            .iter()
            .filter(|v| v["hs_code"].as_str().is_some_and(|h| h.starts_with(prefix)))
            .cloned()
            .collect();
        assert_eq!(ids(&got), ids(&expected), "hs={prefix}");
        sizes.push(got.len());
    }
    // Readable counts: above 2,000 the filter is surely broad, below 1,000 (three quarters readable)
    // surely narrow.
    let both = |sizes: &[usize]| sizes.iter().any(|&n| n > 2000) && sizes.iter().any(|&n| n < 1000);
    assert!(both(&sizes), "broad and narrow prefixes: {sizes:?}");
    let topics = app.all_pages("/api/v1/topics?limit=200", &bgd).await;
    sizes.clear();
    for topic in &topics {
        let (tid, code) = (topic["id"].as_str().unwrap_or_default(), topic["code"].as_str().unwrap_or_default());
        let got = app.all_pages(&format!("/api/v1/impediments?topic={code}&limit=200"), &bgd).await;
        let expected: Vec<Value> = everything
            .iter()
            .filter(|v| v["topic_ids"].as_array().is_some_and(|t| t.iter().any(|t| t == tid)))
            .cloned()
            .collect();
        assert_eq!(ids(&got), ids(&expected), "topic={code}");
        sizes.push(got.len());
    }
    assert!(both(&sizes), "broad and narrow topics: {sizes:?}");
    // A narrower filter, under the bound: exact.
    let narrow = "/api/v1/impediments?partner=CHN&severity_min=4";
    let expected = app.all_pages(&format!("{narrow}&limit=200"), &bgd).await.len();
    assert!((1..=1000).contains(&expected), "the narrow filter matches {expected}");
    let page = app.get_json(&format!("{narrow}&limit=5"), &bgd).await;
    assert_eq!(page["total"], expected as u64);
    assert_eq!(page["total_is_lower_bound"], false);
}
