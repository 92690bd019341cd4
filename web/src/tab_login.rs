//! Who is logged in in this tab, kept in the tab's session storage so that the app, started
//! again from the service worker's shell while the server cannot be reached (a reload in a
//! room without wifi), still knows its therapist and opens the work forms. Session storage
//! belongs to the one tab and goes when the tab is closed; it holds the therapist's own
//! account, never client data. A server that answers (401 or a login) always decides.

use speelruimte_model::Me;

/// The key in session storage.
pub const KEY: &str = "speelruimte.ingelogd";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Keeps `me` for this tab.
pub fn remember(me: &Me) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(me)) {
        let _ = s.set_item(KEY, &json);
    }
}

/// The therapist kept for this tab, if any.
pub fn recall() -> Option<Me> {
    let json = storage()?.get_item(KEY).ok()??;
    serde_json::from_str(&json).ok()
}

/// Forgets the therapist of this tab (logout, or the server said nobody is logged in).
pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}
