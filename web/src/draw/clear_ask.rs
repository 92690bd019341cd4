//! Asking before the whole drawing is wiped, in the page (not the browser's `confirm`, which a
//! child can dismiss into a state the app does not see): a modal `<dialog>` with two big
//! picture buttons — keep the drawing (a big arrow back to it) or wipe it (the bin) — that need
//! no reading. Escape, or a tap beside it, keeps the drawing.

use leptos::prelude::*;

use crate::i18n::t;

/// The question, shown while `open`; `wipe` runs when the wipe is chosen.
#[component]
pub fn ClearAsk(open: RwSignal<bool>, wipe: Callback<()>) -> impl IntoView {
    view! {
        <Show when=move || open.get()>
            <Ask open wipe />
        </Show>
    }
}

#[component]
fn Ask(open: RwSignal<bool>, wipe: Callback<()>) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get()
            && !d.open()
        {
            let _ = d.show_modal();
        }
    });
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        open.set(false);
    };
    // A tap on the backdrop (outside the box) keeps the drawing.
    let beside = move |ev: leptos::ev::MouseEvent| {
        let on_dialog = ev
            .target()
            .zip(dialog.get_untracked())
            .is_some_and(|(target, d)| {
                let d: &web_sys::EventTarget = d.as_ref();
                &target == d
            });
        if on_dialog {
            close();
        }
    };
    view! {
        <dialog node_ref=dialog class="clear-ask" data-testid="clear-ask" aria-label=t().draw_clear_confirm
            on:close=move |_| open.set(false) on:click=beside>
            <div class="clear-ask-box">
                <button class="clear-keep" data-testid="clear-keep" autofocus aria-label=t().draw_clear_keep
                    on:click=move |_| close()>
                    <span aria-hidden="true">"↩"</span>
                </button>
                <button class="clear-wipe" data-testid="clear-wipe" aria-label=t().draw_clear
                    on:click=move |_| { close(); wipe.run(()) }>
                    // A bin (drawn: not every tablet has an emoji font).
                    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" fill="none"
                        stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                        <path d="M3 6h18M9 6V4h6v2M5.5 6l1.2 14h10.6l1.2-14M10 10v6.5M14 10v6.5" />
                    </svg>
                </button>
            </div>
        </dialog>
    }
}
