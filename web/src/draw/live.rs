//! The strokes under a pen or finger, shown as they grow, at a cost per frame that does not
//! grow with the stroke, and without a single element made or moved while the pen draws.
//!
//! What shows of live strokes is one fixed grid of square canvases over the paper (the
//! [`tiles::TILE`] grid of the ink layer), made when the paper gets its size. Each live stroke
//! keeps, off the page, the part of its outline that is final ([`LiveStroke::settled_piece`]),
//! painted once per square it passes over; every frame, the squares its tail (the part that
//! still changes) touches, or that got new settled ink, are composed afresh: each stroke's
//! settled ink and tail, painted opaque (the pieces overlap), put on the square with the brush's
//! opacity — the way the finished stroke is painted on the ink layer in one go — and the result
//! handed to the square's canvas on the page.
//!
//! Why so (measured with DevTools traces under the throttled CPU of B5, BENCHMARKS.md): every
//! 2D canvas on the page is copied for the compositor on every frame, so the canvases show
//! bitmaps ([`Sheet`]) and stay small; and a frame in which a canvas appears on the page, or
//! moves, or shows its first few bitmaps costs several times an ordinary frame (new compositor
//! layers, new shared memory for the bitmaps). So the grid is made once, and while the pen
//! rests after it is made, each square is given a few blank bitmaps ([`LiveViews::warm_step`])
//! and a stroke of every brush is rehearsed off the page ([`super::rehearsal`]).
//!
//! A finished stroke stays on the grid, put together per square with the other finished ones,
//! until the pen rests; then they move onto the ink layer a tile per frame
//! ([`LiveViews::settle_step`]): the ink tile is painted and the square of the grid over it
//! composed without them in the same task.

use std::collections::{BTreeSet, HashMap};

use speelruimte_ink::{BrushStyle, Stroke};
use web_sys::Element;

use super::ink_glue::{self as glue, Board};
use super::rehearsal::Rehearsal;
use super::scrap::Scrap;
use super::sheet::Sheet;
use super::stroke_view::{Ctx, View, put_together};
use super::tiles::{self, InkTiles, Key, Rect};

/// Blank bitmaps each square of the grid is given, one per frame, before it is drawn on: a
/// canvas's first bitmaps cost the browser new shared memory; from the third on it reuses it
/// (see [`Sheet::show_blank`]).
const WARM_ROUNDS: u32 = 4;
/// Squares given a blank bitmap per frame while warming.
const WARM_PER_FRAME: usize = 16;

/// A finished stroke on its way to the ink layer: still on the grid (in [`LiveViews::done`])
/// where it is not on the ink tiles yet.
struct Finished {
    style: BrushStyle,
    outline: Vec<[f32; 2]>,
    /// The squares where it is still to be painted on the ink layer.
    left: BTreeSet<Key>,
}

/// The grid of squares on the page.
#[derive(Default)]
struct Grid {
    squares: HashMap<Key, Sheet>,
    /// Squares in the order they are warmed, and how far warming got.
    order: Vec<Key>,
    warmed: usize,
    /// Warmed and rehearsed, as written on the container (`data-warmed`).
    ready: bool,
}

/// The live strokes, the grid that shows them, and finished strokes not (all) on the ink layer
/// yet, oldest first.
#[derive(Default)]
pub struct LiveViews {
    container: Option<Element>,
    grid: Grid,
    /// By pointer, in the order the strokes began.
    live: Vec<(i32, View)>,
    finished: Vec<Finished>,
    /// By square, the finished strokes not yet on the ink layer, put together (each with its
    /// brush's opacity, oldest first): a square is composed from this and the live strokes, so
    /// quick strokes one after another (hatching, before the pen rests) do not make every frame
    /// dearer.
    done: HashMap<Key, Scrap>,
    at: Ctx,
    /// Where a square with a tail on it is put together.
    union: Option<Scrap>,
    /// Strokes live or waiting, as last written on the container (`data-pending`).
    pending: Option<usize>,
    /// A stroke of each brush drawn off the page before the first real one.
    rehearsal: Rehearsal,
}

impl LiveViews {
    /// Covers a `w`×`h` CSS px paper at pixel ratio `dpr` with a new grid inside `container`;
    /// what showed of strokes goes (the caller repaints; live strokes are painted again from
    /// their start in the next frame).
    pub fn fit(&mut self, container: Element, w: f64, h: f64, dpr: f64) {
        for sheet in self.grid.squares.values() {
            sheet.display().remove();
        }
        self.grid = Grid::default();
        self.at.pw = w;
        self.at.ph = h;
        self.at.dpr = dpr;
        let unit = tiles::place_grid(&container, w, h, dpr);
        for key in tiles::squares(w, h) {
            let Some(sheet) = Sheet::made_in(&container, "live-tile") else {
                break;
            };
            sheet.cover(Rect::tile(key).device(dpr), dpr, unit);
            self.grid.squares.insert(key, sheet);
            self.grid.order.push(key);
        }
        self.finished.clear();
        self.at.scraps.give_all(&mut self.done);
        for (_, view) in &mut self.live {
            view.reset(&mut self.at.scraps);
        }
        self.rehearsal.drop_going(&mut self.at);
        if self.union.is_none() {
            self.union = Scrap::new();
        }
        self.container = Some(container);
        self.pending = None;
        self.mark_pending();
        self.mark_warmed();
    }

    /// Brings every live stroke of `board` on screen.
    pub fn update(&mut self, board: &Board) {
        let mut dirty = BTreeSet::new();
        let scraps = &mut self.at.scraps;
        self.live.retain_mut(|(id, view)| {
            let keep = board.is_live(*id);
            if !keep {
                dirty.extend(view.keys());
                view.reset(scraps);
            }
            keep
        });
        for (id, stroke) in board.live_strokes() {
            let i = match self.live.iter().position(|(v, _)| *v == id) {
                Some(i) => i,
                None => {
                    self.live.push((id, View::new(*stroke.style())));
                    self.live.len() - 1
                }
            };
            self.live[i].1.update(stroke, &mut self.at, &mut dirty);
        }
        self.compose(dirty);
        self.mark_pending();
    }

    /// Pointer `id`'s stroke has finished as `stroke`: it stays on screen as it is until
    /// [`LiveViews::settle_step`] moves it onto the ink layer. Returns `false` when the stroke
    /// did not show (the caller paints it).
    #[must_use]
    pub fn finish(&mut self, id: i32, stroke: Stroke) -> bool {
        let Some(i) = self.live.iter().position(|(v, _)| *v == id) else {
            return false;
        };
        let (_, mut view) = self.live.remove(i);
        // What shows does not change: the squares already show the stroke as it is now.
        let mut left: BTreeSet<Key> = view
            .finish_onto(&mut self.done, &mut self.at)
            .into_iter()
            .collect();
        let outline = stroke.outline();
        left.extend(
            tiles::bounds(&outline, self.at.pw, self.at.ph)
                .into_iter()
                .flat_map(tiles::keys),
        );
        self.finished.push(Finished {
            style: stroke.style,
            outline,
            left,
        });
        self.mark_pending();
        true
    }

    /// While nothing shows on the grid: gives the next few squares a blank bitmap; once all
    /// have had theirs, rehearses a stroke (see [`super::rehearsal`]) a few points further.
    pub fn warm_step(&mut self) {
        let n = self.grid.order.len();
        if n == 0 || !self.live.is_empty() || !self.finished.is_empty() {
            return;
        }
        if self.grid.warmed >= n * WARM_ROUNDS as usize {
            if let Some(union) = &self.union {
                self.rehearsal.step(&mut self.at, union);
            }
            if self.rehearsal.done() && !self.grid.ready {
                self.grid.ready = true;
                self.mark_warmed();
            }
            return;
        }
        let from = self.grid.warmed;
        // A round never gives a square two bitmaps in one frame.
        let upto = (from + WARM_PER_FRAME).min((from / n + 1) * n);
        for i in from..upto {
            if let Some(sheet) = self.grid.squares.get(&self.grid.order[i % n]) {
                sheet.show_blank();
            }
        }
        self.grid.warmed = upto;
    }

    /// Whether warming is over: every square warmed and every brush rehearsed (or nothing to
    /// warm: no grid yet, or no place to rehearse).
    pub fn warmed(&self) -> bool {
        self.grid.ready || self.grid.order.is_empty() || self.union.is_none()
    }

    /// Whether finished strokes still wait (partly) for the ink layer.
    pub fn settling(&self) -> bool {
        !self.finished.is_empty()
    }

    /// Moves finished strokes up to `budget` ink tiles further onto the ink layer. Each ink
    /// tile is painted with every stroke due there, oldest first, and the square of the grid
    /// over it is composed without them in the same task, so no frame shows a stroke twice or
    /// not at all.
    pub fn settle_step(&mut self, ink: &InkTiles, budget: usize) {
        let keys: BTreeSet<Key> = self
            .finished
            .iter()
            .flat_map(|f| f.left.iter().copied())
            .collect();
        let mut dirty = BTreeSet::new();
        for key in keys.into_iter().take(budget) {
            self.settle_tile(ink, key, &mut dirty);
        }
        self.finished.retain(|f| !f.left.is_empty());
        self.compose(dirty);
        self.mark_pending();
    }

    /// Moves every finished stroke onto the ink layer now.
    pub fn settle_all(&mut self, ink: &InkTiles) {
        while self.settling() {
            self.settle_step(ink, usize::MAX);
        }
    }

    /// Paints ink tile `key` with the finished strokes due there (all that touch it) and takes
    /// them off the square of the grid there (which goes into `dirty`).
    fn settle_tile(&mut self, ink: &InkTiles, key: Key, dirty: &mut BTreeSet<Key>) {
        let here = |k: &Key| *k == key;
        let due: Vec<usize> = (0..self.finished.len())
            .filter(|&i| self.finished[i].left.iter().any(here))
            .collect();
        if due.is_empty() {
            return;
        }
        ink.paint(key, |c| {
            for &i in &due {
                let f = &self.finished[i];
                glue::paint_outline(c, &f.outline, &f.style);
            }
        });
        for i in due {
            self.finished[i].left.retain(|k| {
                let keep = !here(k);
                if !keep {
                    dirty.insert(*k);
                }
                keep
            });
        }
        let gone: Vec<Key> = self.done.keys().copied().filter(here).collect();
        for k in gone {
            if let Some(scrap) = self.done.remove(&k) {
                self.at.scraps.give(scrap);
            }
        }
    }

    /// Takes the finished strokes off the screen (the ink layer was painted afresh).
    pub fn drop_finished(&mut self) {
        self.finished.clear();
        let dirty = self.done.keys().copied().collect();
        self.at.scraps.give_all(&mut self.done);
        self.compose(dirty);
        self.mark_pending();
    }

    /// Composes squares `keys` afresh from every stroke on them: finished ones (oldest first),
    /// then live ones in the order they began (the order they will have in the drawing once
    /// they end one by one).
    fn compose(&mut self, keys: BTreeSet<Key>) {
        let Some(union) = &self.union else {
            return;
        };
        for key in keys {
            let Some(sheet) = self.grid.squares.get(&key) else {
                continue;
            };
            let views = self.live.iter().map(|(_, v)| v);
            put_together(
                sheet.fresh(),
                key,
                self.done.get(&key),
                views,
                union,
                self.at.dpr,
            );
            sheet.show();
        }
    }

    /// Writes on the container whether the grid is warmed and every brush rehearsed
    /// (`data-warmed`: 1 or 0), for tests.
    fn mark_warmed(&self) {
        if let Some(container) = &self.container {
            let ready = if self.grid.ready { "1" } else { "0" };
            let _ = container.set_attribute("data-warmed", ready);
        }
    }

    /// Writes how many strokes are live or waiting on the container (`data-pending`), for
    /// tests that wait until finished strokes are on the ink layer.
    fn mark_pending(&mut self) {
        let n = self.live.len() + self.finished.len();
        if self.pending != Some(n) {
            if let Some(container) = &self.container {
                let _ = container.set_attribute("data-pending", &n.to_string());
            }
            self.pending = Some(n);
        }
    }
}
