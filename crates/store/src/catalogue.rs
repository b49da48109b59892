//! An in-memory snapshot of the topic catalogue. Topics are read on nearly every page and written
//! rarely (admins only), and there are tens to hundreds of them, so listing, filtering and paging run
//! on the snapshot instead of the database: this is what lets `GET /topics` serve ~10× more requests.
//! A write through this node invalidates the snapshot at once; writes through other nodes (several API
//! nodes on one PostgreSQL) are seen within `ttl`.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

use crate::entities::{delegations, topics};
use crate::views::{DelegationView, TopicView};
use crate::AppResult;

/// One cached table: a snapshot and when it was taken.
struct Cached<T> {
    slot: RwLock<Option<(Instant, Arc<Vec<T>>)>>,
    /// Held while reloading, so when a snapshot expires under load one request reloads it and the
    /// others wait for that result instead of all querying the database at once.
    loading: tokio::sync::Mutex<()>,
}

impl<T> Cached<T> {
    fn new() -> Self {
        Self { slot: RwLock::new(None), loading: tokio::sync::Mutex::new(()) }
    }

    fn fresh(&self, ttl: Duration) -> Option<Arc<Vec<T>>> {
        let guard = self.slot.read().ok()?;
        let (at, snapshot) = guard.as_ref()?;
        (at.elapsed() < ttl).then(|| snapshot.clone())
    }

    fn store(&self, rows: Vec<T>) -> Arc<Vec<T>> {
        let snapshot = Arc::new(rows);
        if let Ok(mut guard) = self.slot.write() {
            *guard = Some((Instant::now(), snapshot.clone()));
        }
        snapshot
    }

    fn clear(&self) {
        if let Ok(mut guard) = self.slot.write() {
            *guard = None;
        }
    }
}

/// The cached reference tables of one app (each app, and so each test, has its own).
#[derive(Clone)]
pub struct Catalogue {
    topics: Arc<Cached<TopicView>>,
    delegations: Arc<Cached<DelegationView>>,
    ttl: Duration,
}

impl Catalogue {
    pub fn new(ttl: Duration) -> Self {
        Self { topics: Arc::new(Cached::new()), delegations: Arc::new(Cached::new()), ttl }
    }

    /// Every topic, ordered by code.
    pub async fn topics(&self, db: &DatabaseConnection) -> AppResult<Arc<Vec<TopicView>>> {
        if let Some(snapshot) = self.topics.fresh(self.ttl) {
            return Ok(snapshot);
        }
        let _loading = self.topics.loading.lock().await;
        if let Some(snapshot) = self.topics.fresh(self.ttl) {
            return Ok(snapshot);
        }
        let rows = topics::Entity::find().order_by_asc(topics::Column::Code).all(db).await?;
        let views = rows.into_iter().map(topic_view).collect::<AppResult<Vec<_>>>()?;
        Ok(self.topics.store(views))
    }

    /// Every delegation, ordered by country code (they change only by migration).
    pub async fn delegations(&self, db: &DatabaseConnection) -> AppResult<Arc<Vec<DelegationView>>> {
        if let Some(snapshot) = self.delegations.fresh(self.ttl) {
            return Ok(snapshot);
        }
        let _loading = self.delegations.loading.lock().await;
        if let Some(snapshot) = self.delegations.fresh(self.ttl) {
            return Ok(snapshot);
        }
        let rows = delegations::Entity::find().order_by_asc(delegations::Column::CountryCode).all(db).await?;
        let views =
            rows.into_iter().map(|d| DelegationView { id: d.id, country_code: d.country_code, name: d.name }).collect();
        Ok(self.delegations.store(views))
    }

    pub async fn delegation(&self, db: &DatabaseConnection, id: uuid::Uuid) -> AppResult<Option<DelegationView>> {
        Ok(self.delegations(db).await?.iter().find(|d| d.id == id).cloned())
    }

    /// Drops the topic snapshot; the next read loads the catalogue again.
    pub fn invalidate(&self) {
        self.topics.clear();
    }

    pub fn invalidate_delegations(&self) {
        self.delegations.clear();
    }
}

impl Default for Catalogue {
    fn default() -> Self {
        Self::new(Duration::from_secs(10))
    }
}

/// A topic row as read: here because the snapshot is what reads topics; the services that write one
/// return it the same way.
pub(crate) fn topic_view(t: topics::Model) -> AppResult<TopicView> {
    Ok(TopicView {
        kind: t.kind.0,
        status: t.status.0,
        id: t.id,
        code: t.code,
        title: t.title,
        wto_body: t.wto_body,
        parent_id: t.parent_id,
        description: t.description,
        version: t.version,
        created_at: t.created_at,
        updated_at: t.updated_at,
    })
}
