//! The Speelruimte tablet app: screens, the work forms, and the talk with the server.
//! `main.rs` only mounts [`App`]; everything lives here so browser tests can import it.
#![allow(missing_docs)] // components and their props are documented where it helps a reader

pub mod api;
#[cfg(feature = "bench")]
pub mod bench;
#[cfg(feature = "bench")]
pub mod bench_audio;
pub mod body;
pub mod browser;
pub mod draw;
pub mod exercise;
pub mod group;
pub mod i18n;
pub mod kiosk;
pub mod music;
pub mod outbox;
mod pages;
pub mod pending_logout;
pub mod saving;
pub mod tab_login;
pub mod util;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use speelruimte_model::Me;

use crate::i18n::t;

/// Who is logged in, shared with every screen.
#[derive(Clone, Copy)]
pub struct Auth {
    /// The therapist, once known.
    pub me: RwSignal<Option<Me>>,
    /// False until the server has answered whether someone is logged in (or could not be
    /// reached).
    pub checked: RwSignal<bool>,
    /// True when the server could not be reached at start: the app runs from the service
    /// worker's shell, as the therapist this tab remembers (see [`tab_login`]), if any.
    pub unreachable: RwSignal<bool>,
    /// The therapist whose work in progress has been read from the tablet (screens wait for
    /// it, so a work form finds its draft as it opens).
    pub ready: RwSignal<Option<uuid::Uuid>>,
}

impl Auth {
    /// Stores a fresh login (and its CSRF token).
    pub fn logged_in(self, me: Me) {
        api::set_csrf(Some(me.csrf_token.clone()));
        tab_login::remember(&me);
        self.unreachable.set(false);
        self.known(me);
    }

    /// Works as `me` from here on: the screens, and the outbox and drafts of that therapist.
    fn known(self, me: Me) {
        let id = me.therapist_id;
        self.me.set(Some(me));
        self.checked.set(true);
        let ready = self.ready;
        outbox::Outbox::get().logged_in(id, move || ready.set(Some(id)));
    }

    /// Forgets the login (after logout, or when the server says nobody is logged in).
    pub fn logged_out(self) {
        api::set_csrf(None);
        tab_login::forget();
        self.me.set(None);
        self.ready.set(None);
        self.checked.set(true);
        outbox::Outbox::get().logged_out();
    }

    /// Asks the server who is logged in. When it cannot be reached (no network, or a proxy
    /// in front answering for a server that is down), the therapist this tab remembers goes
    /// on working offline (their drafts and outbox too); with nobody remembered the login
    /// screen says why. Only the server's own "not logged in" (401) logs out.
    fn check(self) {
        leptos::task::spawn_local(async move {
            // A logout made while the server could not be reached goes first; until the server
            // has it, the tablet is logged out (the login screen, nobody's drafts or outbox).
            if !pending_logout::flush().await {
                pending_logout::keep_trying();
                self.unreachable.set(true);
                self.checked.set(true);
                return;
            }
            match api::get::<Me>("/api/me").await {
                Ok(me) => self.logged_in(me),
                Err(e) if e.status == 401 => self.logged_out(),
                Err(_) => {
                    self.unreachable.set(true);
                    match tab_login::recall() {
                        Some(me) => {
                            api::set_csrf(Some(me.csrf_token.clone()));
                            self.known(me);
                        }
                        None => self.checked.set(true),
                    }
                }
            }
        });
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let auth = Auth {
        me: RwSignal::new(None),
        checked: RwSignal::new(false),
        unreachable: RwSignal::new(false),
        ready: RwSignal::new(None),
    };
    provide_context(auth);
    outbox::Outbox::provide();
    i18n::apply_document_lang();
    browser::service_worker::provide_update();
    auth.check();
    // The tab's note follows what the app knows (a kindermodus lock started or ended too),
    // so a reload without the server shows the same screen (see `tab_login`).
    Effect::new(move |_| {
        if let Some(me) = auth.me.get() {
            tab_login::remember(&me);
        }
    });

    view! {
        <Router>
            <kiosk::KioskGuard />
            <Routes fallback=|| view! { <main class="page"><p class="notice">{t().not_found}</p></main> }>
                <Route path=path!("/setup") view=pages::setup::SetupPage />
                <Route path=path!("/login") view=pages::login::LoginPage />
                <Route path=path!("/") view=|| view! { <pages::Protected><pages::clients::ClientsPage /></pages::Protected> } />
                <Route path=path!("/clients/:id") view=|| view! { <pages::Protected><pages::client::ClientPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/tijdlijn") view=|| view! { <pages::Protected><pages::timeline::TimelinePage /></pages::Protected> } />
                <Route path=path!("/clients/:id/galerij") view=|| view! { <pages::Protected><pages::gallery::GalleryPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/evaluatie") view=|| view! { <pages::Protected><pages::review::ReviewPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/evaluaties/:eid/verslag") view=|| view! { <pages::Protected><pages::report::ReportPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/sessies/:sid") view=|| view! { <pages::Protected><pages::session::SessionPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/sessies/:sid/dieren") view=|| view! { <pages::Protected><group::picker::AvatarPickerPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/sessies/:sid/tekenen") view=|| view! { <pages::Protected><draw::DrawPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/sessies/:sid/muziek") view=|| view! { <pages::Protected><music::MusicPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/sessies/:sid/spanning") view=|| view! { <pages::Protected><exercise::ExercisePage /></pages::Protected> } />
            </Routes>
        </Router>
    }
}
