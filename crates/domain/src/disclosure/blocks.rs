//! Date blocks: for anyone but admins, a date filter covers whole blocks of calendar (ISO) weeks, each
//! with at least k respondents of the whole consultation, so that any two date ranges a reader can ask
//! for differ by whole blocks of k or more.

use chrono::{Datelike, Days, NaiveDate};

/// The blocks of one consultation, by the Monday each starts on. Block `i` covers
/// `[starts[i], starts[i + 1])`; the first reaches back to the beginning of time and the last on to now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocks {
    starts: Vec<NaiveDate>,
}

/// The Monday of a date's ISO week.
pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

impl Blocks {
    /// Merges weeks, oldest first, until a block has `k` respondents; a short last block joins the one
    /// before it. Fewer than `k` in all make one block. `days` are respondents per day, in any order.
    pub fn new(days: &[(NaiveDate, i64)], k: i64) -> Self {
        let mut weeks: Vec<(NaiveDate, i64)> = Vec::new();
        let mut sorted = days.to_vec();
        sorted.sort();
        for (d, n) in sorted.into_iter().filter(|(_, n)| *n > 0) {
            match weeks.last_mut() {
                Some((w, m)) if *w == monday(d) => *m += n,
                _ => weeks.push((monday(d), n)),
            }
        }
        let mut starts: Vec<NaiveDate> = Vec::new();
        let mut open: Option<(NaiveDate, i64)> = None;
        for (week, n) in weeks {
            let (start, m) = open.unwrap_or((week, 0));
            if m + n >= k {
                starts.push(start);
                open = None;
            } else {
                open = Some((start, m + n));
            }
        }
        if starts.is_empty() {
            // Fewer than k in all: one block, whatever the weeks.
            starts.extend(open.map(|(start, _)| start));
        }
        Blocks { starts }
    }

    pub fn len(&self) -> usize {
        self.starts.len().max(1)
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The days on which a block after the first begins.
    pub fn edges(&self) -> &[NaiveDate] {
        self.starts.get(1..).unwrap_or_default()
    }

    /// The block a date falls in.
    pub fn of(&self, d: NaiveDate) -> usize {
        self.starts.iter().filter(|s| **s <= d).count().saturating_sub(1)
    }

    /// The blocks `first..=last` that a range `from..=to` snaps to: `from` down, `to` up.
    pub fn snap(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> (usize, usize) {
        (from.map_or(0, |d| self.of(d)), to.map_or(self.len() - 1, |d| self.of(d)))
    }

    /// The dates a run of blocks covers, `None` where it is unbounded (from the first response, or up
    /// to now).
    pub fn dates(&self, first: usize, last: usize) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let from = (first > 0).then(|| self.starts[first]);
        let to = self.starts.get(last + 1).map(|next| *next - Days::new(1));
        (from, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn weeks_merge_until_each_block_has_k_and_a_short_tail_joins_the_last() {
        // Weeks of Mar 2 (5), Mar 9 (3), Mar 16 (2), Mar 23 (4), Mar 30 (0), Apr 6 (1), Apr 20 (2):
        // blocks of 5, 5 and 5 + the 2 of the last week, too few on their own.
        let days =
            [(d(3, 2), 2), (d(3, 6), 3), (d(3, 10), 3), (d(3, 17), 2), (d(3, 24), 4), (d(4, 8), 1), (d(4, 21), 2)];
        let b = Blocks::new(&days, 5);
        assert_eq!(b.starts, vec![d(3, 2), d(3, 9), d(3, 23)]);
        assert_eq!(b.edges(), &[d(3, 9), d(3, 23)]);
        assert_eq!((b.of(d(1, 1)), b.of(d(3, 8)), b.of(d(3, 9)), b.of(d(3, 22)), b.of(d(9, 1))), (0, 0, 1, 1, 2));
        assert_eq!(b.dates(1, 1), (Some(d(3, 9)), Some(d(3, 22))));
        assert_eq!(b.dates(0, 2), (None, None));
        // "Yesterday to today" is the whole last block; a day-wide range cannot isolate a firm.
        assert_eq!(b.snap(Some(d(4, 7)), Some(d(4, 8))), (2, 2));
        assert_eq!(b.snap(Some(d(3, 10)), None), (1, 2));
    }

    #[test]
    fn fewer_than_k_in_all_is_one_block() {
        let b = Blocks::new(&[(d(3, 2), 2), (d(3, 20), 1)], 5);
        assert_eq!((b.len(), b.snap(Some(d(3, 20)), Some(d(3, 20)))), (1, (0, 0)));
        assert_eq!(b.dates(0, 0), (None, None));
        assert_eq!(Blocks::new(&[], 5).len(), 1);
    }
}
