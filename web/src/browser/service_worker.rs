//! The service worker (`web/static/sw.js`, filled in by `cargo xtask build`): registered when
//! the app starts, asking nothing of the user, so the app shell is kept for use without a
//! network. A new version installs in the background and then waits; [`use_update`] says when
//! one waits, and [`switch_now`] lets it take over, reloading this page once it has.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Where the worker is served.
const WORKER_URL: &str = "/sw.js";

thread_local! {
    /// The app's registration, once the browser has given it.
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// Set when the therapist chose to switch: only then does a change of worker reload the
    /// page (the first worker also takes the page, and that must not reload it).
    static SWITCHING: Cell<bool> = const { Cell::new(false) };
}

/// Whether a new version of the app waits to take over; shared by the screens through the
/// context (see [`provide_update`]).
#[derive(Clone, Copy)]
pub struct Update {
    /// True once a new version is installed and waiting.
    pub ready: RwSignal<bool>,
}

/// The worker container, where this browser has one (not in an insecure context).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .is_some_and(|v| !v.is_undefined() && !v.is_null());
    has.then(|| navigator.service_worker())
}

/// Registers the worker and provides [`Update`] to the screens. Call once, from the app.
pub fn provide_update() {
    let update = Update {
        ready: RwSignal::new(false),
    };
    provide_context(update);
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::<dyn FnMut()>::new(|| {
        if SWITCHING.replace(false)
            && let Some(w) = web_sys::window()
        {
            let _ = w.location().reload();
        }
    });
    let _ = container
        .add_event_listener_with_callback("controllerchange", reload.as_ref().unchecked_ref());
    reload.forget();
    leptos::task::spawn_local(async move {
        // Offline on a first visit, or in a browser that refuses: the app runs without it.
        let Ok(reg) = JsFuture::from(container.register(WORKER_URL)).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        watch(&container, &reg, update);
        REGISTRATION.with(|r| *r.borrow_mut() = Some(reg));
        // Registering an unchanged worker does not look for a new one: each start does.
        check_for_update();
    });
    // A tablet may keep the app open for days: look for a new version when it is shown again.
    let look = Closure::<dyn FnMut()>::new(|| {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        if visible {
            check_for_update();
        }
    });
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        let _ =
            d.add_event_listener_with_callback("visibilitychange", look.as_ref().unchecked_ref());
    }
    look.forget();
}

/// Marks `update` ready whenever a new version has installed and waits. A worker that
/// installs while no worker controls the page is the first one, not an update.
fn watch(container: &ServiceWorkerContainer, reg: &ServiceWorkerRegistration, update: Update) {
    let check = {
        let container = container.clone();
        let reg = reg.clone();
        move || {
            let waiting = reg
                .waiting()
                .is_some_and(|w| w.state() == ServiceWorkerState::Installed);
            if waiting && container.controller().is_some() {
                update.ready.try_set(true);
                show_state("waiting");
            }
        }
    };
    check();
    // Follows the worker installing now, if any, to its end.
    let follow = {
        let reg = reg.clone();
        move || {
            if let Some(worker) = reg.installing() {
                let on_state = Closure::<dyn FnMut()>::new(check.clone());
                let _ = worker.add_event_listener_with_callback(
                    "statechange",
                    on_state.as_ref().unchecked_ref(),
                );
                on_state.forget();
            }
        }
    };
    // One may have started before the app was told of the registration.
    follow();
    let found = Closure::<dyn FnMut()>::new(follow);
    let _ = reg.add_event_listener_with_callback("updatefound", found.as_ref().unchecked_ref());
    found.forget();
}

/// Asks the server whether there is a new worker (quietly: offline it simply finds none).
fn check_for_update() {
    let Some(reg) = REGISTRATION.with(|r| r.borrow().clone()) else {
        return;
    };
    if let Ok(promise) = reg.update() {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
            if reg.installing().is_none() && reg.waiting().is_none() {
                show_state("none");
            }
        });
    }
}

/// Shows on the root element what the page knows of a new version (`data-update`: "none" once
/// a look found none, "waiting" while one waits), so a test can wait for the page to know
/// before it checks that no note shows.
fn show_state(state: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-update", state);
    }
}

/// Lets the waiting version take over; the page reloads once it has. Nothing happens when no
/// version waits.
pub fn switch_now() {
    let Some(waiting) = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting())) else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into());
    SWITCHING.set(true);
    let _ = waiting.post_message(&message);
}
