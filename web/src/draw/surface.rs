//! The paper: two stacked layers (paper with template, finished ink; see [`super::sheet`]) and
//! the live strokes above them (see [`super::live`]), inside a frame that two fingers can pan
//! and zoom. Pointer input becomes strokes here; finished strokes are painted once onto the ink
//! layer, and each animation frame paints only what changed of the live strokes, so the cost
//! of drawing grows neither with the drawing nor with the stroke.

use std::collections::HashMap;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};

use super::ink_glue::{self as glue, Board};
use super::live::LiveViews;
use super::sheet::Sheet;
use super::tiles::{self, InkTiles};
use super::tools::{InputMode, Tools};
use crate::browser::device::{now_ms, use_animation_frame};
use speelruimte_ink::{Brush, Pinch, ViewTransform};

/// The paper and ink sheets, made once their elements are on the page.
#[derive(Default)]
pub struct Sheets {
    pub paper: Option<Sheet>,
    pub ink: Option<InkTiles>,
}

/// Handles to the layers, for painting and for export.
#[derive(Clone, Copy)]
pub struct Layers {
    pub paper: NodeRef<Canvas>,
    /// Holds the ink tiles (see [`super::tiles`]).
    pub ink: NodeRef<Div>,
    /// Holds the live strokes' canvases.
    pub live: NodeRef<Div>,
    /// Where paper and ink are painted (see [`super::sheet`]).
    pub sheets: StoredValue<Sheets, LocalStorage>,
    /// What shows of the strokes being drawn, and of finished ones not yet on the ink layer.
    live_views: StoredValue<LiveViews, LocalStorage>,
}

/// Ink tiles a finished stroke moves onto per frame while the pen rests (each is painted and
/// handed to the page: a few ms on a slow tablet).
const SETTLE_TILES_PER_FRAME: usize = 1;

impl Layers {
    /// The layers of a drawing screen, before its canvases are on the page.
    pub fn new() -> Self {
        Self {
            paper: NodeRef::new(),
            ink: NodeRef::new(),
            live: NodeRef::new(),
            sheets: StoredValue::new_local(Sheets::default()),
            live_views: StoredValue::new_local(LiveViews::default()),
        }
    }

    /// Work for a resting pen, a little per frame: finished strokes move a tile further from
    /// their live canvases onto the ink layer; once none wait, the next stroke's view is made.
    fn rest(&self, dpr: f64) {
        let container = self.live.get_untracked();
        self.sheets.with_value(|s| {
            self.live_views.update_value(|v| {
                if v.settling() {
                    if let Some(ink) = &s.ink {
                        v.settle_step(ink, SETTLE_TILES_PER_FRAME);
                    }
                } else if let Some(container) = &container {
                    v.prepare(container, dpr);
                }
            });
        });
    }

    /// Puts every finished stroke on the ink layer now (before export, and for the eraser,
    /// whose work shows at once).
    pub fn settle_all(&self) {
        self.sheets.with_value(|s| {
            if let Some(ink) = &s.ink {
                self.live_views.update_value(|v| v.settle_all(ink));
            }
        });
    }

    /// Paints the paper layer afresh with `f`, then shows it.
    pub fn paint_paper(&self, f: impl FnOnce(&CanvasRenderingContext2d)) {
        self.sheets.with_value(|s| {
            if let Some(sheet) = &s.paper {
                f(sheet.fresh());
                sheet.show();
            }
        });
    }

    /// Makes the sheets once their elements exist, and sizes them to `w`×`h` CSS px.
    fn fit(&self, w: f64, h: f64, dpr: f64) {
        self.sheets.update_value(|s| {
            if s.paper.is_none() {
                s.paper = self.paper.get_untracked().and_then(Sheet::new);
            }
            if let Some(sheet) = &s.paper {
                sheet.resize(w, h, dpr);
            }
            if s.ink.is_none() {
                s.ink = self.ink.get_untracked().map(|e| InkTiles::new(e.into()));
            }
            if let Some(ink) = &mut s.ink {
                ink.resize(w, h, dpr);
            }
        });
        // Made for the old pixel ratio.
        self.live_views.update_value(LiveViews::drop_spare);
    }
}

/// Repaints the paper layer (background and template) and the ink layer (every visible stroke,
/// finished ones that still showed as live included).
pub fn repaint(layers: Layers, board: &Board) {
    layers.paint_paper(|c| glue::paint_paper(c, board));
    layers.live_views.update_value(LiveViews::drop_finished);
    let (pw, ph) = (board.width() as f64, board.height() as f64);
    let shapes: Vec<_> = board
        .drawing
        .visible_strokes()
        .into_iter()
        .filter_map(|s| {
            let outline = s.outline();
            let b = tiles::bounds(&outline, pw, ph)?;
            Some((outline, &s.style, b))
        })
        .collect();
    layers.sheets.with_value(|s| {
        if let Some(ink) = &s.ink {
            ink.repaint(|c, tile| {
                let t = tile.corners();
                for (outline, style, b) in &shapes {
                    if b[0] < t[2] && b[2] > t[0] && b[1] < t[3] && b[3] > t[1] {
                        glue::paint_outline(c, outline, style);
                    }
                }
            });
        }
    });
}

/// How long the pen must have been up before finished strokes move onto the ink layer, ms.
const REST_MS: f64 = 150.0;

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
    let live_views = layers.live_views;
    let last_up = StoredValue::new_local(0.0);
    let corner = StoredValue::new_local((0.0, 0.0));
    // The first pen is drawing: palm rejection is on, the switch not turned yet.
    let pen_switch = StoredValue::new_local(false);

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

    // Once per frame, only while something changed: what changed of the live strokes.
    use_animation_frame(move |now| {
        if !live_dirty.get_value() {
            // The pen rests: finished strokes go onto the ink layer, a tile per frame.
            if now - last_up.get_value() > REST_MS && !board.with_value(Board::is_drawing) {
                layers.rest(device_pixel_ratio());
            }
            return;
        }
        live_dirty.set_value(false);
        let Some(container) = layers.live.get_untracked() else {
            return;
        };
        board.with_value(|b| {
            live_views.update_value(|v| v.update(&container, b, device_pixel_ratio()));
        });
    });

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
        if ev.pointer_type() == "pen" && pen_switch.get_value() {
            pen_switch.set_value(false);
            tools.mode.set(InputMode::PenOnly);
        }
        // The stroke's live canvases catch up with its last points and stay on screen until the
        // pen rests; painting it on the ink layer (work the size of the paper) waits till then.
        if let Some(container) = layers.live.get_untracked() {
            board.with_value(|b| {
                live_views.update_value(|v| v.update(&container, b, device_pixel_ratio()));
            });
        }
        let Some(stroke) = board.try_update_value(|b| b.finish_stroke(id)).flatten() else {
            return;
        };
        let erases = stroke.style.brush == Brush::Eraser;
        let (pw, ph) = board.with_value(|b| (b.width() as f64, b.height() as f64));
        let shown = live_views
            .try_update_value(|v| v.finish(id, stroke, pw, ph))
            .unwrap_or(false);
        if !shown {
            // Its live canvases could not be made: paint the ink layer afresh.
            board.with_value(|b| repaint(layers, b));
        }
        last_up.set_value(now_ms());
        if erases {
            // What the eraser takes away shows at once.
            layers.settle_all();
        }
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
                    on:click=move |_| view_t.set(ViewTransform::default())>"zoom terug (100%)"</button>
            </Show>
            <div class="paper-stack" style=transform>
                <canvas node_ref=layers.paper class="layer" data-layer="paper"></canvas>
                <div node_ref=layers.ink class="layer" data-layer="ink"></div>
                <div node_ref=layers.live class="layer" data-layer="live"></div>
            </div>
        </div>
    }
}

/// Position of an event relative to the frame's top-left corner, in CSS pixels, sub-pixel.
/// The frame's corner is read when a pointer goes down and kept for its moves: reading it
/// forces a layout, and the live strokes change the page's layout every frame.
fn frame_xy(corner: StoredValue<(f64, f64), LocalStorage>, ev: &PointerEvent) -> (f64, f64) {
    let read = |name: &str| {
        js_sys::Reflect::get(ev, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    let (left, top) = corner.get_value();
    (read("clientX") - left, read("clientY") - top)
}

/// Where the frame's top left corner is on the page.
fn frame_corner(frame: NodeRef<Div>) -> (f64, f64) {
    let rect = frame.get_untracked().map(|f| f.get_bounding_client_rect());
    rect.map(|r| (r.left(), r.top())).unwrap_or((0.0, 0.0))
}

/// Paper + ink layers flattened into one canvas at full resolution, for the PNG.
pub fn flatten(layers: Layers) -> Option<HtmlCanvasElement> {
    layers.settle_all();
    let paper = layers.paper.get_untracked()?;
    let doc = web_sys::window()?.document()?;
    let out: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    out.set_width(paper.width());
    out.set_height(paper.height());
    let c: CanvasRenderingContext2d = out.get_context("2d").ok()??.dyn_into().ok()?;
    c.draw_image_with_html_canvas_element(&paper, 0.0, 0.0)
        .ok()?;
    layers
        .sheets
        .with_value(|s| s.ink.as_ref().map(|ink| ink.draw_onto(&c)))?;
    Some(out)
}
