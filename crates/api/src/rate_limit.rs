//! Login throttling per client address, with the `governor` crate (GCRA). actix-governor wraps the same
//! crate, but answers in plain text; we need problem+json and `Retry-After` and to limit one route.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

#[derive(Clone)]
pub struct LoginLimiter {
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

impl LoginLimiter {
    pub fn new(burst: u32, period: Duration) -> Self {
        let burst = NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::with_period(period.max(Duration::from_millis(1)))
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst);
        Self { limiter: Arc::new(RateLimiter::keyed(quota)) }
    }

    /// `Ok` to go ahead, or the whole seconds to wait.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        self.limiter.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_burst_is_allowed_then_the_next_attempt_waits() {
        let l = LoginLimiter::new(2, Duration::from_secs(30));
        let ip: IpAddr = [127, 0, 0, 1].into();
        assert!(l.check(ip).is_ok());
        assert!(l.check(ip).is_ok());
        assert!(matches!(l.check(ip), Err(s) if (1..=30).contains(&s)));
        assert!(l.check([127, 0, 0, 2].into()).is_ok());
    }
}
