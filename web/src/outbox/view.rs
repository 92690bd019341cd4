//! What the screens show of the outbox: the count of items waiting (for the therapist logged
//! in only), the warning when one waits long or the login has expired, and the in-app warning
//! before logging out or leaving a session with items not yet sent.

use leptos::prelude::*;

use super::{Outbox, oldest_text};
use crate::i18n::to;

/// "3 werkstukken nog te versturen".
fn waiting_text(n: usize) -> String {
    format!(
        "{n} {}",
        if n == 1 {
            to().waiting_one
        } else {
            to().waiting_many
        }
    )
}

/// The outbox in full (session and start screens): all sent, or how many wait and why. With
/// `only_waiting` it shows nothing while nothing waits.
#[component]
pub fn OutboxNotice(#[prop(optional)] only_waiting: bool) -> impl IntoView {
    let ob = Outbox::get();
    let s = ob.summary;
    view! {
        <div class="outbox-notice" hidden=move || only_waiting && s.get().waiting == 0 class:waiting=move || { s.get().waiting > 0 } class:stale=move || s.get().stale
            data-testid="outbox" data-waiting=move || s.get().waiting.to_string()
            data-stale=move || s.get().stale.to_string() role="status">
            {move || {
                let sum = s.get();
                if sum.waiting == 0 {
                    return view! { <p class="muted">{to().all_sent}</p> }.into_any();
                }
                view! {
                    <p><strong>{waiting_text(sum.waiting)}</strong>". " {to().waiting_where}</p>
                    {ob.needs_login.get().then(|| view! { <p class="warning">{to().needs_login}</p> })}
                    {sum.stale.then(|| view! {
                        <p class="warning" data-testid="outbox-stale">
                            {format!("{} {}. ", to().stale_since, oldest_text(&sum))}{to().stale_hint}
                        </p>
                    })}
                }
                .into_any()
            }}
        </div>
    }
}

/// The count on a work form, only while something waits.
#[component]
pub fn OutboxCount() -> impl IntoView {
    let ob = Outbox::get();
    let s = ob.summary;
    view! {
        <span class="outbox-count" class:stale=move || s.get().stale data-testid="outbox"
            data-waiting=move || s.get().waiting.to_string() hidden=move || s.get().waiting == 0>
            {move || waiting_text(s.get().waiting)}
        </span>
    }
}

/// A warning in the page (not the browser's `confirm`) before something that leaves items
/// unsent: `go` does it anyway, "Blijven" (or Escape) closes the warning. A native modal
/// `<dialog>`: focus moves into it and stays there, and goes back where it was on closing.
#[component]
pub fn UnsentWarning(
    open: RwSignal<bool>,
    text: &'static str,
    go_label: &'static str,
    go: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || open.get()>
            <WarningDialog open text go_label go />
        </Show>
    }
}

#[component]
fn WarningDialog(
    open: RwSignal<bool>,
    text: &'static str,
    go_label: &'static str,
    go: Callback<()>,
) -> impl IntoView {
    let s = Outbox::get().summary;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get()
            && !d.open()
        {
            let _ = d.show_modal();
        }
    });
    // Closing through the element (the browser then gives focus back), then unmounting.
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        open.set(false);
    };
    view! {
        <dialog node_ref=dialog class="dialog card" role="alertdialog"
            aria-labelledby="unsent-title" aria-describedby="unsent-text" data-testid="unsent-warning"
            on:close=move |_| open.set(false)>
            <h2 id="unsent-title">{to().warn_title}</h2>
            <p id="unsent-text"><strong>{move || waiting_text(s.get().waiting)}</strong>". " {text}</p>
            <div class="actions">
                <button class="secondary" data-testid="unsent-stay" autofocus
                    on:click=move |_| close()>{to().stay}</button>
                <button class="primary" data-testid="unsent-go"
                    on:click=move |_| { close(); go.run(()) }>{go_label}</button>
            </div>
        </dialog>
    }
}
