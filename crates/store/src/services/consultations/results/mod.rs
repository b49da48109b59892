//! Results of a consultation: per question the counts and shares, answered and skipped, mean and
//! median; a cross-tab by one profile dimension; text answers; the anonymised responses; exports.
//!
//! Admins read every number (cells below k marked). Anyone else reads breakdowns under statistical
//! disclosure control (`gmc_domain::disclosure`, rules in `docs/consultations.md`): one filter at a
//! time, dates in whole blocks of k respondents, and each one-dimension table suppressed — cells below
//! k, then complementary cells — so that no withheld number can be worked out from the others.

mod breakdown;
mod dates;
mod exact;
mod export;
mod filter;
mod profile;
mod reads;
mod rows;
mod text;

use chrono::NaiveDate;
use gmc_domain::consultation::{withheld, QuestionKind, Texts};
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{sees_results_below_k, sees_small_cells};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

pub use export::results_csv;
pub use filter::ResultFilter;
pub(crate) use reads::Group;
pub use rows::{responses_csv, responses_page, ResponseRecord, ResponseSort};
pub use text::{text_answers, TextAnswer, TextAnswerSort};

use super::{find_readable, questions_of};
use crate::entities::responses;
use crate::AppResult;

/// A count as shown: the number, or nothing when withheld.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub count: Option<i64>,
    pub withheld: bool,
    /// Admins: below k (withheld from others). Others: set on every withheld cell, whether it is
    /// below k itself or withheld to protect one that is — telling those apart would say which
    /// withheld cells are k or more.
    pub below_k: bool,
}

impl Cell {
    /// A count of an exact view: a breakdown cell (`suppress`) below k is withheld, except for admins.
    fn new(n: i64, k: i64, suppress: bool, sees_all: bool) -> Self {
        let below = suppress && n < k;
        let hide = below && withheld(n, k, sees_all);
        Cell { count: (!hide).then_some(n), withheld: hide, below_k: below }
    }

    /// A count of a protected table, as a non-admin sees it.
    fn protected(n: i64, withheld: bool) -> Self {
        Cell { count: (!withheld).then_some(n), withheld, below_k: withheld }
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
    /// The dates the counts cover (`None`: unbounded) — for non-admins, the whole blocks a date filter
    /// was rounded to.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub questions: Vec<QuestionResult>,
}

/// The cross-tab dimensions.
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

pub async fn results(db: &DatabaseConnection, actor: &Actor, id: Uuid, f: ResultFilter, k: i64) -> AppResult<Results> {
    let row = find_readable(db, actor, id).await?;
    let sees_all = sees_small_cells(actor);
    let mut e = ValidationErrors::new();
    let checked = filter::check_filter(&f, &mut e);
    if !sees_all {
        filter::one_at_a_time(&f, &mut e);
    }
    e.finish()?;
    let questions = questions_of(&row)?;
    let owner = sees_results_below_k(actor, row.delegation_id.map(DelegationId::from_uuid));
    let view = |dates| exact::View { sees_all, owner, dates };
    if sees_all || !f.is_set() {
        return exact::results(db, &row, &questions, &checked, f.is_set(), view((f.from, f.to)), k).await;
    }
    if let Some((by, value)) = checked.profile() {
        return profile::results(db, &row, &questions, (by, &value), k, owner).await;
    }
    let run = dates::Run::snap(db, &row, (f.from, f.to), k).await?;
    if run.is_everything() {
        // Every block: the dates change nothing, and the result is the unfiltered one.
        let none = filter::Checked::default();
        return exact::results(db, &row, &questions, &none, false, view((None, None)), k).await;
    }
    run.results(db, &row, &questions, k).await
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
    let sees_all = sees_small_cells(actor);
    let mut e = ValidationErrors::new();
    let checked = filter::check_filter(&f, &mut e);
    if !sees_all {
        filter::no_filter_on_crosstab(&f, &mut e);
    }
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
    if sees_all {
        return exact::crosstab(db, &row, q, by, &checked, k).await;
    }
    if !sees_results_below_k(actor, row.delegation_id.map(DelegationId::from_uuid)) {
        // Below k respondents in all, even which columns exist (a country, a sector) would describe
        // the few firms that answered: a non-owner gets no columns at all.
        let whole = responses::Entity::find().filter(responses::Column::ConsultationId.eq(row.id)).count(db).await?;
        if (whole as i64) < k {
            let rows =
                breakdown::option_rows(q).into_iter().map(|(id, label)| CrossRow { id, label, cells: Vec::new() });
            return Ok(CrossTab {
                question: q.code.clone(),
                by: by.to_owned(),
                k,
                columns: Vec::new(),
                rows: rows.collect(),
            });
        }
    }
    profile::crosstab(db, &row, q, by, k).await
}
