//! The current facts of a signed-in user (role, delegation, active, second factor), looked up for every request made
//! with an access token, so a disabled, demoted or moved user loses the old rights at once instead of
//! keeping them for the token's lifetime. Cached per app for a few seconds to keep the lookup off the
//! hot path; a change made through this node clears its entry at once, one made through another node is
//! seen within `ttl`.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use gmc_domain::Role;
use sea_orm::{DatabaseConnection, EntityTrait};
use uuid::Uuid;

use crate::entities::users;
use crate::AppResult;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserFacts {
    pub role: Role,
    pub delegation_id: Option<Uuid>,
    pub active: bool,
    /// Access tokens issued at or before this (milliseconds since the epoch) are refused.
    pub valid_after_ms: Option<i64>,
    /// The account has an active second factor: a token's or key's claim to have passed one counts
    /// only while this holds, so disabling or resetting the factor withdraws it at once.
    pub second_factor: bool,
}

type Entries = HashMap<Uuid, (Instant, Option<UserFacts>)>;

#[derive(Clone)]
pub struct SessionCache {
    entries: Arc<RwLock<Entries>>,
    /// Held while reloading an expired entry, so concurrent requests of one user reload it once.
    loading: Arc<tokio::sync::Mutex<()>>,
    ttl: Duration,
}

/// Past this many cached users the cache starts over rather than grow without bound.
const MAX_ENTRIES: usize = 50_000;

impl SessionCache {
    pub fn new(ttl: Duration) -> Self {
        Self { entries: Arc::new(RwLock::new(HashMap::new())), loading: Arc::new(tokio::sync::Mutex::new(())), ttl }
    }

    /// The user's facts now, or `None` when the account no longer exists.
    pub async fn facts(&self, db: &DatabaseConnection, user_id: Uuid) -> AppResult<Option<UserFacts>> {
        if let Some(facts) = self.fresh(user_id) {
            return Ok(facts);
        }
        let _loading = self.loading.lock().await;
        if let Some(facts) = self.fresh(user_id) {
            return Ok(facts);
        }
        let facts = match users::Entity::find_by_id(user_id).one(db).await? {
            Some(u) => Some(UserFacts {
                role: u.role.0,
                delegation_id: u.delegation_id,
                active: u.active,
                valid_after_ms: u.tokens_valid_after.map(|t| t.timestamp_millis()),
                second_factor: crate::services::mfa::has_active_factor(db, user_id).await?,
            }),
            None => None,
        };
        if let Ok(mut m) = self.entries.write() {
            if m.len() >= MAX_ENTRIES {
                m.clear();
            }
            m.insert(user_id, (Instant::now(), facts));
        }
        Ok(facts)
    }

    fn fresh(&self, user_id: Uuid) -> Option<Option<UserFacts>> {
        let (at, facts) = self.entries.read().ok().and_then(|m| m.get(&user_id).copied())?;
        (at.elapsed() < self.ttl).then_some(facts)
    }

    pub fn forget(&self, user_id: Uuid) {
        if let Ok(mut m) = self.entries.write() {
            m.remove(&user_id);
        }
    }
}

impl Default for SessionCache {
    fn default() -> Self {
        Self::new(Duration::from_secs(5))
    }
}
