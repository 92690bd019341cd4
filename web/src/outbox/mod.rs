//! The outbox (*nog te versturen*): every artefact is written to IndexedDB with its id and its
//! whole upload (the envelope's head and each file's bytes) before the first PUT, and leaves
//! only when the server has acknowledged it. The page drains it itself — at start, when the
//! tablet comes online, when the page is shown again and on a timer that backs off — since
//! Safari has no Background Sync. The rules (whose items, what an answer means, when to retry)
//! are pure, in `speelruimte_model::outbox`; this is the browser glue.

pub mod drafts;
pub mod keeper;
mod store;
pub mod view;
mod wipe;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use leptos::prelude::*;
use speelruimte_model::outbox::{
    Drain, Next, OutboxEntry, OutboxSummary, Outcome, summary, to_send,
};
use speelruimte_model::{Artefact, envelope_head};
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};

use crate::saving::Outgoing;
use crate::{api, util};
pub use store::{DB_NAME, OUTBOX};
pub use wipe::wipe_for_logout;

/// What the screens show of the outbox, for the therapist logged in (nothing of another's).
#[derive(Clone, Copy)]
pub struct Outbox {
    /// Their items waiting, the oldest's age, whether one waits long.
    pub summary: RwSignal<OutboxSummary>,
    /// Items acknowledged since the page started, with the server's time of storing.
    pub acked: RwSignal<HashMap<Uuid, chrono::DateTime<chrono::Utc>>>,
    /// Items the server refused since the page started, with its words (they stay).
    pub refused: RwSignal<HashMap<Uuid, String>>,
    /// The login expired: the items wait until the same therapist logs in again.
    pub needs_login: RwSignal<bool>,
    /// Whether the browser promised to keep the tablet's storage (`navigator.storage.persist()`).
    pub persisted: RwSignal<Option<bool>>,
}

thread_local! {
    /// The app's outbox (one per page; its signals live as long as the app).
    static CURRENT: Cell<Option<Outbox>> = const { Cell::new(None) };
    static ENTRIES: RefCell<Vec<OutboxEntry>> = const { RefCell::new(Vec::new()) };
    static OWNER: Cell<Option<Uuid>> = const { Cell::new(None) };
    static DRAIN: Cell<Drain> = const { Cell::new(Drain { failures: 0 }) };
    static DRAINING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    /// Items a kindermodus lock refused: held back until the lock ends (a fresh login or
    /// `/api/me` after the unlock: [`Outbox::logged_in`]).
    static LOCKED: RefCell<Vec<Uuid>> = const { RefCell::new(Vec::new()) };
    /// Bumped for every retry timer set; a timer that finds another number was replaced.
    static TIMER: Cell<u32> = const { Cell::new(0) };
}

impl Outbox {
    /// Makes the outbox for the app and starts listening for `online` and the page being shown.
    pub fn provide() -> Self {
        let ob = Self {
            summary: RwSignal::new(OutboxSummary::default()),
            acked: RwSignal::new(HashMap::new()),
            refused: RwSignal::new(HashMap::new()),
            needs_login: RwSignal::new(false),
            persisted: RwSignal::new(None),
        };
        CURRENT.with(|c| c.set(Some(ob)));
        let online = window_event_listener_untyped("online", move |_| ob.drain());
        let shown = window_event_listener_untyped("visibilitychange", move |_| {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                ob.drain();
            }
        });
        on_cleanup(move || {
            online.remove();
            shown.remove();
        });
        ob
    }

    /// The outbox of the app (usable outside components too: in event handlers and tasks).
    pub fn get() -> Self {
        CURRENT
            .with(Cell::get)
            .expect("the app made its outbox at start")
    }

    /// `owner` has logged in: reads their drafts into memory (then `ready` runs), and sends
    /// what waits for them.
    pub fn logged_in(self, owner: Uuid, ready: impl FnOnce() + 'static) {
        OWNER.with(|o| o.set(Some(owner)));
        self.needs_login.set(false);
        // What a kindermodus lock (or the login before) refused is tried again: the server
        // has told afresh who is logged in, and whether a lock is on.
        self.refused.set(HashMap::new());
        LOCKED.with(|l| l.borrow_mut().clear());
        DRAIN.with(|d| d.set(Drain::default()));
        leptos::task::spawn_local(async move {
            drafts::load_for(owner).await;
            ready();
            self.reload_entries().await;
            self.drain();
            self.ask_persist();
        });
    }

    /// Nobody is logged in any more: nothing is shown or sent.
    pub fn logged_out(self) {
        OWNER.with(|o| o.set(None));
        drafts::unload();
        self.refresh();
    }

    /// Puts an artefact (id, whole upload) in the outbox for `owner`; returns once it is on
    /// the tablet's disk, then starts sending it.
    pub async fn enqueue(self, owner: Uuid, id: Uuid, upload: &Outgoing) -> Result<(), String> {
        let entry = OutboxEntry {
            owner,
            queued_at_ms: js_sys::Date::now() as i64,
            id,
        };
        let item = js_sys::Object::new();
        let head = envelope_head(&upload.record, &upload.files);
        let files = js_sys::Array::new();
        for f in &upload.files {
            files.push(&js_sys::Uint8Array::from(f.bytes.as_slice()));
        }
        set(&item, "id", &JsValue::from_str(&id.to_string()));
        set(&item, "owner", &JsValue::from_str(&owner.to_string()));
        set(
            &item,
            "queued_at",
            &JsValue::from_f64(entry.queued_at_ms as f64),
        );
        set(&item, "head", &js_sys::Uint8Array::from(head.as_slice()));
        set(&item, "files", &files);
        store::put(OUTBOX, &entry.key(), &item).await?;
        ENTRIES.with(|e| e.borrow_mut().push(entry));
        self.refresh();
        self.drain();
        Ok(())
    }

    /// Sends what waits for the logged-in therapist, oldest first, until the outbox is empty
    /// or the server cannot be reached (then a retry is set, backing off).
    pub fn drain(self) {
        if DRAINING.with(Cell::get) {
            AGAIN.with(|a| a.set(true));
            return;
        }
        DRAINING.with(|d| d.set(true));
        leptos::task::spawn_local(async move {
            loop {
                AGAIN.with(|a| a.set(false));
                self.send_round().await;
                if !AGAIN.with(Cell::get) {
                    break;
                }
            }
            DRAINING.with(|d| d.set(false));
            self.refresh();
        });
    }

    async fn send_round(self) {
        let mut held: Vec<Uuid> = self.refused.with_untracked(|r| r.keys().copied().collect());
        held.extend(LOCKED.with(|l| l.borrow().clone()));
        let owner = OWNER.with(Cell::get);
        let list = ENTRIES.with(|e| to_send(&e.borrow(), owner, &held));
        for entry in list {
            // Someone else logged in meanwhile: their session must not carry this item.
            if OWNER.with(Cell::get) != Some(entry.owner) {
                return;
            }
            let outcome = match self.send(entry).await {
                Ok(Some(a)) => {
                    self.acked.update(|m| {
                        m.insert(a.id, a.stored_at);
                    });
                    Outcome::Acknowledged
                }
                // Gone from the tablet already (sent by another tab of this page).
                Ok(None) => continue,
                Err(outcome) => outcome,
            };
            match &outcome {
                Outcome::Refused(message) => self.refused.update(|m| {
                    m.insert(entry.id, message.clone());
                }),
                Outcome::Locked => LOCKED.with(|l| l.borrow_mut().push(entry.id)),
                _ => {}
            }
            let next = DRAIN.with(|d| {
                let mut drain = d.get();
                let next = drain.after(&outcome);
                d.set(drain);
                next
            });
            self.refresh();
            match next {
                Next::SendNext => {}
                Next::RetryIn(ms) => return self.retry_in(ms),
                Next::WaitForLogin => return self.needs_login.set(true),
            }
        }
    }

    /// One item's PUT; on the acknowledgement the item leaves the outbox.
    async fn send(self, entry: OutboxEntry) -> Result<Option<Artefact>, Outcome> {
        let key = entry.key();
        let gone = || {
            ENTRIES.with(|e| e.borrow_mut().retain(|x| x.id != entry.id));
        };
        let item = match store::get(OUTBOX, &key).await {
            Ok(Some(item)) => item,
            Ok(None) => {
                gone();
                return Ok(None);
            }
            Err(e) => {
                leptos::logging::error!("outbox item not read: {e}");
                return Err(Outcome::Unreachable);
            }
        };
        let parts = js_sys::Array::new();
        parts.push(&get(&item, "head"));
        if let Ok(files) = get(&item, "files").dyn_into::<js_sys::Array>() {
            for f in files.iter() {
                parts.push(&f);
            }
        }
        let path = format!("/api/artefacts/{}", entry.id);
        match api::put_parts::<Artefact>(&path, &parts).await {
            Ok(a) => {
                // Acknowledged: only now may it leave. Should removing fail, the next drain
                // sends it again, and the server answers the same PUT the same way.
                let _ = store::delete(OUTBOX, &[key]).await;
                gone();
                Ok(Some(a))
            }
            Err(f) => Err(Outcome::of_answer(f.status, &f.code, &f.message)),
        }
    }

    /// Tries again after `ms`; while the browser says it is offline, it looks every
    /// [`OFFLINE_LOOK_MS`] whether it is back instead (the `online` event is not always
    /// delivered, and looking costs no request).
    fn retry_in(self, ms: u64) {
        let n = TIMER.with(|t| {
            t.set(t.get().wrapping_add(1));
            t.get()
        });
        self.retry_timer(n, ms);
    }

    fn retry_timer(self, n: u32, ms: u64) {
        let offline = !online();
        let wait = if offline { OFFLINE_LOOK_MS.min(ms) } else { ms };
        set_timeout(
            move || {
                if TIMER.with(Cell::get) != n {
                    return;
                }
                match (offline, online()) {
                    // Still offline: look again, the backoff's remaining wait unchanged.
                    (true, false) => self.retry_timer(n, ms),
                    _ => self.drain(),
                }
            },
            std::time::Duration::from_millis(wait),
        );
    }

    async fn reload_entries(self) {
        let entries: Vec<OutboxEntry> = store::keys(OUTBOX)
            .await
            .unwrap_or_default()
            .iter()
            .filter_map(|k| OutboxEntry::from_key(k))
            .collect();
        ENTRIES.with(|e| *e.borrow_mut() = entries);
        self.refresh();
    }

    /// Recomputes what the screen shows.
    fn refresh(self) {
        let owner = OWNER.with(Cell::get);
        let s = ENTRIES.with(|e| summary(&e.borrow(), owner, js_sys::Date::now() as i64));
        self.summary.try_set(s);
    }

    /// Asks the browser to keep the tablet's storage under pressure (Safari and Chromium may
    /// otherwise evict it).
    fn ask_persist(self) {
        let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
            return;
        };
        let Ok(promise) = storage.persist() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let granted = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool());
            self.persisted.try_set(granted);
        });
    }

    /// The logged-in therapist's id (for a work form's items).
    pub fn owner() -> Option<Uuid> {
        OWNER.with(Cell::get)
    }
}

/// While offline, how often the outbox looks whether the tablet is back online, ms.
const OFFLINE_LOOK_MS: u64 = 1_000;

/// What the browser says of the network (true when it cannot tell).
fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

fn set(obj: &js_sys::Object, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(name), value);
}

fn get(obj: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// When the oldest item was queued, written out for the warning.
pub fn oldest_text(s: &OutboxSummary) -> String {
    s.oldest_ms
        .and_then(chrono::DateTime::from_timestamp_millis)
        .map(util::datetime_long)
        .unwrap_or_default()
}
