//! Entry points for the browser benchmarks (B1, B2), built only with `--features bench` into
//! `dist-bench/` by `cargo xtask bench`; the product build does not contain them.

use speelruimte_ink::{Brush, BrushStyle, InputPoint, LiveStroke, Rgba, outline_of};
use wasm_bindgen::prelude::*;

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

/// B1: the outline of a whole stroke (x, y, pressure, t quadruples), from scratch. wasm-bindgen
/// copies the points from JavaScript into wasm memory for each call; they are read from that
/// copy as the pipeline goes, not collected into a second list. Returns the number of outline
/// points so the work cannot be optimised away.
#[wasm_bindgen]
pub fn bench_outline(flat: &[f32], size: f32) -> usize {
    outline_of(points(flat), &style(size)).len()
}

/// B2: a stroke drawn point by point, as the canvas does it: push, then take the outline.
#[wasm_bindgen]
pub struct BenchStroke {
    live: LiveStroke,
}

#[wasm_bindgen]
impl BenchStroke {
    /// A new pencil stroke of `size` px.
    #[wasm_bindgen(constructor)]
    pub fn new(size: f32) -> Self {
        Self {
            live: LiveStroke::new(style(size)),
        }
    }

    /// Adds a point and returns the length of the new outline.
    pub fn push(&mut self, x: f32, y: f32, pressure: f32, t: f64) -> usize {
        self.live.push(InputPoint::pen(x, y, pressure, t));
        self.live.outline().len()
    }
}
