//! Work in progress of the work forms (a drawing's strokes, what was played, an exercise run
//! and its ratings), kept in IndexedDB as it is made and given back after a reload, a crashed
//! tab or a browser restart. A draft belongs to the therapist logged in when it was made
//! (`speelruimte_model::outbox::draft_key`) and is let go when its artefact is handed to the
//! outbox, or at that therapist's logout.
//!
//! The drafts of the logged-in therapist are read into memory once after login (before any
//! screen shows), so a work form restores its draft as it opens, without waiting.

use std::cell::RefCell;
use std::collections::HashMap;

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

/// Keeps `bytes` as the draft of `form` at `place`; `done` hears whether it is stored.
pub fn keep(form: &str, place: &str, bytes: Vec<u8>, done: impl FnOnce(bool) + 'static) {
    let Some(k) = key(form, place) else {
        return done(false);
    };
    let value = js_sys::Uint8Array::from(bytes.as_slice());
    CACHE.with(|c| c.borrow_mut().insert(k.clone(), bytes));
    leptos::task::spawn_local(async move {
        let stored = store::put(DRAFTS, &k, &value).await;
        if let Err(e) = &stored {
            leptos::logging::error!("work in progress not kept: {e}");
        }
        done(stored.is_ok());
    });
}

/// Lets go of the draft of `form` at `place`.
pub fn forget(form: &str, place: &str) {
    let Some(k) = key(form, place) else { return };
    CACHE.with(|c| c.borrow_mut().remove(&k));
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
