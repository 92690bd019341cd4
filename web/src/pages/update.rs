//! The calm note that a new version of the app is ready, under the top bar of the therapist's
//! screens (the client list, a client, a session, the review), never inside a work form (they
//! have no [`super::TopBar`]): the therapist picks the moment to switch.

use leptos::prelude::*;

use crate::browser::service_worker::{Update, switch_now};
use crate::i18n::tp;

/// "Nieuwe versie klaar" with a button to switch now, while a new version waits.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let update = expect_context::<Update>();
    let switching = RwSignal::new(false);
    view! {
        <Show when=move || update.ready.get()>
            <div class="update-wrap">
                <div class="update-banner" role="status" data-testid="update-banner">
                    <p><strong>{tp().update_ready}</strong> " " {tp().update_hint}</p>
                    <button class="primary" data-testid="update-now" disabled=switching
                        on:click=move |_| { switching.set(true); switch_now(); }>
                        {tp().update_now}
                    </button>
                </div>
            </div>
        </Show>
    }
}
