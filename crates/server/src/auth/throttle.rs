//! Login (and setup) throttling, in memory: per account and per address, attempts within a
//! window; past the limit every attempt is refused (even with the right password) until the
//! window after the last failure has passed.
//!
//! Checking and counting are one step: [`Throttle::begin`] reserves a place under the lock
//! before the password is checked, so fifty guesses sent at once cannot all pass a check that
//! none of them has been counted in yet. A reservation counts as a failure unless the caller
//! says it [`Attempt::succeeded`].
//!
//! Memory is bounded: accounts are kept by the SHA-256 of their name (a username can be 64 KiB
//! of JSON), IPv6 addresses by their /64 (one subscriber holds a whole /64), each list never
//! grows past its limit, and each map holds at most [`Limits::tracked`] keys. A full map first
//! drops keys whose attempts have all expired, then the one whose last attempt is oldest: that
//! frees a lock only for someone who can make thousands of fresh keys within one window, which
//! the per-address limit makes slow, while refusing new keys instead would lock everyone out.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// Limits of the throttle.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Failures allowed per account within `window`.
    pub per_account: usize,
    /// Failures allowed per address within `window`.
    pub per_address: usize,
    /// How long failures count, and how long a lock lasts after the last one.
    pub window: Duration,
    /// Most accounts, and most addresses, remembered at once.
    pub tracked: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_account: 5,
            per_address: 20,
            window: Duration::from_secs(15 * 60),
            tracked: 10_000,
        }
    }
}

type AccountKey = [u8; 32];

#[derive(Debug, Default)]
struct Maps {
    accounts: HashMap<AccountKey, Vec<Instant>>,
    addresses: HashMap<String, Vec<Instant>>,
}

/// Remembers recent attempts.
#[derive(Debug, Default)]
pub struct Throttle {
    limits: Limits,
    // One lock for both maps: an attempt is counted against its account and its address at once.
    maps: Mutex<Maps>,
}

/// A reserved attempt. Dropped without [`Attempt::succeeded`], it stays counted as a failure
/// (a wrong password, a wrong token, or an error half-way: none of them may be retried freely).
#[derive(Debug)]
#[must_use = "an attempt counts as a failure unless it is marked as succeeded"]
pub struct Attempt<'a> {
    throttle: &'a Throttle,
    account: Option<AccountKey>,
    address: String,
    at: Instant,
}

impl Attempt<'_> {
    /// The attempt succeeded: its place is given back and the account's failures are forgotten.
    pub fn succeeded(self) {
        let mut maps = self.throttle.lock();
        if let Some(account) = &self.account {
            maps.accounts.remove(account);
        }
        if let Some(list) = maps.addresses.get_mut(&self.address)
            && let Some(i) = list.iter().position(|t| *t == self.at)
        {
            list.swap_remove(i);
        }
    }
}

impl Throttle {
    /// A throttle with these limits.
    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            ..Default::default()
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Maps> {
        self.maps.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reserves an attempt for `account` (a normalised username; `None` for a setup token)
    /// from `address`, or `Err(seconds to wait)` when either may not try now.
    pub fn begin(
        &self,
        account: Option<&str>,
        address: &str,
        now: Instant,
    ) -> Result<Attempt<'_>, u64> {
        let account: Option<AccountKey> = account.map(|a| Sha256::digest(a.as_bytes()).into());
        let address = address_key(address);
        let window = self.limits.window;
        let mut maps = self.lock();
        let mut refused = wait(
            &mut maps.addresses,
            &address,
            self.limits.per_address,
            now,
            window,
        );
        if let Some(a) = &account {
            refused = refused.max(wait(
                &mut maps.accounts,
                a,
                self.limits.per_account,
                now,
                window,
            ));
        }
        if let Some(secs) = refused {
            return Err(secs);
        }
        let tracked = self.limits.tracked;
        push(&mut maps.addresses, address.clone(), now, window, tracked);
        if let Some(a) = account {
            push(&mut maps.accounts, a, now, window, tracked);
        }
        Ok(Attempt {
            throttle: self,
            account,
            address,
            at: now,
        })
    }

    /// How many accounts and addresses are remembered now.
    pub fn tracked(&self) -> (usize, usize) {
        let maps = self.lock();
        (maps.accounts.len(), maps.addresses.len())
    }
}

/// IPv6 addresses count per /64; anything else (IPv4, "unknown", a proxy's obfuscated name)
/// as it is, cut to 64 characters.
fn address_key(address: &str) -> String {
    match address.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(v4) => v4.to_string(),
        Err(_) => address.chars().take(64).collect(),
    }
}

fn wait<K: Hash + Eq>(
    map: &mut HashMap<K, Vec<Instant>>,
    key: &K,
    limit: usize,
    now: Instant,
    window: Duration,
) -> Option<u64> {
    locked_for(map.get_mut(key)?, limit, now, window)
}

fn locked_for(
    list: &mut Vec<Instant>,
    limit: usize,
    now: Instant,
    window: Duration,
) -> Option<u64> {
    list.retain(|t| now.duration_since(*t) < window);
    if list.len() < limit {
        return None;
    }
    let last = *list.iter().max()?;
    let left = window - now.duration_since(last);
    // Rounded up: telling someone to retry a moment too early would fail again.
    Some((left.as_secs() + u64::from(left.subsec_nanos() > 0)).max(1))
}

/// Counts an attempt under `key`, making room first if the map is full.
fn push<K: Hash + Eq + Clone>(
    map: &mut HashMap<K, Vec<Instant>>,
    key: K,
    now: Instant,
    window: Duration,
    tracked: usize,
) {
    if !map.contains_key(&key) && map.len() >= tracked.max(1) {
        map.retain(|_, list| list.iter().any(|t| now.duration_since(*t) < window));
        if map.len() >= tracked.max(1)
            && let Some(oldest) = map
                .iter()
                .min_by_key(|(_, list)| list.iter().max().copied())
                .map(|(k, _)| k.clone())
        {
            map.remove(&oldest);
        }
    }
    map.entry(key).or_default().push(now);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fail(t: &Throttle, account: &str, address: &str, now: Instant) {
        drop(t.begin(Some(account), address, now).expect("may try"));
    }

    #[test]
    fn the_sixth_attempt_within_the_window_is_refused_and_the_lock_ends_with_the_window() {
        let t = Throttle::new(Limits::default());
        let t0 = Instant::now();
        for _ in 0..5 {
            fail(&t, "anna", "1.2.3.4", t0);
        }
        assert_eq!(t.begin(Some("anna"), "5.6.7.8", t0).unwrap_err(), 900);
        assert_eq!(
            t.begin(Some("anna"), "1.2.3.4", t0 + Duration::from_secs(899))
                .unwrap_err(),
            1
        );
        t.begin(Some("anna"), "1.2.3.4", t0 + Duration::from_secs(900))
            .expect("the window has passed")
            .succeeded();
        t.begin(Some("bram"), "5.6.7.8", t0)
            .expect("other accounts are not affected")
            .succeeded();
    }

    #[test]
    fn an_attempt_under_way_already_counts() {
        let t = Throttle::new(Limits {
            per_account: 2,
            ..Limits::default()
        });
        let t0 = Instant::now();
        let a = t.begin(Some("anna"), "1.1.1.1", t0).unwrap();
        let b = t.begin(Some("anna"), "1.1.1.2", t0).unwrap();
        assert!(
            t.begin(Some("anna"), "1.1.1.3", t0).is_err(),
            "two under way"
        );
        a.succeeded();
        drop(b);
        t.begin(Some("anna"), "1.1.1.3", t0)
            .expect("a success forgets the account's failures")
            .succeeded();
    }

    #[test]
    fn one_address_trying_many_accounts_is_stopped_after_twenty_failures() {
        let t = Throttle::new(Limits::default());
        let t0 = Instant::now();
        for i in 0..20 {
            fail(&t, &format!("user{i}"), "9.9.9.9", t0);
        }
        assert!(t.begin(Some("someone-new"), "9.9.9.9", t0).is_err());
        assert!(t.begin(None, "9.9.9.9", t0).is_err(), "setup tokens too");
        t.begin(Some("someone-new"), "1.1.1.1", t0)
            .unwrap()
            .succeeded();
    }

    #[test]
    fn one_ipv6_subscriber_counts_as_one_address() {
        let t = Throttle::new(Limits {
            per_address: 2,
            ..Limits::default()
        });
        let t0 = Instant::now();
        fail(&t, "a1", "2001:db8:1:2::1", t0);
        fail(&t, "a2", "2001:db8:1:2:ffff::9", t0);
        assert!(t.begin(Some("a3"), "2001:db8:1:2::77", t0).is_err());
        assert!(t.begin(Some("a3"), "2001:db8:1:3::1", t0).is_ok());
    }

    #[test]
    fn a_flood_of_long_usernames_stays_within_the_tracked_limit() {
        let t = Throttle::new(Limits {
            per_address: usize::MAX,
            tracked: 100,
            ..Limits::default()
        });
        let t0 = Instant::now();
        for i in 0..1000 {
            let name = format!("{i}{}", "x".repeat(60_000));
            fail(&t, &name, "9.9.9.9", t0 + Duration::from_millis(i));
        }
        assert_eq!(t.tracked(), (100, 1));
        // The newest accounts are the ones kept: four more failures lock the last one.
        let newest = format!("999{}", "x".repeat(60_000));
        let later = t0 + Duration::from_secs(1);
        for _ in 0..4 {
            fail(&t, &newest, "9.9.9.9", later);
        }
        assert!(t.begin(Some(&newest), "9.9.9.9", later).is_err());
    }
}
