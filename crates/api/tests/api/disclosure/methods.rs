//! The attacker's methods: (0) the same number shown elsewhere, (a)–(d) differences, respondents −
//! answered and totals minus shown cells, (f) bounds from non-negative counts, (e) any linear
//! combination.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::collect::{Collected, Fact, Firm, Group, Measure};
use super::march;

/// A leak: a withheld value worked out from what was shown.
fn check(found: &mut Vec<String>, c: &Collected, method: &str, set: &BTreeSet<usize>, m: &Measure, v: f64, how: &str) {
    if let Some((truth, source)) = c.withheld.get(&(set.clone(), m.clone())) {
        if (v - truth).abs() < 1e-6 {
            found.push(format!("{method}: {m:?} of respondents {set:?} = {v} (withheld in {source}) from {how}"));
        }
    }
}

/// (0) the same number shown in one answer and withheld in another; (a) the unfiltered results minus a
/// filtered one; (b) a filtered result minus another it contains; (c) respondents − answered or
/// − skipped; (d) a column's answered minus its visible options, a row's unfiltered total minus the
/// visible columns (respondents, answered, skipped, options and mean × answered alike).
pub(super) fn direct_methods(
    c: &Collected,
    dims: &BTreeMap<&'static str, Vec<Option<String>>>,
    firms: &[Firm],
) -> Vec<String> {
    let mut found = Vec::new();
    for f in &c.facts {
        check(&mut found, c, "(0) shown elsewhere", &f.set, &f.measure, f.value, &f.source);
    }
    let mut by_measure: HashMap<&Measure, Vec<&Fact>> = HashMap::new();
    for f in &c.facts {
        by_measure.entry(&f.measure).or_default().push(f);
    }
    for (m, facts) in &by_measure {
        for a in facts {
            for b in facts {
                if b.set.len() < a.set.len() && b.set.is_subset(&a.set) {
                    let method = if a.group == Group::All {
                        "(a) results minus filtered"
                    } else {
                        "(b) filtered minus filtered"
                    };
                    let rest: BTreeSet<usize> = a.set.difference(&b.set).copied().collect();
                    let how = format!("{} − {}", a.source, b.source);
                    check(&mut found, c, method, &rest, m, a.value - b.value, &how);
                }
            }
        }
    }
    // Facts of one group, by measure.
    let mut groups: HashMap<BTreeSet<usize>, HashMap<Measure, f64>> = HashMap::new();
    for f in &c.facts {
        groups.entry(f.set.clone()).or_default().insert(f.measure.clone(), f.value);
    }
    for (set, known) in &groups {
        for (m, v) in known {
            if let Measure::Answered(q) = m {
                if let Some(n) = known.get(&Measure::Respondents) {
                    check(&mut found, c, "(c) respondents − answered", set, &Measure::Skipped(q.clone()), n - v, "");
                }
            }
            if let Measure::Skipped(q) = m {
                if let Some(n) = known.get(&Measure::Respondents) {
                    check(&mut found, c, "(c) respondents − skipped", set, &Measure::Answered(q.clone()), n - v, "");
                }
            }
        }
        // Options of a single choice or a scale add up to answered.
        for (q, options) in [("q1", vec!["yes", "no", "maybe"]), ("q3", vec!["1", "2", "3", "4", "5"])] {
            let Some(answered) = known.get(&Measure::Answered(q.into())) else { continue };
            let missing: Vec<&&str> =
                options.iter().filter(|o| !known.contains_key(&Measure::Option(q.into(), o.to_string()))).collect();
            if let [only] = missing.as_slice() {
                let seen: f64 =
                    options.iter().filter_map(|o| known.get(&Measure::Option(q.into(), o.to_string()))).sum();
                let m = Measure::Option(q.into(), only.to_string());
                check(&mut found, c, "(d) answered − visible options", set, &m, answered - seen, "");
            }
        }
    }
    // Rows: the unfiltered total minus the visible columns of a dimension.
    let all = Group::All.members(firms);
    let Some(totals) = groups.get(&all) else { return found };
    for (d, values) in dims {
        let columns: Vec<BTreeSet<usize>> = values.iter().map(|v| Group::Dim(d, v.clone()).members(firms)).collect();
        for (m, total) in totals {
            let missing: Vec<&BTreeSet<usize>> =
                columns.iter().filter(|s| !groups.get(*s).is_some_and(|g| g.contains_key(m))).collect();
            if let [only] = missing.as_slice() {
                let seen: f64 = columns.iter().filter_map(|s| groups.get(s).and_then(|g| g.get(m))).sum();
                let method =
                    if matches!(m, Measure::Sum(_)) { "(d) mean × answered" } else { "(d) total − visible columns" };
                check(&mut found, c, method, only, m, total - seen, &format!("by {d}"));
            }
        }
    }
    found
}

type Key = (BTreeSet<usize>, Measure);

/// (f) Counts are never negative: in every line — a column's options adding up to its answered,
/// answered + skipped adding up to respondents, a row's columns (or date blocks) adding up to the
/// unfiltered count — each withheld part is at most what the line leaves for its withheld parts; where
/// those bounds add up to exactly what is left, every part sits at its bound.
pub(super) fn bounds_attack(
    c: &Collected,
    dims: &BTreeMap<&'static str, Vec<Option<String>>>,
    firms: &[Firm],
) -> Vec<String> {
    let mut known: HashMap<Key, f64> = c.facts.iter().map(|f| ((f.set.clone(), f.measure.clone()), f.value)).collect();
    let measures: BTreeSet<Measure> = c.facts.iter().map(|f| f.measure.clone()).collect();
    let mut sets: BTreeSet<BTreeSet<usize>> = c.facts.iter().map(|f| f.set.clone()).collect();
    sets.extend(c.withheld.keys().map(|(s, _)| s.clone()));
    let mut lines: Vec<(Vec<Key>, Key)> = Vec::new();
    for set in &sets {
        for q in ["q1", "q2", "q3", "q4", "q5"] {
            let key = |m: Measure| (set.clone(), m);
            lines.push((
                vec![key(Measure::Answered(q.into())), key(Measure::Skipped(q.into()))],
                key(Measure::Respondents),
            ));
        }
        for (q, options) in [("q1", vec!["yes", "no", "maybe"]), ("q3", vec!["1", "2", "3", "4", "5"])] {
            let parts = options.iter().map(|o| (set.clone(), Measure::Option(q.into(), o.to_string()))).collect();
            lines.push((parts, (set.clone(), Measure::Answered(q.into()))));
        }
    }
    // Rows: a dimension's columns, and the date groups that are unions of the smallest ones (blocks).
    let all = Group::All.members(firms);
    let mut partitions: Vec<(Vec<BTreeSet<usize>>, BTreeSet<usize>)> = dims
        .iter()
        .map(|(d, values)| (values.iter().map(|v| Group::Dim(d, v.clone()).members(firms)).collect(), all.clone()))
        .collect();
    let dated: BTreeSet<BTreeSet<usize>> = c
        .facts
        .iter()
        .map(|f| (&f.group, &f.set))
        .chain(c.withheld_groups.iter().map(|(g, ..)| (g, &all)))
        .filter(|(g, _)| matches!(g, Group::Dates(..)))
        .map(|(g, s)| if s == &all { g.members(firms) } else { s.clone() })
        .filter(|s| !s.is_empty())
        .collect();
    let blocks: Vec<BTreeSet<usize>> =
        dated.iter().filter(|s| !dated.iter().any(|t| t.len() < s.len() && t.is_subset(s))).cloned().collect();
    for run in dated.iter().chain([&all]) {
        let inside: Vec<BTreeSet<usize>> = blocks.iter().filter(|b| b.is_subset(run)).cloned().collect();
        let covered: BTreeSet<usize> = inside.iter().flatten().copied().collect();
        if inside.len() > 1 && &covered == run && inside.iter().map(BTreeSet::len).sum::<usize>() == run.len() {
            partitions.push((inside, run.clone()));
        }
    }
    for (columns, total) in &partitions {
        for m in &measures {
            lines.push((columns.iter().map(|s| (s.clone(), m.clone())).collect(), (total.clone(), m.clone())));
        }
    }
    let mut found = Vec::new();
    loop {
        let mut upper: HashMap<&Key, f64> = HashMap::new();
        let left = |parts: &[Key], total: &Key, known: &HashMap<Key, f64>| {
            known.get(total).map(|t| t - parts.iter().filter_map(|p| known.get(p)).sum::<f64>())
        };
        for (parts, total) in &lines {
            if let Some(s) = left(parts, total, &known) {
                for p in parts.iter().filter(|p| !known.contains_key(*p)) {
                    let u = upper.entry(p).or_insert(f64::INFINITY);
                    *u = u.min(s);
                }
            }
        }
        let mut pinned: Vec<(Key, f64)> = Vec::new();
        for (parts, total) in &lines {
            let unknown: Vec<&Key> = parts.iter().filter(|p| !known.contains_key(*p)).collect();
            let Some(s) = left(parts, total, &known).filter(|_| !unknown.is_empty()) else { continue };
            let bounds: f64 = unknown.iter().map(|p| upper[p]).sum();
            if (bounds - s).abs() < 1e-9 {
                pinned.extend(unknown.iter().map(|p| ((*p).clone(), upper[p])));
            }
        }
        if pinned.is_empty() {
            break;
        }
        for (key, v) in pinned {
            check(&mut found, c, "(f) non-negative counts", &key.0, &key.1, v, "bounds of its lines");
            known.insert(key, v);
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Incremental Gaussian elimination: the equations seen so far, each reduced against the earlier ones.
#[derive(Default)]
struct Span {
    rows: Vec<(usize, Vec<f64>)>,
}

impl Span {
    fn reduce(&self, v: &mut [f64]) {
        for (p, row) in &self.rows {
            let f = v[*p];
            if f.abs() > 1e-9 {
                v.iter_mut().zip(row).for_each(|(x, r)| *x -= f * r);
            }
        }
    }

    fn insert(&mut self, mut v: Vec<f64>) {
        self.reduce(&mut v);
        let pivot = (0..v.len()).max_by(|&a, &b| v[a].abs().total_cmp(&v[b].abs()));
        if let Some(p) = pivot.filter(|&p| v[p].abs() > 1e-7) {
            let d = v[p];
            v.iter_mut().for_each(|x| *x /= d);
            self.rows.push((p, v));
        }
    }

    fn contains(&self, v: &[f64]) -> bool {
        let mut v = v.to_vec();
        self.reduce(&mut v);
        v.iter().all(|x| x.abs() < 1e-6)
    }
}

/// The unknowns of one frame (a profile dimension, or days) for one question: per column the
/// respondents, then the question's own counts. Answered is the sum of the options for a single choice
/// or a scale, skipped is respondents − answered, and mean × answered is the sum of the values.
struct Layout {
    columns: usize,
    per_column: usize,
    options: Vec<String>,
    /// Options add up to answered.
    additive: bool,
    /// Option ids are the values (a scale): the sum of values is Σ value × count.
    scale: bool,
    /// Index of answered, and of the sum of values, among a column's unknowns.
    answered: Option<usize>,
    sum: Option<usize>,
}

impl Layout {
    fn of(q: &str, columns: usize) -> Self {
        let opts = |v: &[&str]| v.iter().map(std::string::ToString::to_string).collect::<Vec<_>>();
        let (options, additive, scale, answered, sum) = match q {
            "q1" => (opts(&["yes", "no", "maybe"]), true, false, None, None),
            "q2" => (opts(&["a", "b", "c"]), false, false, Some(4), None),
            "q3" => (opts(&["1", "2", "3", "4", "5"]), true, true, None, None),
            "q4" => (Vec::new(), false, false, Some(1), Some(2)),
            _ => (Vec::new(), false, false, Some(1), None),
        };
        let per_column = 1 + options.len() + usize::from(answered.is_some()) + usize::from(sum.is_some());
        Layout { columns, per_column, options, additive, scale, answered, sum }
    }

    fn functional(&self, q: &str, m: &Measure, cols: &[usize]) -> Option<Vec<f64>> {
        let mut v = vec![0.0; self.columns * self.per_column];
        let at = |c: usize, i: usize| c * self.per_column + i;
        for &c in cols {
            match m {
                Measure::Respondents => v[at(c, 0)] += 1.0,
                Measure::Option(mq, o) if mq == q => {
                    let i = self.options.iter().position(|x| x == o)?;
                    v[at(c, 1 + i)] += 1.0;
                }
                Measure::Answered(mq) | Measure::Skipped(mq) if mq == q => {
                    let sign = if matches!(m, Measure::Skipped(_)) {
                        v[at(c, 0)] += 1.0;
                        -1.0
                    } else {
                        1.0
                    };
                    match self.answered {
                        Some(i) => v[at(c, i)] += sign,
                        None if self.additive => (0..self.options.len()).for_each(|i| v[at(c, 1 + i)] += sign),
                        None => return None,
                    }
                }
                Measure::Sum(mq) if mq == q => match (self.sum, self.scale) {
                    (Some(i), _) => v[at(c, i)] += 1.0,
                    (None, true) => {
                        for (i, o) in self.options.iter().enumerate() {
                            v[at(c, 1 + i)] += o.parse::<f64>().ok()?;
                        }
                    }
                    _ => return None,
                },
                _ => return None,
            }
        }
        Some(v)
    }
}

/// (e) Any linear combination: per frame — a profile dimension, or the days — and per question, every
/// number shown is an equation in the frame's unknowns; a withheld value whose functional lies in
/// their span can be computed. (Different dimensions share only the unfiltered totals, which are in
/// every frame, so frames need not be combined.)
pub(super) fn linear_attack(c: &Collected, dims: &BTreeMap<&'static str, Vec<Option<String>>>) -> Vec<String> {
    let first = march(1) - chrono::Days::new(7);
    let days: Vec<NaiveDate> = (0..42).map(|i| first + chrono::Days::new(i)).collect();
    let mut found = Vec::new();
    let mut frames: Vec<(&'static str, usize)> = dims.iter().map(|(d, v)| (*d, v.len())).collect();
    // Days, plus one column before and one after.
    frames.push(("dates", days.len() + 2));
    for (frame, columns) in frames {
        let cols_of = |g: &Group| -> Option<Vec<usize>> {
            match (g, frame) {
                (Group::All, _) => Some((0..columns).collect()),
                (Group::Dim(d, v), f) if *d == f => dims[d].iter().position(|x| x == v).map(|i| vec![i]),
                (Group::Dates(from, to), "dates") => {
                    let mut cols: Vec<usize> = (0..days.len())
                        .filter(|&i| from.is_none_or(|f| days[i] >= f) && to.is_none_or(|t| days[i] <= t))
                        .map(|i| i + 1)
                        .collect();
                    if from.is_none() {
                        cols.push(0);
                    }
                    if to.is_none() {
                        cols.push(columns - 1);
                    }
                    Some(cols)
                }
                _ => None,
            }
        };
        for q in ["q1", "q2", "q3", "q4", "q5"] {
            let layout = Layout::of(q, columns);
            let mut span = Span::default();
            let mut seen = BTreeSet::new();
            for f in &c.facts {
                let Some(cols) = cols_of(&f.group) else { continue };
                if f.measure.question().is_some_and(|mq| mq != q) || !seen.insert((cols.clone(), f.measure.clone())) {
                    continue;
                }
                if let Some(v) = layout.functional(q, &f.measure, &cols) {
                    span.insert(v);
                }
            }
            for (g, mq, mean) in &c.ratios {
                let Some(cols) = cols_of(g).filter(|_| mq == q) else { continue };
                let (Some(mut sum), Some(answered)) = (
                    layout.functional(q, &Measure::Sum(q.into()), &cols),
                    layout.functional(q, &Measure::Answered(q.into()), &cols),
                ) else {
                    continue;
                };
                sum.iter_mut().zip(answered).for_each(|(s, a)| *s -= mean * a);
                span.insert(sum);
            }
            for (g, m, truth, source) in &c.withheld_groups {
                if m.question().is_some_and(|mq| mq != q) {
                    continue;
                }
                let Some(cols) = cols_of(g) else { continue };
                if let Some(v) = layout.functional(q, m, &cols) {
                    if span.contains(&v) {
                        found.push(format!(
                            "(e) linear, by {frame}: {m:?} of {g:?} (withheld in {source}; admin sees {truth})"
                        ));
                    }
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Per method: how many values, and a few examples.
pub(super) fn report(leaks: &[String]) -> String {
    let mut by_method: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
    for l in leaks {
        by_method.entry(l.split(':').next().unwrap_or_default()).or_default().push(l);
    }
    let lines: Vec<String> = by_method
        .iter()
        .map(|(method, ls)| {
            let examples: Vec<String> = ls.iter().take(3).map(|l| format!("    {l}")).collect();
            format!("{method}: {} values\n{}", ls.len(), examples.join("\n"))
        })
        .collect();
    format!("{} withheld values derived:\n{}", leaks.len(), lines.join("\n"))
}
