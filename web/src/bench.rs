//! Entry points for the browser benchmarks (B1, B2, B4), built only with `--features bench`
//! into `dist-bench/` by `cargo xtask bench`; the product build does not contain them.

use speelruimte_ink::{Brush, BrushStyle, InputPoint, LiveStroke, Rgba, outline_of};
use speelruimte_sound::{PERCUSSION, Voice, render};
use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

fn style(size: f32) -> BrushStyle {
    BrushStyle {
        brush: Brush::Pencil,
        size,
        color: Rgba::rgb(0, 0, 0),
    }
}

/// The input points of a flat (x, y, pressure, t) slice, read as they are needed.
fn points(flat: &[f32]) -> impl ExactSizeIterator<Item = InputPoint> + '_ {
    flat.chunks_exact(4)
        .map(|c| InputPoint::pen(c[0], c[1], c[2], c[3] as f64))
}

/// Adds a closed polygon to the context's current path, as the drawing screen does before it
/// fills (`fill_polygon` in `draw/ink_glue.rs`): one binding call per vertex.
fn trace(c: &CanvasRenderingContext2d, outline: &[[f32; 2]]) {
    let Some(first) = outline.first() else { return };
    c.move_to(first[0] as f64, first[1] as f64);
    for p in &outline[1..] {
        c.line_to(p[0] as f64, p[1] as f64);
    }
    c.close_path();
}

/// B1: the outline of a whole stroke (x, y, pressure, t quadruples), from scratch, without a
/// path. Returns the number of outline points so the work cannot be optimised away.
#[wasm_bindgen]
pub fn bench_outline(flat: &[f32], size: f32) -> usize {
    outline_of(points(flat), &style(size)).len()
}

/// B1 as the screen uses it: the outline of a whole stroke, then traced as a new path on `c`
/// (everything but the fill). Returns the number of outline points.
#[wasm_bindgen]
pub fn bench_outline_path(flat: &[f32], size: f32, c: &CanvasRenderingContext2d) -> usize {
    let outline = outline_of(points(flat), &style(size));
    c.begin_path();
    trace(c, &outline);
    outline.len()
}

/// B1's shape check: the outline as flat (x, y) pairs, to be rasterised beside
/// perfect-freehand's.
#[wasm_bindgen]
pub fn bench_outline_xy(flat: &[f32], size: f32) -> Vec<f32> {
    outline_of(points(flat), &style(size))
        .into_iter()
        .flatten()
        .collect()
}

/// B2: a stroke drawn point by point, as the canvas does it.
#[wasm_bindgen]
pub struct BenchStroke {
    live: LiveStroke,
    painted: usize,
}

#[wasm_bindgen]
impl BenchStroke {
    /// A new pencil stroke of `size` px.
    #[wasm_bindgen(constructor)]
    pub fn new(size: f32) -> Self {
        Self {
            live: LiveStroke::new(style(size)),
            painted: 0,
        }
    }

    /// Adds a point and builds the whole outline as it stands (the output perfect-freehand
    /// gives for the same points); returns its length.
    pub fn push(&mut self, x: f32, y: f32, pressure: f32, t: f64) -> usize {
        self.live.push(InputPoint::pen(x, y, pressure, t));
        self.live.outline().len()
    }

    /// Adds a point and traces on `c` what the drawing screen paints for it: the piece that
    /// settled since the last move and the tail that can still change (together they cover the
    /// whole outline; ink's tests check that). Returns the vertices traced.
    pub fn push_path(
        &mut self,
        x: f32,
        y: f32,
        pressure: f32,
        t: f64,
        c: &CanvasRenderingContext2d,
    ) -> usize {
        self.live.push(InputPoint::pen(x, y, pressure, t));
        let piece = self.live.settled_piece(self.painted);
        self.painted = self.live.settled_len();
        let tail = self.live.tail_outline();
        c.begin_path();
        trace(c, &piece);
        trace(c, &tail);
        piece.len() + tail.len()
    }
}

/// B4: the codes of the voices measured (every percussion voice and one note of each tuned
/// voice), in the order `bench_render` takes them.
#[wasm_bindgen]
pub fn bench_voice_codes() -> Vec<String> {
    voices().into_iter().map(Voice::code).collect()
}

fn voices() -> Vec<Voice> {
    let mut voices = PERCUSSION.to_vec();
    voices.extend([
        Voice::Xylophone(60),
        Voice::Metallophone(60),
        Voice::Pad(60),
    ]);
    voices
}

/// B4: renders voice `index` of [`bench_voice_codes`] once, as the music screen's engine does
/// (`render` at the audio context's rate); returns the frames rendered.
#[wasm_bindgen]
pub fn bench_render(index: usize, velocity: f32, sample_rate: u32) -> usize {
    voices()
        .get(index)
        .map(|v| render(*v, velocity, sample_rate).len())
        .unwrap_or(0)
}
