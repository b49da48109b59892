//! The respondent filters of results, cross-tabs, text answers and exports: checking them, the
//! combinations a non-admin may ask for, and applying them to SQL.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use gmc_domain::consultation::SizeClass;
use gmc_domain::error::parse_enum;
use gmc_domain::ValidationErrors;
use sea_orm::sea_query::{Alias, Expr, IntoCondition};
use sea_orm::{EntityTrait, QueryFilter, Select};

/// The respondent filters of results, cross-tabs, text answers and exports.
#[derive(Debug, Default, Clone)]
pub struct ResultFilter {
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl ResultFilter {
    pub fn is_set(&self) -> bool {
        self.profile().is_some() || self.from.is_some() || self.to.is_some()
    }

    /// The profile filters set, as `(dimension, value)`, in the order of `DIMENSIONS`.
    pub(crate) fn profiles(&self) -> Vec<(&'static str, String)> {
        [
            ("country", self.country.clone()),
            ("sector", self.sector.clone()),
            ("size_class", self.size_class.clone()),
            ("women_led", self.women_led.map(|b| b.to_string())),
        ]
        .into_iter()
        .filter_map(|(d, v)| v.map(|v| (d, v)))
        .collect()
    }

    fn profile(&self) -> Option<(&'static str, String)> {
        self.profiles().into_iter().next()
    }

    /// The fields set, by name.
    fn fields(&self) -> Vec<&'static str> {
        let mut set: Vec<&'static str> = self.profiles().into_iter().map(|(d, _)| d).collect();
        set.extend(self.from.map(|_| "from"));
        set.extend(self.to.map(|_| "to"));
        set
    }
}

/// What a non-admin may ask for, in one place (`docs/consultations.md`): one profile filter at a time,
/// and dates not together with one. Then a filtered result is one column of a one-dimension table, or a
/// run of date blocks, both protected as wholes; two profile filters would make a two-way table whose
/// cells no published margin covers, and a profile filter with dates a three-way one.
pub(crate) fn one_at_a_time(f: &ResultFilter, e: &mut ValidationErrors) {
    let profiles = f.profiles();
    if let Some((first, _)) = profiles.first() {
        for (d, _) in &profiles[1..] {
            e.add(d, "one_filter_at_a_time", format!("only one profile filter applies at a time, and {first} is set"));
        }
        for (field, set) in [("from", f.from.is_some()), ("to", f.to.is_some())] {
            if set {
                e.add(
                    field,
                    "one_filter_at_a_time",
                    format!("dates cannot be combined with a profile filter ({first} is set)"),
                );
            }
        }
    }
}

/// A cross-tab is already a breakdown by one dimension: for a non-admin it takes no filter.
pub(crate) fn no_filter_on_crosstab(f: &ResultFilter, e: &mut ValidationErrors) {
    for field in f.fields() {
        e.add(
            field,
            "not_with_crosstab",
            "a cross-tab already breaks the respondents down by one dimension and takes no filter",
        );
    }
}

/// Text answers to readers outside the consultation's owners: by date only. The same answer found in
/// the lists filtered by country, sector, size and women-led would give away its writer's whole profile.
pub(crate) fn dates_only_for_text(f: &ResultFilter, e: &mut ValidationErrors) {
    for (d, _) in f.profiles() {
        e.add(d, "dates_only", "text answers can be filtered by date only: matching an answer across filtered lists would give away its writer's profile");
    }
}

/// A filter checked: codes normalised, dates as instants (`until` is the day after `to`).
#[derive(Debug, Default, Clone)]
pub(crate) struct Checked {
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

fn upper_code(field: &str, v: &str, max: usize, e: &mut ValidationErrors) -> Option<String> {
    let v = v.trim().to_ascii_uppercase();
    if !v.is_empty() && v.len() <= max && v.bytes().all(|b| b.is_ascii_uppercase()) {
        Some(v)
    } else {
        e.add(field, "invalid_format", "is not a code");
        None
    }
}

/// Midnight UTC of a day.
pub(crate) fn day_start(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(NaiveTime::MIN).and_utc()
}

pub(crate) fn check_filter(f: &ResultFilter, e: &mut ValidationErrors) -> Checked {
    if let (Some(a), Some(b)) = (f.from, f.to) {
        if a > b {
            e.add("to", "out_of_range", "must not be before from");
        }
    }
    Checked {
        country: f.country.as_deref().and_then(|c| upper_code("country", c, 3, e)),
        sector: f.sector.as_deref().and_then(|s| upper_code("sector", s, 2, e)),
        size_class: f
            .size_class
            .as_deref()
            .and_then(|s| e.check("size_class", parse_enum::<SizeClass>(s)))
            .map(|s| s.as_str().to_owned()),
        women_led: f.women_led,
        from: f.from.map(day_start),
        until: f.to.and_then(|d| d.succ_opt()).map(day_start),
    }
}

impl Checked {
    /// Without dates, the pre-aggregated counts answer; a date range needs the raw answers.
    pub(crate) fn counts_filter(&self) -> Option<super::super::counts::ProfileFilter> {
        (self.from.is_none() && self.until.is_none()).then(|| super::super::counts::ProfileFilter {
            country: self.country.clone(),
            sector: self.sector.clone(),
            size_class: self.size_class.clone(),
            women_led: self.women_led,
        })
    }

    /// The one profile filter set, normalised, as `(dimension, value)`.
    pub(crate) fn profile(&self) -> Option<(&'static str, String)> {
        [
            ("country", self.country.clone()),
            ("sector", self.sector.clone()),
            ("size_class", self.size_class.clone()),
            ("women_led", self.women_led.map(|b| b.to_string())),
        ]
        .into_iter()
        .find_map(|(d, v)| v.map(|v| (d, v)))
    }
}

/// Applies the filter to `answers` or `responses`: both carry the profile columns under the same names.
pub(crate) fn filtered<E: EntityTrait>(mut q: Select<E>, f: &Checked) -> Select<E> {
    let col = |name: &str| Expr::col(Alias::new(name));
    if let Some(v) = &f.country {
        q = q.filter(col("country").eq(v.clone()).into_condition());
    }
    if let Some(v) = &f.sector {
        q = q.filter(col("sector").eq(v.clone()).into_condition());
    }
    if let Some(v) = &f.size_class {
        q = q.filter(col("size_class").eq(v.clone()).into_condition());
    }
    if let Some(v) = f.women_led {
        q = q.filter(col("women_led").eq(v).into_condition());
    }
    if let Some(v) = f.from {
        q = q.filter(col("submitted_at").gte(v).into_condition());
    }
    if let Some(v) = f.until {
        q = q.filter(col("submitted_at").lt(v).into_condition());
    }
    q
}
