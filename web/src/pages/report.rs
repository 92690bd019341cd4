//! The evaluatieverslag of one evaluation: the therapist picks the goals (each with or without
//! its chart), the tension chart, drawings and what of the conversation goes in; the preview
//! shows the PDF's own pages (rendered by the server from the same layout), and the download
//! is the PDF of exactly these picks.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use speelruimte_model::{
    Artefact, ArtefactKind, Client, Evaluation, Goal, ReportPick, ReportPreview, ReportQuery,
};
use uuid::Uuid;

use super::{ErrorBox, Load, TopBar, client::client_id, load};
use crate::i18n::{t, tr};
use crate::{api, util};

/// The evaluation's id from the route.
fn evaluation_id() -> String {
    use_params_map()
        .read_untracked()
        .get("eid")
        .unwrap_or_default()
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let id = client_id();
    let eid = evaluation_id();
    let (client, _) = load::<Client>({
        let id = id.clone();
        move || format!("/api/clients/{id}")
    });
    let (goals, _) = load::<Vec<Goal>>({
        let id = id.clone();
        move || format!("/api/clients/{id}/goals")
    });
    let (artefacts, _) = load::<Vec<Artefact>>({
        let id = id.clone();
        move || format!("/api/clients/{id}/artefacts")
    });
    let (evaluation, _) = load::<Evaluation>({
        let (id, eid) = (id.clone(), eid.clone());
        move || format!("/api/clients/{id}/evaluations/{eid}")
    });
    let title = Signal::derive(move || match client.get() {
        Load::Ready(c) => format!("{} · {}", c.label.as_str(), tr().title),
        _ => tr().title.to_string(),
    });
    let back = format!("/clients/{id}/evaluatie");
    view! {
        <TopBar title=title back=back />
        <main class="page report-page">
            {move || match (evaluation.get(), goals.get(), artefacts.get()) {
                (Load::Failed(m), _, _) | (_, Load::Failed(m), _) | (_, _, Load::Failed(m)) => {
                    view! { <p class="error">{m}</p> }.into_any()
                }
                (Load::Ready(e), Load::Ready(g), Load::Ready(a)) => {
                    view! { <ReportForm cid=id.clone() evaluation=e goals=g artefacts=a /> }.into_any()
                }
                _ => view! { <p class="notice">{t().loading}</p> }.into_any(),
            }}
        </main>
    }
}

/// A set of ids as a signal.
type Ids = RwSignal<BTreeSet<Uuid>>;

fn toggle(set: Ids, id: Uuid, on: bool) {
    set.update(|s| {
        if on {
            s.insert(id);
        } else {
            s.remove(&id);
        }
    });
}

#[component]
fn ReportForm(
    cid: String,
    evaluation: Evaluation,
    goals: Vec<Goal>,
    artefacts: Vec<Artefact>,
) -> impl IntoView {
    let defaults = ReportPick::default_for(&evaluation);
    let order: Vec<Uuid> = defaults.goals.clone();
    let picked: Ids = RwSignal::new(defaults.goals.iter().copied().collect());
    let charts: Ids = RwSignal::new(defaults.progress_charts.iter().copied().collect());
    let drawings: Ids = RwSignal::new(BTreeSet::new());
    let tension = RwSignal::new(false);
    let satisfaction = RwSignal::new(true);
    let notes = RwSignal::new(true);
    let next_steps = RwSignal::new(true);
    let mut drawing_list: Vec<Artefact> = artefacts
        .into_iter()
        .filter(|a| a.kind == ArtefactKind::Drawing)
        .collect();
    drawing_list.sort_by_key(|a| a.created_at);
    let drawing_order: Vec<Uuid> = drawing_list.iter().map(|a| a.id).collect();
    let eid = evaluation.id;
    // The picks in the order shown; a chart only with its goal.
    let pick = Memo::new(move |_| {
        let goals: Vec<Uuid> = order
            .iter()
            .copied()
            .filter(|g| picked.with(|p| p.contains(g)))
            .collect();
        ReportPick {
            evaluation_id: eid,
            progress_charts: goals
                .iter()
                .copied()
                .filter(|g| charts.with(|c| c.contains(g)))
                .collect(),
            goals,
            tension_chart: tension.get(),
            artefacts: drawing_order
                .iter()
                .copied()
                .filter(|a| drawings.with(|d| d.contains(a)))
                .collect(),
            satisfaction: satisfaction.get(),
            notes: notes.get(),
            next_steps: next_steps.get(),
        }
    });
    let base = format!("/api/clients/{cid}/evaluations/{eid}/report");
    let query = move || ReportQuery::of(&pick.get()).to_query_string();
    let pdf_url = {
        let base = base.clone();
        move || format!("{base}/pdf?{}", query())
    };
    let preview = RwSignal::new(None::<(ReportPick, ReportPreview)>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let show_preview = {
        let base = base.clone();
        move |_| {
            let p = pick.get_untracked();
            let url = format!("{base}/preview?{}", ReportQuery::of(&p).to_query_string());
            busy.set(true);
            error.set(None);
            leptos::task::spawn_local(async move {
                match api::get::<ReportPreview>(&url).await {
                    Ok(r) => preview.set(Some((p, r))),
                    Err(e) => error.set(Some(e.message)),
                }
                busy.set(false);
            });
        }
    };
    let title_of = move |id: Uuid| {
        goals
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.title.as_str().to_owned())
            .unwrap_or_else(|| tr().goal_removed.to_owned())
    };
    let goal_rows = evaluation
        .goals
        .iter()
        .map(|g| {
            let id = g.goal_id;
            let level = g.level.map(|l| format!(" · GAS {}", l.sign_text()));
            view! {
                <li class="report-goal" data-goal=id.to_string()>
                    <label class="check">
                        <input type="checkbox" name="goal" prop:checked=move || picked.with(|p| p.contains(&id))
                            on:change=move |ev| toggle(picked, id, event_target_checked(&ev)) />
                        <span>{title_of(id)}{level}</span>
                    </label>
                    <label class="check sub">
                        <input type="checkbox" name="chart" prop:checked=move || charts.with(|c| c.contains(&id)) && picked.with(|p| p.contains(&id))
                            prop:disabled=move || !picked.with(|p| p.contains(&id))
                            on:change=move |ev| toggle(charts, id, event_target_checked(&ev)) />
                        {tr().chart_of}
                    </label>
                </li>
            }
        })
        .collect_view();
    let drawing_cards = if drawing_list.is_empty() {
        view! { <p class="notice">{tr().drawings_none}</p> }.into_any()
    } else {
        view! {
            <ul class="thumbs report-drawings">
                {drawing_list.into_iter().map(|a| {
                    let id = a.id;
                    let when = util::datetime_long(a.created_at);
                    let src = format!("/api/artefacts/{id}/blobs/thumb.png");
                    let has_thumb = a.blobs.iter().any(|b| b.name.as_str() == "thumb.png");
                    view! {
                        <li>
                            <label class="thumb pick" data-artefact=id.to_string()>
                                {has_thumb.then(|| view! { <img src=src alt="" loading="lazy" /> })}
                                <span class="check">
                                    <input type="checkbox" name="drawing" prop:checked=move || drawings.with(|d| d.contains(&id))
                                        on:change=move |ev| toggle(drawings, id, event_target_checked(&ev)) />
                                    {format!("{} {when}", tr().drawing_of)}
                                </span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let check = |signal: RwSignal<bool>, name: &'static str, text: &'static str| {
        view! {
            <label class="check">
                <input type="checkbox" name=name prop:checked=move || signal.get()
                    on:change=move |ev| signal.set(event_target_checked(&ev)) />
                {text}
            </label>
        }
    };
    let no_goal = move || pick.with(|p| p.goals.is_empty());
    let current = move || {
        preview.with(|p| {
            p.as_ref()
                .filter(|(p, _)| *p == pick.get())
                .map(|(_, r)| r.clone())
        })
    };
    let stale = move || preview.with(|p| p.as_ref().is_some_and(|(p, _)| *p != pick.get()));
    view! {
        <section class="card report-picks" data-testid="report-picks">
            <h1>{tr().title}</h1>
            <p class="muted">{format!("{} {}", tr().of_evaluation, util::date_long(evaluation.date))}</p>
            <p class="notice">{tr().intro}</p>
            <fieldset>
                <legend>{tr().goals}</legend>
                <ul class="report-goals">{goal_rows}</ul>
                {check(tension, "tension", tr().tension)}
            </fieldset>
            <fieldset>
                <legend>{tr().drawings}</legend>
                {drawing_cards}
            </fieldset>
            <fieldset>
                <legend>{tr().conversation}</legend>
                {check(satisfaction, "satisfaction", tr().satisfaction)}
                {check(notes, "notes", tr().notes)}
                {check(next_steps, "next_steps", tr().next_steps)}
                <p class="muted">{tr().discussed_always}</p>
            </fieldset>
            <Show when=no_goal>
                <p class="error" role="alert">{tr().no_goal}</p>
            </Show>
            <div class="actions">
                <button class="primary big" data-testid="report-preview-button" on:click=show_preview
                    disabled=move || busy.get() || no_goal()>
                    {move || if busy.get() { tr().previewing } else { tr().preview }}
                </button>
                <a class="button big" data-testid="report-download" href=pdf_url download=""
                    class:disabled=no_goal aria-disabled=move || no_goal().to_string()>
                    {tr().download}
                </a>
            </div>
            <ErrorBox message=error />
        </section>
        <Show when=stale>
            <p class="notice-soft" role="status">{tr().preview_stale}</p>
        </Show>
        {move || current().map(|r| {
            let n = r.pages.len();
            view! {
                <section class="card report-preview" data-testid="report-preview" data-pages=n data-file=r.file_name.clone()>
                    <h2>{tr().preview_title}</h2>
                    <ol class="report-pages">
                        {r.pages.into_iter().enumerate().map(|(i, png)| view! {
                            <li><img src=format!("data:image/png;base64,{png}")
                                alt=format!("{} {} {} {n}", tr().page, i + 1, tr().of) /></li>
                        }).collect_view()}
                    </ol>
                </section>
            }
        })}
    }
}
