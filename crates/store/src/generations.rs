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
//!
//! Under load the count is read once for many requests ([`GenerationReads`]): a request may use a
//! read that had not yet been sent when it arrived, never one already on its way — so every count a
//! request uses was still read after the request began, and the argument above holds unchanged.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use futures_util::future::{BoxFuture, FutureExt, Shared};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, QuerySelect};

use crate::entities::read_model_generations;
use crate::{AppError, AppResult};

/// The read models whose tables the database counts changes of (each a row of the table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadModel {
    /// Prep items, their topics, coalition memberships and the names a board card shows.
    PrepBoard,
    /// Impediments, their topic links, the owners of linked stakeholders and the topics' codes; the
    /// database also logs which record each change touched (migration 000031).
    Registry,
}

impl ReadModel {
    fn row(self) -> &'static str {
        match self {
            ReadModel::PrepBoard => "prep_board",
            ReadModel::Registry => "registry",
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

type SharedRead = Shared<BoxFuture<'static, Result<i64, Arc<AppError>>>>;

/// The generation reads of one read model on one node, shared by the requests that arrive while a
/// read waits for its turn.
///
/// Why: on PostgreSQL the count is a round trip and a backend's work for every board — at thousands of
/// boards a second on two cores, a third of the CPU a board costs. Why it stays exact: a request
/// joins only a read that has not been sent yet (its `sent` flag is set just before the statement
/// goes out; a request that saw it unset under the lock arrived before that), so the count it gets was read after it arrived, as if it had read it
/// itself. At most one read per model is on its way at a time; the requests that arrive meanwhile
/// share the next one, which is sent as soon as it finishes.
pub struct GenerationReads {
    model: ReadModel,
    /// The latest read and whether it has been sent: a request arriving now may join it only if not.
    latest: Mutex<Option<(SharedRead, Arc<AtomicBool>)>>,
}

impl GenerationReads {
    pub fn new(model: ReadModel) -> Self {
        Self { model, latest: Mutex::new(None) }
    }

    /// The generation of the model as read after this call began, from `db`.
    pub async fn read(&self, db: &DatabaseConnection) -> AppResult<i64> {
        let db = db.clone();
        let model = self.model;
        self.read_with(move || async move { generation(&db, model).await }.boxed()).await
    }

    /// As `read`, with the statement given (so that its tests can hold a read on its way).
    pub(crate) async fn read_with<F>(&self, statement: F) -> AppResult<i64>
    where
        F: FnOnce() -> BoxFuture<'static, AppResult<i64>> + Send + 'static,
    {
        let read = self.join_or_queue(statement);
        read.await.map_err(|e| shared_error(&e))
    }

    fn join_or_queue<F>(&self, statement: F) -> SharedRead
    where
        F: FnOnce() -> BoxFuture<'static, AppResult<i64>> + Send + 'static,
    {
        let Ok(mut latest) = self.latest.lock() else {
            // A panic elsewhere poisoned the lock: read alone rather than trust its state.
            return async move { statement().await.map_err(Arc::new) }.boxed().shared();
        };
        if let Some((read, sent)) = latest.as_ref() {
            if !sent.load(Ordering::SeqCst) {
                return read.clone();
            }
        }
        let before = latest.as_ref().map(|(read, _)| read.clone());
        let sent = Arc::new(AtomicBool::new(false));
        let mark = sent.clone();
        let read = async move {
            // One read on its way at a time: the requests arriving meanwhile join this one.
            if let Some(before) = before {
                let _ = before.await;
            }
            mark.store(true, Ordering::SeqCst);
            statement().await.map_err(Arc::new)
        }
        .boxed()
        .shared();
        *latest = Some((read.clone(), sent));
        read
    }
}

/// A shared read's error, for each request that waited on it.
fn shared_error(e: &AppError) -> AppError {
    match e {
        AppError::Busy => AppError::Busy,
        e => AppError::Internal(anyhow::anyhow!("reading a read model's generation: {e}")),
    }
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

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicI64;
    use std::time::Duration;

    use tokio::sync::oneshot;

    use super::*;

    /// A statement that reads `table` when it is sent, tells `sent`, and answers when `go` fires.
    fn held(
        table: &Arc<AtomicI64>,
        runs: &Arc<AtomicI64>,
        sent: oneshot::Sender<()>,
        go: oneshot::Receiver<()>,
    ) -> impl FnOnce() -> BoxFuture<'static, AppResult<i64>> + Send + 'static {
        let (table, runs) = (table.clone(), runs.clone());
        move || {
            async move {
                runs.fetch_add(1, Ordering::SeqCst);
                let value = table.load(Ordering::SeqCst);
                let _ = sent.send(());
                let _ = go.await;
                Ok(value)
            }
            .boxed()
        }
    }

    /// A request reading the count through `reads` with `statement`, on a task of its own.
    fn request(
        reads: &Arc<GenerationReads>,
        statement: impl FnOnce() -> BoxFuture<'static, AppResult<i64>> + Send + 'static,
    ) -> tokio::task::JoinHandle<AppResult<i64>> {
        let reads = reads.clone();
        tokio::spawn(async move { reads.read_with(statement).await })
    }

    /// The attack: a write commits while a read is on its way, then a request arrives. Sharing that
    /// read would serve it a count from before the write (and so a snapshot without it).
    #[tokio::test]
    async fn a_request_never_shares_a_read_sent_before_it_arrived() {
        let reads = Arc::new(GenerationReads::new(ReadModel::PrepBoard));
        let (table, runs) = (Arc::new(AtomicI64::new(0)), Arc::new(AtomicI64::new(0)));
        let (sent_a, a_sent) = oneshot::channel();
        let (go_a, a_go) = oneshot::channel();
        let first = request(&reads, held(&table, &runs, sent_a, a_go));
        a_sent.await.unwrap();
        table.store(1, Ordering::SeqCst); // the write commits
        let (sent_b, _b_sent) = oneshot::channel();
        let (go_b, b_go) = oneshot::channel();
        let second = request(&reads, held(&table, &runs, sent_b, b_go));
        tokio::time::sleep(Duration::from_millis(20)).await;
        go_a.send(()).unwrap();
        go_b.send(()).unwrap();
        assert_eq!(first.await.unwrap().unwrap(), 0);
        assert_eq!(second.await.unwrap().unwrap(), 1, "the later request must see the write");
        assert_eq!(runs.load(Ordering::SeqCst), 2);
    }

    /// The saving: requests arriving while a read is on its way share the next one.
    #[tokio::test]
    async fn requests_waiting_for_their_turn_share_one_read() {
        let reads = Arc::new(GenerationReads::new(ReadModel::PrepBoard));
        let (table, runs) = (Arc::new(AtomicI64::new(0)), Arc::new(AtomicI64::new(0)));
        let (sent_a, a_sent) = oneshot::channel();
        let (go_a, a_go) = oneshot::channel();
        let first = request(&reads, held(&table, &runs, sent_a, a_go));
        a_sent.await.unwrap();
        table.store(7, Ordering::SeqCst);
        let (go_b, b_go) = oneshot::channel();
        let (sent_b, _b_sent) = oneshot::channel();
        let mut handles = vec![request(&reads, held(&table, &runs, sent_b, b_go))];
        // The other waiters' statements are never sent: they join the first waiter's read. (Were one
        // sent, its answer, the count times 1000, would show.)
        for _ in 0..4 {
            tokio::time::sleep(Duration::from_millis(5)).await;
            let table = table.clone();
            handles.push(request(&reads, move || async move { Ok(table.load(Ordering::SeqCst) * 1000) }.boxed()));
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
        go_a.send(()).unwrap();
        go_b.send(()).unwrap();
        assert_eq!(first.await.unwrap().unwrap(), 0);
        for h in handles {
            assert_eq!(h.await.unwrap().unwrap(), 7, "every waiter gets the one read sent after they arrived");
        }
        assert_eq!(runs.load(Ordering::SeqCst), 2);
    }
}
