//! The echo game (*nadoen*): the app plays a short rhythm, the child taps it back, and gets
//! kind feedback per beat and one to three stars — never zero, never a negative word.
//!
//! Scoring starts where the child starts: the first tap is aligned to the first note (then
//! the alignment is refined by the median error of the matched taps, and a stray first tap
//! or a missed first note is tried as well). Taps are matched to notes in order, each at
//! most half a beat away, maximising the number matched and then minimising the error. A
//! tap within 22 % of a beat (at least 60 ms) counts as on time.

use serde::{Deserialize, Serialize};

use crate::Pattern;

/// How one note was played.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Timing {
    /// Within the tolerance.
    OnTime,
    /// Played, a little early.
    Early,
    /// Played, a little late.
    Late,
    /// No tap for it.
    Missed,
}

/// Feedback for one note of the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BeatFeedback {
    /// When the note was, ms from the first.
    pub expected_ms: f64,
    /// When the matching tap was, on the same time axis (aligned), if any.
    pub played_ms: Option<f64>,
    /// On time, early, late or missed.
    pub kind: Timing,
}

/// The outcome of one echo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EchoResult {
    /// One entry per note of the pattern.
    pub beats: Vec<BeatFeedback>,
    /// Taps that matched no note.
    pub extras: usize,
    /// 1–3; one for trying.
    pub stars: u8,
    /// What the child hears or reads.
    pub message_nl: &'static str,
    /// Subtracted from the taps to align them with the pattern, ms.
    pub offset_ms: f64,
}

impl EchoResult {
    /// [`EchoResult::message_nl`] in English.
    pub fn message_en(&self) -> &'static str {
        MESSAGES_NL
            .iter()
            .position(|m| *m == self.message_nl)
            .map_or(self.message_nl, |i| MESSAGES_EN[i])
    }

    /// Notes played on time.
    pub fn on_time(&self) -> usize {
        self.count(Timing::OnTime)
    }

    /// Notes with a given timing.
    pub fn count(&self, kind: Timing) -> usize {
        self.beats.iter().filter(|b| b.kind == kind).count()
    }
}

/// Every message the game can give (all kind).
pub const MESSAGES_NL: [&str; 5] = [
    "Precies goed!",
    "Heel goed gedaan!",
    "Bijna! Nog één keer?",
    "Goed geprobeerd! Luister nog eens en doe mee.",
    "Jouw beurt! Tik het ritme na.",
];

/// [`MESSAGES_NL`] in English, in the same order.
pub const MESSAGES_EN: [&str; 5] = [
    "Spot on!",
    "Really well done!",
    "Nearly! One more go?",
    "Good try! Listen again and join in.",
    "Your turn! Tap the rhythm back.",
];

/// A matching of taps to notes for one alignment.
struct Matching {
    /// Per note, the index of its tap.
    taps: Vec<Option<usize>>,
    matched: usize,
    on_time: usize,
    error_ms: f64,
    offset_ms: f64,
}

impl Matching {
    /// Better: more matched, then more on time, then less total error.
    fn better_than(&self, other: &Matching) -> bool {
        (self.matched, self.on_time) > (other.matched, other.on_time)
            || ((self.matched, self.on_time) == (other.matched, other.on_time)
                && self.error_ms < other.error_ms - 1e-9)
    }
}

/// Order-preserving matching of `taps - offset` to `notes` by dynamic programming: most
/// matches, then least total error; a pair may be at most `window` ms apart.
fn match_taps(notes: &[f64], taps: &[f64], offset: f64, window: f64, tol: f64) -> Matching {
    let (n, m) = (notes.len(), taps.len());
    // Cost: unmatched notes weigh more than any possible error sum.
    let big = 1e9;
    let mut cost = vec![vec![0.0f64; m + 1]; n + 1];
    for (i, row) in cost.iter_mut().enumerate() {
        row[0] = big * i as f64;
    }
    for i in 1..=n {
        for j in 1..=m {
            let mut best = cost[i - 1][j] + big; // note i-1 missed
            best = best.min(cost[i][j - 1]); // tap j-1 extra
            let d = (taps[j - 1] - offset - notes[i - 1]).abs();
            if d <= window {
                best = best.min(cost[i - 1][j - 1] + d);
            }
            cost[i][j] = best;
        }
    }
    let mut assigned = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let d = (taps[j - 1] - offset - notes[i - 1]).abs();
        if d <= window && (cost[i][j] - (cost[i - 1][j - 1] + d)).abs() < 1e-6 {
            assigned[i - 1] = Some(j - 1);
            i -= 1;
            j -= 1;
        } else if (cost[i][j] - cost[i][j - 1]).abs() < 1e-6 {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    let mut r = Matching {
        taps: assigned,
        matched: 0,
        on_time: 0,
        error_ms: 0.0,
        offset_ms: offset,
    };
    for (k, t) in r.taps.iter().enumerate() {
        if let Some(t) = t {
            let d = (taps[*t] - offset - notes[k]).abs();
            r.matched += 1;
            r.on_time += usize::from(d <= tol);
            r.error_ms += d;
        }
    }
    r
}

/// Scores taps at `answer_onsets_ms` (any time origin, e.g. `performance.now()`) against
/// `pattern`.
pub fn score(pattern: &Pattern, answer_onsets_ms: &[f64]) -> EchoResult {
    let notes = pattern.onsets_ms();
    let tol = pattern.tolerance_ms();
    let window = 0.5 * pattern.beat_ms();
    let mut taps: Vec<f64> = answer_onsets_ms
        .iter()
        .copied()
        .filter(|t| t.is_finite())
        .collect();
    taps.sort_by(f64::total_cmp);

    let mut best: Option<Matching> = None;
    for i in 0..taps.len().min(2) {
        for j in 0..notes.len().min(2) {
            let first = match_taps(&notes, &taps, taps[i] - notes[j], window, tol);
            // Refine: shift by the median error of what matched.
            let mut errs: Vec<f64> = first
                .taps
                .iter()
                .enumerate()
                .filter_map(|(k, t)| t.map(|t| taps[t] - first.offset_ms - notes[k]))
                .collect();
            errs.sort_by(f64::total_cmp);
            let refined = errs
                .get(errs.len() / 2)
                .map(|median| match_taps(&notes, &taps, first.offset_ms + median, window, tol));
            for cand in std::iter::once(first).chain(refined) {
                if best.as_ref().is_none_or(|b| cand.better_than(b)) {
                    best = Some(cand);
                }
            }
        }
    }

    let offset = best.as_ref().map_or(0.0, |b| b.offset_ms);
    let beats: Vec<BeatFeedback> = notes
        .iter()
        .enumerate()
        .map(|(k, &expected_ms)| {
            let tap = best.as_ref().and_then(|b| b.taps[k]);
            let played_ms = tap.map(|t| taps[t] - offset);
            let kind = match played_ms {
                None => Timing::Missed,
                Some(p) if (p - expected_ms).abs() <= tol => Timing::OnTime,
                Some(p) if p < expected_ms => Timing::Early,
                Some(_) => Timing::Late,
            };
            BeatFeedback {
                expected_ms,
                played_ms,
                kind,
            }
        })
        .collect();
    let matched = best.as_ref().map_or(0, |b| b.matched);
    let extras = taps.len() - matched;

    let n = notes.len().max(1) as f64;
    let on = beats.iter().filter(|b| b.kind == Timing::OnTime).count();
    let near = matched - on;
    let points = (on as f64 + 0.5 * near as f64 - 0.5 * extras as f64).max(0.0);
    let ratio = points / n;
    let stars = if ratio >= 0.85 {
        3
    } else if ratio >= 0.5 {
        2
    } else {
        1
    };
    let message_nl = if taps.is_empty() {
        MESSAGES_NL[4]
    } else {
        match stars {
            3 if on == notes.len() && extras == 0 => MESSAGES_NL[0],
            3 => MESSAGES_NL[1],
            2 => MESSAGES_NL[2],
            _ => MESSAGES_NL[3],
        }
    };
    EchoResult {
        beats,
        extras,
        stars,
        message_nl,
        offset_ms: offset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four quarters at 60 bpm: notes at 0, 1000, 2000, 3000 ms; tolerance 220 ms.
    fn four_quarters(tempo_bpm: f32) -> Pattern {
        Pattern {
            tempo_bpm,
            onsets_beats: vec![0.0, 1.0, 2.0, 3.0],
            length_beats: 4.0,
        }
    }

    fn kinds(r: &EchoResult) -> Vec<Timing> {
        r.beats.iter().map(|b| b.kind).collect()
    }

    #[test]
    fn a_perfect_echo_gets_three_stars() {
        let p = four_quarters(60.0);
        let r = score(&p, &[0.0, 1000.0, 2000.0, 3000.0]);
        assert_eq!(kinds(&r), vec![Timing::OnTime; 4]);
        assert_eq!((r.stars, r.extras, r.message_nl), (3, 0, "Precies goed!"));
        assert_eq!(r.message_en(), "Spot on!");
    }

    #[test]
    fn starting_later_is_fine_the_child_starts_when_they_start() {
        let p = four_quarters(60.0);
        let r = score(&p, &[12_345.0, 13_345.0, 14_345.0, 15_345.0]);
        assert_eq!(kinds(&r), vec![Timing::OnTime; 4]);
        assert_eq!(r.stars, 3);
        assert_eq!(r.offset_ms, 12_345.0);
        assert_eq!(r.beats[2].played_ms, Some(2000.0));
    }

    #[test]
    fn a_missing_tap_is_missed_on_its_own_beat() {
        let p = four_quarters(60.0);
        let r = score(&p, &[500.0, 1500.0, 3500.0]);
        assert_eq!(
            kinds(&r),
            [
                Timing::OnTime,
                Timing::OnTime,
                Timing::Missed,
                Timing::OnTime
            ]
        );
        assert_eq!((r.stars, r.message_nl), (2, "Bijna! Nog één keer?"));
        // Three even taps for four even notes: the child starts when they start, so the
        // last one is missing.
        let r = score(&p, &[7000.0, 8000.0, 9000.0]);
        assert_eq!(
            kinds(&r),
            [
                Timing::OnTime,
                Timing::OnTime,
                Timing::OnTime,
                Timing::Missed
            ]
        );
        // Where the rhythm tells, a missed first note is recognised: 0, 2000, 2500, 3000.
        let uneven = Pattern {
            tempo_bpm: 60.0,
            onsets_beats: vec![0.0, 2.0, 2.5, 3.0],
            length_beats: 4.0,
        };
        let r = score(&uneven, &[12_000.0, 12_500.0, 13_000.0]);
        assert_eq!(
            kinds(&r),
            [
                Timing::Missed,
                Timing::OnTime,
                Timing::OnTime,
                Timing::OnTime
            ]
        );
    }

    #[test]
    fn early_late_and_extra_taps_are_named() {
        let p = four_quarters(60.0);
        // Third tap 300 ms late (tolerance 220), then an extra tap at the end.
        let r = score(&p, &[0.0, 1000.0, 2300.0, 3000.0, 3500.0]);
        assert_eq!(
            kinds(&r),
            [Timing::OnTime, Timing::OnTime, Timing::Late, Timing::OnTime]
        );
        assert_eq!(r.extras, 1);
        let r = score(&p, &[0.0, 700.0, 2000.0, 3000.0]);
        assert_eq!(r.beats[1].kind, Timing::Early);
        assert_eq!(r.stars, 3);
        assert_eq!(r.message_nl, "Heel goed gedaan!");
    }

    #[test]
    fn the_tolerance_scales_with_the_tempo() {
        assert!((four_quarters(60.0).tolerance_ms() - 220.0).abs() < 1e-9);
        assert!((four_quarters(200.0).tolerance_ms() - 66.0).abs() < 1e-9);
        // Every second tap 100 ms late: on time at 60 bpm, late at 180 bpm.
        let answer = |beat: f64| [0.0, beat + 100.0, 2.0 * beat, 3.0 * beat + 100.0];
        let slow = score(&four_quarters(60.0), &answer(1000.0));
        assert_eq!(slow.on_time(), 4);
        let fast = score(&four_quarters(180.0), &answer(60_000.0 / 180.0));
        assert_eq!(
            kinds(&fast),
            [Timing::OnTime, Timing::Late, Timing::OnTime, Timing::Late]
        );
    }

    #[test]
    fn trying_always_earns_a_star_and_kind_words() {
        let p = four_quarters(80.0);
        let empty = score(&p, &[]);
        assert_eq!(empty.stars, 1);
        assert_eq!(kinds(&empty), vec![Timing::Missed; 4]);
        assert_eq!(empty.message_nl, "Jouw beurt! Tik het ritme na.");
        let wild = score(&p, &[0.0, 90.0, 170.0, 260.0, 300.0, 5000.0, 5100.0]);
        assert_eq!(wild.stars, 1);
        for m in MESSAGES_NL {
            for bad in [
                "fout",
                "slecht",
                "verkeerd",
                "niet goed",
                "jammer",
                "helaas",
            ] {
                assert!(!m.to_lowercase().contains(bad), "{m}");
            }
        }
    }

    #[test]
    fn a_stray_first_tap_does_not_spoil_the_echo() {
        let p = four_quarters(60.0);
        let r = score(&p, &[0.0, 600.0, 1600.0, 2600.0, 3600.0]);
        assert_eq!(r.on_time(), 4);
        assert_eq!(r.extras, 1);
        assert_eq!(r.stars, 3);
    }

    #[test]
    fn eighths_are_matched_in_order() {
        // Quarter, two eighths, quarter at 90 bpm: 0, 667, 1000, 1333 ms.
        let p = Pattern {
            tempo_bpm: 90.0,
            onsets_beats: vec![0.0, 1.0, 1.5, 2.0],
            length_beats: 4.0,
        };
        let r = score(&p, &[100.0, 780.0, 1090.0, 1420.0]);
        assert_eq!(r.on_time(), 4);
        assert_eq!(r.beats[2].played_ms, Some(990.0));
    }
}
