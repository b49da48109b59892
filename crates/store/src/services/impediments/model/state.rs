//! The registry held in memory: every impediment once, found by id, in each sort's order, and through
//! the postings of the filters that select few records (partner, chapter, status, reporting country,
//! owning delegation, topic, HS code). Changed one record at a time as the change log says.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use gmc_domain::ids::{DelegationId, UserId};
use uuid::Uuid;

use super::super::list::{sort_value, ImpedimentSort};
use crate::cursor::{KeyValue, SortField};
use crate::views::ImpedimentView;

/// A record's place in `State::records`; stable while it is held.
pub(super) type Slot = u32;

/// Each sort's order: (key, id) → slot. Index `SORTS` is the default order (by id alone).
pub(super) type Order = BTreeMap<(KeyValue, Uuid), Slot>;

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

#[derive(Default)]
pub(super) struct Postings {
    pub partner: HashMap<String, BTreeSet<Slot>>,
    pub chapter: HashMap<String, BTreeSet<Slot>>,
    pub status: HashMap<&'static str, BTreeSet<Slot>>,
    pub country: HashMap<String, BTreeSet<Slot>>,
    pub delegation: HashMap<Uuid, BTreeSet<Slot>>,
    pub topic: HashMap<Uuid, BTreeSet<Slot>>,
    /// (HS code, slot): a prefix is a range.
    pub hs: BTreeSet<(String, Slot)>,
}

/// The registry as of `generation` (every change numbered up to it is in, perhaps a few after it).
#[derive(Default)]
pub(super) struct State {
    pub generation: i64,
    /// The records; a removed record's slot is `None` until reused.
    pub records: Vec<Option<ImpedimentView>>,
    free: Vec<Slot>,
    pub by_id: HashMap<Uuid, Slot>,
    pub orders: Vec<Order>,
    pub postings: Postings,
    pub stakeholders: HashMap<Uuid, StakeholderOwner>,
    /// Topic ids by code.
    pub topics: HashMap<String, Uuid>,
}

fn add_to<K: std::hash::Hash + Eq>(map: &mut HashMap<K, BTreeSet<Slot>>, key: K, slot: Slot) {
    map.entry(key).or_default().insert(slot);
}

fn remove_from<K: std::hash::Hash + Eq>(map: &mut HashMap<K, BTreeSet<Slot>>, key: &K, slot: Slot) {
    if let Some(set) = map.get_mut(key) {
        set.remove(&slot);
        if set.is_empty() {
            map.remove(key);
        }
    }
}

impl State {
    pub fn new(generation: i64) -> Self {
        State { generation, orders: vec![Order::new(); SORTS + 1], ..State::default() }
    }

    pub fn get(&self, slot: Slot) -> Option<&ImpedimentView> {
        self.records.get(slot as usize).and_then(Option::as_ref)
    }

    /// Puts `record` in (replacing the record of the same id, if held).
    pub fn put(&mut self, record: ImpedimentView) {
        self.remove(record.id);
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.records.push(None);
                Slot::try_from(self.records.len() - 1).unwrap_or(Slot::MAX)
            }
        };
        for (index, order) in self.orders.iter_mut().enumerate() {
            order.insert((sort_value(field_of(index), &record), record.id), slot);
        }
        let p = &mut self.postings;
        add_to(&mut p.partner, record.partner.clone(), slot);
        add_to(&mut p.chapter, record.ntm_chapter.clone(), slot);
        add_to(&mut p.status, record.status.as_str(), slot);
        add_to(&mut p.country, record.reporting_country.clone(), slot);
        add_to(&mut p.delegation, record.delegation_id, slot);
        for topic in &record.topic_ids {
            add_to(&mut p.topic, *topic, slot);
        }
        if let Some(hs) = &record.hs_code {
            p.hs.insert((hs.clone(), slot));
        }
        self.by_id.insert(record.id, slot);
        if let Some(place) = self.records.get_mut(slot as usize) {
            *place = Some(record);
        }
    }

    /// Takes the record of `id` out, if held.
    pub fn remove(&mut self, id: Uuid) {
        let Some(slot) = self.by_id.remove(&id) else { return };
        let Some(record) = self.records.get_mut(slot as usize).and_then(Option::take) else { return };
        for (index, order) in self.orders.iter_mut().enumerate() {
            order.remove(&(sort_value(field_of(index), &record), record.id));
        }
        let p = &mut self.postings;
        remove_from(&mut p.partner, &record.partner, slot);
        remove_from(&mut p.chapter, &record.ntm_chapter, slot);
        remove_from(&mut p.status, &record.status.as_str(), slot);
        remove_from(&mut p.country, &record.reporting_country, slot);
        remove_from(&mut p.delegation, &record.delegation_id, slot);
        for topic in &record.topic_ids {
            remove_from(&mut p.topic, topic, slot);
        }
        if let Some(hs) = record.hs_code {
            p.hs.remove(&(hs, slot));
        }
        self.free.push(slot);
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use gmc_domain::impediment::{Frequency, ImpedimentSource, ImpedimentStatus};
    use gmc_domain::Visibility;

    use super::*;

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
        let mut s = State::new(0);
        let a = record("EU", topic);
        let mut a2 = a.clone();
        a2.partner = "JPN".into();
        a2.topic_ids = vec![];
        a2.hs_code = None;
        s.put(a.clone());
        s.put(record("EU", topic));
        s.put(a2);
        assert_eq!(s.len(), 2);
        assert_eq!(s.postings.partner.get("EU").map(BTreeSet::len), Some(1));
        assert_eq!(s.postings.partner.get("JPN").map(BTreeSet::len), Some(1));
        assert_eq!(s.postings.topic.get(&topic).map(BTreeSet::len), Some(1));
        assert_eq!(s.postings.hs.len(), 1);
        assert!(s.orders.iter().all(|o| o.len() == 2));
        s.remove(a.id);
        assert_eq!(s.len(), 1);
        assert!(!s.postings.partner.contains_key("JPN"));
        assert!(s.orders.iter().all(|o| o.len() == 1));
        s.put(record("SGP", topic));
        assert_eq!(s.records.len(), 2, "the freed slot is reused");
    }
}
