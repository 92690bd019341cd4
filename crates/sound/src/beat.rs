//! The metronome's beat grid: where every beat lies on one clock (seconds; in the app the
//! audio clock), which beats to hand to the audio clock a little ahead of time, which beat is
//! sounding now, and how a tempo change re-anchors the grid so the next beat stays where it
//! was. Nothing here reads a clock: the caller passes `now` once per animation frame.

use crate::beat_ms;

/// How far ahead beats (and loop hits) are handed to the audio clock, seconds: more than two
/// frames at 60 Hz, so a late frame never drops a click; little enough to stop promptly.
pub const LOOKAHEAD_S: f64 = 0.12;

/// Beats in a bar (the pad counts in fours; the recording format allows others).
pub const BEATS_PER_BAR: u8 = 4;

/// A beat this far in the past when its frame comes (a slow frame, a tempo change) is
/// skipped, not crammed in late, seconds.
const LATE_S: f64 = 0.02;

/// A beat handed to the audio clock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScheduledBeat {
    /// Index from the grid's origin (beat 0 is a downbeat).
    pub index: i64,
    /// When it sounds, seconds on the grid's clock.
    pub at: f64,
    /// Whether it is the first beat of a bar (the accented click).
    pub downbeat: bool,
}

/// What one frame's [`BeatGrid::tick`] found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tick {
    /// Beats that came within [`LOOKAHEAD_S`] since the last frame, in order.
    pub scheduled: Vec<ScheduledBeat>,
    /// The latest scheduled beat whose moment has come since the last frame, to light up.
    pub sounding: Option<i64>,
}

/// The beat grid of a running metronome.
#[derive(Debug, Clone, PartialEq)]
pub struct BeatGrid {
    /// Time of beat 0 (a downbeat), seconds.
    origin: f64,
    /// One beat, seconds.
    beat_s: f64,
    /// The next beat to schedule.
    next: i64,
    /// Scheduled beats whose moment has not yet come: (time, index), oldest first. Even at
    /// the fastest tempo (0.3 s a beat) at most one lies within the look-ahead; four leaves
    /// room without allocating every frame.
    pending: [(f64, i64); 4],
    pending_len: usize,
}

impl BeatGrid {
    /// A grid at `tempo_bpm` (clamped into 40–200) with beat 0 at `origin`.
    pub fn new(origin: f64, tempo_bpm: f32) -> Self {
        Self {
            origin,
            beat_s: beat_ms(tempo_bpm) / 1000.0,
            next: 0,
            pending: [(0.0, 0); 4],
            pending_len: 0,
        }
    }

    /// Time of beat 0, seconds.
    pub fn origin(&self) -> f64 {
        self.origin
    }

    /// One beat, seconds.
    pub fn beat_s(&self) -> f64 {
        self.beat_s
    }

    /// One bar of [`BEATS_PER_BAR`] beats, seconds.
    pub fn bar_s(&self) -> f64 {
        self.beat_s * f64::from(BEATS_PER_BAR)
    }

    /// When beat `index` sounds.
    pub fn beat_at(&self, index: i64) -> f64 {
        self.origin + index as f64 * self.beat_s
    }

    /// The first downbeat at or after `t` (a hair's rounding before it still counts as on it).
    pub fn downbeat_at_or_after(&self, t: f64) -> f64 {
        let bar = self.bar_s();
        self.origin + ((t - self.origin) / bar - 1e-9).ceil() * bar
    }

    /// Changes the tempo, keeping the next beat to schedule where it was: the grid is
    /// re-anchored around it, so a change never makes a beat jump back or come twice.
    pub fn set_tempo(&mut self, tempo_bpm: f32) {
        let next_t = self.beat_at(self.next);
        self.beat_s = beat_ms(tempo_bpm) / 1000.0;
        self.origin = next_t - self.next as f64 * self.beat_s;
    }

    /// Once per frame at `now`: schedules every beat before `now + LOOKAHEAD_S` not yet
    /// scheduled (skipping beats already more than 20 ms past), and says which scheduled beat
    /// has begun to sound since the last frame.
    pub fn tick(&mut self, now: f64) -> Tick {
        let mut out = Tick::default();
        while self.beat_at(self.next) < now + LOOKAHEAD_S {
            let at = self.beat_at(self.next);
            if at >= now - LATE_S {
                out.scheduled.push(ScheduledBeat {
                    index: self.next,
                    at,
                    downbeat: self.next.rem_euclid(i64::from(BEATS_PER_BAR)) == 0,
                });
                if self.pending_len < self.pending.len() {
                    self.pending[self.pending_len] = (at, self.next);
                    self.pending_len += 1;
                }
            }
            self.next += 1;
        }
        let mut keep = 0;
        for i in 0..self.pending_len {
            let (at, index) = self.pending[i];
            if at <= now {
                out.sounding = Some(index);
            } else {
                self.pending[keep] = (at, index);
                keep += 1;
            }
        }
        self.pending_len = keep;
        out
    }
}

#[cfg(test)]
mod tests;
