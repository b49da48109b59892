//! One registry page computed from the read model: the same rows, order, total and cursor as the
//! tables give (`tests/api/registry_model.rs` holds the two to each other for many callers and
//! queries on both engines).
//!
//! The plan is the tables' own (`list::WALK_ABOVE`): when a filter with a posting selects few
//! records, its records are tested and sorted; otherwise the sort's order is walked from the cursor
//! and each record tested until the page is full.

use std::collections::BTreeSet;
use std::ops::Bound;

use chrono::{DateTime, NaiveTime, Utc};
use gmc_domain::ids::DelegationId;
use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::policy::{can_read, Ownership};
use gmc_domain::Actor;
use uuid::Uuid;

use super::super::list::{sort_value, ImpedimentSort};
use super::state::{order_index, Slot, State};
use crate::cursor::{KeyValue, COUNT_LIMIT};
use crate::views::ImpedimentView;

/// Below this many candidates, testing and sorting them beats walking the sort's order.
const SORT_BELOW: usize = 2000;

/// A checked filter, as the model tests it (`q` is never here: text search reads the tables).
pub(super) struct Filter {
    pub status: Option<ImpedimentStatus>,
    pub country: Option<String>,
    pub partner: Option<String>,
    pub chapter: Option<String>,
    pub hs: Option<String>,
    pub delegation: Option<Uuid>,
    /// A topic that does not exist is the nil id, which no record has.
    pub topic: Option<Uuid>,
    pub min: Option<i16>,
    pub max: Option<i16>,
    /// Created at or after.
    pub from: Option<DateTime<Utc>>,
    /// Created before.
    pub until: Option<DateTime<Utc>>,
}

impl Filter {
    pub fn dates(from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>) -> [Option<DateTime<Utc>>; 2] {
        [
            from.map(|d| d.and_time(NaiveTime::MIN).and_utc()),
            to.and_then(|d| d.succ_opt()).map(|d| d.and_time(NaiveTime::MIN).and_utc()),
        ]
    }

    fn admits(&self, r: &ImpedimentView) -> bool {
        self.status.is_none_or(|s| r.status == s)
            && self.country.as_deref().is_none_or(|c| r.reporting_country == c)
            && self.partner.as_deref().is_none_or(|p| r.partner == p)
            && self.chapter.as_deref().is_none_or(|c| r.ntm_chapter == c)
            && self.hs.as_deref().is_none_or(|h| r.hs_code.as_deref().is_some_and(|c| c.starts_with(h)))
            && self.delegation.is_none_or(|d| r.delegation_id == d)
            && self.topic.is_none_or(|t| r.topic_ids.contains(&t))
            && self.min.is_none_or(|m| r.severity >= m)
            && self.max.is_none_or(|m| r.severity <= m)
            && self.from.is_none_or(|t| r.created_at >= t)
            && self.until.is_none_or(|t| r.created_at < t)
    }
}

/// What a page asks of the model.
pub(super) struct Ask<'a> {
    pub actor: &'a Actor,
    pub filter: &'a Filter,
    pub field: Option<ImpedimentSort>,
    pub descending: bool,
    /// The cursor's (key, id), after which the page starts.
    pub after: Option<(KeyValue, Uuid)>,
    /// Rows to return: the page and one more, to tell whether another follows.
    pub fetch: usize,
    /// Whether to count (the first page).
    pub count: bool,
}

/// The page's records (up to `fetch`) and, when asked, the matches counted up to `COUNT_LIMIT + 1`.
pub(super) fn page<'s>(state: &'s State, ask: &Ask<'_>) -> (Vec<&'s ImpedimentView>, Option<u64>) {
    let matches = |r: &ImpedimentView| {
        ask.filter.admits(r)
            && can_read(
                ask.actor,
                Ownership { delegation_id: DelegationId::from_uuid(r.delegation_id), visibility: r.visibility },
            )
    };
    let candidates = candidates(state, ask.filter);
    let limit = usize::try_from(COUNT_LIMIT + 1).unwrap_or(usize::MAX);
    let count = ask.count.then(|| {
        let counted = match &candidates {
            Some(slots) => slots.iter().filter_map(|s| state.get(s)).filter(|r| matches(r)).take(limit).count(),
            None => state.records.iter().flatten().filter(|r| matches(r)).take(limit).count(),
        };
        u64::try_from(counted).unwrap_or(u64::MAX)
    });
    let rows = match candidates {
        Some(slots) if slots.len() < SORT_BELOW => {
            let mut found: Vec<((KeyValue, Uuid), &ImpedimentView)> = slots
                .iter()
                .filter_map(|s| state.get(s))
                .filter(|r| matches(r))
                .map(|r| ((sort_value(ask.field, r), r.id), r))
                .filter(|(key, _)| {
                    ask.after.as_ref().is_none_or(|after| if ask.descending { key < after } else { key > after })
                })
                .collect();
            found.sort_unstable_by(|a, b| if ask.descending { b.0.cmp(&a.0) } else { a.0.cmp(&b.0) });
            found.into_iter().take(ask.fetch).map(|(_, r)| r).collect()
        }
        _ => walk(state, ask, matches),
    };
    (rows, count)
}

/// The sort's order walked from the cursor, each record tested.
fn walk<'s>(state: &'s State, ask: &Ask<'_>, matches: impl Fn(&ImpedimentView) -> bool) -> Vec<&'s ImpedimentView> {
    let Some(order) = state.orders.get(order_index(ask.field)) else { return Vec::new() };
    let after = ask.after.clone();
    let slots: Box<dyn Iterator<Item = &Slot>> = match (after, ask.descending) {
        (None, false) => Box::new(order.values()),
        (None, true) => Box::new(order.values().rev()),
        (Some(a), false) => Box::new(order.range((Bound::Excluded(a), Bound::Unbounded)).map(|(_, s)| s)),
        (Some(a), true) => Box::new(order.range((Bound::Unbounded, Bound::Excluded(a))).rev().map(|(_, s)| s)),
    };
    slots.filter_map(|s| state.get(*s)).filter(|r| matches(r)).take(ask.fetch).collect()
}

/// The records of one filter's posting, a superset of the matches.
enum Candidates<'s> {
    Posting(&'s BTreeSet<Slot>),
    Hs(Vec<Slot>),
}

impl Candidates<'_> {
    fn len(&self) -> usize {
        match self {
            Candidates::Posting(s) => s.len(),
            Candidates::Hs(v) => v.len(),
        }
    }

    fn iter(&self) -> Box<dyn Iterator<Item = Slot> + '_> {
        match self {
            Candidates::Posting(s) => Box::new(s.iter().copied()),
            Candidates::Hs(v) => Box::new(v.iter().copied()),
        }
    }
}

/// The records of the most selective filter that has a posting, or `None` when no such filter is
/// given (every record is a candidate).
fn candidates<'s>(state: &'s State, f: &Filter) -> Option<Candidates<'s>> {
    static EMPTY: BTreeSet<Slot> = BTreeSet::new();
    let p = &state.postings;
    let empty = &EMPTY;
    let mut sets: Vec<&BTreeSet<Slot>> = Vec::new();
    if let Some(v) = &f.partner {
        sets.push(p.partner.get(v).unwrap_or(empty));
    }
    if let Some(v) = &f.chapter {
        sets.push(p.chapter.get(v).unwrap_or(empty));
    }
    if let Some(v) = f.status {
        sets.push(p.status.get(v.as_str()).unwrap_or(empty));
    }
    if let Some(v) = &f.country {
        sets.push(p.country.get(v).unwrap_or(empty));
    }
    if let Some(v) = &f.delegation {
        sets.push(p.delegation.get(v).unwrap_or(empty));
    }
    if let Some(v) = &f.topic {
        sets.push(p.topic.get(v).unwrap_or(empty));
    }
    let smallest = sets.into_iter().min_by_key(|s| s.len());
    let hs = f.hs.as_deref().map(|prefix| {
        p.hs.range((Bound::Included((prefix.to_owned(), 0)), Bound::Unbounded))
            .take_while(|(code, _)| code.starts_with(prefix))
            // Stop early: more than the smallest posting, and the posting wins anyway.
            .take(smallest.map_or(usize::MAX, |s| s.len().saturating_add(1)))
            .map(|(_, slot)| *slot)
            .collect::<Vec<Slot>>()
    });
    match (smallest, hs) {
        (Some(s), Some(h)) if h.len() < s.len() => Some(Candidates::Hs(h)),
        (Some(s), _) => Some(Candidates::Posting(s)),
        (None, h) => h.map(Candidates::Hs),
    }
}
