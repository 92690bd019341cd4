//! Review of a drawing: replay of how it was made (1×, 2×, 4×, a scrubber, pauses skipped on
//! request) and the process observations beside it, with a small chart of ink over time.

use leptos::html::Canvas;
use leptos::prelude::*;
use speelruimte_ink::{Drawing, ProcessMetrics, decode, ink_over_time, replay_until, skip_pauses};
use speelruimte_model::Artefact;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

use super::ink_glue::{paint_drawing_paper, paint_drawing_strokes};
use crate::api;
use crate::browser::device::use_frame_loop;
use crate::i18n;

/// Pauses longer than this are shortened to it when "skip pauses" is on, ms.
const SKIPPED_PAUSE_MS: f64 = 1000.0;
/// Width of the replay on screen, CSS px (it scales down on small screens).
const VIEW_WIDTH: f64 = 640.0;

/// "1:05" from ms.
fn clock(ms: f64) -> String {
    let s = (ms / 1000.0).round() as i64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// "1 min 5 s" / "42 s" from ms (the same in Dutch and English).
fn duration(ms: f64) -> String {
    let s = (ms / 1000.0).round() as i64;
    if s >= 60 {
        format!("{} min {} s", s / 60, s % 60)
    } else {
        format!("{s} s")
    }
}

fn ctx(node: NodeRef<Canvas>) -> Option<CanvasRenderingContext2d> {
    node.get_untracked()?
        .get_context("2d")
        .ok()??
        .dyn_into()
        .ok()
}

/// The replay and observations of one drawing artefact.
#[component]
pub fn DrawingReview(artefact: Artefact) -> impl IntoView {
    let drawing = RwSignal::new_local(None::<Result<Drawing, String>>);
    let id = artefact.id;
    let group = super::mine::of_artefact(&artefact);
    leptos::task::spawn_local(async move {
        let res = match api::get_bytes(&format!("/api/artefacts/{id}/blobs/strokes.bin")).await {
            Ok(bytes) => decode(&bytes).map_err(|e| e.to_string()),
            Err(e) => Err(e.message),
        };
        drawing.set(Some(res));
    });
    view! {
        {move || match drawing.get() {
            None => view! { <p class="notice">{i18n::t().loading}</p> }.into_any(),
            Some(Err(m)) => view! {
                <p class="notice">{i18n::t().replay_not_kept} " (" {m} ")."</p>
                <img class="review-image" src=format!("/api/artefacts/{id}/blobs/image.png") alt=i18n::t().drawing_alt />
            }.into_any(),
            Some(Ok(d)) => view! { <Player drawing=d group=group.clone() /> }.into_any(),
        }}
    }
}

#[component]
fn Player(drawing: Drawing, group: Option<super::mine::Shared>) -> impl IntoView {
    // Computed here from the strokes, once per opened drawing, and not stored with it: every
    // drawing is then measured by the same code (see `speelruimte_model::DrawingRecord`).
    let metrics = ProcessMetrics::from_drawing(&drawing);
    let skipped = skip_pauses(&drawing, SKIPPED_PAUSE_MS);
    let start = drawing
        .all_strokes()
        .map(|s| s.start_ms())
        .reduce(f64::min)
        .unwrap_or(0.0);
    let paper = NodeRef::<Canvas>::new();
    let ink = NodeRef::<Canvas>::new();
    let skip = RwSignal::new(false);
    let speed = RwSignal::new(1.0f64);
    let playing = RwSignal::new(false);
    let t = RwSignal::new(f64::MAX); // start showing the finished drawing
    // In a group: "mijn deel" paints the other children's strokes faint.
    let mine_on = RwSignal::new(false);
    let dimmed = group.as_ref().map(|g| {
        let d = super::mine::dim_others(&drawing, &g.players, g.mine);
        let s = skip_pauses(&d, SKIPPED_PAUSE_MS);
        (d, s)
    });
    let dimmed = StoredValue::new_local(dimmed);
    let source = StoredValue::new_local((drawing.clone(), skipped));
    let end = move || {
        source
            .with_value(|(d, s)| {
                if skip.get() {
                    s.last_time_ms()
                } else {
                    d.last_time_ms()
                }
            })
            .unwrap_or(0.0)
    };
    let scale = (VIEW_WIDTH / drawing.width.max(1.0) as f64).min(1.0);
    let (w, h) = (drawing.width as f64 * scale, drawing.height as f64 * scale);

    // Paints the drawing as it stood at `t` whenever `t` or the source changes.
    Effect::new(move |_| {
        let now = t.get();
        let use_skipped = skip.get();
        let faint = mine_on.get();
        let (Some(pc), Some(ic), Some(pe)) = (ctx(paper), ctx(ink), paper.get()) else {
            return;
        };
        let dpr = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0);
        for (c, el) in [
            (&pc, pe.clone()),
            (&ic, ink.get_untracked().unwrap_or(pe.clone())),
        ] {
            el.set_width((w * dpr) as u32);
            el.set_height((h * dpr) as u32);
            let _ = c.set_transform(scale * dpr, 0.0, 0.0, scale * dpr, 0.0, 0.0);
        }
        let paint = |(d, s): &(Drawing, Drawing)| {
            let d = if use_skipped { s } else { d };
            let at = replay_until(d, now);
            paint_drawing_paper(&pc, &at);
            paint_drawing_strokes(&ic, &at);
        };
        if dimmed.with_value(|d| faint && d.is_some()) {
            dimmed.with_value(|d| d.as_ref().map(paint));
        } else {
            source.with_value(paint);
        }
    });
    let last_frame = StoredValue::new(None::<f64>);
    // Frames only while it plays.
    let frames = use_frame_loop(move |now| {
        if !playing.get_untracked() {
            last_frame.set_value(None);
            return false;
        }
        let dt = last_frame.get_value().map(|l| now - l).unwrap_or(0.0);
        last_frame.set_value(Some(now));
        let next = t.get_untracked() + dt * speed.get_untracked();
        if next >= end() {
            t.set(end());
            playing.set(false);
        } else {
            t.set(next);
        }
        true
    });
    frames.wake_when(move || playing.get());
    let play = move |_| {
        if t.get_untracked() >= end() {
            t.set(start);
        }
        playing.update(|p| *p = !*p);
    };

    let chart = chart(&drawing, &metrics);
    view! {
        {group.map(|g| {
            let own = g.players.iter().filter(|p| **p == g.mine).count();
            view! { <crate::group::MineBar participants=g.participants mine=g.mine own on=mine_on /> }
        })}
        <div class="replay" data-mine=move || mine_on.get().to_string()>
            // At most its natural size, narrower on a phone: the stage keeps the paper's
            // proportions and the canvases fill it (their pixels stay at the natural size).
            <div class="replay-stage" style=format!("width:{w}px;aspect-ratio:{w}/{h}")>
                <canvas node_ref=paper data-layer="replay-paper"></canvas>
                <canvas node_ref=ink data-layer="replay-ink"></canvas>
            </div>
            <div class="replay-controls">
                <button class="primary" data-testid="replay-play" on:click=play>
                    {move || if playing.get() { i18n::t().replay_pause } else { i18n::t().replay_play }}
                </button>
                {[1.0, 2.0, 4.0].into_iter().map(|s| view! {
                    <button class="secondary speed" aria-pressed=move || (speed.get() == s).to_string()
                        on:click=move |_| speed.set(s)>{format!("{s}×")}</button>
                }).collect_view()}
                <label class="check"><input type="checkbox" prop:checked=skip on:change=move |ev| skip.set(event_target_checked(&ev)) />
                    {i18n::t().replay_skip_pauses}</label>
            </div>
            <div class="scrubber">
                <input type="range" data-testid="replay-scrubber" aria-label=i18n::t().replay_time min=start max=end step="10"
                    prop:value=move || t.get().min(end()).to_string()
                    on:input=move |ev| { playing.set(false); t.set(event_target_value(&ev).parse().unwrap_or(0.0)); } />
                <span class="time">{move || format!("{} / {}", clock(t.get().min(end()) - start), clock(end() - start))}</span>
            </div>
        </div>
        <Observations metrics />
        {chart}
    }
}

#[component]
pub(crate) fn Observations(metrics: ProcessMetrics) -> impl IntoView {
    let m = metrics;
    let t = i18n::t();
    let pauses = if m.long_pauses.is_empty() {
        t.replay_none.to_string()
    } else {
        m.long_pauses
            .iter()
            .map(|p| {
                format!(
                    "{} {} ({})",
                    t.replay_at,
                    clock(p.at_ms),
                    duration(p.length_ms)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let pressure = match (m.pressure_mean, m.pressure_sd) {
        (Some(mean), Some(sd)) => format!(
            "{} {:.0}% ({} {:.0}%)",
            t.replay_average,
            mean * 100.0,
            t.replay_spread,
            sd * 100.0
        ),
        _ => t.replay_no_pressure.to_string(),
    };
    let rows: Vec<(&str, String)> = vec![
        (t.replay_total, duration(m.total_ms)),
        (
            t.replay_drawing_pauses,
            format!("{} / {}", duration(m.drawing_ms), duration(m.pause_ms)),
        ),
        (t.replay_long_pauses, pauses),
        (
            t.replay_lines,
            format!(
                "{}, {} {} {}",
                m.stroke_count, t.replay_of_which, m.eraser_strokes, t.replay_with_eraser
            ),
        ),
        (
            t.replay_undo_redo_clear,
            format!("{}× / {}× / {}×", m.undo_count, m.redo_count, m.clear_count),
        ),
        (t.replay_pressure, pressure),
        (
            t.replay_tempo,
            format!(
                "{} {:.0} px/s ({} {:.0})",
                t.replay_average, m.speed_mean, t.replay_spread, m.speed_sd
            ),
        ),
        (t.replay_area, format!("{:.0}%", m.canvas_used * 100.0)),
    ];
    view! {
        <dl class="observations" data-testid="observations">
            {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            <dt>{t.replay_colours}</dt>
            <dd class="colours">
                {m.colours.into_iter().map(|(c, share)| view! {
                    <span class="colour-share"><span class="dot" style=format!("background:{c}")></span>{format!("{:.0}%", share * 100.0)}</span>
                }).collect_view()}
            </dd>
        </dl>
    }
}

/// A bar chart of ink over time, with long pauses shaded.
fn chart(d: &Drawing, m: &ProcessMetrics) -> impl IntoView + use<> {
    let bucket = (m.total_ms / 60.0).max(250.0);
    let bars = ink_over_time(d, bucket);
    let max = bars.iter().copied().fold(0.0f32, f32::max).max(1.0);
    let n = bars.len().max(1) as f64;
    let (cw, ch) = (600.0, 80.0);
    let bw = cw / n;
    let total = (m.total_ms).max(1.0);
    view! {
        <figure class="ink-chart">
            <svg viewBox=format!("0 0 {cw} {}", ch + 2.0) role="img" aria-label=i18n::t().replay_ink>
                {m.long_pauses.iter().map(|p| view! {
                    <rect class="pause" x=p.at_ms / total * cw y="0" width=p.length_ms / total * cw height=ch />
                }).collect_view()}
                {bars.iter().enumerate().map(|(i, v)| {
                    let bh = (*v / max) as f64 * ch;
                    view! { <rect class="bar" x=i as f64 * bw y=ch - bh width=(bw - 1.0).max(0.5) height=bh /> }
                }).collect_view()}
                <line x1="0" y1=ch x2=cw y2=ch class="axis" />
            </svg>
            <figcaption>{i18n::t().replay_ink_caption}</figcaption>
        </figure>
    }
}
