//! Results of a consultation: per question the counts and shares, answered and skipped, mean and
//! median; a cross-tab by one profile dimension; text answers; the anonymised responses; exports.
//!
//! Admins read every number (cells below k marked). Anyone else reads breakdowns under statistical
//! disclosure control (`gmc_domain::disclosure`, rules in `docs/consultations.md`): one filter at a
//! time, dates in whole blocks of k respondents, and each one-dimension table suppressed — cells below
//! k, then complementary cells — so that no withheld number can be worked out from the others.

// Indexing is allowed in the results computation, as in `gmc_domain::disclosure` which it feeds: its
// tables are sized from the questionnaire and the profile dimensions when built here, and every index
// comes from enumerating those same tables (a question's options, a dimension's columns, a date
// range's blocks) — never from a client's input, which is validated into those sizes first.
#![allow(clippy::indexing_slicing)]

mod breakdown;
mod dates;
mod exact;
mod export;
mod filter;
mod model;
mod profile;
mod reads;
mod rows;
mod text;

use gmc_domain::consultation::QuestionKind;
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{sees_results_below_k, sees_small_cells};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

pub use export::results_csv;
pub(crate) use export::spreadsheet_safe;
pub use filter::ResultFilter;
pub use model::{Cell, CrossColumn, CrossRow, CrossTab, OptionResult, QuestionResult, Results, DIMENSIONS};
pub use rows::{responses_csv, responses_page, ResponseRecord, ResponseSort};
pub use text::{text_answers, TextAnswer, TextAnswerSort};

use super::questions_of;
use crate::entities::consultations;
use crate::entities::responses;
use crate::services::access::find_readable;
use crate::AppResult;

pub async fn results(db: &DatabaseConnection, actor: &Actor, id: Uuid, f: ResultFilter, k: i64) -> AppResult<Results> {
    let row: consultations::Model = find_readable(db, actor, id).await?;
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
    let row: consultations::Model = find_readable(db, actor, id).await?;
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
            e.add("question", "not_tabulable", "text answers cannot be cross-tabulated");
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
