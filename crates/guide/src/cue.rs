//! The soft sounds that mark a phase change, made here as samples so the tablet plays exactly
//! what was tested: a gentle tone that glides up for breathing in, down for breathing out, a
//! single quiet tone for holding, and a low warm tone for letting go.

use crate::PhaseKind;

/// Length of a cue in seconds.
pub const CUE_SECONDS: f32 = 0.7;

/// Start and end pitch (Hz) of the cue for `kind`.
pub fn cue_pitch(kind: PhaseKind) -> (f32, f32) {
    match kind {
        // G4 up to C5, C5 down to G4: a fourth, easy to tell apart with eyes closed.
        PhaseKind::In | PhaseKind::Tense => (392.0, 523.25),
        PhaseKind::Out | PhaseKind::Release => (523.25, 392.0),
        PhaseKind::Hold | PhaseKind::HoldEmpty => (440.0, 440.0),
        _ => (349.23, 349.23),
    }
}

/// Mono samples of the cue for `kind` at `sample_rate`: a sine with a soft second partial,
/// gliding between the pitches of [`cue_pitch`], with a 40 ms rise and a long fade to silence.
/// Peak stays at or under 0.35 so a cue never startles.
pub fn cue_samples(kind: PhaseKind, sample_rate: u32) -> Vec<f32> {
    let rate = sample_rate.max(8000) as f32;
    let n = (CUE_SECONDS * rate) as usize;
    let (f0, f1) = cue_pitch(kind);
    let loud = match kind {
        PhaseKind::Hold | PhaseKind::HoldEmpty => 0.2,
        _ => 0.33,
    };
    let mut phase = 0.0f32;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let t = i as f32 / n as f32;
        // Glide in the first 60 % of the cue, then stay.
        let g = (t / 0.6).min(1.0);
        let glide = g * g * (3.0 - 2.0 * g);
        let f = f0 * (f1 / f0).powf(glide);
        phase += std::f32::consts::TAU * f / rate;
        if phase > std::f32::consts::TAU {
            phase -= std::f32::consts::TAU;
        }
        let attack = (i as f32 / (0.04 * rate)).min(1.0);
        let release = (1.0 - t).powi(2);
        let s = phase.sin() + 0.18 * (2.0 * phase).sin();
        out.push(loud * attack * release * s / 1.18);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Frequency from upward zero crossings, with linear interpolation between samples.
    fn pitch(s: &[f32], rate: f32) -> f32 {
        let mut crossings = Vec::new();
        for i in 1..s.len() {
            if s[i - 1] < 0.0 && s[i] >= 0.0 {
                crossings.push((i - 1) as f32 + s[i - 1] / (s[i - 1] - s[i]));
            }
        }
        let (first, last) = (crossings[0], crossings[crossings.len() - 1]);
        rate * (crossings.len() - 1) as f32 / (last - first)
    }

    #[test]
    fn breathing_in_glides_up_and_out_glides_down() {
        let rate = 48_000;
        for (kind, up) in [(PhaseKind::In, true), (PhaseKind::Out, false)] {
            let s = cue_samples(kind, rate);
            assert_eq!(s.len(), 33_600);
            let early = pitch(&s[500..4000], rate as f32);
            let late = pitch(&s[24_000..30_000], rate as f32);
            let (lo, hi) = (392.0, 523.25);
            if up {
                assert!(
                    (early - lo).abs() < 25.0 && (late - hi).abs() < 3.0,
                    "{early} → {late}"
                );
            } else {
                assert!(
                    (early - hi).abs() < 25.0 && (late - lo).abs() < 3.0,
                    "{early} → {late}"
                );
            }
        }
    }

    #[test]
    fn cues_are_soft_and_end_in_silence() {
        for kind in [
            PhaseKind::In,
            PhaseKind::Hold,
            PhaseKind::Release,
            PhaseKind::Look,
        ] {
            let s = cue_samples(kind, 44_100);
            let peak = s.iter().fold(0.0f32, |m, v| m.max(v.abs()));
            assert!(peak > 0.1 && peak <= 0.35, "{kind:?}: {peak}");
            assert!(s[0].abs() < 1e-3 && s[s.len() - 1].abs() < 1e-4);
        }
    }
}
