//! The language switch in the top bars.

use leptos::prelude::*;

use super::{Lang, lang, switch_to};

/// A finger-sized button that offers the other language: "EN" while Dutch is on, "NL" while
/// English is on. Its label is in the language it offers, so a reader of that language finds it;
/// the accessible name starts with the visible "EN"/"NL", so speech control finds it by what it shows.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let to = lang().other();
    let (label, name) = match to {
        Lang::En => ("EN", "English"),
        Lang::Nl => ("NL", "Nederlands"),
    };
    view! {
        <button type="button" class="ghost lang-switch" data-testid="lang-switch"
            lang=to.code() aria-label=format!("{label} · {name}") title=name
            on:click=move |_| switch_to(to)>{label}</button>
    }
}
