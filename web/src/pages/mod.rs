//! The screens, and what they share: the top bar, login guard, loading state.

pub mod artefact_panel;
pub mod client;
pub mod client_data;
pub mod clients;
pub mod evaluation;
pub mod gallery;
pub mod goal_progress;
pub mod login;
pub mod progress_chart;
pub mod report;
pub mod review;
pub mod scores;
pub mod session;
pub mod setup;
pub mod timeline;
pub mod update;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::Auth;
use crate::api;
use crate::i18n::{LangSwitch, t, to};
use crate::outbox::view::UnsentWarning;

/// Sends a login or a first-account request; on success the therapist is logged in and sees
/// the client list, otherwise the server's words stand in `error`. `busy` is true meanwhile.
pub fn sign_in<B: serde::Serialize + 'static>(
    path: &'static str,
    req: B,
    auth: Auth,
    navigate: impl Fn(&str, leptos_router::NavigateOptions) + 'static,
    error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
) {
    busy.set(true);
    leptos::task::spawn_local(async move {
        // A logout still waiting for the server goes before the new login.
        if !crate::pending_logout::flush().await {
            error.set(Some(t().no_connection.to_owned()));
            busy.set(false);
            return;
        }
        match api::send::<_, speelruimte_model::Me>("POST", path, &req).await {
            Ok(me) => {
                auth.logged_in(me);
                navigate("/", Default::default());
            }
            Err(e) => error.set(Some(e.message)),
        }
        busy.set(false);
    });
}

/// Shows its children only to a logged-in therapist; sends others to the login screen.
#[component]
pub fn Protected(children: ChildrenFn) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if auth.checked.get() && auth.me.get().is_none() {
            navigate("/login", Default::default());
        }
    });
    view! {
        <Show
            when=move || auth.me.get().is_some_and(|m| auth.ready.get() == Some(m.therapist_id))
            fallback=|| view! { <main class="page"><p class="notice">{t().loading}</p></main> }
        >
            {children()}
        </Show>
    }
}

/// The bar at the top of every therapist screen: a way back, the title, the language switch
/// and logout; under it, when a new version of the app waits, the note to switch.
#[component]
pub fn TopBar(
    #[prop(into)] title: Signal<String>,
    #[prop(optional, into)] back: Option<String>,
    /// Leaving by `back` leaves a session: warn first while items wait to be sent.
    #[prop(optional)]
    leaves_session: bool,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    let warn = RwSignal::new(false);
    let warn_leave = RwSignal::new(false);
    let leave = Callback::new({
        let navigate = navigate.clone();
        let back = back.clone().unwrap_or_default();
        move |_| navigate(&back, Default::default())
    });
    let logout = Callback::new(move |_| {
        let navigate = navigate.clone();
        let me = auth.me.get_untracked();
        leptos::task::spawn_local(async move {
            let sent = api::send_empty("POST", "/api/logout").await;
            if let Some(me) = &me {
                crate::outbox::wipe_for_logout(me.therapist_id).await;
            }
            // Not heard by the server (no network, or the server down): the login session
            // there stays valid until it is; the logout is sent once the server answers.
            if let (Err(f), Some(me)) = (sent, &me)
                && (f.status == 0 || f.status >= 500)
            {
                crate::pending_logout::remember(&me.csrf_token);
            }
            auth.logged_out();
            navigate("/login", Default::default());
        });
    });
    let ask = move |_| {
        if crate::outbox::Outbox::get().summary.get_untracked().waiting > 0 {
            warn.set(true);
        } else {
            logout.run(());
        }
    };
    view! {
        <header class="topbar app-bar">
            {back.map(|href| view! {
                <a class="button ghost back" href=href on:click=move |ev| {
                    if leaves_session && crate::outbox::Outbox::get().summary.get_untracked().waiting > 0 {
                        ev.prevent_default();
                        warn_leave.set(true);
                    }
                }>"‹ " {t().back}</a>
            })}
            <h1>{move || title.get()}</h1>
            <span class="who">{move || auth.me.get().map(|m| m.display_name).unwrap_or_default()}</span>
            <LangSwitch />
            <button class="ghost" data-testid="logout" on:click=ask>{t().logout}</button>
        </header>
        <update::UpdateBanner />
        <UnsentWarning open=warn text=to().warn_logout go_label=to().logout_anyway go=logout />
        <UnsentWarning open=warn_leave text=to().warn_leave go_label=to().leave_anyway go=leave />
    }
}

/// The ids in a work form's address (`/clients/:id/sessies/:sid/…`).
pub struct WorkFormRoute {
    /// The client id as written in the address.
    pub cid: String,
    /// The session id as written in the address.
    pub sid: String,
    /// The client.
    pub client_id: uuid::Uuid,
    /// The session, when the address holds a valid one.
    pub session_id: Option<uuid::Uuid>,
}

impl WorkFormRoute {
    /// Reads the current address.
    pub fn read() -> Self {
        let params = leptos_router::hooks::use_params_map();
        let cid = params.read_untracked().get("id").unwrap_or_default();
        let sid = params.read_untracked().get("sid").unwrap_or_default();
        Self {
            client_id: uuid::Uuid::parse_str(&cid).unwrap_or_default(),
            session_id: uuid::Uuid::parse_str(&sid).ok(),
            cid,
            sid,
        }
    }
}

/// Something loaded from the server.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(String),
}

/// Loads `path` into a signal now and whenever `reload` is called.
pub fn load<T>(
    path: impl Fn() -> String + Clone + Send + Sync + 'static,
) -> (RwSignal<Load<T>>, impl Fn() + Clone + Send + Sync + 'static)
where
    T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
{
    let state = RwSignal::new(Load::Loading);
    let reload = move || {
        let path = path();
        leptos::task::spawn_local(async move {
            state.set(match api::get::<T>(&path).await {
                Ok(v) => Load::Ready(v),
                Err(e) => Load::Failed(e.message),
            });
        });
    };
    reload();
    (state, reload)
}

/// Reads a text input's value from its event.
pub fn value(ev: &leptos::ev::Event) -> String {
    event_target_value(ev)
}

/// A message box for an error, or nothing.
#[component]
pub fn ErrorBox(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.get().is_some()>
            <p class="error" role="alert">{move || message.get().unwrap_or_default()}</p>
        </Show>
    }
}
