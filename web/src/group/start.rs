//! Starting a group session (from the client list: the therapist ticks the children) or a
//! family session (from the client's page: the therapist adds the *naasten* by role).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use speelruimte_model::{
    Client, MAX_PARTICIPANTS, NewGroup, NewSession, RelativeRole, Session, ValidationError,
};
use uuid::Uuid;

use crate::i18n::{pick, tg};
use crate::pages::ErrorBox;
use crate::{api, util};

/// Posts a group session for `lead` and opens it.
fn start(
    lead: Uuid,
    group: NewGroup,
    error: RwSignal<Option<String>>,
    navigate: impl Fn(&str, leptos_router::NavigateOptions) + 'static,
) {
    if let Err(e) = group.validate(lead) {
        return error.set(Some(match e {
            ValidationError::GroupSize { n } if n < 2 => tg().group_pick_more.to_owned(),
            other => other.to_string(),
        }));
    }
    leptos::task::spawn_local(async move {
        let new = NewSession {
            date: util::today(),
            notes: None,
            group: Some(group),
        };
        match api::send::<_, Session>("POST", &format!("/api/clients/{lead}/sessions"), &new).await
        {
            Ok(s) => navigate(
                &format!("/clients/{lead}/sessies/{}", s.id),
                Default::default(),
            ),
            Err(e) => error.set(Some(e.message)),
        }
    });
}

/// The therapist ticks 2–8 of their clients; the first ticked is the one the session is
/// started for (every child gets their own session of the group).
#[component]
pub fn GroupStart(clients: Vec<Client>) -> impl IntoView {
    let ticked = RwSignal::new(Vec::<Uuid>::new());
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let list = ticked.get_untracked();
        let Some((&lead, others)) = list.split_first() else {
            return error.set(Some(tg().group_pick_more.into()));
        };
        let group = NewGroup {
            clients: others.to_vec(),
            relatives: vec![],
        };
        start(lead, group, error, navigate.clone());
    };
    view! {
        <details class="add card" data-testid="group-start">
            <summary class="button secondary">{tg().group_title}</summary>
            <form on:submit=go>
                <p class="notice">{tg().group_intro}</p>
                <fieldset class="group-pick">
                    <legend>{tg().participants}</legend>
                    {clients.into_iter().map(|c| {
                        let id = c.id;
                        view! { <label class="check">
                            <input type="checkbox" data-client=id.to_string()
                                prop:checked=move || ticked.with(|l| l.contains(&id))
                                disabled=move || ticked.with(|l| !l.contains(&id) && l.len() >= MAX_PARTICIPANTS)
                                on:change=move |_| ticked.update(|l| if let Some(i) = l.iter().position(|x| *x == id) { l.remove(i); } else { l.push(id); }) />
                            {c.label.as_str().to_owned()}
                        </label> }
                    }).collect_view()}
                </fieldset>
                <ErrorBox message=error />
                <button class="primary" type="submit" data-testid="group-go">{tg().group_start}</button>
            </form>
        </details>
    }
}

/// The therapist adds the *naasten* (by role only: they are not clients) and starts.
#[component]
pub fn FamilyStart(client_id: String) -> impl IntoView {
    let lead = Uuid::parse_str(&client_id).unwrap_or_default();
    let relatives = RwSignal::new(Vec::<RelativeRole>::new());
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let go = move |_| {
        let relatives = relatives.get_untracked();
        if relatives.is_empty() {
            return error.set(Some(tg().family_none.into()));
        }
        let group = NewGroup {
            clients: vec![],
            relatives,
        };
        start(lead, group, error, navigate.clone());
    };
    view! {
        <details class="add" data-testid="family-start">
            <summary class="button secondary big">{tg().family_title}</summary>
            <div class="family-form">
                <p class="notice">{tg().family_intro}</p>
                <div class="family-add" role="group" aria-label=tg().family_add>
                    {RelativeRole::ALL.iter().copied().map(|r| view! {
                        <button class="secondary" data-role=r.code()
                            disabled=move || relatives.with(|l| l.len() + 1 >= MAX_PARTICIPANTS)
                            on:click=move |_| relatives.update(|l| l.push(r))>
                            "+ " {pick(r.label_nl(), r.label_en())}
                        </button>
                    }).collect_view()}
                </div>
                <ul class="family-list">
                    {move || relatives.get().into_iter().enumerate().map(|(i, r)| view! {
                        <li>{pick(r.label_nl(), r.label_en())}
                            <button class="ghost" on:click=move |_| relatives.update(|l| { l.remove(i); })>{tg().family_remove}</button>
                        </li>
                    }).collect_view()}
                </ul>
                <ErrorBox message=error />
                <button class="primary" data-testid="family-go" on:click=go>{tg().family_start}</button>
            </div>
        </details>
    }
}
