//! Process observations from the strokes: how the drawing was made, not only what came out.
//!
//! Definitions (all times in ms, lengths in CSS px):
//! - *total time*: first point to last point of every stroke drawn (undone and erased ones too:
//!   they are part of the making).
//! - *drawing time*: time with at least one pen or finger on the paper (overlapping strokes of
//!   several fingers count once); *pause time* is the rest of the total.
//! - *long pauses*: gaps of 3 s or more with nothing on the paper, with when they began.
//! - *ink*: stroke length × brush size, per colour (eraser strokes excluded); shares sum to 1.
//! - *pressure*: mean and standard deviation over points with device pressure.
//! - *speed*: mean and standard deviation of the speed between consecutive points, px/s.
//! - *canvas used*: share of a 10×10 grid over the paper whose cells a visible stroke touches.

use serde::{Deserialize, Serialize};

use crate::{Brush, Drawing, Event, Stroke};

/// A gap of at least [`ProcessMetrics::LONG_PAUSE_MS`] with nothing on the paper.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Pause {
    /// When it began, ms since the first point.
    pub at_ms: f64,
    /// How long it lasted, ms.
    pub length_ms: f64,
}

/// What the therapist sees next to the drawing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessMetrics {
    /// First to last point.
    pub total_ms: f64,
    /// With something on the paper.
    pub drawing_ms: f64,
    /// Without.
    pub pause_ms: f64,
    /// Gaps of 3 s or more.
    pub long_pauses: Vec<Pause>,
    /// Strokes drawn, including later undone or erased ones.
    pub stroke_count: usize,
    /// Strokes with the eraser.
    pub eraser_strokes: usize,
    /// Undo steps.
    pub undo_count: usize,
    /// Redo steps.
    pub redo_count: usize,
    /// Times the paper was wiped.
    pub clear_count: usize,
    /// Colours ("#rrggbb") and their share of the ink, largest first.
    pub colours: Vec<(String, f32)>,
    /// Mean device pressure, if the device reported any.
    pub pressure_mean: Option<f32>,
    /// Standard deviation of device pressure.
    pub pressure_sd: Option<f32>,
    /// Mean speed, px/s.
    pub speed_mean: f32,
    /// Standard deviation of speed, px/s.
    pub speed_sd: f32,
    /// Share (0–1) of the paper's 10×10 grid touched by visible strokes.
    pub canvas_used: f32,
}

fn mean_sd(v: &[f32]) -> Option<(f32, f32)> {
    if v.is_empty() {
        return None;
    }
    let n = v.len() as f32;
    let mean = v.iter().sum::<f32>() / n;
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f32>() / n;
    Some((mean, var.sqrt()))
}

fn length(s: &Stroke) -> f32 {
    s.points
        .windows(2)
        .map(|w| ((w[1].x - w[0].x).powi(2) + (w[1].y - w[0].y).powi(2)).sqrt())
        .sum()
}

/// Time intervals with something on the paper, merged where strokes overlap.
fn busy(strokes: &[&Stroke]) -> Vec<(f64, f64)> {
    let mut iv: Vec<(f64, f64)> = strokes.iter().map(|s| (s.start_ms(), s.end_ms())).collect();
    iv.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (a, b) in iv {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

impl ProcessMetrics {
    /// A pause at least this long is listed.
    pub const LONG_PAUSE_MS: f64 = 3000.0;
    /// Grid cells per side for "canvas used".
    pub const GRID: usize = 10;

    /// Computes the metrics of a drawing.
    pub fn from_drawing(d: &Drawing) -> Self {
        let strokes: Vec<&Stroke> = d.all_strokes().filter(|s| !s.points.is_empty()).collect();
        let count = |f: fn(&Event) -> bool| d.events.iter().filter(|e| f(e)).count();
        let intervals = busy(&strokes);
        let (first, last) = match (intervals.first(), intervals.last()) {
            (Some(f), Some(l)) => (f.0, l.1),
            _ => (0.0, 0.0),
        };
        let drawing_ms: f64 = intervals.iter().map(|(a, b)| b - a).sum();
        let long_pauses = intervals
            .windows(2)
            .filter(|w| w[1].0 - w[0].1 >= Self::LONG_PAUSE_MS)
            .map(|w| Pause {
                at_ms: w[0].1 - first,
                length_ms: w[1].0 - w[0].1,
            })
            .collect();

        let mut ink: Vec<(String, f32)> = Vec::new();
        for s in strokes.iter().filter(|s| s.style.brush != Brush::Eraser) {
            let amount = length(s).max(0.5) * s.style.size;
            let hex = s.style.color.hex();
            match ink.iter_mut().find(|(c, _)| *c == hex) {
                Some(e) => e.1 += amount,
                None => ink.push((hex, amount)),
            }
        }
        let total_ink: f32 = ink.iter().map(|(_, a)| a).sum();
        for e in &mut ink {
            e.1 /= total_ink;
        }
        ink.sort_by(|a, b| b.1.total_cmp(&a.1));

        let pressures: Vec<f32> = strokes
            .iter()
            .flat_map(|s| s.points.iter().filter_map(|p| p.pressure))
            .collect();
        let speeds: Vec<f32> = strokes
            .iter()
            .flat_map(|s| s.points.windows(2))
            .filter(|w| w[1].t_ms > w[0].t_ms)
            .map(|w| {
                ((w[1].x - w[0].x).powi(2) + (w[1].y - w[0].y).powi(2)).sqrt()
                    / ((w[1].t_ms - w[0].t_ms) / 1000.0) as f32
            })
            .collect();
        let (pm, psd) = mean_sd(&pressures)
            .map(|(m, s)| (Some(m), Some(s)))
            .unwrap_or((None, None));
        let (speed_mean, speed_sd) = mean_sd(&speeds).unwrap_or((0.0, 0.0));

        Self {
            total_ms: last - first,
            drawing_ms,
            pause_ms: (last - first) - drawing_ms,
            long_pauses,
            stroke_count: strokes.len(),
            eraser_strokes: strokes
                .iter()
                .filter(|s| s.style.brush == Brush::Eraser)
                .count(),
            undo_count: count(|e| matches!(e, Event::Undo | Event::Withdraw(_))),
            redo_count: count(|e| matches!(e, Event::Redo)),
            clear_count: count(|e| matches!(e, Event::Clear)),
            colours: ink,
            pressure_mean: pm,
            pressure_sd: psd,
            speed_mean,
            speed_sd,
            canvas_used: canvas_used(d),
        }
    }
}

/// Share of grid cells touched by the visible strokes' points (each point as a disc of the
/// brush's radius, sampled at its centre and four edge points).
fn canvas_used(d: &Drawing) -> f32 {
    let g = ProcessMetrics::GRID;
    if d.width <= 0.0 || d.height <= 0.0 {
        return 0.0;
    }
    let mut cells = vec![false; g * g];
    let mut mark = |x: f32, y: f32| {
        if (0.0..d.width).contains(&x) && (0.0..d.height).contains(&y) {
            cells[(y / d.height * g as f32) as usize * g + (x / d.width * g as f32) as usize] =
                true;
        }
    };
    for s in d
        .visible_strokes()
        .into_iter()
        .filter(|s| s.style.brush != Brush::Eraser)
    {
        let r = s.style.size / 2.0;
        for p in &s.points {
            for (dx, dy) in [(0.0, 0.0), (r, 0.0), (-r, 0.0), (0.0, r), (0.0, -r)] {
                mark(p.x + dx, p.y + dy);
            }
        }
    }
    cells.iter().filter(|c| **c).count() as f32 / (g * g) as f32
}

/// Ink laid down per time bucket (length × size, eraser excluded), from the first point on:
/// the little chart of activity next to the drawing.
pub fn ink_over_time(d: &Drawing, bucket_ms: f64) -> Vec<f32> {
    let Some(first) = d.all_strokes().map(Stroke::start_ms).reduce(f64::min) else {
        return Vec::new();
    };
    let last = d.last_time_ms().unwrap_or(first);
    let n = ((last - first) / bucket_ms).floor() as usize + 1;
    let mut out = vec![0.0; n];
    for s in d.all_strokes().filter(|s| s.style.brush != Brush::Eraser) {
        for w in s.points.windows(2) {
            let len = ((w[1].x - w[0].x).powi(2) + (w[1].y - w[0].y).powi(2)).sqrt();
            let b = (((w[1].t_ms - first) / bucket_ms) as usize).min(n - 1);
            out[b] += len * s.style.size;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BrushStyle, InputPoint, Rgba};

    /// A horizontal stroke from (x0, y) to (x0 + 100, y) over `t0`..`t0 + 1000` ms, 11 points.
    fn stroke(
        brush: Brush,
        c: Rgba,
        size: f32,
        x0: f32,
        y: f32,
        t0: f64,
        pressure: Option<f32>,
    ) -> Event {
        Event::Stroke(Stroke {
            style: BrushStyle {
                brush,
                size,
                color: c,
            },
            points: (0..=10)
                .map(|i| InputPoint {
                    pressure,
                    ..InputPoint::at(x0 + i as f32 * 10.0, y, t0 + i as f64 * 100.0)
                })
                .collect(),
        })
    }

    const RED: Rgba = Rgba::rgb(255, 0, 0);
    const BLUE: Rgba = Rgba::rgb(0, 0, 255);

    fn sample() -> Drawing {
        let mut d = Drawing::new(1000.0, 1000.0);
        d.push(stroke(Brush::Marker, RED, 10.0, 50.0, 50.0, 0.0, Some(0.2))); // 0–1 s
        d.push(stroke(
            Brush::Marker,
            BLUE,
            30.0,
            50.0,
            550.0,
            1500.0,
            Some(0.6),
        )); // 1.5–2.5 s
        d.push(Event::Undo);
        d.push(Event::Redo);
        d.push(stroke(Brush::Eraser, RED, 20.0, 50.0, 50.0, 6000.0, None)); // 6–7 s, after a 3.5 s pause
        d
    }

    #[test]
    fn times_split_into_drawing_and_pauses_with_the_long_pause_listed() {
        let m = ProcessMetrics::from_drawing(&sample());
        // 0 to 7 s; three strokes of 1 s each; pauses 0.5 s + 3.5 s.
        assert_eq!(m.total_ms, 7000.0);
        assert_eq!(m.drawing_ms, 3000.0);
        assert_eq!(m.pause_ms, 4000.0);
        assert_eq!(
            m.long_pauses,
            vec![Pause {
                at_ms: 2500.0,
                length_ms: 3500.0
            }]
        );
    }

    #[test]
    fn counts_strokes_erasing_undo_and_redo() {
        let m = ProcessMetrics::from_drawing(&sample());
        assert_eq!(
            (
                m.stroke_count,
                m.eraser_strokes,
                m.undo_count,
                m.redo_count,
                m.clear_count
            ),
            (3, 1, 1, 1, 0)
        );
    }

    #[test]
    fn colour_shares_follow_length_times_size() {
        // red 100 px × 10 = 1000, blue 100 px × 30 = 3000: blue 75%, red 25%.
        let m = ProcessMetrics::from_drawing(&sample());
        assert_eq!(
            m.colours,
            vec![("#0000ff".to_string(), 0.75), ("#ff0000".to_string(), 0.25)]
        );
    }

    #[test]
    fn pressure_and_speed_are_averaged_with_their_spread() {
        let m = ProcessMetrics::from_drawing(&sample());
        // 11 points at 0.2 and 11 at 0.6: mean 0.4, sd 0.2. Every step is 10 px in 100 ms: 100 px/s.
        assert!((m.pressure_mean.unwrap() - 0.4).abs() < 1e-6);
        assert!((m.pressure_sd.unwrap() - 0.2).abs() < 1e-6);
        assert!((m.speed_mean - 100.0).abs() < 1e-3 && m.speed_sd.abs() < 1e-3);
    }

    #[test]
    fn canvas_used_counts_touched_grid_cells() {
        // A lone marker stroke from x 50 to 150 at y 50 on 1000×1000 touches cells (0,0) and (1,0)
        // of the 10×10 grid: 2%.
        let mut d = Drawing::new(1000.0, 1000.0);
        d.push(stroke(Brush::Marker, RED, 10.0, 50.0, 50.0, 0.0, None));
        assert_eq!(ProcessMetrics::from_drawing(&d).canvas_used, 0.02);
    }

    #[test]
    fn an_empty_drawing_has_zero_everything() {
        let m = ProcessMetrics::from_drawing(&Drawing::new(100.0, 100.0));
        assert_eq!(
            (m.total_ms, m.stroke_count, m.canvas_used, m.pressure_mean),
            (0.0, 0, 0.0, None)
        );
    }

    #[test]
    fn ink_over_time_puts_each_stroke_in_its_seconds() {
        let mut d = Drawing::new(1000.0, 1000.0);
        d.push(stroke(Brush::Marker, RED, 10.0, 50.0, 50.0, 0.0, None));
        d.push(stroke(Brush::Marker, RED, 10.0, 50.0, 50.0, 2000.0, None));
        // 1 s buckets from 0 to 3 s; each stroke lays 1000 units within its second (its last
        // segment ends exactly on the next second's boundary).
        assert_eq!(ink_over_time(&d, 1000.0), vec![900.0, 100.0, 900.0, 100.0]);
    }
}
