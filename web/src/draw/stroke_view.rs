//! What one live stroke has off the page for the live grid (see [`super::live`]), and how a
//! square of the grid is put together from finished strokes and live ones.

use std::collections::{BTreeSet, HashMap};

use speelruimte_ink::{Brush, BrushStyle, LiveStroke};
use web_sys::CanvasRenderingContext2d;

use super::ink_glue as glue;
use super::scrap::{Scrap, Scraps, part, put, put_around, put_part};
use super::tiles::{self, Key};

/// The paper the grid covers, and the spare scraps.
#[derive(Default)]
pub struct Ctx {
    pub pw: f64,
    pub ph: f64,
    pub dpr: f64,
    pub scraps: Scraps,
}

/// What a live (or finished, not yet settled) stroke has off the page.
pub struct View {
    pub style: BrushStyle,
    /// Settled ink (opaque), by square.
    pub cover: HashMap<Key, Scrap>,
    /// Settled side vertices already painted.
    painted: usize,
    /// The part of the outline that still changes, and the box around it (paper CSS px).
    tail: Vec<[f32; 2]>,
    tail_box: Option<[f64; 4]>,
}

impl View {
    pub fn new(style: BrushStyle) -> Self {
        Self {
            style,
            cover: HashMap::new(),
            painted: 0,
            tail: Vec::new(),
            tail_box: None,
        }
    }

    /// Paints what settled since the last frame and takes the tail as it is now; the squares
    /// that must be composed afresh go into `dirty`.
    pub fn update(&mut self, stroke: &LiveStroke, at: &mut Ctx, dirty: &mut BTreeSet<Key>) {
        let style = self.style;
        let settled = stroke.settled_len();
        if settled > self.painted {
            let piece = stroke.settled_piece(self.painted);
            for key in tiles::bounds(&piece, at.pw, at.ph)
                .into_iter()
                .flat_map(tiles::keys)
            {
                if let Some(scrap) = self.scrap(key, at) {
                    glue::paint_opaque(&scrap.ctx, &piece, &style);
                    dirty.insert(key);
                }
            }
            self.painted = settled;
        }
        dirty.extend(self.tail_box.into_iter().flat_map(tiles::keys));
        self.tail = stroke.tail_outline();
        self.tail_box = tiles::bounds(&self.tail, at.pw, at.ph);
        dirty.extend(self.tail_box.into_iter().flat_map(tiles::keys));
    }

    /// The scrap of square `key`, taken when the stroke first reaches it.
    fn scrap(&mut self, key: Key, at: &mut Ctx) -> Option<&Scrap> {
        at.scraps
            .for_square(&mut self.cover, key, at.dpr)
            .map(|s| &*s)
    }

    /// The stroke has ended: its last tail becomes settled ink, and all of it is laid (with
    /// the brush's opacity) onto `done`, the finished strokes put together by square; its
    /// scraps go back to `at`. Returns the squares it is on.
    pub fn finish_onto(&mut self, done: &mut HashMap<Key, Scrap>, at: &mut Ctx) -> Vec<Key> {
        let (tail, style) = (std::mem::take(&mut self.tail), self.style);
        for key in self.tail_box.take().into_iter().flat_map(tiles::keys) {
            if let Some(scrap) = self.scrap(key, at) {
                glue::paint_opaque(&scrap.ctx, &tail, &style);
            }
        }
        let alpha = opacity(&style);
        let mut keys = Vec::with_capacity(self.cover.len());
        for (key, scrap) in self.cover.drain() {
            if let Some(d) = at.scraps.for_square(done, key, at.dpr) {
                put(&d.ctx, &scrap.canvas, alpha);
            }
            at.scraps.give(scrap);
            keys.push(key);
        }
        keys
    }

    /// Every square it shows on.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.cover
            .keys()
            .copied()
            .chain(self.tail_box.into_iter().flat_map(tiles::keys))
    }

    /// Forgets what it painted (the next update paints the stroke from its start) and gives
    /// its scraps back.
    pub fn reset(&mut self, scraps: &mut Scraps) {
        scraps.give_all(&mut self.cover);
        self.painted = 0;
        self.tail.clear();
        self.tail_box = None;
    }
}

/// How strongly a live stroke shows: its brush's opacity; the eraser as a grey shadow.
fn opacity(style: &BrushStyle) -> f64 {
    match style.brush {
        Brush::Eraser => 0.35,
        brush => brush.params().opacity as f64,
    }
}

/// Puts square `key` together on `c` (blank): the finished strokes on it (`done`), then the
/// live `views` in the order they began. Where a view's tail is on the square, its settled
/// ink and the tail are put together first, opaque (they overlap), on `union` (only that part
/// of the square), and laid on with the brush's opacity; elsewhere its settled ink goes on as
/// it is.
pub fn put_together<'a>(
    c: &CanvasRenderingContext2d,
    key: Key,
    done: Option<&Scrap>,
    views: impl Iterator<Item = &'a View>,
    union: &Scrap,
    dpr: f64,
) {
    if let Some(done) = done {
        put(c, &done.canvas, 1.0);
    }
    for view in views {
        let cover = view.cover.get(&key);
        let tail = view.tail_box.and_then(|b| part(key, b, dpr));
        let alpha = opacity(&view.style);
        match (cover, tail) {
            (Some(cover), None) => put(c, &cover.canvas, alpha),
            (cover, Some(r)) => {
                union.fit_part(key, r, dpr);
                if let Some(cover) = cover {
                    put_around(c, &cover.canvas, r, alpha);
                    put_part(&union.ctx, &cover.canvas, r, 1.0);
                }
                glue::paint_opaque(&union.ctx, &view.tail, &view.style);
                put_part(c, &union.canvas, r, alpha);
            }
            (None, None) => {}
        }
    }
}
