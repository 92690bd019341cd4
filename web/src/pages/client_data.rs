//! A client's data as a whole, at the foot of the client's page: the export of everything as a
//! ZIP (the AVG right of access), with its progress, and deleting the client after the
//! therapist has typed its label.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use speelruimte_model::Client;

use super::{ErrorBox, value};
use crate::api;
use crate::browser::download;
use crate::i18n::{decimal, tc};

/// The header in which the server gives the export's size unpacked (the server's
/// `EXPORT_BYTES_HEADER`).
const EXPORT_BYTES: &str = "x-export-bytes";

fn megabytes(bytes: u64) -> String {
    decimal(format!("{:.1}", bytes as f64 / 1_000_000.0)) + " MB"
}

#[component]
pub fn ClientData(client: Client) -> impl IntoView {
    view! {
        <section class="card client-data" data-testid="client-data">
            <h2>{tc().title}</h2>
            <Export client_id=client.id.to_string() />
            <Delete client=client />
        </section>
    }
}

#[component]
fn Export(client_id: String) -> impl IntoView {
    // (received, expected) while running; the file's name when done.
    let running = RwSignal::new(None::<(u64, Option<u64>)>);
    let done = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let start = move |_| {
        error.set(None);
        done.set(None);
        running.set(Some((0, None)));
        let path = format!("/api/clients/{client_id}/export");
        leptos::task::spawn_local(async move {
            let result = download::download(&path, EXPORT_BYTES, |got, of| {
                running.set(Some((got, of)));
            })
            .await;
            running.set(None);
            match result {
                Ok(name) => done.set(Some(name)),
                Err(e) => error.set(Some(e.message)),
            }
        });
    };
    view! {
        <p>{tc().export_intro}</p>
        <button class="secondary" data-testid="export" on:click=start disabled=move || running.get().is_some()>
            {move || if running.get().is_some() { tc().export_busy } else { tc().export_button }}
        </button>
        {move || running.get().map(|(got, of)| {
            // The expected size counts the files unpacked; the ZIP's text is compressed, so
            // the bar stops short of full until the last piece is in.
            let max = of.unwrap_or(0).max(got).max(1);
            view! {
                <div class="export-progress" data-testid="export-progress" data-received=got.to_string()>
                    <progress max=max.to_string() value=got.to_string() aria-label=tc().export_progress></progress>
                    <span>{megabytes(got)} {of.map(|of| format!(" {} {}", tc().export_of, megabytes(of)))}</span>
                </div>
            }
        })}
        {move || done.get().map(|name| view! {
            <p class="notice" role="status" data-testid="export-done">{tc().export_done} " " {name}</p>
        })}
        <ErrorBox message=error />
    }
}

#[component]
fn Delete(client: Client) -> impl IntoView {
    let label = client.label.as_str().to_owned();
    let typed = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let matches = {
        let label = label.clone();
        move || typed.get().trim() == label
    };
    let id = client.id.to_string();
    let confirm = {
        let matches = matches.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if !matches() || busy.get() {
                return;
            }
            busy.set(true);
            error.set(None);
            let path = format!("/api/clients/{id}");
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                match api::send_empty("DELETE", &path).await {
                    Ok(()) => navigate("/", Default::default()),
                    Err(e) => {
                        busy.set(false);
                        error.set(Some(e.message));
                    }
                }
            });
        }
    };
    view! {
        <details class="danger" data-testid="delete-client">
            <summary class="button secondary">{tc().delete_title}</summary>
            <form on:submit=confirm>
                <p>{tc().delete_intro}</p>
                <label>{tc().delete_type} " " <strong>{label.clone()}</strong>
                    <input name="confirm-label" autocomplete="off" spellcheck="false" prop:value=typed
                        on:input=move |ev| typed.set(value(&ev)) />
                </label>
                <ErrorBox message=error />
                <button class="danger" type="submit" data-testid="delete-confirm" disabled=move || !matches() || busy.get()>
                    {move || if busy.get() { tc().delete_busy } else { tc().delete_button }}
                </button>
            </form>
        </details>
    }
}
