//! The audit of a suppression pattern: which withheld cells a reader can pin down from the cells shown.
//! Counts are never negative, so the values a withheld cell can take form a polytope; a cell is pinned
//! when it is constant on it. That happens when a linear combination of the equations isolates it (a
//! difference of totals, a margin minus the shown cells, respondents − answered), or once the cells
//! that are zero in every solution (the "implicit zeros") are known — "no + maybe = 7 with row totals 4
//! and 3" pins both at their totals. Both are computed exactly here.

use std::collections::VecDeque;

/// An equation among cells: the parts add up to the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Equation {
    pub parts: Vec<usize>,
    pub total: usize,
}

const EPS: f64 = 1e-9;

/// The withheld cells a reader can pin down: the implicit zeros, and every cell that the equations
/// determine once those are known.
pub fn exposed(values: &[i64], withheld: &[bool], equations: &[Equation]) -> Vec<usize> {
    let zeros = implicit_zeros(values, withheld, equations);
    let mut known_zero = withheld.to_vec();
    for &z in &zeros {
        known_zero[z] = false;
    }
    let mut out = determined(values.len(), &known_zero, equations);
    out.extend(zeros);
    out.sort_unstable();
    out.dedup();
    out
}

/// The withheld cells (`withheld[i]`) whose value the equations determine once every other cell is
/// known. Reduced row echelon form over the withheld cells: a pivot whose row has no other non-zero
/// entry is a cell that some combination of equations isolates.
pub fn determined(cells: usize, withheld: &[bool], equations: &[Equation]) -> Vec<usize> {
    let unknowns: Vec<usize> = (0..cells).filter(|&i| withheld[i]).collect();
    if unknowns.is_empty() {
        return Vec::new();
    }
    let mut column_of = vec![usize::MAX; cells];
    for (j, &cell) in unknowns.iter().enumerate() {
        column_of[cell] = j;
    }
    let mut rows: Vec<Vec<f64>> = equations
        .iter()
        .filter_map(|eq| {
            let mut row = vec![0.0; unknowns.len()];
            let mut any = false;
            for (&cell, coef) in eq.parts.iter().map(|p| (p, 1.0)).chain([(&eq.total, -1.0)]) {
                if withheld[cell] {
                    row[column_of[cell]] += coef;
                    any = true;
                }
            }
            any.then_some(row)
        })
        .collect();
    let pivots = reduce(&mut rows, unknowns.len());
    pivots
        .into_iter()
        .filter(|&(r, _)| rows[r].iter().filter(|x| x.abs() > EPS).count() == 1)
        .map(|(_, col)| unknowns[col])
        .collect()
}

/// Gauss–Jordan elimination in place with partial pivoting; returns `(row, column)` of each pivot.
fn reduce(rows: &mut [Vec<f64>], width: usize) -> Vec<(usize, usize)> {
    let mut pivots = Vec::new();
    let mut next = 0;
    for col in 0..width {
        if next == rows.len() {
            break;
        }
        let Some(best) = (next..rows.len()).max_by(|&a, &b| rows[a][col].abs().total_cmp(&rows[b][col].abs())) else {
            break;
        };
        if rows[best][col].abs() <= EPS {
            continue;
        }
        rows.swap(next, best);
        let d = rows[next][col];
        rows[next].iter_mut().for_each(|x| *x /= d);
        let pivot = rows[next].clone();
        for (i, row) in rows.iter_mut().enumerate() {
            let f = row[col];
            if i != next && f.abs() > EPS {
                row.iter_mut().zip(&pivot).for_each(|(x, p)| *x -= f * p);
            }
        }
        pivots.push((next, col));
        next += 1;
    }
    pivots
}

/// Withheld cells that are zero in every non-negative solution. The tables here are networks: with
/// each equation given a sign, every withheld cell is an arc between the (at most two) equations it
/// appears in, or between one and a free "ground" node. A zero cell can grow iff some cycle through it
/// balances every equation, using zero cells only forwards (they cannot shrink) — a search from the
/// arc's head back to its tail. Where the signs do not make a network, every withheld zero is taken as
/// known: over-protecting, never under.
fn implicit_zeros(values: &[i64], withheld: &[bool], equations: &[Equation]) -> Vec<usize> {
    let zeros: Vec<usize> = (0..values.len()).filter(|&c| withheld[c] && values[c] == 0).collect();
    if zeros.is_empty() {
        return zeros;
    }
    let Some(arcs) = network(values.len(), withheld, equations) else {
        return zeros;
    };
    let ground = equations.len();
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); ground + 1];
    for (c, arc) in arcs.iter().enumerate() {
        if let Some((tail, head)) = arc {
            at[*tail].push(c);
            at[*head].push(c);
        }
    }
    zeros
        .into_iter()
        .filter(|&j| {
            let Some((tail, head)) = arcs[j] else { return false };
            // From the head back to the tail: forwards along any arc, backwards only along a cell
            // that can shrink.
            let mut seen = vec![false; ground + 1];
            let mut queue = VecDeque::from([head]);
            seen[head] = true;
            while let Some(w) = queue.pop_front() {
                if w == tail {
                    return false;
                }
                for &a in at[w].iter().filter(|&&a| a != j) {
                    let Some((t, h)) = arcs[a] else { continue };
                    let next = if t == w {
                        Some(h)
                    } else if values[a] > 0 {
                        Some(t)
                    } else {
                        None
                    };
                    if let Some(n) = next.filter(|&n| !seen[n]) {
                        seen[n] = true;
                        queue.push_back(n);
                    }
                }
            }
            true
        })
        .collect()
}

/// Each withheld cell as an arc `(tail, head)` between equations (index `equations.len()` is the free
/// ground node), once every equation has a sign that gives each cell +1 at one end and −1 at the other;
/// `None` if no such signs exist or a cell appears in more than two equations.
fn network(cells: usize, withheld: &[bool], equations: &[Equation]) -> Option<Vec<Option<(usize, usize)>>> {
    let mut inc: Vec<Vec<(usize, i8)>> = vec![Vec::new(); cells];
    for (e, eq) in equations.iter().enumerate() {
        for &p in eq.parts.iter().filter(|&&p| withheld[p]) {
            inc[p].push((e, 1));
        }
        if withheld[eq.total] {
            inc[eq.total].push((e, -1));
        }
    }
    if inc.iter().any(|i| i.len() > 2) {
        return None;
    }
    // Two-colour the equations: a cell in two of them needs opposite signed coefficients.
    let mut links: Vec<Vec<(usize, i8)>> = vec![Vec::new(); equations.len()];
    for i in inc.iter().filter(|i| i.len() == 2) {
        let ((e1, c1), (e2, c2)) = (i[0], i[1]);
        links[e1].push((e2, -c1 * c2));
        links[e2].push((e1, -c1 * c2));
    }
    let mut sign: Vec<i8> = vec![0; equations.len()];
    for start in 0..equations.len() {
        if sign[start] != 0 {
            continue;
        }
        sign[start] = 1;
        let mut stack = vec![start];
        while let Some(e) = stack.pop() {
            for &(f, rel) in &links[e] {
                let want = sign[e] * rel;
                if sign[f] == 0 {
                    sign[f] = want;
                    stack.push(f);
                } else if sign[f] != want {
                    return None;
                }
            }
        }
    }
    let ground = equations.len();
    Some(
        inc.iter()
            .map(|i| match i.as_slice() {
                [] => None,
                [(e, c)] => Some(if sign[*e] * c > 0 { (*e, ground) } else { (ground, *e) }),
                [(e1, c1), (e2, _)] => Some(if sign[*e1] * c1 > 0 { (*e1, *e2) } else { (*e2, *e1) }),
                _ => None,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(parts: &[usize], total: usize) -> Equation {
        Equation { parts: parts.to_vec(), total }
    }

    #[test]
    fn a_lone_withheld_part_is_its_total_minus_the_others() {
        // 0 + 1 + 2 = 3; only 1 withheld.
        let e = [eq(&[0, 1, 2], 3)];
        assert_eq!(determined(4, &[false, true, false, false], &e), vec![1]);
        assert_eq!(determined(4, &[false, true, true, false], &e), Vec::<usize>::new());
    }

    #[test]
    fn a_bridge_between_two_protected_rectangles_is_determined() {
        // A 4 × 4 table (cells r*4+c) with row totals 16..20 and column totals 20..24. Withheld: the
        // rectangle {0,1,4,5}, the rectangle {10,11,14,15} and the bridge 6 (row 1, column 2). Every
        // row and column with a withheld cell has two, yet the bridge is the difference of sums.
        let mut e = Vec::new();
        for r in 0..4 {
            e.push(eq(&[r * 4, r * 4 + 1, r * 4 + 2, r * 4 + 3], 16 + r));
        }
        for c in 0..4 {
            e.push(eq(&[c, 4 + c, 8 + c, 12 + c], 20 + c));
        }
        let mut w = vec![false; 24];
        for i in [0, 1, 4, 5, 10, 11, 14, 15, 6] {
            w[i] = true;
        }
        assert_eq!(determined(24, &w, &e), vec![6]);
        // Withholding 7 and 3 too puts the bridge on a cycle (6, 7, 11, 10): nothing is determined.
        w[7] = true;
        w[3] = true;
        assert!(determined(24, &w, &e).is_empty());
    }

    #[test]
    fn counts_that_cannot_be_negative_pin_cells_no_equation_isolates() {
        // Rows "no" (4 in all) and "maybe" (3) over columns BGD, NPL, none. Cells 0–5: no BGD/NPL/none,
        // maybe BGD/NPL/none; 6, 7: the row totals; 8, 9, 10: each column's no + maybe; 11: no + maybe
        // of everyone. BGD's no + maybe shows (7: its answered 10 minus its shown yes 3).
        let values = [4, 0, 0, 3, 0, 0, 4, 3, 7, 0, 0, 7];
        let e = [
            eq(&[0, 1, 2], 6),
            eq(&[3, 4, 5], 7),
            eq(&[0, 3], 8),
            eq(&[1, 4], 9),
            eq(&[2, 5], 10),
            eq(&[8, 9, 10], 11),
        ];
        let mut w = [true, true, true, true, true, true, false, false, false, true, true, false];
        assert!(determined(12, &w, &e).is_empty(), "no linear combination isolates a cell");
        assert_eq!(
            exposed(&values, &w, &e),
            vec![0, 1, 2, 3, 4, 5, 9, 10],
            "yet BGD's 7 can only be its 4 and its 3: both sit at their row totals, the rest at zero"
        );
        // With BGD's no + maybe withheld too, BGD's no could be 3 and Nepal's 1: nothing is pinned.
        w[8] = true;
        assert!(exposed(&values, &w, &e).is_empty());
    }
}
