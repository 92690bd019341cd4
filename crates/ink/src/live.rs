//! A stroke being drawn, outlined incrementally: each new point only redoes the tail of the
//! stroke that can still change.
//!
//! A point's outline is final once the next point exists (its direction is known) and it lies
//! further than the brush's end taper from the end (its width is known; lengths only grow).
//! Final points are offset once and kept; every `push` recomputes only the points after them,
//! so its cost is bounded by the taper's length, not by the stroke's.

use crate::stages::{self, InputPoint, StrokePoint};
use crate::{BrushParams, BrushStyle, Stroke};

/// A stroke under a pen or finger.
#[derive(Debug, Clone)]
pub struct LiveStroke {
    style: BrushStyle,
    params: BrushParams,
    inputs: Vec<InputPoint>,
    points: Vec<StrokePoint>,
    /// Points `..frozen` have their final offsets in `left`/`right`.
    frozen: usize,
    left: Vec<[f32; 2]>,
    right: Vec<[f32; 2]>,
    work: u64,
}

impl LiveStroke {
    /// Starts an empty stroke.
    pub fn new(style: BrushStyle) -> Self {
        Self {
            style,
            params: style.brush.params(),
            inputs: Vec::new(),
            points: Vec::new(),
            frozen: 0,
            left: Vec::new(),
            right: Vec::new(),
            work: 0,
        }
    }

    /// The brush.
    pub fn style(&self) -> &BrushStyle {
        &self.style
    }

    /// Adds a point; freezes what can no longer change.
    pub fn push(&mut self, input: InputPoint) {
        self.inputs.push(input);
        let Some(p) = stages::next_stroke_point(self.points.last(), &input, &self.params) else {
            return;
        };
        self.points.push(p);
        let total = p.length;
        while self.frozen + 1 < self.points.len()
            && total - self.points[self.frozen].length >= self.params.taper_end
        {
            let r = stages::radius(
                &self.points[self.frozen],
                total,
                &self.params,
                self.style.size,
            );
            stages::offsets_at(
                &self.points,
                r,
                self.frozen,
                &mut self.left,
                &mut self.right,
            );
            self.frozen += 1;
            self.work += 1;
        }
    }

    /// The closed outline polygon as it stands: frozen sides plus a freshly computed tail,
    /// written straight into the result (the tail's left side after the frozen one).
    pub fn outline(&self) -> Vec<[f32; 2]> {
        let n = self.points.len();
        let total = self.points.last().map(|p| p.length).unwrap_or(0.0);
        let r = |i: usize| stages::radius(&self.points[i], total, &self.params, self.style.size);
        let tail = n - self.frozen;
        let mut out = Vec::with_capacity(2 * n + 2 * (stages::ARC_STEPS + 1));
        let mut tail_right = Vec::with_capacity(tail);
        if n > 1 {
            out.extend_from_slice(&self.left);
            for i in self.frozen..n {
                stages::offsets_at(&self.points, r(i), i, &mut out, &mut tail_right);
            }
        }
        if n > 0 {
            let right_rev = tail_right
                .into_iter()
                .rev()
                .chain(self.right.iter().rev().copied());
            stages::close_after_left(&mut out, &self.points, r(0), r(n - 1), right_rev);
        }
        out
    }

    /// Points offset so far, counting each tail recomputation: a measure of work done.
    pub fn work_units(&self) -> u64 {
        self.work + (self.points.len() - self.frozen) as u64
    }

    /// Number of points still in the changeable tail.
    pub fn tail_len(&self) -> usize {
        self.points.len() - self.frozen
    }

    /// Ends the stroke.
    pub fn finish(self) -> Stroke {
        Stroke {
            style: self.style,
            points: self.inputs,
        }
    }
}

/// The outline of a whole stroke, computed from scratch by the pipeline's stages.
pub fn outline_full(inputs: &[InputPoint], style: &BrushStyle) -> Vec<[f32; 2]> {
    outline_of(inputs.iter().copied(), style)
}

/// [`outline_full`] for input points as they come (for instance decoded on the fly), without
/// collecting them first: streamline and pressure run as the points arrive, and each radius is
/// computed as its point is offset.
pub fn outline_of(
    inputs: impl IntoIterator<Item = InputPoint>,
    style: &BrushStyle,
) -> Vec<[f32; 2]> {
    let params = style.brush.params();
    let points = stages::stroke_points(inputs, &params);
    stages::outline_sized(&points, &params, style.size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use crate::{Brush, Rgba};

    fn style(brush: Brush) -> BrushStyle {
        BrushStyle {
            brush,
            size: 12.0,
            color: Rgba::rgb(0, 0, 0),
        }
    }

    #[test]
    fn the_incremental_outline_equals_the_one_computed_from_scratch() {
        for (name, stroke) in fixtures::all() {
            for brush in Brush::ALL {
                let mut live = LiveStroke::new(style(brush));
                for p in &stroke {
                    live.push(*p);
                }
                let a = live.outline();
                let b = outline_full(&stroke, &style(brush));
                assert_eq!(a.len(), b.len(), "{name} {brush:?}");
                for (p, q) in a.iter().zip(&b) {
                    assert!(
                        (p[0] - q[0]).abs() < 1e-3 && (p[1] - q[1]).abs() < 1e-3,
                        "{name} {brush:?}: {p:?} vs {q:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn pushing_2400_points_does_work_proportional_to_the_points_not_their_square() {
        let stroke = fixtures::long_stroke(2400);
        let mut live = LiveStroke::new(style(Brush::Pencil));
        let mut total_tail = 0u64;
        let mut worst_tail = 0usize;
        for p in &stroke {
            live.push(*p);
            total_tail += live.tail_len() as u64;
            worst_tail = worst_tail.max(live.tail_len());
        }
        // Frozen points are offset once: 2400 of them.
        assert!(live.work_units() <= 2400, "{}", live.work_units());
        // The tail a frame redraws stays within the 12 px end taper (points ~1.5 px apart).
        assert!(worst_tail <= 12, "tail of {worst_tail} points");
        // Recomputing everything each move would cost 2400·2401/2 ≈ 2.9 million point offsets.
        assert!(total_tail < 2400 * 12, "{total_tail}");
    }

    #[test]
    fn a_finished_stroke_keeps_every_input_point() {
        let stroke = fixtures::duplicate_points();
        let mut live = LiveStroke::new(style(Brush::Marker));
        for p in &stroke {
            live.push(*p);
        }
        assert_eq!(live.finish().points, stroke);
    }
}
