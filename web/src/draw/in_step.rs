//! Both drawings of a comparison replayed in step: one clock, one play/pause and one scrubber
//! drive the two replays, each counted from its own first line, so the therapist sees how the
//! two were begun, built up and finished side by side. Each replay keeps the comparison's
//! scale (its paper's width as a share of the wider paper).

use leptos::html::Canvas;
use leptos::prelude::*;
use speelruimte_ink::{Drawing, replay_until};
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

use super::ink_glue::{paint_drawing_paper, paint_drawing_strokes};
use crate::browser::device::use_frame_loop;
use crate::i18n::{t, tv};

/// Width of the wider replay, CSS px (both scale down on small screens).
const VIEW_WIDTH: f64 = 460.0;

/// Where a drawing's replay starts (its first line) and how long it runs, ms.
pub fn span(d: &Drawing) -> (f64, f64) {
    let start = d
        .all_strokes()
        .map(|s| s.start_ms())
        .reduce(f64::min)
        .unwrap_or(0.0);
    let end = d.last_time_ms().unwrap_or(start);
    (start, (end - start).max(0.0))
}

fn ctx(node: NodeRef<Canvas>) -> Option<CanvasRenderingContext2d> {
    node.get_untracked()?
        .get_context("2d")
        .ok()??
        .dyn_into()
        .ok()
}

/// One side: paints `d` as it stood `elapsed` ms after its first line.
#[component]
fn Side(
    drawing: Drawing,
    share: f64,
    elapsed: RwSignal<f64>,
    testid: &'static str,
) -> impl IntoView {
    let (start, _) = span(&drawing);
    let w = VIEW_WIDTH * share;
    let scale = w / f64::from(drawing.width.max(1.0));
    let h = f64::from(drawing.height) * scale;
    let paper = NodeRef::<Canvas>::new();
    let ink = NodeRef::<Canvas>::new();
    let shown = RwSignal::new(0usize);
    let source = StoredValue::new_local(drawing);
    Effect::new(move |_| {
        let now = start + elapsed.get();
        let (Some(pc), Some(ic), Some(pe), Some(ie)) =
            (ctx(paper), ctx(ink), paper.get(), ink.get())
        else {
            return;
        };
        let dpr = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0);
        for (c, el) in [(&pc, pe), (&ic, ie)] {
            el.set_width((w * dpr) as u32);
            el.set_height((h * dpr) as u32);
            let _ = c.set_transform(scale * dpr, 0.0, 0.0, scale * dpr, 0.0, 0.0);
        }
        source.with_value(|d| {
            let at = replay_until(d, now);
            paint_drawing_paper(&pc, &at);
            paint_drawing_strokes(&ic, &at);
            shown.set(at.visible_strokes().iter().map(|s| s.points.len()).sum());
        });
    });
    view! {
        <div class="replay-stage" data-testid=testid data-points=move || shown.get().to_string()
            style=format!("width:{:.1}%;aspect-ratio:{w:.1}/{h:.1}", share * 100.0)>
            <canvas node_ref=paper></canvas>
            <canvas node_ref=ink></canvas>
        </div>
    }
}

/// The two replays on one clock.
#[component]
pub fn InStep(left: Drawing, right: Drawing, shares: (f64, f64)) -> impl IntoView {
    let length = span(&left).1.max(span(&right).1);
    let elapsed = RwSignal::new(length); // the finished drawings first
    let playing = RwSignal::new(false);
    let last = StoredValue::new(None::<f64>);
    let frames = use_frame_loop(move |now| {
        if !playing.get_untracked() {
            last.set_value(None);
            return false;
        }
        let dt = last.get_value().map(|l| now - l).unwrap_or(0.0);
        last.set_value(Some(now));
        let next = elapsed.get_untracked() + dt;
        if next >= length {
            elapsed.set(length);
            playing.set(false);
        } else {
            elapsed.set(next);
        }
        true
    });
    frames.wake_when(move || playing.get());
    let play = move |_| {
        if elapsed.get_untracked() >= length {
            elapsed.set(0.0);
        }
        playing.update(|p| *p = !*p);
    };
    view! {
        <div class="in-step" data-testid="in-step">
            <p class="subtitle">{tv().in_step_hint}</p>
            <div class="in-step-row">
                <Side drawing=left share=shares.0 elapsed testid="in-step-left" />
                <Side drawing=right share=shares.1 elapsed testid="in-step-right" />
            </div>
            <div class="replay-controls">
                <button class="primary" data-testid="in-step-play" on:click=play>
                    {move || if playing.get() { tv().in_step_pause } else { tv().in_step }}
                </button>
                <input type="range" data-testid="in-step-scrubber" aria-label=t().replay_time min="0"
                    max=format!("{length:.0}") step="10"
                    prop:value=move || format!("{:.0}", elapsed.get())
                    on:input=move |ev| { playing.set(false); elapsed.set(event_target_value(&ev).parse().unwrap_or(0.0)); } />
            </div>
        </div>
    }
}
