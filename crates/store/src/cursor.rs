//! Opaque keyset cursors: base64url of the last row's sort key and id. Keyset (not offset) paging keeps
//! every page as fast as the first and never skips or repeats rows when others insert meanwhile.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use gmc_domain::error::FieldProblem;
use gmc_domain::ValidationErrors;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// The sort key of the last row returned (empty when sorting by id alone).
    pub k: String,
    pub id: Uuid,
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
            .filter(|c| !gmc_domain::error::has_control_chars(&c.k) && c.k.len() <= 400)
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

/// One page of a collection.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// Builds a page from `limit + 1` fetched rows: the extra row only signals that more exist.
    pub fn from_rows<R>(mut rows: Vec<R>, limit: u64, key: impl Fn(&R) -> Cursor, map: impl Fn(R) -> T) -> Self {
        let more = rows.len() as u64 > limit;
        rows.truncate(limit as usize);
        let next_cursor = if more { rows.last().map(|r| key(r).encode()) } else { None };
        Page { items: rows.into_iter().map(map).collect(), next_cursor }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), next_cursor: self.next_cursor }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_survives_a_round_trip_and_garbage_is_refused() {
        let c = Cursor { k: "FISH".into(), id: Uuid::now_v7() };
        assert_eq!(Cursor::decode(&c.encode()).ok(), Some(c));
        assert!(Cursor::decode("not-a-cursor").is_err());
    }

    #[test]
    fn a_page_signals_more_only_when_an_extra_row_was_fetched() {
        let key = |n: &u32| Cursor { k: n.to_string(), id: Uuid::nil() };
        let full = Page::from_rows(vec![1u32, 2, 3], 2, key, |n| n);
        assert_eq!(full.items, vec![1, 2]);
        assert!(full.next_cursor.is_some());
        let last = Page::from_rows(vec![1u32, 2], 2, key, |n| n);
        assert!(last.next_cursor.is_none());
    }
}
