//! Pre-aggregated answer counts (`answer_counts`): what each submission adds, the upsert that adds it in
//! the submission's own transaction, and the reads that results and cross-tabs make of it when no date
//! filter asks for the raw answers.

use std::collections::{HashMap, HashSet};

use gmc_domain::consultation::{Answer, Question, QuestionKind};
use sea_orm::sea_query::{Alias, Expr, OnConflict, Query, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::entities::answer_counts::{self, Column};
use crate::{AppError, AppResult};

/// One group of answers (here or from the raw answers, `results::reads`): `(key, choice, value, rows, respondents answering)` where the key is the
/// question (results) or the dimension's value (cross-tabs).
pub(crate) type Group<K> = (K, Option<String>, Option<f64>, i64, i64);

/// A checked respondent profile, copied onto every answer row.
pub(crate) struct Profile {
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
}

/// The respondents' pseudo-question: one row per profile counting responses.
pub(crate) const RESPONDENTS: &str = "";
/// The profile of counts kept for all respondents together (number questions); no filter matches it.
const ANY: &str = "*";
const ANY_WOMEN_LED: i16 = -2;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    consultation_id: Uuid,
    question: String,
    bucket: String,
    country: String,
    sector: String,
    size_class: String,
    women_led: i16,
}

/// `(answer rows, respondents answering)` per key.
pub(crate) type Counts = HashMap<Key, (i64, i64)>;

/// A number as a bucket: whole numbers without a fraction, others in Rust's shortest round-trip form.
pub(crate) fn bucket_of(v: f64) -> String {
    match whole(v) {
        Some(n) => n.to_string(),
        None => format!("{v}"),
    }
}

/// The number as an integer when it is a whole number small enough to be exact.
pub(crate) fn whole(v: f64) -> Option<i64> {
    (v.fract() == 0.0 && v.abs() < 1e15).then_some(v as i64)
}

/// The codes of the scale questions: their values are few, so they are counted.
pub(crate) fn scale_codes(questions: &[Question]) -> HashSet<&str> {
    questions.iter().filter(|q| q.kind == QuestionKind::Scale).map(|q| q.code.as_str()).collect()
}

/// Adds one response's answers to `counts`.
pub(crate) fn add(
    counts: &mut Counts,
    consultation_id: Uuid,
    scales: &HashSet<&str>,
    answers: &[(String, Answer)],
    p: &Profile,
) {
    let key = |question: &str, bucket: String| Key {
        consultation_id,
        question: question.to_owned(),
        bucket,
        country: p.country.clone().unwrap_or_default(),
        sector: p.sector.clone().unwrap_or_default(),
        size_class: p.size_class.clone().unwrap_or_default(),
        women_led: p.women_led.map_or(-1, i16::from),
    };
    let mut bump = |k: Key, first: bool| {
        let e = counts.entry(k).or_default();
        e.0 += 1;
        e.1 += i64::from(first);
    };
    bump(key(RESPONDENTS, String::new()), true);
    for (code, answer) in answers {
        match answer {
            Answer::Choices(ids) => {
                for (i, id) in ids.iter().enumerate() {
                    bump(key(code, id.clone()), i == 0);
                }
            }
            Answer::Value(v) if scales.contains(code.as_str()) => bump(key(code, bucket_of(*v)), true),
            // Numbers have too many values to count per profile: they are counted for everyone
            // together (the `ANY` profile), which serves unfiltered results; filtered results read
            // their raw answers.
            Answer::Value(v) => {
                let k = Key {
                    consultation_id,
                    question: code.clone(),
                    bucket: bucket_of(*v),
                    country: ANY.into(),
                    sector: ANY.into(),
                    size_class: ANY.into(),
                    women_led: ANY_WOMEN_LED,
                };
                bump(k, true);
            }
            Answer::Text(_) => bump(key(code, String::new()), true),
        }
    }
}

/// Adds `counts` to the table: insert, or add to the existing row.
pub(crate) async fn upsert<C: ConnectionTrait>(db: &C, counts: Counts) -> AppResult<()> {
    let rows: Vec<(Key, (i64, i64))> = counts.into_iter().collect();
    for chunk in rows.chunks(300) {
        let mut insert = Query::insert();
        insert.into_table(answer_counts::Entity).columns([
            Column::ConsultationId,
            Column::Question,
            Column::Bucket,
            Column::Country,
            Column::Sector,
            Column::SizeClass,
            Column::WomenLed,
            Column::N,
            Column::Firsts,
        ]);
        for (k, (n, firsts)) in chunk {
            let values: [SimpleExpr; 9] = [
                k.consultation_id.into(),
                k.question.clone().into(),
                k.bucket.clone().into(),
                k.country.clone().into(),
                k.sector.clone().into(),
                k.size_class.clone().into(),
                k.women_led.into(),
                (*n).into(),
                (*firsts).into(),
            ];
            insert.values(values).map_err(|e| AppError::Internal(e.into()))?;
        }
        insert.on_conflict(
            OnConflict::columns([
                Column::ConsultationId,
                Column::Question,
                Column::Bucket,
                Column::Country,
                Column::Sector,
                Column::SizeClass,
                Column::WomenLed,
            ])
            .value(Column::N, Expr::cust("\"answer_counts\".\"n\" + \"excluded\".\"n\""))
            .value(Column::Firsts, Expr::cust("\"answer_counts\".\"firsts\" + \"excluded\".\"firsts\""))
            .to_owned(),
        );
        db.execute(db.get_database_backend().build(&insert)).await?;
    }
    Ok(())
}

/// Profile filters as they apply to `answer_counts` (no dates: those need the raw answers).
#[derive(Debug, Default, Clone)]
pub(crate) struct ProfileFilter {
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
}

impl ProfileFilter {
    pub(crate) fn is_empty(&self) -> bool {
        self.country.is_none() && self.sector.is_none() && self.size_class.is_none() && self.women_led.is_none()
    }
}

fn filtered(consultation: Uuid, f: &ProfileFilter) -> sea_orm::Select<answer_counts::Entity> {
    let mut q = answer_counts::Entity::find().filter(Column::ConsultationId.eq(consultation));
    if let Some(v) = &f.country {
        q = q.filter(Column::Country.eq(v.clone()));
    }
    if let Some(v) = &f.sector {
        q = q.filter(Column::Sector.eq(v.clone()));
    }
    if let Some(v) = &f.size_class {
        q = q.filter(Column::SizeClass.eq(v.clone()));
    }
    if let Some(v) = f.women_led {
        q = q.filter(Column::WomenLed.eq(i16::from(v)));
    }
    q
}

fn sum(col: &str) -> SimpleExpr {
    // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back so both engines return an integer.
    Expr::cust(format!("CAST(SUM(\"{col}\") AS BIGINT)"))
}

/// Turns a bucket back into `(choice, value)` by the question's kind.
fn split(kind: Option<QuestionKind>, bucket: String) -> (Option<String>, Option<f64>) {
    match kind {
        Some(QuestionKind::SingleChoice | QuestionKind::MultiChoice) => (Some(bucket), None),
        Some(QuestionKind::Scale | QuestionKind::Number) => (None, bucket.parse().ok()),
        _ => (None, None),
    }
}

/// The groups of `results` (question, choice, value, rows, respondents answering) and the respondent
/// count, under profile filters.
pub(crate) async fn tally<C: ConnectionTrait>(
    db: &C,
    consultation: Uuid,
    questions: &[Question],
    f: &ProfileFilter,
) -> AppResult<(Vec<Group<String>>, i64)> {
    let rows: Vec<(String, String, i64, i64)> = filtered(consultation, f)
        .select_only()
        .column(Column::Question)
        .column(Column::Bucket)
        .column_as(sum("n"), "n")
        .column_as(sum("firsts"), "firsts")
        .group_by(Column::Question)
        .group_by(Column::Bucket)
        .into_tuple()
        .all(db)
        .await?;
    let kinds: HashMap<&str, QuestionKind> = questions.iter().map(|q| (q.code.as_str(), q.kind)).collect();
    let mut respondents = 0;
    let mut out = Vec::with_capacity(rows.len());
    for (question, bucket, n, firsts) in rows {
        if question == RESPONDENTS {
            respondents += n;
            continue;
        }
        let (choice, value) = split(kinds.get(question.as_str()).copied(), bucket);
        out.push((question, choice, value, n, firsts));
    }
    Ok((out, respondents))
}

/// The respondents matching profile filters.
pub(crate) async fn respondents<C: ConnectionTrait>(db: &C, consultation: Uuid, f: &ProfileFilter) -> AppResult<i64> {
    let n: Option<Option<i64>> = filtered(consultation, f)
        .filter(Column::Question.eq(RESPONDENTS))
        .select_only()
        .column_as(sum("n"), "n")
        .into_tuple()
        .one(db)
        .await?;
    Ok(n.flatten().unwrap_or(0))
}

/// Every question's answer groups by a profile dimension, with the respondents' pseudo-question
/// (`RESPONDENTS`), under profile filters: `(question, group)` with the dimension's value as the group's
/// key (`None` when not given). Numbers are left out — they are counted for everyone together only, so
/// their groups come from the raw answers. `only` narrows to one question (and the respondents).
pub(crate) async fn by_dimension<C: ConnectionTrait>(
    db: &C,
    consultation: Uuid,
    questions: &[Question],
    by: &str,
    only: Option<&str>,
    f: &ProfileFilter,
) -> AppResult<Vec<(String, Group<Option<String>>)>> {
    let dim = match by {
        "women_led" => Expr::cust("CASE \"women_led\" WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE '' END"),
        other => Expr::col(Alias::new(other)).into(),
    };
    let mut q = filtered(consultation, f);
    if let Some(code) = only {
        q = q.filter(Column::Question.is_in([code.to_owned(), RESPONDENTS.to_owned()]));
    }
    let rows: Vec<(String, String, String, i64, i64)> = q
        .select_only()
        .column(Column::Question)
        .column_as(dim.clone(), "dim")
        .column(Column::Bucket)
        .column_as(sum("n"), "n")
        .column_as(sum("firsts"), "firsts")
        .group_by(Column::Question)
        .group_by(dim)
        .group_by(Column::Bucket)
        .into_tuple()
        .all(db)
        .await?;
    let kinds: HashMap<&str, QuestionKind> = questions.iter().map(|q| (q.code.as_str(), q.kind)).collect();
    Ok(rows
        .into_iter()
        .filter(|(question, ..)| kinds.get(question.as_str()) != Some(&QuestionKind::Number))
        .map(|(question, d, bucket, n, firsts)| {
            let (choice, value) = split(kinds.get(question.as_str()).copied(), bucket);
            (question, ((!d.is_empty()).then_some(d), choice, value, n, firsts))
        })
        .collect())
}
