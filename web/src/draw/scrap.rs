//! Small canvases off the page for the live grid (see [`super::live`]): each live stroke's
//! settled ink per square, finished strokes put together per square, and the place where a
//! square's settled ink and tail are put together; and drawing one square's canvas onto
//! another, whole or in part.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::tiles::{Key, Rect};

/// A canvas the size of one square, off the page (never composited), painted in paper CSS px.
pub struct Scrap {
    pub canvas: HtmlCanvasElement,
    pub ctx: CanvasRenderingContext2d,
}

impl Scrap {
    /// A new scrap (1×1 until fitted).
    pub fn new() -> Option<Self> {
        let doc = web_sys::window()?.document()?;
        let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
        let ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Self { canvas, ctx })
    }

    /// Makes it blank and the size of square `key` at pixel ratio `dpr`, painted in paper CSS px.
    pub fn fit(&self, key: Key, dpr: f64) {
        let d = Rect::tile(key).device(dpr);
        self.fit_part(key, [0.0, 0.0, d[2] - d[0], d[3] - d[1]], dpr);
    }

    /// As [`Scrap::fit`], but only part `r` (device px from the square's corner) is made blank;
    /// what lies outside it is left as it was (for a scrap of which only `r` is read).
    pub fn fit_part(&self, key: Key, r: [f64; 4], dpr: f64) {
        let d = Rect::tile(key).device(dpr);
        let (w, h) = ((d[2] - d[0]) as u32, (d[3] - d[1]) as u32);
        if (self.canvas.width(), self.canvas.height()) != (w, h) {
            self.canvas.set_width(w);
            self.canvas.set_height(h);
        } else {
            let _ = self.ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
            self.ctx.clear_rect(r[0], r[1], r[2] - r[0], r[3] - r[1]);
        }
        let _ = self.ctx.set_transform(dpr, 0.0, 0.0, dpr, -d[0], -d[1]);
    }
}

/// The part of square `key` that box `b` (paper CSS px) covers, in whole device px from the
/// square's corner ([x0, y0, x1, y1]); `None` when it covers nothing of it.
pub fn part(key: Key, b: [f64; 4], dpr: f64) -> Option<[f64; 4]> {
    let d = Rect::tile(key).device(dpr);
    let x0 = (b[0] * dpr).floor().max(d[0]);
    let y0 = (b[1] * dpr).floor().max(d[1]);
    let x1 = (b[2] * dpr).ceil().min(d[2]);
    let y1 = (b[3] * dpr).ceil().min(d[3]);
    (x1 > x0 && y1 > y0).then_some([x0 - d[0], y0 - d[1], x1 - d[0], y1 - d[1]])
}

/// Spare scraps, so that a stroke reaching a new square does not make a canvas.
#[derive(Default)]
pub struct Scraps(Vec<Scrap>);

impl Scraps {
    /// A blank scrap for square `key`.
    fn take(&mut self, key: Key, dpr: f64) -> Option<Scrap> {
        let scrap = self.0.pop().or_else(Scrap::new)?;
        scrap.fit(key, dpr);
        Some(scrap)
    }

    /// The scrap of square `key` in `map`, taken (blank) when there is none yet.
    pub fn for_square<'a>(
        &mut self,
        map: &'a mut HashMap<Key, Scrap>,
        key: Key,
        dpr: f64,
    ) -> Option<&'a mut Scrap> {
        match map.entry(key) {
            Entry::Occupied(o) => Some(o.into_mut()),
            Entry::Vacant(v) => Some(v.insert(self.take(key, dpr)?)),
        }
    }

    /// Takes `scrap` back, for another square.
    pub fn give(&mut self, scrap: Scrap) {
        self.0.push(scrap);
    }

    /// Takes back every scrap of `map`, leaving it empty.
    pub fn give_all(&mut self, map: &mut HashMap<Key, Scrap>) {
        self.0.extend(map.drain().map(|(_, scrap)| scrap));
    }
}

/// Draws part `r` (device px from the corner) of square-sized `canvas` onto the same part of
/// the square that `c` paints, with `alpha`.
pub fn put_part(c: &CanvasRenderingContext2d, canvas: &HtmlCanvasElement, r: [f64; 4], alpha: f64) {
    put_rects(c, canvas, &[r], alpha);
}

/// Draws all of square-sized `canvas` but part `r` onto the square that `c` paints, with
/// `alpha` (as four bands around `r`).
pub fn put_around(
    c: &CanvasRenderingContext2d,
    canvas: &HtmlCanvasElement,
    r: [f64; 4],
    alpha: f64,
) {
    let (w, h) = (canvas.width() as f64, canvas.height() as f64);
    let bands = [
        [0.0, 0.0, w, r[1]],
        [0.0, r[3], w, h],
        [0.0, r[1], r[0], r[3]],
        [r[2], r[1], w, r[3]],
    ];
    put_rects(c, canvas, &bands, alpha);
}

/// Draws parts `rects` (device px from the corner; empty ones skipped) of square-sized
/// `canvas` onto the same parts of the square that `c` paints, with `alpha`.
fn put_rects(
    c: &CanvasRenderingContext2d,
    canvas: &HtmlCanvasElement,
    rects: &[[f64; 4]],
    alpha: f64,
) {
    c.save();
    let _ = c.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    c.set_global_alpha(alpha);
    for r in rects {
        let (w, h) = (r[2] - r[0], r[3] - r[1]);
        if w > 0.0 && h > 0.0 {
            let _ = c
                .draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                    canvas, r[0], r[1], w, h, r[0], r[1], w, h,
                );
        }
    }
    c.restore();
}

/// Draws square-sized `canvas` over the whole square that `c` paints, with `alpha`.
pub fn put(c: &CanvasRenderingContext2d, canvas: &HtmlCanvasElement, alpha: f64) {
    let whole = [0.0, 0.0, canvas.width() as f64, canvas.height() as f64];
    put_rects(c, canvas, &[whole], alpha);
}
