//! Login.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use speelruimte_model::LoginRequest;

use super::{ErrorBox, sign_in, value};
use crate::Auth;
use crate::i18n::{LangSwitch, t, tp};

#[component]
pub fn LoginPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let req = LoginRequest {
            username: username.get(),
            password: password.get(),
        };
        sign_in("/api/login", req, auth, navigate.clone(), error, busy);
    };

    view! {
        <main class="page narrow">
            <div class="lang-corner"><LangSwitch /></div>
            <div class="brand"><span class="logo" aria-hidden="true"></span>{t().app_name}</div>
            <p class="tagline">{t().tagline}</p>
            <section class="card">
                <h1>{t().login_title}</h1>
                <Show when=move || auth.unreachable.get()>
                    <p class="error offline-note" role="alert" data-testid="offline-login">{tp().offline_login}</p>
                </Show>
                <form on:submit=submit>
                    <label>{t().username}
                        <input name="username" autocomplete="username" autocapitalize="none" required
                            prop:value=username on:input=move |ev| username.set(value(&ev)) />
                    </label>
                    <label>{t().password}
                        <input name="password" type="password" autocomplete="current-password" required
                            prop:value=password on:input=move |ev| password.set(value(&ev)) />
                    </label>
                    <ErrorBox message=error />
                    <button class="primary" type="submit" disabled=busy>{t().login_submit}</button>
                </form>
            </section>
        </main>
    }
}
