//! Login throttling per client address, with the `governor` crate (GCRA). actix-governor wraps the same
//! crate, but answers in plain text; we need problem+json and `Retry-After` and to limit one route.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Sign-in throttling that stops guessing without letting anyone lock an account out:
/// - every attempt spends the client address's budget (one machine trying many accounts);
/// - every *failed* attempt spends the budget of that (account, address) pair; once it is spent, that
///   address waits before trying that account again (one machine guessing one account);
/// - failures for one account from any address spend the account's budget; once it is spent, the
///   account is "under attack" for a while and each attempt on it is slowed by `SHORT_BACKOFF` — never
///   refused, so the owner, with the right password from an address of their own, gets in after at
///   most that short wait (an account-wide block would let anyone lock out any known e-mail).
#[derive(Clone)]
pub struct LoginLimiter {
    by_ip: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    failures_by_source: Arc<DefaultKeyedRateLimiter<(String, IpAddr)>>,
    failures_by_account: Arc<DefaultKeyedRateLimiter<String>>,
    /// Sources whose failure budget is spent, with the instant they may try again.
    blocked: Arc<Mutex<HashMap<(String, IpAddr), Instant>>>,
    /// Accounts under attack, with the instant the slowing ends.
    slowed: Arc<Mutex<HashMap<String, Instant>>>,
    checks: Arc<AtomicU64>,
}

/// How long each sign-in attempt on an account under attack is held back.
pub const SHORT_BACKOFF: Duration = Duration::from_secs(1);
/// How long an account stays "under attack" after its failure budget was last found spent.
const SLOWED_FOR: Duration = Duration::from_secs(15 * 60);

/// `burst` at once, then one more every `period` (both at least 1).
pub(crate) fn quota(burst: u32, period: Duration) -> Quota {
    let burst = NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(period.max(Duration::from_millis(1)))
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
        .allow_burst(burst)
}

/// Whole seconds until the next attempt is allowed (at least 1, for `Retry-After`).
fn wait_secs(not_until: governor::NotUntil<governor::clock::QuantaInstant>) -> u64 {
    whole_secs(not_until.wait_time_from(DefaultClock::default().now()))
}

pub(crate) fn whole_secs(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

/// How often the limiters forget keys whose budget is full again, so their maps stay small.
pub(crate) const PRUNE_EVERY: u64 = 1024;

fn account_key(account: &str) -> String {
    account.trim().to_lowercase().chars().take(254).collect()
}

impl LoginLimiter {
    pub fn new(burst: u32, period: Duration) -> Self {
        let each = quota(burst, period);
        Self {
            by_ip: Arc::new(RateLimiter::keyed(each)),
            failures_by_source: Arc::new(RateLimiter::keyed(each)),
            // Many addresses together get more failures before the account counts as under attack.
            failures_by_account: Arc::new(RateLimiter::keyed(quota(burst.saturating_mul(3), period))),
            blocked: Arc::new(Mutex::new(HashMap::new())),
            slowed: Arc::new(Mutex::new(HashMap::new())),
            checks: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Before an attempt: `Ok(delay)` to go ahead after `delay` (zero unless the account is under
    /// attack), or `Err` with the whole seconds this address must wait.
    pub fn check(&self, ip: IpAddr, account: &str) -> Result<Duration, u64> {
        if self.checks.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            self.prune();
        }
        self.by_ip.check_key(&ip).map_err(wait_secs)?;
        let account = account_key(account);
        let now = Instant::now();
        if let Some(until) = self.blocked.lock().ok().and_then(|m| m.get(&(account.clone(), ip)).copied()) {
            if until > now {
                return Err(whole_secs(until - now));
            }
        }
        let slowed = self.slowed.lock().ok().and_then(|m| m.get(&account).copied()).is_some_and(|u| u > now);
        Ok(if slowed { SHORT_BACKOFF } else { Duration::ZERO })
    }

    /// After a failed attempt (wrong password, unknown e-mail, disabled account, wrong second factor).
    pub fn record_failure(&self, ip: IpAddr, account: &str) {
        let account = account_key(account);
        let now = Instant::now();
        if let Err(not_until) = self.failures_by_source.check_key(&(account.clone(), ip)) {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            if let Ok(mut m) = self.blocked.lock() {
                m.insert((account.clone(), ip), now + wait);
            }
        }
        if self.failures_by_account.check_key(&account).is_err() {
            if let Ok(mut m) = self.slowed.lock() {
                m.insert(account, now + SLOWED_FOR);
            }
        }
    }

    fn prune(&self) {
        self.by_ip.retain_recent();
        self.failures_by_source.retain_recent();
        self.failures_by_account.retain_recent();
        let now = Instant::now();
        if let Ok(mut m) = self.blocked.lock() {
            m.retain(|_, until| *until > now);
        }
        if let Ok(mut m) = self.slowed.lock() {
            m.retain(|_, until| *until > now);
        }
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
    fn every_attempt_spends_the_addresss_budget() {
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
    fn failures_block_the_guessing_address_but_only_slow_a_fresh_one() {
        let l = LoginLimiter::new(2, Duration::from_secs(30));
        // Guessing from many addresses: each gets its own budget of failures.
        for n in 1..=4u8 {
            for _ in 0..3 {
                if l.check([10, 0, 0, n].into(), "victim@x.org").is_ok() {
                    l.record_failure([10, 0, 0, n].into(), "Victim@X.org");
                }
            }
        }
        // An address that spent its failures waits…
        assert!(matches!(l.check([10, 0, 0, 1].into(), "victim@x.org"), Err(s) if (1..=30).contains(&s)));
        // …while the owner, from an address of their own, is only slowed, never refused.
        assert_eq!(l.check([192, 168, 1, 7].into(), "victim@x.org"), Ok(SHORT_BACKOFF));
        assert_eq!(l.check([192, 168, 1, 7].into(), "someone.else@x.org"), Ok(Duration::ZERO));
    }
}
