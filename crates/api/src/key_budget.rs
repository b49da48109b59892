//! Per-API-key request budgets (issue 11): each key may make `requests_per_minute` requests a minute
//! (its own budget, or the server's default), spent by every request it authenticates. The limiter is
//! `governor`'s keyed GCRA, as for sign-in (`rate_limit`), with one keyed limiter per distinct budget:
//! a keyed limiter has one quota, and keys share a handful of budgets. Over budget: 429 with
//! `Retry-After`, `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers); within
//! it, `RateLimit` on the answer too so clients can pace themselves.
//!
//! The budget is per node: N nodes behind a balancer let a key make up to N× its budget (documented in
//! docs/security.md). Usage is counted in memory and added to `api_key_usage` by `flush`, which the
//! server runs every few seconds and at shutdown, so no request writes.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::HttpMessage;
use chrono::NaiveDate;
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::RateLimiter;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::rate_limit::{quota, whole_secs, PRUNE_EVERY};

type Keyed = RateLimiter<Uuid, DefaultKeyedStateStore<Uuid>, DefaultClock, StateInformationMiddleware>;

/// How long a key's stored budget is trusted before it is read again (a change made through this
/// node applies at once: the route calls `forget`).
const BUDGET_TTL: Duration = Duration::from_secs(30);

/// The policy's name in the `RateLimit-Policy` and `RateLimit` headers.
const POLICY: &str = "api-key";
pub const POLICY_HEADER: &str = "ratelimit-policy";
pub const RATE_HEADER: &str = "ratelimit";

/// Where a keyed request stands against its key's budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyRate {
    /// Requests per minute.
    pub limit: u32,
    /// Requests left now.
    pub remaining: u32,
    /// Whole seconds until the budget is full again (`t` of `RateLimit`); when spent, until the next.
    pub reset_secs: u64,
}

impl KeyRate {
    pub fn policy_header(&self) -> String {
        format!("\"{POLICY}\";q={};w=60", self.limit)
    }

    pub fn rate_header(&self) -> String {
        format!("\"{POLICY}\";r={};t={}", self.remaining, self.reset_secs)
    }
}

#[derive(Clone)]
pub struct KeyLimiter {
    default_rpm: u32,
    by_budget: Arc<Mutex<HashMap<u32, Arc<Keyed>>>>,
    budgets: Arc<Mutex<HashMap<Uuid, (u32, Instant)>>>,
    pending: Arc<Mutex<HashMap<(Uuid, NaiveDate), u64>>>,
    checks: Arc<AtomicU64>,
}

impl KeyLimiter {
    pub fn new(default_rpm: u32) -> Self {
        Self {
            default_rpm: default_rpm.max(1),
            by_budget: Arc::default(),
            budgets: Arc::default(),
            pending: Arc::default(),
            checks: Arc::default(),
        }
    }

    /// The key's budget: cached, else read from the database.
    async fn budget(&self, db: &DatabaseConnection, key: Uuid) -> Result<u32, gmc_store::AppError> {
        let now = Instant::now();
        if let Some((rpm, at)) = self.budgets.lock().ok().and_then(|m| m.get(&key).copied()) {
            if now.duration_since(at) < BUDGET_TTL {
                return Ok(rpm);
            }
        }
        let rpm = gmc_store::services::api_key_usage::budget_of(db, key).await?.unwrap_or(self.default_rpm).max(1);
        if let Ok(mut m) = self.budgets.lock() {
            m.insert(key, (rpm, now));
        }
        Ok(rpm)
    }

    /// Forgets a key's cached budget (after an admin changed it).
    pub fn forget(&self, key: Uuid) {
        if let Ok(mut m) = self.budgets.lock() {
            m.remove(&key);
        }
    }

    fn limiter(&self, rpm: u32) -> Option<Arc<Keyed>> {
        let mut m = self.by_budget.lock().ok()?;
        Some(
            m.entry(rpm)
                .or_insert_with(|| {
                    Arc::new(
                        RateLimiter::keyed(quota(rpm, Duration::from_secs(60) / rpm))
                            .with_middleware::<StateInformationMiddleware>(),
                    )
                })
                .clone(),
        )
    }

    /// Spends one request of the key's budget: `Ok` with where it stands (the request is counted), or
    /// `Err` when the budget is spent, with `reset_secs` the wait.
    pub async fn check(
        &self,
        db: &DatabaseConnection,
        key: Uuid,
    ) -> Result<Result<KeyRate, KeyRate>, gmc_store::AppError> {
        let rpm = self.budget(db, key).await?;
        let Some(limiter) = self.limiter(rpm) else {
            // A poisoned lock (a panic elsewhere) must not stop every keyed request.
            return Ok(Ok(KeyRate { limit: rpm, remaining: rpm, reset_secs: 0 }));
        };
        if self.checks.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            limiter.retain_recent();
        }
        let per_request = 60.0 / f64::from(rpm);
        Ok(match limiter.check_key(&key) {
            Ok(snapshot) => {
                self.count(key);
                let remaining = snapshot.remaining_burst_capacity();
                let missing = f64::from(rpm.saturating_sub(remaining));
                let reset = Duration::from_secs_f64(missing * per_request);
                let reset_secs = if missing > 0.0 { whole_secs(reset) } else { 0 };
                Ok(KeyRate { limit: rpm, remaining, reset_secs })
            }
            Err(not_until) => {
                let wait = not_until.wait_time_from(DefaultClock::default().now());
                Err(KeyRate { limit: rpm, remaining: 0, reset_secs: whole_secs(wait) })
            }
        })
    }

    fn count(&self, key: Uuid) {
        let day = chrono::Utc::now().date_naive();
        if let Ok(mut m) = self.pending.lock() {
            *m.entry((key, day)).or_default() += 1;
        }
    }

    /// Adds the counted requests to `api_key_usage`; on failure they are kept for the next flush.
    pub async fn flush(&self, db: &DatabaseConnection) -> Result<(), gmc_store::AppError> {
        let taken = match self.pending.lock() {
            Ok(mut m) => std::mem::take(&mut *m),
            Err(_) => return Ok(()),
        };
        if taken.is_empty() {
            return Ok(());
        }
        if let Err(e) = gmc_store::services::api_key_usage::add(db, &taken).await {
            if let Ok(mut m) = self.pending.lock() {
                for (k, n) in taken {
                    *m.entry(k).or_default() += n;
                }
            }
            return Err(e);
        }
        Ok(())
    }

    /// Flushes every `period` on the current runtime (0: never; the usage route and shutdown still do).
    pub fn spawn_flusher(&self, db: DatabaseConnection, period: Duration) {
        if period.is_zero() {
            return;
        }
        let me = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(period);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                if let Err(e) = me.flush(&db).await {
                    tracing::warn!(error = %e, "API key usage flush failed; kept for the next one");
                }
            }
        });
    }
}

/// Adds `RateLimit-Policy` and `RateLimit` to the answers of requests that spent a key's budget.
pub async fn rate_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut res = next.call(req).await?;
    let rate = res.request().extensions().get::<KeyRate>().copied();
    if let Some(rate) = rate {
        for (name, value) in [(POLICY_HEADER, rate.policy_header()), (RATE_HEADER, rate.rate_header())] {
            if let Ok(v) = HeaderValue::from_str(&value) {
                if !res.headers().contains_key(name) {
                    res.headers_mut().insert(HeaderName::from_static(name), v);
                }
            }
        }
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_follow_the_ietf_draft() {
        let r = KeyRate { limit: 60, remaining: 0, reset_secs: 2 };
        assert_eq!(r.policy_header(), "\"api-key\";q=60;w=60");
        assert_eq!(r.rate_header(), "\"api-key\";r=0;t=2");
    }
}
