//! Evaluation: a client's artefacts per treatment goal, newest first, as thumbnails; per goal
//! its progress chart, GAS scale and subgoals; and the client's evaluations.

use leptos::prelude::*;
use speelruimte_model::{Artefact, ArtefactKind, Client, ClientProgress, Evaluation, Goal};

use super::artefact_panel::ArtefactPanel;
use super::evaluation::{Evaluations, GoalProgress};
use super::{Load, TopBar, client::client_id, load};
use crate::draw::compare::DrawingCompare;
use crate::exercise::review::{ExerciseThumb, TensionChart, summary};
use crate::i18n::{pick, t};
use crate::music::review::MusicThumb;
use crate::util;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let id = client_id();
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
    let (progress, reload_progress) = load::<ClientProgress>({
        let id = id.clone();
        move || format!("/api/clients/{id}/progress")
    });
    let (evaluations, reload_evaluations) = load::<Vec<Evaluation>>({
        let id = id.clone();
        move || format!("/api/clients/{id}/evaluations")
    });
    let reload = Callback::new(move |()| {
        reload_progress();
        reload_evaluations();
    });
    let scores = Scores {
        cid: id.clone(),
        progress,
        evaluations,
        reload,
    };
    let open = RwSignal::new(None::<Artefact>);
    let title = Signal::derive(move || match client.get() {
        Load::Ready(c) => format!("{} · {}", c.label.as_str(), t().review_title),
        _ => t().review_title.to_string(),
    });

    view! {
        <TopBar title=title back=format!("/clients/{id}") />
        <main class="page">
            {move || match (goals.get(), artefacts.get()) {
                (Load::Failed(m), _) | (_, Load::Failed(m)) => view! { <p class="error">{m}</p> }.into_any(),
                (Load::Ready(goals), Load::Ready(artefacts)) => by_goal(goals, artefacts, open, scores.clone()).into_any(),
                _ => view! { <p class="notice">{t().loading}</p> }.into_any(),
            }}
            <ArtefactPanel open />
        </main>
    }
}

/// What the goal sections and the evaluations share.
#[derive(Clone)]
struct Scores {
    cid: String,
    progress: RwSignal<Load<ClientProgress>>,
    evaluations: RwSignal<Load<Vec<Evaluation>>>,
    reload: Callback<()>,
}

fn by_goal(
    goals: Vec<Goal>,
    artefacts: Vec<Artefact>,
    open: RwSignal<Option<Artefact>>,
    scores: Scores,
) -> impl IntoView {
    let evaluations = view! {
        <Evaluations cid=scores.cid.clone() goals=goals.clone() progress=scores.progress
            evaluations=scores.evaluations reload=scores.reload />
    };
    let goal_sections = |with_thumbs: bool| {
        goals
            .clone()
            .into_iter()
            .map(|g| {
                let mine: Vec<Artefact> = artefacts.iter().filter(|a| a.goal_ids.contains(&g.id)).cloned().collect();
                view! {
                    <section class="card" data-goal=g.id.to_string()>
                        <h2><span class="domain">{pick(g.domain.label_nl(), g.domain.label_en())}</span> {g.title.as_str().to_owned()}</h2>
                        {with_thumbs.then(|| {
                            let runs: Vec<Artefact> = mine.iter().filter(|a| a.kind == ArtefactKind::Exercise).cloned().collect();
                            view! { {thumbs(mine, open)} <TensionChart artefacts=runs for_goal=true /> }
                        })}
                        <GoalProgress goal=g.clone() cid=scores.cid.clone() progress=scores.progress
                            evaluations=scores.evaluations reload=scores.reload />
                    </section>
                }
            })
            .collect_view()
    };
    if artefacts.is_empty() {
        return view! {
            <p class="notice card">{t().review_empty}</p>
            {goal_sections(false)}
            {evaluations}
        }
        .into_any();
    }
    let unlinked: Vec<Artefact> = artefacts
        .iter()
        .filter(|a| a.goal_ids.is_empty())
        .cloned()
        .collect();
    let exercises: Vec<Artefact> = artefacts
        .iter()
        .filter(|a| a.kind == ArtefactKind::Exercise)
        .cloned()
        .collect();
    let sections = goal_sections(true);
    let drawings = crate::draw::compare::drawings(&artefacts);
    view! {
        <TensionChart artefacts=exercises />
        {sections}
        {(!unlinked.is_empty()).then(|| view! {
            <section class="card"><h2>{t().review_without_goal}</h2>{thumbs(unlinked, open)}</section>
        })}
        {(drawings.len() >= 2).then(|| view! { <DrawingCompare drawings /> })}
        {evaluations}
    }
    .into_any()
}

fn thumbs(list: Vec<Artefact>, open: RwSignal<Option<Artefact>>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="notice">{t().review_nothing_for_goal}</p> }.into_any();
    }
    view! {
        <ul class="thumbs">
            {list.into_iter().map(|a| {
                let has_thumb = a.blobs.iter().any(|b| b.name.as_str() == "thumb.png");
                let src = blob_url(&a, "thumb.png");
                let when = util::datetime_long(a.created_at);
                let kind = pick(a.kind.label_nl(), a.kind.label_en());
                let id = a.id.to_string();
                let is_exercise = a.kind == ArtefactKind::Exercise;
                let is_music = a.kind == ArtefactKind::Music;
                let label = if is_exercise {
                    summary(&a)
                } else if is_music {
                    crate::music::review::summary(&a)
                } else {
                    kind.to_string()
                };
                let card = is_exercise.then(|| view! { <ExerciseThumb artefact=a.clone() /> });
                let music_card = is_music.then(|| view! { <MusicThumb artefact=a.clone() /> });
                view! {
                    <li>
                        <button class="thumb" data-artefact=id on:click=move |_| open.set(Some(a.clone()))>
                            {has_thumb.then(|| view! { <img src=src.clone() alt=kind loading="lazy" /> })}
                            {card}
                            {music_card}
                            <span>{label} " · " {when}</span>
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn blob_url(a: &Artefact, name: &str) -> String {
    format!("/api/artefacts/{}/blobs/{name}", a.id)
}
