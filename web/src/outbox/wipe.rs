//! Logout on a shared tablet: nothing of a client may stay behind but the therapist's own
//! items still waiting in the outbox (which show to nobody else, and go once they log in
//! again). API and blob answers are `no-store` on the server, so the HTTP cache holds none.

use uuid::Uuid;
use wasm_bindgen_futures::JsFuture;

use super::drafts;

/// The caches of the service worker's app shell (`web/static/sw.js`): the app's own files,
/// never an answer with client data (the worker does not touch `/api`). They stay, so the app
/// still starts offline after a logout.
const SHELL_CACHE_PREFIX: &str = "speelruimte-shell-";

/// The local-storage entries that stay: the language choice and a logout still to send (no
/// client data in either).
const KEEP_LOCAL: &[&str] = &[crate::i18n::STORAGE_KEY, crate::pending_logout::KEY];

/// Removes every trace of client data of `owner` from this tablet: their work in progress in
/// IndexedDB, everything in local storage but the language, session storage, and Cache
/// Storage but the app shell. The outbox is left alone.
pub async fn wipe_for_logout(owner: Uuid) {
    drafts::remove_all_of(owner).await;
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(local)) = window.local_storage() {
        let n = local.length().unwrap_or(0);
        let keys: Vec<String> = (0..n).filter_map(|i| local.key(i).ok().flatten()).collect();
        for k in keys.iter().filter(|k| !KEEP_LOCAL.contains(&k.as_str())) {
            let _ = local.remove_item(k);
        }
    }
    if let Ok(Some(session)) = window.session_storage() {
        let _ = session.clear();
    }
    // Cache Storage: the app's own pages never put client data there, but whatever is there
    // goes (it is only a cache), but for the app shell's own files.
    if let Ok(caches) = window.caches()
        && let Ok(names) = JsFuture::from(caches.keys()).await
    {
        for name in js_sys::Array::from(&names).iter() {
            if let Some(name) = name
                .as_string()
                .filter(|n| !n.starts_with(SHELL_CACHE_PREFIX))
            {
                let _ = JsFuture::from(caches.delete(&name)).await;
            }
        }
    }
}
