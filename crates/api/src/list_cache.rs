//! A short-lived per-node cache of rendered registry pages (`GET /impediments`), for the same page
//! asked for again and again (a dashboard, a shared link, many delegates of one delegation).
//!
//! Confidentiality first: an entry is keyed by the caller's read scope (`policy::read_scope`: admin;
//! analyst; stakeholder; or member of one delegation) and the exact query string, so it is only ever
//! served to callers who would read exactly the same rows. Each request is still authenticated and
//! authorized before the cache is consulted.
//!
//! Freshness: every request through this node that may write (any method but GET, HEAD and OPTIONS,
//! whatever the route and whatever the outcome) starts a new generation once it has finished, and an
//! entry from an older generation is never served; so a write through this node is seen by the next
//! read. Writes made elsewhere (another node, `gmc seed`) are seen within `MAX_AGE` (2 s): an entry
//! older than `TTL` (1 s) is reloaded by the first request that finds it, while the others are still
//! served it (so an expiry does not send every waiting request to the database at once), and an
//! entry older than `MAX_AGE` is never served.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use gmc_domain::policy::{read_scope, ReadScope};
use gmc_domain::Actor;
use uuid::Uuid;

use crate::state::AppState;

/// Age at which an entry is reloaded.
pub const TTL: Duration = Duration::from_secs(1);
/// Age past which an entry is never served: the bound on how late a write made through another node
/// is seen.
pub const MAX_AGE: Duration = Duration::from_secs(2);

/// Past this many pages the cache starts over rather than grow without bound.
const MAX_ENTRIES: usize = 512;

/// The read scope as a key: 0 all, 1 shared public only, 2 shared public and regional; plus the own
/// delegation.
type ScopeKey = (u8, Option<Uuid>);

fn scope_key(actor: &Actor) -> ScopeKey {
    match read_scope(actor) {
        ReadScope::All => (0, None),
        ReadScope::Visible { own, regional } => (1 + u8::from(regional), own.map(|d| d.as_uuid())),
    }
}

struct Entry {
    generation: u64,
    at: Instant,
    body: Bytes,
    /// Set by the request that reloads the entry once it is older than `TTL`.
    reloading: AtomicBool,
}

#[derive(Clone, Default)]
pub struct ListCache {
    generation: Arc<AtomicU64>,
    entries: Arc<RwLock<HashMap<(ScopeKey, String), Entry>>>,
}

/// A page looked for: where to store it once rendered.
pub struct Slot {
    key: (ScopeKey, String),
    generation: u64,
}

impl ListCache {
    /// The cached page for this caller's read scope and query, or the slot to fill.
    pub fn get(&self, actor: &Actor, query: &str) -> Result<Bytes, Slot> {
        // Read the generation before the database is: a page rendered while a write commits is
        // stored under the old generation and never served.
        let generation = self.generation.load(Ordering::Acquire);
        let key = (scope_key(actor), query.to_owned());
        if let Some(e) = self.entries.read().ok().as_ref().and_then(|m| m.get(&key)) {
            let age = e.at.elapsed();
            let current = e.generation == generation;
            // Fresh; or due for reloading, which another request is doing (or this one starts).
            if current && (age < TTL || (age < MAX_AGE && e.reloading.swap(true, Ordering::AcqRel))) {
                return Ok(e.body.clone());
            }
        }
        Err(Slot { key, generation })
    }

    pub fn put(&self, slot: Slot, body: Bytes) {
        if let Ok(mut m) = self.entries.write() {
            if m.len() >= MAX_ENTRIES {
                m.clear();
            }
            let entry =
                Entry { generation: slot.generation, at: Instant::now(), body, reloading: AtomicBool::new(false) };
            m.insert(slot.key, entry);
        }
    }

    /// Forgets every page (a write may have changed any of them).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }
}

/// Invalidates the cache after every request that may have written.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let state = writes.then(|| req.app_data::<web::Data<AppState>>().cloned()).flatten();
    let res = next.call(req).await;
    if let Some(state) = state {
        state.impediment_pages.invalidate();
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use gmc_domain::actor::AuthMethod;
    use gmc_domain::ids::{DelegationId, UserId};
    use gmc_domain::Role;

    fn actor(role: Role, delegation: Option<DelegationId>) -> Actor {
        Actor { user_id: UserId::new(), role, delegation_id: delegation, method: AuthMethod::Session }
    }

    #[test]
    fn pages_are_kept_apart_by_read_scope_and_dropped_on_a_write() {
        let cache = ListCache::default();
        let (a, b) = (DelegationId::new(), DelegationId::new());
        let delegate_a = actor(Role::Delegate, Some(a));
        let slot = cache.get(&delegate_a, "partner=EU").expect_err("empty cache");
        cache.put(slot, Bytes::from_static(b"page of A"));
        assert_eq!(cache.get(&delegate_a, "partner=EU").ok(), Some(Bytes::from_static(b"page of A")));
        // Same role and query, another delegation; other roles; another query: all misses.
        assert!(cache.get(&actor(Role::Delegate, Some(b)), "partner=EU").is_err());
        assert!(cache.get(&actor(Role::Analyst, None), "partner=EU").is_err());
        assert!(cache.get(&actor(Role::Stakeholder, None), "partner=EU").is_err());
        assert!(cache.get(&actor(Role::Admin, None), "partner=EU").is_err());
        assert!(cache.get(&delegate_a, "partner=USA").is_err());
        // A focal point of the same delegation reads exactly the same rows.
        assert!(cache.get(&actor(Role::FocalPoint, Some(a)), "partner=EU").is_ok());
        cache.invalidate();
        assert!(cache.get(&delegate_a, "partner=EU").is_err());
    }

    #[test]
    fn a_page_rendered_across_a_write_is_not_served() {
        let cache = ListCache::default();
        let admin = actor(Role::Admin, None);
        let slot = cache.get(&admin, "").expect_err("empty cache");
        cache.invalidate(); // a write commits while the page is being read
        cache.put(slot, Bytes::from_static(b"maybe stale"));
        assert!(cache.get(&admin, "").is_err());
    }

    #[test]
    fn an_expired_page_is_reloaded_by_one_request_and_never_served_past_max_age() {
        let cache = ListCache::default();
        let admin = actor(Role::Admin, None);
        let slot = cache.get(&admin, "").expect_err("empty cache");
        let generation = slot.generation;
        let entry = |age| Entry {
            generation,
            at: Instant::now() - age,
            body: Bytes::from_static(b"old"),
            reloading: AtomicBool::new(false),
        };
        cache.entries.write().expect("lock").insert(slot.key.clone(), entry(TTL + Duration::from_millis(10)));
        assert!(cache.get(&admin, "").is_err(), "the first request past TTL reloads");
        assert!(cache.get(&admin, "").is_ok(), "the others are served meanwhile");
        cache.entries.write().expect("lock").insert(slot.key, entry(MAX_AGE + Duration::from_millis(10)));
        assert!(cache.get(&admin, "").is_err());
        assert!(cache.get(&admin, "").is_err());
    }
}
