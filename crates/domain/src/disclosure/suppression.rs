//! Primary and secondary (complementary) suppression of one table of counts: cells below k are
//! withheld, then more cells until (1) every equation whose total is shown and which has a withheld
//! part has at least two withheld parts adding up to k or more, or all its parts withheld, and (2) the
//! audit finds no withheld cell that the shown cells determine. Cells that the published margins
//! determine whatever is withheld are public and shown.

use super::audit::{exposed, Equation};

/// What the routine may do with a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An inner cell: withheld when below k (primary) or to protect another (secondary).
    Inner,
    /// Shown whatever happens: a margin that is published anyway (an unfiltered count).
    Margin,
    /// Decided by another table (a column's respondents): kept as given.
    Given { withheld: bool },
}

/// A table: cells with their values and roles, and the equations that tie them.
#[derive(Debug, Clone, Default)]
pub struct Table {
    values: Vec<i64>,
    roles: Vec<Role>,
    /// Inner cells withheld from the start whatever their value (in a withheld column).
    forced: Vec<bool>,
    equations: Vec<Equation>,
    /// Sums the line rule applies to that are left out of the audit because other equations imply them
    /// (keeping every cell in at most two equations, which the audit's search of implicit zeros needs).
    implied: Vec<Equation>,
}

impl Table {
    pub fn cell(&mut self, value: i64, role: Role) -> usize {
        self.values.push(value);
        self.roles.push(role);
        self.forced.push(false);
        self.values.len() - 1
    }

    /// An inner cell withheld whatever its value (unless the margins give it away).
    pub fn withheld_cell(&mut self, value: i64) -> usize {
        let c = self.cell(value, Role::Inner);
        self.forced[c] = true;
        c
    }

    /// The parts add up to the total.
    pub fn equation(&mut self, parts: Vec<usize>, total: usize) {
        self.equations.push(Equation { parts, total });
    }

    /// The parts add up to the total, as the other equations already imply.
    pub fn implied(&mut self, parts: Vec<usize>, total: usize) {
        self.implied.push(Equation { parts, total });
    }

    fn inner(&self, c: usize) -> bool {
        self.roles[c] == Role::Inner
    }

    /// Which cells to withhold (true) for cells below `k` to stay unknown.
    pub fn protect(&self, k: i64) -> Vec<bool> {
        let public = self.public();
        let mut withheld: Vec<bool> = (0..self.values.len())
            .map(|c| match self.roles[c] {
                Role::Inner => (self.values[c] < k || self.forced[c]) && !public[c],
                Role::Margin => false,
                Role::Given { withheld } => withheld,
            })
            .collect();
        let candidate = |w: &[bool], c: usize| self.inner(c) && !public[c] && !w[c];
        let lines = Lines::new(self);
        // Each round withholds at least one more cell, so this ends (at worst with every inner cell
        // that is not public withheld, which the audit of `public` has shown to be safe).
        for _ in 0..=self.values.len() {
            while let Some(c) = self.line_violation(&lines, &withheld, &public, k) {
                withheld[c] = true;
            }
            let exposed = exposed(&self.values, &withheld, &self.equations);
            if exposed.is_empty() {
                break;
            }
            let mut partners: Vec<usize> = exposed
                .iter()
                .filter_map(|&d| {
                    self.equations
                        .iter()
                        .filter(|e| e.total == d || e.parts.contains(&d))
                        .flat_map(|e| e.parts.iter().chain([&e.total]).copied())
                        .filter(|&c| candidate(&withheld, c))
                        .min_by_key(|&c| (self.values[c], c))
                })
                .collect();
            if partners.is_empty() {
                partners.extend(
                    (0..self.values.len()).filter(|&c| candidate(&withheld, c)).min_by_key(|&c| (self.values[c], c)),
                );
            }
            if partners.is_empty() {
                break;
            }
            for c in partners {
                withheld[c] = true;
            }
        }
        withheld
    }

    /// The smallest shown inner cell to withhold next under the line rule, if a line breaks it.
    fn line_violation(&self, lines: &Lines, withheld: &[bool], public: &[bool], k: i64) -> Option<usize> {
        for (i, e) in lines.all.iter().enumerate() {
            if withheld[e.total] {
                continue;
            }
            let hidden: Vec<usize> = e.parts.iter().copied().filter(|&p| withheld[p]).collect();
            if hidden.is_empty() {
                continue;
            }
            let sum: i64 = hidden.iter().map(|&p| self.values[p]).sum();
            if hidden.len() >= 2 && sum >= k {
                continue;
            }
            // Prefer a partner whose other lines already hold a withheld cell (it closes a cycle
            // instead of opening a new line that needs a partner of its own), then the smallest.
            let next = e
                .parts
                .iter()
                .copied()
                .filter(|&p| self.inner(p) && !public[p] && !withheld[p])
                .min_by_key(|&p| (lines.opened(p, i, withheld), self.values[p], p));
            if next.is_some() {
                return next;
            }
        }
        None
    }

    /// Inner cells that cannot be kept secret whatever is withheld: those a reader pins down from the
    /// published margins alone (with every other inner cell withheld) — the parts of a zero total,
    /// a group that is everyone. Showing them tells nothing the margins do not.
    fn public(&self) -> Vec<bool> {
        let n = self.values.len();
        let mut public = vec![false; n];
        loop {
            let hidden: Vec<bool> = (0..n)
                .map(|c| match self.roles[c] {
                    Role::Margin => false,
                    Role::Given { withheld } => withheld,
                    Role::Inner => !public[c],
                })
                .collect();
            let fresh: Vec<usize> = exposed(&self.values, &hidden, &self.equations)
                .into_iter()
                .filter(|&c| self.inner(c) && !public[c])
                .collect();
            if fresh.is_empty() {
                return public;
            }
            for c in fresh {
                public[c] = true;
            }
        }
    }
}

/// Every line the rule applies to (equations and implied sums), and the lines through each cell.
struct Lines<'a> {
    all: Vec<&'a Equation>,
    through: Vec<Vec<usize>>,
}

impl<'a> Lines<'a> {
    fn new(t: &'a Table) -> Self {
        let all: Vec<&Equation> = t.equations.iter().chain(&t.implied).collect();
        let mut through = vec![Vec::new(); t.values.len()];
        for (i, e) in all.iter().enumerate() {
            for &p in &e.parts {
                through[p].push(i);
            }
        }
        Lines { all, through }
    }

    /// The other lines through `cell` that withholding it would leave with a single withheld part.
    fn opened(&self, cell: usize, except: usize, withheld: &[bool]) -> usize {
        self.through[cell]
            .iter()
            .filter(|&&i| i != except && !withheld[self.all[i].total])
            .filter(|&&i| !self.all[i].parts.iter().any(|&p| withheld[p]))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-row table: the parts and their shown total.
    fn row(values: &[i64]) -> (Table, Vec<usize>) {
        let mut t = Table::default();
        let total = t.cell(values.iter().sum(), Role::Margin);
        let cells: Vec<usize> = values.iter().map(|&v| t.cell(v, Role::Inner)).collect();
        t.equation(cells.clone(), total);
        (t, cells)
    }

    fn mask(t: &Table, cells: &[usize], k: i64) -> Vec<bool> {
        let w = t.protect(k);
        cells.iter().map(|&c| w[c]).collect()
    }

    #[test]
    fn a_single_small_cell_takes_the_smallest_other_cell_with_it() {
        let (t, cells) = row(&[12, 3, 7, 9]);
        assert_eq!(mask(&t, &cells, 5), vec![false, true, true, false]);
    }

    #[test]
    fn withheld_cells_of_a_line_add_up_to_k_or_the_whole_line_goes() {
        // 1 and 2 are both below 5, but together they are 3: the line's withheld part is itself a small
        // cell, so the next smallest (6) joins them.
        let (t, cells) = row(&[1, 2, 6, 10]);
        assert_eq!(mask(&t, &cells, 5), vec![true, true, true, false]);
        // Two cells only: both go; a line that cannot reach k is withheld whole.
        let (t, cells) = row(&[1, 2]);
        assert_eq!(mask(&t, &cells, 5), vec![true, true]);
    }

    #[test]
    fn zeros_are_withheld_like_any_small_count_unless_the_total_is_zero() {
        let (t, cells) = row(&[0, 8, 0, 9]);
        assert_eq!(mask(&t, &cells, 5), vec![true, true, true, false]);
        let (t, cells) = row(&[0, 0, 0]);
        assert_eq!(mask(&t, &cells, 5), vec![false, false, false], "nobody skipped: the margin says so");
    }

    #[test]
    fn a_group_that_is_everyone_shows_what_the_margin_shows() {
        let (t, cells) = row(&[3]);
        assert_eq!(mask(&t, &cells, 5), vec![false]);
    }

    #[test]
    fn a_two_way_table_gets_no_bridge() {
        // Rows 0–1 by columns 0–2 with every margin shown; the one small cell (2) pairs in its row and
        // its column, and the fourth corner closes the rectangle.
        let mut t = Table::default();
        let v = [[2, 9, 8], [7, 6, 10]];
        let cells: Vec<Vec<usize>> = v.iter().map(|r| r.iter().map(|&x| t.cell(x, Role::Inner)).collect()).collect();
        for (r, row) in cells.iter().enumerate() {
            let total = t.cell(v[r].iter().sum(), Role::Margin);
            t.equation(row.clone(), total);
        }
        for c in 0..3 {
            let total = t.cell(v[0][c] + v[1][c], Role::Margin);
            t.equation(vec![cells[0][c], cells[1][c]], total);
        }
        let w = t.protect(5);
        let shown: Vec<Vec<bool>> = cells.iter().map(|r| r.iter().map(|&c| w[c]).collect()).collect();
        assert_eq!(shown, vec![vec![true, false, true], vec![true, false, true]]);
        assert!(exposed(&t.values, &w, &t.equations).is_empty());
    }

    #[test]
    fn random_tables_end_with_nothing_pinned_and_every_small_cell_hidden_or_public() {
        // A fixed pseudo-random sequence: 300 two-way tables of 2–6 columns by 2–5 rows, counts 0–9,
        // every margin shown. After protection the audit finds nothing, and a cell below k shows only
        // where the margins alone pin it (and then only with its true value, which they give anyway).
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..300 {
            let (rows, cols) = (2 + next(4) as usize, 2 + next(5) as usize);
            let mut t = Table::default();
            let v: Vec<Vec<i64>> = (0..rows).map(|_| (0..cols).map(|_| next(10) as i64).collect()).collect();
            let cells: Vec<Vec<usize>> =
                v.iter().map(|r| r.iter().map(|&x| t.cell(x, Role::Inner)).collect()).collect();
            for (r, row) in cells.iter().enumerate() {
                let total = t.cell(v[r].iter().sum(), Role::Margin);
                t.equation(row.clone(), total);
            }
            for c in 0..cols {
                let total = t.cell((0..rows).map(|r| v[r][c]).sum(), Role::Margin);
                t.equation((0..rows).map(|r| cells[r][c]).collect(), total);
            }
            let k = 3;
            let w = t.protect(k);
            assert!(exposed(&t.values, &w, &t.equations).is_empty(), "{v:?}");
            let public = t.public();
            for (r, row) in cells.iter().enumerate() {
                for (c, &cell) in row.iter().enumerate() {
                    assert!(v[r][c] >= k || w[cell] || public[cell], "{v:?}: ({r}, {c}) shown");
                }
            }
        }
    }
}
