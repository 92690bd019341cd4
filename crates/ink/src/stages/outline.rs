//! Stage 4 of the outline pipeline: both sides of a stroke offset along the normal, round
//! joins at sharp corners, round caps, closed into one polygon.

use super::{ARC_STEPS, StrokePoint, radius};
use crate::BrushParams;

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
// Inlined into its loops on purpose: it runs once per point, and in a build optimised for size
// (`opt-level = "z"`, as the rest of the app is) it would otherwise stay a call whenever it has
// several callers, which cost about a third of the whole outline's time in wasm.
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
