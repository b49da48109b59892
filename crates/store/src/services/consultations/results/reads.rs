//! The raw reads of results: answers grouped by question, option and value (optionally by a profile
//! dimension or by day), and respondents counted by filter or by day. Every read is an index-only scan
//! of the answers' covering index or of `(consultation, submitted_at)` on responses.

use chrono::NaiveDate;
use sea_orm::sea_query::{Alias, Expr, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};
use uuid::Uuid;

use super::filter::{filtered, Checked};
use crate::entities::{answers, responses};
use crate::AppResult;

/// One group of answers: `(key, choice, value, rows, respondents answering)` where the key is the
/// question (results) or the dimension's value (cross-tabs).
pub(crate) type Group<K> = (K, Option<String>, Option<f64>, i64, i64);
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

/// Answers grouped by question, option, value and day: `(day, group)`. One question, or all.
pub(super) async fn by_day(
    db: &DatabaseConnection,
    consultation: Uuid,
    question: Option<&str>,
) -> AppResult<Vec<(NaiveDate, Group<String>)>> {
    let day = day(db.get_database_backend());
    let mut q = answers::Entity::find().filter(answers::Column::ConsultationId.eq(consultation));
    if let Some(code) = question {
        q = q.filter(answers::Column::Question.eq(code));
    }
    // (day, question, choice, value, rows, respondents answering)
    type DayRow = (String, String, Option<String>, Option<f64>, i64, i64);
    let rows: Vec<DayRow> = q
        .select_only()
        .column_as(day.clone(), "day")
        .column(answers::Column::Question)
        .column(answers::Column::Choice)
        .column(answers::Column::Value)
        .column_as(Expr::col(answers::Column::Id).count(), "n")
        .column_as(first_rows(), "firsts")
        .group_by(day)
        .group_by(answers::Column::Question)
        .group_by(answers::Column::Choice)
        .group_by(answers::Column::Value)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(d, question, choice, value, n, firsts)| {
            parse_day(&d).map(|d| (d, (question, choice, value, n, firsts)))
        })
        .collect())
}
