//! A logout the server has not heard yet. Logging out while the server cannot be reached ends
//! the tab at once, but the login session on the server would stay valid: the next person on
//! the tablet could come back online logged in as the previous therapist. So the logout is
//! remembered (in local storage: only the ended session's CSRF token, no client data), the app
//! treats the tablet as logged out meanwhile, and the logout is sent before anything else as
//! soon as the server answers: at start, before a login, when the tablet comes online, when
//! the page is shown again and every few seconds.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::api;

/// The key in local storage (kept by the logout's wipe, see `outbox::wipe`).
pub const KEY: &str = "speelruimte.uitloggen";

/// How often a pending logout is tried again while the page runs, ms.
const RETRY_MS: u64 = 3_000;

thread_local! {
    /// Whether a retry loop is running in this page.
    static TRYING: Cell<bool> = const { Cell::new(false) };
    /// Whether the `online` and `visibilitychange` listeners are set.
    static LISTENING: Cell<bool> = const { Cell::new(false) };
    /// Whether a logout request is on its way now (see [`flush`]).
    static SENDING: Cell<bool> = const { Cell::new(false) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Remembers that the login session with `csrf` must still be ended on the server, and keeps
/// trying to end it.
pub fn remember(csrf: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, csrf);
    }
    keep_trying();
}

/// True while a logout waits to be sent.
pub fn pending() -> bool {
    csrf().is_some()
}

fn csrf() -> Option<String> {
    storage()?.get_item(KEY).ok()?
}

fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}

/// Sends the pending logout, if any. True when none is pending any more: sent, or the server
/// says that login session has ended already (401; 403 when the browser's cookie is another
/// one). False when the server cannot be reached: nobody may work as that login meanwhile.
///
/// One request at a time: a second caller (the `online` event beside the retry loop) waits for
/// the one on its way. Two at once would race: the second one's 401 (the first has ended the
/// login) could clear the note while the first one's answer, which removes the cookie, is
/// still on its way, and a navigation then would keep the ended login's cookie.
pub async fn flush() -> bool {
    while SENDING.with(Cell::get) {
        sleep(50).await;
    }
    let Some(token) = csrf() else {
        return true;
    };
    SENDING.with(|s| s.set(true));
    let done = send(token).await;
    SENDING.with(|s| s.set(false));
    done
}

async fn send(token: String) -> bool {
    api::set_csrf(Some(token));
    let sent = api::send_empty("POST", "/api/logout").await;
    api::set_csrf(None);
    match sent {
        Ok(()) => {
            clear();
            true
        }
        Err(f) if f.status == 401 || f.status == 403 => {
            clear();
            true
        }
        Err(_) => false,
    }
}

/// Tries the pending logout again every few seconds (and at once when the tablet comes
/// online or the page is shown), until it has been sent. One loop per page.
pub fn keep_trying() {
    if !LISTENING.with(|l| l.replace(true)) {
        for event in ["online", "visibilitychange"] {
            let cb = Closure::<dyn Fn()>::new(|| {
                leptos::task::spawn_local(async {
                    let _ = flush().await;
                });
            });
            if let Some(w) = web_sys::window() {
                let _ = w.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
            }
            cb.forget();
        }
    }
    if TRYING.with(|t| t.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async {
        while pending() {
            if flush().await {
                break;
            }
            sleep(RETRY_MS).await;
        }
        TRYING.with(|t| t.set(false));
    });
}

/// Waits `ms` of the page's clock.
async fn sleep(ms: u64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
