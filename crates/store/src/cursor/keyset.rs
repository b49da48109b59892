//! Keyset paging under any sort: `ORDER BY key, id` and "rows after the cursor's (key, id)", the same
//! on SQLite and PostgreSQL — NULL sorts before every value (SQLite's own rule, asked of PostgreSQL
//! explicitly) and text compares byte by byte (SQLite's BINARY, PostgreSQL's `COLLATE "C"`), so that a
//! list has one order whichever engine serves it, and the same order as sorting the rows in memory.

use gmc_domain::ValidationErrors;
use sea_orm::sea_query::{Alias, Condition, Expr, NullOrdering, Order, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, IntoSimpleExpr, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Select,
};
use uuid::Uuid;

use super::value::{KeyType, KeyValue};
use super::{Page, Paging, SortField, Total, COUNT_LIMIT};

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

    pub fn date(column: C) -> Self {
        Key { column, ty: KeyType::Date, nullable: false }
    }

    pub fn nullable(self) -> Self {
        Key { nullable: true, ..self }
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

/// How many rows `query` matches, counting no further than `limit`. Selecting a constant spares the
/// count from reading the rows' columns; the inner LIMIT stops it early (sea-orm's own `count` drops a
/// query's limit, hence by hand).
pub async fn count_up_to<E, C>(db: &C, query: &Select<E>, limit: u64) -> Result<u64, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let inner = query.clone().select_only().expr(Expr::val(1)).limit(limit).into_query();
    let stmt = Query::select().expr(Expr::cust("COUNT(*)")).from_subquery(inner, Alias::new("counted")).to_owned();
    let row = db.query_one(db.get_database_backend().build(&stmt)).await?;
    let counted = row.map(|r| r.try_get_by_index::<i64>(0)).transpose()?.unwrap_or(0);
    Ok(u64::try_from(counted).unwrap_or(0))
}

fn invalid_cursor() -> ValidationErrors {
    ValidationErrors::single("cursor", "invalid_cursor", "is not a cursor this API returned")
}

impl<F: SortField> Paging<F> {
    /// How many rows the query matches, on the first page only, up to `COUNT_LIMIT` (past it, a lower
    /// bound). Counted before ordering and paging, over the same query (visibility included) as the items.
    pub async fn total<E, C>(&self, db: &C, query: &Select<E>) -> Result<Total, DbErr>
    where
        E: EntityTrait,
        C: ConnectionTrait,
    {
        if !self.is_first() {
            return Ok(Total::NONE);
        }
        Ok(Total::bounded(count_up_to(db, query, COUNT_LIMIT + 1).await?))
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
        let total = if self.is_first() { Total::exact(rows.len() as u64) } else { Total::NONE };
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
    use chrono::Utc;

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
                first = first.or(page.total.count);
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
