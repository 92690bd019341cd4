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
//! and at most one tile, never a bitmap the size of the stroke (measured in B5,
//! BENCHMARKS.md).
//!
//! A finished stroke keeps its canvases until the pen rests, then moves onto the ink layer's
//! tiles ([`super::tiles`], the same grid) a tile per frame ([`LiveViews::settle_step`]).

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};

use speelruimte_ink::{Brush, BrushStyle, LiveStroke, Stroke};
use web_sys::Element;

use super::ink_glue::{self as glue, Board};
use super::sheet::Sheet;
use super::tiles::{self, InkTiles, Key, Rect};

/// The tail canvas's sides are multiples of this (CSS px), so it is rarely resized.
const SNAP: f64 = 64.0;
/// Canvas edges lie on multiples of this (CSS px): whole device pixels at the usual ratios.
const ALIGN: f64 = 8.0;
/// Room the tail canvas leaves around the tail before it must move.
const TAIL_SLACK: f64 = 32.0;

/// One canvas of a live stroke, painted in paper coordinates.
struct Pane {
    sheet: Sheet,
    rect: Rect,
}

impl Pane {
    fn new(group: &Element, name: &str) -> Option<Self> {
        let sheet = Sheet::made_in(group, "live-pane")?;
        let _ = sheet.display().set_attribute("data-pane", name);
        Some(Self {
            sheet,
            rect: Rect::default(),
        })
    }

    /// Places the canvas at `r`. Its bitmap is only reallocated (and cleared) when its size
    /// changes; moving it is a style change.
    fn place(&mut self, r: Rect, dpr: f64) {
        self.sheet.cover(r.device(dpr), dpr);
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
    /// Settled ink, by tile.
    tiles: HashMap<Key, Tile>,
    /// The part that still changes (and what waiting tiles hold); `None` once a finished
    /// stroke's tail is on the ink layer.
    tail: Option<Pane>,
    /// The box (paper CSS px) around what the tail canvas shows.
    tail_shows: Option<[f64; 4]>,
    /// Settled side vertices already painted.
    painted: usize,
}

impl StrokeView {
    /// An empty view in `container`, its tail canvas already sized for a stroke's start.
    fn new(container: &Element, dpr: f64) -> Option<Self> {
        let doc = web_sys::window()?.document()?;
        let group = doc.create_element("div").ok()?;
        let _ = group.set_attribute("class", "live-stroke");
        // Not in use yet (tests wait for in-use views to go).
        let _ = group.set_attribute("data-spare", "");
        container.append_child(&group).ok()?;
        let mut tail = Pane::new(&group, "tail")?;
        tail.place(
            Rect {
                w: 2.0 * SNAP,
                h: 2.0 * SNAP,
                ..Rect::default()
            },
            dpr,
        );
        Some(Self {
            tail: Some(tail),
            tail_shows: None,
            group,
            tiles: HashMap::new(),
            painted: 0,
        })
    }

    /// Puts the view to use for a stroke with `style` (the group carries its opacity).
    fn set_style(&self, style: &BrushStyle) {
        let _ = self
            .group
            .set_attribute("style", &format!("opacity:{}", opacity(style)));
        let _ = self.group.remove_attribute("data-spare");
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
            for key in tiles::bounds(&piece, pw, ph)
                .into_iter()
                .flat_map(tiles::keys)
            {
                if let Some(tile) = self.tile(key, dpr) {
                    glue::paint_opaque(tile.pane.sheet.ctx(), &piece, style);
                    tile.waiting_from.get_or_insert(from);
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
            .filter_map(|s| tiles::bounds(s, pw, ph))
            .reduce(|a, b| {
                [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ]
            });
        let Some(tail) = self.tail.as_mut() else {
            return;
        };
        if let Some(b) = b.filter(|b| !tail.rect.contains(*b)) {
            let r = tail_rect(tail.rect, b);
            tail.place(r, dpr);
        }
        let c = tail.sheet.fresh();
        if b.is_some() {
            for shape in &shapes {
                glue::paint_opaque(c, shape, style);
            }
        }
        tail.sheet.show();
        self.tail_shows = b;
    }

    /// The settled tile at `key`, made when the stroke first reaches it.
    fn tile(&mut self, key: Key, dpr: f64) -> Option<&mut Tile> {
        if let Entry::Vacant(v) = self.tiles.entry(key) {
            let mut pane = Pane::new(&self.group, "settled")?;
            pane.place(Rect::tile(key), dpr);
            v.insert(Tile {
                pane,
                waiting_from: None,
            });
        }
        self.tiles.get_mut(&key)
    }
}

/// Where the tail canvas goes for a tail within `b`, when it is at `now`: around the tail with
/// room to move, its size never shrinking during the stroke (a new size reallocates it).
fn tail_rect(now: Rect, b: [f64; 4]) -> Rect {
    let snap_down = |v: f64| (v / ALIGN).floor() * ALIGN;
    let snap_up = |v: f64| (v / SNAP).ceil() * SNAP;
    let w = snap_up(b[2] - b[0] + 2.0 * TAIL_SLACK).max(now.w);
    let h = snap_up(b[3] - b[1] + 2.0 * TAIL_SLACK).max(now.h);
    Rect {
        x: snap_down((b[0] + b[2] - w) / 2.0),
        y: snap_down((b[1] + b[3] - h) / 2.0),
        w,
        h,
    }
}

/// How strongly a live stroke shows: its brush's opacity; the eraser as a grey shadow.
fn opacity(style: &BrushStyle) -> f32 {
    match style.brush {
        Brush::Eraser => 0.35,
        brush => brush.params().opacity,
    }
}

/// A finished stroke on its way to the ink layer: still on its live canvases where it is not
/// on the ink tiles yet.
struct Finished {
    stroke: Stroke,
    outline: Vec<[f32; 2]>,
    view: StrokeView,
    /// The squares (of the [`tiles::TILE`] grid) where it is still to be painted on the ink
    /// layer, and its live canvases still show.
    left: BTreeSet<Key>,
}

/// The live strokes' canvases, by pointer; and finished strokes that are not (all) on the ink
/// layer yet, oldest first.
#[derive(Default)]
pub struct LiveViews {
    views: HashMap<i32, StrokeView>,
    finished: Vec<Finished>,
    /// An empty view made while the pen rested, for the next stroke: making one (elements,
    /// canvases, their layers) costs a frame on a slow tablet.
    spare: Option<StrokeView>,
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
            if let Some(view) = self.views.remove(&id) {
                view.group.remove();
            }
        }
        for (id, stroke) in board.live_strokes() {
            let view = match self.views.entry(id) {
                Entry::Occupied(o) => o.into_mut(),
                Entry::Vacant(v) => {
                    let Some(view) = self
                        .spare
                        .take()
                        .or_else(|| StrokeView::new(container, dpr))
                    else {
                        continue;
                    };
                    view.set_style(stroke.style());
                    v.insert(view)
                }
            };
            view.update(stroke, pw, ph, dpr);
        }
    }

    /// Pointer `id`'s stroke has finished as `stroke`: it stays on screen as it is until
    /// [`LiveViews::settle_step`] moves it onto the ink layer. `pw`×`ph` is the paper. Returns
    /// `false` when the stroke had no canvases on screen (the caller paints it).
    #[must_use]
    pub fn finish(&mut self, id: i32, stroke: Stroke, pw: f64, ph: f64) -> bool {
        let Some(view) = self.views.remove(&id) else {
            return false;
        };
        let outline = stroke.outline();
        let mut left: BTreeSet<Key> = view.tiles.keys().copied().collect();
        left.extend(
            tiles::bounds(&outline, pw, ph)
                .into_iter()
                .flat_map(tiles::keys),
        );
        self.finished.push(Finished {
            stroke,
            outline,
            view,
            left,
        });
        true
    }

    /// Makes the view the next stroke will use, if there is none.
    pub fn prepare(&mut self, container: &Element, dpr: f64) {
        if self.spare.is_none() {
            self.spare = StrokeView::new(container, dpr);
        }
    }

    /// Takes the next stroke's view away (the paper changed size).
    pub fn drop_spare(&mut self) {
        if let Some(view) = self.spare.take() {
            view.group.remove();
        }
    }

    /// Whether finished strokes still wait (partly) for the ink layer.
    pub fn settling(&self) -> bool {
        !self.finished.is_empty()
    }

    /// Moves finished strokes a few tiles further onto the ink layer: the ink tiles under what
    /// the oldest tail canvas left shows (all at once, the tail canvas goes with them), else up
    /// to `budget` ink tiles. Each is painted with every stroke due there, oldest first, and the
    /// live canvases it replaces go in the same task, so no frame shows a stroke twice or not
    /// at all.
    pub fn settle_step(&mut self, ink: &InkTiles, budget: usize) {
        if let Some(i) = self.finished.iter().position(|f| f.view.tail.is_some()) {
            let keys: BTreeSet<Key> = self.finished[i]
                .view
                .tail_shows
                .into_iter()
                .flat_map(tiles::keys)
                .map(|k| ink.key_of(k))
                .collect();
            for key in keys {
                self.settle_tile(ink, key, i + 1);
            }
            if let Some(tail) = self.finished[i].view.tail.take() {
                tail.sheet.display().remove();
            }
        } else {
            let keys: BTreeSet<Key> = self
                .finished
                .iter()
                .flat_map(|f| f.left.iter().map(|k| ink.key_of(*k)))
                .collect();
            for key in keys.into_iter().take(budget) {
                self.settle_tile(ink, key, self.finished.len());
            }
        }
        self.finished.retain(|f| {
            let done = f.left.is_empty() && f.view.tail.is_none();
            if done {
                f.view.group.remove();
            }
            !done
        });
    }

    /// Moves every finished stroke onto the ink layer now.
    pub fn settle_all(&mut self, ink: &InkTiles) {
        while self.settling() {
            self.settle_step(ink, usize::MAX);
        }
    }

    /// Paints ink tile `key` with the first `upto` finished strokes due there, and takes their
    /// live tiles there away.
    fn settle_tile(&mut self, ink: &InkTiles, key: Key, upto: usize) {
        let here = |k: &Key| ink.key_of(*k) == key;
        let due: Vec<usize> = (0..upto)
            .filter(|&i| self.finished[i].left.iter().any(here))
            .collect();
        if due.is_empty() {
            return;
        }
        ink.paint(key, |c| {
            for &i in &due {
                let f = &self.finished[i];
                glue::paint_outline(c, &f.outline, &f.stroke.style);
            }
        });
        for i in due {
            let f = &mut self.finished[i];
            f.left.retain(|k| !here(k));
            f.view.tiles.retain(|k, tile| {
                let keep = !here(k);
                if !keep {
                    tile.pane.sheet.display().remove();
                }
                keep
            });
        }
    }

    /// Takes the finished strokes off the screen (the ink layer was painted afresh).
    pub fn drop_finished(&mut self) {
        for f in self.finished.drain(..) {
            f.view.group.remove();
        }
    }
}
