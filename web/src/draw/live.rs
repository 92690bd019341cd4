//! The strokes under a pen or finger, shown as they grow, at a cost per frame that does not
//! grow with the stroke.
//!
//! The part of a live stroke's outline that is final ([`LiveStroke::settled_piece`]) is
//! painted once, a few points per frame, onto square tiles that the stroke passes over; the
//! tail that still changes has a small canvas of its own, cleared and repainted every frame.
//! Pieces overlap, so they are painted opaque and the group of canvases carries the brush's
//! opacity, the way the finished stroke is painted on the ink layer in one go.
//!
//! Every frame the browser copies each 2D canvas's whole bitmap for the compositor, changed or
//! not, so these canvases show bitmaps ([`Sheet`]) and stay small: a frame hands over the tail
//! and the one or two tiles under the pen, never a bitmap the size of the stroke (measured in
//! B5, BENCHMARKS.md).

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use speelruimte_ink::{Brush, BrushStyle, LiveStroke};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement};

use super::ink_glue::{self as glue, Board};
use super::sheet::Sheet;

/// Where a canvas lies on the paper, in CSS px.
#[derive(Clone, Copy, Default, PartialEq)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

/// Side of a settled-ink tile, CSS px. A multiple of 8, so that at the usual pixel ratios
/// (1, 1.25, 1.5, 2, 3) tile edges fall on whole device pixels and tiles meet without a seam.
const TILE: f64 = 128.0;
/// The tail canvas's sides are multiples of this (CSS px), so it is rarely resized.
const SNAP: f64 = 64.0;
/// Canvas edges lie on multiples of this (CSS px): whole device pixels at the usual ratios.
const ALIGN: f64 = 8.0;
/// Room the tail canvas leaves around the tail before it must move.
const TAIL_SLACK: f64 = 32.0;

impl Rect {
    fn contains(&self, b: [f64; 4]) -> bool {
        b[0] >= self.x && b[1] >= self.y && b[2] <= self.x + self.w && b[3] <= self.y + self.h
    }
}

/// The box around an outline (plus two pixels of antialiasing) within the paper, or `None`
/// when nothing of it is on the paper.
fn bounds(outline: &[[f32; 2]], pw: f64, ph: f64) -> Option<[f64; 4]> {
    let (first, rest) = outline.split_first()?;
    let b = rest
        .iter()
        .fold([first[0], first[1], first[0], first[1]], |b, p| {
            [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ]
        });
    let b = [
        (b[0] as f64 - 2.0).max(0.0),
        (b[1] as f64 - 2.0).max(0.0),
        (b[2] as f64 + 2.0).min(pw),
        (b[3] as f64 + 2.0).min(ph),
    ];
    (b[2] > b[0] && b[3] > b[1]).then_some(b)
}

/// One canvas of a live stroke, painted in paper coordinates.
struct Pane {
    sheet: Sheet,
    rect: Rect,
}

impl Pane {
    fn new(group: &Element, name: &str) -> Option<Self> {
        let doc = web_sys::window()?.document()?;
        let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
        let _ = canvas.set_attribute("class", "live-pane");
        let _ = canvas.set_attribute("data-pane", name);
        group.append_child(&canvas).ok()?;
        Some(Self {
            sheet: Sheet::new(canvas)?,
            rect: Rect::default(),
        })
    }

    /// Places the canvas at `r`. Its bitmap is only reallocated (and cleared) when its size
    /// changes; moving it is a style change.
    fn place(&mut self, r: Rect, dpr: f64) {
        if (r.w, r.h) == (self.rect.w, self.rect.h) {
            self.sheet.move_to(r.x, r.y, dpr);
        } else {
            self.sheet.resize_at(r.x, r.y, r.w, r.h, dpr);
        }
        let _ = self.sheet.display().set_attribute(
            "style",
            &format!(
                "left:{}px;top:{}px;width:{}px;height:{}px",
                r.x, r.y, r.w, r.h
            ),
        );
        self.rect = r;
    }
}

/// A square of settled ink.
struct Tile {
    pane: Pane,
    /// The first settled side vertex painted on the tile since it was last shown; while it
    /// waits to be shown, the tail canvas shows the outline from there on.
    waiting_from: Option<usize>,
}

/// What shows of one live stroke.
struct StrokeView {
    group: Element,
    /// Settled ink, by tile column and row.
    tiles: HashMap<(i32, i32), Tile>,
    tail: Pane,
    /// Settled side vertices already painted.
    painted: usize,
}

impl StrokeView {
    fn new(container: &Element, style: &BrushStyle) -> Option<Self> {
        let doc = web_sys::window()?.document()?;
        let group = doc.create_element("div").ok()?;
        let _ = group.set_attribute("class", "live-stroke");
        let _ = group.set_attribute("style", &format!("opacity:{}", opacity(style)));
        container.append_child(&group).ok()?;
        Some(Self {
            tail: Pane::new(&group, "tail")?,
            group,
            tiles: HashMap::new(),
            painted: 0,
        })
    }

    /// Paints what settled since the last frame and the tail as it is now.
    ///
    /// Handing a bitmap to the page costs a copy for the compositor, so a frame shows at most
    /// one tile (the one waiting longest) besides the tail; the tail canvas shows what the
    /// waiting tiles hold, from the first vertex any of them has not shown yet.
    fn update(&mut self, stroke: &LiveStroke, pw: f64, ph: f64, dpr: f64) {
        let style = stroke.style();
        let settled = stroke.settled_len();
        let from = self.painted;
        if settled > from {
            let piece = stroke.settled_piece(from);
            if let Some(b) = bounds(&piece, pw, ph) {
                let (c0, r0) = ((b[0] / TILE) as i32, (b[1] / TILE) as i32);
                let (c1, r1) = ((b[2] / TILE) as i32, (b[3] / TILE) as i32);
                for key in (r0..=r1).flat_map(|r| (c0..=c1).map(move |c| (c, r))) {
                    if let Some(tile) = self.tile(key, dpr) {
                        glue::paint_opaque(tile.pane.sheet.ctx(), &piece, style);
                        tile.waiting_from.get_or_insert(from);
                    }
                }
            }
            self.painted = settled;
        }
        let longest = self
            .tiles
            .values_mut()
            .filter(|t| t.waiting_from.is_some())
            .min_by_key(|t| t.waiting_from);
        if let Some(tile) = longest {
            tile.pane.sheet.show();
            tile.waiting_from = None;
        }
        let unshown = self.tiles.values().filter_map(|t| t.waiting_from).min();
        let mut shapes = vec![stroke.tail_outline()];
        if let Some(from) = unshown {
            shapes.push(stroke.settled_piece(from));
        }
        let b = shapes
            .iter()
            .filter_map(|s| bounds(s, pw, ph))
            .reduce(|a, b| {
                [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ]
            });
        if let Some(b) = b.filter(|b| !self.tail.rect.contains(*b)) {
            self.tail.place(self.tail_rect(b), dpr);
        }
        let c = self.tail.sheet.fresh();
        if b.is_some() {
            for shape in &shapes {
                glue::paint_opaque(c, shape, style);
            }
        }
        self.tail.sheet.show();
    }

    /// The settled tile at `key`, made when the stroke first reaches it.
    fn tile(&mut self, key: (i32, i32), dpr: f64) -> Option<&mut Tile> {
        if let Entry::Vacant(v) = self.tiles.entry(key) {
            let mut pane = Pane::new(&self.group, "settled")?;
            let (x, y) = (key.0 as f64 * TILE, key.1 as f64 * TILE);
            pane.place(
                Rect {
                    x,
                    y,
                    w: TILE,
                    h: TILE,
                },
                dpr,
            );
            v.insert(Tile {
                pane,
                waiting_from: None,
            });
        }
        self.tiles.get_mut(&key)
    }

    /// Where the tail canvas goes for a tail within `b`: around it with room to move, its
    /// size never shrinking during the stroke (a new size reallocates the canvas).
    fn tail_rect(&self, b: [f64; 4]) -> Rect {
        let snap_down = |v: f64| (v / ALIGN).floor() * ALIGN;
        let snap_up = |v: f64| (v / SNAP).ceil() * SNAP;
        let w = snap_up(b[2] - b[0] + 2.0 * TAIL_SLACK).max(self.tail.rect.w);
        let h = snap_up(b[3] - b[1] + 2.0 * TAIL_SLACK).max(self.tail.rect.h);
        Rect {
            x: snap_down((b[0] + b[2] - w) / 2.0),
            y: snap_down((b[1] + b[3] - h) / 2.0),
            w,
            h,
        }
    }
}

/// How strongly a live stroke shows: its brush's opacity; the eraser as a grey shadow.
fn opacity(style: &BrushStyle) -> f32 {
    match style.brush {
        Brush::Eraser => 0.35,
        brush => brush.params().opacity,
    }
}

/// The live strokes' canvases, by pointer; and those of finished strokes not yet painted on
/// the ink layer.
#[derive(Default)]
pub struct LiveViews {
    views: HashMap<i32, StrokeView>,
    finished: Vec<StrokeView>,
}

impl LiveViews {
    /// Brings every live stroke of `board` on screen, inside `container`.
    pub fn update(&mut self, container: &Element, board: &Board, dpr: f64) {
        let (pw, ph) = (board.width() as f64, board.height() as f64);
        let gone: Vec<i32> = self
            .views
            .keys()
            .filter(|id| !board.is_live(**id))
            .copied()
            .collect();
        for id in gone {
            self.remove(id);
        }
        for (id, stroke) in board.live_strokes() {
            let view = match self.views.entry(id) {
                Entry::Occupied(o) => o.into_mut(),
                Entry::Vacant(v) => match StrokeView::new(container, stroke.style()) {
                    Some(view) => v.insert(view),
                    None => continue,
                },
            };
            view.update(stroke, pw, ph, dpr);
        }
    }

    /// Keeps pointer `id`'s finished stroke on screen as it is, until [`LiveViews::drop_finished`].
    pub fn finish(&mut self, id: i32) {
        if let Some(view) = self.views.remove(&id) {
            self.finished.push(view);
        }
    }

    /// Takes the finished strokes off the screen (they are on the ink layer now).
    pub fn drop_finished(&mut self) {
        for view in self.finished.drain(..) {
            view.group.remove();
        }
    }

    /// Takes pointer `id`'s stroke off the screen.
    fn remove(&mut self, id: i32) {
        if let Some(view) = self.views.remove(&id) {
            view.group.remove();
        }
    }
}
