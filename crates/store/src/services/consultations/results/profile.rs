//! Breakdowns by one profile dimension for non-admins: a result filtered by `country=BGD` is the `BGD`
//! column of the table by country, read from the same protected table as the cross-tab, so it can never
//! say more than the cross-tab does. The counts come from `answer_counts` (numbers from the covering
//! index), and the protection is arithmetic on those few counts.

use std::collections::BTreeMap;

use gmc_domain::consultation::{Question, QuestionKind};
use gmc_domain::disclosure::protect_columns;
use sea_orm::DatabaseConnection;

use super::breakdown::Breakdown;
use super::filter::Checked;
use super::{exact, reads, Cell, CrossColumn, CrossRow, CrossTab, QuestionResult, Results};
use crate::entities::consultations;
use crate::services::consultations::counts::{self, ProfileFilter, RESPONDENTS};
use crate::AppResult;

const UNKNOWN: &str = "unknown";

/// The table of `questions` by `by`: one column per value any respondent gave (and `unknown`).
async fn breakdown(
    db: &DatabaseConnection,
    row: &consultations::Model,
    questions: &[Question],
    by: &str,
    only: Option<&str>,
) -> AppResult<Breakdown> {
    let key = |d: Option<String>| d.unwrap_or_else(|| UNKNOWN.to_owned());
    let mut rows = counts::by_dimension(db, row.id, questions, by, only, &ProfileFilter::default()).await?;
    for q in questions.iter().filter(|q| q.kind == QuestionKind::Number && only.is_none_or(|o| o == q.code)) {
        let raw = reads::by_dimension(db, row.id, &q.code, &Checked::default(), reads::dimension(by)).await?;
        rows.extend(raw.into_iter().map(|g| (q.code.clone(), g)));
    }
    let mut respondents: BTreeMap<String, i64> = BTreeMap::new();
    for (question, (d, _, _, n, _)) in &rows {
        if question == RESPONDENTS {
            *respondents.entry(key(d.clone())).or_default() += n;
        }
    }
    let (keys, counts): (Vec<String>, Vec<i64>) = respondents.into_iter().unzip();
    let mut b = Breakdown::new(keys, counts);
    for (question, (d, choice, value, n, firsts)) in rows {
        if question == RESPONDENTS {
            continue;
        }
        if let Some(col) = b.keys.iter().position(|k| *k == key(d.clone())) {
            b.add(&question, col, &choice, value, n, firsts);
        }
    }
    Ok(b)
}

/// The "not given" column, withheld whole in every dimension (`protect_columns`).
fn not_given(b: &Breakdown) -> Vec<bool> {
    b.keys.iter().map(|key| key == UNKNOWN).collect()
}

/// Results of the respondents whose `by` is `value`, for a non-admin.
pub(super) async fn results(
    db: &DatabaseConnection,
    row: &consultations::Model,
    questions: &[Question],
    (by, value): (&str, &str),
    k: i64,
    owner_view: bool,
) -> AppResult<Results> {
    let b = breakdown(db, row, questions, by, None).await?;
    if b.respondents.iter().sum::<i64>() < k && !owner_view {
        return Ok(exact::withheld_whole(questions, k, true));
    }
    let Some(c) = b.keys.iter().position(|key| key == value) else {
        return Ok(nobody(questions, k));
    };
    let columns = protect_columns(&b.respondents, &not_given(&b), k);
    Ok(Results {
        respondents: Cell::protected(b.respondents[c], columns[c]),
        k,
        filtered: true,
        from: None,
        to: None,
        questions: questions.iter().map(|q| b.protect(&columns, q, k).column(q, c)).collect(),
    })
}

/// A value nobody gave: every count is 0, and shown, since the cross-tab's columns already say that
/// no respondent has it.
fn nobody(questions: &[Question], k: i64) -> Results {
    exact::every_count_is(questions, k, true, Cell { count: Some(0), withheld: false, below_k: false })
}

/// The cross-tab of one question by `by`, for a non-admin: every column read from the protected table.
pub(super) async fn crosstab(
    db: &DatabaseConnection,
    row: &consultations::Model,
    q: &Question,
    by: &str,
    k: i64,
) -> AppResult<CrossTab> {
    let b = breakdown(db, row, std::slice::from_ref(q), by, Some(&q.code)).await?;
    let columns = protect_columns(&b.respondents, &not_given(&b), k);
    let p = b.protect(&columns, q, k);
    let results: Vec<QuestionResult> = (0..p.width()).map(|c| p.column(q, c)).collect();
    Ok(CrossTab {
        question: q.code.clone(),
        by: by.to_owned(),
        k,
        columns: b
            .keys
            .iter()
            .zip(&results)
            .map(|(key, r)| CrossColumn { key: key.clone(), respondents: r.answered, mean: r.mean, median: r.median })
            .collect(),
        rows: p
            .options()
            .iter()
            .enumerate()
            .map(|(i, (id, label))| CrossRow {
                id: id.clone(),
                label: label.clone(),
                cells: results.iter().map(|r| r.options[i].cell).collect(),
            })
            .collect(),
    })
}

/// Whether text answers of the group may show (non-admin owners only; others get dates only): the
/// group and everyone else are each none or at least k, and the group's answered count of the question
/// shows in its protected table — the number of answers listed is that count.
pub(super) async fn texts_show(
    db: &DatabaseConnection,
    row: &consultations::Model,
    q: &Question,
    (by, value): (&str, &str),
    k: i64,
) -> AppResult<bool> {
    let b = breakdown(db, row, std::slice::from_ref(q), by, Some(&q.code)).await?;
    let total: i64 = b.respondents.iter().sum();
    let Some(c) = b.keys.iter().position(|key| key == value) else { return Ok(true) };
    let group = b.respondents[c];
    let fits = |n: i64| n == 0 || n >= k;
    let columns = protect_columns(&b.respondents, &not_given(&b), k);
    Ok(fits(group) && fits(total - group) && !columns[c] && !b.protect(&columns, q, k).mask.answered[c])
}
