//! First account (with the server's one-time setup link) or a colleague's invite.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use speelruimte_model::{Password, SetupRequest, Username};

use super::{ErrorBox, sign_in, value};
use crate::Auth;
use crate::i18n::{LangSwitch, t};

#[component]
pub fn SetupPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let password2 = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let pw = password.get();
        if pw != password2.get() {
            error.set(Some(t().password_mismatch.into()));
            return;
        }
        let password = match Password::parse(&pw) {
            Ok(p) => p,
            Err(_) => return error.set(Some(t().password_too_short.into())),
        };
        let username = match Username::parse(&username.get()) {
            Ok(u) => u,
            Err(e) => return error.set(Some(e.to_string())),
        };
        let req = SetupRequest {
            token: token(),
            username,
            display_name: display_name.get().trim().to_owned(),
            password,
        };
        sign_in("/api/setup", req, auth, navigate.clone(), error, busy);
    };

    view! {
        <main class="page narrow">
            <div class="lang-corner"><LangSwitch /></div>
            <div class="brand"><span class="logo" aria-hidden="true"></span>{t().app_name}</div>
            <section class="card">
                <h1>{t().setup_title}</h1>
                <Show
                    when=move || !token().is_empty()
                    fallback=|| view! { <p class="notice">{t().setup_no_token}</p> }
                >
                    <p class="intro">{t().setup_intro}</p>
                    <form on:submit=submit.clone()>
                        <label>{t().username}
                            <input name="username" autocomplete="username" required
                                autocapitalize="none" prop:value=username
                                on:input=move |ev| username.set(value(&ev)) />
                        </label>
                        <label>{t().display_name}
                            <input name="display_name" required maxlength="100" prop:value=display_name
                                on:input=move |ev| display_name.set(value(&ev)) />
                        </label>
                        <div class="field">
                            <label>{t().password}
                                <input name="password" type="password" autocomplete="new-password" required
                                    minlength="12" aria-describedby="password-hint" prop:value=password
                                    on:input=move |ev| password.set(value(&ev)) />
                            </label>
                            <small id="password-hint">{t().password_hint}</small>
                        </div>
                        <label>{t().password_again}
                            <input name="password2" type="password" autocomplete="new-password" required
                                prop:value=password2 on:input=move |ev| password2.set(value(&ev)) />
                        </label>
                        <ErrorBox message=error />
                        <button class="primary" type="submit" disabled=busy>{t().setup_submit}</button>
                    </form>
                </Show>
            </section>
        </main>
    }
}
