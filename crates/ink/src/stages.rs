//! The outline pipeline, as small pure stages over a whole stroke:
//!
//! `stroke_points` (streamline smoothing, duplicate removal, pressure — simulated from speed
//! where the device gives none — and running length) → `radii` (brush pressure curve,
//! thinning, taper at start and end) → `outline` (offset both sides along the normal, round
//! joins at sharp corners, round caps).
//!
//! Every stage is causal where it can be (a point depends only on points before it), and the
//! per-point work is done by functions shared with [`crate::LiveStroke`], which is what makes
//! the incremental outline equal the one computed from scratch.

use serde::{Deserialize, Serialize};

use crate::BrushParams;

mod outline;

pub use outline::{
    close, close_after_left, end_cap, offsets_at, outline, outline_sized, start_cap,
};

/// One sampled input point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct InputPoint {
    /// Position in CSS px.
    pub x: f32,
    /// Position in CSS px.
    pub y: f32,
    /// Pen pressure 0–1; `None` when the device reports none (mouse, most fingers).
    pub pressure: Option<f32>,
    /// Time since the drawing began, ms.
    pub t_ms: f64,
    /// Pen tilt in degrees, where reported.
    pub tilt_x: Option<f32>,
    /// Pen tilt in degrees, where reported.
    pub tilt_y: Option<f32>,
}

impl InputPoint {
    /// A point without pressure or tilt.
    pub fn at(x: f32, y: f32, t_ms: f64) -> Self {
        Self {
            x,
            y,
            pressure: None,
            t_ms,
            tilt_x: None,
            tilt_y: None,
        }
    }

    /// A pen point with pressure.
    pub fn pen(x: f32, y: f32, pressure: f32, t_ms: f64) -> Self {
        Self {
            pressure: Some(pressure),
            ..Self::at(x, y, t_ms)
        }
    }
}

/// A point of the smoothed stroke.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StrokePoint {
    /// Smoothed position.
    pub x: f32,
    /// Smoothed position.
    pub y: f32,
    /// Pressure 0–1 (measured or simulated).
    pub pressure: f32,
    /// Length of the smoothed stroke up to here, px.
    pub length: f32,
    /// Time, ms.
    pub t_ms: f64,
    /// Unit direction from the previous point (for the first point: `[0, 0]`).
    pub dir: [f32; 2],
}

/// Points closer than this to the previous one add nothing and are dropped (px).
pub const MIN_SPACING: f32 = 0.1;
/// Pressure a stroke without device pressure starts with.
pub const START_PRESSURE: f32 = 0.6;
/// Half-circle segments of a cap or a round join.
pub const ARC_STEPS: usize = 8;
/// Narrowest a taper goes, as a share of the radius, so tips stay visible.
pub const MIN_TAPER: f32 = 0.15;

/// Stage 1, one point: pulls `p` towards the previous smoothed point by `streamline`.
#[inline(always)]
pub fn streamline_step(prev: Option<[f32; 2]>, p: [f32; 2], streamline: f32) -> [f32; 2] {
    match prev {
        None => p,
        Some(q) => {
            let t = 1.0 - streamline.clamp(0.0, 0.95);
            [q[0] + (p[0] - q[0]) * t, q[1] + (p[1] - q[1]) * t]
        }
    }
}

/// Stage 2, one point: the pressure at a new point. Device pressure is used as it is; without
/// it, pressure follows speed (fast strokes thin out, slow ones swell), eased so it never jumps.
#[inline(always)]
pub fn pressure_step(prev: Option<&StrokePoint>, input: &InputPoint, at: [f32; 2]) -> f32 {
    if let Some(p) = input.pressure {
        return p.clamp(0.0, 1.0);
    }
    match prev {
        None => START_PRESSURE,
        Some(q) => {
            let dist = ((at[0] - q.x).powi(2) + (at[1] - q.y).powi(2)).sqrt();
            let dt = (input.t_ms - q.t_ms).max(1.0) as f32;
            let speed = dist / dt; // px per ms; 3 px/ms is a fast scribble
            let target = 1.0 - 0.75 * (speed / 3.0).min(1.0);
            q.pressure + (target - q.pressure) * 0.3
        }
    }
}

/// Stage 1–2 for one new input point: the smoothed stroke point, or `None` when it lies on top
/// of the previous one.
#[inline(always)]
pub fn next_stroke_point(
    prev: Option<&StrokePoint>,
    input: &InputPoint,
    params: &BrushParams,
) -> Option<StrokePoint> {
    let at = streamline_step(
        prev.map(|q| [q.x, q.y]),
        [input.x, input.y],
        params.streamline,
    );
    let step = prev.map(|q| ((at[0] - q.x).powi(2) + (at[1] - q.y).powi(2)).sqrt());
    if step.is_some_and(|d| d < MIN_SPACING || !d.is_finite())
        || !at[0].is_finite()
        || !at[1].is_finite()
    {
        return None;
    }
    // The segment's direction, computed once here and read by both points it joins.
    let dir = match (prev, step) {
        (Some(q), Some(d)) => [(at[0] - q.x) / d, (at[1] - q.y) / d],
        _ => [0.0, 0.0],
    };
    Some(StrokePoint {
        dir,
        x: at[0],
        y: at[1],
        pressure: pressure_step(prev, input, at),
        length: prev.map(|q| q.length).unwrap_or(0.0) + step.unwrap_or(0.0),
        t_ms: input.t_ms,
    })
}

/// Stages 1–2 over a whole stroke. Takes the input points as they come (a slice's
/// `iter().copied()`, or points decoded on the fly), so no copy of the input is needed.
pub fn stroke_points(
    inputs: impl IntoIterator<Item = InputPoint>,
    params: &BrushParams,
) -> Vec<StrokePoint> {
    let inputs = inputs.into_iter();
    let mut out: Vec<StrokePoint> = Vec::with_capacity(inputs.size_hint().0);
    for input in inputs {
        if let Some(p) = next_stroke_point(out.last(), &input, params) {
            out.push(p);
        }
    }
    out
}

/// Stage 3, one point: radius from pressure, thinning and the tapers. `total` is the stroke's
/// length so far; only the end taper depends on it.
#[inline(always)]
pub fn radius(p: &StrokePoint, total: f32, params: &BrushParams, size: f32) -> f32 {
    let base = size / 2.0 * params.pressure_factor(p.pressure);
    let start = if params.taper_start > 0.0 {
        ease(p.length / params.taper_start)
    } else {
        1.0
    };
    let end = if params.taper_end > 0.0 {
        ease((total - p.length) / params.taper_end)
    } else {
        1.0
    };
    max(base * min(start, end), 0.1)
}

/// A taper's width share at `f` (0–1) of its length: eases out of [`MIN_TAPER`].
#[inline(always)]
fn ease(f: f32) -> f32 {
    MIN_TAPER + (1.0 - MIN_TAPER) * (1.0 - (1.0 - f.clamp(0.0, 1.0)).powi(2))
}

// `f32::min` and `max`, NaN handling included, written out: in wasm the std versions are calls
// to the `fminf`/`fmaxf` routines (the wasm instructions treat NaN differently), once per point.
#[inline(always)]
fn min(a: f32, b: f32) -> f32 {
    if a < b || b.is_nan() { a } else { b }
}

#[inline(always)]
fn max(a: f32, b: f32) -> f32 {
    if a > b || b.is_nan() { a } else { b }
}

/// Stage 3 over a whole stroke.
pub fn radii(points: &[StrokePoint], params: &BrushParams, size: f32) -> Vec<f32> {
    let total = points.last().map(|p| p.length).unwrap_or(0.0);
    points
        .iter()
        .map(|p| radius(p, total, params, size))
        .collect()
}
