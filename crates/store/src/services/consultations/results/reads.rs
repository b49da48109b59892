//! The raw reads of results: answers grouped by question, option and value (optionally by a profile
//! dimension, or counted per date block), and respondents counted by filter or by day. Every read is an index-only scan
//! of the answers' covering index or of `(consultation, submitted_at)` on responses.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Alias, Expr, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};
use uuid::Uuid;

use super::filter::{filtered, Checked};
use crate::entities::{answers, responses};
use crate::AppResult;

pub(crate) use crate::services::consultations::counts::Group;
pub(super) type Tally = Vec<Group<String>>;

/// Respondents answering: the first row of each response's answer (`seq` 0).
fn first_rows() -> SimpleExpr {
    Expr::cust("SUM(CASE WHEN \"seq\" = 0 THEN 1 ELSE 0 END)")
}

pub(super) async fn tally(
    db: &DatabaseConnection,
    consultation: Uuid,
    f: &Checked,
    question: Option<&str>,
) -> AppResult<Tally> {
    let mut q = answers::Entity::find().filter(answers::Column::ConsultationId.eq(consultation));
    if let Some(code) = question {
        q = q.filter(answers::Column::Question.eq(code));
    }
    Ok(filtered(q, f)
        .select_only()
        .column(answers::Column::Question)
        .column(answers::Column::Choice)
        .column(answers::Column::Value)
        .column_as(Expr::col(answers::Column::Id).count(), "n")
        .column_as(first_rows(), "firsts")
        .group_by(answers::Column::Question)
        .group_by(answers::Column::Choice)
        .group_by(answers::Column::Value)
        .into_tuple()
        .all(db)
        .await?)
}

pub(super) async fn respondents(db: &DatabaseConnection, consultation: Uuid, f: &Checked) -> AppResult<i64> {
    let q = responses::Entity::find().filter(responses::Column::ConsultationId.eq(consultation));
    Ok(filtered(q, f).count(db).await? as i64)
}

/// A profile dimension of the raw answers as text (`None` when not given). Booleans come back as
/// booleans on PostgreSQL and integers on SQLite, so women-led is spelled out.
pub(super) fn dimension(by: &str) -> SimpleExpr {
    match by {
        "women_led" => Expr::cust("CASE WHEN \"women_led\" THEN 'true' WHEN NOT \"women_led\" THEN 'false' END"),
        other => Expr::col(Alias::new(other)).into(),
    }
}

/// One question's answers grouped by a dimension (`dim`, from `dimension`).
pub(super) async fn by_dimension(
    db: &DatabaseConnection,
    consultation: Uuid,
    question: &str,
    f: &Checked,
    dim: SimpleExpr,
) -> AppResult<Vec<Group<Option<String>>>> {
    let q = answers::Entity::find()
        .filter(answers::Column::ConsultationId.eq(consultation))
        .filter(answers::Column::Question.eq(question));
    Ok(filtered(q, f)
        .select_only()
        .column_as(dim.clone(), "dim")
        .column(answers::Column::Choice)
        .column(answers::Column::Value)
        .column_as(Expr::col(answers::Column::Id).count(), "n")
        .column_as(first_rows(), "firsts")
        .group_by(dim)
        .group_by(answers::Column::Choice)
        .group_by(answers::Column::Value)
        .into_tuple()
        .all(db)
        .await?)
}

/// The UTC day of `submitted_at` as `YYYY-MM-DD`. SQLite stores the instant as UTC text that starts
/// with the date; PostgreSQL converts from its time zone.
fn day(backend: DatabaseBackend) -> SimpleExpr {
    match backend {
        DatabaseBackend::Postgres => Expr::cust("to_char(\"submitted_at\" AT TIME ZONE 'UTC', 'YYYY-MM-DD')"),
        _ => Expr::cust("substr(\"submitted_at\", 1, 10)"),
    }
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Respondents per day of submission (days without responses absent).
pub(super) async fn days(db: &DatabaseConnection, consultation: Uuid) -> AppResult<Vec<(NaiveDate, i64)>> {
    let day = day(db.get_database_backend());
    let rows: Vec<(String, i64)> = responses::Entity::find()
        .filter(responses::Column::ConsultationId.eq(consultation))
        .select_only()
        .column_as(day.clone(), "day")
        .column_as(Expr::col(responses::Column::Id).count(), "n")
        .group_by(day)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(d, n)| parse_day(&d).map(|d| (d, n))).collect())
}

/// Answers grouped by question, option and value, counted per date block: `(group, per block (rows,
/// respondents answering))`, where block `b` runs from `edges[b - 1]` (or the start) to `edges[b]`
/// (or now). Grouped in the covering index's own order, with one filtered count per edge of the rows
/// before it (a block is the difference of two), the answers are read once and never sorted: grouping
/// by day first sorted them all, and a CASE per block cost twice these filtered counts.
pub(super) async fn by_block(
    db: &DatabaseConnection,
    consultation: Uuid,
    question: Option<&str>,
    edges: &[DateTime<Utc>],
) -> AppResult<Vec<(Group<String>, Vec<(i64, i64)>)>> {
    let backend = db.get_database_backend();
    let before = |first: bool| {
        let p = if backend == DatabaseBackend::Postgres { "$1" } else { "?" };
        let seq = if first { " AND \"seq\" = 0" } else { "" };
        format!("COUNT(*) FILTER (WHERE \"submitted_at\" < {p}{seq})")
    };
    let mut out: BTreeMap<AnswerKey, Vec<(i64, i64)>> = BTreeMap::new();
    // A database allows so many columns to a row: a long consultation is read in slices of edges.
    let all: Vec<usize> = (0..edges.len()).collect();
    for slice in all.chunks(400).map(<[usize]>::to_vec).chain(edges.is_empty().then(Vec::new)) {
        let mut q = Query::select();
        q.column(answers::Column::Question)
            .column(answers::Column::Choice)
            .column(answers::Column::Value)
            .expr(Expr::col(answers::Column::Id).count())
            .expr(first_rows())
            .from(answers::Entity)
            .and_where(Expr::col(answers::Column::ConsultationId).eq(consultation));
        if let Some(code) = question {
            q.and_where(Expr::col(answers::Column::Question).eq(code));
        }
        for &e in &slice {
            q.expr(Expr::cust_with_values(before(false), [edges[e]]));
            q.expr(Expr::cust_with_values(before(true), [edges[e]]));
        }
        q.group_by_columns([answers::Column::Question, answers::Column::Choice, answers::Column::Value]);
        for row in db.query_all(backend.build(&q)).await? {
            let key = (row.try_get_by_index(0)?, row.try_get_by_index(1)?, row.try_get_by_index::<Option<f64>>(2)?);
            let cumulative =
                out.entry((key.0, key.1, key.2.map(OrderedValue))).or_insert_with(|| vec![(0, 0); edges.len() + 1]);
            // Rows before each edge, and (last) all rows.
            cumulative[edges.len()] = (row.try_get_by_index(3)?, row.try_get_by_index(4)?);
            for (i, &e) in slice.iter().enumerate() {
                cumulative[e] = (row.try_get_by_index(5 + 2 * i)?, row.try_get_by_index(6 + 2 * i)?);
            }
        }
    }
    Ok(out
        .into_iter()
        .map(|((question, choice, value), cumulative)| {
            let mut previous = (0, 0);
            let blocks = cumulative
                .into_iter()
                .map(|(n, f)| {
                    let block = (n - previous.0, f - previous.1);
                    previous = (n, f);
                    block
                })
                .collect();
            ((question, choice, value.map(|v| v.0), 0, 0), blocks)
        })
        .collect())
}

/// An answer group's key: question, option, value.
type AnswerKey = (String, Option<String>, Option<OrderedValue>);

/// A stored number as a map key (they are never NaN).
#[derive(Debug, Clone, Copy, PartialEq)]
struct OrderedValue(f64);

impl Eq for OrderedValue {}

impl PartialOrd for OrderedValue {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrderedValue {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}
