//! Listing impediments: every filter of the registry, over only the rows the caller may read, newest
//! entered first or sorted by a field, with keyset pages and the total on the first.

use chrono::{NaiveDate, NaiveTime};
use gmc_domain::error::{parse_enum, FieldProblem};
use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::{Condition, Expr, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, IdenStatic, QueryFilter, Select,
};
use uuid::Uuid;

use super::search::{containing, Plan};
use super::views;
use crate::cursor::{count_up_to, Key, KeyValue, Page, Paging, Sort};
use crate::entities::{impediment_topics, impediments, topics};
use crate::services::{search_text, visibility::read_condition};
use crate::views::ImpedimentView;
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct ImpedimentFilter {
    pub reporting_country: Option<String>,
    pub partner: Option<String>,
    /// MAST chapter letter or procedural group.
    pub ntm_chapter: Option<String>,
    /// HS code prefix (`03` matches `0306` and `030617`).
    pub hs: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    pub status: Option<String>,
    pub delegation: Option<Uuid>,
    pub severity_min: Option<i64>,
    pub severity_max: Option<i64>,
    /// Created on or after this date.
    pub from: Option<NaiveDate>,
    /// Created on or before this date.
    pub to: Option<NaiveDate>,
    pub q: Option<String>,
    /// One of `ImpedimentSort`, `-` first for descending; default: newest entered first.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What the registry may be sorted by. Status sorts by its stored spelling (alphabetically).
    ImpedimentSort {
        CreatedAt => "created_at",
        UpdatedAt => "updated_at",
        Severity => "severity",
        Title => "title",
        Partner => "partner",
        NtmCode => "ntm_code",
        Status => "status",
    }
);

/// Without `sort`: by id, newest first — the order the list always had (ids are time-ordered UUIDs, in
/// the order records were entered; `created_at` may be set earlier for imported or demo records).
pub(super) const DEFAULT_SORT: Sort<ImpedimentSort> = Sort::by_id(true);

fn sort_key(field: ImpedimentSort) -> Key<impediments::Column> {
    use impediments::Column as C;
    match field {
        ImpedimentSort::CreatedAt => Key::time(C::CreatedAt),
        ImpedimentSort::UpdatedAt => Key::time(C::UpdatedAt),
        ImpedimentSort::Severity => Key::int(C::Severity),
        ImpedimentSort::Title => Key::text(C::Title),
        ImpedimentSort::Partner => Key::text(C::Partner),
        ImpedimentSort::NtmCode => Key::text(C::NtmCode),
        ImpedimentSort::Status => Key::text(C::Status),
    }
}

/// A record's key under a sort (by id alone: none), as the cursor carries it and the read model
/// orders by it.
pub(super) fn sort_value(field: Option<ImpedimentSort>, r: &ImpedimentView) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(ImpedimentSort::CreatedAt) => KeyValue::Time(r.created_at),
        Some(ImpedimentSort::UpdatedAt) => KeyValue::Time(r.updated_at),
        Some(ImpedimentSort::Severity) => KeyValue::Int(r.severity.into()),
        Some(ImpedimentSort::Title) => KeyValue::Text(r.title.clone()),
        Some(ImpedimentSort::Partner) => KeyValue::Text(r.partner.clone()),
        Some(ImpedimentSort::NtmCode) => KeyValue::Text(r.ntm_code.clone()),
        Some(ImpedimentSort::Status) => KeyValue::Text(r.status.as_str().to_owned()),
    }
}

/// The key type of a sort, to read a cursor's key back.
pub(super) fn sort_type(field: Option<ImpedimentSort>) -> Option<crate::cursor::KeyType> {
    field.map(|f| sort_key(f).ty)
}

fn code(value: &str, max: usize) -> Result<String, FieldProblem> {
    let v = value.trim().to_ascii_uppercase();
    if !v.is_empty() && v.len() <= max && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Ok(v)
    } else {
        Err(FieldProblem::new("invalid_format", "is not a code"))
    }
}

/// The codes starting with a prefix of digits, as the range `[prefix, next)`: HS codes are digits only
/// (`gmc_domain::impediment` checks them), and among digit strings "starts with `03`" is exactly
/// "`03` ≤ code < `04`" in any collation. `next` is the prefix with its last digit below 9 raised by one
/// and what follows dropped (`09` → `1`, `0399` → `04`, so `04` itself stays out); an all-nines prefix
/// has no upper bound (every digit string above `99` starts with it).
fn hs_range(prefix: &str) -> (String, Option<String>) {
    let mut next = prefix.as_bytes().to_vec();
    while let Some(last) = next.pop() {
        if last < b'9' {
            next.push(last + 1);
            return (prefix.to_owned(), String::from_utf8(next).ok());
        }
    }
    (prefix.to_owned(), None)
}

/// How many records a filter's own index must hold before a page is better found by walking the list's
/// order and testing the filter than by seeking the filter's index and sorting its matches. Seeking
/// costs the filter's matches (sorted); walking costs about page × rows ÷ matches: they cross near
/// √(50 × 100,000) ≈ 2,000 for the registry's size, and either side of it both stay in milliseconds.
const WALK_ABOVE: u64 = 2000;

/// Whether a filter, alone, matches more than `WALK_ABOVE` records: a count of its own index that stops
/// there (a fraction of a millisecond). SQLite has no statistics to tell its planner this.
async fn is_broad<E: EntityTrait>(db: &DatabaseConnection, query: Select<E>) -> AppResult<bool> {
    Ok(count_up_to(db, &query, WALK_ABOVE + 1).await? > WALK_ABOVE)
}

/// "The HS code starts with `prefix`", as each engine's planner serves it best. A range seeks the HS
/// index whatever the collation (`LIKE '03%'` cannot use it on PostgreSQL unless it is `COLLATE "C"`);
/// PostgreSQL's planner, which has statistics, takes it from there. SQLite's has none: given a range it
/// always seeks and sorts every match — 34 ms for `03` over 100,000 rows — where `LIKE` (no index)
/// walks the list's order and stops after the page, 0.6 ms; but for a narrow prefix (`030612`: 12
/// records) that walk reads everything, 44 ms, and the seek takes 0.3 ms. So SQLite gets `LIKE` when
/// the prefix is broad and the range otherwise.
///
/// The probe counts only what the caller may read: how fast a page comes must not tell whether hidden
/// records share the prefix.
async fn hs_condition(db: &DatabaseConnection, readable: Condition, prefix: &str) -> AppResult<Condition> {
    let (from, until) = hs_range(prefix);
    let mut range = Condition::all().add(impediments::Column::HsCode.gte(from));
    if let Some(until) = until {
        range = range.add(impediments::Column::HsCode.lt(until));
    }
    if db.get_database_backend() == DbBackend::Sqlite
        && is_broad(db, impediments::Entity::find().filter(readable).filter(range.clone())).await?
    {
        return Ok(Condition::all().add(impediments::Column::HsCode.starts_with(prefix)));
    }
    Ok(range)
}

/// "Linked to the topic". A broad topic is tested row by row as the list walks its order (`EXISTS`, a
/// primary-key probe: 0.3 ms for a page of `SPS`, 40% of the registry); a narrow one is the set of its
/// links (`IN`), which a walk would have to cross the whole registry to fill. `IN` over a broad topic
/// collects and sorts tens of thousands of ids on every page (16–51 ms on SQLite). PostgreSQL plans
/// both as the same semi-join, so it gets `IN` without a probe. The probe counts only links to records
/// the caller may read (each a probe of the covering `ix_impediments_readable`), so that timing tells
/// nothing about hidden ones.
async fn topic_condition(db: &DatabaseConnection, readable: Condition, topic: Uuid) -> AppResult<SimpleExpr> {
    let readable_link = Query::select()
        .expr(Expr::val(1))
        .from(impediments::Entity)
        .and_where(
            Expr::col((impediments::Entity, impediments::Column::Id))
                .equals((impediment_topics::Entity, impediment_topics::Column::ImpedimentId)),
        )
        .cond_where(readable)
        .to_owned();
    let links = impediment_topics::Entity::find()
        .filter(impediment_topics::Column::TopicId.eq(topic))
        .filter(Expr::exists(readable_link));
    if db.get_database_backend() == DbBackend::Sqlite && is_broad(db, links).await? {
        let linked = Query::select()
            .expr(Expr::val(1))
            .from(impediment_topics::Entity)
            .and_where(
                Expr::col((impediment_topics::Entity, impediment_topics::Column::ImpedimentId))
                    .equals((impediments::Entity, impediments::Column::Id)),
            )
            .and_where(impediment_topics::Column::TopicId.eq(topic))
            .to_owned();
        return Ok(Expr::exists(linked));
    }
    Ok(impediments::Column::Id.in_subquery(
        Query::select()
            .column(impediment_topics::Column::ImpedimentId)
            .from(impediment_topics::Entity)
            .and_where(impediment_topics::Column::TopicId.eq(topic))
            .to_owned(),
    ))
}

fn severity(value: i64) -> Result<i16, FieldProblem> {
    gmc_domain::impediment::parse_severity(value)
}

/// The registry's page from the tables (the read model's answer is held to this one in the tests).
pub async fn list(db: &DatabaseConnection, actor: &Actor, f: ImpedimentFilter) -> AppResult<Page<ImpedimentView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let filters = ImpedimentFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), DEFAULT_SORT, &filters);
    let query = filtered(db, actor, &f, &mut e, Walk::Any).await?;
    let Some(mut paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let total = paging.total(db, &query).await?;
    paging.note_total(total);
    let field = paging.sort.field;
    let backend = db.get_database_backend();
    // SQLite, sorted by a field, over a broad match (more than COUNT_LIMIT rows): the same filters,
    // written so that the planner walks the sort index (see `filter_column`). Over a narrow match the
    // planner's own choice — seek the filter's index, sort the few matches — is the faster one.
    // In the default order, the same holds for the text search alone (`search::Plan`).
    let query = match field {
        Some(sort) if backend == DbBackend::Sqlite && paging.is_broad() => {
            filtered(db, actor, &f, &mut ValidationErrors::new(), Walk::SortIndex(sort_key(sort).column)).await?
        }
        None if backend == DbBackend::Sqlite && paging.is_broad() && f.q.is_some() => {
            filtered(db, actor, &f, &mut ValidationErrors::new(), Walk::DefaultOrder).await?
        }
        _ => query,
    };
    let query = paging.seek(query, backend, field.map(sort_key), impediments::Column::Id)?;
    let rows = views(db, actor, query.all(db).await?).await?;
    let (items, next_cursor) = paging.split(rows, |r| (sort_value(field, r), r.id));
    Ok(Page { items, next_cursor, total })
}

/// Which index the filters leave SQLite free to choose (see `filter_column`).
#[derive(Debug, Clone, Copy)]
pub(super) enum Walk {
    /// Any: the planner picks (counts, summaries, the default order, PostgreSQL).
    Any,
    /// The index of this sort key.
    SortIndex(impediments::Column),
    /// The default order over a broad match: as `Any`, but the text search tested row by row.
    DefaultOrder,
}

impl Walk {
    /// How the text search's index takes part: counts, summaries and narrow matches start from its
    /// matches; a broad match is walked in the list's order, which stops after the page.
    fn text_plan(self) -> Plan {
        match self {
            Walk::Any => Plan::FromMatches,
            Walk::SortIndex(_) | Walk::DefaultOrder => Plan::AsTheListWalks,
        }
    }
}

/// A filter's column as the condition names it. Sorted by a field, SQLite's planner (without
/// statistics it takes an equality for ~10 rows) seeks the filter's own index and then sorts every
/// match — 17–24 ms for `partner=EU&sort=-severity` over 100,000 rows, again on every page. `+col` is
/// SQLite's documented way to say "not through this column's index", so it walks the sort index
/// instead, which holds the filter columns (m20261203_000015), and stops after the page (0.3 ms).
/// The sort key's own column stays plain: its index is the walk.
fn filter_column(walk: Walk, c: impediments::Column) -> SimpleExpr {
    match walk {
        Walk::SortIndex(key) if key.as_str() != c.as_str() => Expr::cust(format!(r#"+"impediments"."{}""#, c.as_str())),
        _ => Expr::col((impediments::Entity, c)).into(),
    }
}

/// The filter's values, checked (each problem goes into `e` under its parameter's name, and the value
/// is then `None`). The tables and the read model (`super::model`) both start from these.
pub(super) struct Checked {
    pub q: Option<String>,
    pub status: Option<ImpedimentStatus>,
    pub country: Option<String>,
    pub partner: Option<String>,
    pub chapter: Option<String>,
    /// Digits only, 1–6 of them.
    pub hs: Option<String>,
    pub min: Option<i16>,
    pub max: Option<i16>,
}

pub(super) fn check(f: &ImpedimentFilter, e: &mut ValidationErrors) -> Checked {
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let status = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<ImpedimentStatus>(s)));
    let country = f.reporting_country.as_deref().and_then(|c| e.check("reporting_country", code(c, 3)));
    let partner = f.partner.as_deref().and_then(|p| e.check("partner", code(p, 12)));
    let chapter = f.ntm_chapter.as_deref().and_then(|c| e.check("ntm_chapter", code(c, 16)));
    let hs = f.hs.as_deref().and_then(|h| {
        let digits = h.trim().bytes().all(|b| b.is_ascii_digit()) && (1..=6).contains(&h.trim().len());
        e.check(
            "hs",
            if digits {
                Ok(h.trim().to_owned())
            } else {
                Err(FieldProblem::new("invalid_format", "must be 1–6 digits"))
            },
        )
    });
    let min = f.severity_min.and_then(|s| e.check("severity_min", severity(s)));
    let max = f.severity_max.and_then(|s| e.check("severity_max", severity(s)));
    if let (Some(a), Some(b)) = (min, max) {
        if a > b {
            e.add("severity_max", "out_of_range", "must not be below severity_min");
        }
    }
    if let (Some(a), Some(b)) = (f.from, f.to) {
        if a > b {
            e.add("to", "out_of_range", "must not be before from");
        }
    }
    Checked { q, status, country, partner, chapter, hs, min, max }
}

/// The rows the actor may read that match the filter; problems with the filter go into `e`.
pub(super) async fn filtered(
    db: &DatabaseConnection,
    actor: &Actor,
    f: &ImpedimentFilter,
    e: &mut ValidationErrors,
    walk: Walk,
) -> AppResult<Select<impediments::Entity>> {
    use impediments::Column as C;
    let col = |c: C| Expr::expr(filter_column(walk, c));
    let Checked { q, status, country, partner, chapter, hs, min, max } = check(f, e);
    let readable = || read_condition(actor, impediments::Column::Visibility, impediments::Column::DelegationId);
    let mut query = impediments::Entity::find().filter(readable());
    if let Some(v) = status {
        query = query.filter(col(C::Status).eq(v.as_str()));
    }
    if let Some(v) = country {
        query = query.filter(col(C::ReportingCountry).eq(v));
    }
    if let Some(v) = partner {
        query = query.filter(col(C::Partner).eq(v));
    }
    if let Some(v) = chapter {
        query = query.filter(col(C::NtmChapter).eq(v));
    }
    if let Some(v) = hs {
        query = query.filter(hs_condition(db, readable(), &v).await?);
    }
    if let Some(v) = f.delegation {
        query = query.filter(col(C::DelegationId).eq(v));
    }
    if let Some(v) = min {
        query = query.filter(col(C::Severity).gte(v));
    }
    if let Some(v) = max {
        query = query.filter(col(C::Severity).lte(v));
    }
    if let Some(d) = f.from {
        query = query.filter(col(C::CreatedAt).gte(d.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(d) = f.to.and_then(|d| d.succ_opt()) {
        query = query.filter(col(C::CreatedAt).lt(d.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(t) = f.topic.as_deref() {
        let topic = match Uuid::parse_str(t) {
            Ok(id) => Some(id),
            Err(_) => topics::Entity::find()
                .filter(topics::Column::Code.eq(t.trim().to_ascii_uppercase()))
                .one(db)
                .await?
                .map(|t| t.id),
        };
        // An unknown topic matches nothing.
        query = query.filter(topic_condition(db, readable(), topic.unwrap_or(Uuid::nil())).await?);
    }
    if let Some(q) = &q {
        query = containing(query, db.get_database_backend(), q, walk.text_plan());
    }
    Ok(query)
}

#[cfg(test)]
mod tests {
    use super::hs_range;

    #[test]
    fn an_hs_prefix_is_the_range_of_codes_starting_with_it() {
        let r = |p: &str| hs_range(p);
        assert_eq!(r("03"), ("03".into(), Some("04".into())));
        assert_eq!(r("09"), ("09".into(), Some("1".into())));
        assert_eq!(r("0399"), ("0399".into(), Some("04".into())));
        assert_eq!(r("1"), ("1".into(), Some("2".into())));
        assert_eq!(r("99"), ("99".into(), None));
        // The range holds exactly the digit strings that start with the prefix.
        let codes = [
            "02", "03", "0301", "030617", "039", "0399", "039910", "04", "0400", "09", "0999", "1", "10", "99", "9999",
        ];
        for prefix in ["03", "09", "0399", "1", "99", "9"] {
            let (from, until) = r(prefix);
            for code in codes {
                let inside = code >= from.as_str() && until.as_deref().is_none_or(|u| code < u);
                assert_eq!(inside, code.starts_with(prefix), "{prefix} {code}");
            }
        }
    }
}
