//! Metronome arithmetic and tap tempo. Times are milliseconds as `f64` (what
//! `performance.now()` gives the app); nothing here reads a clock.

/// Slowest tempo, beats per minute.
pub const TEMPO_MIN: f32 = 40.0;
/// Fastest tempo, beats per minute.
pub const TEMPO_MAX: f32 = 200.0;

/// Length of one beat at `tempo_bpm`, ms (the tempo is clamped into 40–200).
pub fn beat_ms(tempo_bpm: f32) -> f64 {
    60_000.0 / f64::from(clamp_tempo(tempo_bpm))
}

/// Length of a loop of `bars` bars of `beats_per_bar` beats, whole ms (rounded).
pub fn loop_ms(tempo_bpm: f32, beats_per_bar: u8, bars: u8) -> u32 {
    (beat_ms(tempo_bpm) * f64::from(beats_per_bar) * f64::from(bars)).round() as u32
}

/// A tempo clamped into [`TEMPO_MIN`]..=[`TEMPO_MAX`]; not-a-number becomes 90.
pub fn clamp_tempo(tempo_bpm: f32) -> f32 {
    if tempo_bpm.is_nan() {
        90.0
    } else {
        tempo_bpm.clamp(TEMPO_MIN, TEMPO_MAX)
    }
}

/// A pause this long (ms) means the tapping started again; earlier taps are forgotten.
const TAP_RESTART_MS: f64 = 2_000.0;
/// At most this many of the latest taps count.
const TAP_WINDOW: usize = 8;
/// Every interval must be within this fraction of the median, or the taps are irregular.
const TAP_SPREAD: f64 = 0.3;

/// The tempo of taps at `tap_times_ms` (ascending): 60 000 / the median of the intervals
/// between the last taps (at most 8, since the last pause of 2 s or more), clamped into
/// 40–200. `None` with fewer than two taps, times that do not go forward, or intervals
/// more than 30 % away from the median (the tapper is not yet steady).
pub fn tap_tempo(tap_times_ms: &[f64]) -> Option<f32> {
    if tap_times_ms.iter().any(|t| !t.is_finite()) {
        return None;
    }
    let mut start = tap_times_ms.len().saturating_sub(TAP_WINDOW);
    for i in (start + 1..tap_times_ms.len()).rev() {
        if tap_times_ms[i] - tap_times_ms[i - 1] >= TAP_RESTART_MS {
            start = i;
            break;
        }
    }
    let taps = &tap_times_ms[start..];
    if taps.len() < 2 {
        return None;
    }
    let mut intervals: Vec<f64> = taps.windows(2).map(|w| w[1] - w[0]).collect();
    if intervals.iter().any(|&d| d <= 0.0) {
        return None;
    }
    intervals.sort_by(f64::total_cmp);
    let k = intervals.len();
    let median = if k % 2 == 1 {
        intervals[k / 2]
    } else {
        0.5 * (intervals[k / 2 - 1] + intervals[k / 2])
    };
    if intervals
        .iter()
        .any(|&d| (d - median).abs() > TAP_SPREAD * median)
    {
        return None;
    }
    Some(clamp_tempo((60_000.0 / median) as f32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beats_and_loops_in_ms() {
        assert_eq!(beat_ms(120.0), 500.0);
        assert_eq!(beat_ms(60.0), 1000.0);
        assert_eq!(loop_ms(120.0, 4, 2), 4000);
        assert_eq!(loop_ms(90.0, 3, 1), 2000);
        assert_eq!(loop_ms(100.0, 4, 0), 0);
        // 7 beats at 70 bpm: 6000 ms exactly; 1 beat at 110: 545.45… → 545.
        assert_eq!(loop_ms(70.0, 7, 1), 6000);
        assert_eq!(loop_ms(110.0, 1, 1), 545);
        assert_eq!(beat_ms(500.0), 300.0);
    }

    #[test]
    fn steady_taps_give_their_tempo() {
        let taps: Vec<f64> = (0..6).map(|i| 1000.0 + 500.0 * f64::from(i)).collect();
        assert_eq!(tap_tempo(&taps), Some(120.0));
        assert_eq!(tap_tempo(&[0.0, 750.0]), Some(80.0));
        // Slightly uneven human taps: the median wins.
        assert_eq!(
            tap_tempo(&[0.0, 610.0, 1200.0, 1800.0, 2400.0, 3005.0]),
            Some(100.0)
        );
    }

    #[test]
    fn too_few_or_unsteady_taps_give_nothing() {
        assert_eq!(tap_tempo(&[]), None);
        assert_eq!(tap_tempo(&[100.0]), None);
        assert_eq!(tap_tempo(&[0.0, 500.0, 1500.0, 1700.0]), None);
        assert_eq!(tap_tempo(&[0.0, 500.0, 500.0]), None);
        assert_eq!(tap_tempo(&[0.0, f64::NAN]), None);
    }

    #[test]
    fn a_long_pause_starts_over_and_only_recent_taps_count() {
        // Tapped at 60 bpm, paused, then at 150 bpm.
        let mut taps = vec![0.0, 1000.0, 1900.0];
        taps.extend((0..4).map(|i| 10_000.0 + 400.0 * f64::from(i)));
        assert_eq!(tap_tempo(&taps), Some(150.0));
        // 8 early taps at 100 bpm then 8 at 120 bpm, no pause: the last 8 decide.
        let mut taps: Vec<f64> = (0..8).map(|i| 600.0 * f64::from(i)).collect();
        let last = taps[7];
        taps.extend((1..=8).map(|i| last + 500.0 * f64::from(i)));
        assert_eq!(tap_tempo(&taps), Some(120.0));
    }

    #[test]
    fn tap_tempo_is_clamped() {
        assert_eq!(tap_tempo(&[0.0, 100.0, 200.0]), Some(200.0));
        assert_eq!(tap_tempo(&[0.0, 1900.0, 3800.0]), Some(40.0));
    }
}
