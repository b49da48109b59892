//! In-process read models, kept honest by the database (migration 000030).
//!
//! A read model is a snapshot of some tables held in a node's memory, so that a hot read (the
//! ministerial board) is computed without querying them. Issue 8's rule for any cache: it must be
//! correct across nodes and never serve a record after its visibility narrowed. So the database
//! counts the changes to the tables a model reads (triggers add one to the model's row of
//! `read_model_generations` in the writing transaction), and [`Snapshots::get`] reads that count
//! before every use: a snapshot is served only if it was loaded at or after the count it carries.
//! That costs one primary-key read a request, and sees a write from any node or tool (`gmc import`,
//! `psql`) at once, not after a time-to-live.
//!
//! Why reading the count first is enough: a snapshot is loaded *after* the count it is labelled with
//! was read, so it holds every change committed before that count (and perhaps more, which only causes
//! one reload too many). A later request that reads the same count knows that nothing has committed
//! since, so the snapshot holds everything it could have read from the tables themselves.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, RwLock};

use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};

use crate::entities::read_model_generations;
use crate::{AppError, AppResult};

/// The read models whose tables the database counts changes of (each a row of the table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadModel {
    /// Prep items, their topics, coalition memberships and the names a board card shows.
    PrepBoard,
}

impl ReadModel {
    fn row(self) -> &'static str {
        match self {
            ReadModel::PrepBoard => "prep_board",
        }
    }
}

/// How many times the tables behind `model` have changed, as of now.
pub async fn generation<C: ConnectionTrait>(db: &C, model: ReadModel) -> AppResult<i64> {
    read_model_generations::Entity::find_by_id(model.row())
        .select_only()
        .column(read_model_generations::Column::Generation)
        .into_tuple::<i64>()
        .one(db)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no generation row for read model {}", model.row())))
}

/// One loaded snapshot and the generation it was loaded at (or after).
pub struct Snapshot<T> {
    pub generation: i64,
    pub data: T,
}

/// The snapshots of one read model, one per key (a ministerial, say). Each app has its own, so each
/// test does too.
pub struct Snapshots<K, T> {
    model: ReadModel,
    slots: RwLock<HashMap<K, Arc<Snapshot<T>>>>,
    /// Held while loading, so that when a snapshot goes stale under load one request reloads it and
    /// the others wait for its result instead of all querying the database at once.
    loading: tokio::sync::Mutex<()>,
}

impl<K: Eq + Hash + Clone, T> Snapshots<K, T> {
    pub fn new(model: ReadModel) -> Self {
        Self { model, slots: RwLock::new(HashMap::new()), loading: tokio::sync::Mutex::new(()) }
    }

    /// The snapshot for `key`, current as of this call: reused when no watched table changed since
    /// it was loaded, else loaded again with `load`.
    pub async fn get<C, F, Fut>(&self, db: &C, key: &K, load: F) -> AppResult<Arc<Snapshot<T>>>
    where
        C: ConnectionTrait,
        F: FnOnce() -> Fut,
        Fut: Future<Output = AppResult<T>>,
    {
        let now = generation(db, self.model).await?;
        self.at(now, key, load).await
    }

    /// As `get`, for a caller that has just read the generation `now` itself (with [`generation`],
    /// before anything it reads from the tables) and uses several snapshots of the same model.
    pub async fn at<F, Fut>(&self, now: i64, key: &K, load: F) -> AppResult<Arc<Snapshot<T>>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = AppResult<T>>,
    {
        if let Some(s) = self.at_least(key, now) {
            return Ok(s);
        }
        let _loading = self.loading.lock().await;
        // Another request may have loaded it while this one waited: any snapshot loaded at `now` or
        // later holds every change committed before `now` was read.
        if let Some(s) = self.at_least(key, now) {
            return Ok(s);
        }
        let snapshot = Arc::new(Snapshot { generation: now, data: load().await? });
        if let Ok(mut slots) = self.slots.write() {
            slots.insert(key.clone(), snapshot.clone());
        }
        Ok(snapshot)
    }

    fn at_least(&self, key: &K, generation: i64) -> Option<Arc<Snapshot<T>>> {
        let slots = self.slots.read().ok()?;
        slots.get(key).filter(|s| s.generation >= generation).cloned()
    }
}
