//! The paper: three stacked canvases (paper with template, finished ink, live strokes) inside a
//! frame that two fingers can pan and zoom. Pointer input becomes strokes here; finished
//! strokes are painted once onto the ink layer, and each animation frame repaints only the
//! live layer, so the cost of drawing does not grow with the drawing.
//!
//! The live layer covers only the strokes being drawn (with room to grow), not the whole
//! paper: every frame the browser copies a changed canvas's whole bitmap and composites it,
//! and on a tablet without much CPU to spare that copy, not the ink, is what costs frames
//! (measured in B5, BENCHMARKS.md).

use std::collections::HashMap;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};

use super::ink_glue::{self as glue, Board};
use super::tools::{InputMode, Tools};
use crate::browser::device::use_animation_frame;
use speelruimte_ink::{Pinch, ViewTransform};

/// Handles to the three layers, for painting and for export.
#[derive(Clone, Copy)]
pub struct Layers {
    pub paper: NodeRef<Canvas>,
    pub ink: NodeRef<Canvas>,
    pub live: NodeRef<Canvas>,
}

/// The 2D context of a layer.
pub fn ctx(node: NodeRef<Canvas>) -> Option<CanvasRenderingContext2d> {
    let canvas = node.get_untracked()?;
    // The live layer asks for a low-latency ("desynchronized") context: the browser may then
    // show it without copying it through the compositor every frame.
    let context = if canvas.get_attribute("data-layer").as_deref() == Some("live") {
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"desynchronized".into(), &true.into());
        canvas.get_context_with_context_options("2d", &opts)
    } else {
        canvas.get_context("2d")
    };
    context.ok()??.dyn_into().ok()
}

/// Repaints the paper layer (background and template) and the ink layer (every visible stroke).
pub fn repaint(layers: Layers, board: &Board) {
    if let Some(c) = ctx(layers.paper) {
        glue::paint_paper(&c, board);
    }
    if let Some(c) = ctx(layers.ink) {
        c.clear_rect(0.0, 0.0, board.width() as f64, board.height() as f64);
        glue::paint_strokes(&c, board);
    }
    if let Some(c) = ctx(layers.live) {
        c.clear_rect(0.0, 0.0, board.width() as f64, board.height() as f64);
    }
}

/// Where the live layer lies on the paper, in CSS px.
#[derive(Clone, Copy, Default, PartialEq)]
struct LiveRect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

/// Room the live layer leaves around a stroke to grow into before it must be resized, CSS px.
const LIVE_SLACK: f64 = 128.0;
/// The live layer's edges lie on multiples of this (CSS px), so that at the usual pixel
/// ratios (1, 1.25, 1.5, 2, 3) they fall on whole device pixels and the layer stays sharp.
const LIVE_SNAP: f64 = 8.0;

impl LiveRect {
    fn contains(&self, b: [f64; 4]) -> bool {
        b[0] >= self.x && b[1] >= self.y && b[2] <= self.x + self.w && b[3] <= self.y + self.h
    }

    /// The box `b` (x0, y0, x1, y1) with room to grow, snapped, within a `pw`×`ph` paper.
    fn around(b: [f64; 4], pw: f64, ph: f64) -> Self {
        let x = (((b[0] - LIVE_SLACK) / LIVE_SNAP).floor() * LIVE_SNAP).max(0.0);
        let y = (((b[1] - LIVE_SLACK) / LIVE_SNAP).floor() * LIVE_SNAP).max(0.0);
        let x1 = (((b[2] + LIVE_SLACK) / LIVE_SNAP).ceil() * LIVE_SNAP).min(pw);
        let y1 = (((b[3] + LIVE_SLACK) / LIVE_SNAP).ceil() * LIVE_SNAP).min(ph);
        Self {
            x,
            y,
            w: (x1 - x).max(1.0),
            h: (y1 - y).max(1.0),
        }
    }
}

/// Sizes and places the live layer at `r` (which clears it), drawing in paper coordinates.
fn place_live(canvas: &HtmlCanvasElement, c: &CanvasRenderingContext2d, r: LiveRect, dpr: f64) {
    canvas.set_width((r.w * dpr).round() as u32);
    canvas.set_height((r.h * dpr).round() as u32);
    let _ = canvas.set_attribute(
        "style",
        &format!(
            "inset:auto;left:{}px;top:{}px;width:{}px;height:{}px",
            r.x, r.y, r.w, r.h
        ),
    );
    let _ = c.set_transform(dpr, 0.0, 0.0, dpr, -r.x * dpr, -r.y * dpr);
}

fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
}

/// Pointer bookkeeping that is not part of the drawing.
#[derive(Default)]
struct Gesture {
    /// Touches that are not drawing (pen mode), by pointer id, in frame coordinates.
    fingers: HashMap<i32, (f64, f64)>,
    pinch: Option<Pinch>,
}

/// The paper component. `board` holds the drawing; `on_change` runs after every finished
/// stroke (to keep it locally and mark it unsaved); `on_pen` when a pen is first seen.
#[component]
pub fn Surface(
    board: StoredValue<Board, LocalStorage>,
    layers: Layers,
    tools: Tools,
    on_change: Callback<()>,
    /// Bumped by the page on every change of the drawing.
    version: RwSignal<u32>,
) -> impl IntoView {
    let frame = NodeRef::<Div>::new();
    let view_t = RwSignal::new(ViewTransform::default());
    let gesture = StoredValue::new_local(Gesture::default());
    let live_dirty = StoredValue::new_local(false);
    let live_rect = StoredValue::new_local(LiveRect::default());

    // Sizes every layer's backing store to the frame (times the pixel ratio) and repaints.
    let fit = move || {
        let Some(f) = frame.get_untracked() else {
            return;
        };
        let (w, h) = (f.client_width() as f64, f.client_height() as f64);
        if w < 1.0 || h < 1.0 {
            return;
        }
        let dpr = device_pixel_ratio();
        for layer in [layers.paper, layers.ink] {
            if let (Some(c), Some(x)) = (layer.get_untracked(), ctx(layer)) {
                c.set_width((w * dpr).round() as u32);
                c.set_height((h * dpr).round() as u32);
                let _ = x.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
            }
        }
        // The live layer starts over the whole paper; the next frame with a stroke shrinks it.
        if let (Some(c), Some(x)) = (layers.live.get_untracked(), ctx(layers.live)) {
            let r = LiveRect {
                x: 0.0,
                y: 0.0,
                w,
                h,
            };
            place_live(&c, &x, r, dpr);
            live_rect.set_value(r);
        }
        board.update_value(|b| b.set_size(w as f32, h as f32));
        board.with_value(|b| repaint(layers, b));
    };
    Effect::new(move |_| {
        if frame.get().is_some() {
            fit();
        }
    });
    // Paper and template changes repaint the paper layer.
    Effect::new(move |_| {
        let (bg, tpl) = (tools.background.get(), tools.template.get());
        board.update_value(|b| b.set_paper(bg, tpl));
        if let Some(c) = ctx(layers.paper) {
            board.with_value(|b| glue::paint_paper(&c, b));
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| fit());
    on_cleanup(move || resize.remove());

    // One repaint of the live layer per frame, only while something changed.
    use_animation_frame(move |_| {
        if !live_dirty.get_value() {
            return;
        }
        live_dirty.set_value(false);
        let (Some(canvas), Some(c)) = (layers.live.get_untracked(), ctx(layers.live)) else {
            return;
        };
        board.with_value(|b| {
            let outlines = glue::live_outlines(b);
            let old = live_rect.get_value();
            c.clear_rect(old.x, old.y, old.w, old.h);
            let Some(bb) = glue::bounds(&outlines) else {
                return;
            };
            // What shows of the strokes (plus a pixel of antialiasing), within the paper.
            let (pw, ph) = (b.width() as f64, b.height() as f64);
            let need = [
                (bb[0] as f64 - 2.0).max(0.0),
                (bb[1] as f64 - 2.0).max(0.0),
                (bb[2] as f64 + 2.0).min(pw),
                (bb[3] as f64 + 2.0).min(ph),
            ];
            if need[2] <= need[0] || need[3] <= need[1] {
                return;
            }
            // Resize when the strokes outgrow the layer, or when it is far too big for them
            // (a new stroke after a long one).
            let fit = LiveRect::around(need, pw, ph);
            if !old.contains(need) || old.w * old.h > 4.0 * fit.w * fit.h {
                place_live(&canvas, &c, fit, device_pixel_ratio());
                live_rect.set_value(fit);
            }
            glue::paint_live(&c, &outlines);
        });
    });

    // Paper coordinates of an event: from the client position through the frame's transform.
    let to_paper = move |ev: &PointerEvent| -> (f32, f32) {
        let (fx, fy) = frame_xy(frame, ev);
        let v = view_t.get_untracked();
        (
            ((fx - v.tx) / v.scale) as f32,
            ((fy - v.ty) / v.scale) as f32,
        )
    };

    let on_down = move |ev: PointerEvent| {
        let kind = ev.pointer_type();
        if kind == "pen"
            && tools.mode.get_untracked() == InputMode::Fingers
            && !board.with_value(|b| b.pen_seen)
        {
            // Pen first: the first pen turns palm rejection on; the switch can turn it off again.
            tools.mode.set(InputMode::PenOnly);
        }
        if kind == "pen" {
            board.update_value(|b| b.pen_seen = true);
        }
        ev.prevent_default();
        if let Some(f) = frame.get_untracked() {
            let _ = f.set_pointer_capture(ev.pointer_id());
        }
        if kind == "touch" && tools.mode.get_untracked() == InputMode::PenOnly {
            // A resting palm or a pan/zoom finger: never ink.
            let xy = frame_xy(frame, &ev);
            gesture.update_value(|g| {
                g.fingers.insert(ev.pointer_id(), xy);
                if g.fingers.len() == 2 {
                    let mut it = g.fingers.values().copied();
                    let (a, b) = (it.next().unwrap_or_default(), it.next().unwrap_or_default());
                    g.pinch = Some(Pinch::new(view_t.get_untracked(), a, b));
                }
            });
            return;
        }
        let (x, y) = to_paper(&ev);
        board.update_value(|b| {
            let point = glue::input_point(&ev, x, y, b.origin_ms(ev.time_stamp()));
            b.start_stroke(ev.pointer_id(), &kind, tools, point);
        });
        live_dirty.set_value(true);
    };

    let on_move = move |ev: PointerEvent| {
        let id = ev.pointer_id();
        if gesture.with_value(|g| g.fingers.contains_key(&id)) {
            let xy = frame_xy(frame, &ev);
            let size = frame
                .get_untracked()
                .map(|f| (f.client_width() as f64, f.client_height() as f64))
                .unwrap_or((1.0, 1.0));
            let next = gesture.try_update_value(|g| {
                g.fingers.insert(id, xy);
                let pinch = g.pinch?;
                let mut it = g.fingers.values().copied();
                Some(pinch.update(it.next()?, it.next()?, size))
            });
            if let Some(Some(v)) = next {
                view_t.set(v);
            }
            return;
        }
        if !board.with_value(|b| b.is_live(id)) {
            return;
        }
        ev.prevent_default();
        // The browser batches moves per frame; the coalesced list holds every sample.
        let coalesced = ev.get_coalesced_events();
        let events: Vec<PointerEvent> = if coalesced.length() == 0 {
            vec![ev.clone()]
        } else {
            coalesced.iter().filter_map(|e| e.dyn_into().ok()).collect()
        };
        board.update_value(|b| {
            for e in &events {
                let (x, y) = to_paper(e);
                let p = glue::input_point(e, x, y, b.origin_ms(e.time_stamp()));
                b.extend_stroke(id, p);
            }
        });
        live_dirty.set_value(true);
    };

    let on_up = move |ev: PointerEvent| {
        let id = ev.pointer_id();
        let was_finger = gesture.try_update_value(|g| {
            let had = g.fingers.remove(&id).is_some();
            if g.fingers.len() < 2 {
                g.pinch = None;
            }
            had
        });
        if was_finger == Some(true) {
            return;
        }
        let ink = ctx(layers.ink);
        let done = board
            .try_update_value(|b| b.finish_stroke(id, ink.as_ref()))
            .unwrap_or(false);
        if done {
            live_dirty.set_value(true);
            on_change.run(());
        }
    };

    let transform = move || {
        let v = view_t.get();
        format!(
            "transform: translate({}px, {}px) scale({})",
            v.tx, v.ty, v.scale
        )
    };
    view! {
        <div class="canvas-wrap" node_ref=frame data-testid="canvas"
            data-strokes=move || { version.track(); board.with_value(|b| b.visible_count()).to_string() }
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up
            on:contextmenu=|ev| ev.prevent_default()>
            <Show when=move || view_t.get().scale != 1.0>
                <button class="zoom-reset" data-testid="zoom-reset" on:pointerdown=|ev| ev.stop_propagation()
                    on:click=move |_| view_t.set(ViewTransform::default())>"zoom terug (100%)"</button>
            </Show>
            <div class="paper-stack" style=transform>
                <canvas node_ref=layers.paper class="layer" data-layer="paper"></canvas>
                <canvas node_ref=layers.ink class="layer" data-layer="ink"></canvas>
                <canvas node_ref=layers.live class="layer" data-layer="live"></canvas>
            </div>
        </div>
    }
}

/// Position of an event relative to the frame's top-left corner, in CSS pixels, sub-pixel.
fn frame_xy(frame: NodeRef<Div>, ev: &PointerEvent) -> (f64, f64) {
    let read = |name: &str| {
        js_sys::Reflect::get(ev, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    let rect = frame.get_untracked().map(|f| f.get_bounding_client_rect());
    let (left, top) = rect.map(|r| (r.left(), r.top())).unwrap_or((0.0, 0.0));
    (read("clientX") - left, read("clientY") - top)
}

/// Paper + ink layers flattened into one canvas at full resolution, for the PNG.
pub fn flatten(layers: Layers) -> Option<HtmlCanvasElement> {
    let paper = layers.paper.get_untracked()?;
    let ink = layers.ink.get_untracked()?;
    let doc = web_sys::window()?.document()?;
    let out: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    out.set_width(paper.width());
    out.set_height(paper.height());
    let c: CanvasRenderingContext2d = out.get_context("2d").ok()??.dyn_into().ok()?;
    c.draw_image_with_html_canvas_element(&paper, 0.0, 0.0)
        .ok()?;
    c.draw_image_with_html_canvas_element(&ink, 0.0, 0.0).ok()?;
    Some(out)
}
