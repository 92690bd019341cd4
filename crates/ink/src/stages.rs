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

#[inline(always)]
fn unit(dx: f32, dy: f32) -> Option<[f32; 2]> {
    let len = (dx * dx + dy * dy).sqrt();
    (len > 1e-6).then(|| [dx / len, dy / len])
}

/// sin and cos of `PI / ARC_STEPS`: the turn between two points of a cap or a dot. A cap
/// starts at the normal of the stroke's direction, so caps need no trigonometry at all
/// (in wasm, `sin`, `cos` and `atan2` are software routines, and short strokes are mostly caps).
const CAP_TURN: (f32, f32) = (0.382_683_43, 0.923_879_5);

/// Points of an arc around `c` with radius `r`, starting in the unit direction `from` and
/// turning `steps` times by the angle whose (sin, cos) is `turn`. Steps by rotating one vector.
fn arc(
    c: [f32; 2],
    r: f32,
    from: [f32; 2],
    turn: (f32, f32),
    steps: usize,
    out: &mut Vec<[f32; 2]>,
) {
    let (sin, cos) = turn;
    let mut v = [r * from[0], r * from[1]];
    for _ in 0..=steps {
        out.push([c[0] + v[0], c[1] + v[1]]);
        v = [v[0] * cos - v[1] * sin, v[0] * sin + v[1] * cos];
    }
}

/// Stage 4, one point: its contribution to the left and right sides of the outline. A point
/// on a gentle curve adds one point per side; at a sharp corner (a turn of more than 90°)
/// both sides get a round join, so the corner is covered without a spike.
/// Needs points `i - 1` and `i + 1` where they exist: the result for `i` is final once `i + 1`
/// is known.
// Inlined into its loops on purpose: it runs once per point, and with the app's size-first
// optimisation (`opt-level = "z"`) it would otherwise stay a call whenever it has several
// callers, which costs about a third of the whole outline's time in wasm.
#[inline(always)]
pub fn offsets_at(
    points: &[StrokePoint],
    r: f32,
    i: usize,
    left: &mut Vec<[f32; 2]>,
    right: &mut Vec<[f32; 2]>,
) {
    let p = [points[i].x, points[i].y];
    let din = (i > 0).then_some(points[i].dir);
    let dout = points.get(i + 1).map(|q| q.dir);
    let d = match (din, dout) {
        (Some(a), Some(b)) => {
            let dot = a[0] * b[0] + a[1] * b[1];
            if dot < 0.0 {
                join(p, r, a, b, dot, left, right);
                return;
            }
            unit(a[0] + b[0], a[1] + b[1]).unwrap_or(a)
        }
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => [1.0, 0.0],
    };
    let n = [-d[1], d[0]];
    left.push([p[0] + n[0] * r, p[1] + n[1] * r]);
    right.push([p[0] - n[0] * r, p[1] - n[1] * r]);
}

/// A round join at a sharp corner at `p`, on both sides, from the incoming direction `a` to
/// the outgoing `b` (`dot` is their dot product): turns by the signed angle between them.
/// Rare, so kept out of line.
#[cold]
#[inline(never)]
fn join(
    p: [f32; 2],
    r: f32,
    a: [f32; 2],
    b: [f32; 2],
    dot: f32,
    left: &mut Vec<[f32; 2]>,
    right: &mut Vec<[f32; 2]>,
) {
    let sweep = (a[0] * b[1] - a[1] * b[0]).atan2(dot);
    let turn = (sweep / (ARC_STEPS / 2) as f32).sin_cos();
    arc(p, r, [-a[1], a[0]], turn, ARC_STEPS / 2, left);
    arc(p, r, [a[1], -a[0]], turn, ARC_STEPS / 2, right);
}

/// Direction of travel at the first or last point, for the caps.
fn end_direction(points: &[StrokePoint], at_end: bool) -> [f32; 2] {
    let n = points.len();
    let (a, b) = if at_end {
        (&points[n - 2], &points[n - 1])
    } else {
        (&points[0], &points[1])
    };
    unit(b.x - a.x, b.y - a.y).unwrap_or([1.0, 0.0])
}

/// Room for the outline of `n` stroke points: both sides plus the two caps (sharp corners
/// add a few more).
fn outline_capacity(n: usize) -> usize {
    2 * n + 2 * (ARC_STEPS + 1)
}

/// Closes the two sides into a polygon with round caps: left side forward, end cap, right
/// side backward, start cap.
pub fn close(
    points: &[StrokePoint],
    radii: &[f32],
    left: &[[f32; 2]],
    right_rev: impl Iterator<Item = [f32; 2]>,
) -> Vec<[f32; 2]> {
    let mut out = Vec::with_capacity(outline_capacity(left.len()));
    let n = points.len();
    if n > 1 {
        out.extend_from_slice(left);
    }
    if n > 0 {
        close_after_left(&mut out, points, radii[0], radii[n - 1], right_rev);
    }
    out
}

/// [`close`] for an `out` that already holds the left side: appends the end cap, the right
/// side backward and the start cap (for a single point: the whole dot). `r_first` and
/// `r_last` are the radii at the first and last point.
pub fn close_after_left(
    out: &mut Vec<[f32; 2]>,
    points: &[StrokePoint],
    r_first: f32,
    r_last: f32,
    right_rev: impl Iterator<Item = [f32; 2]>,
) {
    let (sin, cos) = CAP_TURN;
    match points.len() {
        0 => {}
        1 => {
            // A dot: a full circle.
            arc(
                [points[0].x, points[0].y],
                r_first,
                [1.0, 0.0],
                (sin, cos),
                ARC_STEPS * 2,
                out,
            );
            out.pop();
        }
        _ => {
            end_cap(out, points, r_last);
            out.extend(right_rev);
            start_cap(out, points, r_first);
        }
    }
}

/// The round cap at the last point (at least two points), from the left side to the right.
/// Both caps turn clockwise by half a circle, from the left normal to the right.
pub fn end_cap(out: &mut Vec<[f32; 2]>, points: &[StrokePoint], r_last: f32) {
    let e = end_direction(points, true);
    let p = &points[points.len() - 1];
    arc(
        [p.x, p.y],
        r_last,
        [-e[1], e[0]],
        cap_turn(),
        ARC_STEPS,
        out,
    );
}

/// The round cap at the first point (at least two points), from the right side to the left.
pub fn start_cap(out: &mut Vec<[f32; 2]>, points: &[StrokePoint], r_first: f32) {
    let s = end_direction(points, false);
    let p = &points[0];
    arc(
        [p.x, p.y],
        r_first,
        [s[1], -s[0]],
        cap_turn(),
        ARC_STEPS,
        out,
    );
}

/// One clockwise step of a cap's arc.
fn cap_turn() -> (f32, f32) {
    (-CAP_TURN.0, CAP_TURN.1)
}

/// Stage 4 over a whole stroke: the closed outline polygon.
pub fn outline(points: &[StrokePoint], radii: &[f32]) -> Vec<[f32; 2]> {
    outline_by(points, radii)
}

/// Stages 3–4 fused: the closed outline polygon, each point's radius ([`radius`]) computed as
/// it is offset, so no list of radii is built. Equal to `outline(points, &radii(points, ..))`.
pub fn outline_sized(points: &[StrokePoint], params: &BrushParams, size: f32) -> Vec<[f32; 2]> {
    let total = points.last().map(|p| p.length).unwrap_or(0.0);
    outline_by(
        points,
        Sized {
            total,
            params,
            size,
        },
    )
}

/// Where stage 4 gets a point's radius from. A trait with an always-inlined method rather
/// than a closure: in wasm at `opt-level = "z"` a closure called in a loop stays a call.
trait RadiusOf {
    fn radius_of(&self, points: &[StrokePoint], i: usize) -> f32;
}

impl RadiusOf for &[f32] {
    #[inline(always)]
    fn radius_of(&self, _: &[StrokePoint], i: usize) -> f32 {
        self[i]
    }
}

/// Radii computed on the way, for [`outline_sized`].
struct Sized<'a> {
    total: f32,
    params: &'a BrushParams,
    size: f32,
}

impl RadiusOf for Sized<'_> {
    #[inline(always)]
    fn radius_of(&self, points: &[StrokePoint], i: usize) -> f32 {
        radius(&points[i], self.total, self.params, self.size)
    }
}

/// Stage 4 with the radii from `radii`: the left side is written straight into the result.
fn outline_by(points: &[StrokePoint], radii: impl RadiusOf) -> Vec<[f32; 2]> {
    let n = points.len();
    let mut out = Vec::with_capacity(outline_capacity(n));
    if n == 0 {
        return out;
    }
    let mut right = Vec::new();
    if n > 1 {
        right.reserve_exact(n);
        for i in 0..n {
            offsets_at(points, radii.radius_of(points, i), i, &mut out, &mut right);
        }
    }
    close_after_left(
        &mut out,
        points,
        radii.radius_of(points, 0),
        radii.radius_of(points, n - 1),
        right.into_iter().rev(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_turn_is_one_step_of_a_half_circle() {
        let (s, c) = (std::f32::consts::PI / ARC_STEPS as f32).sin_cos();
        assert!((s - CAP_TURN.0).abs() < 1e-7 && (c - CAP_TURN.1).abs() < 1e-7);
    }
}
