//! Results of a consultation: per question the counts and shares, answered and skipped, mean and
//! median; a cross-tab by one profile dimension; text answers; the anonymised responses. Every
//! breakdown cell below k respondents is withheld for everyone but admins (the small-cell rule), so no
//! single firm can be singled out.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use gmc_domain::consultation::{median, withheld, Question, QuestionKind, SizeClass, Texts};
use gmc_domain::error::parse_enum;
use gmc_domain::ids::DelegationId;
use gmc_domain::page::Limit;
use gmc_domain::policy::{reads_response_rows, sees_results_below_k, sees_small_cells};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::{Alias, Expr, IntoCondition};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use serde_json::{json, Value};
use uuid::Uuid;

use super::{find_readable, questions_of};
use crate::cursor::{self, Cursor, Page};
use crate::entities::{answers, consultations, responses};
use crate::AppResult;

/// The respondent filters of results, cross-tabs, text answers and exports.
#[derive(Debug, Default, Clone)]
pub struct ResultFilter {
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl ResultFilter {
    pub fn is_set(&self) -> bool {
        self.country.is_some()
            || self.sector.is_some()
            || self.size_class.is_some()
            || self.women_led.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }
}

struct Checked {
    country: Option<String>,
    sector: Option<String>,
    size_class: Option<String>,
    women_led: Option<bool>,
    from: Option<DateTime<Utc>>,
    until: Option<DateTime<Utc>>,
}

fn upper_code(field: &str, v: &str, max: usize, e: &mut ValidationErrors) -> Option<String> {
    let v = v.trim().to_ascii_uppercase();
    if !v.is_empty() && v.len() <= max && v.bytes().all(|b| b.is_ascii_uppercase()) {
        Some(v)
    } else {
        e.add(field, "invalid_format", "is not a code");
        None
    }
}

fn check_filter(f: &ResultFilter, e: &mut ValidationErrors) -> Checked {
    let day = |d: NaiveDate| d.and_time(NaiveTime::MIN).and_utc();
    if let (Some(a), Some(b)) = (f.from, f.to) {
        if a > b {
            e.add("to", "out_of_range", "must not be before from");
        }
    }
    Checked {
        country: f.country.as_deref().and_then(|c| upper_code("country", c, 3, e)),
        sector: f.sector.as_deref().and_then(|s| upper_code("sector", s, 2, e)),
        size_class: f
            .size_class
            .as_deref()
            .and_then(|s| e.check("size_class", parse_enum::<SizeClass>(s)))
            .map(|s| s.as_str().to_owned()),
        women_led: f.women_led,
        from: f.from.map(day),
        until: f.to.and_then(|d| d.succ_opt()).map(day),
    }
}

impl Checked {
    /// Without dates, the pre-aggregated counts answer; a date range needs the raw answers.
    fn counts_filter(&self) -> Option<super::counts::ProfileFilter> {
        (self.from.is_none() && self.until.is_none()).then(|| super::counts::ProfileFilter {
            country: self.country.clone(),
            sector: self.sector.clone(),
            size_class: self.size_class.clone(),
            women_led: self.women_led,
        })
    }
}

/// Applies the filter to `answers` or `responses`: both carry the profile columns under the same names.
fn filtered<E: EntityTrait>(mut q: Select<E>, f: &Checked) -> Select<E> {
    let col = |name: &str| Expr::col(Alias::new(name));
    if let Some(v) = &f.country {
        q = q.filter(col("country").eq(v.clone()).into_condition());
    }
    if let Some(v) = &f.sector {
        q = q.filter(col("sector").eq(v.clone()).into_condition());
    }
    if let Some(v) = &f.size_class {
        q = q.filter(col("size_class").eq(v.clone()).into_condition());
    }
    if let Some(v) = f.women_led {
        q = q.filter(col("women_led").eq(v).into_condition());
    }
    if let Some(v) = f.from {
        q = q.filter(col("submitted_at").gte(v).into_condition());
    }
    if let Some(v) = f.until {
        q = q.filter(col("submitted_at").lt(v).into_condition());
    }
    q
}

/// A count as shown: the number, or nothing when withheld.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub count: Option<i64>,
    pub withheld: bool,
    /// Below k (shown only because the reader is an admin).
    pub below_k: bool,
}

impl Cell {
    fn new(n: i64, k: i64, suppress: bool, sees_all: bool) -> Self {
        let below = suppress && n < k;
        let hide = below && withheld(n, k, sees_all);
        Cell { count: (!hide).then_some(n), withheld: hide, below_k: below }
    }
}

#[derive(Debug, Clone)]
pub struct OptionResult {
    pub id: String,
    pub label: Texts,
    pub cell: Cell,
    pub share: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct QuestionResult {
    pub code: String,
    pub kind: QuestionKind,
    pub prompt: Texts,
    pub answered: Cell,
    pub skipped: Cell,
    pub options: Vec<OptionResult>,
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Results {
    pub respondents: Cell,
    pub k: i64,
    pub filtered: bool,
    pub questions: Vec<QuestionResult>,
}

/// One group of answers: `(key, choice, value, rows, respondents answering)` where the key is the
/// question (results) or the dimension's value (cross-tabs).
pub(crate) type Group<K> = (K, Option<String>, Option<f64>, i64, i64);
type Tally = Vec<Group<String>>;

/// Per cross-tab column: respondents answering, `(value, count)` pairs, counts by option.
#[derive(Default)]
struct Column {
    answered: i64,
    values: Vec<(f64, i64)>,
    counts: HashMap<String, i64>,
}

fn first_rows() -> sea_orm::sea_query::SimpleExpr {
    Expr::cust("SUM(CASE WHEN \"seq\" = 0 THEN 1 ELSE 0 END)")
}

async fn tally(db: &DatabaseConnection, consultation: Uuid, f: &Checked, question: Option<&str>) -> AppResult<Tally> {
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

async fn respondents(db: &DatabaseConnection, consultation: Uuid, f: &Checked) -> AppResult<i64> {
    let q = responses::Entity::find().filter(responses::Column::ConsultationId.eq(consultation));
    Ok(filtered(q, f).count(db).await? as i64)
}

/// The rows of one question's distribution: options for choices, each value of a scale.
fn option_rows(q: &Question) -> Vec<(String, Texts)> {
    match q.kind {
        QuestionKind::SingleChoice | QuestionKind::MultiChoice => {
            q.options.iter().map(|o| (o.id.clone(), o.label.clone())).collect()
        }
        QuestionKind::Scale => {
            let (lo, hi) = (q.min.unwrap_or(0.0) as i64, q.max.unwrap_or(0.0) as i64);
            (lo..=hi).map(|v| (v.to_string(), Texts::new())).collect()
        }
        QuestionKind::Number | QuestionKind::Text => Vec::new(),
    }
}

fn key_of(choice: &Option<String>, value: Option<f64>) -> Option<String> {
    choice.clone().or_else(|| value.map(|v| (v as i64).to_string()))
}

fn mean_of(pairs: &[(f64, i64)]) -> Option<f64> {
    let n: i64 = pairs.iter().map(|(_, n)| n).sum();
    (n > 0).then(|| pairs.iter().map(|(v, c)| v * *c as f64).sum::<f64>() / n as f64)
}

pub async fn results(db: &DatabaseConnection, actor: &Actor, id: Uuid, f: ResultFilter, k: i64) -> AppResult<Results> {
    let row = find_readable(db, actor, id).await?;
    let mut e = ValidationErrors::new();
    let checked = check_filter(&f, &mut e);
    e.finish()?;
    compute(db, actor, &row, &checked, f.is_set(), k).await
}

async fn compute(
    db: &DatabaseConnection,
    actor: &Actor,
    row: &consultations::Model,
    f: &Checked,
    filtered_by_profile: bool,
    k: i64,
) -> AppResult<Results> {
    let questions = questions_of(row)?;
    let sees_all = sees_small_cells(actor);
    let (rows, total) = match f.counts_filter() {
        Some(pf) => {
            let (mut rows, total) = super::counts::tally(db, row.id, &questions, &pf).await?;
            // Numbers are pre-counted only for everyone together: a filter reads their raw answers.
            if !pf.is_empty() {
                for q in questions.iter().filter(|q| q.kind == QuestionKind::Number) {
                    rows.extend(tally(db, row.id, f, Some(&q.code)).await?);
                }
            }
            (rows, total)
        }
        None => (tally(db, row.id, f, None).await?, respondents(db, row.id, f).await?),
    };
    // A filter makes the group a breakdown cell: a small group is withheld whole. Unfiltered, the
    // whole round is itself a cell for anyone but its owners (one respondent's "Yes — 100 %" names
    // a firm), so below k they see only that there are fewer than k.
    let suppress = filtered_by_profile;
    let owner_view = sees_results_below_k(actor, row.delegation_id.map(DelegationId::from_uuid));
    let group = Cell::new(total, k, suppress || !owner_view, sees_all);
    let rows = if group.withheld { Vec::new() } else { rows };
    let mut by_question: HashMap<&str, Vec<&Group<String>>> = HashMap::new();
    for r in &rows {
        by_question.entry(r.0.as_str()).or_default().push(r);
    }
    let mut out = Vec::with_capacity(questions.len());
    for q in &questions {
        let groups = by_question.remove(q.code.as_str()).unwrap_or_default();
        let answered: i64 = groups.iter().map(|g| g.4).sum();
        let counts: HashMap<String, i64> = groups.iter().filter_map(|g| key_of(&g.1, g.2).map(|key| (key, g.3))).fold(
            HashMap::new(),
            |mut m, (key, n)| {
                *m.entry(key).or_default() += n;
                m
            },
        );
        let values: Vec<(f64, i64)> = groups.iter().filter_map(|g| g.2.map(|v| (v, g.3))).collect();
        let answered_cell = if group.withheld {
            Cell { count: None, withheld: true, below_k: true }
        } else {
            Cell::new(answered, k, suppress, sees_all)
        };
        let skipped_cell =
            if group.withheld { answered_cell } else { Cell::new(total - answered, k, suppress, sees_all) };
        let options = option_rows(q)
            .into_iter()
            .map(|(id, label)| {
                let n = counts.get(&id).copied().unwrap_or(0);
                let cell = if group.withheld { answered_cell } else { Cell::new(n, k, suppress, sees_all) };
                let share =
                    cell.count.filter(|_| answered > 0 && !answered_cell.withheld).map(|n| n as f64 / answered as f64);
                OptionResult { id, label, cell, share }
            })
            .collect();
        let numeric = matches!(q.kind, QuestionKind::Scale | QuestionKind::Number) && !answered_cell.withheld;
        out.push(QuestionResult {
            code: q.code.clone(),
            kind: q.kind,
            prompt: q.prompt.clone(),
            answered: answered_cell,
            skipped: skipped_cell,
            options,
            mean: if numeric { mean_of(&values) } else { None },
            median: if numeric { median(&values) } else { None },
        });
    }
    Ok(Results { respondents: group, k, filtered: filtered_by_profile, questions: out })
}

/// A cross-tab dimension.
pub const DIMENSIONS: &[&str] = &["country", "sector", "size_class", "women_led"];

#[derive(Debug, Clone)]
pub struct CrossColumn {
    pub key: String,
    pub respondents: Cell,
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct CrossRow {
    pub id: String,
    pub label: Texts,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone)]
pub struct CrossTab {
    pub question: String,
    pub by: String,
    pub k: i64,
    pub columns: Vec<CrossColumn>,
    pub rows: Vec<CrossRow>,
}

pub async fn crosstab(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    question: &str,
    by: &str,
    f: ResultFilter,
    k: i64,
) -> AppResult<CrossTab> {
    let row = find_readable(db, actor, id).await?;
    let questions = questions_of(&row)?;
    let mut e = ValidationErrors::new();
    let checked = check_filter(&f, &mut e);
    let q = questions.iter().find(|q| q.code == question);
    match q {
        None => e.add("question", "unknown", "is not a question of this consultation"),
        Some(q) if q.kind == QuestionKind::Text => {
            e.add("question", "not_tabulable", "text answers cannot be cross-tabulated")
        }
        _ => {}
    }
    if !DIMENSIONS.contains(&by) {
        e.add("by", "invalid_choice", format!("must be one of: {}", DIMENSIONS.join(", ")));
    }
    e.finish()?;
    let q = q.ok_or(crate::AppError::NotFound("question"))?;
    let sees_all = sees_small_cells(actor);
    if !sees_all && !sees_results_below_k(actor, row.delegation_id.map(DelegationId::from_uuid)) {
        // Below k respondents in all, even which columns exist (a country, a sector) would describe
        // the few firms that answered: a non-owner gets no columns at all.
        let whole = responses::Entity::find().filter(responses::Column::ConsultationId.eq(row.id)).count(db).await?;
        if (whole as i64) < k {
            let rows = option_rows(q).into_iter().map(|(id, label)| CrossRow { id, label, cells: Vec::new() });
            return Ok(CrossTab {
                question: q.code.clone(),
                by: by.to_owned(),
                k,
                columns: Vec::new(),
                rows: rows.collect(),
            });
        }
    }
    let dim = Expr::col(Alias::new(by));
    let rows: Vec<Group<Option<String>>> = match (checked.counts_filter(), by) {
        (Some(pf), _) if q.kind != QuestionKind::Number => super::counts::crosstab(db, row.id, q, by, &pf).await?,
        // Booleans come back as booleans on PostgreSQL and integers on SQLite: read them as text.
        (_, "women_led") => {
            let as_text = Expr::cust("CASE WHEN \"women_led\" THEN 'true' WHEN NOT \"women_led\" THEN 'false' END");
            crosstab_query(db, row.id, &q.code, &checked, as_text).await?
        }
        (_, _) => crosstab_query(db, row.id, &q.code, &checked, dim.into()).await?,
    };
    let mut columns: BTreeMap<String, Column> = BTreeMap::new();
    for (key, choice, value, n, firsts) in rows {
        let col = columns.entry(key.unwrap_or_else(|| "unknown".into())).or_default();
        col.answered += firsts;
        if let Some(v) = value {
            col.values.push((v, n));
        }
        if let Some(k) = key_of(&choice, value) {
            *col.counts.entry(k).or_default() += n;
        }
    }
    let option_list = option_rows(q);
    let numeric = matches!(q.kind, QuestionKind::Scale | QuestionKind::Number);
    let mut out_cols = Vec::new();
    let mut cells: Vec<Vec<Cell>> = vec![Vec::new(); option_list.len()];
    for (key, c) in &columns {
        let col = Cell::new(c.answered, k, true, sees_all);
        out_cols.push(CrossColumn {
            key: key.clone(),
            respondents: col,
            mean: if numeric && !col.withheld { mean_of(&c.values) } else { None },
            median: if numeric && !col.withheld { median(&c.values) } else { None },
        });
        for (i, (id, _)) in option_list.iter().enumerate() {
            let n = c.counts.get(id).copied().unwrap_or(0);
            cells[i].push(if col.withheld { col } else { Cell::new(n, k, true, sees_all) });
        }
    }
    Ok(CrossTab {
        question: q.code.clone(),
        by: by.to_owned(),
        k,
        columns: out_cols,
        rows: option_list.into_iter().zip(cells).map(|((id, label), cells)| CrossRow { id, label, cells }).collect(),
    })
}

async fn crosstab_query(
    db: &DatabaseConnection,
    consultation: Uuid,
    question: &str,
    f: &Checked,
    dim: sea_orm::sea_query::SimpleExpr,
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

#[derive(Debug, Clone)]
pub struct TextAnswer {
    pub text: String,
    pub submitted_at: DateTime<Utc>,
}

/// Text answers to one question, newest first; withheld (empty, `true`) when a filter leaves fewer
/// than k respondents.
pub async fn text_answers(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    question: &str,
    f: ResultFilter,
    paging: (Option<i64>, Option<&str>),
    k: i64,
) -> AppResult<(Page<TextAnswer>, bool)> {
    let row = find_readable(db, actor, id).await?;
    let mut e = ValidationErrors::new();
    let checked = check_filter(&f, &mut e);
    let limit = e.check("limit", Limit::parse(paging.0));
    let cursor = e.check("cursor", cursor::parse(paging.1));
    let questions = questions_of(&row)?;
    match questions.iter().find(|q| q.code == question) {
        None => e.add("question", "unknown", "is not a question of this consultation"),
        Some(q) if q.kind != QuestionKind::Text => e.add("question", "not_text", "is not a text question"),
        _ => {}
    }
    let (Some(limit), Some(cursor)) = (limit, cursor) else {
        return Err(e.into());
    };
    e.finish()?;
    let group = match checked.counts_filter() {
        Some(pf) => super::counts::respondents(db, row.id, &pf).await?,
        None => respondents(db, row.id, &checked).await?,
    };
    let owner_view = sees_results_below_k(actor, row.delegation_id.map(DelegationId::from_uuid));
    if (f.is_set() || !owner_view) && withheld(group, k, sees_small_cells(actor)) {
        return Ok((Page { items: Vec::new(), next_cursor: None }, true));
    }
    let mut q = filtered(
        answers::Entity::find()
            .filter(answers::Column::ConsultationId.eq(row.id))
            .filter(answers::Column::Question.eq(question))
            .filter(answers::Column::Text.is_not_null()),
        &checked,
    )
    .order_by_desc(answers::Column::Id);
    if let Some(c) = cursor {
        let before: i64 = c.k.parse().unwrap_or(i64::MAX);
        q = q.filter(answers::Column::Id.lt(before));
    }
    let rows = q.limit(limit.get() + 1).all(db).await?;
    let page = Page::from_rows(
        rows,
        limit.get(),
        |r| Cursor { k: r.id.to_string(), id: r.response_id },
        |r| TextAnswer { text: r.text.unwrap_or_default(), submitted_at: r.submitted_at },
    );
    Ok((page, false))
}

/// One anonymised response: no stakeholder, only the profile and the answers by question code.
#[derive(Debug, Clone)]
pub struct ResponseRecord {
    pub id: Uuid,
    pub submitted_at: DateTime<Utc>,
    pub channel: String,
    pub lang: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
    pub answers: serde_json::Map<String, Value>,
}

/// A stored number as JSON: whole numbers without a fraction (`5`, not `5.0`).
fn number(v: f64) -> Value {
    super::counts::whole(v).map_or(Value::from(v), Value::from)
}

/// A consultation whose responses the actor may read row by row: its owners only
/// (`policy::reads_response_rows`). A reader of the consultation who is not an owner is refused (it
/// already knows the consultation exists); one who may not read it gets "not found".
async fn find_rows_readable(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<consultations::Model> {
    let row = find_readable(db, actor, id).await?;
    if !reads_response_rows(actor, row.delegation_id.map(DelegationId::from_uuid)) {
        return Err(crate::AppError::Forbidden);
    }
    Ok(row)
}

/// The anonymised responses, newest first, with their answers: for the consultation's owners only.
pub async fn responses_page(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> AppResult<Page<ResponseRecord>> {
    let row = find_rows_readable(db, actor, id).await?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(limit));
    let cursor = e.check("cursor", cursor::parse(cursor));
    let (Some(limit), Some(cursor)) = (limit, cursor) else {
        return Err(e.into());
    };
    let questions = questions_of(&row)?;
    let mut q = responses::Entity::find()
        .filter(responses::Column::ConsultationId.eq(row.id))
        .order_by_desc(responses::Column::Id);
    if let Some(c) = cursor {
        q = q.filter(responses::Column::Id.lt(c.id));
    }
    let rows = q.limit(limit.get() + 1).all(db).await?;
    let more = rows.len() as u64 > limit.get();
    let rows: Vec<responses::Model> = rows.into_iter().take(limit.get() as usize).collect();
    let items = records(db, &questions, rows).await?;
    let next_cursor = if more { items.last().map(|r| Cursor { k: String::new(), id: r.id }.encode()) } else { None };
    Ok(Page { items, next_cursor })
}

async fn records(
    db: &DatabaseConnection,
    questions: &[Question],
    rows: Vec<responses::Model>,
) -> AppResult<Vec<ResponseRecord>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut by_response: HashMap<Uuid, Vec<answers::Model>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for a in answers::Entity::find()
            .filter(answers::Column::ResponseId.is_in(chunk.to_vec()))
            .order_by_asc(answers::Column::Id)
            .all(db)
            .await?
        {
            by_response.entry(a.response_id).or_default().push(a);
        }
    }
    let kinds: HashMap<&str, QuestionKind> = questions.iter().map(|q| (q.code.as_str(), q.kind)).collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut map = serde_json::Map::new();
            for a in by_response.remove(&r.id).unwrap_or_default() {
                let v = match kinds.get(a.question.as_str()) {
                    Some(QuestionKind::MultiChoice) => {
                        let entry = map.entry(a.question.clone()).or_insert_with(|| json!([]));
                        if let (Some(list), Some(c)) = (entry.as_array_mut(), a.choice) {
                            list.push(json!(c));
                        }
                        continue;
                    }
                    _ => a.choice.map(Value::from).or(a.value.map(number)).or(a.text.map(Value::from)),
                };
                map.insert(a.question, v.unwrap_or(Value::Null));
            }
            ResponseRecord {
                id: r.id,
                submitted_at: r.submitted_at,
                channel: r.channel,
                lang: r.lang,
                country: r.country,
                sector: r.sector,
                size_class: r.size_class,
                women_led: r.women_led,
                answers: map,
            }
        })
        .collect())
}

/// The results as CSV: one line per option (or per question for numbers and texts), withheld values
/// written as `withheld`.
pub async fn results_csv(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    f: ResultFilter,
    k: i64,
) -> AppResult<String> {
    let r = results(db, actor, id, f, k).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let cell = |c: Cell| c.count.map(|n| n.to_string()).unwrap_or_else(|| "withheld".into());
    let num = |v: Option<f64>| v.map(|v| format!("{v:.4}")).unwrap_or_default();
    let write = |w: &mut csv::Writer<Vec<u8>>, rec: &[String]| write_safe(w, rec);
    write(
        &mut w,
        &["question", "kind", "prompt_en", "option", "count", "share", "answered", "skipped", "mean", "median"]
            .map(String::from),
    )?;
    for q in &r.questions {
        let prompt = Question::text_in(&q.prompt, "en");
        let base = |option: String, count: String, share: String| {
            vec![
                q.code.clone(),
                q.kind.as_str().into(),
                prompt.clone(),
                option,
                count,
                share,
                cell(q.answered),
                cell(q.skipped),
                num(q.mean),
                num(q.median),
            ]
        };
        if q.options.is_empty() {
            write(&mut w, &base(String::new(), String::new(), String::new()))?;
        }
        for o in &q.options {
            write(&mut w, &base(o.id.clone(), cell(o.cell), num(o.share)))?;
        }
    }
    finish(w)
}

fn finish(w: csv::Writer<Vec<u8>>) -> AppResult<String> {
    let bytes = w.into_inner().map_err(|e| crate::AppError::Internal(anyhow::anyhow!("csv: {e}")))?;
    String::from_utf8(bytes).map_err(|e| crate::AppError::Internal(e.into()))
}

/// Every text cell of an export goes into a file delegates open in a spreadsheet — answers typed by
/// the public, but also a consultation's own prompts and options, which its author typed: a cell
/// starting with `=`, `+`, `-`, `@` (or a tab or carriage return) would run as a formula there ("CSV
/// injection"), so such a cell is prefixed with an apostrophe, which spreadsheets show as text. A
/// plain number (`-3.5`) is left alone: it is a value, not a formula.
pub(crate) fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Writes one CSV record with every cell made spreadsheet-safe.
fn write_safe(w: &mut csv::Writer<Vec<u8>>, rec: &[String]) -> AppResult<()> {
    w.write_record(rec.iter().map(|c| spreadsheet_safe(c))).map_err(|e| crate::AppError::Internal(e.into()))
}

/// Every response, anonymised, as CSV: one column per question (multi-choice ids joined by `;`). For
/// the consultation's owners only.
pub async fn responses_csv(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<String> {
    let row = find_rows_readable(db, actor, id).await?;
    let questions = questions_of(&row)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> =
        ["response_id", "submitted_at", "channel", "lang", "country", "sector", "size_class", "women_led"]
            .map(String::from)
            .to_vec();
    header.extend(questions.iter().map(|q| q.code.clone()));
    write_safe(&mut w, &header)?;
    let mut after: Option<Uuid> = None;
    loop {
        let mut q = responses::Entity::find()
            .filter(responses::Column::ConsultationId.eq(row.id))
            .order_by_asc(responses::Column::Id);
        if let Some(a) = after {
            q = q.filter(responses::Column::Id.gt(a));
        }
        let batch = q.limit(2000).all(db).await?;
        let Some(last) = batch.last().map(|r| r.id) else { break };
        after = Some(last);
        for r in records(db, &questions, batch).await? {
            let mut rec = vec![
                r.id.to_string(),
                r.submitted_at.to_rfc3339(),
                r.channel,
                r.lang,
                r.country.unwrap_or_default(),
                r.sector.unwrap_or_default(),
                r.size_class.unwrap_or_default(),
                r.women_led.map(|b| b.to_string()).unwrap_or_default(),
            ];
            for q in &questions {
                rec.push(match r.answers.get(&q.code) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(";"),
                    Some(v) => v.to_string(),
                });
            }
            write_safe(&mut w, &rec)?;
        }
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn public_text_cannot_become_a_spreadsheet_formula() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("-1+2"), "'-1+2");
        assert_eq!(spreadsheet_safe("Fees at the border"), "Fees at the border");
        assert_eq!(spreadsheet_safe("-3.5"), "-3.5", "a negative number stays a number");
    }
}
