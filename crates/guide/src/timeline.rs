//! Where an exercise stands at time `t`: computed from `t` alone in integer milliseconds, so
//! an hour-long exercise is exactly as right at its end as at its start (no timers that drift).
//! A moment exactly on a phase boundary belongs to the phase that begins there; at or after
//! the end the exercise is finished.

use crate::{BodyPart, Exercise, PhaseKind};

/// What the pacer shows at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    /// The phase.
    pub kind: PhaseKind,
    /// Its index within the cycle.
    pub phase_index: usize,
    /// How far into the phase, 0–1.
    pub progress: f32,
    /// Which repetition (0-based).
    pub cycle: u32,
    /// The body part of the phase.
    pub body: Option<BodyPart>,
    /// The next phase and how many ms until it starts (`None` on the last phase).
    pub next: Option<(PhaseKind, u64)>,
    /// Time since the start, ms (capped at the total).
    pub elapsed_ms: u64,
    /// Time left, ms.
    pub remaining_ms: u64,
    /// Whether the exercise is over.
    pub finished: bool,
}

/// An exercise's timeline: its phase boundaries within one cycle.
#[derive(Debug, Clone)]
pub struct Timeline<'a> {
    exercise: &'a Exercise,
    /// Start of each phase within a cycle, ms; one more entry: the cycle length.
    starts: Vec<u64>,
}

impl<'a> Timeline<'a> {
    /// The timeline of an exercise.
    pub fn new(exercise: &'a Exercise) -> Self {
        let mut starts = Vec::with_capacity(exercise.phases.len() + 1);
        let mut acc = 0u64;
        starts.push(0);
        for p in &exercise.phases {
            acc += u64::from(p.ms);
            starts.push(acc);
        }
        Self { exercise, starts }
    }

    /// Total length, ms.
    pub fn total_ms(&self) -> u64 {
        self.cycle_ms() * u64::from(self.exercise.repetitions)
    }

    fn cycle_ms(&self) -> u64 {
        *self.starts.last().unwrap_or(&0)
    }

    /// The exercise this is the timeline of.
    pub fn exercise(&self) -> &'a Exercise {
        self.exercise
    }

    /// Start and end (ms since the start of the exercise) of phase `index` in repetition
    /// `cycle`: the end is where the next phase begins. An index past the last phase is taken
    /// as the last phase.
    pub fn phase_span(&self, cycle: u32, index: usize) -> (u64, u64) {
        let n = self.exercise.phases.len();
        if n == 0 {
            return (0, 0);
        }
        let i = index.min(n - 1);
        let base = self.cycle_ms() * u64::from(cycle);
        (base + self.starts[i], base + self.starts[i + 1])
    }

    /// Time left in the phase a moment is in, ms (0 once the exercise is finished).
    pub fn phase_left_ms(&self, m: &Moment) -> u64 {
        if m.finished {
            return 0;
        }
        self.phase_span(m.cycle, m.phase_index)
            .1
            .saturating_sub(m.elapsed_ms)
    }

    /// The exercise at `t_ms` since its start.
    pub fn at(&self, t_ms: u64) -> Moment {
        let total = self.total_ms();
        let cycle_ms = self.cycle_ms().max(1);
        let n = self.exercise.phases.len();
        if n == 0 || t_ms >= total {
            let last = n.saturating_sub(1);
            return Moment {
                kind: self
                    .exercise
                    .phases
                    .get(last)
                    .map(|p| p.kind)
                    .unwrap_or(PhaseKind::Rest),
                phase_index: last,
                progress: 1.0,
                cycle: self.exercise.repetitions.saturating_sub(1),
                body: self.exercise.phases.get(last).and_then(|p| p.body),
                next: None,
                elapsed_ms: total,
                remaining_ms: 0,
                finished: true,
            };
        }
        let cycle = t_ms / cycle_ms;
        let within = t_ms % cycle_ms;
        // The last start that is <= within (a boundary belongs to the phase it starts).
        let i = self.starts[..n].partition_point(|s| *s <= within) - 1;
        let phase = &self.exercise.phases[i];
        let into = within - self.starts[i];
        let until_next = u64::from(phase.ms) - into;
        let last_phase = cycle + 1 == u64::from(self.exercise.repetitions) && i + 1 == n;
        Moment {
            kind: phase.kind,
            phase_index: i,
            progress: into as f32 / phase.ms.max(1) as f32,
            cycle: cycle as u32,
            body: phase.body,
            next: (!last_phase).then(|| (self.exercise.phases[(i + 1) % n].kind, until_next)),
            elapsed_ms: t_ms,
            remaining_ms: total - t_ms,
            finished: false,
        }
    }

    /// Phase starts in `(t0, t1]` with the phase index that starts there, so an animation frame
    /// can sound a cue for every change since the previous frame.
    pub fn phase_changes_between(&self, t0: u64, t1: u64) -> Vec<(u64, usize)> {
        let (cycle_ms, n, total) = (self.cycle_ms(), self.exercise.phases.len(), self.total_ms());
        if cycle_ms == 0 || t1 <= t0 {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut c = t0 / cycle_ms;
        while c * cycle_ms <= t1.min(total.saturating_sub(1)) {
            for (i, s) in self.starts[..n].iter().enumerate() {
                let at = c * cycle_ms + s;
                if at > t0 && at <= t1 && at < total {
                    out.push((at, i));
                }
            }
            c += 1;
        }
        out
    }

    /// How full the breathing shape is, 0–1: rising during *in*, full during *hold*, falling
    /// during *out*, empty during *hold empty*, eased (sine) so the shape never jerks. Tension
    /// steps rise while tensing and fall while releasing; other phases rest at half.
    pub fn breath_level(&self, t_ms: u64) -> f32 {
        let m = self.at(t_ms);
        let ease = |p: f32| 0.5 - 0.5 * (std::f32::consts::PI * p).cos();
        match m.kind {
            PhaseKind::In | PhaseKind::Tense => ease(m.progress),
            PhaseKind::Hold => 1.0,
            PhaseKind::Out | PhaseKind::Release => 1.0 - ease(m.progress),
            PhaseKind::HoldEmpty => 0.0,
            _ => 0.5,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{by_id, resonance};

    #[test]
    fn box_breathing_lasts_96_seconds_and_each_second_is_in_the_right_phase() {
        let ex = by_id("box-4-4-4-4").unwrap();
        let tl = Timeline::new(&ex);
        assert_eq!(tl.total_ms(), 96_000);
        let expect = [
            PhaseKind::In,
            PhaseKind::Hold,
            PhaseKind::Out,
            PhaseKind::HoldEmpty,
        ];
        for t in (0..96_000).step_by(500) {
            let m = tl.at(t);
            assert_eq!(m.kind, expect[(t / 4000 % 4) as usize], "at {t} ms");
            assert_eq!(m.cycle as u64, t / 16_000, "at {t} ms");
        }
    }

    #[test]
    fn a_moment_on_a_boundary_belongs_to_the_phase_that_starts_there() {
        let ex = by_id("calm-4-6").unwrap();
        let tl = Timeline::new(&ex);
        assert_eq!(tl.at(3999).kind, PhaseKind::In);
        let m = tl.at(4000);
        assert_eq!((m.kind, m.progress), (PhaseKind::Out, 0.0));
        assert_eq!(tl.at(2000).next, Some((PhaseKind::Out, 2000)));
        assert_eq!(tl.at(10_000).kind, PhaseKind::In);
        assert_eq!(tl.at(10_000).cycle, 1);
    }

    #[test]
    fn at_or_after_the_end_the_exercise_is_finished() {
        let ex = by_id("calm-4-6").unwrap();
        let tl = Timeline::new(&ex);
        let total = tl.total_ms();
        assert!(!tl.at(total - 1).finished);
        assert_eq!(
            tl.at(total - 1).next,
            None,
            "nothing comes after the last out-breath"
        );
        let end = tl.at(total);
        assert!(end.finished && end.remaining_ms == 0 && end.elapsed_ms == total);
        assert!(tl.at(total + 60_000).finished);
    }

    #[test]
    fn an_hour_of_resonance_breathing_does_not_drift() {
        // 6 breaths a minute: 10 s per cycle (5 s in, 5 s out), 360 cycles in an hour.
        let mut ex = resonance(6.0).unwrap();
        ex.repetitions = 360;
        let tl = Timeline::new(&ex);
        assert_eq!(tl.total_ms(), 3_600_000);
        for c in [0u64, 1, 179, 358, 359] {
            let start = c * 10_000;
            assert_eq!(
                (
                    tl.at(start).kind,
                    tl.at(start).cycle as u64,
                    tl.at(start).progress
                ),
                (PhaseKind::In, c, 0.0)
            );
            assert_eq!(tl.at(start + 5_000).kind, PhaseKind::Out);
        }
        let last = tl.at(3_599_999);
        assert_eq!(
            (last.kind, last.cycle, last.remaining_ms),
            (PhaseKind::Out, 359, 1)
        );
    }

    #[test]
    fn phase_changes_between_two_frames_are_all_reported() {
        let ex = by_id("box-4-4-4-4").unwrap();
        let tl = Timeline::new(&ex);
        assert_eq!(tl.phase_changes_between(3990, 4010), vec![(4000, 1)]);
        assert_eq!(
            tl.phase_changes_between(0, 16_000),
            vec![(4000, 1), (8000, 2), (12_000, 3), (16_000, 0)]
        );
        assert_eq!(
            tl.phase_changes_between(4000, 4001),
            vec![],
            "a change exactly at t0 was reported last frame"
        );
        assert_eq!(
            tl.phase_changes_between(95_000, 100_000),
            vec![],
            "nothing starts at the end"
        );
    }

    #[test]
    fn a_phase_span_runs_from_its_start_to_where_the_next_phase_begins() {
        // 4-7-8: in 4 s, hold 7 s, out 8 s; 19 s a cycle.
        let ex = by_id("4-7-8").unwrap();
        let tl = Timeline::new(&ex);
        assert_eq!(tl.phase_span(0, 0), (0, 4000));
        assert_eq!(tl.phase_span(0, 1), (4000, 11_000));
        assert_eq!(tl.phase_span(0, 2), (11_000, 19_000));
        assert_eq!(tl.phase_span(3, 1), (61_000, 68_000));
        assert_eq!(
            tl.phase_span(0, 9),
            (11_000, 19_000),
            "past the last: the last"
        );
        // Every moment lies inside its own phase's span.
        for t in (0..tl.total_ms()).step_by(250) {
            let m = tl.at(t);
            let (start, end) = tl.phase_span(m.cycle, m.phase_index);
            assert!(start <= t && t < end, "{t} ms in {start}..{end}");
            assert_eq!(tl.phase_left_ms(&m), end - t);
        }
        assert_eq!(tl.phase_left_ms(&tl.at(tl.total_ms())), 0);
    }

    #[test]
    fn the_breath_level_rises_holds_falls_and_rests_empty() {
        let ex = by_id("box-4-4-4-4").unwrap();
        let tl = Timeline::new(&ex);
        assert_eq!(tl.breath_level(0), 0.0);
        assert!((tl.breath_level(2000) - 0.5).abs() < 1e-6);
        assert_eq!(tl.breath_level(5000), 1.0);
        assert!((tl.breath_level(10_000) - 0.5).abs() < 1e-6);
        assert_eq!(tl.breath_level(13_000), 0.0);
    }
}
