//! Date ranges for non-admins: a range snaps to whole date blocks (ISO weeks merged until each block
//! has k respondents, `gmc_domain::disclosure::Blocks`), the blocks form a table protected like any
//! breakdown, and a range is a run of its columns. Two ranges then differ by whole blocks of k or more,
//! and a range's count shows only where it follows from the protected blocks.

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::consultation::Question;
use gmc_domain::disclosure::{protect_columns, run_shows, Blocks};
use sea_orm::DatabaseConnection;

use super::breakdown::Breakdown;
use super::filter::day_start;
use super::{reads, Cell, Results};
use crate::entities::consultations;
use crate::AppResult;

/// The blocks of a consultation and the run a range snaps to.
pub(super) struct Run {
    blocks: Blocks,
    days: Vec<(NaiveDate, i64)>,
    pub first: usize,
    pub last: usize,
}

impl Run {
    pub(super) async fn snap(
        db: &DatabaseConnection,
        row: &consultations::Model,
        (from, to): (Option<NaiveDate>, Option<NaiveDate>),
        k: i64,
    ) -> AppResult<Self> {
        let days = reads::days(db, row.id).await?;
        let blocks = Blocks::new(&days, k);
        let (first, last) = blocks.snap(from, to);
        Ok(Run { blocks, days, first, last })
    }

    /// Whether the run covers every block, which makes it the unfiltered result.
    pub(super) fn is_everything(&self) -> bool {
        self.first == 0 && self.last + 1 == self.blocks.len()
    }

    /// The dates the run covers (`None`: unbounded).
    pub(super) fn dates(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        self.blocks.dates(self.first, self.last)
    }

    /// The instants the run covers, for a query: `[from, until)`.
    pub(super) fn instants(&self) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
        let (from, to) = self.dates();
        (from.map(day_start), to.and_then(|d| d.succ_opt()).map(day_start))
    }

    /// The blocks as a breakdown of `question` (or every question).
    async fn breakdown(
        &self,
        db: &DatabaseConnection,
        row: &consultations::Model,
        question: Option<&str>,
    ) -> AppResult<Breakdown> {
        let mut respondents = vec![0; self.blocks.len()];
        for (d, n) in &self.days {
            respondents[self.blocks.of(*d)] += n;
        }
        let mut b = Breakdown::new((0..self.blocks.len()).map(|i| i.to_string()).collect(), respondents);
        let edges: Vec<DateTime<Utc>> = self.blocks.edges().iter().map(|d| day_start(*d)).collect();
        for ((q, choice, value, _, _), counts) in reads::by_block(db, row.id, question, &edges).await? {
            for (block, (n, firsts)) in counts.into_iter().enumerate().filter(|(_, (n, _))| *n > 0) {
                b.add(&q, block, &choice, value, n, firsts);
            }
        }
        Ok(b)
    }

    /// The results of the run, for a non-admin (call only when it is not everything).
    pub(super) async fn results(
        &self,
        db: &DatabaseConnection,
        row: &consultations::Model,
        questions: &[Question],
        k: i64,
    ) -> AppResult<Results> {
        let b = self.breakdown(db, row, None).await?;
        let columns = protect_columns(&b.respondents, &[], k);
        let respondents: i64 = b.respondents[self.first..=self.last].iter().sum();
        let (from, to) = self.dates();
        Ok(Results {
            respondents: Cell::protected(respondents, !run_shows(&columns, self.first, self.last)),
            k,
            filtered: true,
            from,
            to,
            questions: questions.iter().map(|q| b.protect(&columns, q, k).run(q, self.first, self.last)).collect(),
        })
    }

    /// Whether the run's text answers to `q` may show: their number is the run's answered count.
    pub(super) async fn texts_show(
        &self,
        db: &DatabaseConnection,
        row: &consultations::Model,
        q: &Question,
        k: i64,
    ) -> AppResult<bool> {
        let b = self.breakdown(db, row, Some(&q.code)).await?;
        let columns = protect_columns(&b.respondents, &[], k);
        let group: i64 = b.respondents[self.first..=self.last].iter().sum();
        let rest = b.respondents.iter().sum::<i64>() - group;
        let fits = |n: i64| n == 0 || n >= k;
        Ok(fits(group) && fits(rest) && !b.protect(&columns, q, k).run(q, self.first, self.last).answered.withheld)
    }
}
