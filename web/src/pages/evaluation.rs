//! The client's evaluations on the review screen: the form to record one (goals, GAS levels,
//! satisfaction, discussed with the client, notes, next steps) with the T-score as it will be,
//! and the evaluations recorded, each with its T-score.

use leptos::prelude::*;
use speelruimte_model::{
    ClientProgress, Evaluation, GasLevel, Goal, GoalRating, NewEvaluation, Satisfaction,
    gas_t_score,
};
use uuid::Uuid;

use super::{ErrorBox, Load, value};
use crate::i18n::{decimal, t, te, tr, tv};
use crate::{api, util};

pub use super::goal_progress::GoalProgress;

/// A T-score as shown: one decimal, in the language's way ("36,3").
pub fn t_score_text(t: f64) -> String {
    decimal(format!("{t:.1}"))
}

/// The client's evaluations: the form to record one, and the ones recorded, newest first.
#[component]
pub fn Evaluations(
    cid: String,
    goals: Vec<Goal>,
    progress: RwSignal<Load<ClientProgress>>,
    evaluations: RwSignal<Load<Vec<Evaluation>>>,
    reload: Callback<()>,
) -> impl IntoView {
    let titles: Vec<(Uuid, String)> = goals
        .iter()
        .map(|g| (g.id, g.title.as_str().to_owned()))
        .collect();
    let list = {
        let titles = titles.clone();
        let cid = cid.clone();
        move || match evaluations.get() {
            Load::Loading => view! { <p class="notice">{t().loading}</p> }.into_any(),
            Load::Failed(m) => view! { <p class="error">{m}</p> }.into_any(),
            Load::Ready(list) if list.is_empty() => {
                view! { <p class="notice">{te().evaluations_empty}</p> }.into_any()
            }
            Load::Ready(list) => {
                let cid = cid.clone();
                let scales = match progress.get() {
                    Load::Ready(p) => p,
                    _ => ClientProgress::default(),
                };
                view! {
                    <ol class="evaluations" data-testid="evaluation-list">
                        {list.into_iter().map(|e| evaluation_item(e, &cid, &titles, &scales)).collect_view()}
                    </ol>
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="card evaluations-card" data-testid="evaluations">
            <h2>{te().evaluations_title}</h2>
            <EvaluationForm cid=cid goals=goals progress=progress reload=reload />
            {list}
        </section>
    }
}

fn evaluation_item(
    e: Evaluation,
    cid: &str,
    titles: &[(Uuid, String)],
    progress: &ClientProgress,
) -> impl IntoView {
    let title = |id: Uuid| {
        titles
            .iter()
            .find(|(g, _)| *g == id)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| te().goal_removed.to_owned())
    };
    let t_raw = e.t_score.map(|t| format!("{t:.2}")).unwrap_or_default();
    let t_shown = e
        .t_score
        .map(t_score_text)
        .unwrap_or_else(|| te().t_score_none.to_owned());
    let baseline = e.baseline_t_score(&progress.scales);
    let baseline_raw = baseline.map(|t| format!("{t:.2}")).unwrap_or_default();
    let goals = e
        .goals
        .iter()
        .map(|g| {
            let level = g.level.map(|l| {
                let words = progress
                    .scale(g.goal_id)
                    .map(|s| format!(": {}", s.describe(l)))
                    .unwrap_or_default();
                format!("GAS {}{words}", l.sign_text())
            });
            view! {
                <li data-goal=g.goal_id.to_string()>
                    <span class="goal-title">{title(g.goal_id)}</span>
                    {level.map(|l| view! { <small>{l}</small> })}
                </li>
            }
        })
        .collect_view();
    let text = |label: &'static str, body: Option<String>| {
        body.map(|b| view! { <dt>{label}</dt><dd class="prose">{b}</dd> })
    };
    view! {
        <li class="evaluation" data-testid="evaluation" data-evaluation=e.id.to_string() data-t-score=t_raw>
            <header>
                <h3>{util::date_long(e.date)}</h3>
                <p class="t-score"><span>{te().t_score}</span> " " <strong data-testid="t-score">{t_shown}</strong></p>
                {baseline.map(|b| view! {
                    <p class="t-score baseline" data-testid="baseline-t-score" data-t-score=baseline_raw.clone()>
                        <span>{tv().baseline_t}</span> " " <strong>{t_score_text(b)}</strong>
                    </p>
                })}
            </header>
            <p class={if e.discussed_with_client { "discussed yes" } else { "discussed no" }}>
                {if e.discussed_with_client { format!("✓ {}", te().discussed) } else { te().not_discussed.to_owned() }}
            </p>
            <ul class="evaluated-goals">{goals}</ul>
            <dl class="evaluation-facts">
                {e.satisfaction.map(|s| view! { <dt>{te().satisfaction}</dt><dd>{s.get()}</dd> })}
                {text(te().satisfaction_words, e.satisfaction_words)}
                {text(te().notes, e.notes)}
                {text(te().next_steps, e.next_steps)}
            </dl>
            <a class="button" data-testid="report-link" href=format!("/clients/{cid}/evaluaties/{}/verslag", e.id)>
                {tr().make}
            </a>
        </li>
    }
}

/// What the form holds for one goal: whether it is in the evaluation and the level chosen.
#[derive(Clone, Copy, PartialEq)]
struct Pick {
    goal: Uuid,
    on: bool,
    level: Option<GasLevel>,
}

#[component]
fn EvaluationForm(
    cid: String,
    goals: Vec<Goal>,
    progress: RwSignal<Load<ClientProgress>>,
    reload: Callback<()>,
) -> impl IntoView {
    // The form's state lives here, outside what re-renders when the scales change, so nothing
    // typed is lost when a scale is saved while the form is half filled in.
    let date = RwSignal::new(util::today().to_string());
    let picks = RwSignal::new(
        goals
            .iter()
            .map(|g| Pick {
                goal: g.id,
                on: false,
                level: None,
            })
            .collect::<Vec<_>>(),
    );
    let words = RwSignal::new(String::new());
    let satisfaction_in = RwSignal::new(String::new());
    let discussed = RwSignal::new(false);
    let notes = RwSignal::new(String::new());
    let next = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let weights = move || match progress.get() {
        Load::Ready(p) => p,
        _ => ClientProgress::default(),
    };
    let preview = move || {
        let p = weights();
        let rated = picks.get().into_iter().filter(|k| k.on).filter_map(|k| {
            let w = p.scale(k.goal)?.weight_or_default();
            k.level.map(|l| (l, w))
        });
        gas_t_score(rated)
    };
    let path = format!("/api/clients/{cid}/evaluations");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen: Vec<GoalRating> = picks
            .get_untracked()
            .into_iter()
            .filter(|k| k.on)
            .map(|k| GoalRating {
                goal_id: k.goal,
                level: k.level,
            })
            .collect();
        let Ok(day) = date.get_untracked().parse::<chrono::NaiveDate>() else {
            return error.set(Some(te().evaluation_date.to_owned()));
        };
        let satisfaction = satisfaction_in
            .get_untracked()
            .parse::<i64>()
            .ok()
            .and_then(|s| Satisfaction::parse(s).ok());
        let text = |s: RwSignal<String>| Some(s.get_untracked()).filter(|s| !s.trim().is_empty());
        let new = NewEvaluation {
            date: day,
            goals: chosen,
            satisfaction_words: text(words),
            satisfaction,
            discussed_with_client: discussed.get_untracked(),
            notes: text(notes),
            next_steps: text(next),
        };
        let new = match new.validate() {
            Ok(n) => n,
            Err(e) => return error.set(Some(e.to_string())),
        };
        let path = path.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::send::<_, Evaluation>("POST", &path, &new).await {
                Ok(_) => {
                    error.set(None);
                    saved.set(Some(te().evaluation_saved.to_owned()));
                    picks.update(|ps| {
                        ps.iter_mut().for_each(|p| {
                            *p = Pick {
                                on: false,
                                level: None,
                                ..*p
                            }
                        })
                    });
                    for s in [words, satisfaction_in, notes, next] {
                        s.set(String::new());
                    }
                    discussed.set(false);
                    reload.run(());
                }
                Err(e) => error.set(Some(e.message)),
            }
            busy.set(false);
        });
    };
    let rows = goals
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let gid = g.id;
            let title = g.title.as_str().to_owned();
            let on = move || picks.get().get(i).is_some_and(|p| p.on);
            let level = move || picks.get().get(i).and_then(|p| p.level);
            let toggle = move |_| picks.update(|ps| if let Some(p) = ps.get_mut(i) { p.on = !p.on });
            let levels = move || {
                let p = weights();
                match p.scale(gid).cloned() {
                    None => view! { <small>{te().level_needs_scale}</small> }.into_any(),
                    Some(scale) => {
                        let described = scale.clone();
                        view! {
                            <div class="segmented levels" role="group" aria-label=format!("GAS · {}", scale.describe(GasLevel::EXPECTED))>
                                <button type="button" class="seg" data-level=""
                                    aria-pressed=move || if level().is_none() { "true" } else { "false" }
                                    on:click=move |_| picks.update(|ps| if let Some(p) = ps.get_mut(i) { p.level = None; p.on = true; })>
                                    {te().level_open}
                                </button>
                                {GasLevel::ALL.into_iter().map(|l| {
                                    let words = scale.describe(l).to_owned();
                                    view! {
                                        <button type="button" class="seg" data-level=l.get() title=words
                                            aria-pressed=move || if level() == Some(l) { "true" } else { "false" }
                                            on:click=move |_| picks.update(|ps| if let Some(p) = ps.get_mut(i) { p.level = Some(l); p.on = true; })>
                                            {l.sign_text()}
                                        </button>
                                    }
                                }).collect_view()}
                            </div>
                            <small class="level-words">{move || level().map(|l| described.describe(l).to_owned())}</small>
                        }
                        .into_any()
                    }
                }
            };
            view! {
                <div class="eval-goal" data-goal=gid.to_string() data-on=move || if on() { "1" } else { "0" }>
                    <button type="button" class="chip" aria-pressed=move || if on() { "true" } else { "false" } on:click=toggle>{title}</button>
                    <Show when=on>{levels}</Show>
                </div>
            }
        })
        .collect_view();
    view! {
        <details class="evaluation-new">
            <summary class="button primary big" data-testid="evaluation-open">{te().evaluation_new}</summary>
            <form on:submit=submit data-testid="evaluation-form">
                <label>
                    {te().evaluation_date}
                    <input type="date" name="date" prop:value=move || date.get() on:input=move |ev| date.set(value(&ev)) />
                </label>
                <fieldset>
                    <legend>{te().evaluation_goals}</legend>
                    {rows}
                </fieldset>
                <p class="t-preview" data-testid="t-preview"
                    data-t-score=move || preview().map(|t| format!("{t:.2}")).unwrap_or_default()>
                    {te().t_score} ": "
                    <strong>{move || preview().map(t_score_text).unwrap_or_else(|| te().t_score_none.to_owned())}</strong>
                    <small>{te().t_score_hint}</small>
                </p>
                <label>
                    {te().satisfaction_words}
                    <textarea name="satisfaction_words" rows="2" prop:value=move || words.get() on:input=move |ev| words.set(value(&ev))></textarea>
                </label>
                <label>
                    {te().satisfaction}
                    <select name="satisfaction" prop:value=move || satisfaction_in.get() on:change=move |ev| satisfaction_in.set(value(&ev))>
                        <option value="">{te().satisfaction_none}</option>
                        {(0..=10).map(|v| view! { <option value=v.to_string()>{v}</option> }).collect_view()}
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" name="discussed" prop:checked=move || discussed.get()
                        on:change=move |ev| discussed.set(event_target_checked(&ev)) />
                    {te().discussed}
                </label>
                <label>
                    {te().notes}
                    <textarea name="notes" rows="3" prop:value=move || notes.get() on:input=move |ev| notes.set(value(&ev))></textarea>
                </label>
                <label>
                    {te().next_steps}
                    <textarea name="next_steps" rows="2" prop:value=move || next.get() on:input=move |ev| next.set(value(&ev))></textarea>
                </label>
                <ErrorBox message=error />
                <button type="submit" class="primary big" data-testid="evaluation-save" disabled=move || busy.get()>{te().evaluation_save}</button>
            </form>
        </details>
        <p class="notice" role="status" data-testid="evaluation-status">{move || saved.get()}</p>
    }
}
