//! Device helpers: keep the screen awake, reduced motion, vibration, spoken guidance, and an
//! animation-frame loop that reports the time so animation follows a clock, not timers.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// True when the person asked their device for less motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// Vibrates in a pattern (ms on, off, on…) where the device can; silently nothing elsewhere.
pub fn vibrate(pattern: &[u32]) {
    if let Some(w) = web_sys::window() {
        let arr: js_sys::Array = pattern.iter().map(|v| JsValue::from(*v)).collect();
        let _ = w.navigator().vibrate_with_pattern(&arr);
    }
}

/// Speaks `text` in Dutch through the browser's speech synthesis, cancelling what it was saying.
pub fn speak(text: &str, lang: &str) {
    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synth.cancel();
    if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        u.set_lang(lang);
        u.set_rate(0.85);
        synth.speak(&u);
    }
}

/// Stops speaking.
pub fn stop_speaking() {
    if let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) {
        synth.cancel();
    }
}

/// Keeps the screen awake while the calling component lives (Screen Wake Lock API), and takes
/// the lock again when the tab becomes visible (browsers release it when hidden). Where the
/// API is missing this does nothing; the returned signal tells whether a lock is held.
pub fn use_wake_lock(active: Signal<bool>) -> ReadSignal<bool> {
    let (held, set_held) = signal(false);
    let sentinel: Rc<RefCell<Option<JsValue>>> = Rc::new(RefCell::new(None));
    let acquire = {
        let sentinel = sentinel.clone();
        move || {
            let Some(w) = web_sys::window() else { return };
            let nav = w.navigator();
            let Ok(wl) = js_sys::Reflect::get(&nav, &JsValue::from_str("wakeLock")) else {
                return;
            };
            if wl.is_undefined() {
                return;
            }
            let Ok(request) = js_sys::Reflect::get(&wl, &JsValue::from_str("request")) else {
                return;
            };
            let Ok(request) = request.dyn_into::<js_sys::Function>() else {
                return;
            };
            let Ok(promise) = request.call1(&wl, &JsValue::from_str("screen")) else {
                return;
            };
            let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
                return;
            };
            let sentinel = sentinel.clone();
            leptos::task::spawn_local(async move {
                if let Ok(s) = wasm_bindgen_futures::JsFuture::from(promise).await {
                    *sentinel.borrow_mut() = Some(s);
                    set_held.set(true);
                }
            });
        }
    };
    let release = {
        let sentinel = sentinel.clone();
        move || {
            if let Some(s) = sentinel.borrow_mut().take()
                && let Ok(f) = js_sys::Reflect::get(&s, &JsValue::from_str("release"))
                && let Ok(f) = f.dyn_into::<js_sys::Function>()
            {
                let _ = f.call0(&s);
            }
            set_held.set(false);
        }
    };
    Effect::new({
        let (acquire, release) = (acquire.clone(), release.clone());
        move |_| if active.get() { acquire() } else { release() }
    });
    let visible = window_event_listener_untyped("visibilitychange", move |_| {
        let shown = web_sys::window()
            .and_then(|w| w.document())
            .map(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
            .unwrap_or(false);
        if shown && active.get_untracked() {
            acquire();
        }
    });
    let release = send_wrapper::SendWrapper::new(release);
    on_cleanup(move || {
        visible.remove();
        release();
    });
    held
}

/// The self-rescheduling animation-frame closure.
type FrameCallback = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

/// Calls `tick(now_ms)` on every animation frame while the calling component lives, with
/// `performance.now()` so that callers compute positions from elapsed time (no drift).
pub fn use_animation_frame(tick: impl Fn(f64) + 'static) {
    let alive = Rc::new(RefCell::new(true));
    let f: FrameCallback = Rc::new(RefCell::new(None));
    let g = f.clone();
    let alive2 = alive.clone();
    *g.borrow_mut() = Some(Closure::new(move |now: f64| {
        if !*alive2.borrow() {
            f.borrow_mut().take();
            return;
        }
        tick(now);
        if let (Some(w), Some(cb)) = (web_sys::window(), f.borrow().as_ref()) {
            let _ = w.request_animation_frame(cb.as_ref().unchecked_ref());
        }
    }));
    if let (Some(w), Some(cb)) = (web_sys::window(), g.borrow().as_ref()) {
        let _ = w.request_animation_frame(cb.as_ref().unchecked_ref());
    }
    let alive = send_wrapper::SendWrapper::new(alive);
    on_cleanup(move || *alive.borrow_mut() = false);
}

/// `performance.now()` in ms.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Runs `f` in the next animation frame after the current one: for work that follows an
/// input event (a pen lifting) but need not share its frame. The first request lands in the
/// frame the event is in, the second in the one after.
pub fn in_next_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || request_animation_frame(f));
}
