//! The therapist's clients: list, add, invite a colleague.

use leptos::prelude::*;
use speelruimte_model::{BirthYear, Client, ClientLabel, Discipline, NewClient};

use super::{ErrorBox, Load, TopBar, load, value};
use crate::i18n::{pick, t};
use crate::{api, util};

/// An invitation for a colleague, as the server answers it.
#[derive(Clone, Debug, serde::Deserialize)]
struct Invite {
    token: String,
}

#[component]
pub fn ClientsPage() -> impl IntoView {
    let (clients, reload) = load::<Vec<Client>>(|| "/api/clients".into());
    view! {
        <TopBar title=t().clients_title.to_string() />
        <main class="page">
            <crate::outbox::view::OutboxNotice only_waiting=true />
            <section class="card">
                {move || match clients.get() {
                    Load::Loading => view! { <p class="notice">{t().loading}</p> }.into_any(),
                    Load::Failed(m) => view! { <p class="error">{m}</p> }.into_any(),
                    Load::Ready(list) if list.is_empty() => view! { <p class="notice">{t().clients_empty}</p> }.into_any(),
                    Load::Ready(list) => view! {
                        <ul class="tiles" data-testid="client-list">
                            {list.into_iter().map(client_tile).collect_view()}
                        </ul>
                    }.into_any(),
                }}
            </section>
            {move || match clients.get() {
                Load::Ready(list) if list.len() >= 2 => view! { <crate::group::start::GroupStart clients=list /> }.into_any(),
                _ => ().into_any(),
            }}
            <AddClient on_added=reload />
            <InviteColleague />
        </main>
    }
}

fn client_tile(c: Client) -> impl IntoView {
    let age = util::this_year() - c.birth_year.get();
    view! {
        <li>
            <a class="tile" href=format!("/clients/{}", c.id)>
                <span class="tile-title">{c.label.as_str().to_owned()}</span>
                <span class="tile-sub">{pick(c.discipline.label_nl(), c.discipline.label_en())} " · " {age} " " {t().years_old}</span>
            </a>
        </li>
    }
}

#[component]
fn AddClient(on_added: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let label = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let discipline = RwSignal::new(Discipline::Beeldend.code().to_owned());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let parsed = (|| {
            let label = ClientLabel::parse(&label.get()).map_err(|e| e.to_string())?;
            let y: i32 = year
                .get()
                .trim()
                .parse()
                .map_err(|_| t().birth_year_invalid.to_string())?;
            let birth_year = BirthYear::parse(y, util::this_year()).map_err(|e| e.to_string())?;
            let discipline =
                Discipline::from_code(&discipline.get()).unwrap_or(Discipline::Beeldend);
            Ok::<_, String>(NewClient {
                label,
                birth_year,
                discipline,
            })
        })();
        let new = match parsed {
            Ok(n) => n,
            Err(m) => return error.set(Some(m)),
        };
        busy.set(true);
        let on_added = on_added.clone();
        leptos::task::spawn_local(async move {
            match api::send::<_, Client>("POST", "/api/clients", &new).await {
                Ok(_) => {
                    label.set(String::new());
                    year.set(String::new());
                    on_added();
                }
                Err(e) => error.set(Some(e.message)),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="card">
            <h2>{t().client_add}</h2>
            <form class="row-form" on:submit=submit>
                <div class="field grow">
                    <label>{t().client_label}
                        <input name="label" required maxlength="64" aria-describedby="label-hint" prop:value=label
                            on:input=move |ev| label.set(value(&ev)) />
                    </label>
                    <small id="label-hint">{t().client_label_hint}</small>
                </div>
                <label>{t().birth_year}
                    <input name="birth_year" inputmode="numeric" required size="6" prop:value=year
                        on:input=move |ev| year.set(value(&ev)) />
                </label>
                <label>{t().discipline}
                    <select name="discipline" prop:value=discipline on:change=move |ev| discipline.set(value(&ev))>
                        {Discipline::ALL.into_iter().map(|d| view! { <option value=d.code()>{pick(d.label_nl(), d.label_en())}</option> }).collect_view()}
                    </select>
                </label>
                <ErrorBox message=error />
                <button class="primary" type="submit" disabled=busy>{t().client_add}</button>
            </form>
        </section>
    }
}

#[component]
fn InviteColleague() -> impl IntoView {
    let link = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let invite = move |_| {
        error.set(None);
        leptos::task::spawn_local(async move {
            match api::send::<_, Invite>("POST", "/api/invites", &serde_json::json!({})).await {
                Ok(i) => {
                    let origin = web_sys::window()
                        .and_then(|w| w.location().origin().ok())
                        .unwrap_or_default();
                    link.set(Some(format!("{origin}/setup?token={}", i.token)));
                }
                Err(e) => error.set(Some(e.message)),
            }
        });
    };
    view! {
        <section class="card quiet">
            <h2>{t().invite_colleague}</h2>
            <Show
                when=move || link.get().is_some()
                fallback=move || view! { <button class="secondary" on:click=invite>{t().invite_colleague}</button> }
            >
                <p>{t().invite_intro}</p>
                <input class="link" readonly data-testid="invite-link" aria-label=t().invite_link prop:value=move || link.get().unwrap_or_default() />
            </Show>
            <ErrorBox message=error />
        </section>
    }
}
