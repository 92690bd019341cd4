//! What the review screen shows per goal besides its work: the *voortgang* chart with the GAS
//! levels of the evaluations, the GAS scale and its editor, and the subgoals' status.

use leptos::prelude::*;
use speelruimte_model::{
    ClientProgress, Evaluation, GasLevel, GasScale, GasWeight, Goal, GoalGas, SetSubgoalStatus,
    SubgoalProgress, SubgoalStatus, progress_series,
};
use uuid::Uuid;

use super::progress_chart::ProgressChart;
use super::{ErrorBox, Load, value};
use crate::api;
use crate::i18n::{pick, te};

/// The levels' labels in the editor, −2 first.
fn level_labels() -> [&'static str; 5] {
    let e = te();
    [
        e.gas_level_m2,
        e.gas_level_m1,
        e.gas_level_0,
        e.gas_level_p1,
        e.gas_level_p2,
    ]
}

/// Everything about one goal's progress, under its artefacts on the review screen.
#[component]
pub fn GoalProgress(
    goal: Goal,
    cid: String,
    progress: RwSignal<Load<ClientProgress>>,
    evaluations: RwSignal<Load<Vec<Evaluation>>>,
    reload: Callback<()>,
) -> impl IntoView {
    let gid = goal.id;
    let status = RwSignal::new(None::<String>);
    let chart = move || {
        let (Load::Ready(p), Load::Ready(evals)) = (progress.get(), evaluations.get()) else {
            return ().into_any();
        };
        let scores = progress_series(&p.scores, gid);
        let mut gas: Vec<(chrono::NaiveDate, i8)> = evals
            .iter()
            .filter_map(|e| {
                e.goals
                    .iter()
                    .find(|g| g.goal_id == gid)
                    .and_then(|g| g.level)
                    .map(|l| (e.date, l.get()))
            })
            .collect();
        gas.sort();
        view! { <ProgressChart scores=scores gas=gas /> }.into_any()
    };
    let editor = {
        let cid = cid.clone();
        move || {
            let Load::Ready(p) = progress.get() else {
                return ().into_any();
            };
            let scale = p.scale(gid).cloned();
            view! { <GasEditor gid=gid cid=cid.clone() scale=scale status=status reload=reload /> }
                .into_any()
        }
    };
    let subgoals = goal.subgoals.clone();
    let subgoal_view = move || {
        if subgoals.is_empty() {
            return ().into_any();
        }
        let Load::Ready(p) = progress.get() else {
            return ().into_any();
        };
        let rows = subgoals
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let now = p.subgoal(gid, i as u32);
                view! { <SubgoalRow gid=gid cid=cid.clone() index=i as u32 title=s.as_str().to_owned() status=now /> }
            })
            .collect_view();
        view! {
            <div class="subgoal-list">
                <h3>{te().subgoals_title}</h3>
                {rows}
            </div>
        }
        .into_any()
    };
    view! {
        <div class="goal-progress" data-testid="goal-progress">
            <h3>{te().progress_title}</h3>
            {chart}
            {editor}
            <p class="notice" role="status">{move || status.get()}</p>
            {subgoal_view}
        </div>
    }
}

/// The GAS scale of one goal: a summary, and an editor behind a tap.
#[component]
fn GasEditor(
    gid: Uuid,
    cid: String,
    scale: Option<GasScale>,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let has_scale = scale.is_some();
    let start = scale.clone().unwrap_or(GasScale {
        levels: Default::default(),
        weight: None,
        baseline: None,
    });
    let levels: [RwSignal<String>; 5] =
        std::array::from_fn(|i| RwSignal::new(start.levels[i].clone()));
    let weight = RwSignal::new(
        start
            .weight
            .map(|w| w.get().to_string())
            .unwrap_or_default(),
    );
    let baseline = RwSignal::new(
        start
            .baseline
            .map(|b| b.get().to_string())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let path = format!("/api/clients/{cid}/goals/{gid}/gas");
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let weight = match weight.get_untracked().parse::<i64>() {
            Ok(w) => match GasWeight::parse(w) {
                Ok(w) => Some(w),
                Err(e) => return error.set(Some(e.to_string())),
            },
            Err(_) => None,
        };
        let baseline = baseline
            .get_untracked()
            .parse::<i64>()
            .ok()
            .and_then(|b| GasLevel::parse(b).ok());
        let scale = GasScale {
            levels: levels.map(|l| l.get_untracked()),
            weight,
            baseline,
        };
        // The model's own check, so a refusal is the same words the server would give.
        let scale = match scale.validate() {
            Ok(s) => s,
            Err(e) => return error.set(Some(e.to_string())),
        };
        let path = path.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::send::<_, GoalGas>("PUT", &path, &scale).await {
                Ok(_) => {
                    error.set(None);
                    status.set(Some(te().gas_saved.to_owned()));
                    reload.run(());
                }
                Err(e) => error.set(Some(e.message)),
            }
            busy.set(false);
        });
    };
    let summary = scale.map(|s| -> AnyView {
        let weight = s.weight_or_default().get();
        let baseline = s.baseline.map(|b| b.sign_text());
        view! {
            <dl class="gas-summary" data-testid="gas-summary">
                {GasLevel::ALL.into_iter().rev().map(|l| view! {
                    <dt>{l.sign_text()}</dt><dd>{s.describe(l).to_owned()}</dd>
                }).collect_view()}
            </dl>
            <p class="muted">
                {te().weight_short} " " {weight}
                {baseline.map(|b| view! { " · " {te().baseline_short} " " {b} })}
            </p>
        }
        .into_any()
    });
    view! {
        <div class="gas" data-goal=gid.to_string() data-has-scale={if has_scale { "1" } else { "0" }}>
            <h3>{te().gas_title}</h3>
            {summary.unwrap_or_else(|| view! { <p class="notice">{te().gas_missing}</p> }.into_any())}
            <details class="gas-edit">
                <summary class="button secondary">{if has_scale { te().gas_change } else { te().gas_edit }}</summary>
                <form on:submit=save>
                    <p class="muted">{te().gas_intro}</p>
                    {(0..5).rev().map(|i| view! {
                        <label>
                            {level_labels()[i]}
                            <input name=format!("level{}", i as i32 - 2) maxlength="300"
                                prop:value=move || levels[i].get()
                                on:input=move |ev| levels[i].set(value(&ev)) />
                        </label>
                    }).collect_view()}
                    <div class="row-fields">
                        <label>
                            {te().gas_weight}
                            <select name="weight" on:change=move |ev| weight.set(value(&ev)) prop:value=move || weight.get()>
                                <option value="">{te().gas_weight_none}</option>
                                {(1..=9).map(|w| view! { <option value=w.to_string()>{w}</option> }).collect_view()}
                            </select>
                        </label>
                        <label>
                            {te().gas_baseline}
                            <select name="baseline" on:change=move |ev| baseline.set(value(&ev)) prop:value=move || baseline.get()>
                                <option value="">{te().gas_baseline_none}</option>
                                {GasLevel::ALL.into_iter().map(|l| view! { <option value=l.get().to_string()>{l.sign_text()}</option> }).collect_view()}
                            </select>
                        </label>
                    </div>
                    <ErrorBox message=error />
                    <button type="submit" class="primary" data-testid="gas-save" disabled=move || busy.get()>{te().gas_save}</button>
                </form>
            </details>
        </div>
    }
}

/// One subgoal with its three statuses; a tap sets it.
#[component]
fn SubgoalRow(
    gid: Uuid,
    cid: String,
    index: u32,
    title: String,
    status: SubgoalStatus,
) -> impl IntoView {
    let now = RwSignal::new(status);
    let error = RwSignal::new(None::<String>);
    let path = format!("/api/clients/{cid}/goals/{gid}/subgoals/{index}");
    let label = title.clone();
    view! {
        <div class="subgoal" data-index=index data-status=move || now.get().code()>
            <span class="subgoal-title">{title}</span>
            <div class="segmented" role="group" aria-label=label>
                {SubgoalStatus::ALL.into_iter().map(|s| {
                    let path = path.clone();
                    let set = move |_| {
                        let path = path.clone();
                        leptos::task::spawn_local(async move {
                            match api::send::<_, SubgoalProgress>("PUT", &path, &SetSubgoalStatus { status: s }).await {
                                Ok(p) => {
                                    error.set(None);
                                    now.set(p.status);
                                }
                                Err(e) => error.set(Some(e.message)),
                            }
                        });
                    };
                    view! {
                        <button class="seg" data-status=s.code()
                            aria-pressed=move || if now.get() == s { "true" } else { "false" }
                            on:click=set>{pick(s.label_nl(), s.label_en())}</button>
                    }
                }).collect_view()}
            </div>
            <ErrorBox message=error />
        </div>
    }
}
