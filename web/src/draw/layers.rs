//! The layers of the paper: the paper itself with its template (one [`Sheet`]), the finished
//! ink ([`InkTiles`]) and the live strokes ([`LiveViews`]); how finished strokes get from the
//! live grid onto the ink layer, repainting, and the picture for export.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use speelruimte_ink::{Brush, Stroke};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::ink_glue::{self as glue, Board};
use super::live::LiveViews;
use super::sheet::Sheet;
use super::tiles::{self, InkTiles};

/// The paper and ink sheets, made once their elements are on the page.
#[derive(Default)]
struct Sheets {
    paper: Option<Sheet>,
    ink: Option<InkTiles>,
}

/// Handles to the layers, for painting and for export.
#[derive(Clone, Copy)]
pub struct Layers {
    pub paper: NodeRef<Canvas>,
    /// Holds the ink tiles (see [`super::tiles`]).
    pub ink: NodeRef<Div>,
    /// Holds the grid that shows live strokes (see [`super::live`]).
    pub live: NodeRef<Div>,
    /// Where paper and ink are painted (see [`super::sheet`]).
    sheets: StoredValue<Sheets, LocalStorage>,
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

    /// Brings the strokes being drawn on `board` on screen as they are now.
    pub fn show_live(&self, board: &Board) {
        self.live_views.update_value(|v| v.update(board));
    }

    /// Pointer `id`'s stroke has finished as `stroke` (already in `board`'s drawing). It stays
    /// on the live grid until the pen rests ([`Layers::rest`]), but the eraser's goes onto
    /// the ink layer at once, so that what it takes away shows at once.
    pub fn finish(&self, id: i32, stroke: Stroke, board: &Board) {
        let erases = stroke.style.brush == Brush::Eraser;
        let shown = self
            .live_views
            .try_update_value(|v| v.finish(id, stroke))
            .unwrap_or(false);
        if !shown {
            // It never showed on the live grid: paint the ink layer afresh.
            repaint(*self, board);
        } else if erases {
            self.settle_all();
        }
    }

    /// Work for a resting pen, a little per frame: finished strokes move a tile further from
    /// the live grid onto the ink layer; once none wait, the live grid is warmed up. Returns
    /// whether work is left for the next frame.
    pub fn rest(&self) -> bool {
        self.sheets.with_value(|s| {
            self.live_views.update_value(|v| {
                if v.settling() {
                    if let Some(ink) = &s.ink {
                        v.settle_step(ink, SETTLE_TILES_PER_FRAME);
                    }
                } else {
                    v.warm_step();
                }
            });
        });
        self.live_views.with_value(|v| v.settling() || !v.warmed())
    }

    /// Puts every finished stroke on the ink layer now (before export, and for the eraser).
    fn settle_all(&self) {
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
    pub fn fit(&self, w: f64, h: f64, dpr: f64) {
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
        if let Some(container) = self.live.get_untracked() {
            self.live_views
                .update_value(|v| v.fit(container.into(), w, h, dpr));
        }
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

/// The screen's device pixel ratio (1 where it cannot be read).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
}
