//! What results are made of: cells (a count, or withheld), per-question results and cross-tabs. Their
//! own module so that the parts that compute them (`exact`, `profile`, `dates`, `breakdown`) and
//! `results` itself, which calls those parts, all depend on it and not on each other.

use chrono::NaiveDate;
use gmc_domain::consultation::{withheld, QuestionKind, Texts};
use serde::Serialize;

/// A count, or nothing when withheld by the small-cell rule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CellDto))]
pub struct Cell {
    pub count: Option<i64>,
    /// Not shown: fewer than k respondents, or withheld so that one that is cannot be worked out
    /// (secondary suppression; see `docs/consultations.md`).
    pub withheld: bool,
    /// Admins: fewer than k respondents, shown only because the reader is an admin. Others: true on
    /// every withheld cell (which withheld cells are k or more is not told).
    // Set on every withheld cell for non-admins, whether below k itself or withheld to protect one
    // that is: telling those apart would say which withheld cells are k or more.
    pub below_k: bool,
}

impl Cell {
    /// A count of an exact view: a breakdown cell (`suppress`) below k is withheld, except for admins.
    pub(super) fn new(n: i64, k: i64, suppress: bool, sees_all: bool) -> Self {
        let below = suppress && n < k;
        let hide = below && withheld(n, k, sees_all);
        Cell { count: (!hide).then_some(n), withheld: hide, below_k: below }
    }

    /// A count of a protected table, as a non-admin sees it.
    pub(super) fn protected(n: i64, withheld: bool) -> Self {
        Cell { count: (!withheld).then_some(n), withheld, below_k: withheld }
    }
}

#[derive(Debug, Clone)]
pub struct OptionResult {
    pub id: String,
    pub label: Texts,
    pub cell: Cell,
    pub share: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct QuestionResult {
    pub code: String,
    pub kind: QuestionKind,
    pub prompt: Texts,
    pub answered: Cell,
    pub skipped: Cell,
    pub options: Vec<OptionResult>,
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Results {
    pub respondents: Cell,
    pub k: i64,
    pub filtered: bool,
    /// The dates the counts cover (`None`: unbounded) — for non-admins, the whole blocks a date filter
    /// was rounded to.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub questions: Vec<QuestionResult>,
}

/// The cross-tab dimensions.
pub const DIMENSIONS: &[&str] = &["country", "sector", "size_class", "women_led"];

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CrossColumnDto))]
pub struct CrossColumn {
    /// The dimension's value (`BGD`, `C`, `micro`, `true`), or `unknown`.
    pub key: String,
    /// Respondents in the group who answered the question.
    pub respondents: Cell,
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CrossRowDto))]
pub struct CrossRow {
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::BTreeMap<String, String>))]
    pub label: Texts,
    /// One per column, in column order.
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CrossTabDto))]
pub struct CrossTab {
    pub question: String,
    pub by: String,
    pub k: i64,
    pub columns: Vec<CrossColumn>,
    pub rows: Vec<CrossRow>,
}
