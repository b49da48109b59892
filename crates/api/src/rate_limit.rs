//! Login throttling per client address, with the `governor` crate (GCRA). actix-governor wraps the same
//! crate, but answers in plain text; we need problem+json and `Retry-After` and to limit one route.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Two budgets: per client address (one machine guessing many accounts) and per account (many machines
/// guessing one account). An attempt needs both.
#[derive(Clone)]
pub struct LoginLimiter {
    by_ip: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    by_account: Arc<DefaultKeyedRateLimiter<String>>,
    checks: Arc<AtomicU64>,
}

/// `burst` at once, then one more every `period` (both at least 1).
fn quota(burst: u32, period: Duration) -> Quota {
    let burst = NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(period.max(Duration::from_millis(1)))
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
        .allow_burst(burst)
}

/// Whole seconds until the next attempt is allowed (at least 1, for `Retry-After`).
fn wait_secs(not_until: governor::NotUntil<governor::clock::QuantaInstant>) -> u64 {
    let wait = not_until.wait_time_from(DefaultClock::default().now());
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

/// How often the limiters forget keys whose budget is full again, so their maps stay small.
const PRUNE_EVERY: u64 = 1024;

impl LoginLimiter {
    pub fn new(burst: u32, period: Duration) -> Self {
        let quota = quota(burst, period);
        Self {
            by_ip: Arc::new(RateLimiter::keyed(quota)),
            by_account: Arc::new(RateLimiter::keyed(quota)),
            checks: Arc::new(AtomicU64::new(0)),
        }
    }

    /// `Ok` to go ahead, or the whole seconds to wait.
    pub fn check(&self, ip: IpAddr, account: &str) -> Result<(), u64> {
        if self.checks.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            self.by_ip.retain_recent();
            self.by_account.retain_recent();
        }
        self.by_ip.check_key(&ip).map_err(wait_secs)?;
        let account: String = account.trim().to_lowercase().chars().take(254).collect();
        self.by_account.check_key(&account).map_err(wait_secs)
    }
}

/// One budget per client address, for public (unauthenticated) writes such as consultation responses.
#[derive(Clone)]
pub struct IpLimiter {
    by_ip: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    checks: Arc<AtomicU64>,
}

impl IpLimiter {
    pub fn new(burst: u32, period: Duration) -> Self {
        let quota = quota(burst, period);
        Self { by_ip: Arc::new(RateLimiter::keyed(quota)), checks: Arc::new(AtomicU64::new(0)) }
    }

    /// `Ok` to go ahead, or the whole seconds to wait.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        if self.checks.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            self.by_ip.retain_recent();
        }
        self.by_ip.check_key(&ip).map_err(wait_secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_burst_is_allowed_then_the_next_attempt_waits() {
        let l = LoginLimiter::new(2, Duration::from_secs(30));
        let ip: IpAddr = [127, 0, 0, 1].into();
        assert!(l.check(ip, "a@x.org").is_ok());
        assert!(l.check(ip, "b@x.org").is_ok());
        assert!(matches!(l.check(ip, "c@x.org"), Err(s) if (1..=30).contains(&s)));
        assert!(l.check([127, 0, 0, 2].into(), "d@x.org").is_ok());
    }

    #[test]
    fn public_submissions_are_limited_per_address() {
        let l = IpLimiter::new(1, Duration::from_secs(10));
        assert!(l.check([10, 0, 0, 1].into()).is_ok());
        assert!(matches!(l.check([10, 0, 0, 1].into()), Err(s) if (1..=10).contains(&s)));
        assert!(l.check([10, 0, 0, 2].into()).is_ok());
    }

    #[test]
    fn one_account_is_limited_whatever_address_the_attempts_come_from() {
        let l = LoginLimiter::new(2, Duration::from_secs(30));
        assert!(l.check([10, 0, 0, 1].into(), "victim@x.org").is_ok());
        assert!(l.check([10, 0, 0, 2].into(), "Victim@X.org").is_ok());
        assert!(l.check([10, 0, 0, 3].into(), "victim@x.org").is_err());
    }
}
