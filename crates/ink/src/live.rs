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

    /// How many outline vertices on each side are final. Only grows; a canvas that painted
    /// the pieces up to here need not paint them again.
    pub fn settled_len(&self) -> usize {
        self.left.len()
    }

    /// The final part of the outline from side vertex `from` (an earlier [`settled_len`]) to
    /// the last settled one, as a closed polygon. It starts a quad early (two vertices), so
    /// pieces painted one after another overlap rather than meet on an antialiased seam; the
    /// first piece (`from == 0`) carries the start cap. Empty when nothing settled since `from`.
    ///
    /// Pieces overlap, so they are painted opaque and the brush's opacity is applied to the
    /// whole live stroke at once.
    ///
    /// [`settled_len`]: Self::settled_len
    pub fn settled_piece(&self, from: usize) -> Vec<[f32; 2]> {
        let to = self.left.len();
        if to <= from {
            return Vec::new();
        }
        let start = from.saturating_sub(2);
        let mut out = Vec::with_capacity(2 * (to - start) + stages::ARC_STEPS + 1);
        out.extend_from_slice(&self.left[start..to]);
        out.extend(self.right[start..to].iter().rev());
        if from == 0 {
            let total = self.points.last().map(|p| p.length).unwrap_or(0.0);
            let r0 = stages::radius(&self.points[0], total, &self.params, self.style.size);
            stages::start_cap(&mut out, &self.points, r0);
        }
        out
    }

    /// The part of the outline that can still change, from the last settled quad on
    /// (overlapping the pieces), with the end cap, as a closed polygon (the whole outline while
    /// nothing is settled). With the settled pieces it covers what [`outline`](Self::outline)
    /// covers.
    pub fn tail_outline(&self) -> Vec<[f32; 2]> {
        let settled = self.left.len();
        if settled == 0 {
            return self.outline();
        }
        let n = self.points.len();
        let total = self.points[n - 1].length;
        let r = |i: usize| stages::radius(&self.points[i], total, &self.params, self.style.size);
        let mut out = Vec::with_capacity(2 * (n - self.frozen + 1) + stages::ARC_STEPS + 1);
        let mut tail_right = Vec::with_capacity(n - self.frozen);
        // The last settled quad again, so the tail overlaps the pieces instead of meeting them.
        let overlap = settled.saturating_sub(2);
        out.extend_from_slice(&self.left[overlap..settled]);
        for i in self.frozen..n {
            stages::offsets_at(&self.points, r(i), i, &mut out, &mut tail_right);
        }
        stages::end_cap(&mut out, &self.points, r(n - 1));
        out.extend(tail_right.into_iter().rev());
        out.extend(self.right[overlap..settled].iter().rev());
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

    /// Coverage (alpha) of each pixel after filling `polygons` opaque, one after another.
    fn coverage(polygons: &[Vec<[f32; 2]>], w: u32, h: u32) -> Vec<u8> {
        let mut pixmap = tiny_skia::Pixmap::new(w, h).unwrap();
        let mut paint = tiny_skia::Paint::default();
        paint.set_color(tiny_skia::Color::BLACK);
        paint.anti_alias = true;
        for poly in polygons {
            if let Some(path) = crate::raster::polygon(poly) {
                let (rule, ts) = (
                    tiny_skia::FillRule::Winding,
                    tiny_skia::Transform::identity(),
                );
                pixmap.fill_path(&path, &paint, rule, ts, None);
            }
        }
        pixmap.pixels().iter().map(|p| p.alpha()).collect()
    }

    #[test]
    fn settled_pieces_and_the_tail_cover_what_the_whole_outline_covers() {
        let (w, h) = (3700, 700);
        for (name, stroke) in fixtures::all() {
            for brush in [Brush::Pencil, Brush::Marker, Brush::Watercolour] {
                let mut live = LiveStroke::new(style(brush));
                let mut painted = 0;
                let mut pieces = Vec::new();
                // As a canvas would: a few points per frame, new settled pieces painted once.
                for (i, p) in stroke.iter().enumerate() {
                    live.push(*p);
                    if i % 3 == 2 {
                        pieces.push(live.settled_piece(painted));
                        painted = live.settled_len();
                    }
                }
                pieces.push(live.settled_piece(painted));
                pieces.push(live.tail_outline());
                let whole = coverage(&[live.outline()], w, h);
                let parts = coverage(&pieces, w, h);
                let ink = whole.iter().filter(|a| **a > 127).count();
                // A seam where two pieces meet would show as a paler line across the stroke;
                // where pieces overlap, their shared edge pixels are painted twice (darker).
                let paler = whole
                    .iter()
                    .zip(&parts)
                    .filter(|(a, b)| i32::from(**a) - i32::from(**b) > 40)
                    .count();
                let darker = whole
                    .iter()
                    .zip(&parts)
                    .filter(|(a, b)| i32::from(**b) - i32::from(**a) > 40)
                    .count();
                assert!(
                    paler * 1000 <= ink,
                    "{name} {brush:?}: {paler} of {ink} paler"
                );
                assert!(
                    darker * 20 <= ink.max(500),
                    "{name} {brush:?}: {darker} of {ink} darker"
                );
                if stroke.len() > 100 {
                    assert!(live.settled_len() > 0, "{name}: nothing settled");
                    let tail = coverage(&[live.tail_outline()], w, h);
                    let tail_ink = tail.iter().filter(|a| **a > 127).count();
                    assert!(
                        tail_ink * 4 < ink,
                        "{name}: the tail is {tail_ink} of {ink} pixels"
                    );
                }
            }
        }
    }

    #[test]
    fn nothing_new_settled_gives_an_empty_piece() {
        let mut live = LiveStroke::new(style(Brush::Pencil));
        assert!(live.settled_piece(0).is_empty());
        for p in fixtures::long_stroke(200) {
            live.push(p);
        }
        let n = live.settled_len();
        assert!(n > 100);
        assert!(live.settled_piece(n).is_empty());
        // A piece from the middle holds its vertices and the two before, on both sides.
        assert_eq!(live.settled_piece(n - 10).len(), 2 * 12);
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
