//! The *voortgang* score at the end of a session: per goal of the client a row of 0–10, one
//! tap opens the rows, one tap on a number saves it for this session.

use leptos::prelude::*;
use speelruimte_model::{ClientProgress, Goal, GoalScore, ProgressScore, SetGoalScore};
use uuid::Uuid;

use super::{ErrorBox, Load, load};
use crate::api;
use crate::i18n::{pick, t, te};

/// The end-of-session panel of session `sid` of client `cid`.
#[component]
pub fn SessionScores(cid: String, sid: String) -> impl IntoView {
    let (goals, _) = load::<Vec<Goal>>({
        let cid = cid.clone();
        move || format!("/api/clients/{cid}/goals")
    });
    let (progress, _) = load::<ClientProgress>({
        let cid = cid.clone();
        move || format!("/api/clients/{cid}/progress")
    });
    let session = Uuid::parse_str(&sid).ok();
    view! {
        <details class="card session-end" data-testid="session-scores">
            <summary class="button secondary big">{te().session_end}</summary>
            <p class="muted">{te().session_end_hint}</p>
            {move || match (goals.get(), progress.get()) {
                (Load::Failed(m), _) | (_, Load::Failed(m)) => view! { <p class="error">{m}</p> }.into_any(),
                (Load::Ready(goals), _) if goals.is_empty() => view! { <p class="notice">{te().no_goals}</p> }.into_any(),
                (Load::Ready(goals), Load::Ready(progress)) => {
                    let cid = cid.clone();
                    let sid = sid.clone();
                    goals.into_iter().map(|g| {
                        let current = progress
                            .scores
                            .iter()
                            .find(|s| Some(s.session_id) == session && s.goal_id == g.id)
                            .map(|s| s.score.get());
                        view! { <ScoreRow goal=g current=current cid=cid.clone() sid=sid.clone() /> }
                    }).collect_view().into_any()
                }
                _ => view! { <p class="notice">{t().loading}</p> }.into_any(),
            }}
        </details>
    }
}

/// One goal's row of 0–10.
#[component]
fn ScoreRow(goal: Goal, current: Option<u8>, cid: String, sid: String) -> impl IntoView {
    let chosen = RwSignal::new(current);
    let saved = RwSignal::new(current.is_some());
    let error = RwSignal::new(None::<String>);
    let path = format!("/api/clients/{cid}/sessions/{sid}/scores/{}", goal.id);
    let title = goal.title.as_str().to_owned();
    let label = format!("{} {}", te().score_of, title);
    let set = move |value: u8| {
        let path = path.clone();
        chosen.set(Some(value));
        saved.set(false);
        leptos::task::spawn_local(async move {
            let Ok(score) = ProgressScore::parse(i64::from(value)) else {
                return;
            };
            match api::send::<_, GoalScore>("PUT", &path, &SetGoalScore { score }).await {
                Ok(_) => {
                    error.set(None);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e.message)),
            }
        });
    };
    view! {
        <div class="score-row" data-goal=goal.id.to_string()
            data-score=move || chosen.get().map(|v| v.to_string()).unwrap_or_default()
            data-saved=move || if saved.get() { "1" } else { "0" }>
            <p class="score-goal">
                <span class="domain">{pick(goal.domain.label_nl(), goal.domain.label_en())}</span>
                " " {title}
                <span class="saved-mark" aria-live="polite">{move || saved.get().then(|| format!(" ✓ {}", te().score_saved))}</span>
            </p>
            <div class="score-buttons" role="group" aria-label=label>
                {(0u8..=10).map(|v| {
                    let set = set.clone();
                    view! {
                        <button class="score" data-value=v
                            aria-pressed=move || if chosen.get() == Some(v) { "true" } else { "false" }
                            on:click=move |_| set(v)>{v}</button>
                    }
                }).collect_view()}
            </div>
            <ErrorBox message=error />
        </div>
    }
}
