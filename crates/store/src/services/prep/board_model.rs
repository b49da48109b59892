//! The board from a read model: each ministerial's items held in memory as cards, in card order, and
//! the board computed from them. A request makes at most one statement, the generation read that
//! proves the snapshots current (`crate::generations`; shared by boards that arrive together); the ministerial and topic codes it names are resolved
//! from a snapshot too.
//!
//! Why: the board is read all day by every delegate, and two statements over 2,000 items cost ~1.7 ms
//! of CPU a board (server, database and client together; docs/benchmarks.md), which on two cores
//! caps it near 1,100 boards a second — short of issue 9's p99 ≤ 25 ms at 32 connections. Computed
//! from memory the same board is a walk over 2,000 small structs.
//!
//! The rules stay where they are: which items a caller reads is asked of `policy::can_read_shared`
//! (once per distinct owner and visibility in the ministerial, not per item), the filters mean what
//! the list's mean, and `tests/api/prep_board.rs` holds every column to the list's answer with the
//! model on and off. It is not a page cache: nothing per caller or per filter is kept, and a write on
//! any node is seen by the next board (the database counts it, migration 000030).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::Utc;
use gmc_domain::error::parse_enum;
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{authorize, can_read_shared, Operation};
use gmc_domain::prep::Interest;
use gmc_domain::{Actor, ValidationErrors, Visibility};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::board::{self, BoardFilter, CardRow, PrepBoardView, PrepCardView, COLUMN_ITEMS};
use super::view::{owner_from, MinisterialRef};
use crate::entities::{coalition_members, ministerials, prep_item_topics, prep_items};
use crate::generations::{GenerationReads, ReadModel, Snapshots};
use crate::services::topics::TopicCodes;
use crate::AppResult;

/// The board's read model of one app: on (the default; setting `prep_board_read_model`) or off, when
/// every board is read from the tables.
#[derive(Clone)]
pub struct BoardModel {
    inner: Option<Arc<Inner>>,
}

struct Inner {
    /// The generation reads, shared by the boards that arrive while one waits its turn.
    reads: GenerationReads,
    /// The ministerials and the topics' codes, which the board's parameters name.
    names: Snapshots<(), Names>,
    /// Each ministerial's items, loaded when its board is first read.
    items: Snapshots<Uuid, Ministerial>,
}

impl BoardModel {
    pub fn new(on: bool) -> Self {
        let inner = Inner {
            reads: GenerationReads::new(ReadModel::PrepBoard),
            names: Snapshots::new(ReadModel::PrepBoard),
            items: Snapshots::new(ReadModel::PrepBoard),
        };
        Self { inner: on.then(|| Arc::new(inner)) }
    }
}

/// What resolves a board's parameters: the ministerials (latest first) and topic ids by code.
struct Names {
    ministerials: Vec<ministerials::Model>,
    topics: TopicCodes,
}

impl Names {
    /// As `board::ministerial_of`: by code, else the latest by start date.
    fn ministerial(&self, code: Option<&str>) -> AppResult<&ministerials::Model> {
        let found = match code {
            Some(code) => {
                let code = code.trim().to_ascii_uppercase();
                self.ministerials.iter().find(|m| m.code == code)
            }
            None => self.ministerials.first(),
        };
        found
            .ok_or_else(|| ValidationErrors::single("ministerial", "unknown", "names no ministerial conference").into())
    }

    /// As `list::topic_id`: an id as given, a code looked up; an unknown code the nil id (matches nothing).
    fn topic(&self, topic: &str) -> Uuid {
        self.topics.resolve(topic)
    }
}

/// One ministerial's items, as the board needs them.
pub struct Ministerial {
    /// Every item, in card order: by deadline, none last, then oldest entered.
    cards: Vec<Card>,
    /// The distinct (owner, visibility) pairs among the items; each card points at one, so a request
    /// asks the policy once per pair.
    owners: Vec<OwnerKey>,
    /// Each coalition's member delegations (who owns a coalition's items).
    members: HashMap<Uuid, Vec<DelegationId>>,
}

struct Card {
    view: PrepCardView,
    /// Index into `Ministerial::owners`.
    owner: usize,
    delegation_id: Option<Uuid>,
    coalition_id: Option<Uuid>,
    topics: Vec<Uuid>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct OwnerKey {
    delegation_id: Option<Uuid>,
    coalition_id: Option<Uuid>,
    visibility: Visibility,
}

/// The board of a ministerial: from the read model when it is on, else from the tables.
pub async fn board(
    db: &DatabaseConnection,
    model: &BoardModel,
    actor: &Actor,
    f: BoardFilter,
) -> AppResult<PrepBoardView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let Some(inner) = &model.inner else {
        return board::from_tables(db, actor, f).await;
    };
    let mut e = ValidationErrors::new();
    let interest = f.interest.as_deref().and_then(|s| e.check("interest", parse_enum::<Interest>(s)));
    // The one statement of a board: read first, so that everything loaded after it is at least as new.
    let now = inner.reads.read(db).await?;
    let names = inner.names.at(now, &(), || load_names(db)).await?;
    let ministerial = names.data.ministerial(f.ministerial.as_deref())?;
    e.finish()?;
    let topic = f.topic.as_deref().map(|t| names.data.topic(t));
    let items = inner.items.at(now, &ministerial.id, || load(db, ministerial.id)).await?;
    let filter = Filter { topic, delegation_id: f.delegation_id, coalition_id: f.coalition_id, interest };
    let columns = columns(&items.data, actor, &filter);
    let ministerial = MinisterialRef { code: ministerial.code.clone(), name: ministerial.name.clone() };
    Ok(PrepBoardView { ministerial, columns })
}

async fn load_names<C: ConnectionTrait>(db: &C) -> AppResult<Names> {
    let ministerials = ministerials::Entity::find().order_by_desc(ministerials::Column::StartsOn).all(db).await?;
    Ok(Names { ministerials, topics: TopicCodes::load(db).await? })
}

struct Filter {
    topic: Option<Uuid>,
    delegation_id: Option<Uuid>,
    coalition_id: Option<Uuid>,
    interest: Option<Interest>,
}

impl Filter {
    fn admits(&self, card: &Card) -> bool {
        self.topic.is_none_or(|t| card.topics.contains(&t))
            && self.delegation_id.is_none_or(|d| card.delegation_id == Some(d))
            && self.coalition_id.is_none_or(|c| card.coalition_id == Some(c))
            && self.interest.is_none_or(|i| card.view.interest == i)
    }
}

/// Each status's readable, filtered items counted, and its first `COLUMN_ITEMS` by card order.
fn columns(m: &Ministerial, actor: &Actor, filter: &Filter) -> Vec<board::BoardColumn> {
    let readable: Vec<bool> = m
        .owners
        .iter()
        .map(|k| can_read_shared(actor, owner_from(k.delegation_id, k.coalition_id, &m.members), k.visibility))
        .collect();
    let today = Utc::now().date_naive();
    let mut columns = board::empty_columns();
    for card in &m.cards {
        if !readable.get(card.owner).copied().unwrap_or(false) || !filter.admits(card) {
            continue;
        }
        let Some(column) = columns.iter_mut().find(|c| c.status == card.view.status) else {
            continue;
        };
        column.total += 1;
        if column.items.len() < COLUMN_ITEMS as usize {
            let mut view = card.view.clone();
            view.overdue = board::overdue(view.deadline, view.status, today);
            column.items.push(view);
        }
    }
    columns
}

#[derive(FromQueryResult)]
struct TopicLink {
    prep_item_id: Uuid,
    topic_id: Uuid,
}

/// Every item of the ministerial as a card, with its topics and the coalitions' members.
async fn load<C: ConnectionTrait>(db: &C, ministerial: Uuid) -> AppResult<Ministerial> {
    let backend = db.get_database_backend();
    let of_ministerial = Query::select()
        .column((prep_items::Entity, prep_items::Column::Id))
        .from(prep_items::Entity)
        .and_where(Expr::col((prep_items::Entity, prep_items::Column::MinisterialId)).eq(ministerial))
        .to_owned();
    let rows =
        CardRow::find_by_statement(backend.build(&board::with_card_columns(of_ministerial.clone()))).all(db).await?;
    let links = prep_item_topics::Entity::find()
        .filter(prep_item_topics::Column::PrepItemId.in_subquery(of_ministerial))
        .into_model::<TopicLink>()
        .all(db)
        .await?;
    let mut topics: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for link in links {
        topics.entry(link.prep_item_id).or_default().push(link.topic_id);
    }
    let mut members: HashMap<Uuid, Vec<DelegationId>> = HashMap::new();
    for m in coalition_members::Entity::find().all(db).await? {
        members.entry(m.coalition_id).or_default().push(DelegationId::from_uuid(m.delegation_id));
    }
    // `overdue` depends on the day a board is read, so it is set then; the date here does not matter.
    let today = Utc::now().date_naive();
    let mut owners: Vec<OwnerKey> = Vec::new();
    let mut owner_index: HashMap<OwnerKey, usize> = HashMap::new();
    let mut cards = Vec::with_capacity(rows.len());
    for row in rows {
        let (id, delegation_id, coalition_id) = (row.id, row.delegation_id, row.coalition_id);
        let view = board::card(row, today)?;
        let key = OwnerKey { delegation_id, coalition_id, visibility: view.visibility };
        let owner = *owner_index.entry(key).or_insert_with(|| {
            owners.push(key);
            owners.len() - 1
        });
        cards.push(Card { view, owner, delegation_id, coalition_id, topics: topics.remove(&id).unwrap_or_default() });
    }
    cards.sort_by_key(|c| (c.view.deadline.is_none(), c.view.deadline, c.view.id));
    Ok(Ministerial { cards, owners, members })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_admits_only_cards_matching_every_part() {
        let topic = Uuid::new_v4();
        let delegation = Uuid::new_v4();
        let card = Card {
            view: PrepCardView {
                id: Uuid::new_v4(),
                title: "t".into(),
                owner: super::super::view::OwnerView {
                    kind: super::super::view::OwnerKind::Delegation,
                    id: delegation,
                    name: "Bangladesh".into(),
                    code: "BGD".into(),
                },
                visibility: Visibility::Delegation,
                kind: gmc_domain::prep::PrepKind::Position,
                interest: Interest::Offensive,
                priority: gmc_domain::watch::Priority::High,
                status: gmc_domain::prep::PrepStatus::Identified,
                deadline: None,
                overdue: false,
                responsible_name: None,
            },
            owner: 0,
            delegation_id: Some(delegation),
            coalition_id: None,
            topics: vec![topic],
        };
        let none = Filter { topic: None, delegation_id: None, coalition_id: None, interest: None };
        assert!(none.admits(&card));
        assert!(Filter { topic: Some(topic), ..none }.admits(&card));
        assert!(!Filter { topic: Some(Uuid::nil()), ..none }.admits(&card));
        assert!(Filter { delegation_id: Some(delegation), interest: Some(Interest::Offensive), ..none }.admits(&card));
        assert!(!Filter { interest: Some(Interest::Defensive), ..none }.admits(&card));
        assert!(!Filter { coalition_id: Some(Uuid::new_v4()), ..none }.admits(&card));
    }
}
