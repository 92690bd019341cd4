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
mod tests;
