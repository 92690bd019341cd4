//! The tablet's outbox (*nog te versturen*) and its work in progress, as pure rules: how an
//! item and a draft are named in IndexedDB (so whose it is can be read from the name alone,
//! without loading its bytes), which items a therapist may see and send, what an answer to a
//! PUT means for the item, and when to try again. The IndexedDB glue is in `web/src/outbox`.
//!
//! An item belongs to the therapist who made it. It is counted, shown and sent only while that
//! therapist is logged in on the tablet; another therapist on the same tablet sees nothing of
//! it, not even that it exists. It leaves the outbox only when the server has acknowledged it.

use uuid::Uuid;

/// Between the parts of a key.
const SEP: char = '|';

/// After this long an item still waiting is worth a warning (a day), ms.
pub const STALE_AFTER_MS: i64 = 24 * 60 * 60 * 1000;

/// The first retry after a failed send, ms.
pub const FIRST_RETRY_MS: u64 = 2_000;

/// Retries are never further apart than this, ms (a tablet that comes back online is also
/// noticed at once through the browser's `online` event).
pub const MAX_RETRY_MS: u64 = 120_000;

/// One item of the outbox, as its key tells it: whose it is, when it was put there and the
/// artefact's id. Keys sort by therapist, then oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxEntry {
    /// The therapist who made it.
    pub owner: Uuid,
    /// When it was put in the outbox (ms since the epoch, tablet clock).
    pub queued_at_ms: i64,
    /// The artefact's id: the PUT goes to `/api/artefacts/{id}`.
    pub id: Uuid,
}

impl OutboxEntry {
    /// The IndexedDB key: `owner|queued_at (13 digits)|id`.
    pub fn key(&self) -> String {
        format!(
            "{}{SEP}{:013}{SEP}{}",
            self.owner,
            self.queued_at_ms.max(0),
            self.id
        )
    }

    /// Reads a key made by [`OutboxEntry::key`]; anything else is `None`.
    pub fn from_key(key: &str) -> Option<Self> {
        let mut parts = key.split(SEP);
        let owner = Uuid::parse_str(parts.next()?).ok()?;
        let queued_at_ms = parts.next()?.parse().ok()?;
        let id = Uuid::parse_str(parts.next()?).ok()?;
        parts.next().is_none().then_some(Self {
            owner,
            queued_at_ms,
            id,
        })
    }
}

/// The key of a work form's work in progress: `owner|form|place` (the place is the session,
/// as written in the address).
pub fn draft_key(owner: Uuid, form: &str, place: &str) -> String {
    format!("{owner}{SEP}{form}{SEP}{place}")
}

/// Whose a draft or outbox key is, if it is one of ours.
pub fn key_owner(key: &str) -> Option<Uuid> {
    Uuid::parse_str(key.split(SEP).next()?).ok()
}

/// The items `me` may send, oldest first, leaving out those in `held` (refused by the server
/// since the page started: sending them again would be refused again). Nobody logged in
/// sends nothing.
pub fn to_send(entries: &[OutboxEntry], me: Option<Uuid>, held: &[Uuid]) -> Vec<OutboxEntry> {
    let Some(me) = me else {
        return Vec::new();
    };
    let mut mine: Vec<OutboxEntry> = entries
        .iter()
        .filter(|e| e.owner == me && !held.contains(&e.id))
        .copied()
        .collect();
    mine.sort_by_key(|e| (e.queued_at_ms, e.id));
    mine
}

/// What the screen may say about the outbox to whoever is logged in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutboxSummary {
    /// Items of this therapist not yet acknowledged.
    pub waiting: usize,
    /// The oldest of them, when it was queued (ms since the epoch).
    pub oldest_ms: Option<i64>,
    /// True when one has waited longer than [`STALE_AFTER_MS`].
    pub stale: bool,
}

/// The summary for `me` at `now_ms`: only `me`'s own items count; for nobody, nothing.
pub fn summary(entries: &[OutboxEntry], me: Option<Uuid>, now_ms: i64) -> OutboxSummary {
    let mine = to_send(entries, me, &[]);
    let oldest_ms = mine.iter().map(|e| e.queued_at_ms).min();
    OutboxSummary {
        waiting: mine.len(),
        oldest_ms,
        stale: oldest_ms.is_some_and(|t| now_ms - t > STALE_AFTER_MS),
    }
}

/// What the answer to an item's PUT means for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored by the server: the item leaves the outbox.
    Acknowledged,
    /// No answer, or one that may be different later (server busy or restarting): try again.
    Unreachable,
    /// The login has expired (or its CSRF token): wait until the same therapist logs in again.
    LoginNeeded,
    /// Refused for what it is (with the server's message): kept, not sent again this page.
    Refused(String),
    /// Refused because a kindermodus lock is on (it allows only the locked work form's
    /// uploads): kept, and sent again once the lock has ended — the other items go meanwhile.
    Locked,
}

/// The API's error code for a request a kindermodus lock refuses.
pub const KIOSK_LOCKED: &str = "kiosk_locked";

impl Outcome {
    /// The outcome of an HTTP `status` (0: not reached) with the server's `message`.
    pub fn of_status(status: u16, message: &str) -> Self {
        match status {
            200..=299 => Self::Acknowledged,
            401 | 403 => Self::LoginNeeded,
            0 | 408 | 429 | 500..=599 => Self::Unreachable,
            _ => Self::Refused(message.to_owned()),
        }
    }

    /// The outcome of an answer with `status`, the API's error `code` (empty when there is
    /// none) and `message`: as [`Outcome::of_status`], but a kindermodus lock's refusal
    /// (403 `kiosk_locked`) is [`Outcome::Locked`], not an expired login.
    pub fn of_answer(status: u16, code: &str, message: &str) -> Self {
        if status == 403 && code == KIOSK_LOCKED {
            return Self::Locked;
        }
        Self::of_status(status, message)
    }
}

/// What the outbox does after an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Send the next item now.
    SendNext,
    /// Stop, and try again after this many ms (or sooner, when the tablet comes online or the
    /// page is shown again).
    RetryIn(u64),
    /// Stop until the therapist has logged in again.
    WaitForLogin,
}

/// The delay before retry number `failures` (1 for the first): doubling from
/// [`FIRST_RETRY_MS`], at most [`MAX_RETRY_MS`].
pub fn retry_after_ms(failures: u32) -> u64 {
    let doublings = failures.saturating_sub(1).min(16);
    (FIRST_RETRY_MS << doublings).min(MAX_RETRY_MS)
}

/// The draining of the outbox: counts failures in a row, to back off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Drain {
    /// Sends in a row that did not reach the server.
    pub failures: u32,
}

impl Drain {
    /// Takes in the outcome of one item's send and says what comes next.
    pub fn after(&mut self, outcome: &Outcome) -> Next {
        match outcome {
            Outcome::Acknowledged => {
                self.failures = 0;
                Next::SendNext
            }
            // One bad item (or one the lock holds back) does not hold up the others.
            Outcome::Refused(_) | Outcome::Locked => Next::SendNext,
            Outcome::Unreachable => {
                self.failures = self.failures.saturating_add(1);
                Next::RetryIn(retry_after_ms(self.failures))
            }
            Outcome::LoginNeeded => Next::WaitForLogin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn entry(owner: u128, at: i64, n: u128) -> OutboxEntry {
        OutboxEntry {
            owner: id(owner),
            queued_at_ms: at,
            id: id(n),
        }
    }

    #[test]
    fn a_key_tells_whose_item_it_is_when_it_was_queued_and_its_id() {
        let e = entry(1, 1_764_700_000_123, 42);
        let key = e.key();
        assert_eq!(
            key,
            "00000000-0000-0000-0000-000000000001|1764700000123|00000000-0000-0000-0000-00000000002a"
        );
        assert_eq!(OutboxEntry::from_key(&key), Some(e));
        assert_eq!(key_owner(&key), Some(id(1)));
    }

    #[test]
    fn keys_sort_oldest_first_even_across_a_power_of_ten() {
        let early = entry(1, 999_999_999_999, 2).key();
        let late = entry(1, 1_000_000_000_000, 1).key();
        assert!(early < late);
    }

    #[test]
    fn something_that_is_not_an_outbox_key_is_not_read_as_one() {
        for bad in [
            "",
            "speelruimte.tekening.x",
            "00000000-0000-0000-0000-000000000001|abc|00000000-0000-0000-0000-000000000002",
            "00000000-0000-0000-0000-000000000001|12|00000000-0000-0000-0000-000000000002|x",
        ] {
            assert_eq!(OutboxEntry::from_key(bad), None, "{bad}");
        }
        assert_eq!(key_owner("nobody|x"), None);
    }

    #[test]
    fn a_draft_key_names_its_therapist_first() {
        let k = draft_key(id(7), "tekenen", "s-1");
        assert_eq!(k, "00000000-0000-0000-0000-000000000007|tekenen|s-1");
        assert_eq!(key_owner(&k), Some(id(7)));
    }

    #[test]
    fn a_therapist_sends_only_their_own_items_oldest_first() {
        let all = [entry(1, 30, 10), entry(2, 10, 11), entry(1, 20, 12)];
        let ids: Vec<_> = to_send(&all, Some(id(1)), &[])
            .iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, [id(12), id(10)]);
        let theirs: Vec<_> = to_send(&all, Some(id(2)), &[])
            .iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(theirs, [id(11)]);
        assert!(to_send(&all, None, &[]).is_empty());
        assert!(to_send(&all, Some(id(3)), &[]).is_empty());
    }

    #[test]
    fn an_item_refused_this_page_is_not_sent_again() {
        let all = [entry(1, 1, 10), entry(1, 2, 11)];
        let ids: Vec<_> = to_send(&all, Some(id(1)), &[id(10)])
            .iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, [id(11)]);
    }

    #[test]
    fn the_count_shows_only_the_logged_in_therapists_items_and_nobody_sees_a_count() {
        let all = [entry(1, 0, 10), entry(1, 5, 11), entry(2, 0, 12)];
        assert_eq!(summary(&all, Some(id(1)), 10).waiting, 2);
        assert_eq!(summary(&all, Some(id(2)), 10).waiting, 1);
        assert_eq!(summary(&all, Some(id(3)), 10), OutboxSummary::default());
        assert_eq!(summary(&all, None, 10), OutboxSummary::default());
    }

    #[test]
    fn an_item_waiting_more_than_a_day_is_stale_and_one_of_another_therapist_does_not_count() {
        let day = STALE_AFTER_MS;
        let all = [entry(1, 1000, 10), entry(2, 0, 11)];
        let s = summary(&all, Some(id(1)), 1000 + day);
        assert_eq!((s.oldest_ms, s.stale), (Some(1000), false));
        assert!(summary(&all, Some(id(1)), 1001 + day).stale);
        // Therapist 2's old item shows to therapist 2 only.
        assert!(summary(&all, Some(id(2)), 1 + day).stale);
    }

    #[test]
    fn answers_mean_acknowledged_try_again_log_in_again_or_refused() {
        assert_eq!(Outcome::of_status(200, ""), Outcome::Acknowledged);
        assert_eq!(Outcome::of_status(201, ""), Outcome::Acknowledged);
        for s in [0, 408, 429, 500, 502, 503] {
            assert_eq!(Outcome::of_status(s, "x"), Outcome::Unreachable, "{s}");
        }
        assert_eq!(Outcome::of_status(401, "x"), Outcome::LoginNeeded);
        assert_eq!(Outcome::of_status(403, "x"), Outcome::LoginNeeded);
        // A kindermodus lock's refusal is no expired login: the item waits for the unlock.
        assert_eq!(Outcome::of_answer(403, KIOSK_LOCKED, "x"), Outcome::Locked);
        assert_eq!(Outcome::of_answer(403, "csrf", "x"), Outcome::LoginNeeded);
        assert_eq!(
            Outcome::of_answer(404, KIOSK_LOCKED, "x"),
            Outcome::Refused("x".into())
        );
        assert_eq!(Outcome::of_answer(201, "", ""), Outcome::Acknowledged);
        assert_eq!(
            Outcome::of_status(422, "Te groot."),
            Outcome::Refused("Te groot.".into())
        );
        assert_eq!(
            Outcome::of_status(404, "weg"),
            Outcome::Refused("weg".into())
        );
    }

    #[test]
    fn retries_back_off_doubling_from_two_seconds_to_two_minutes() {
        let delays: Vec<u64> = (1..=9).map(retry_after_ms).collect();
        assert_eq!(
            delays,
            [
                2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 120_000, 120_000, 120_000
            ]
        );
        assert_eq!(retry_after_ms(0), 2_000);
        assert_eq!(retry_after_ms(u32::MAX), 120_000);
    }

    #[test]
    fn the_drain_backs_off_while_unreachable_and_starts_over_after_an_acknowledgement() {
        let mut d = Drain::default();
        assert_eq!(d.after(&Outcome::Unreachable), Next::RetryIn(2_000));
        assert_eq!(d.after(&Outcome::Unreachable), Next::RetryIn(4_000));
        assert_eq!(d.after(&Outcome::Refused("x".into())), Next::SendNext);
        assert_eq!(d.after(&Outcome::Unreachable), Next::RetryIn(8_000));
        assert_eq!(d.after(&Outcome::Acknowledged), Next::SendNext);
        assert_eq!(d.failures, 0);
        assert_eq!(d.after(&Outcome::Unreachable), Next::RetryIn(2_000));
        assert_eq!(d.after(&Outcome::LoginNeeded), Next::WaitForLogin);
        assert_eq!(d.after(&Outcome::Locked), Next::SendNext);
    }
}
