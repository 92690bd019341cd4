//! On the session screen: "Start voor de cliënt" under each work form, the optional time frame,
//! and the PIN the therapist sets (typed twice) before the first start.

use leptos::prelude::*;
use speelruimte_model::{
    KioskLock, KioskMinutes, KioskPin, KioskView, SetKioskPin, StartKiosk, WorkForm,
};

use super::{enter_fullscreen, exit_fullscreen};
use crate::Auth;
use crate::api;
use crate::i18n::tk;
use crate::pages::{ErrorBox, value};

/// The time frames offered, in minutes.
const MINUTES: [u8; 7] = [5, 10, 15, 20, 30, 45, 60];

/// What the start buttons of one session share: the time frame picked and the last refusal.
#[derive(Clone, Copy)]
pub struct KioskChoice {
    /// The time frame, if any.
    pub minutes: RwSignal<Option<KioskMinutes>>,
    /// Why the last start failed.
    pub error: RwSignal<Option<String>>,
}

impl KioskChoice {
    /// Nothing picked yet.
    pub fn new() -> Self {
        Self {
            minutes: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }
}

impl Default for KioskChoice {
    fn default() -> Self {
        Self::new()
    }
}

fn pin_set(auth: Auth) -> bool {
    auth.me
        .with(|m| m.as_ref().is_some_and(|m| m.kiosk_pin_set))
}

/// "Start voor de cliënt" for one work form of session `sid` of client `cid`.
#[component]
pub fn StartButton(
    form: WorkForm,
    cid: String,
    sid: String,
    choice: KioskChoice,
    #[prop(into)] name: String,
    /// The work form (the default), or the client's gallery.
    #[prop(optional)]
    view: KioskView,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let busy = RwSignal::new(false);
    let start = move |_| {
        let (Ok(client_id), Ok(session_id)) =
            (uuid::Uuid::parse_str(&cid), uuid::Uuid::parse_str(&sid))
        else {
            return;
        };
        // Asked for now, while the tap lasts: a browser allows full screen only then.
        enter_fullscreen();
        busy.set(true);
        choice.error.set(None);
        let body = StartKiosk {
            client_id,
            session_id,
            work_form: form,
            minutes: choice.minutes.get_untracked(),
            view,
        };
        leptos::task::spawn_local(async move {
            match api::send::<_, KioskLock>("POST", "/api/kiosk", &body).await {
                // The router's guard goes to the locked work form (`super::KioskGuard`).
                Ok(lock) => auth.me.update(|m| {
                    if let Some(m) = m {
                        m.kiosk = Some(lock)
                    }
                }),
                Err(e) => {
                    exit_fullscreen();
                    choice.error.try_set(Some(e.message));
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <button type="button" class="secondary kiosk-start" data-testid=match view {
                KioskView::Gallery => "kiosk-start-galerij".to_owned(),
                KioskView::WorkForm => format!("kiosk-start-{}", form.code()),
            }
            aria-label=format!("{} · {name}", tk().start)
            disabled=move || busy.get() || !pin_set(auth) on:click=start>
            <span aria-hidden="true">"▶ "</span>{tk().start}
        </button>
    }
}

/// The kindermodus part of the session screen: the time frame, and the PIN (set or changed).
#[component]
pub fn KioskPanel(choice: KioskChoice) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let set = move || pin_set(auth);
    let pick = move |ev: leptos::ev::Event| {
        let v = value(&ev);
        choice.minutes.set(
            v.parse::<i64>()
                .ok()
                .and_then(|m| KioskMinutes::parse(m).ok()),
        );
    };
    view! {
        <section class="card kiosk-panel" data-testid="kiosk-panel">
            <h2>{tk().heading}</h2>
            <p class="muted">{tk().intro}</p>
            <ErrorBox message=choice.error />
            <Show when=set fallback=move || view! {
                <p class="notice" data-testid="kiosk-pin-needed">{tk().pin_needed}</p>
                <PinForm />
            }>
                <label class="kiosk-minutes">
                    <span>{tk().minutes_label}</span>
                    <select name="kiosk-minutes" data-testid="kiosk-minutes" on:change=pick>
                        <option value="">{tk().no_time}</option>
                        {MINUTES.into_iter().map(|m| view! { <option value=m.to_string()>{format!("{m} {}", tk().minutes)}</option> }).collect_view()}
                    </select>
                </label>
                <p class="muted">{tk().time_note}</p>
                <details class="add kiosk-pin-change">
                    <summary class="button ghost">{tk().pin_change}</summary>
                    <PinForm />
                </details>
            </Show>
        </section>
    }
}

/// The PIN, typed twice; checked here (4–8 digits, the same twice) and by the server.
#[component]
fn PinForm() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let (a, b) = (first.get_untracked(), again.get_untracked());
        let Ok(pin) = KioskPin::parse(&a) else {
            error.set(Some(tk().pin_format.into()));
            return;
        };
        if a.trim() != b.trim() {
            error.set(Some(tk().pin_mismatch.into()));
            again.set(String::new());
            return;
        }
        error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::send::<_, ()>("PUT", "/api/kiosk/pin", &SetKioskPin { pin }).await {
                Ok(()) => {
                    first.try_set(String::new());
                    again.try_set(String::new());
                    saved.try_set(true);
                    auth.me.update(|m| {
                        if let Some(m) = m {
                            m.kiosk_pin_set = true
                        }
                    });
                }
                Err(e) => {
                    error.try_set(Some(e.message));
                }
            }
            busy.try_set(false);
        });
    };
    let field = move |name: &'static str, label: &'static str, v: RwSignal<String>| {
        view! {
            <label>
                <span>{label}</span>
                <input type="password" inputmode="numeric" maxlength="8" autocomplete="off"
                    name=name data-testid=name prop:value=move || v.get() on:input=move |ev| v.set(value(&ev)) />
            </label>
        }
    };
    view! {
        <form class="stack kiosk-pin-form" data-testid="kiosk-pin-form" on:submit=submit>
            {field("kiosk-pin", tk().pin_new, first)}
            {field("kiosk-pin-again", tk().pin_again, again)}
            <ErrorBox message=error />
            <Show when=move || saved.get()>
                <p class="notice" role="status" data-testid="kiosk-pin-saved">{tk().pin_saved}</p>
            </Show>
            <button type="submit" class="primary" data-testid="kiosk-pin-save" disabled=move || busy.get()>{tk().pin_save}</button>
        </form>
    }
}
