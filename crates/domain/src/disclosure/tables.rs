//! The tables of a consultation's breakdowns, as the suppression routine sees them. A breakdown has
//! columns — the values of one profile dimension (with `unknown`), or date blocks — and the unfiltered
//! counts as its margins. Per question, its rows are the options (or scale values), answered and
//! skipped; the equations are each row adding up to its unfiltered count, answered + skipped adding up
//! to the column's respondents, and (single choice, scale) the options adding up to answered.

use super::suppression::{Role, Table};

/// Which columns of a breakdown are withheld whole: the respondents row, protected on its own (every
/// question's table shares it). `forced` columns are withheld whatever their size: the respondents who
/// gave no country are often the very ones who gave no sector, so a "not given" column is one group
/// seen in every dimension's table, and only withholding it everywhere keeps the tables from
/// completing each other.
pub fn protect_columns(respondents: &[i64], forced: &[bool], k: i64) -> Vec<bool> {
    let mut t = Table::default();
    let total = t.cell(respondents.iter().sum(), Role::Margin);
    let cells: Vec<usize> = respondents
        .iter()
        .zip(forced.iter().chain(std::iter::repeat(&false)))
        .map(|(&n, &f)| if f { t.withheld_cell(n) } else { t.cell(n, Role::Inner) })
        .collect();
    t.equation(cells.clone(), total);
    let w = t.protect(k);
    cells.iter().map(|&c| w[c]).collect()
}

/// One question's counts over the columns of a breakdown.
#[derive(Debug, Clone, Default)]
pub struct QuestionCounts {
    /// Per option (or scale value), per column.
    pub options: Vec<Vec<i64>>,
    /// Respondents who answered, per column.
    pub answered: Vec<i64>,
    /// Whether a column's options add up to its answered (single choice, scale).
    pub additive: bool,
}

/// What to withhold of one question's table (true = withheld).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionMask {
    pub options: Vec<Vec<bool>>,
    pub answered: Vec<bool>,
    pub skipped: Vec<bool>,
}

/// Protects one question's table given the breakdown's respondents and its withheld columns (from
/// `protect_columns`). Every cell of a withheld column is withheld, unless the margins give it away
/// anyway (nobody skipped a required question).
pub fn protect_question(respondents: &[i64], columns: &[bool], q: &QuestionCounts, k: i64) -> QuestionMask {
    let n = respondents.len();
    let mut t = Table::default();
    let given: Vec<usize> =
        respondents.iter().zip(columns).map(|(&r, &w)| t.cell(r, Role::Given { withheld: w })).collect();
    let everyone = t.cell(respondents.iter().sum(), Role::Margin);
    t.equation(given.clone(), everyone);
    // In a withheld column every cell starts withheld.
    let inner =
        |t: &mut Table, v: i64, col: usize| if columns[col] { t.withheld_cell(v) } else { t.cell(v, Role::Inner) };
    let row = |t: &mut Table, values: &[i64], implied: bool| -> Vec<usize> {
        let cells: Vec<usize> = (0..n).map(|c| inner(t, values[c], c)).collect();
        let total = t.cell(values.iter().sum(), Role::Margin);
        if implied {
            t.implied(cells.clone(), total);
        } else {
            t.equation(cells.clone(), total);
        }
        cells
    };
    let options: Vec<Vec<usize>> = q.options.iter().map(|values| row(&mut t, values, false)).collect();
    // Where the options add up to answered, the answered row is the sum of the option rows.
    let answered = row(&mut t, &q.answered, q.additive);
    let skipped_values: Vec<i64> = (0..n).map(|c| respondents[c] - q.answered[c]).collect();
    let skipped = row(&mut t, &skipped_values, false);
    for c in 0..n {
        t.equation(vec![answered[c], skipped[c]], given[c]);
        if q.additive {
            t.equation(options.iter().map(|o| o[c]).collect(), answered[c]);
        }
    }
    let w = t.protect(k);
    let pick = |cells: &[usize]| cells.iter().map(|&c| w[c]).collect::<Vec<bool>>();
    QuestionMask {
        options: options.iter().map(|o| pick(o)).collect(),
        answered: pick(&answered),
        skipped: pick(&skipped),
    }
}

/// Which columns' mean and median to withhold. A scale's mean shows only where its whole distribution
/// shows (else mean × answered, a linear function of the withheld cells, could pin one); a number's
/// where its answered count shows — and never a single column's alone, since the unfiltered mean ×
/// answered minus the shown columns' would be that column's sum. (A scale's sums are already sums of
/// its options, so the options' protection covers them.)
pub fn means_withheld(mask: &QuestionMask, answered: &[i64], scale: bool) -> Vec<bool> {
    let mut w: Vec<bool> =
        (0..answered.len()).map(|c| mask.answered[c] || (scale && mask.options.iter().any(|o| o[c]))).collect();
    let hidden = (0..w.len()).filter(|&c| w[c] && answered[c] > 0).count();
    if hidden == 1 && !scale {
        if let Some(c) = (0..w.len()).filter(|&c| !w[c] && answered[c] > 0).min_by_key(|&c| (answered[c], c)) {
            w[c] = true;
        }
    }
    w
}

/// Whether a count over a run of columns (a date range over consecutive blocks `first..=last`) can be
/// shown: when the row's withheld columns lie all inside the run or all outside it, the count is the
/// sum of shown cells, or the unfiltered count minus them, and says nothing the blocks do not.
pub fn run_shows(row_withheld: &[bool], first: usize, last: usize) -> bool {
    let inside = |c: usize| (first..=last).contains(&c);
    let hidden: Vec<usize> = (0..row_withheld.len()).filter(|&c| row_withheld[c]).collect();
    hidden.iter().all(|&c| inside(c)) || hidden.iter().all(|&c| !inside(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_group_takes_another_group_with_it() {
        // BGD 10, NPL 3, not given 2: the two small groups together are 5, so BGD shows.
        assert_eq!(protect_columns(&[10, 3, 2], &[], 5), vec![false, true, true]);
        // BGD 5, NPL 1, not given 1: the small ones add up to 2, so BGD goes too (7 − 5 = 2).
        assert_eq!(protect_columns(&[5, 1, 1], &[], 5), vec![true, true, true]);
        // "Not given" is withheld even when large, with a partner: here the smaller of the others.
        assert_eq!(protect_columns(&[10, 6, 7], &[false, false, true], 5), vec![false, true, true]);
        // Unless it is everyone.
        assert_eq!(protect_columns(&[4], &[true], 5), vec![false]);
    }

    #[test]
    fn skipped_and_answered_go_together_when_respondents_show() {
        // Two columns of 10 and 8 respondents; 9 + 1 and 8 + 0 answered + skipped.
        let q = QuestionCounts { options: vec![vec![5, 6], vec![4, 2]], answered: vec![9, 8], additive: true };
        let m = protect_question(&[10, 8], &[false, false], &q, 5);
        assert_eq!(m.skipped, vec![true, true]);
        assert_eq!(m.answered, vec![true, true], "respondents − answered would give skipped");
        // 4 and 2 are below k and pair in their row; with answered withheld, the 5 and 6 may show.
        assert_eq!(m.options, vec![vec![false, false], vec![true, true]]);
    }

    #[test]
    fn a_required_question_shows_its_zero_skipped_and_answered() {
        let q = QuestionCounts { options: vec![vec![7, 5], vec![3, 3]], answered: vec![10, 8], additive: true };
        let m = protect_question(&[10, 8], &[false, false], &q, 5);
        assert_eq!((m.skipped.clone(), m.answered.clone()), (vec![false, false], vec![false, false]));
        assert_eq!(m.options, vec![vec![true, true], vec![true, true]], "3 and 3 pair; 7 and 5 follow");
    }

    #[test]
    fn a_withheld_column_hides_everything_but_what_the_margins_tell() {
        // Columns 10, 3, 2 respondents; the last two withheld whole.
        let cols = protect_columns(&[10, 3, 2], &[], 5);
        let q =
            QuestionCounts { options: vec![vec![6, 2, 1], vec![4, 1, 1]], answered: vec![10, 3, 2], additive: true };
        let m = protect_question(&[10, 3, 2], &cols, &q, 5);
        assert_eq!(m.answered, vec![false, true, true]);
        assert_eq!(m.skipped, vec![false, false, false], "nobody skipped");
        // The withheld columns' "6" row adds up to 3 (< k) among their 5 respondents: Bangladesh's 6
        // goes too, and with it the 4 that would be 10 − 6.
        assert_eq!(m.options, vec![vec![true, true, true], vec![true, true, true]]);
    }

    #[test]
    fn a_group_whose_answers_are_all_alike_is_not_given_away_by_the_others() {
        // The extended fixture of the API tests at k = 2: q1 by country, columns BGD (10), NPL (3),
        // not given (2). Yes 3/3/2, no 4/0/0, maybe 3/0/0; nobody skipped. Nepal's and the unknown
        // firms' zeros are withheld; were Bangladesh's "yes 3" shown, its no + maybe would be 10 − 3 =
        // 7 = the no and maybe totals (4 + 3), so every zero would follow. All options go; answered,
        // fixed by the respondents and the zero skipped, stays.
        let respondents = [10, 3, 2];
        let columns = protect_columns(&respondents, &[], 2);
        assert_eq!(columns, vec![false, false, false]);
        let q = QuestionCounts {
            options: vec![vec![3, 3, 2], vec![4, 0, 0], vec![3, 0, 0]],
            answered: vec![10, 3, 2],
            additive: true,
        };
        let m = protect_question(&respondents, &columns, &q, 2);
        assert_eq!(m.options, vec![vec![true; 3]; 3]);
        assert_eq!((m.answered.clone(), m.skipped), (vec![false; 3], vec![false; 3]));
    }

    #[test]
    fn means_go_with_their_column_and_never_alone() {
        let mask = QuestionMask { options: vec![], answered: vec![false, true, false], skipped: vec![false; 3] };
        assert_eq!(means_withheld(&mask, &[9, 3, 6], false), vec![false, true, true]);
        let mask = QuestionMask {
            options: vec![vec![false, false], vec![true, false]],
            answered: vec![false, false],
            skipped: vec![false; 2],
        };
        assert_eq!(means_withheld(&mask, &[9, 8], true), vec![true, false]);
    }

    #[test]
    fn a_run_shows_when_its_withheld_blocks_are_all_in_or_all_out() {
        let row = [false, true, true, false];
        assert!(run_shows(&row, 1, 2) && run_shows(&row, 0, 3) && run_shows(&row, 3, 3) && run_shows(&row, 0, 0));
        assert!(!run_shows(&row, 0, 1) && !run_shows(&row, 2, 3));
    }
}
