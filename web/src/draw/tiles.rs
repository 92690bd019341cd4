//! The paper in squares. The ink layer is a grid of tiles, each a [`Sheet`], so that putting
//! a finished stroke on it costs the squares the stroke touches, not the whole paper: each
//! changed tile is painted, handed to the page and later copied back on its own (measured in
//! B5, BENCHMARKS.md). Live strokes use the same grid (see [`super::live`]), so a finished
//! stroke can move from the live grid to the ink layer a tile per frame.

use std::collections::HashMap;

use web_sys::{CanvasRenderingContext2d, Element};

use super::sheet::Sheet;

/// Side of a tile, CSS px. A multiple of 8, so that at the usual pixel ratios (1, 1.25, 1.5,
/// 1.75, 2, 2.25, 3) tile edges fall on whole device pixels.
pub const TILE: f64 = 128.0;

/// Whether [`TILE`] squares fall on whole device pixels at pixel ratio `dpr`.
pub fn on_pixels(dpr: f64) -> bool {
    (TILE * dpr - (TILE * dpr).round()).abs() < 1e-6
}

/// Prepares `container` (covering a `w`×`h` CSS px paper) for a grid of sheets placed with
/// [`Sheet::cover`], and returns the `unit` to place them with. Where squares fall on whole
/// device pixels that is the pixel ratio. Elsewhere (ratios like 1.1 or 2.2: browser zoom, some
/// Android tablets) sheets placed in CSS px would land on fractions of a device pixel and the
/// browser would show a faint line between them; there the container is scaled down by the
/// ratio and the sheets are placed in whole device px (unit 1).
pub fn place_grid(container: &Element, w: f64, h: f64, dpr: f64) -> f64 {
    if on_pixels(dpr) {
        let _ = container.remove_attribute("style");
        return dpr;
    }
    let style = format!(
        "transform:scale({});transform-origin:0 0;width:{}px;height:{}px",
        1.0 / dpr,
        w * dpr,
        h * dpr
    );
    let _ = container.set_attribute("style", &style);
    1.0
}

/// A tile's column and row.
pub type Key = (i32, i32);

/// Where something lies on the paper, in CSS px.
#[derive(Clone, Copy, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// The tile at `key` (whole, also where the paper ends inside it).
    pub fn tile(key: Key) -> Self {
        Self {
            x: key.0 as f64 * TILE,
            y: key.1 as f64 * TILE,
            w: TILE,
            h: TILE,
        }
    }

    /// Its edges in device px at pixel ratio `dpr`, rounded to whole pixels: rectangles that
    /// meet in CSS px meet in device px, whatever the ratio.
    pub fn device(&self, dpr: f64) -> [f64; 4] {
        [
            (self.x * dpr).round(),
            (self.y * dpr).round(),
            ((self.x + self.w) * dpr).round(),
            ((self.y + self.h) * dpr).round(),
        ]
    }

    /// As a box [x0, y0, x1, y1].
    pub fn corners(&self) -> [f64; 4] {
        [self.x, self.y, self.x + self.w, self.y + self.h]
    }
}

/// The box around an outline (plus two pixels of antialiasing) within a `pw`×`ph` paper, or
/// `None` when nothing of it is on the paper.
pub fn bounds(outline: &[[f32; 2]], pw: f64, ph: f64) -> Option<[f64; 4]> {
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

/// The tiles box `b` ([x0, y0, x1, y1], CSS px, not negative) touches, row by row.
pub fn keys(b: [f64; 4]) -> impl Iterator<Item = Key> {
    let (c0, r0) = ((b[0] / TILE) as i32, (b[1] / TILE) as i32);
    let (c1, r1) = ((b[2] / TILE) as i32, (b[3] / TILE) as i32);
    (r0..=r1).flat_map(move |r| (c0..=c1).map(move |c| (c, r)))
}

/// Every square of a grid covering a `w`×`h` CSS px paper, row by row (the last ones reach
/// past the paper's edge where it is not a whole number of squares).
pub fn squares(w: f64, h: f64) -> impl Iterator<Item = Key> {
    let (cols, rows) = ((w / TILE).ceil() as i32, (h / TILE).ceil() as i32);
    (0..rows).flat_map(move |r| (0..cols).map(move |c| (c, r)))
}

/// One tile of the ink layer.
struct InkTile {
    sheet: Sheet,
    /// Where it lies on the paper, CSS px.
    rect: Rect,
    /// Its top left corner in a picture of the whole layer, device px.
    at: [f64; 2],
}

/// The ink layer: one sheet per [`TILE`] square, inside the layer's element (placed with
/// [`place_grid`], so that tiles meet on whole device pixels at any pixel ratio).
pub struct InkTiles {
    container: Element,
    /// By square.
    tiles: HashMap<Key, InkTile>,
}

impl InkTiles {
    /// An empty layer in `container`, until [`InkTiles::resize`].
    pub fn new(container: Element) -> Self {
        Self {
            container,
            tiles: HashMap::new(),
        }
    }

    /// Covers a `w`×`h` CSS px paper at pixel ratio `dpr` with empty tiles.
    pub fn resize(&mut self, w: f64, h: f64, dpr: f64) {
        for tile in self.tiles.values() {
            tile.sheet.display().remove();
        }
        self.tiles.clear();
        let unit = place_grid(&self.container, w, h, dpr);
        for key in squares(w, h) {
            let (x, y) = (key.0 as f64 * TILE, key.1 as f64 * TILE);
            let r = Rect {
                x,
                y,
                w: (w - x).min(TILE),
                h: (h - y).min(TILE),
            };
            let Some(sheet) = Sheet::made_in(&self.container, "ink-tile") else {
                return;
            };
            let d = r.device(dpr);
            sheet.cover(d, dpr, unit);
            // Where the tile's pixels go in a picture of the whole layer (for tests).
            let _ = sheet.display().set_attribute("data-x", &d[0].to_string());
            let _ = sheet.display().set_attribute("data-y", &d[1].to_string());
            self.tiles.insert(
                key,
                InkTile {
                    sheet,
                    rect: r,
                    at: [d[0], d[1]],
                },
            );
        }
    }

    /// Paints on ink tile `key` with `f`, in paper CSS px over what it shows, then shows it.
    pub fn paint(&self, key: Key, f: impl FnOnce(&CanvasRenderingContext2d)) {
        if let Some(tile) = self.tiles.get(&key) {
            f(tile.sheet.ctx());
            tile.sheet.show();
        }
    }

    /// Paints every tile afresh with `f` (given the tile's place), then shows them all.
    pub fn repaint(&self, f: impl Fn(&CanvasRenderingContext2d, Rect)) {
        for tile in self.tiles.values() {
            f(tile.sheet.fresh(), tile.rect);
            tile.sheet.show();
        }
    }

    /// Draws the whole layer onto `c` (device px, no transform).
    pub fn draw_onto(&self, c: &CanvasRenderingContext2d) {
        for tile in self.tiles.values() {
            let _ =
                c.draw_image_with_html_canvas_element(tile.sheet.display(), tile.at[0], tile.at[1]);
        }
    }
}
