//! The *voortgang* chart of one goal: its scores per session and the GAS levels reached at
//! evaluations, on one time axis with the dates under it.

use leptos::prelude::*;
use speelruimte_model::GasLevel;

use crate::i18n::te;
use crate::util;

/// "3 november": a date short enough for a chart's axis.
fn short_date(d: chrono::NaiveDate) -> String {
    util::date_long(d)
        .split(' ')
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The *voortgang* scores (0–10, left axis, blue circles on a line) and the GAS levels reached
/// at evaluations (−2…+2, right axis, orange diamonds) on one time axis. The two series differ
/// in shape and in a blue/orange pair that stays apart for every kind of colour blindness
/// (Okabe & Ito's palette).
#[component]
pub fn ProgressChart(
    scores: Vec<(chrono::NaiveDate, u8)>,
    gas: Vec<(chrono::NaiveDate, i8)>,
) -> impl IntoView {
    if scores.is_empty() && gas.is_empty() {
        return view! { <p class="notice">{te().progress_none}</p> }.into_any();
    }
    let (w, h, left, right, top, bottom) = (640.0f32, 210.0f32, 34.0f32, 34.0f32, 12.0f32, 34.0f32);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let days: Vec<chrono::NaiveDate> = scores
        .iter()
        .map(|p| p.0)
        .chain(gas.iter().map(|p| p.0))
        .collect();
    let first = *days.iter().min().unwrap_or(&util::today());
    let last = *days.iter().max().unwrap_or(&first);
    let span = (last - first).num_days().max(0) as f32;
    // One day only: the points stand in the middle.
    let x = move |d: chrono::NaiveDate| {
        if span == 0.0 {
            left + plot_w / 2.0
        } else {
            left + plot_w * ((d - first).num_days() as f32 / span)
        }
    };
    let y = move |v: f32| top + plot_h * (1.0 - v / 10.0);
    let grid = [0u8, 5, 10]
        .into_iter()
        .map(|v| {
            let gas_label = ["−2", "0", "+2"][(v / 5) as usize];
            view! {
                <line x1=left x2=w - right y1=y(v as f32) y2=y(v as f32) class="grid" />
                <text x=left - 6.0 y=y(v as f32) + 4.0 class="axis" text-anchor="end">{v}</text>
                <text x=w - right + 6.0 y=y(v as f32) + 4.0 class="axis" text-anchor="start">{gas_label}</text>
            }
        })
        .collect_view();
    let mut label_days = days.clone();
    label_days.sort();
    label_days.dedup();
    let every = label_days.len().div_ceil(5).max(1);
    let n_days = label_days.len();
    let labels = label_days
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0 || *i == n_days - 1)
        .map(|(i, d)| {
            // The first and the last date stand inside the chart, not half beyond its edge.
            let anchor = match i {
                _ if n_days == 1 => "middle",
                0 => "start",
                i if i == n_days - 1 => "end",
                _ => "middle",
            };
            let x = match anchor {
                "start" => x(*d) - 8.0,
                "end" => x(*d) + 8.0,
                _ => x(*d),
            };
            // The dates between first and last give way on a phone (see style.css).
            let class = if anchor == "middle" && n_days > 1 {
                "axis mid"
            } else {
                "axis"
            };
            view! { <text x=x y=h - 10.0 class=class text-anchor=anchor>{short_date(*d)}</text> }
        })
        .collect_view();
    let line = scores
        .iter()
        .map(|(d, v)| format!("{:.1},{:.1}", x(*d), y(f32::from(*v))))
        .collect::<Vec<_>>()
        .join(" ");
    let score_points = scores
        .iter()
        .map(|(d, v)| {
            view! {
                <circle cx=x(*d) cy=y(f32::from(*v)) r="6" class="score-point" data-value=*v>
                    <title>{format!("{} · {}: {v}", util::date_long(*d), te().progress_title)}</title>
                </circle>
            }
        })
        .collect_view();
    let gas_points = gas
        .iter()
        .map(|(d, l)| {
            let (cx, cy) = (x(*d), y((f32::from(*l) + 2.0) * 2.5));
            let level = GasLevel::parse(i64::from(*l)).map(|l| l.sign_text()).unwrap_or("?");
            view! {
                <path d=format!("M{cx:.1},{:.1} l8,8 l-8,8 l-8,-8 z", cy - 8.0) class="gas-point" data-level=*l>
                    <title>{format!("{} · GAS {level}", util::date_long(*d))}</title>
                </path>
            }
        })
        .collect_view();
    let n_scores = scores.len();
    let n_gas = gas.len();
    view! {
        <figure class="progress-chart" data-testid="progress-chart" data-scores=n_scores data-gas=n_gas>
            <svg viewBox=format!("0 0 {w} {h}") role="img" aria-label=te().chart_label>
                {grid}
                {labels}
                {(n_scores > 1).then(|| view! { <polyline points=line class="score-line" /> })}
                {score_points}
                {gas_points}
            </svg>
            <figcaption class="legend muted">
                <span class="key score"></span> {te().legend_score}
                <span class="key gas"></span> {te().legend_gas}
            </figcaption>
        </figure>
    }
    .into_any()
}
