//! Exercises at evaluation: before and after per run, and the spanningsthermometer over the
//! sessions as a chart.

use leptos::prelude::*;
use speelruimte_chart::{TensionLabels, TensionRun, tension_svg};
use speelruimte_guide::ExerciseResult;
use speelruimte_model::Artefact;

use super::pacer::ran_text;
use crate::body::body_name;
use crate::i18n::{self, tx};
use crate::util;

/// The run stored in an exercise artefact, as the client of the current address did it (a
/// group exercise with that client's own ratings).
pub fn result(a: &Artefact) -> Option<ExerciseResult> {
    if a.participants.is_empty() {
        return serde_json::from_value(a.metadata.clone()).ok();
    }
    let client = uuid::Uuid::parse_str(&crate::pages::client::client_id()).ok()?;
    speelruimte_model::exercise_run_for(a, client).ok()
}

fn value_text(v: Option<u8>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "–".into())
}

/// "Vierkant ademen · 8 → 3" for a thumbnail.
pub fn summary(a: &Artefact) -> String {
    match result(a) {
        Some(r) => format!(
            "{} · {} → {}",
            i18n::text(&r.exercise.title),
            value_text(r.before.value),
            value_text(r.after.value)
        ),
        None => tx().title.into(),
    }
}

/// The card in a review list: before and after as two bars.
#[component]
pub fn ExerciseThumb(artefact: Artefact) -> impl IntoView {
    let r = result(&artefact);
    let bar = |v: Option<u8>, cls: &'static str, label: &'static str| {
        let h = v.map(|v| v as f32 * 10.0).unwrap_or(0.0);
        view! {
            <div class=format!("tbar {cls}")>
                <div class="tfill" style=format!("height: {h:.0}%")></div>
                <b>{value_text(v)}</b>
                <span class="tlabel">{label}</span>
            </div>
        }
    };
    view! {
        <div class="exercise-thumb" aria-hidden="true">
            {r.map(|r| view! {
                {bar(r.before.value, "before", tx().before)}
                {bar(r.after.value, "after", tx().after)}
            })}
        </div>
    }
}

/// The panel for one run.
#[component]
pub fn ExerciseReview(artefact: Artefact) -> impl IntoView {
    let Some(r) = result(&artefact) else {
        return view! { <p class="error">{tx().unreadable}</p> }.into_any();
    };
    let change = r.change().map(|c| match c.difference() {
        0 => tx().no_change.to_string(),
        d if d < 0 => format!("{} {}", -d, tx().calmer),
        d => format!("{d} {}", tx().tenser),
    });
    let places = |p: &[speelruimte_guide::BodyPart]| {
        if p.is_empty() {
            "–".to_string()
        } else {
            p.iter()
                .map(|b| body_name(b.code()))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    view! {
        <div class="exercise-review" data-testid="exercise-review">
            <ExerciseThumb artefact=artefact.clone() />
            <dl class="facts">
                <dt>{tx().exercise}</dt><dd>{i18n::text(&r.exercise.title).to_owned()}</dd>
                <dt>{tx().ran_for}</dt>
                <dd>{ran_text(r.wall_ms)}
                    {r.interrupted.then(|| format!(" ({})", tx().interrupted))}</dd>
                <dt>{tx().tension} " " {tx().before}</dt><dd data-testid="before-value">{value_text(r.before.value)}</dd>
                <dt>{tx().tension} " " {tx().after}</dt><dd data-testid="after-value">{value_text(r.after.value)}</dd>
                {change.map(|c| view! { <dt>{tx().change}</dt><dd>{c}</dd> })}
                <dt>{tx().places} " " {tx().before}</dt><dd>{places(&r.before.places)}</dd>
                <dt>{tx().places} " " {tx().after}</dt><dd>{places(&r.after.places)}</dd>
            </dl>
        </div>
    }
    .into_any()
}

/// Before (open) and after (filled) of every rated run, oldest left, on the 0–10 scale: over
/// all the client's runs, or (`for_goal`) inside a goal's section, over the runs linked to it.
#[component]
pub fn TensionChart(artefacts: Vec<Artefact>, #[prop(optional)] for_goal: bool) -> impl IntoView {
    let mut runs: Vec<(Artefact, ExerciseResult)> = artefacts
        .into_iter()
        .filter_map(|a| result(&a).map(|r| (a, r)))
        .filter(|(_, r)| r.before.value.is_some() || r.after.value.is_some())
        .collect();
    runs.sort_by_key(|(a, _)| a.created_at);
    if runs.is_empty() {
        return ().into_any();
    }
    let runs: Vec<TensionRun> = runs
        .iter()
        .map(|(a, r)| TensionRun {
            date: util::local_date(a.created_at),
            name: i18n::text(&r.exercise.title).to_owned(),
            tooltip: format!(
                "{} · {}",
                i18n::text(&r.exercise.title),
                util::datetime_long(a.created_at)
            ),
            before: r.before.value,
            after: r.after.value,
        })
        .collect();
    let title = if for_goal {
        tx().for_this_goal
    } else {
        tx().over_sessions
    };
    let labels = TensionLabels {
        chart: title,
        months: util::month_names(),
        font_family: None,
    };
    let Some(svg) = tension_svg(&runs, &labels) else {
        return ().into_any();
    };
    let heading = if for_goal {
        view! { <h3>{title}</h3> }.into_any()
    } else {
        view! { <h2>{title}</h2> }.into_any()
    };
    view! {
        <section class="card tension-chart" class:in-goal=for_goal
            data-testid=if for_goal { "goal-tension-chart" } else { "tension-chart" } data-runs=runs.len()>
            {heading}
            // Drawn by speelruimte-chart, as the evaluatieverslag prints it; the SVG names itself.
            <div class="chart-svg" inner_html=svg></div>
            <p class="legend muted">
                <span class="key before"></span> {tx().before} " "
                <span class="key after"></span> {tx().after}
            </p>
        </section>
    }
    .into_any()
}
