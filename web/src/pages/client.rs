//! One client: treatment goals, sessions, and the ways into a session and into evaluation.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use speelruimte_model::{Client, Goal, GoalDomain, GoalTitle, NewGoal, NewSession, Session};

use super::{ErrorBox, Load, TopBar, load, value};
use crate::i18n::{pick, t, tv};
use crate::{api, util};

/// The `:id` of the current route.
pub fn client_id() -> String {
    let params = use_params_map();
    params.read_untracked().get("id").unwrap_or_default()
}

#[component]
pub fn ClientPage() -> impl IntoView {
    let id = client_id();
    let (client, _) = load::<Client>({
        let id = id.clone();
        move || format!("/api/clients/{id}")
    });
    let (goals, reload_goals) = load::<Vec<Goal>>({
        let id = id.clone();
        move || format!("/api/clients/{id}/goals")
    });
    let (sessions, _) = load::<Vec<Session>>({
        let id = id.clone();
        move || format!("/api/clients/{id}/sessions")
    });
    let title = Signal::derive(move || match client.get() {
        Load::Ready(c) => c.label.as_str().to_owned(),
        _ => String::new(),
    });
    let review = format!("/clients/{id}/evaluatie");

    view! {
        <TopBar title=title back="/".to_string() />
        <main class="page">
            {move || match client.get() {
                Load::Failed(m) => view! { <p class="error">{m}</p> }.into_any(),
                Load::Ready(c) => view! {
                    <p class="subtitle">{pick(c.discipline.label_nl(), c.discipline.label_en())} " · " {t().born_in} " " {c.birth_year.get()}</p>
                }.into_any(),
                Load::Loading => ().into_any(),
            }}
            <div class="actions">
                <StartSession client_id=id.clone() />
                <crate::group::start::FamilyStart client_id=id.clone() />
                <a class="button secondary big" href=review>{t().review_open}</a>
                <a class="button secondary big" data-testid="timeline-open" href=format!("/clients/{id}/tijdlijn")>{tv().timeline_open}</a>
                <a class="button secondary big" data-testid="gallery-open" href=format!("/clients/{id}/galerij")>{tv().gallery_open}</a>
            </div>
            <div class="columns">
                <section class="card">
                    <h2>{t().goals_title}</h2>
                    {move || match goals.get() {
                        Load::Loading => view! { <p class="notice">{t().loading}</p> }.into_any(),
                        Load::Failed(m) => view! { <p class="error">{m}</p> }.into_any(),
                        Load::Ready(list) if list.is_empty() => view! { <p class="notice">{t().goals_empty}</p> }.into_any(),
                        Load::Ready(list) => view! {
                            <ul class="goals" data-testid="goal-list">{list.into_iter().map(goal_item).collect_view()}</ul>
                        }.into_any(),
                    }}
                    <AddGoal client_id=id.clone() on_added=reload_goals />
                </section>
                <section class="card">
                    <h2>{t().sessions_title}</h2>
                    {move || match sessions.get() {
                        Load::Loading => view! { <p class="notice">{t().loading}</p> }.into_any(),
                        Load::Failed(m) => view! { <p class="error">{m}</p> }.into_any(),
                        Load::Ready(list) if list.is_empty() => view! { <p class="notice">{t().sessions_empty}</p> }.into_any(),
                        Load::Ready(list) => view! {
                            <ul class="list">{list.into_iter().map(session_item).collect_view()}</ul>
                        }.into_any(),
                    }}
                </section>
            </div>
            {move || match client.get() {
                Load::Ready(c) => view! { <super::client_data::ClientData client=c /> }.into_any(),
                _ => ().into_any(),
            }}
        </main>
    }
}

fn goal_item(g: Goal) -> impl IntoView {
    view! {
        <li class="goal">
            <span class="domain">{pick(g.domain.label_nl(), g.domain.label_en())}</span>
            <span class="goal-title">{g.title.as_str().to_owned()}</span>
            {(!g.subgoals.is_empty()).then(|| view! {
                <ul class="subgoals">{g.subgoals.into_iter().map(|s| view! { <li>{s.as_str().to_owned()}</li> }).collect_view()}</ul>
            })}
        </li>
    }
}

fn session_item(s: Session) -> impl IntoView {
    view! {
        <li>
            <a class="row-link" href=format!("/clients/{}/sessies/{}", s.client_id, s.id)>
                {util::date_long(s.date)}
                {s.group.map(|g| view! { <small class="group-mark">{crate::group::kind_name(&g)} " · " {g.members.len()} " " {crate::i18n::tg().participants}</small> })}
                {s.notes.map(|n| view! { <small>{n.as_str().chars().take(80).collect::<String>()}</small> })}
            </a>
        </li>
    }
}

#[component]
fn StartSession(client_id: String) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let start = move |_| {
        let client_id = client_id.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let new = NewSession {
                date: util::today(),
                notes: None,
                group: None,
            };
            match api::send::<_, Session>(
                "POST",
                &format!("/api/clients/{client_id}/sessions"),
                &new,
            )
            .await
            {
                Ok(s) => navigate(
                    &format!("/clients/{client_id}/sessies/{}", s.id),
                    Default::default(),
                ),
                Err(e) => error.set(Some(e.message)),
            }
        });
    };
    view! {
        <button class="primary big" on:click=start>{t().session_start}</button>
        <ErrorBox message=error />
    }
}

#[component]
fn AddGoal(
    client_id: String,
    on_added: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let domain = RwSignal::new(GoalDomain::SpanningReguleren.code().to_owned());
    let title = RwSignal::new(String::new());
    let subgoals = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let parsed = (|| {
            let title = GoalTitle::parse(&title.get()).map_err(|e| e.to_string())?;
            let subgoals = subgoals
                .get()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(GoalTitle::parse)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| e.to_string())?;
            let domain =
                GoalDomain::from_code(&domain.get()).unwrap_or(GoalDomain::SpanningReguleren);
            let goal = NewGoal {
                domain,
                title,
                subgoals,
            };
            goal.validate().map_err(|e| e.to_string())?;
            Ok::<_, String>(goal)
        })();
        let goal = match parsed {
            Ok(g) => g,
            Err(m) => return error.set(Some(m)),
        };
        let path = format!("/api/clients/{client_id}/goals");
        let on_added = on_added.clone();
        leptos::task::spawn_local(async move {
            match api::send::<_, Goal>("POST", &path, &goal).await {
                Ok(_) => {
                    title.set(String::new());
                    subgoals.set(String::new());
                    on_added();
                }
                Err(e) => error.set(Some(e.message)),
            }
        });
    };
    view! {
        <details class="add">
            <summary class="button secondary">{t().goal_add}</summary>
            <form on:submit=submit>
                <label>{t().goal_domain}
                    <select name="domain" prop:value=domain on:change=move |ev| domain.set(value(&ev))>
                        {GoalDomain::ALL.into_iter().map(|d| view! { <option value=d.code()>{pick(d.label_nl(), d.label_en())}</option> }).collect_view()}
                    </select>
                </label>
                <div class="field">
                    <label>{t().goal_title}
                        <input name="title" required maxlength="200" aria-describedby="title-hint" prop:value=title
                            on:input=move |ev| title.set(value(&ev)) />
                    </label>
                    <small id="title-hint">{t().goal_title_hint}</small>
                </div>
                <div class="field">
                    <label>{t().subgoals}
                        <textarea name="subgoals" rows="3" aria-describedby="subgoals-hint" prop:value=subgoals
                            on:input=move |ev| subgoals.set(value(&ev))></textarea>
                    </label>
                    <small id="subgoals-hint">{t().subgoals_hint}</small>
                </div>
                <ErrorBox message=error />
                <button class="primary" type="submit">{t().goal_add}</button>
            </form>
        </details>
    }
}
