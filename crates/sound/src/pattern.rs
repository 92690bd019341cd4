//! Rhythms for the echo game (*nadoen*), by level: from two beats on the pulse to two bars
//! with syncopes. A level's rhythm is drawn from a seed, so the same seed gives the same
//! rhythm on every device.

use serde::{Deserialize, Serialize};

use crate::dsp::Rng;
use crate::tempo::beat_ms;

/// A difficulty level, 1 ([`EchoLevel::MIN`]) to 5 ([`EchoLevel::MAX`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "u8", into = "u8")]
pub struct EchoLevel(u8);

impl EchoLevel {
    /// Easiest level.
    pub const MIN: u8 = 1;
    /// Hardest level.
    pub const MAX: u8 = 5;

    /// Level `n`, clamped into 1–5.
    pub fn new(n: u8) -> Self {
        Self(n.clamp(Self::MIN, Self::MAX))
    }

    /// The number, 1–5.
    pub fn get(self) -> u8 {
        self.0
    }

    /// All levels, easiest first.
    pub fn all() -> impl Iterator<Item = EchoLevel> {
        (Self::MIN..=Self::MAX).map(Self)
    }

    /// What the level asks, for the therapist.
    pub fn description_nl(self) -> &'static str {
        match self.0 {
            1 => "Twee tikken op de tel",
            2 => "Vier tellen met een rust",
            3 => "Eén maat met achtsten",
            4 => "Twee maten met achtsten",
            _ => "Twee maten met syncopen",
        }
    }

    /// What the level asks, for the therapist, in English.
    pub fn description_en(self) -> &'static str {
        match self.0 {
            1 => "Two taps on the beat",
            2 => "Four beats with a rest",
            3 => "One bar with quavers",
            4 => "Two bars with quavers",
            _ => "Two bars with syncopation",
        }
    }

    fn tempo_bpm(self) -> f32 {
        [80.0, 84.0, 88.0, 92.0, 96.0][usize::from(self.0 - 1)]
    }
}

impl From<u8> for EchoLevel {
    fn from(n: u8) -> Self {
        Self::new(n)
    }
}

impl From<EchoLevel> for u8 {
    fn from(l: EchoLevel) -> u8 {
        l.0
    }
}

/// A rhythm to echo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pattern {
    /// Tempo, beats per minute.
    pub tempo_bpm: f32,
    /// When each note sounds, in beats from the first (which is at 0).
    pub onsets_beats: Vec<f32>,
    /// Length in beats.
    pub length_beats: f32,
}

impl Pattern {
    /// One beat, ms.
    pub fn beat_ms(&self) -> f64 {
        beat_ms(self.tempo_bpm)
    }

    /// When each note sounds, ms from the first.
    pub fn onsets_ms(&self) -> Vec<f64> {
        let b = self.beat_ms();
        self.onsets_beats
            .iter()
            .map(|&o| f64::from(o) * b)
            .collect()
    }

    /// Length, ms.
    pub fn length_ms(&self) -> f64 {
        f64::from(self.length_beats) * self.beat_ms()
    }

    /// How far from its note a tap may be and still be on time, ms: 22 % of a beat, at
    /// least 60 ms.
    pub fn tolerance_ms(&self) -> f64 {
        (0.22 * self.beat_ms()).max(60.0)
    }
}

/// Onsets within a cell, in beats, and the cell's length in beats.
type Cell = (&'static [f32], u8);
const QUARTER: Cell = (&[0.0], 1);
const EIGHTHS: Cell = (&[0.0, 0.5], 1);
const REST: Cell = (&[], 1);
/// Eighth, quarter, eighth: the classic syncope.
const SYNCOPE: Cell = (&[0.0, 0.5, 1.5], 2);
/// Dotted quarter and eighth.
const DOTTED: Cell = (&[0.0, 1.5], 2);
const SIMPLE: [Cell; 3] = [QUARTER, EIGHTHS, REST];
const SYNCOPATED: [Cell; 5] = [QUARTER, EIGHTHS, REST, SYNCOPE, DOTTED];

/// The rhythm for `level`; the same `seed` always gives the same rhythm, so a therapist can
/// repeat one and a session can be replayed.
pub fn pattern_for_level(level: EchoLevel, seed: u64) -> Pattern {
    let mut rng =
        Rng::new((seed ^ (seed >> 32)) as u32 ^ u32::from(level.0).wrapping_mul(0x27D4_EB2D));
    let (onsets, length): (Vec<f32>, f32) = match level.0 {
        1 => (vec![0.0, 1.0], 2.0),
        2 => {
            let choices: [&[f32]; 3] = [&[0.0, 1.0, 3.0], &[0.0, 2.0, 3.0], &[0.0, 1.0, 2.0]];
            (choices[rng.next_u32() as usize % 3].to_vec(), 4.0)
        }
        3 => (cells(&mut rng, 4, &SIMPLE, &[EIGHTHS], 1, 1), 4.0),
        4 => (cells(&mut rng, 8, &SIMPLE, &[EIGHTHS], 2, 2), 8.0),
        _ => (
            cells(&mut rng, 8, &SYNCOPATED, &[SYNCOPE, DOTTED], 1, 2),
            8.0,
        ),
    };
    Pattern {
        tempo_bpm: level.tempo_bpm(),
        onsets_beats: onsets,
        length_beats: length,
    }
}

/// Fills `beats` beats with random cells from `pool`: the first is never a rest, no two
/// rests follow each other, at most `max_rests` rests, and at least `min_special` of the
/// `special` cells (what the level is about). Drawn again until the rules hold, which takes
/// a few tries.
fn cells(
    rng: &mut Rng,
    beats: u8,
    pool: &[Cell],
    special: &[Cell],
    min_special: usize,
    max_rests: usize,
) -> Vec<f32> {
    loop {
        let mut onsets = Vec::new();
        let (mut at, mut specials, mut rests, mut last_rest) = (0u8, 0, 0, true);
        while at < beats {
            let cell = pool[rng.next_u32() as usize % pool.len()];
            let is_rest = cell.0.is_empty();
            if at + cell.1 > beats || (is_rest && last_rest) {
                continue;
            }
            onsets.extend(cell.0.iter().map(|o| f32::from(at) + o));
            specials += usize::from(special.contains(&cell));
            rests += usize::from(is_rest);
            last_rest = is_rest;
            at += cell.1;
        }
        if specials >= min_special && rests <= max_rests {
            return onsets;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score;

    /// Whether a rhythm has a syncope or dotted figure: an off-beat note held over the next
    /// beat, or a note held one and a half beats.
    fn is_syncopated(onsets_beats: &[f32]) -> bool {
        onsets_beats
            .windows(2)
            .any(|w| w[1] - w[0] == 1.5 || (w[0].fract() == 0.5 && w[1] - w[0] >= 1.0))
    }

    #[test]
    fn patterns_are_reproducible_and_fit_their_level() {
        for level in EchoLevel::all() {
            for seed in 0..50 {
                let p = pattern_for_level(level, seed);
                assert_eq!(p, pattern_for_level(level, seed));
                assert_eq!(p.onsets_beats[0], 0.0);
                assert!(p.onsets_beats.windows(2).all(|w| w[1] > w[0]));
                assert!(*p.onsets_beats.last().unwrap() < p.length_beats);
                assert!(p.onsets_beats.len() >= 2);
                // Echoing it perfectly gets three stars.
                let r = score(&p, &p.onsets_ms());
                assert_eq!(r.stars, 3, "{level:?} {seed}: {p:?}");
            }
        }
        assert_eq!(
            pattern_for_level(EchoLevel::new(1), 9).onsets_beats,
            [0.0, 1.0]
        );
        assert_eq!(pattern_for_level(EchoLevel::new(3), 1).length_beats, 4.0);
        assert_eq!(pattern_for_level(EchoLevel::new(4), 1).length_beats, 8.0);
        let eighths = (0..20)
            .map(|s| pattern_for_level(EchoLevel::new(3), s))
            .all(|p| p.onsets_beats.iter().any(|o| o.fract() == 0.5));
        assert!(eighths);
        assert!(is_syncopated(&[0.0, 0.5, 1.5, 2.0]));
        assert!(is_syncopated(&[0.0, 1.5, 2.0]));
        assert!(!is_syncopated(&[0.0, 0.5, 1.0, 1.5, 2.0, 3.0]));
        assert!(
            (0..20).all(|s| is_syncopated(&pattern_for_level(EchoLevel::new(5), s).onsets_beats))
        );

        let distinct: std::collections::BTreeSet<String> = (0..20)
            .map(|s| format!("{:?}", pattern_for_level(EchoLevel::new(4), s).onsets_beats))
            .collect();
        assert!(distinct.len() > 10);
    }

    #[test]
    fn levels_clamp_and_travel_as_numbers() {
        assert_eq!(EchoLevel::new(0).get(), 1);
        assert_eq!(EchoLevel::new(9).get(), 5);
        assert_eq!(serde_json::to_string(&EchoLevel::new(3)).unwrap(), "3");
        assert_eq!(serde_json::from_str::<EchoLevel>("7").unwrap().get(), 5);
    }
}
