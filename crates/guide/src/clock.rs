//! The exercise clock: exercise time from a monotonic clock the caller reads (in the app
//! `performance.now()`, ms), paused and resumed, and moved on by the tap that ends a step
//! early. Nothing here reads a clock or counts timer ticks, so the time cannot drift; tests
//! pass the moments in.
//!
//! A step marked `manual` is not held at its end: its `ms` is the most the app waits (see
//! [`crate::Phase::manual`]), and the client's tap ends it sooner with
//! [`ExerciseClock::skip_to`] the step's end ([`crate::Timeline::phase_span`]).

/// Exercise time, paused and resumed, following a clock the caller reads.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseClock {
    /// Exercise time at `since`, or the time it stands still at, ms.
    base_ms: f64,
    /// The caller's clock when the exercise time last started running; `None` while paused.
    since: Option<f64>,
    /// The caller's clock at the start, for the wall time (pauses included).
    wall_start: f64,
}

impl ExerciseClock {
    /// A clock that starts running at `now` with exercise time 0.
    pub fn start(now: f64) -> Self {
        Self {
            base_ms: 0.0,
            since: Some(now),
            wall_start: now,
        }
    }

    /// Exercise time at `now`, ms (a caller's clock that went back counts as no time).
    pub fn elapsed_ms(&self, now: f64) -> f64 {
        self.base_ms + self.since.map_or(0.0, |s| (now - s).max(0.0))
    }

    /// Exercise time at `now` in whole ms (rounded down: a millisecond counts once passed).
    pub fn at_ms(&self, now: f64) -> u64 {
        self.elapsed_ms(now) as u64
    }

    /// Time since the start on the caller's clock, pauses included, whole ms.
    pub fn wall_ms(&self, now: f64) -> u64 {
        (now - self.wall_start).max(0.0) as u64
    }

    /// Whether the exercise time runs (not paused).
    pub fn running(&self) -> bool {
        self.since.is_some()
    }

    /// Stops the exercise time at `now`.
    pub fn pause(&mut self, now: f64) {
        self.base_ms = self.elapsed_ms(now);
        self.since = None;
    }

    /// Runs the exercise time again from where it stood (a running clock is left alone).
    pub fn resume(&mut self, now: f64) {
        if self.since.is_none() {
            self.since = Some(now);
        }
    }

    /// Runs the exercise time from `t_ms` at `now`, paused or not: the tap that ends a step
    /// jumps to the step's end.
    pub fn skip_to(&mut self, t_ms: u64, now: f64) {
        self.base_ms = t_ms as f64;
        self.since = Some(now);
    }
}

/// Which way [`clock_text`] rounds a time to whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// A countdown (time left, or a length still to come): rounded up, so the clock never
    /// shows 0:00 while time remains; 0:00 means it is over.
    Remaining,
    /// Time that has passed (how long something ran, a recording's length): rounded down, so
    /// the clock never shows a second that has not yet passed.
    Elapsed,
}

/// A time as minutes and seconds, "1:05"; minutes are not capped ("75:00" for 75 minutes).
/// `rounding` says which way a part of a second goes (see [`Rounding`]).
pub fn clock_text(ms: u64, rounding: Rounding) -> String {
    let s = match rounding {
        Rounding::Remaining => ms.div_ceil(1000),
        Rounding::Elapsed => ms / 1000,
    };
    format!("{}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Timeline, by_id};

    #[test]
    fn a_countdown_rounds_up_and_shows_0_00_only_when_time_is_up() {
        let text = |ms| clock_text(ms, Rounding::Remaining);
        assert_eq!(text(0), "0:00");
        assert_eq!(text(1), "0:01");
        assert_eq!(text(999), "0:01");
        assert_eq!(text(1000), "0:01");
        assert_eq!(text(1001), "0:02");
        assert_eq!(text(59_001), "1:00");
        assert_eq!(text(65_000), "1:05");
        assert_eq!(text(4_500_000), "75:00");
    }

    #[test]
    fn elapsed_time_rounds_down_and_shows_no_second_not_yet_passed() {
        let text = |ms| clock_text(ms, Rounding::Elapsed);
        assert_eq!(text(0), "0:00");
        assert_eq!(text(999), "0:00");
        assert_eq!(text(1000), "0:01");
        assert_eq!(text(59_999), "0:59");
        assert_eq!(text(60_000), "1:00");
        assert_eq!(text(65_432), "1:05");
        assert_eq!(text(3_600_000), "60:00");
    }

    #[test]
    fn paused_time_does_not_count_and_the_wall_time_does() {
        let mut c = ExerciseClock::start(1_000.0);
        assert_eq!(c.elapsed_ms(3_500.0), 2_500.0);
        c.pause(3_500.0);
        assert!(!c.running());
        assert_eq!(c.elapsed_ms(60_000.0), 2_500.0);
        c.pause(61_000.0);
        assert_eq!(
            c.elapsed_ms(62_000.0),
            2_500.0,
            "pausing twice loses nothing"
        );
        c.resume(60_000.0);
        assert!(c.running());
        assert_eq!(c.elapsed_ms(61_000.0), 3_500.0);
        assert_eq!(
            c.at_ms(61_000.9),
            3_500,
            "a part of a ms is not yet counted"
        );
        assert_eq!(c.wall_ms(61_000.0), 60_000);
        // Resuming a running clock changes nothing.
        c.resume(70_000.0);
        assert_eq!(c.elapsed_ms(71_000.0), 13_500.0);
        // A caller's clock that steps back counts as no time.
        assert_eq!(ExerciseClock::start(500.0).elapsed_ms(100.0), 0.0);
        assert_eq!(ExerciseClock::start(500.0).wall_ms(100.0), 0);
    }

    #[test]
    fn the_tap_that_ends_a_step_moves_on_to_the_next_step() {
        // Grounding: five steps of at most 30 s each, the client may end each sooner.
        let ex = by_id("grounding-5-4-3-2-1").unwrap();
        let tl = Timeline::new(&ex);
        let mut c = ExerciseClock::start(0.0);
        assert_eq!(tl.at(c.at_ms(10_000.0)).phase_index, 0);
        c.skip_to(tl.phase_span(0, 0).1, 10_000.0);
        assert_eq!(c.at_ms(12_000.0), 32_000);
        assert_eq!(tl.at(c.at_ms(12_000.0)).phase_index, 1);
        // A tap while paused moves on and runs again.
        c.pause(13_000.0);
        c.skip_to(tl.phase_span(0, 1).1, 20_000.0);
        assert!(c.running());
        assert_eq!(c.at_ms(20_000.0), 60_000);
        assert_eq!(tl.at(60_000).phase_index, 2);
        // Untouched, a step goes on by itself after its 30 s: `ms` is the most it waits.
        assert_eq!(tl.at(c.at_ms(50_000.0)).phase_index, 3);
        assert_eq!(c.wall_ms(50_000.0), 50_000);
    }
}
