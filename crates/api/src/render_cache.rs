//! Pre-rendered JSON of catalogue records. A 30-topic page is ~17 KB of JSON, and rendering it was
//! most of the cost of `GET /topics` (48k req/s at 2 topics, 16k at 30). Each topic's JSON is
//! rendered once per (id, version) — every update bumps the version, so an entry is never stale —
//! and a page is the join of its fragments.
//!
//! It may stay where page caches went (issue 8) because it never decides what a caller sees: the
//! records are read and authorized from the database on every request, and only the JSON of a version
//! already read is reused. `GMC_RENDER_CACHE=false` switches it off, so benchmarks can show both; its
//! hits and misses are logged when the server stops (target `gmc_cache`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use gmc_store::cursor::Total;
use serde::Serialize;
use uuid::Uuid;

/// Record id → (version, its JSON).
type Entries = HashMap<Uuid, (i32, Arc<str>)>;

#[derive(Clone)]
pub struct RenderCache {
    entries: Arc<RwLock<Entries>>,
    enabled: bool,
    hits: Arc<AtomicU64>,
    misses: Arc<AtomicU64>,
}

impl Default for RenderCache {
    fn default() -> Self {
        Self::new(true)
    }
}

/// Far above any real catalogue; past it the cache starts over rather than grow without bound.
const MAX_ENTRIES: usize = 10_000;

impl RenderCache {
    /// A cache that stores nothing when `enabled` is false (every record is rendered every time).
    pub fn new(enabled: bool) -> Self {
        Self { entries: Default::default(), enabled, hits: Default::default(), misses: Default::default() }
    }

    /// The JSON of a record at a version, rendering it on a miss.
    pub fn get_or_render<T: Serialize>(&self, id: Uuid, version: i32, render: impl FnOnce() -> T) -> Arc<str> {
        if !self.enabled {
            return serde_json::to_string(&render()).unwrap_or_else(|_| "null".into()).into();
        }
        if let Some((v, json)) = self.entries.read().ok().and_then(|m| m.get(&id).cloned()) {
            if v == version {
                self.hits.fetch_add(1, Ordering::Relaxed);
                return json;
            }
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let json: Arc<str> = serde_json::to_string(&render()).unwrap_or_else(|_| "null".into()).into();
        if let Ok(mut m) = self.entries.write() {
            if m.len() >= MAX_ENTRIES {
                m.clear();
            }
            m.insert(id, (version, json.clone()));
        }
        json
    }

    /// (hits, misses) since the start; both stay 0 while switched off.
    pub fn counts(&self) -> (u64, u64) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }
}

/// `{"items":[…],"next_cursor":…,"total":…,"total_is_lower_bound":…}` from pre-rendered items.
pub fn page_json(items: &[Arc<str>], next_cursor: Option<&str>, total: Total) -> String {
    let size: usize = items.iter().map(|i| i.len() + 1).sum::<usize>() + 64;
    let mut out = String::with_capacity(size);
    out.push_str("{\"items\":[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(item);
    }
    out.push_str("],\"next_cursor\":");
    out.push_str(&serde_json::to_string(&next_cursor).unwrap_or_else(|_| "null".into()));
    out.push_str(",\"total\":");
    out.push_str(&total.count.map_or_else(|| "null".to_owned(), |t| t.to_string()));
    out.push_str(",\"total_is_lower_bound\":");
    out.push_str(if total.is_lower_bound { "true" } else { "false" });
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_version_is_rendered_again_and_pages_are_valid_json() {
        let cache = RenderCache::default();
        let id = Uuid::now_v7();
        let a = cache.get_or_render(id, 1, || serde_json::json!({"v": 1}));
        let same = cache.get_or_render(id, 1, || serde_json::json!({"v": 99}));
        let b = cache.get_or_render(id, 2, || serde_json::json!({"v": 2}));
        assert_eq!((&*a, &*same, &*b), ("{\"v\":1}", "{\"v\":1}", "{\"v\":2}"));
        let page: serde_json::Value =
            serde_json::from_str(&page_json(&[a, b], Some("c\"x"), Total::exact(7))).unwrap_or_default();
        assert_eq!(
            page,
            serde_json::json!({"items": [{"v": 1}, {"v": 2}], "next_cursor": "c\"x", "total": 7, "total_is_lower_bound": false})
        );
        let empty: serde_json::Value = serde_json::from_str(&page_json(&[], None, Total::NONE)).unwrap_or_default();
        assert_eq!(
            empty,
            serde_json::json!({"items": [], "next_cursor": null, "total": null, "total_is_lower_bound": false})
        );
        let many: serde_json::Value =
            serde_json::from_str(&page_json(&[], None, Total::bounded(1001))).unwrap_or_default();
        assert_eq!(many["total"], 1000);
        assert_eq!(many["total_is_lower_bound"], true);
        assert_eq!(cache.counts(), (1, 2));
    }

    #[test]
    fn switched_off_it_renders_every_time() {
        let cache = RenderCache::new(false);
        let id = Uuid::now_v7();
        let a = cache.get_or_render(id, 1, || serde_json::json!({"v": 1}));
        let b = cache.get_or_render(id, 1, || serde_json::json!({"v": 2}));
        assert_eq!((&*a, &*b, cache.counts()), ("{\"v\":1}", "{\"v\":2}", (0, 0)));
    }
}
