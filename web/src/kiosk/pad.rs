//! The PIN pad that ends kindermodus: big digit buttons (no keyboard), dots for what is typed,
//! a calm word when the PIN is wrong and the wait the server asks before the next one, counted
//! down on screen. After too many wrong PINs (or when the therapist prefers) the password ends
//! the lock. Closing the pad returns to the work form, still locked: nothing a child can tap
//! here leads anywhere else.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use speelruimte_model::{KioskLock, KioskPasswordUnlock, KioskPin, KioskUnlock, Me};

use super::exit_fullscreen;
use crate::browser::device;
use crate::i18n::tk;
use crate::{Auth, api};

/// Where the pad stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PadState {
    /// Digits may be typed.
    Ready,
    /// The server is checking.
    Checking,
    /// The server asks to wait before the next PIN.
    Waiting,
    /// Only the password ends the lock now.
    Blocked,
}

impl PadState {
    fn code(self) -> &'static str {
        match self {
            PadState::Ready => "ready",
            PadState::Checking => "checking",
            PadState::Waiting => "waiting",
            PadState::Blocked => "blocked",
        }
    }
}

/// The state the pad opens in, or turns to after an answer, from what the server says.
fn state_of(lock: Option<&KioskLock>) -> (PadState, u64) {
    match lock {
        Some(l) if l.pin_blocked => (PadState::Blocked, 0),
        Some(l) if l.wait_seconds > 0 => (PadState::Waiting, l.wait_seconds),
        _ => (PadState::Ready, 0),
    }
}

#[component]
pub fn PinPad(on_close: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    let lock = auth
        .me
        .with_untracked(|m| m.as_ref().and_then(|m| m.kiosk.clone()));
    let (first, first_wait) = state_of(lock.as_ref());
    let state = RwSignal::new(first);
    let wait_left = RwSignal::new(first_wait);
    let digits = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let with_password = RwSignal::new(first == PadState::Blocked);
    let password = RwSignal::new(String::new());
    let wrong = RwSignal::new(lock.as_ref().map_or(0, |l| l.wrong_pins));

    // The wait, counted down on screen from the server's answer (so it never ends before the
    // server's own wait); then the pad is ready again.
    let ready_at = StoredValue::new(device::now_ms() + first_wait as f64 * 1000.0);
    let wait_for = move |secs: u64| {
        ready_at.set_value(device::now_ms() + secs as f64 * 1000.0);
        wait_left.set(secs);
    };
    if let Ok(h) = set_interval_with_handle(
        move || {
            if state.try_get_untracked() == Some(PadState::Waiting) {
                let left = ((ready_at.get_value() - device::now_ms()) / 1000.0)
                    .ceil()
                    .max(0.0) as u64;
                wait_left.set(left);
                if left == 0 {
                    state.set(PadState::Ready);
                }
            }
        },
        std::time::Duration::from_millis(250),
    ) {
        on_cleanup(move || h.clear());
    }

    // Ended: the server's word first (so the router lets go), then the session screen.
    let session_screen = lock.as_ref().and_then(|l| {
        Some(format!(
            "/clients/{}/sessies/{}",
            l.client_id?, l.session_id?
        ))
    });
    let ended = move || {
        let navigate = navigate.clone();
        let to = session_screen.clone().unwrap_or_else(|| "/".into());
        leptos::task::spawn_local(async move {
            if let Ok(me) = api::get::<Me>("/api/me").await {
                auth.logged_in(me);
            }
            exit_fullscreen();
            navigate(&to, Default::default());
        });
    };
    // Refused: what the server now says about the lock decides the pad's state.
    let refused = move |failure: api::Failure| {
        leptos::task::spawn_local(async move {
            if failure.status == 0 {
                state.try_set(PadState::Ready);
                message.try_set(Some(failure.message));
                return;
            }
            let me = api::get::<Me>("/api/me").await.ok();
            let lock = me.as_ref().and_then(|m| m.kiosk.clone());
            let (next, wait) = state_of(lock.as_ref());
            wrong.try_set(lock.as_ref().map_or(0, |l| l.wrong_pins));
            if let Some(me) = me {
                auth.me.try_set(Some(me));
            }
            if state.try_get_untracked().is_some() {
                wait_for(wait);
                state.set(next);
            }
            with_password.try_update(|p| *p = *p || next == PadState::Blocked);
            message.try_set(Some(match next {
                PadState::Blocked => tk().pad_blocked.to_owned(),
                _ if failure.status == 403 || failure.status == 429 => tk().pad_wrong.to_owned(),
                _ => failure.message,
            }));
        });
    };

    let submit = {
        let ended = ended.clone();
        move || {
            let pin = digits.get_untracked();
            if state.get_untracked() != PadState::Ready || KioskPin::parse(&pin).is_err() {
                return;
            }
            state.set(PadState::Checking);
            message.set(None);
            digits.set(String::new());
            let ended = ended.clone();
            leptos::task::spawn_local(async move {
                match api::send::<_, ()>("POST", "/api/kiosk/unlock", &KioskUnlock { pin }).await {
                    Ok(()) => ended(),
                    Err(f) => refused(f),
                }
            });
        }
    };
    let submit_password = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = KioskPasswordUnlock {
            password: password.get_untracked(),
        };
        state.set(PadState::Checking);
        let ended = ended.clone();
        leptos::task::spawn_local(async move {
            match api::send::<_, ()>("POST", "/api/kiosk/unlock-password", &body).await {
                Ok(()) => ended(),
                Err(f) => {
                    password.try_set(String::new());
                    let blocked = wrong.get_untracked() >= speelruimte_model::PIN_TRIES;
                    state.try_set(if blocked {
                        PadState::Blocked
                    } else {
                        PadState::Ready
                    });
                    message.try_set(Some(f.message));
                }
            }
        });
    };
    let typing = move || state.get() != PadState::Ready;
    let digit = move |d: char| {
        view! {
            <button type="button" class="pin-key" data-digit=d.to_string() disabled=typing
                on:click=move |_| digits.update(|s| if s.len() < KioskPin::MAX { s.push(d) })>{d.to_string()}</button>
        }
    };
    view! {
        <div class="kiosk-pad-backdrop">
            <div class="kiosk-pad card" role="dialog" aria-modal="true" aria-labelledby="pin-pad-title"
                data-testid="pin-pad" data-state=move || state.get().code()
                data-wrong=move || wrong.get().to_string() data-wait=move || wait_left.get().to_string()>
                <h2 id="pin-pad-title">{tk().pad_title}</h2>
                <p class="pin-dots" role="img" data-testid="pin-dots" data-count=move || digits.get().len().to_string()
                    aria-label=move || format!("{} {}", digits.get().len(), tk().pad_digits)>
                    {move || (0..digits.get().len().max(4)).map(|i| {
                        let on = i < digits.get().len();
                        view! { <span class="pin-dot" class:on=on aria-hidden="true"></span> }
                    }).collect_view()}
                </p>
                <p class="pin-message" role="status" data-testid="pin-message">
                    {move || message.get().unwrap_or_default()}
                    <Show when=move || state.get() == PadState::Waiting>
                        " " {move || format!("{} {} {}.", tk().pad_wait, wait_left.get(), tk().seconds)}
                    </Show>
                    <Show when=move || state.get() == PadState::Checking>{tk().pad_checking}</Show>
                </p>
                <Show when=move || state.get() != PadState::Blocked>
                    <div class="pin-keys">
                        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].into_iter().map(digit).collect_view()}
                        <button type="button" class="pin-key quiet" data-testid="pin-erase"
                            disabled=typing on:click=move |_| digits.update(|s| { s.pop(); })>{tk().pad_erase}</button>
                        {digit('0')}
                        <button type="button" class="pin-key primary" data-testid="pin-ok"
                            disabled=move || typing() || digits.get().len() < KioskPin::MIN
                            on:click={let submit = submit.clone(); move |_| submit()}>{tk().pad_ok}</button>
                    </div>
                </Show>
                <Show when=move || with_password.get()>
                    <form class="pin-password" on:submit=submit_password.clone()>
                        <label>
                            <span>{tk().password_label}</span>
                            <input type="password" name="password" autocomplete="current-password" data-testid="pin-password"
                                prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
                        </label>
                        <button type="submit" class="primary" disabled=move || state.get() == PadState::Checking
                            || password.get().is_empty()>{tk().password_submit}</button>
                    </form>
                </Show>
                <div class="actions pin-actions">
                    <Show when=move || !with_password.get()>
                        <button type="button" class="ghost" data-testid="pin-use-password"
                            on:click=move |_| with_password.set(true)>{tk().password_label}</button>
                    </Show>
                    <button type="button" class="secondary" data-testid="pin-close"
                        on:click=move |_| on_close.run(())>{tk().pad_back}</button>
                </div>
            </div>
        </div>
    }
}
