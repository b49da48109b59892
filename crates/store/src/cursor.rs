//! Opaque keyset cursors and the pages they walk. A cursor is base64url of the last row's sort key, its
//! id (the tie-breaker) and a hash of the sort and filters it was minted under. Keyset (not offset)
//! paging keeps every page as fast as the first and never skips or repeats rows when others insert
//! meanwhile; the hash makes a cursor valid only under the sort and filters that produced it, since its
//! key means nothing under another order (see `Paging::check`).

mod keyset;
mod sort;
mod value;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use gmc_domain::error::FieldProblem;
use gmc_domain::ValidationErrors;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use keyset::{count_up_to, Key};
pub use sort::{PageParams, Paging, Sort, SortField};
pub use value::{KeyType, KeyValue};

/// Longest sort key a cursor may carry, in characters: the longest sortable text (200 characters)
/// with room to spare, while a forged cursor still cannot make the database compare megabytes.
const MAX_KEY_CHARS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// The sort key of the last row returned; `None` when it was NULL, or when sorting by id alone.
    #[serde(default)]
    pub k: Option<String>,
    pub id: Uuid,
    /// The sort and filters the cursor belongs to (a hash; empty where a list has no such check).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub s: String,
    /// The first page counted more than `COUNT_LIMIT` matches: later pages keep the plan chosen for a
    /// broad list without counting again (see `Paging::is_broad`). Only ever a plan choice: a forged
    /// value changes how fast a page comes, never which rows.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub b: bool,
}

impl Cursor {
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    }

    pub fn decode(value: &str) -> Result<Self, FieldProblem> {
        URL_SAFE_NO_PAD
            .decode(value)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Cursor>(&bytes).ok())
            // A forged cursor could carry text the database refuses (NUL in PostgreSQL).
            .filter(|c| {
                c.k.as_deref()
                    .is_none_or(|k| !gmc_domain::error::has_control_chars(k) && k.chars().count() <= MAX_KEY_CHARS)
            })
            .ok_or_else(|| FieldProblem::new("invalid_cursor", "is not a cursor this API returned"))
    }
}

/// Decodes an optional `cursor` query parameter.
pub fn parse(value: Option<&str>) -> Result<Option<Cursor>, FieldProblem> {
    value.map(Cursor::decode).transpose()
}

/// The same, for callers that report one field at a time.
pub fn parse_field(value: Option<&str>) -> Result<Option<Cursor>, ValidationErrors> {
    parse(value).map_err(|p| ValidationErrors::single("cursor", p.code, p.message))
}

/// The most matching rows a first page counts. Counting is the dearest part of a list (the rows the
/// caller may read must each be visited), so past this many the count stops and says "at least": a
/// reader of a 100,000-row registry needs to know it is large, not that it holds 87,412 — and the
/// summary and exports give exact figures. See docs/benchmarks.md "Bounding the count".
pub const COUNT_LIMIT: u64 = 1000;

/// How many rows match the filters among those the caller may read, as a first page reports it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Total {
    /// `None` on later pages, so that paging deep costs no count.
    pub count: Option<u64>,
    /// True when more than `COUNT_LIMIT` rows match: `count` is then `COUNT_LIMIT`, a lower bound.
    pub is_lower_bound: bool,
}

impl Total {
    /// Later pages: no count.
    pub const NONE: Total = Total { count: None, is_lower_bound: false };

    /// A count known exactly, whatever its size (small lists counted in memory).
    pub fn exact(count: u64) -> Self {
        Total { count: Some(count), is_lower_bound: false }
    }

    /// A count taken with `LIMIT COUNT_LIMIT + 1`: more than the limit is reported as the limit, at least.
    pub fn bounded(counted: u64) -> Self {
        if counted > COUNT_LIMIT {
            Total { count: Some(COUNT_LIMIT), is_lower_bound: true }
        } else {
            Total::exact(counted)
        }
    }
}

impl From<Option<u64>> for Total {
    fn from(count: Option<u64>) -> Self {
        Total { count, is_lower_bound: false }
    }
}

/// One page of a collection.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
    /// On the first page only: how many rows match (see `Total`).
    pub total: Total,
}

impl<T> Page<T> {
    /// Builds a page from `limit + 1` fetched rows: the extra row only signals that more exist.
    pub fn from_rows<R>(mut rows: Vec<R>, limit: u64, key: impl Fn(&R) -> Cursor, map: impl Fn(R) -> T) -> Self {
        let more = rows.len() as u64 > limit;
        rows.truncate(limit as usize);
        let next_cursor = if more { rows.last().map(|r| key(r).encode()) } else { None };
        Page { items: rows.into_iter().map(map).collect(), next_cursor, total: Total::NONE }
    }

    pub fn with_total(self, total: impl Into<Total>) -> Self {
        Page { total: total.into(), ..self }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), next_cursor: self.next_cursor, total: self.total }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_survives_a_round_trip_and_garbage_is_refused() {
        let c = Cursor { k: Some("FISH".into()), id: Uuid::now_v7(), s: "abc".into(), b: true };
        assert_eq!(Cursor::decode(&c.encode()).ok(), Some(c));
        assert!(Cursor::decode("not-a-cursor").is_err());
        let nul = Cursor { k: Some("a\u{0}b".into()), id: Uuid::nil(), s: String::new(), b: false };
        assert!(Cursor::decode(&nul.encode()).is_err());
    }

    #[test]
    fn a_count_past_the_bound_is_the_bound_at_least() {
        assert_eq!(Total::bounded(COUNT_LIMIT), Total::exact(COUNT_LIMIT));
        assert_eq!(Total::bounded(COUNT_LIMIT + 1), Total { count: Some(COUNT_LIMIT), is_lower_bound: true });
        assert_eq!(Total::bounded(0), Total::exact(0));
    }

    #[test]
    fn a_page_signals_more_only_when_an_extra_row_was_fetched() {
        let key = |n: &u32| Cursor { k: Some(n.to_string()), id: Uuid::nil(), s: String::new(), b: false };
        let full = Page::from_rows(vec![1u32, 2, 3], 2, key, |n| n);
        assert_eq!(full.items, vec![1, 2]);
        assert!(full.next_cursor.is_some());
        let last = Page::from_rows(vec![1u32, 2], 2, key, |n| n);
        assert!(last.next_cursor.is_none());
    }
}
