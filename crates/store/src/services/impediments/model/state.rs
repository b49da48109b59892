//! The registry held in memory: every impediment once, found by id, in each sort's order, and through
//! the postings of the filters that select few records (partner, chapter, status, reporting country,
//! owning delegation, topic, HS code). Changed one record at a time as the change log says.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::Visibility;
use uuid::Uuid;

use super::super::list::ImpedimentSort;
use super::bits::Bits;
use crate::cursor::{KeyValue, SortField};
use crate::services::topics::TopicCodes;
use crate::views::ImpedimentView;

pub(super) use super::bits::Slot;

/// Each sort's order: the slots sorted by (key, id). Index `SORTS` is the default order (by id alone).
/// A sorted vector rather than a tree: a page walks it (one bit test a step, in contiguous memory),
/// and a change moves at most 400 KB of it (~10 µs) — the registry changes a few times a second.
pub(super) type Order = Vec<Slot>;

/// A sort key borrowed from its record: ordered as `KeyValue` is (text byte by byte), without
/// copying the text.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum KeyRef<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Time(chrono::DateTime<chrono::Utc>),
}

pub(super) fn key_ref(field: Option<ImpedimentSort>, r: &ImpedimentView) -> KeyRef<'_> {
    match field {
        None => KeyRef::Null,
        Some(ImpedimentSort::CreatedAt) => KeyRef::Time(r.created_at),
        Some(ImpedimentSort::UpdatedAt) => KeyRef::Time(r.updated_at),
        Some(ImpedimentSort::Severity) => KeyRef::Int(r.severity.into()),
        Some(ImpedimentSort::Title) => KeyRef::Text(&r.title),
        Some(ImpedimentSort::Partner) => KeyRef::Text(&r.partner),
        Some(ImpedimentSort::NtmCode) => KeyRef::Text(&r.ntm_code),
        Some(ImpedimentSort::Status) => KeyRef::Text(r.status.as_str()),
    }
}

/// A cursor's key, borrowed (`None` for a kind no registry sort has).
pub(super) fn value_ref(v: &KeyValue) -> Option<KeyRef<'_>> {
    match v {
        KeyValue::Null => Some(KeyRef::Null),
        KeyValue::Int(n) => Some(KeyRef::Int(*n)),
        KeyValue::Text(s) => Some(KeyRef::Text(s)),
        KeyValue::Time(t) => Some(KeyRef::Time(*t)),
        KeyValue::Date(_) => None,
    }
}

/// A slot's (key, id) under the order `index` (a freed slot sorts first; none is ever in an order).
fn sort_key(records: &[Option<ImpedimentView>], index: usize, slot: Slot) -> (KeyRef<'_>, Uuid) {
    match records.get(slot as usize).and_then(Option::as_ref) {
        Some(r) => (key_ref(field_of(index), r), r.id),
        None => (KeyRef::Null, Uuid::nil()),
    }
}

/// How many orders are kept: one per sort field, then the default.
const SORTS: usize = ImpedimentSort::ALL.len();

pub(super) fn order_index(field: Option<ImpedimentSort>) -> usize {
    field.and_then(|f| ImpedimentSort::ALL.iter().position(|g| *g == f)).unwrap_or(SORTS)
}

fn field_of(index: usize) -> Option<ImpedimentSort> {
    ImpedimentSort::ALL.get(index).copied()
}

/// Who owns a stakeholder: what `policy::can_read_stakeholder` asks.
#[derive(Debug, Clone, Copy)]
pub(super) struct StakeholderOwner {
    pub delegation_id: DelegationId,
    pub user_id: Option<UserId>,
}

/// The set of a text's byte trigrams, hashed into 512 bits. A substring's trigrams are all among its
/// text's, so a text whose signature lacks one of the search's bits cannot contain it: the search then
/// skips it with eight word tests instead of scanning its few hundred bytes. With ~150 distinct
/// trigrams a record, about a quarter of the bits are set, so a word of four trigrams passes a text
/// that does not hold it about once in 250 — and is then checked against the text itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Signature([u64; 8]);

impl Signature {
    pub fn of(text: &[u8]) -> Self {
        let mut bits = [0u64; 8];
        for w in text.windows(3) {
            let &[a, b, c] = w else { continue };
            let (a, b, c) = (u32::from(a), u32::from(b), u32::from(c));
            let h = ((a << 16) | (b << 8) | c).wrapping_mul(0x9E37_79B1) >> 23; // 9 bits
            if let Some(word) = bits.get_mut((h / 64) as usize) {
                *word |= 1 << (h % 64);
            }
        }
        Signature(bits)
    }

    /// Whether every bit of `needle` is set here.
    pub fn covers(&self, needle: &Signature) -> bool {
        self.0.iter().zip(&needle.0).all(|(s, n)| s & n == *n)
    }
}

/// A set of records the filters and the read rule combine: one per value of each filtered field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum BitKey {
    Partner(String),
    Chapter(String),
    Status(&'static str),
    Country(String),
    Delegation(Uuid),
    Topic(Uuid),
    Severity(i16),
    /// The HS code's first two digits (its chapter).
    Hs2(String),
    /// The owning delegation and the visibility: what the read rule asks.
    Owner(Uuid, Visibility),
}

fn keys(r: &ImpedimentView) -> Vec<BitKey> {
    let mut keys = vec![
        BitKey::Partner(r.partner.clone()),
        BitKey::Chapter(r.ntm_chapter.clone()),
        BitKey::Status(r.status.as_str()),
        BitKey::Country(r.reporting_country.clone()),
        BitKey::Delegation(r.delegation_id),
        BitKey::Severity(r.severity),
        BitKey::Owner(r.delegation_id, r.visibility),
    ];
    keys.extend(r.topic_ids.iter().map(|t| BitKey::Topic(*t)));
    if let Some(hs) = &r.hs_code {
        keys.push(BitKey::Hs2(hs.chars().take(2).collect()));
    }
    keys
}

/// The registry as of `generation` (every change numbered up to it is in, perhaps a few after it).
#[derive(Default)]
pub(super) struct State {
    pub generation: i64,
    /// The records; a removed record's slot is `None` until reused.
    pub records: Vec<Option<ImpedimentView>>,
    /// Each record's title and description as the database's own `lower()` returns them, joined by a
    /// line break (a search text never holds one, so no match spans the two): the text search is then
    /// exactly the tables' `lower(col) LIKE '%text%'` on either engine, whatever their case rules.
    pub texts: Vec<Box<str>>,
    /// Each text's trigram signature (`Signature`), so that a search reads only the texts that may hold
    /// its words.
    pub signatures: Vec<Signature>,
    /// Each record's JSON as the wire has it (`serde_json::to_vec` of the view), written once when the
    /// record is put rather than for every page that shows it: serializing was the largest share of a
    /// page's CPU (docs/benchmarks.md, "Sixth look"). Empty only if serializing failed; a page then
    /// serializes the record itself.
    pub json: Vec<Arc<[u8]>>,
    free: Vec<Slot>,
    pub by_id: HashMap<Uuid, Slot>,
    pub orders: Vec<Order>,
    /// Whether `put` keeps the orders sorted (unset during a bulk load).
    sorted: bool,
    /// Every record held.
    pub live: Bits,
    pub bits: HashMap<BitKey, Bits>,
    /// (HS code, slot): a prefix longer than a chapter is a range.
    pub hs: BTreeSet<(String, Slot)>,
    pub stakeholders: HashMap<Uuid, StakeholderOwner>,
    /// Topic ids by code.
    pub topics: TopicCodes,
}

impl State {
    /// An empty registry; `sorted: false` for a bulk load, which calls `sort_orders` when done.
    pub fn new(generation: i64, sorted: bool) -> Self {
        State { generation, orders: vec![Order::new(); SORTS + 1], sorted, ..State::default() }
    }

    pub fn get(&self, slot: Slot) -> Option<&ImpedimentView> {
        self.records.get(slot as usize).and_then(Option::as_ref)
    }

    /// The JSON of the record `id` as stored (`None` when not held or not rendered).
    pub fn json_of(&self, id: Uuid) -> Option<&Arc<[u8]>> {
        let slot = self.by_id.get(&id)?;
        self.json.get(*slot as usize).filter(|j| !j.is_empty())
    }

    pub fn text(&self, slot: Slot) -> &str {
        self.texts.get(slot as usize).map_or("", |t| t)
    }

    /// Whether the text of `slot` may contain a string whose signature is `needle` (never false when it
    /// does).
    pub fn may_contain(&self, slot: Slot, needle: &Signature) -> bool {
        self.signatures.get(slot as usize).is_some_and(|s| s.covers(needle))
    }

    /// Puts `record` in, with its lowered text (replacing the record of the same id, if held).
    pub fn put(&mut self, record: ImpedimentView, text: Box<str>) {
        self.remove(record.id);
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.records.push(None);
                self.texts.push(Box::from(""));
                self.json.push(Arc::from(Vec::new()));
                self.signatures.push(Signature::default());
                Slot::try_from(self.records.len() - 1).unwrap_or(Slot::MAX)
            }
        };
        if let Some(place) = self.signatures.get_mut(slot as usize) {
            *place = Signature::of(text.as_bytes());
        }
        if let Some(place) = self.texts.get_mut(slot as usize) {
            *place = text;
        }
        if let Some(place) = self.json.get_mut(slot as usize) {
            *place = Arc::from(serde_json::to_vec(&record).unwrap_or_default());
        }
        for key in keys(&record) {
            self.bits.entry(key).or_default().set(slot);
        }
        self.live.set(slot);
        if let Some(hs) = &record.hs_code {
            self.hs.insert((hs.clone(), slot));
        }
        self.by_id.insert(record.id, slot);
        if let Some(place) = self.records.get_mut(slot as usize) {
            *place = Some(record);
        }
        if self.sorted {
            let records = &self.records;
            for (index, order) in self.orders.iter_mut().enumerate() {
                let key = sort_key(records, index, slot);
                let at = order.partition_point(|s| sort_key(records, index, *s) < key);
                order.insert(at, slot);
            }
        } else {
            for order in &mut self.orders {
                order.push(slot);
            }
        }
    }

    /// Sorts the orders once after a bulk load (`put` then only appends, as `sorted` is unset).
    pub fn sort_orders(&mut self) {
        let records = &self.records;
        for (index, order) in self.orders.iter_mut().enumerate() {
            order.sort_unstable_by(|a, b| sort_key(records, index, *a).cmp(&sort_key(records, index, *b)));
        }
        self.sorted = true;
    }

    /// Takes the record of `id` out, if held.
    pub fn remove(&mut self, id: Uuid) {
        let Some(slot) = self.by_id.remove(&id) else { return };
        let records = &self.records;
        for (index, order) in self.orders.iter_mut().enumerate() {
            let key = sort_key(records, index, slot);
            let at = order.partition_point(|s| sort_key(records, index, *s) < key);
            if order.get(at) == Some(&slot) {
                order.remove(at);
            } else if let Some(at) = order.iter().position(|s| *s == slot) {
                // Not where its key says (cannot happen while keys are unique): still never leave it.
                order.remove(at);
            }
        }
        let Some(record) = self.records.get_mut(slot as usize).and_then(Option::take) else { return };
        for key in keys(&record) {
            if let Some(bits) = self.bits.get_mut(&key) {
                bits.clear(slot);
                if bits.is_empty() {
                    self.bits.remove(&key);
                }
            }
        }
        self.live.clear(slot);
        if let Some(t) = self.texts.get_mut(slot as usize) {
            *t = Box::from("");
        }
        if let Some(j) = self.json.get_mut(slot as usize) {
            *j = Arc::from(Vec::new());
        }
        if let Some(hs) = record.hs_code {
            self.hs.remove(&(hs, slot));
        }
        self.free.push(slot);
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use gmc_domain::impediment::{Frequency, ImpedimentSource, ImpedimentStatus};

    fn record(partner: &str, topic: Uuid) -> ImpedimentView {
        ImpedimentView {
            id: Uuid::now_v7(),
            delegation_id: Uuid::now_v7(),
            visibility: Visibility::Regional,
            reporting_country: "BGD".into(),
            partner: partner.into(),
            hs_code: Some("0306".into()),
            ntm_code: "A14".into(),
            ntm_chapter: "A".into(),
            title: "t".into(),
            description: "d".into(),
            severity: 3,
            frequency: Frequency::Recurring,
            estimated_cost: None,
            currency: None,
            source: ImpedimentSource::Staff,
            status: ImpedimentStatus::Reported,
            raised_body: None,
            raised_on: None,
            topic_ids: vec![topic],
            sector: None,
            stakeholder_id: None,
            response_id: None,
            version: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    /// Replacing a record leaves no trace of its old values in any order or posting, and a freed
    /// slot is reused.
    #[test]
    fn a_replaced_or_removed_record_leaves_nothing_behind() {
        let topic = Uuid::now_v7();
        let mut s = State::new(0, true);
        let a = record("EU", topic);
        let mut a2 = a.clone();
        a2.partner = "JPN".into();
        a2.topic_ids = vec![];
        a2.hs_code = None;
        s.put(a.clone(), "".into());
        s.put(record("EU", topic), "".into());
        s.put(a2, "".into());
        assert_eq!(s.len(), 2);
        let count = |s: &State, k: BitKey| s.bits.get(&k).map_or(0, |b| b.count_up_to(usize::MAX));
        assert_eq!(count(&s, BitKey::Partner("EU".into())), 1);
        assert_eq!(count(&s, BitKey::Partner("JPN".into())), 1);
        assert_eq!(count(&s, BitKey::Topic(topic)), 1);
        assert_eq!(count(&s, BitKey::Hs2("03".into())), 1);
        assert_eq!(s.hs.len(), 1);
        assert_eq!(s.live.count_up_to(usize::MAX), 2);
        assert!(s.orders.iter().all(|o| o.len() == 2));
        s.remove(a.id);
        assert_eq!(s.len(), 1);
        assert!(!s.bits.contains_key(&BitKey::Partner("JPN".into())));
        assert!(s.orders.iter().all(|o| o.len() == 1));
        s.put(record("SGP", topic), "".into());
        assert_eq!(s.records.len(), 2, "the freed slot is reused");
    }

    /// A signature never rules out a text that holds the search (the search would lose a record).
    #[test]
    fn a_text_signature_covers_every_substring_of_its_text() {
        let text = "ärzte certificate i̇stanbul 50% rule\nlicence for strasse and straße_ways";
        let sig = Signature::of(text.as_bytes());
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let part = bytes.get(start..end).unwrap_or_default();
                assert!(sig.covers(&Signature::of(part)), "{start}..{end}");
            }
        }
        assert!(!sig.covers(&Signature::of(b"no-such-word")), "an absent word is ruled out");
    }
}
