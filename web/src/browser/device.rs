//! Device helpers: keep the screen awake, reduced motion, vibration, spoken guidance, and an
//! animation-frame loop that reports the time so animation follows a clock, not timers.

use std::cell::{Cell, RefCell};
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

/// A loop of animation frames that runs only while there is something to do: the browser
/// draws no frames for a page that asks for none, which spares a tablet's battery while a
/// screen sits open. See [`use_frame_loop`]; `tick` gets `performance.now()`, so callers
/// compute positions from elapsed time (no drift).
#[derive(Clone, Copy)]
pub struct FrameLoop(StoredValue<Rc<LoopState>, LocalStorage>);

impl FrameLoop {
    /// Makes sure the next animation frame calls the loop's `tick` (once, however often this
    /// is called before it).
    pub fn wake(&self) {
        self.0.try_with_value(|s| s.schedule());
    }

    /// Wakes the loop whenever `running` (which reads signals) turns or stays true as they
    /// change: playing, an exercise resumed.
    pub fn wake_when(self, running: impl Fn() -> bool + 'static) {
        Effect::new(move |_| {
            if running() {
                self.wake();
            }
        });
    }
}

/// The closure the browser calls in an animation frame.
type FrameCallback = Closure<dyn FnMut(f64)>;

/// The loop's closure, and whether a frame is asked for or the component is gone.
struct LoopState {
    callback: RefCell<Option<FrameCallback>>,
    scheduled: Cell<bool>,
    alive: Cell<bool>,
}

impl LoopState {
    fn schedule(&self) {
        if self.scheduled.get() || !self.alive.get() {
            return;
        }
        if let (Some(w), Some(cb)) = (web_sys::window(), self.callback.borrow().as_ref()) {
            let _ = w.request_animation_frame(cb.as_ref().unchecked_ref());
            self.scheduled.set(true);
        }
    }
}

/// Calls `tick(now_ms)` in animation frames while it returns `true`; once it returns `false`
/// no frame is asked for until [`FrameLoop::wake`]. Stops when the calling component goes.
pub fn use_frame_loop(tick: impl Fn(f64) -> bool + 'static) -> FrameLoop {
    let state = Rc::new(LoopState {
        callback: RefCell::new(None),
        scheduled: Cell::new(false),
        alive: Cell::new(true),
    });
    // The closure owns the state it is kept in; the cycle is broken when the component goes:
    // at once if no frame is asked for, otherwise by the frame's call (wasm-bindgen frees a
    // closure dropped during its own call once the call returns).
    let s = state.clone();
    *state.callback.borrow_mut() = Some(Closure::new(move |now: f64| {
        s.scheduled.set(false);
        if !s.alive.get() {
            s.callback.borrow_mut().take();
        } else if tick(now) {
            s.schedule();
        }
    }));
    let handle = FrameLoop(StoredValue::new_local(state.clone()));
    let state = send_wrapper::SendWrapper::new(state);
    on_cleanup(move || {
        state.alive.set(false);
        if !state.scheduled.get() {
            state.callback.borrow_mut().take();
        }
    });
    handle
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
