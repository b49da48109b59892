//! The `sort` query parameter (`field` ascending, `-field` descending, from the list's allowed set) and
//! the paging state a list checks once: limit, sort and a cursor that must belong to them.

use std::fmt::Debug;

use gmc_domain::error::FieldProblem;
use gmc_domain::page::Limit;
use gmc_domain::ValidationErrors;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::value::KeyValue;
use super::Cursor;

/// The fields one list may be sorted by. Declared with `sort_fields!`.
pub trait SortField: Copy + Eq + Debug + 'static {
    /// Every field, in the order the documentation lists them.
    const ALL: &'static [Self];
    fn name(self) -> &'static str;

    /// Every accepted value of `sort`: each field ascending, then descending.
    fn values() -> Vec<String> {
        Self::ALL.iter().flat_map(|f| [f.name().to_owned(), format!("-{}", f.name())]).collect()
    }
}

/// Declares a list's sort fields: an enum whose variants spell as the given field names.
#[macro_export]
macro_rules! sort_fields {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($variant),+
        }

        impl $crate::cursor::SortField for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];

            fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
    };
}

/// A list's order: by one of its fields, or (`field: None`) by id alone — the order some lists had
/// before they could be sorted, kept as their default. Ties are always broken by id, in the same
/// direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<F> {
    pub field: Option<F>,
    pub descending: bool,
}

impl<F: SortField> Sort<F> {
    /// By id alone.
    pub const fn by_id(descending: bool) -> Self {
        Sort { field: None, descending }
    }

    pub const fn asc(field: F) -> Self {
        Sort { field: Some(field), descending: false }
    }

    pub fn parse(value: Option<&str>, default: Self) -> Result<Self, FieldProblem> {
        let Some(value) = value else { return Ok(default) };
        let (descending, name) = match value.strip_prefix('-') {
            Some(name) => (true, name),
            None => (false, value),
        };
        F::ALL
            .iter()
            .find(|f| f.name() == name)
            .map(|&f| Sort { field: Some(f), descending })
            .ok_or_else(|| FieldProblem::new("invalid_choice", format!("must be one of: {}", F::values().join(", "))))
    }

    fn label(self) -> String {
        let name = self.field.map_or("id", F::name);
        if self.descending {
            format!("-{name}")
        } else {
            name.to_owned()
        }
    }
}

/// A list request's `limit`, `sort` and `cursor`, as given.
pub type PageParams<'a> = (Option<i64>, Option<&'a str>, Option<&'a str>);

/// The checked paging parameters of one list request.
#[derive(Debug, Clone)]
pub struct Paging<F> {
    pub limit: Limit,
    pub sort: Sort<F>,
    pub(super) after: Option<Cursor>,
    /// The hash of the sort and filters, carried by every cursor this request mints.
    scope: String,
    /// More than `COUNT_LIMIT` rows match (the first page's count, or the cursor's `b`).
    broad: bool,
}

impl<F: SortField> Paging<F> {
    /// Checks `limit`, `sort` and `cursor`, each reported under its own name in `e`. `filters` are the
    /// request's filters (without limit and cursor): a cursor minted under other filters or another
    /// sort is refused rather than silently continuing a different list.
    pub fn check(
        e: &mut ValidationErrors,
        (limit, sort, cursor): PageParams<'_>,
        default: Sort<F>,
        filters: &impl Debug,
    ) -> Option<Self> {
        let limit = e.check("limit", Limit::parse(limit));
        let sort = e.check("sort", Sort::parse(sort, default));
        let cursor = e.check("cursor", super::parse(cursor));
        let (limit, sort, after) = (limit?, sort?, cursor?);
        let scope = scope_of(sort.label(), filters);
        if after.as_ref().is_some_and(|c| c.s != scope) {
            e.add(
                "cursor",
                "cursor_mismatch",
                "belongs to another sort or other filters: ask for the first page again, without a cursor",
            );
            return None;
        }
        let broad = after.as_ref().is_some_and(|c| c.b);
        Some(Paging { limit, sort, after, scope, broad })
    }

    /// The first page (no cursor): the one that carries the total.
    pub fn is_first(&self) -> bool {
        self.after.is_none()
    }

    /// Whether more than `COUNT_LIMIT` rows match, as far as this request knows: on the first page once
    /// `note_total` has seen the count, on later pages from the cursor. A list may pick its query plan
    /// by it (the registry does on SQLite).
    pub fn is_broad(&self) -> bool {
        self.broad
    }

    /// Records the first page's count, for `is_broad` and the cursors this request mints.
    pub fn note_total(&mut self, total: super::Total) {
        if self.is_first() {
            self.broad = total.is_lower_bound;
        }
    }

    /// The cursor given, checked against the sort and filters.
    pub fn after(&self) -> Option<&Cursor> {
        self.after.as_ref()
    }

    pub fn cursor(&self, key: KeyValue, id: Uuid) -> String {
        Cursor { k: key.encode(), id, s: self.scope.clone(), b: self.broad }.encode()
    }

    /// Cuts `limit + 1` fetched rows to the page, and the cursor of its last row when more exist.
    pub fn split<R>(&self, mut rows: Vec<R>, key: impl Fn(&R) -> (KeyValue, Uuid)) -> (Vec<R>, Option<String>) {
        let more = rows.len() as u64 > self.limit.get();
        rows.truncate(self.limit.get() as usize);
        let next = if more {
            rows.last().map(|r| {
                let (k, id) = key(r);
                self.cursor(k, id)
            })
        } else {
            None
        };
        (rows, next)
    }
}

/// A short hash of the sort and filters. Not a secret: it only tells a cursor's list from another.
fn scope_of(sort: String, filters: &impl Debug) -> String {
    let digest = Sha256::digest(format!("{sort}|{filters:?}").as_bytes());
    // SHA-256 is 32 bytes, so the first 8 are always there.
    hex::encode(digest.get(..8).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::sort_fields!(Demo { Name => "name", CreatedAt => "created_at" });

    fn check(sort: Option<&str>, cursor: Option<&str>, filters: &str) -> Result<Paging<Demo>, Vec<String>> {
        let mut e = ValidationErrors::new();
        let p = Paging::check(&mut e, (None, sort, cursor), Sort::by_id(true), &filters);
        p.ok_or_else(|| e.into_vec().into_iter().map(|f| f.field).collect())
    }

    #[test]
    fn sort_takes_a_field_or_its_negation_and_names_the_allowed_values_otherwise() {
        assert_eq!(Sort::parse(Some("name"), Sort::<Demo>::by_id(true)), Ok(Sort::asc(Demo::Name)));
        assert_eq!(
            Sort::parse(Some("-created_at"), Sort::<Demo>::by_id(true)),
            Ok(Sort { field: Some(Demo::CreatedAt), descending: true })
        );
        assert_eq!(Sort::parse(None, Sort::<Demo>::by_id(true)), Ok(Sort::by_id(true)));
        let p = Sort::parse(Some("size"), Sort::<Demo>::by_id(true)).err();
        assert_eq!(p.map(|p| p.message), Some("must be one of: name, -name, created_at, -created_at".to_owned()));
    }

    #[test]
    fn a_cursor_continues_only_the_sort_and_filters_it_was_minted_under() {
        let first = check(Some("name"), None, "partner=EU").ok();
        let next = first.map(|p| p.cursor(KeyValue::Text("Fish".into()), Uuid::now_v7()));
        let next = next.as_deref();
        assert!(check(Some("name"), next, "partner=EU").is_ok_and(|p| !p.is_first()));
        assert_eq!(check(Some("-name"), next, "partner=EU").err(), Some(vec!["cursor".to_owned()]));
        assert_eq!(check(Some("name"), next, "partner=JP").err(), Some(vec!["cursor".to_owned()]));
        assert_eq!(check(None, next, "partner=EU").err(), Some(vec!["cursor".to_owned()]));
    }
}
