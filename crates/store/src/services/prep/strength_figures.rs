//! The figures of evidence strength (`strength`) and the small-cell protection they go through: one
//! table of counts tied by their equations, protected by `gmc_domain::disclosure::Table`; shares and
//! descriptions shown only with the counts they come from (`docs/alignment.md`).

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use gmc_domain::disclosure::{Role, Table};
use gmc_domain::policy::sees_small_cells;
use gmc_domain::Actor;
use serde::Serialize;

use crate::entities::impediments;
use crate::services::consultations::results::Cell;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeverityCell {
    /// 1 (minor) – 5 (prohibitive).
    pub severity: i16,
    pub impediments: Cell,
}

/// The strength of the evidence, as the caller may read it: only what they may read is counted,
/// and each count of fewer than `k` (or one that would let such a count be worked out) is withheld.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceStrength {
    pub k: i64,
    /// Distinct firms: the stakeholders behind the impediments plus the anonymous respondents.
    pub firms: Cell,
    pub stakeholders: Cell,
    /// Anonymous respondents: behind impediments reported through a consultation, and answering the
    /// linked (or topic-tagged) questions that at least k answered.
    pub respondents: Cell,
    /// Distinct countries, sectors and size classes of the firms; `null` when `firms` is withheld.
    pub countries: Option<i64>,
    pub sectors: Option<i64>,
    pub size_classes: Option<i64>,
    pub women_led: Cell,
    /// Women-led firms among those whose answer is known; `null` when a count behind it is withheld.
    pub women_led_share: Option<f64>,
    pub impediments: Cell,
    pub severity: Vec<SeverityCell>,
    /// Reported in the last 12 months.
    pub recent: Cell,
    pub recent_share: Option<f64>,
    /// When the newest and the oldest impediment were reported; `null` when `impediments` is withheld.
    pub newest: Option<DateTime<Utc>>,
    pub oldest: Option<DateTime<Utc>>,
}

#[derive(Default, Clone)]
pub(crate) struct Profile {
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
}

fn distinct(all: &[&Profile], f: impl Fn(&Profile) -> Option<&String>) -> i64 {
    all.iter().filter_map(|p| f(p)).collect::<HashSet<_>>().len() as i64
}

/// A table of counts with each cell's value kept beside it.
#[derive(Default)]
struct Counts {
    table: Table,
    values: Vec<i64>,
}

impl Counts {
    fn add(&mut self, n: i64) -> usize {
        self.values.push(n);
        self.table.cell(n, Role::Inner)
    }
}

/// Builds the protected table and reads the figures off it.
pub(crate) fn figures(
    actor: &Actor,
    k: i64,
    (stakeholders, respondents): (i64, i64),
    all: &[&Profile],
    imps: &[impediments::Model],
) -> EvidenceStrength {
    let women = all.iter().filter(|p| p.women_led == Some(true)).count() as i64;
    let men = all.iter().filter(|p| p.women_led == Some(false)).count() as i64;
    let year_ago = Utc::now() - Duration::days(365);
    let recent = imps.iter().filter(|i| i.created_at >= year_ago).count() as i64;
    let total_imps = imps.len() as i64;

    let mut t = Counts::default();
    let c_st = t.add(stakeholders);
    let c_re = t.add(respondents);
    let c_firms = t.add(stakeholders + respondents);
    t.table.equation(vec![c_st, c_re], c_firms);
    let c_women = t.add(women);
    let c_men = t.add(men);
    let c_unknown = t.add(all.len() as i64 - women - men);
    t.table.equation(vec![c_women, c_men, c_unknown], c_firms);
    let c_imps = t.add(total_imps);
    let sev: Vec<(i16, usize)> =
        (1..=5i16).map(|s| (s, t.add(imps.iter().filter(|i| i.severity == s).count() as i64))).collect();
    t.table.equation(sev.iter().map(|(_, c)| *c).collect(), c_imps);
    let c_recent = t.add(recent);
    let c_older = t.add(total_imps - recent);
    t.table.equation(vec![c_recent, c_older], c_imps);

    let sees_all = sees_small_cells(actor);
    let withheld = if sees_all { Vec::new() } else { t.table.protect(k) };
    let cell = |c: usize| -> Cell {
        let n = t.values.get(c).copied().unwrap_or(0);
        let hide = withheld.get(c).copied().unwrap_or(false);
        Cell { count: (!hide).then_some(n), withheld: hide, below_k: if sees_all { n < k } else { hide } }
    };
    let share = |part: usize, other: usize| -> Option<f64> {
        let (a, b) = (cell(part).count?, cell(other).count?);
        (a + b > 0).then(|| a as f64 / (a + b) as f64)
    };
    let firms = cell(c_firms);
    let shown_firms = firms.count.is_some();
    let imps_cell = cell(c_imps);
    let when = |newest: bool| {
        let dates = imps.iter().map(|i| i.created_at);
        let d = if newest { dates.max() } else { dates.min() };
        d.filter(|_| imps_cell.count.is_some())
    };
    EvidenceStrength {
        k,
        stakeholders: cell(c_st),
        respondents: cell(c_re),
        countries: shown_firms.then(|| distinct(all, |p| p.country.as_ref())),
        sectors: shown_firms.then(|| distinct(all, |p| p.sector.as_ref())),
        size_classes: shown_firms.then(|| distinct(all, |p| p.size_class.as_ref())),
        women_led: cell(c_women),
        women_led_share: share(c_women, c_men),
        severity: sev.iter().map(|(s, c)| SeverityCell { severity: *s, impediments: cell(*c) }).collect(),
        recent: cell(c_recent),
        recent_share: share(c_recent, c_older),
        newest: when(true),
        oldest: when(false),
        firms,
        impediments: imps_cell,
    }
}
