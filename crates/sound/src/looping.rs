//! Loop arithmetic for the loop recorder: where in the loop a hit lands, and which loop hits
//! sound in a window of time. Times are seconds on one clock (the app's musical clock); the
//! loop's passes start at `anchor + k · loop_s` for every whole `k`.

use crate::Event;

/// Where in a loop of `loop_s` seconds (passes starting at `anchor`) a hit at `at` lands, in
/// whole ms, kept inside the loop (`0..loop_ms`), also for hits before the anchor.
pub fn loop_offset_ms(at: f64, anchor: f64, loop_s: f64) -> u32 {
    let usable = loop_s.is_finite() && loop_s > 0.0;
    if !usable || !at.is_finite() || !anchor.is_finite() {
        return 0;
    }
    let len_ms = (loop_s * 1000.0).round().max(1.0) as u32;
    let t = ((at - anchor).rem_euclid(loop_s) * 1000.0).floor() as u32;
    t.min(len_ms - 1)
}

/// The moments in `[from, to)` at which the loop `events` sound, with the event, in time
/// order: every pass of the loop that overlaps the window is included, and `not_before`
/// drops earlier moments (a layer still being recorded sounds only from its next pass).
pub fn loop_occurrences(
    events: &[Event],
    anchor: f64,
    loop_s: f64,
    from: f64,
    to: f64,
    not_before: f64,
) -> Vec<(f64, &Event)> {
    let mut out = Vec::new();
    let usable = loop_s.is_finite() && loop_s > 0.0 && from.is_finite() && to.is_finite();
    if !usable || to <= from {
        return out;
    }
    let first = ((from - anchor) / loop_s).floor() as i64;
    let last = ((to - anchor) / loop_s).floor() as i64;
    for k in first..=last {
        let base = anchor + k as f64 * loop_s;
        for e in events {
            let at = base + f64::from(e.t_ms) / 1000.0;
            if at >= from && at < to && at >= not_before {
                out.push((at, e));
            }
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Voice;

    fn ev(t_ms: u32) -> Event {
        Event {
            t_ms,
            pad: 0,
            voice: Voice::Kick,
            velocity: 1.0,
            player: 0,
        }
    }

    #[test]
    fn a_hit_lands_at_its_place_in_the_pass_it_falls_in() {
        // A 2 s loop anchored at 10 s: a hit at 13.25 s is 1250 ms into the second pass.
        assert_eq!(loop_offset_ms(13.25, 10.0, 2.0), 1250);
        // Before the anchor it still wraps into the loop.
        assert_eq!(loop_offset_ms(9.5, 10.0, 2.0), 1500);
        // A hit a hair before the end of a pass stays inside the loop.
        assert_eq!(loop_offset_ms(11.99999, 10.0, 2.0), 1999);
        assert_eq!(loop_offset_ms(12.0, 10.0, 2.0), 0);
        assert_eq!(loop_offset_ms(1.0, 0.0, 0.0), 0, "no loop, no place");
    }

    #[test]
    fn every_pass_in_the_window_sounds_once_in_time_order() {
        let events = [ev(1500), ev(0), ev(500)];
        // Loop of 2 s from 10 s; window 11.2 s .. 14.6 s covers parts of three passes.
        let got: Vec<(f64, u32)> = loop_occurrences(&events, 10.0, 2.0, 11.2, 14.6, f64::MIN)
            .into_iter()
            .map(|(at, e)| ((at * 1000.0).round() / 1000.0, e.t_ms))
            .collect();
        assert_eq!(
            got,
            [
                (11.5, 1500),
                (12.0, 0),
                (12.5, 500),
                (13.5, 1500),
                (14.0, 0),
                (14.5, 500)
            ]
        );
        // Consecutive windows never play a hit twice or skip one.
        let mut joined = Vec::new();
        for (a, b) in [(11.2, 12.0), (12.0, 13.1), (13.1, 14.6)] {
            joined.extend(
                loop_occurrences(&events, 10.0, 2.0, a, b, f64::MIN)
                    .into_iter()
                    .map(|(at, _)| (at * 1000.0).round() as i64),
            );
        }
        assert_eq!(joined, [11_500, 12_000, 12_500, 13_500, 14_000, 14_500]);
    }

    #[test]
    fn a_layer_being_recorded_sounds_only_from_its_next_pass() {
        let events = [ev(0), ev(1000)];
        let got = loop_occurrences(&events, 0.0, 2.0, 0.0, 6.0, 4.0);
        let times: Vec<f64> = got.iter().map(|(at, _)| *at).collect();
        assert_eq!(times, [4.0, 5.0]);
        assert!(loop_occurrences(&events, 0.0, 2.0, 3.0, 3.0, 0.0).is_empty());
    }
}
