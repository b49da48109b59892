//! A breakdown: one question's counts over columns (a profile dimension's values, or date blocks), and
//! the same table protected for non-admins by `gmc_domain::disclosure` — primary suppression below k,
//! secondary suppression until no withheld cell can be worked out — read back as one column's results,
//! a run of columns' results (date ranges), or a cross-tab.

use std::collections::HashMap;

use gmc_domain::consultation::{median, Question, QuestionKind, Texts};
use gmc_domain::disclosure::{means_withheld, protect_question, run_shows, QuestionCounts, QuestionMask};

use super::{Cell, OptionResult, QuestionResult};

/// The answers of one group to one question.
#[derive(Debug, Default, Clone)]
pub(super) struct Column {
    /// Respondents who answered.
    pub answered: i64,
    /// `(value, count)` of numbers and scales.
    pub values: Vec<(f64, i64)>,
    /// Answer rows by option id (or scale value).
    pub counts: HashMap<String, i64>,
}

impl Column {
    pub fn add(&mut self, choice: &Option<String>, value: Option<f64>, n: i64, firsts: i64) {
        self.answered += firsts;
        if let Some(v) = value {
            self.values.push((v, n));
        }
        if let Some(key) = key_of(choice, value) {
            *self.counts.entry(key).or_default() += n;
        }
    }
}

/// The rows of one question's distribution: options for choices, each value of a scale.
pub(super) fn option_rows(q: &Question) -> Vec<(String, Texts)> {
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

pub(super) fn key_of(choice: &Option<String>, value: Option<f64>) -> Option<String> {
    choice.clone().or_else(|| value.map(|v| (v as i64).to_string()))
}

pub(super) fn mean_of(pairs: &[(f64, i64)]) -> Option<f64> {
    let n: i64 = pairs.iter().map(|(_, n)| n).sum();
    (n > 0).then(|| pairs.iter().map(|(v, c)| v * *c as f64).sum::<f64>() / n as f64)
}

pub(super) fn numeric(q: &Question) -> bool {
    matches!(q.kind, QuestionKind::Scale | QuestionKind::Number)
}

/// Counts over the columns of a breakdown: respondents per column, and each question's columns.
#[derive(Debug, Default)]
pub(super) struct Breakdown {
    pub keys: Vec<String>,
    pub respondents: Vec<i64>,
    tallies: HashMap<String, Vec<Column>>,
}

impl Breakdown {
    pub fn new(keys: Vec<String>, respondents: Vec<i64>) -> Self {
        Breakdown { keys, respondents, tallies: HashMap::new() }
    }

    pub fn add(
        &mut self,
        question: &str,
        col: usize,
        choice: &Option<String>,
        value: Option<f64>,
        n: i64,
        firsts: i64,
    ) {
        let width = self.keys.len();
        let cols = self.tallies.entry(question.to_owned()).or_insert_with(|| vec![Column::default(); width]);
        if let Some(c) = cols.get_mut(col) {
            c.add(choice, value, n, firsts);
        }
    }

    /// One question's table protected: `columns` are the columns withheld whole (`protect_columns`).
    pub fn protect(&self, columns: &[bool], q: &Question, k: i64) -> Protected {
        let options = option_rows(q);
        let cols = self.tallies.get(&q.code).cloned().unwrap_or_else(|| vec![Column::default(); self.keys.len()]);
        let counts = QuestionCounts {
            options: options
                .iter()
                .map(|(id, _)| cols.iter().map(|c| c.counts.get(id).copied().unwrap_or(0)).collect())
                .collect(),
            answered: cols.iter().map(|c| c.answered).collect(),
            additive: matches!(q.kind, QuestionKind::SingleChoice | QuestionKind::Scale),
        };
        let mask = protect_question(&self.respondents, columns, &counts, k);
        let means = means_withheld(&mask, &counts.answered, q.kind == QuestionKind::Scale);
        Protected { respondents: self.respondents.clone(), options, cols, counts, mask, means }
    }
}

/// One question's table with what to withhold of it.
pub(super) struct Protected {
    respondents: Vec<i64>,
    options: Vec<(String, Texts)>,
    cols: Vec<Column>,
    counts: QuestionCounts,
    pub mask: QuestionMask,
    means: Vec<bool>,
}

impl Protected {
    pub fn width(&self) -> usize {
        self.respondents.len()
    }

    pub fn options(&self) -> &[(String, Texts)] {
        &self.options
    }

    /// One column (a group) as results; a cross-tab's column reads the same.
    pub fn column(&self, q: &Question, c: usize) -> QuestionResult {
        self.run(q, c, c)
    }

    /// The columns `first..=last` (consecutive date blocks) as the results of their union. A count
    /// shows where its row's withheld columns lie all inside the run or all outside it: then it is a
    /// sum of shown cells, or the unfiltered count minus them (`run_shows`).
    pub fn run(&self, q: &Question, first: usize, last: usize) -> QuestionResult {
        let sum = |v: &[i64]| v[first..=last].iter().sum::<i64>();
        let answered_n = sum(&self.counts.answered);
        let answered = Cell::protected(answered_n, !run_shows(&self.mask.answered, first, last));
        let skipped_n = sum(&self.respondents) - answered_n;
        let skipped = Cell::protected(skipped_n, !run_shows(&self.mask.skipped, first, last));
        let options: Vec<OptionResult> = self
            .options
            .iter()
            .enumerate()
            .map(|(i, (id, label))| {
                let cell =
                    Cell::protected(sum(&self.counts.options[i]), !run_shows(&self.mask.options[i], first, last));
                let share = match (cell.count, answered.count) {
                    (Some(n), Some(a)) if a > 0 => Some(n as f64 / a as f64),
                    _ => None,
                };
                OptionResult { id: id.clone(), label: label.clone(), cell, share }
            })
            .collect();
        let values: Vec<(f64, i64)> = self.cols[first..=last].iter().flat_map(|c| c.values.iter().copied()).collect();
        // A scale's mean and median follow from its shown distribution; a number's mean from the
        // blocks' shown sums (so its withheld blocks must lie all in or all out). A median is no sum:
        // over several blocks it would say something about a block whose values are withheld.
        let (mean, median) = match q.kind {
            QuestionKind::Scale if !answered.withheld && options.iter().all(|o| !o.cell.withheld) => {
                (mean_of(&values), median(&values))
            }
            QuestionKind::Number if !answered.withheld && run_shows(&self.means, first, last) => {
                let single = first == last && !self.means[first];
                (mean_of(&values), if single { median(&values) } else { None })
            }
            _ => (None, None),
        };
        QuestionResult {
            code: q.code.clone(),
            kind: q.kind,
            prompt: q.prompt.clone(),
            answered,
            skipped,
            options,
            mean,
            median,
        }
    }
}
