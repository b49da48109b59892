//! Keyset paging under any sort: `ORDER BY key, id` and "rows after the cursor's (key, id)", the same
//! on SQLite and PostgreSQL — NULL sorts before every value (SQLite's own rule, asked of PostgreSQL
//! explicitly) and text compares byte by byte (SQLite's BINARY, PostgreSQL's `COLLATE "C"`), so that a
//! list has one order whichever engine serves it, and the same order as sorting the rows in memory.

use chrono::{DateTime, SecondsFormat, Utc};
use gmc_domain::error::FieldProblem;
use gmc_domain::ValidationErrors;
use sea_orm::sea_query::{Condition, Expr, NullOrdering, Order, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, IntoSimpleExpr, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Select, Value,
};
use uuid::Uuid;

use super::{Page, Paging, SortField};

/// How a sort key is compared and written into a cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    Text,
    Int,
    Time,
}

/// A sort field's column.
#[derive(Debug, Clone, Copy)]
pub struct Key<C> {
    pub column: C,
    pub ty: KeyType,
    pub nullable: bool,
}

impl<C> Key<C> {
    pub fn text(column: C) -> Self {
        Key { column, ty: KeyType::Text, nullable: false }
    }

    pub fn int(column: C) -> Self {
        Key { column, ty: KeyType::Int, nullable: false }
    }

    pub fn time(column: C) -> Self {
        Key { column, ty: KeyType::Time, nullable: false }
    }

    pub fn nullable(self) -> Self {
        Key { nullable: true, ..self }
    }
}

/// One row's sort key. The derived order puts `Null` first, as the SQL order does.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum KeyValue {
    Null,
    Int(i64),
    Text(String),
    Time(DateTime<Utc>),
}

impl KeyValue {
    pub fn encode(self) -> Option<String> {
        match self {
            KeyValue::Null => None,
            KeyValue::Int(n) => Some(n.to_string()),
            KeyValue::Text(s) => Some(s),
            KeyValue::Time(t) => Some(t.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
        }
    }

    pub fn decode(ty: KeyType, value: Option<&str>) -> Result<Self, FieldProblem> {
        let bad = || FieldProblem::new("invalid_cursor", "is not a cursor this API returned");
        let Some(v) = value else { return Ok(KeyValue::Null) };
        Ok(match ty {
            KeyType::Text => KeyValue::Text(v.to_owned()),
            KeyType::Int => KeyValue::Int(v.parse().map_err(|_| bad())?),
            KeyType::Time => KeyValue::Time(DateTime::parse_from_rfc3339(v).map_err(|_| bad())?.with_timezone(&Utc)),
        })
    }

    fn sql(self) -> Option<Value> {
        match self {
            KeyValue::Null => None,
            KeyValue::Int(n) => Some(n.into()),
            KeyValue::Text(s) => Some(s.into()),
            KeyValue::Time(t) => Some(t.into()),
        }
    }
}

/// The column as the sort compares it: text byte by byte on both engines.
fn sort_expr<C: ColumnTrait>(key: &Key<C>, backend: DbBackend) -> SimpleExpr {
    match (key.ty, backend) {
        (KeyType::Text, DbBackend::Postgres) => {
            Expr::cust(format!(r#""{}"."{}" COLLATE "C""#, key.column.entity_name().to_string(), key.column.as_str()))
        }
        _ => key.column.into_simple_expr(),
    }
}

fn invalid_cursor() -> ValidationErrors {
    ValidationErrors::single("cursor", "invalid_cursor", "is not a cursor this API returned")
}

impl<F: SortField> Paging<F> {
    /// How many rows the query matches, on the first page only. Counted before ordering and paging, over
    /// the same query (visibility included) as the items.
    pub async fn total<E, C>(&self, db: &C, query: &Select<E>) -> Result<Option<u64>, DbErr>
    where
        E: EntityTrait,
        E::Model: Sync,
        C: ConnectionTrait,
    {
        if !self.is_first() {
            return Ok(None);
        }
        // Selecting a constant spares the count from reading the rows' columns.
        let q = query.clone().select_only().expr(Expr::val(1));
        Ok(Some(q.count(db).await?))
    }

    /// Orders the query by `key` (none: by id alone) then id, keeps the rows after the cursor, and
    /// fetches one row more than the page to tell whether another page follows.
    pub fn seek<E: EntityTrait>(
        &self,
        query: Select<E>,
        backend: DbBackend,
        key: Option<Key<E::Column>>,
        id: E::Column,
    ) -> Result<Select<E>, ValidationErrors> {
        let desc = self.sort.descending;
        let order = if desc { Order::Desc } else { Order::Asc };
        let mut q = query;
        let key = key.map(|k| (sort_expr(&k, backend), k));
        if let Some((expr, k)) = &key {
            q = if k.nullable {
                let nulls = if desc { NullOrdering::Last } else { NullOrdering::First };
                q.order_by_with_nulls(expr.clone(), order.clone(), nulls)
            } else {
                q.order_by(expr.clone(), order.clone())
            };
        }
        q = q.order_by(id, order).limit(self.limit.get() + 1);
        let Some(after) = &self.after else { return Ok(q) };
        let id_after = if desc { id.lt(after.id) } else { id.gt(after.id) };
        let Some((expr, k)) = key else { return Ok(q.filter(id_after)) };
        let value = KeyValue::decode(k.ty, after.k.as_deref()).map_err(|_| invalid_cursor())?.sql();
        let col = || Expr::expr(expr.clone());
        let cond = match (value, k.nullable) {
            // Both columns in one direction: a row-value comparison, which both engines seek in a
            // `(key, id)` index.
            (Some(v), false) => {
                let row = Expr::tuple([expr.clone(), id.into_simple_expr()]);
                let cursor = Expr::tuple([Expr::val(v).into(), Expr::val(after.id).into()]);
                Condition::all().add(if desc { row.lt(cursor) } else { row.gt(cursor) })
            }
            (None, false) => return Err(invalid_cursor()),
            (Some(v), true) => {
                let beyond = if desc { col().lt(v.clone()) } else { col().gt(v.clone()) };
                let tie = Condition::all().add(col().eq(v)).add(id_after);
                let c = Condition::any().add(beyond).add(tie);
                // Descending, the NULLs come last: after every value.
                if desc {
                    c.add(col().is_null())
                } else {
                    c
                }
            }
            (None, true) => {
                let tie = Condition::all().add(col().is_null()).add(id_after);
                // Ascending, the NULLs come first: every value is after them.
                if desc {
                    tie
                } else {
                    Condition::any().add(tie).add(col().is_not_null())
                }
            }
        };
        Ok(q.filter(cond))
    }

    /// Pages rows already filtered in memory (small catalogues): sorted by `key` then id, those after
    /// the cursor, with the total on the first page.
    pub fn in_memory<T>(
        &self,
        mut rows: Vec<T>,
        ty: KeyType,
        key: impl Fn(&T) -> (KeyValue, Uuid),
    ) -> Result<Page<T>, ValidationErrors> {
        let total = self.is_first().then_some(rows.len() as u64);
        rows.sort_by_cached_key(&key);
        if self.sort.descending {
            rows.reverse();
        }
        if let Some(c) = &self.after {
            let after = (KeyValue::decode(ty, c.k.as_deref()).map_err(|_| invalid_cursor())?, c.id);
            let desc = self.sort.descending;
            rows.retain(|r| if desc { key(r) < after } else { key(r) > after });
        }
        rows.truncate(self.limit.get() as usize + 1);
        let (items, next_cursor) = self.split(rows, key);
        Ok(Page { items, next_cursor, total })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cursor::Sort;

    crate::sort_fields!(Demo { Name => "name" });

    #[test]
    fn keys_survive_the_cursor_and_null_sorts_first() {
        let t = Utc::now();
        let v = KeyValue::decode(KeyType::Time, KeyValue::Time(t).encode().as_deref());
        assert_eq!(v, Ok(KeyValue::Time(t)));
        assert_eq!(KeyValue::decode(KeyType::Int, Some("5")), Ok(KeyValue::Int(5)));
        assert!(KeyValue::decode(KeyType::Int, Some("five")).is_err());
        assert!(KeyValue::Null < KeyValue::Text(String::new()));
    }

    #[test]
    fn in_memory_pages_walk_the_whole_sorted_set_in_both_directions() {
        let rows: Vec<(Option<&str>, Uuid)> =
            [None, Some("b"), Some("a"), None, Some("b"), Some("c")].into_iter().map(|k| (k, Uuid::now_v7())).collect();
        let key = |r: &(Option<&str>, Uuid)| (r.0.map_or(KeyValue::Null, |s| KeyValue::Text(s.into())), r.1);
        for sort in [Some("name"), Some("-name")] {
            let mut expected = rows.clone();
            expected.sort_by_key(key);
            if sort == Some("-name") {
                expected.reverse();
            }
            let (mut seen, mut cursor, mut first) = (Vec::new(), None::<String>, None);
            loop {
                let mut e = ValidationErrors::new();
                let p = Paging::<Demo>::check(&mut e, (Some(2), sort, cursor.as_deref()), Sort::by_id(true), &());
                let page = p.map(|p| p.in_memory(rows.clone(), KeyType::Text, key));
                let Some(Ok(page)) = page else { panic!("{e:?}") };
                first = first.or(page.total);
                seen.extend(page.items);
                match page.next_cursor {
                    Some(c) => cursor = Some(c),
                    None => break,
                }
            }
            assert_eq!(seen, expected);
            assert_eq!(first, Some(6));
        }
    }
}
