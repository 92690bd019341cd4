//! Replay: the drawing as it stood at a moment, with the stroke under way drawn up to there.

use crate::{Drawing, Event, Stroke};

/// The drawing at time `t_ms`: events before it, and a stroke in progress cut at `t_ms`.
/// Undo, redo and clear happen at the end time of the last stroke before them.
pub fn replay_until(d: &Drawing, t_ms: f64) -> Drawing {
    let mut out = Drawing {
        events: Vec::new(),
        ..d.clone()
    };
    let mut now = f64::MIN;
    for e in &d.events {
        match e {
            Event::Stroke(s) => {
                if s.start_ms() > t_ms {
                    break;
                }
                let points: Vec<_> = s
                    .points
                    .iter()
                    .copied()
                    .filter(|p| p.t_ms <= t_ms)
                    .collect();
                now = s.end_ms();
                out.events.push(Event::Stroke(Stroke {
                    style: s.style,
                    points,
                }));
                if now > t_ms {
                    break;
                }
            }
            other if now <= t_ms => out.events.push(other.clone()),
            _ => break,
        }
    }
    out
}

/// A copy whose pauses longer than `max_pause_ms` are shortened to it, for replay that does not
/// make the therapist wait through the client's thinking time (the metrics keep the real times).
pub fn skip_pauses(d: &Drawing, max_pause_ms: f64) -> Drawing {
    let mut out = d.clone();
    let mut shift = 0.0;
    let mut last_end: Option<f64> = None;
    for e in &mut out.events {
        if let Event::Stroke(s) = e {
            let start = s.start_ms();
            if let Some(end) = last_end {
                let gap = start - end;
                if gap > max_pause_ms {
                    shift += gap - max_pause_ms;
                }
            }
            last_end = Some(s.end_ms());
            for p in &mut s.points {
                p.t_ms -= shift;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Brush, BrushStyle, InputPoint, Rgba};

    fn stroke(t0: f64, t1: f64) -> Event {
        Event::Stroke(Stroke {
            style: BrushStyle {
                brush: Brush::Marker,
                size: 4.0,
                color: Rgba::rgb(0, 0, 0),
            },
            points: vec![
                InputPoint::at(0.0, 0.0, t0),
                InputPoint::at(5.0, 0.0, (t0 + t1) / 2.0),
                InputPoint::at(10.0, 0.0, t1),
            ],
        })
    }

    #[test]
    fn replay_in_the_middle_of_the_second_stroke_shows_the_first_whole_and_half_the_second() {
        let mut d = Drawing::new(100.0, 100.0);
        d.push(stroke(0.0, 1000.0));
        d.push(stroke(2000.0, 3000.0));
        let mid = replay_until(&d, 2500.0);
        let counts: Vec<usize> = mid
            .visible_strokes()
            .iter()
            .map(|s| s.points.len())
            .collect();
        assert_eq!(counts, [3, 2]);
        assert_eq!(replay_until(&d, 1500.0).visible_strokes().len(), 1);
        assert_eq!(replay_until(&d, 10_000.0), d);
    }

    #[test]
    fn skipping_pauses_shortens_a_ten_second_gap_to_one_second() {
        let mut d = Drawing::new(100.0, 100.0);
        d.push(stroke(0.0, 1000.0));
        d.push(stroke(11_000.0, 12_000.0));
        let s = skip_pauses(&d, 1000.0);
        assert_eq!(s.visible_strokes()[1].start_ms(), 2000.0);
        assert_eq!(s.last_time_ms(), Some(3000.0));
    }
}
