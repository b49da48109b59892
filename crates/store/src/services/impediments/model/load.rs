//! Reading the registry into the model: everything at once, or the records the change log names since
//! a generation. Each runs in one read-only transaction, so what it reads is one snapshot, labelled
//! with the generation that snapshot holds.

use std::collections::{HashMap, HashSet};

use gmc_domain::ids::{DelegationId, UserId};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    AccessMode, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, EntityTrait,
    FromQueryResult, IsolationLevel, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use uuid::Uuid;

use super::super::to_view;
use super::state::{StakeholderOwner, State};
use crate::entities::{impediment_topics, impediments, read_model_changes, stakeholders};
use crate::generations::{generation, ReadModel};
use crate::services::topics::TopicCodes;
use crate::views::ImpedimentView;
use crate::AppResult;

/// Past this many changes, reloading everything is as cheap as reloading each.
const MOST_CHANGES: u64 = 20_000;

/// Ids per `IN (…)` (SQLite allows 32,766 parameters a statement).
const CHUNK: usize = 500;

async fn snapshot(db: &DatabaseConnection) -> AppResult<DatabaseTransaction> {
    Ok(match db.get_database_backend() {
        // A SQLite read transaction sees one snapshot from its first read (WAL).
        DbBackend::Sqlite => db.begin().await?,
        _ => db.begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly)).await?,
    })
}

/// The whole registry, with the generation it is as of.
pub(super) async fn everything(db: &DatabaseConnection) -> AppResult<State> {
    let txn = snapshot(db).await?;
    let mut state = State::new(generation(&txn, ReadModel::Registry).await?, false);
    let mut topic_ids: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for link in impediment_topics::Entity::find().all(&txn).await? {
        topic_ids.entry(link.impediment_id).or_default().push(link.topic_id);
    }
    let mut texts = lowered(&txn, None).await?;
    for row in impediments::Entity::find().all(&txn).await? {
        let topics = topic_ids.remove(&row.id).unwrap_or_default();
        let text = texts.remove(&row.id).unwrap_or_default();
        state.put(to_view(row, topics), text);
    }
    state.sort_orders();
    state.stakeholders = stakeholder_owners(&txn, None).await?;
    state.topics = TopicCodes::load(&txn).await?;
    txn.commit().await?;
    Ok(state)
}

/// What changed since a generation, read in one snapshot.
pub(super) enum Changes {
    /// The log holds every change since (none missing): the records to put or remove.
    Records(Batch),
    /// It does not (pruned, truncated) or there are too many: reload everything.
    Gap,
}

pub(super) struct Batch {
    generation: i64,
    /// The current version of each changed impediment still there, with its lowered text.
    put: Vec<(ImpedimentView, Box<str>)>,
    /// Changed impediments no longer there.
    gone: Vec<Uuid>,
    /// Changed stakeholders: their owners now (`None`: deleted).
    stakeholders: Vec<(Uuid, Option<StakeholderOwner>)>,
    /// Set when a topic changed: all topic codes now.
    topics: Option<TopicCodes>,
}

impl Batch {
    pub(super) fn apply(self, state: &mut State) {
        // A batch read before another already applied is older: never go back.
        if self.generation <= state.generation {
            return;
        }
        for id in self.gone {
            state.remove(id);
        }
        for (record, text) in self.put {
            state.put(record, text);
        }
        for (id, owner) in self.stakeholders {
            match owner {
                Some(owner) => state.stakeholders.insert(id, owner),
                None => state.stakeholders.remove(&id),
            };
        }
        if let Some(topics) = self.topics {
            state.topics = topics;
        }
        state.generation = self.generation;
    }
}

#[derive(FromQueryResult)]
struct Change {
    generation: i64,
    kind: String,
    record_id: Option<Uuid>,
}

/// The changes after generation `have`.
pub(super) async fn changes(db: &DatabaseConnection, have: i64) -> AppResult<Changes> {
    let txn = snapshot(db).await?;
    let now = generation(&txn, ReadModel::Registry).await?;
    if u64::try_from(now - have).unwrap_or(u64::MAX) > MOST_CHANGES {
        return Ok(Changes::Gap);
    }
    let log = read_model_changes::Entity::find()
        .filter(read_model_changes::Column::Generation.gt(have))
        .filter(read_model_changes::Column::Generation.lte(now))
        .order_by_asc(read_model_changes::Column::Generation)
        // A PostgreSQL transaction's rows share one number: an import of a million rows is one
        // generation with a million entries, which a full reload reads faster than entry by entry.
        .limit(MOST_CHANGES + 1)
        .into_model::<Change>()
        .all(&txn)
        .await?;
    if log.len() as u64 > MOST_CHANGES {
        return Ok(Changes::Gap);
    }
    // Every number in between, none missing: the numbers are gapless unless pruned. (A number may
    // have several entries: a PostgreSQL transaction's rows share one.)
    let mut numbers: Vec<i64> = log.iter().map(|c| c.generation).collect();
    numbers.dedup();
    let complete = numbers.len() as i64 == now - have
        && numbers.iter().zip(have + 1..).all(|(n, g)| *n == g)
        && log.iter().all(|c| c.kind != "all");
    if !complete {
        return Ok(Changes::Gap);
    }
    let mut impediment_ids: HashSet<Uuid> = HashSet::new();
    let mut stakeholder_ids: HashSet<Uuid> = HashSet::new();
    let mut topic_changed = false;
    for c in log {
        match (c.kind.as_str(), c.record_id) {
            ("impediment", Some(id)) => {
                impediment_ids.insert(id);
            }
            ("stakeholder", Some(id)) => {
                stakeholder_ids.insert(id);
            }
            ("topic", _) => topic_changed = true,
            _ => return Ok(Changes::Gap),
        }
    }
    let ids: Vec<Uuid> = impediment_ids.into_iter().collect();
    let mut put = Vec::new();
    let mut found: HashSet<Uuid> = HashSet::new();
    for chunk in ids.chunks(CHUNK) {
        let rows = impediments::Entity::find().filter(impediments::Column::Id.is_in(chunk.to_vec())).all(&txn).await?;
        let mut topic_ids: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for link in impediment_topics::Entity::find()
            .filter(impediment_topics::Column::ImpedimentId.is_in(chunk.to_vec()))
            .all(&txn)
            .await?
        {
            topic_ids.entry(link.impediment_id).or_default().push(link.topic_id);
        }
        let mut texts = lowered(&txn, Some(chunk)).await?;
        for row in rows {
            found.insert(row.id);
            let topics = topic_ids.remove(&row.id).unwrap_or_default();
            let text = texts.remove(&row.id).unwrap_or_default();
            put.push((to_view(row, topics), text));
        }
    }
    let gone = ids.into_iter().filter(|id| !found.contains(id)).collect();
    // The owners of the firms the changed records link, read in the same snapshot: a firm's insert is
    // not logged (migration 000031), so a newly linked one is learnt here.
    stakeholder_ids.extend(put.iter().filter_map(|(r, _)| r.stakeholder_id));
    let mut owners = Vec::new();
    if !stakeholder_ids.is_empty() {
        let ids: Vec<Uuid> = stakeholder_ids.into_iter().collect();
        let mut now_owned = stakeholder_owners(&txn, Some(&ids)).await?;
        owners = ids.into_iter().map(|id| (id, now_owned.remove(&id))).collect();
    }
    let topics = if topic_changed { Some(TopicCodes::load(&txn).await?) } else { None };
    txn.commit().await?;
    Ok(Changes::Records(Batch { generation: now, put, gone, stakeholders: owners, topics }))
}

/// Each impediment's (all, or those of `ids`) title and description lowered by the database itself —
/// what the tables' text search compares (`services::contains_ci`) — joined by a line break.
async fn lowered<C: ConnectionTrait>(db: &C, ids: Option<&[Uuid]>) -> AppResult<HashMap<Uuid, Box<str>>> {
    use impediments::Column as C;
    let mut query = impediments::Entity::find()
        .select_only()
        .column(C::Id)
        .expr(Func::lower(Expr::col((impediments::Entity, C::Title))))
        .expr(Func::lower(Expr::col((impediments::Entity, C::Description))));
    if let Some(ids) = ids {
        query = query.filter(C::Id.is_in(ids.to_vec()));
    }
    let rows: Vec<(Uuid, String, String)> = query.into_tuple().all(db).await?;
    Ok(rows.into_iter().map(|(id, title, description)| (id, format!("{title}\n{description}").into())).collect())
}

/// Who owns each stakeholder (all, or those of `ids`).
async fn stakeholder_owners<C: ConnectionTrait>(
    db: &C,
    ids: Option<&[Uuid]>,
) -> AppResult<HashMap<Uuid, StakeholderOwner>> {
    let mut out = HashMap::new();
    let chunks: Vec<Option<&[Uuid]>> = match ids {
        None => vec![None],
        Some(ids) => ids.chunks(CHUNK).map(Some).collect(),
    };
    for chunk in chunks {
        let mut query = stakeholders::Entity::find()
            .select_only()
            .column(stakeholders::Column::Id)
            .column(stakeholders::Column::DelegationId)
            .column(stakeholders::Column::UserId);
        if let Some(chunk) = chunk {
            query = query.filter(stakeholders::Column::Id.is_in(chunk.to_vec()));
        }
        let rows: Vec<(Uuid, Uuid, Option<Uuid>)> = query.into_tuple().all(db).await?;
        for (id, delegation, user) in rows {
            let owner = StakeholderOwner {
                delegation_id: DelegationId::from_uuid(delegation),
                user_id: user.map(UserId::from_uuid),
            };
            out.insert(id, owner);
        }
    }
    Ok(out)
}
