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
pub mod i18n;
pub mod music;
pub mod outbox;
mod pages;
pub mod saving;
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
    /// False until the server has answered whether someone is logged in.
    pub checked: RwSignal<bool>,
    /// The therapist whose work in progress has been read from the tablet (screens wait for
    /// it, so a work form finds its draft as it opens).
    pub ready: RwSignal<Option<uuid::Uuid>>,
}

impl Auth {
    /// Stores a fresh login (and its CSRF token).
    pub fn logged_in(self, me: Me) {
        api::set_csrf(Some(me.csrf_token.clone()));
        let id = me.therapist_id;
        self.me.set(Some(me));
        self.checked.set(true);
        let ready = self.ready;
        outbox::Outbox::get().logged_in(id, move || ready.set(Some(id)));
    }

    /// Forgets the login (after logout, or when the server says it has expired).
    pub fn logged_out(self) {
        api::set_csrf(None);
        self.me.set(None);
        self.ready.set(None);
        outbox::Outbox::get().logged_out();
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let auth = Auth {
        me: RwSignal::new(None),
        checked: RwSignal::new(false),
        ready: RwSignal::new(None),
    };
    provide_context(auth);
    outbox::Outbox::provide();
    i18n::apply_document_lang();
    leptos::task::spawn_local(async move {
        match api::get::<Me>("/api/me").await {
            Ok(me) => auth.logged_in(me),
            Err(_) => auth.checked.set(true),
        }
    });

    view! {
        <Router>
            <Routes fallback=|| view! { <main class="page"><p class="notice">{t().not_found}</p></main> }>
                <Route path=path!("/setup") view=pages::setup::SetupPage />
                <Route path=path!("/login") view=pages::login::LoginPage />
                <Route path=path!("/") view=|| view! { <pages::Protected><pages::clients::ClientsPage /></pages::Protected> } />
                <Route path=path!("/clients/:id") view=|| view! { <pages::Protected><pages::client::ClientPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/evaluatie") view=|| view! { <pages::Protected><pages::review::ReviewPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/sessies/:sid") view=|| view! { <pages::Protected><pages::session::SessionPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/sessies/:sid/tekenen") view=|| view! { <pages::Protected><draw::DrawPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/sessies/:sid/muziek") view=|| view! { <pages::Protected><music::MusicPage /></pages::Protected> } />
                <Route path=path!("/clients/:id/sessies/:sid/spanning") view=|| view! { <pages::Protected><exercise::ExercisePage /></pages::Protected> } />
            </Routes>
        </Router>
    }
}
