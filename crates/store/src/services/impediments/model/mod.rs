//! The registry list from a read model: every impediment held in each node's memory, kept in step
//! with the database through its change log (migration 000031), so that a registry page costs one
//! statement — the generation read that proves the model current (`crate::generations`, shared by
//! the requests that arrive together) — instead of a count, a page and its topics.
//!
//! Why: issue 8 asks 5,000 registry pages a second with p99 ≤ 15 ms on two cores with every page cache
//! off; the database work of an average page of the mix alone is ~5 ms (docs/benchmarks.md, "Fourth
//! look"). Only a read path without the database reaches that, and the only cache the issue admits is
//! one that is correct across nodes and never serves a record after its visibility narrowed.
//!
//! Why it is exact: before it serves, a request reads the generation; if the model is older, it reads
//! the change log from the model's generation on and reloads the records named there, all in one
//! read-only transaction (one snapshot), and labels the model with the latest generation that
//! snapshot held. Generations are gapless and follow commit order (the migration says why), so the
//! model then holds every change up to a generation at least the request's. A gap (log pruned, a
//! `TRUNCATE`) reloads everything.
//!
//! The rules stay where they are: which records a caller reads is `policy::can_read` (asked once per
//! owner and visibility), the filters are `list::check`'s, the order and cursors are `list`'s, and a
//! text search (`q`) compares the same strings the tables' `lower(…) LIKE` does — each record's text
//! lowered by the database itself when loaded — so case rules that differ between the engines (SQLite
//! folds ASCII only) differ in the model exactly as they do in the tables.

mod bits;
mod load;
mod query;
mod state;
#[cfg(test)]
mod tests;

use std::sync::{Arc, RwLock};

use gmc_domain::policy::{authorize, can_read_stakeholder, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::DatabaseConnection;

use super::list::{self, check, sort_type, sort_value, ImpedimentFilter, DEFAULT_SORT};
use crate::cursor::{KeyValue, Page, Paging, Total};
use crate::generations::{GenerationReads, ReadModel};
use crate::views::ImpedimentView;
use crate::{AppError, AppResult};
use query::{Ask, Filter};
use state::State;

/// The registry's read model of one app: on (the default; setting `registry_read_model`) or off, when
/// every page is read from the tables.
#[derive(Clone)]
pub struct RegistryModel {
    inner: Option<Arc<Inner>>,
}

struct Inner {
    reads: GenerationReads,
    state: RwLock<Option<State>>,
    /// Held while the model catches up, so that one request does it for all.
    updating: tokio::sync::Mutex<()>,
}

impl RegistryModel {
    pub fn new(on: bool) -> Self {
        let inner = Inner {
            reads: GenerationReads::new(ReadModel::Registry),
            state: RwLock::new(None),
            updating: tokio::sync::Mutex::new(()),
        };
        Self { inner: on.then(|| Arc::new(inner)) }
    }

    /// How many records the model holds (none before its first page).
    pub fn len(&self) -> usize {
        self.inner.as_ref().and_then(|i| i.state.read().ok()?.as_ref().map(State::len)).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether pages come from the model (`registry_read_model`).
    pub fn is_on(&self) -> bool {
        self.inner.is_some()
    }

    /// Loads the model now rather than on the first registry page, which would otherwise wait the
    /// seconds a full load takes (5–7 s for 100,000 records on two busy cores; docs/benchmarks.md).
    /// Started in the background when the app starts; a page that arrives first waits for the same
    /// load instead of starting its own (`Inner::updating`). Returns how many records it holds.
    pub async fn warm(&self, db: &DatabaseConnection) -> AppResult<usize> {
        let Some(inner) = &self.inner else { return Ok(0) };
        let now = inner.reads.read(db).await?;
        inner.catch_up(db, now).await?;
        Ok(self.len())
    }
}

fn poisoned() -> AppError {
    AppError::Internal(anyhow::anyhow!("the registry model's lock is poisoned"))
}

impl Inner {
    fn generation(&self) -> AppResult<Option<i64>> {
        Ok(self.state.read().map_err(|_| poisoned())?.as_ref().map(|s| s.generation))
    }

    /// Brings the model to `now` or later.
    async fn catch_up(&self, db: &DatabaseConnection, now: i64) -> AppResult<()> {
        if self.generation()?.is_some_and(|g| g >= now) {
            return Ok(());
        }
        let _updating = self.updating.lock().await;
        let Some(have) = self.generation()? else {
            let fresh = load::everything(db).await?;
            *self.state.write().map_err(|_| poisoned())? = Some(fresh);
            return Ok(());
        };
        if have >= now {
            return Ok(());
        }
        match load::changes(db, have).await? {
            load::Changes::Records(changes) => {
                let mut guard = self.state.write().map_err(|_| poisoned())?;
                if let Some(state) = guard.as_mut() {
                    changes.apply(state);
                }
            }
            load::Changes::Gap => {
                let fresh = load::everything(db).await?;
                *self.state.write().map_err(|_| poisoned())? = Some(fresh);
            }
        }
        Ok(())
    }
}

/// A registry page: from the read model when it is on, else from the tables. The same answer either way.
pub async fn list(
    db: &DatabaseConnection,
    model: &RegistryModel,
    actor: &Actor,
    f: ImpedimentFilter,
) -> AppResult<Page<ImpedimentView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let Some(inner) = &model.inner else { return list::list(db, actor, f).await };
    from_model(db, inner, actor, f, shown).await
}

/// One registry item's JSON, exactly as `serde_json` writes its `ImpedimentView` for this caller; what
/// `GET /impediments` sends. From the model it is the record's JSON written when the record was loaded,
/// so that a page is copied rather than serialized.
#[derive(Debug, Clone)]
pub struct RenderedItem(Arc<[u8]>);

impl RenderedItem {
    pub fn of(view: &ImpedimentView) -> AppResult<Self> {
        let json = serde_json::to_vec(view).map_err(|e| AppError::Internal(e.into()))?;
        Ok(Self(Arc::from(json)))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// As `list`, each item as its JSON.
pub async fn list_rendered(
    db: &DatabaseConnection,
    model: &RegistryModel,
    actor: &Actor,
    f: ImpedimentFilter,
) -> AppResult<Page<RenderedItem>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let Some(inner) = &model.inner else {
        let page = list::list(db, actor, f).await?;
        let items = page.items.iter().map(RenderedItem::of).collect::<AppResult<_>>()?;
        return Ok(Page { items, next_cursor: page.next_cursor, total: page.total });
    };
    let page = from_model(db, inner, actor, f, rendered).await?;
    let items = page.items.into_iter().collect::<AppResult<_>>()?;
    Ok(Page { items, next_cursor: page.next_cursor, total: page.total })
}

async fn from_model<T>(
    db: &DatabaseConnection,
    inner: &Inner,
    actor: &Actor,
    f: ImpedimentFilter,
    item: fn(&State, &Actor, &ImpedimentView) -> T,
) -> AppResult<Page<T>> {
    let mut e = ValidationErrors::new();
    let filters = ImpedimentFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), DEFAULT_SORT, &filters);
    let checked = check(&f, &mut e);
    let Some(mut paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let field = paging.sort.field;
    let after = match paging.after() {
        None => None,
        Some(c) => {
            let key = match sort_type(field) {
                None => KeyValue::Null,
                Some(ty) => {
                    KeyValue::decode(ty, c.k.as_deref()).ok().filter(|k| *k != KeyValue::Null).ok_or_else(|| {
                        ValidationErrors::single("cursor", "invalid_cursor", "is not a cursor this API returned")
                    })?
                }
            };
            Some((key, c.id))
        }
    };
    // The one statement: read first, so that the model used is at least as new as this request.
    let now = inner.reads.read(db).await?;
    inner.catch_up(db, now).await?;
    let [from, until] = Filter::dates(f.from, f.to);
    let guard = inner.state.read().map_err(|_| poisoned())?;
    let state =
        guard.as_ref().ok_or_else(|| AppError::Internal(anyhow::anyhow!("the registry model is not loaded")))?;
    let topic = f.topic.as_deref().map(|t| state.topics.resolve(t));
    let filter = Filter {
        text: Filter::text(checked.q.as_deref()),
        status: checked.status,
        country: checked.country,
        partner: checked.partner,
        chapter: checked.chapter,
        hs: checked.hs,
        delegation: f.delegation,
        topic,
        min: checked.min,
        max: checked.max,
        from,
        until,
    };
    let fetch = usize::try_from(paging.limit.get()).unwrap_or(usize::MAX).saturating_add(1);
    let ask = Ask {
        actor,
        filter: &filter,
        field,
        descending: paging.sort.descending,
        after,
        fetch,
        count: paging.is_first(),
    };
    let (rows, counted) = query::page(state, &ask);
    let total = counted.map_or(Total::NONE, Total::bounded);
    paging.note_total(total);
    // The cursor is the last record's key (`list`'s own `sort_value`), taken while the model is held.
    let (rows, next_cursor) = paging.split(rows, |r| (sort_value(field, r), r.id));
    let items = rows.into_iter().map(|r| item(state, actor, r)).collect();
    drop(guard);
    Ok(Page { items, next_cursor, total })
}

/// The record's JSON for this caller: as stored, unless it links a firm the caller may not read (then
/// serialized without it, as `shown` gives it).
fn rendered(state: &State, actor: &Actor, r: &ImpedimentView) -> AppResult<RenderedItem> {
    let hidden = r.stakeholder_id.is_some_and(|id| {
        !state.stakeholders.get(&id).is_some_and(|o| can_read_stakeholder(actor, o.delegation_id, o.user_id))
    });
    match state.json_of(r.id) {
        Some(json) if !hidden => Ok(RenderedItem(Arc::clone(json))),
        _ => RenderedItem::of(&shown(state, actor, r)),
    }
}

/// The record as this caller sees it: a linked stakeholder only if the caller may read it (as
/// `super::views` does from the tables).
fn shown(state: &State, actor: &Actor, r: &ImpedimentView) -> ImpedimentView {
    let mut view = r.clone();
    view.stakeholder_id = r.stakeholder_id.filter(|id| {
        state.stakeholders.get(id).is_some_and(|o| can_read_stakeholder(actor, o.delegation_id, o.user_id))
    });
    view
}
