//! The paper: its layers (paper with template, finished ink, live strokes; see
//! [`super::layers`]) inside a frame that two fingers can pan and zoom. Pointer input becomes
//! strokes here; finished strokes are painted once onto the ink layer, and each animation frame
//! paints only what changed of the live strokes, so the cost of drawing grows neither with the
//! drawing nor with the stroke.

use std::collections::HashMap;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::PointerEvent;

use super::ink_glue::{self as glue, Board};
use super::layers::{Layers, device_pixel_ratio, repaint};
use super::tools::{InputMode, Tools};
use crate::browser::device::{in_next_frame, now_ms, use_frame_loop};
use speelruimte_ink::{Pinch, ViewTransform};

/// How long the pen must have been up before finished strokes move onto the ink layer, ms.
const REST_MS: f64 = 150.0;

/// Pointer bookkeeping that is not part of the drawing.
#[derive(Default)]
struct Gesture {
    /// Touches that are not drawing (pen mode), by pointer id, in frame coordinates.
    fingers: HashMap<i32, (f64, f64)>,
    pinch: Option<Pinch>,
}

/// The paper component. `board` holds the drawing; `on_change` runs after every finished
/// stroke (to keep it locally and mark it unsaved).
#[component]
pub fn Surface(
    board: StoredValue<Board, LocalStorage>,
    layers: Layers,
    tools: Tools,
    on_change: Callback<()>,
    /// Bumped by the page on every change of the drawing.
    version: RwSignal<u32>,
    /// Shown over the paper (a group's avatar docks).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let frame = NodeRef::<Div>::new();
    let view_t = RwSignal::new(ViewTransform::default());
    let gesture = StoredValue::new_local(Gesture::default());
    let live_dirty = StoredValue::new_local(false);
    let last_up = StoredValue::new_local(0.0);
    let corner = StoredValue::new_local((0.0, 0.0));
    // The first pen is drawing: palm rejection is on, the switch not turned yet.
    let pen_switch = StoredValue::new_local(false);

    // In animation frames while something is to be done: what changed of the live strokes;
    // once the pen rests, finished strokes onto the ink layer a tile per frame, then warming
    // the grid up. Then no frames until the next pointer event or a new size.
    let frames = use_frame_loop(move |now| {
        if live_dirty.get_value() {
            live_dirty.set_value(false);
            board.with_value(|b| layers.show_live(b));
            return true;
        }
        if board.with_value(Board::is_drawing) {
            // A pen or finger held still: its next move wakes the loop.
            return false;
        }
        now - last_up.get_value() <= REST_MS || layers.rest()
    });

    // Sizes every layer's backing store to the frame (times the pixel ratio) and repaints.
    let fit = move || {
        let Some(f) = frame.get_untracked() else {
            return;
        };
        let (w, h) = (f.client_width() as f64, f.client_height() as f64);
        if w < 1.0 || h < 1.0 {
            return;
        }
        layers.fit(w, h, device_pixel_ratio());
        board.update_value(|b| b.set_size(w as f32, h as f32));
        board.with_value(|b| repaint(layers, b));
        // A new grid is warmed up in the frames that follow.
        frames.wake();
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
        board.with_value(|b| layers.paint_paper(|c| glue::paint_paper(c, b)));
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| fit());
    on_cleanup(move || resize.remove());

    // Paper coordinates of an event: from the client position through the frame's transform.
    let to_paper = move |ev: &PointerEvent| -> (f32, f32) {
        let (fx, fy) = frame_xy(corner, ev);
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
            // Pen first: the first pen turns palm rejection on at once; the switch shows it (and
            // can turn it off again) when this stroke ends, so that redrawing the toolbar does
            // not hold up the stroke's first frames.
            pen_switch.set_value(true);
        }
        if kind == "pen" {
            board.update_value(|b| b.pen_seen = true);
        }
        let pen_only = tools.mode.get_untracked() == InputMode::PenOnly || pen_switch.get_value();
        ev.prevent_default();
        if let Some(f) = frame.get_untracked() {
            let _ = f.set_pointer_capture(ev.pointer_id());
        }
        corner.set_value(frame_corner(frame));
        if kind == "touch" && pen_only {
            // A resting palm or a pan/zoom finger: never ink.
            let xy = frame_xy(corner, &ev);
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
        // In a group a finger must know its child. Two children draw at the same moment, so
        // "whoever was chosen last" cannot say whose finger is whose; the one thing that stays
        // with a finger from touch to lift is its pointerId. So a child starts on their own
        // avatar dock at the paper's edge and swipes onto the paper: the pointer is bound to
        // that child at pointerdown and the stroke is theirs until pointerup, however many
        // other fingers draw meanwhile. A finger put straight on the paper draws as the child
        // whose dock was touched last (one child at a time needs no swipe); before any dock
        // is touched such a finger draws nothing.
        let mut player = None;
        if board.with_value(|b| b.group.is_some()) {
            if let Some(p) = dock_of(&ev) {
                let xy = frame_xy(corner, &ev);
                board.update_value(|b| {
                    if let Some(g) = &mut b.group {
                        g.bound.insert(ev.pointer_id(), (p, xy));
                        g.selected = Some(p);
                    }
                });
                return;
            }
            player = board.with_value(|b| b.group.as_ref().and_then(|g| g.selected));
            if player.is_none() {
                return;
            }
        }
        let (x, y) = to_paper(&ev);
        board.update_value(|b| {
            let point = glue::input_point(&ev, &kind, x, y, b.origin_ms(ev.time_stamp()));
            b.start_stroke(ev.pointer_id(), tools, point, player);
        });
        live_dirty.set_value(true);
        frames.wake();
    };

    let on_move = move |ev: PointerEvent| {
        let id = ev.pointer_id();
        if gesture.with_value(|g| g.fingers.contains_key(&id)) {
            let xy = frame_xy(corner, &ev);
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
            // A finger from a dock starts its child's stroke once it has left the dock.
            let bound =
                board.with_value(|b| b.group.as_ref().and_then(|g| g.bound.get(&id).copied()));
            let Some((p, (x0, y0))) = bound else { return };
            let (fx, fy) = frame_xy(corner, &ev);
            if (fx - x0).hypot(fy - y0) < DOCK_LEAVE_PX {
                return;
            }
            let (x, y) = to_paper(&ev);
            let kind = ev.pointer_type();
            board.update_value(|b| {
                if let Some(g) = &mut b.group {
                    g.bound.remove(&id);
                }
                let point = glue::input_point(&ev, &kind, x, y, b.origin_ms(ev.time_stamp()));
                b.start_stroke(id, tools, point, Some(p));
            });
            live_dirty.set_value(true);
            frames.wake();
            return;
        }
        ev.prevent_default();
        // The browser batches moves per frame; the coalesced list holds every sample.
        let coalesced = ev.get_coalesced_events();
        let kind = ev.pointer_type();
        board.update_value(|b| {
            let mut add = |e: &PointerEvent| {
                let (x, y) = to_paper(e);
                let p = glue::input_point(e, &kind, x, y, b.origin_ms(e.time_stamp()));
                b.extend_stroke(id, p);
            };
            if coalesced.length() == 0 {
                add(&ev);
            }
            for e in coalesced.iter() {
                add(e.unchecked_ref());
            }
        });
        live_dirty.set_value(true);
        frames.wake();
    };

    let on_up = move |ev: PointerEvent| {
        let id = ev.pointer_id();
        board.update_value(|b| {
            if let Some(g) = &mut b.group {
                g.bound.remove(&id);
            }
        });
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
        if ev.pointer_type() == "pen" && pen_switch.get_value() {
            // The switch turns in the next frame (the toolbar's new layout would share this
            // one with the stroke's end); palm rejection stays on until then.
            in_next_frame(move || {
                if pen_switch.try_get_value() == Some(true) {
                    pen_switch.set_value(false);
                    tools.mode.set(InputMode::PenOnly);
                }
            });
        }
        // The stroke on the live grid catches up with its last points and stays on screen until
        // the pen rests; then it moves onto the ink layer a tile per frame.
        board.with_value(|b| layers.show_live(b));
        let Some(stroke) = board.try_update_value(|b| b.finish_stroke(id)).flatten() else {
            return;
        };
        board.with_value(|b| layers.finish(id, stroke, b));
        last_up.set_value(now_ms());
        frames.wake();
        on_change.run(());
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
                    on:click=move |_| view_t.set(ViewTransform::default())>{crate::i18n::t().zoom_reset}</button>
            </Show>
            {children.map(|c| c())}
            <div class="paper-stack" style=transform>
                <canvas node_ref=layers.paper class="layer" data-layer="paper"></canvas>
                <div node_ref=layers.ink class="layer" data-layer="ink"></div>
                <div node_ref=layers.live class="layer" data-layer="live"></div>
            </div>
        </div>
    }
}

/// How far a finger from a dock moves before its stroke begins (it has left the dock).
const DOCK_LEAVE_PX: f64 = 24.0;

/// The player of the avatar dock under a pointer's first touch, if any.
fn dock_of(ev: &PointerEvent) -> Option<u8> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let dock = target.closest("[data-dock]").ok()??;
    dock.get_attribute("data-dock")?.parse().ok()
}

/// Position of an event relative to the frame's top-left corner, in CSS pixels, sub-pixel.
/// The frame's corner is read when a pointer goes down and kept for its moves: reading it
/// forces a layout, and the live strokes change the page's layout every frame.
fn frame_xy(corner: StoredValue<(f64, f64), LocalStorage>, ev: &PointerEvent) -> (f64, f64) {
    let sample: &glue::Sample = ev.unchecked_ref();
    let (left, top) = corner.get_value();
    (sample.client_x() - left, sample.client_y() - top)
}

/// Where the frame's top left corner is on the page.
fn frame_corner(frame: NodeRef<Div>) -> (f64, f64) {
    let rect = frame.get_untracked().map(|f| f.get_bounding_client_rect());
    rect.map(|r| (r.left(), r.top())).unwrap_or((0.0, 0.0))
}
