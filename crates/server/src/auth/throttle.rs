//! Login throttling, in memory: per account and per address, failures within a window; past
//! the limit, every attempt is refused (even with the right password) until the window after
//! the last failure has passed.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Limits of the throttle.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Failures allowed per account within `window`.
    pub per_account: usize,
    /// Failures allowed per address within `window`.
    pub per_address: usize,
    /// How long failures count, and how long a lock lasts after the last one.
    pub window: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_account: 5,
            per_address: 20,
            window: Duration::from_secs(15 * 60),
        }
    }
}

/// Remembers recent failures.
#[derive(Debug, Default)]
pub struct Throttle {
    limits: Limits,
    accounts: Mutex<HashMap<String, Vec<Instant>>>,
    addresses: Mutex<HashMap<String, Vec<Instant>>>,
}

impl Throttle {
    /// A throttle with these limits.
    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            ..Default::default()
        }
    }

    /// `Some(seconds to wait)` when this account or address may not try now.
    pub fn check(&self, account: &str, address: &str, now: Instant) -> Option<u64> {
        let wait = |map: &Mutex<HashMap<String, Vec<Instant>>>, key: &str, limit: usize| {
            let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
            let list = map.entry(key.to_owned()).or_default();
            list.retain(|t| now.duration_since(*t) < self.limits.window);
            if list.len() >= limit {
                let last = *list.iter().max()?;
                let left = self.limits.window - now.duration_since(last);
                // Rounded up: telling someone to retry a moment too early would fail again.
                Some((left.as_secs() + u64::from(left.subsec_nanos() > 0)).max(1))
            } else {
                None
            }
        };
        let a = wait(&self.accounts, account, self.limits.per_account);
        let b = wait(&self.addresses, address, self.limits.per_address);
        a.max(b)
    }

    /// Counts a failed attempt.
    pub fn failed(&self, account: &str, address: &str, now: Instant) {
        for (map, key) in [(&self.accounts, account), (&self.addresses, address)] {
            map.lock()
                .unwrap_or_else(|e| e.into_inner())
                .entry(key.to_owned())
                .or_default()
                .push(now);
        }
    }

    /// Forgets an account's failures after it logged in.
    pub fn succeeded(&self, account: &str) {
        self.accounts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(account);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_attempt_within_the_window_is_refused_and_the_lock_ends_with_the_window() {
        let t = Throttle::new(Limits::default());
        let t0 = Instant::now();
        for i in 0..5 {
            assert_eq!(t.check("anna", "1.2.3.4", t0), None, "attempt {i}");
            t.failed("anna", "1.2.3.4", t0);
        }
        assert_eq!(t.check("anna", "5.6.7.8", t0), Some(900));
        assert_eq!(
            t.check("anna", "1.2.3.4", t0 + Duration::from_secs(899)),
            Some(1)
        );
        assert_eq!(
            t.check("anna", "1.2.3.4", t0 + Duration::from_secs(900)),
            None
        );
        assert_eq!(
            t.check("bram", "5.6.7.8", t0),
            None,
            "other accounts are not affected"
        );
    }

    #[test]
    fn one_address_trying_many_accounts_is_stopped_after_twenty_failures() {
        let t = Throttle::new(Limits::default());
        let t0 = Instant::now();
        for i in 0..20 {
            t.failed(&format!("user{i}"), "9.9.9.9", t0);
        }
        assert!(t.check("someone-new", "9.9.9.9", t0).is_some());
        assert!(t.check("someone-new", "1.1.1.1", t0).is_none());
    }
}
