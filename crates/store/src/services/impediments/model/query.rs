//! One registry page computed from the read model: the same rows, order, total and cursor as the
//! tables give (`tests/api/registry_model.rs` holds the two to each other for many callers and
//! queries on both engines).
//!
//! The filters and the read rule are combined as sets of records (`bits`), which also gives the count.
//! When few records match, they are sorted; otherwise the sort's order is walked from the cursor and
//! each record's membership tested until the page is full.

use std::ops::Bound;

use chrono::{DateTime, NaiveTime, Utc};
use gmc_domain::ids::DelegationId;
use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::policy::{can_read, Ownership};
use gmc_domain::Actor;
use uuid::Uuid;

use super::super::list::ImpedimentSort;
use super::bits::Bits;
use super::state::{key_ref, order_index, value_ref, BitKey, KeyRef, Signature, Slot, State};
use crate::cursor::{KeyValue, COUNT_LIMIT};
use crate::views::ImpedimentView;

/// At or below this many matches, they are collected and sorted; above, the sort's order is walked
/// and each record's bit tested (at most page × records ÷ matches steps: ~10,000 at 1,000 matches).
const SORT_BELOW: usize = 1000;

/// A checked filter, as the model tests it.
pub(super) struct Filter {
    /// The search text lowered as the tables' pattern is (`contains_ci`: Rust's `to_lowercase`), and
    /// found in each record's text lowered by the database: a literal substring, as the escaped `LIKE`.
    pub text: Option<(memchr::memmem::Finder<'static>, Signature)>,
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

    pub fn text(q: Option<&str>) -> Option<(memchr::memmem::Finder<'static>, Signature)> {
        q.map(|q| {
            let needle = q.to_lowercase();
            (memchr::memmem::Finder::new(needle.as_bytes()).into_owned(), Signature::of(needle.as_bytes()))
        })
    }

    /// What the sets cannot say: the dates and the text.
    fn admits(&self, state: &State, slot: Slot, r: &ImpedimentView) -> bool {
        self.from.is_none_or(|t| r.created_at >= t)
            && self.until.is_none_or(|t| r.created_at < t)
            && self.text.as_ref().is_none_or(|(finder, signature)| {
                state.may_contain(slot, signature) && finder.find(state.text(slot).as_bytes()).is_some()
            })
    }

    fn is_residual(&self) -> bool {
        self.from.is_some() || self.until.is_some() || self.text.is_some()
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

/// The records the caller may read: the union of each (owner, visibility) set the policy allows,
/// asked of `policy::can_read` once per set rather than once per record.
fn readable(state: &State, actor: &Actor) -> Bits {
    let mut out = Bits::default();
    for (key, bits) in &state.bits {
        if let BitKey::Owner(delegation, visibility) = key {
            let record = Ownership { delegation_id: DelegationId::from_uuid(*delegation), visibility: *visibility };
            if can_read(actor, record) {
                out.or(bits);
            }
        }
    }
    out
}

/// The set of records matching every filter but the dates, among those the caller may read.
fn matching(state: &State, actor: &Actor, f: &Filter) -> Bits {
    let mut m = readable(state, actor);
    let empty = Bits::default();
    let mut and = |key: BitKey| m.and(state.bits.get(&key).unwrap_or(&empty));
    if let Some(v) = &f.partner {
        and(BitKey::Partner(v.clone()));
    }
    if let Some(v) = &f.chapter {
        and(BitKey::Chapter(v.clone()));
    }
    if let Some(v) = f.status {
        and(BitKey::Status(v.as_str()));
    }
    if let Some(v) = &f.country {
        and(BitKey::Country(v.clone()));
    }
    if let Some(v) = f.delegation {
        and(BitKey::Delegation(v));
    }
    if let Some(v) = f.topic {
        and(BitKey::Topic(v));
    }
    if f.min.is_some() || f.max.is_some() {
        let mut any = Bits::default();
        for s in f.min.unwrap_or(i16::MIN).max(0)..=f.max.unwrap_or(5).min(9) {
            if let Some(b) = state.bits.get(&BitKey::Severity(s)) {
                any.or(b);
            }
        }
        m.and(&any);
    }
    if let Some(prefix) = &f.hs {
        let mut any = Bits::default();
        if prefix.len() <= 2 {
            for (key, b) in &state.bits {
                if matches!(key, BitKey::Hs2(code) if code.starts_with(prefix.as_str())) {
                    any.or(b);
                }
            }
        } else {
            let codes = state.hs.range((Bound::Included((prefix.clone(), 0)), Bound::Unbounded));
            for (_, slot) in codes.take_while(|(code, _)| code.starts_with(prefix.as_str())) {
                any.set(*slot);
            }
        }
        m.and(&any);
    }
    m
}

/// The page's records (up to `fetch`) and, when asked, the matches counted up to `COUNT_LIMIT + 1`.
pub(super) fn page<'s>(state: &'s State, ask: &Ask<'_>) -> (Vec<&'s ImpedimentView>, Option<u64>) {
    let m = matching(state, ask.actor, ask.filter);
    let f = ask.filter;
    let limit = usize::try_from(COUNT_LIMIT + 1).unwrap_or(usize::MAX);
    let (few, counted) = if f.is_residual() {
        // The sets hold a superset: test each member until more than both the count and the sort
        // need are found. All of them, when the search is rare.
        let found: Vec<Slot> = m
            .ones()
            .filter(|s| state.get(*s).is_some_and(|r| f.admits(state, *s, r)))
            .take(limit.max(SORT_BELOW + 1))
            .collect();
        let counted = found.len().min(limit);
        ((found.len() <= SORT_BELOW).then_some(found), counted)
    } else {
        let counted = m.count_up_to(limit);
        ((counted <= SORT_BELOW).then(|| m.ones().collect()), counted)
    };
    let count = ask.count.then(|| u64::try_from(counted).unwrap_or(u64::MAX));
    let rows = match few {
        Some(slots) => sorted(state, ask, &slots),
        None => walk(state, ask, &m),
    };
    (rows, count)
}

/// The matches given, in the sort's order, after the cursor.
fn sorted<'s>(state: &'s State, ask: &Ask<'_>, slots: &[Slot]) -> Vec<&'s ImpedimentView> {
    let after = ask.after.as_ref().and_then(|(k, id)| Some((value_ref(k)?, *id)));
    let mut found: Vec<((KeyRef<'_>, Uuid), &ImpedimentView)> = slots
        .iter()
        .filter_map(|s| state.get(*s))
        .map(|r| ((key_ref(ask.field, r), r.id), r))
        .filter(|(key, _)| after.as_ref().is_none_or(|after| if ask.descending { key < after } else { key > after }))
        .collect();
    found.sort_unstable_by(|a, b| if ask.descending { b.0.cmp(&a.0) } else { a.0.cmp(&b.0) });
    found.into_iter().take(ask.fetch).map(|(_, r)| r).collect()
}

/// The sort's order walked from the cursor, each record's bit tested.
fn walk<'s>(state: &'s State, ask: &Ask<'_>, m: &Bits) -> Vec<&'s ImpedimentView> {
    let index = order_index(ask.field);
    let Some(order) = state.orders.get(index) else { return Vec::new() };
    let key = |s: &Slot| state.get(*s).map(|r| (key_ref(ask.field, r), r.id));
    let after = ask.after.as_ref().and_then(|(k, id)| Some((value_ref(k)?, *id)));
    // The cursor's place: ascending, the first key after it; descending, the last key before it.
    let slots: Box<dyn Iterator<Item = &Slot>> = match (after, ask.descending) {
        (None, false) => Box::new(order.iter()),
        (None, true) => Box::new(order.iter().rev()),
        (Some(a), false) => {
            let from = order.partition_point(|s| key(s).is_some_and(|k| k <= a));
            Box::new(order.get(from..).unwrap_or_default().iter())
        }
        (Some(a), true) => {
            let until = order.partition_point(|s| key(s).is_some_and(|k| k < a));
            Box::new(order.get(..until).unwrap_or_default().iter().rev())
        }
    };
    slots
        .filter(|s| m.has(**s))
        .filter_map(|s| state.get(*s).filter(|r| ask.filter.admits(state, *s, r)))
        .take(ask.fetch)
        .collect()
}
