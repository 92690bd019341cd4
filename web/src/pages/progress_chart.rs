//! The *voortgang* chart of one goal: its scores per session and the GAS levels reached at
//! evaluations, on one time axis with the dates under it. Drawn by `speelruimte-chart`, the
//! same SVG the evaluatieverslag prints.

use leptos::prelude::*;
use speelruimte_chart::{ProgressData, ProgressLabels, progress_svg};

use crate::i18n::te;
use crate::util;

/// The *voortgang* scores (0–10, left axis, blue circles on a line) and the GAS levels reached
/// at evaluations (−2…+2, right axis, orange diamonds) on one time axis. The two series differ
/// in shape and in a blue/orange pair that stays apart for every kind of colour blindness
/// (Okabe & Ito's palette).
#[component]
pub fn ProgressChart(
    scores: Vec<(chrono::NaiveDate, u8)>,
    gas: Vec<(chrono::NaiveDate, i8)>,
) -> impl IntoView {
    let (n_scores, n_gas) = (scores.len(), gas.len());
    let labels = ProgressLabels {
        chart: te().chart_label,
        score: te().progress_title,
        months: util::month_names(),
        font_family: None,
    };
    let Some(svg) = progress_svg(&ProgressData { scores, gas }, &labels) else {
        return view! { <p class="notice">{te().progress_none}</p> }.into_any();
    };
    view! {
        <figure class="progress-chart" data-testid="progress-chart" data-scores=n_scores data-gas=n_gas>
            // The SVG names itself (role="img", aria-label and <title>).
            <div class="chart-svg" inner_html=svg></div>
            <figcaption class="legend muted">
                <span class="key score"></span> {te().legend_score}
                <span class="key gas"></span> {te().legend_gas}
            </figcaption>
        </figure>
    }
    .into_any()
}
