//! Work in progress of the work forms (a drawing's strokes, what was played, an exercise run
//! and its ratings), kept in IndexedDB as it is made and given back after a reload, a crashed
//! tab or a browser restart. A draft belongs to the therapist logged in when it was made
//! (`speelruimte_model::outbox::draft_key`) and is let go when its artefact is handed to the
//! outbox, or at that therapist's logout.
//!
//! The drafts of the logged-in therapist are read into memory once after login (before any
//! screen shows), so a work form restores its draft as it opens, without waiting.
//!
//! A page that is going away (a reload right after the pen lifts) cannot wait for IndexedDB:
//! its last change is also written at once to session storage (a *rescue*, this tab only),
//! which the next load takes over into IndexedDB. A rescue is dropped as soon as a later keep
//! of the same draft is in IndexedDB, so an older rescue never wins over newer work.

use std::cell::RefCell;
use std::collections::HashMap;

use base64::Engine as _;
use speelruimte_model::outbox::{draft_key, key_owner};
use uuid::Uuid;
use wasm_bindgen::JsCast;

use super::store::{self, DRAFTS};

thread_local! {
    /// The logged-in therapist's drafts by key, as last kept.
    static CACHE: RefCell<HashMap<String, Vec<u8>>> = RefCell::new(HashMap::new());
    static OWNER: RefCell<Option<Uuid>> = const { RefCell::new(None) };
}

/// The drawing work form's drafts.
pub const DRAWING: &str = "tekenen";
/// The music work form's drafts.
pub const MUSIC: &str = "muziek";
/// The exercise work form's drafts.
pub const EXERCISE: &str = "spanning";

fn key(form: &str, place: &str) -> Option<String> {
    OWNER.with(|o| o.borrow().map(|owner| draft_key(owner, form, place)))
}

/// Session storage's name for the rescue of draft `key`.
const RESCUE: &str = "speelruimte.rescue.";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn drop_rescue(key: &str) {
    if let Some(s) = session() {
        let _ = s.remove_item(&format!("{RESCUE}{key}"));
    }
}

/// The rescues this tab holds for `owner`, taken out of session storage.
fn take_rescues(owner: Uuid) -> Vec<(String, Vec<u8>)> {
    let Some(s) = session() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    let names: Vec<String> = (0..n).filter_map(|i| s.key(i).ok().flatten()).collect();
    let mut found = Vec::new();
    for name in names {
        let Some(key) = name.strip_prefix(RESCUE) else {
            continue;
        };
        if key_owner(key) != Some(owner) {
            continue;
        }
        if let Ok(Some(b64)) = s.get_item(&name)
            && let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(b64)
        {
            found.push((key.to_owned(), bytes));
        }
        let _ = s.remove_item(&name);
    }
    found
}

/// Reads `owner`'s drafts into memory (and forgets any other therapist's).
pub async fn load_for(owner: Uuid) {
    OWNER.with(|o| *o.borrow_mut() = Some(owner));
    let mut found = HashMap::new();
    for k in store::keys(DRAFTS).await.unwrap_or_default() {
        if key_owner(&k) != Some(owner) {
            continue;
        }
        if let Ok(Some(v)) = store::get(DRAFTS, &k).await
            && let Ok(bytes) = v.dyn_into::<js_sys::Uint8Array>()
        {
            found.insert(k, bytes.to_vec());
        }
    }
    // What a page going away rescued is newer than what IndexedDB holds.
    for (k, bytes) in take_rescues(owner) {
        let value = js_sys::Uint8Array::from(bytes.as_slice());
        if store::put(DRAFTS, &k, &value).await.is_err() {
            leptos::logging::error!("rescued work in progress not moved to IndexedDB");
        }
        found.insert(k, bytes);
    }
    CACHE.with(|c| *c.borrow_mut() = found);
}

/// Forgets the drafts in memory (nobody is logged in).
pub fn unload() {
    OWNER.with(|o| *o.borrow_mut() = None);
    CACHE.with(|c| c.borrow_mut().clear());
}

/// The draft of work form `form` at `place` (a session id), if one is kept.
pub fn read(form: &str, place: &str) -> Option<Vec<u8>> {
    let k = key(form, place)?;
    CACHE.with(|c| c.borrow().get(&k).cloned())
}

/// Whether a draft of `form` at `place` is kept.
pub fn has(form: &str, place: &str) -> bool {
    key(form, place).is_some_and(|k| CACHE.with(|c| c.borrow().contains_key(&k)))
}

/// Keeps `bytes` as the draft of `form` at `place`; `done` hears whether it is stored.
pub fn keep(form: &str, place: &str, bytes: Vec<u8>, done: impl FnOnce(bool) + 'static) {
    let Some(k) = key(form, place) else {
        return done(false);
    };
    let value = js_sys::Uint8Array::from(bytes.as_slice());
    CACHE.with(|c| c.borrow_mut().insert(k.clone(), bytes));
    leptos::task::spawn_local(async move {
        let stored = store::put(DRAFTS, &k, &value).await;
        match &stored {
            Ok(()) => drop_rescue(&k),
            Err(e) => leptos::logging::error!("work in progress not kept: {e}"),
        }
        done(stored.is_ok());
    });
}

/// [`keep`] for a page going away: also written at once to this tab's session storage, in
/// case the page is gone before IndexedDB has it.
pub fn keep_at_exit(form: &str, place: &str, bytes: Vec<u8>) {
    if let (Some(k), Some(s)) = (key(form, place), session()) {
        let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
        let _ = s.set_item(&format!("{RESCUE}{k}"), &b64);
    }
    keep(form, place, bytes, |_| ());
}

/// Lets go of the draft of `form` at `place`.
pub fn forget(form: &str, place: &str) {
    let Some(k) = key(form, place) else { return };
    CACHE.with(|c| c.borrow_mut().remove(&k));
    drop_rescue(&k);
    leptos::task::spawn_local(async move {
        let _ = store::delete(DRAFTS, &[k]).await;
    });
}

/// How many drafts the logged-in therapist has on this tablet.
pub fn count() -> usize {
    CACHE.with(|c| c.borrow().len())
}

/// Removes every draft of `owner` from the tablet (at logout), and any draft whose owner
/// cannot be read; other therapists' drafts stay (they may still save them).
pub async fn remove_all_of(owner: Uuid) {
    let gone: Vec<String> = store::keys(DRAFTS)
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|k| key_owner(k).is_none_or(|o| o == owner))
        .collect();
    let _ = store::delete(DRAFTS, &gone).await;
    unload();
}
