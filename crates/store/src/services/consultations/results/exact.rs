//! Results and cross-tabs computed exactly: for admins under any filters (every number shown, cells
//! below k marked `below_k`), and for everyone without a filter — the whole round, which is not a
//! breakdown, except that below k respondents in all it is withheld from anyone but its owners.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use gmc_domain::consultation::{median, Question, QuestionKind};
use sea_orm::DatabaseConnection;

use super::breakdown::{mean_of, numeric, option_rows, Column};
use super::filter::Checked;
use super::reads::{self, Group};
use super::{Cell, CrossColumn, CrossRow, CrossTab, OptionResult, QuestionResult, Results};
use crate::entities::consultations;
use crate::services::consultations::counts::{self, RESPONDENTS};
use crate::AppResult;

/// How the reader sees exact results.
pub(super) struct View {
    /// An admin: nothing is withheld, small cells are marked.
    pub sees_all: bool,
    /// One of the consultation's owners, who read their round below k.
    pub owner: bool,
    /// The dates asked for (admins), echoed as the dates applied.
    pub dates: (Option<NaiveDate>, Option<NaiveDate>),
}

pub(super) async fn results(
    db: &DatabaseConnection,
    row: &consultations::Model,
    questions: &[Question],
    f: &Checked,
    filtered: bool,
    view: View,
    k: i64,
) -> AppResult<Results> {
    let (rows, total) = match f.counts_filter() {
        Some(pf) => {
            let (mut rows, total) = counts::tally(db, row.id, questions, &pf).await?;
            // Numbers are pre-counted only for everyone together: a filter reads their raw answers.
            if !pf.is_empty() {
                for q in questions.iter().filter(|q| q.kind == QuestionKind::Number) {
                    rows.extend(reads::tally(db, row.id, f, Some(&q.code)).await?);
                }
            }
            (rows, total)
        }
        None => (reads::tally(db, row.id, f, None).await?, reads::respondents(db, row.id, f).await?),
    };
    // A filter makes the group a breakdown cell (marked below k for admins). Unfiltered, the whole
    // round is itself a cell for anyone but its owners (one respondent's "Yes — 100 %" names a firm),
    // so below k they see only that there are fewer than k.
    let group = Cell::new(total, k, filtered || !view.owner, view.sees_all);
    if group.withheld {
        return Ok(withheld_whole(questions, k, filtered));
    }
    let mut by_question: HashMap<&str, Column> = HashMap::new();
    for (code, choice, value, n, firsts) in &rows {
        by_question.entry(code.as_str()).or_default().add(choice, *value, *n, *firsts);
    }
    let out = questions
        .iter()
        .map(|q| {
            let c = by_question.remove(q.code.as_str()).unwrap_or_default();
            let answered = Cell::new(c.answered, k, filtered, view.sees_all);
            let options = option_rows(q)
                .into_iter()
                .map(|(id, label)| {
                    let cell = Cell::new(c.counts.get(&id).copied().unwrap_or(0), k, filtered, view.sees_all);
                    let share = cell.count.filter(|_| c.answered > 0).map(|n| n as f64 / c.answered as f64);
                    OptionResult { id, label, cell, share }
                })
                .collect();
            QuestionResult {
                code: q.code.clone(),
                kind: q.kind,
                prompt: q.prompt.clone(),
                answered,
                skipped: Cell::new(total - c.answered, k, filtered, view.sees_all),
                options,
                mean: if numeric(q) { mean_of(&c.values) } else { None },
                median: if numeric(q) { median(&c.values) } else { None },
            }
        })
        .collect();
    Ok(Results { respondents: group, k, filtered, from: view.dates.0, to: view.dates.1, questions: out })
}

/// Results that say only that there are fewer than k respondents: every count withheld.
pub(super) fn withheld_whole(questions: &[Question], k: i64, filtered: bool) -> Results {
    every_count_is(questions, k, filtered, Cell { count: None, withheld: true, below_k: true })
}

/// Results whose every count (respondents, answered, skipped, each option) is `cell`, with no shares,
/// means or medians: the shape of "nothing to show" and of "nobody gave this value".
pub(super) fn every_count_is(questions: &[Question], k: i64, filtered: bool, cell: Cell) -> Results {
    let question = |q: &Question| QuestionResult {
        code: q.code.clone(),
        kind: q.kind,
        prompt: q.prompt.clone(),
        answered: cell,
        skipped: cell,
        options: option_rows(q).into_iter().map(|(id, label)| OptionResult { id, label, cell, share: None }).collect(),
        mean: None,
        median: None,
    };
    Results {
        respondents: cell,
        k,
        filtered,
        from: None,
        to: None,
        questions: questions.iter().map(question).collect(),
    }
}

/// A cross-tab for an admin, under any filters: every count, cells below k marked.
pub(super) async fn crosstab(
    db: &DatabaseConnection,
    row: &consultations::Model,
    q: &Question,
    by: &str,
    checked: &Checked,
    k: i64,
) -> AppResult<CrossTab> {
    let rows: Vec<Group<Option<String>>> = match checked.counts_filter() {
        Some(pf) if q.kind != QuestionKind::Number => {
            let all = std::slice::from_ref(q);
            let rows = counts::by_dimension(db, row.id, all, by, Some(&q.code), &pf).await?;
            rows.into_iter().filter(|(question, _)| question != RESPONDENTS).map(|(_, g)| g).collect()
        }
        _ => reads::by_dimension(db, row.id, &q.code, checked, reads::dimension(by)).await?,
    };
    let mut columns: BTreeMap<String, Column> = BTreeMap::new();
    for (key, choice, value, n, firsts) in rows {
        columns.entry(key.unwrap_or_else(|| "unknown".into())).or_default().add(&choice, value, n, firsts);
    }
    let option_list = option_rows(q);
    let mut cells: Vec<Vec<Cell>> = vec![Vec::new(); option_list.len()];
    let mut out_cols = Vec::new();
    for (key, c) in &columns {
        out_cols.push(CrossColumn {
            key: key.clone(),
            respondents: Cell::new(c.answered, k, true, true),
            mean: if numeric(q) { mean_of(&c.values) } else { None },
            median: if numeric(q) { median(&c.values) } else { None },
        });
        for (i, (id, _)) in option_list.iter().enumerate() {
            cells[i].push(Cell::new(c.counts.get(id).copied().unwrap_or(0), k, true, true));
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
