//! Kindermodus in the app: while the server says this login session is locked (`/api/me`'s
//! `kiosk`), the router shows only the locked work form — any other address, the back button,
//! a reload or a second tab lands there again — the work forms hide their way back, and a
//! discreet corner held for 2 seconds opens the PIN pad. The server refuses everything else
//! anyway; this is what makes it calm for the child.

mod pad;
pub mod start;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use speelruimte_model::{KioskLock, KioskView, WorkForm, cue_before_end_seconds};
use wasm_bindgen::{JsCast, JsValue};

use crate::Auth;
use crate::browser::device;
use crate::i18n::tk;

/// How long the corner must be held.
pub const HOLD_MS: u64 = 2000;

/// The address segment of a work form's screen.
pub fn segment(form: WorkForm) -> &'static str {
    match form {
        WorkForm::Beeldend => "tekenen",
        WorkForm::Muziek => "muziek",
        WorkForm::Spanning => "spanning",
    }
}

/// The address of the screen a lock shows; `None` once its client or session is gone.
pub fn path_of(lock: &KioskLock) -> Option<String> {
    if lock.view == KioskView::Gallery {
        return Some(format!("/clients/{}/galerij", lock.client_id?));
    }
    Some(format!(
        "/clients/{}/sessies/{}/{}",
        lock.client_id?,
        lock.session_id?,
        segment(lock.work_form)
    ))
}

/// The lock on this browser's login session, as the server last told it.
pub fn current() -> Option<KioskLock> {
    use_context::<Auth>().and_then(|a| a.me.with_untracked(|m| m.as_ref()?.kiosk.clone()))
}

/// True while this browser is in kindermodus (the work forms then hide their way back).
pub fn locked() -> bool {
    current().is_some()
}

/// Calls a method by name on a JS object, ignoring whatever fails (a browser without it).
fn call(target: &JsValue, method: &str, arg: Option<&JsValue>) -> Option<JsValue> {
    let f = js_sys::Reflect::get(target, &JsValue::from_str(method)).ok()?;
    let f = f.dyn_into::<js_sys::Function>().ok()?;
    match arg {
        Some(a) => f.call1(target, a).ok(),
        None => f.call0(target).ok(),
    }
}

/// Waits for a promise whose refusal means nothing here (so it is no unhandled rejection).
fn ignore(p: js_sys::Promise) {
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    });
}

/// Asks for full screen (needs a tap in progress); where the browser refuses, nothing happens.
/// iPadOS Safari shows an overlay and a swipe leaves it: see the README on Guided Access.
pub fn enter_fullscreen() {
    if in_fullscreen() {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.document_element() else {
        return;
    };
    let root: JsValue = root.into();
    let promise = call(&root, "requestFullscreen", None)
        .or_else(|| call(&root, "webkitRequestFullscreen", None));
    // A refusal is a rejected promise: caught, so it is not an unhandled error in the console.
    if let Some(p) = promise.and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
        ignore(p);
    }
}

/// Whether the page is in full screen.
fn in_fullscreen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| js_sys::Reflect::get(&d, &JsValue::from_str("fullscreenElement")).ok())
        .is_some_and(|e| !e.is_null() && !e.is_undefined())
}

/// Leaves full screen if the page is in it.
pub fn exit_fullscreen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let doc: JsValue = doc.into();
    if in_fullscreen()
        && let Some(p) =
            call(&doc, "exitFullscreen", None).and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    {
        ignore(p);
    }
}

/// Inside the router: whenever the address is not the locked work form's, goes there. A new
/// history entry, not a replacement, so the back button never walks out of the app.
#[component]
pub fn KioskGuard() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let here = location.pathname.get();
        let target = auth
            .me
            .with(|m| m.as_ref().and_then(|m| m.kiosk.as_ref()).map(path_of));
        match target {
            Some(Some(path)) if path != here => navigate(&path, Default::default()),
            _ => {}
        }
    });
    view! {
        <Show when=move || auth.me.with(|m| m.as_ref().is_some_and(|m| m.kiosk.is_some()))>
            <KioskLayer />
        </Show>
    }
}

/// Where the time frame stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Plenty of time, or no time frame.
    Open,
    /// Near the end: the calm cue.
    Near,
    /// The time is up: the cue stays, nothing stops.
    Over,
}

impl Phase {
    fn code(self) -> &'static str {
        match self {
            Phase::Open => "open",
            Phase::Near => "near",
            Phase::Over => "over",
        }
    }
}

/// What lies over the locked work form: the screen kept awake, full screen asked for at the
/// end of the first touch (a reload loses it, and only a tap may ask), the corner, the PIN pad,
/// the cue.
#[component]
fn KioskLayer() -> impl IntoView {
    device::use_wake_lock(Signal::derive(|| true));
    let lock = current();
    let pad_open = RwSignal::new(false);
    let holding = RwSignal::new(false);
    let hold_timer = StoredValue::new_local(None::<TimeoutHandle>);
    let phase = RwSignal::new(Phase::Open);
    // The cue at its time, measured from this answer (the tablet's clock does not matter).
    if let Some((minutes, left)) = lock
        .as_ref()
        .and_then(|l| Some((l.minutes?, l.seconds_left?)))
    {
        let cue = cue_before_end_seconds(minutes);
        let set_at = move |secs: u64, to: Phase| {
            if secs == 0 {
                phase.set(to);
            } else if let Ok(h) = set_timeout_with_handle(
                move || {
                    phase.try_set(to);
                },
                std::time::Duration::from_secs(secs),
            ) {
                on_cleanup(move || h.clear());
            }
        };
        set_at(left.saturating_sub(cue), Phase::Near);
        set_at(left, Phase::Over);
    }
    // At the end of a touch, not its start: going full screen resizes the page, which must not
    // happen in the middle of a stroke. (A lifting finger or pen may still ask for it.)
    let fullscreen_once = window_event_listener(leptos::ev::pointerup, move |_| enter_fullscreen());
    on_cleanup(move || fullscreen_once.remove());

    let release = move || {
        holding.set(false);
        if let Some(h) = hold_timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    let press = move |ev: leptos::ev::PointerEvent| {
        ev.prevent_default();
        holding.set(true);
        if let Ok(h) = set_timeout_with_handle(
            move || {
                if holding.try_get_untracked() == Some(true) {
                    holding.set(false);
                    pad_open.set(true);
                }
            },
            std::time::Duration::from_millis(HOLD_MS),
        ) {
            hold_timer.set_value(Some(h));
        }
    };
    view! {
        <div class="kiosk-cue" aria-live="polite" data-testid="kiosk-cue" data-phase=move || phase.get().code()>
            <Show when=move || phase.get() != Phase::Open>
                <span class="kiosk-cue-badge">
                    <span class="kiosk-cue-dot" aria-hidden="true"></span>
                    {move || if phase.get() == Phase::Over { tk().time_up } else { tk().almost_done }}
                </span>
            </Show>
        </div>
        <button type="button" class="kiosk-corner" data-testid="kiosk-corner"
            data-state=move || if holding.get() { "holding" } else { "idle" }
            aria-label=tk().corner title=tk().corner
            on:pointerdown=press
            on:pointerup=move |_| release()
            on:pointerleave=move |_| release()
            on:pointercancel=move |_| release()
            on:contextmenu=|ev| ev.prevent_default()>
            <span class="kiosk-corner-ring" aria-hidden="true"></span>
        </button>
        <Show when=move || pad_open.get()>
            <pad::PinPad on_close=Callback::new(move |_| pad_open.set(false)) />
        </Show>
    }
}
