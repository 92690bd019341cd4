//! The drawing as data (strokes of timed, pressured points) and how it is painted on a 2D
//! canvas. Finished strokes are painted once; a live stroke only paints its newest segment,
//! so the cost of a pointer move does not grow with the drawing.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use web_sys::CanvasRenderingContext2d;

/// One sampled point: position in CSS pixels, pressure 0–1, time in ms since the drawing began.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f32,
    pub y: f32,
    pub p: f32,
    pub t: f32,
}

/// One stroke: one pointer from down to up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stroke {
    pub color: String,
    pub size: f32,
    /// "pen", "touch" or "mouse".
    pub pointer: String,
    pub points: Vec<Point>,
}

/// The saved form of a drawing (`strokes.json`, format version 1).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SketchData {
    pub version: u32,
    pub width: f32,
    pub height: f32,
    pub strokes: Vec<Stroke>,
}

/// The drawing being made.
#[derive(Default)]
pub struct Sketch {
    pub strokes: Vec<Stroke>,
    /// Strokes still being drawn, by pointer id (several fingers draw at once).
    pub live: HashMap<i32, Stroke>,
    /// `performance.now()` at the first point, so stroke times start at 0.
    pub origin_ms: Option<f64>,
    /// Once a pen has touched the canvas, touches are palms and do not draw.
    pub pen_seen: bool,
    /// Canvas size in CSS pixels.
    pub width: f32,
    pub height: f32,
    /// Counts every change, so a save can tell whether it is still current.
    pub version: u32,
}

/// Line width factor for a pressure: 0.5 (a mouse, or a finger without pressure) gives the
/// brush's own size; a light pen touch about half of it, a firm one about 1.6 times.
pub fn width_factor(pressure: f32) -> f32 {
    0.35 + 1.3 * pressure.clamp(0.0, 1.0)
}

impl Sketch {
    /// The data to save or keep locally.
    pub fn data(&self) -> SketchData {
        SketchData {
            version: 1,
            width: self.width,
            height: self.height,
            strokes: self.strokes.clone(),
        }
    }

    /// Restores saved data (after a reload).
    pub fn restore(&mut self, data: SketchData) {
        self.strokes = data.strokes;
        self.version += 1;
    }

    /// Total time from the first to the last point, in ms.
    pub fn duration_ms(&self) -> f32 {
        let times = self
            .strokes
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.t));
        let (min, max) = times.fold((f32::MAX, f32::MIN), |(a, b), t| (a.min(t), b.max(t)));
        if max >= min { max - min } else { 0.0 }
    }
}

/// Paints a whole stroke.
pub fn paint_stroke(ctx: &CanvasRenderingContext2d, s: &Stroke) {
    for i in 0..s.points.len() {
        paint_segment(ctx, s, i);
    }
    paint_end(ctx, s);
}

/// Paints the part of a stroke that point `i` completes: a dot for the first point, then a
/// quadratic curve between the midpoints around point `i - 1`, which smooths the polyline.
pub fn paint_segment(ctx: &CanvasRenderingContext2d, s: &Stroke, i: usize) {
    let pts = &s.points;
    ctx.set_stroke_style_str(&s.color);
    ctx.set_fill_style_str(&s.color);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    match i {
        0 => {
            let p = pts[0];
            ctx.begin_path();
            let r = (s.size * width_factor(p.p) / 2.0).max(0.5);
            let _ = ctx.arc(p.x as f64, p.y as f64, r as f64, 0.0, std::f64::consts::TAU);
            ctx.fill();
        }
        1 => {
            let (a, b) = (pts[0], pts[1]);
            line(ctx, s.size * width_factor(a.p), (a.x, a.y), mid(a, b));
        }
        _ => {
            let (a, b, c) = (pts[i - 2], pts[i - 1], pts[i]);
            ctx.set_line_width((s.size * width_factor(b.p)) as f64);
            ctx.begin_path();
            let m1 = mid(a, b);
            let m2 = mid(b, c);
            ctx.move_to(m1.0 as f64, m1.1 as f64);
            ctx.quadratic_curve_to(b.x as f64, b.y as f64, m2.0 as f64, m2.1 as f64);
            ctx.stroke();
        }
    }
}

/// Paints the last half-segment, from the last midpoint to the last point, when a stroke ends.
pub fn paint_end(ctx: &CanvasRenderingContext2d, s: &Stroke) {
    let n = s.points.len();
    if n >= 2 {
        let (a, b) = (s.points[n - 2], s.points[n - 1]);
        line(ctx, s.size * width_factor(b.p), mid(a, b), (b.x, b.y));
    }
}

fn line(ctx: &CanvasRenderingContext2d, width: f32, from: (f32, f32), to: (f32, f32)) {
    ctx.set_line_width(width as f64);
    ctx.begin_path();
    ctx.move_to(from.0 as f64, from.1 as f64);
    ctx.line_to(to.0 as f64, to.1 as f64);
    ctx.stroke();
}

fn mid(a: Point, b: Point) -> (f32, f32) {
    ((a.x + b.x) / 2.0, (a.y + b.y) / 2.0)
}

/// Clears to white and paints every finished and live stroke.
pub fn paint_all(ctx: &CanvasRenderingContext2d, sketch: &Sketch) {
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, sketch.width as f64, sketch.height as f64);
    for s in sketch.strokes.iter().chain(sketch.live.values()) {
        paint_stroke(ctx, s);
    }
}
