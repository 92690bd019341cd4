//! Pitched voices: tone bars and the soft pad.
//!
//! A bar rings in its bending modes. The xylophone's bars are undercut so their overtones
//! sit near 3.93× and 9.6× the fundamental (bright and woody, a fast decay); the
//! metallophone's are plain bars (2.76×, 5.40×, 8.93×) that ring for seconds. The mallet is a
//! short burst of low-passed noise; a harder stroke excites more of the upper modes and a
//! brighter click. The pad is three slightly detuned band-limited saws and a sine through a
//! low-pass that opens while the tone swells in.

use crate::Voice;
use crate::dsp::{Decay, Mode, Osc, Rng, Svf, midi_to_hz, tick_all};

/// Length of a pad tone, seconds.
pub(crate) const PAD_DURATION_S: f32 = 1.5;

/// How a kind of bar rings: mode ratios, their amplitudes (soft, added at full velocity),
/// and decay relative to the fundamental's.
struct BarKind {
    ratios: [f32; 4],
    amps: [(f32, f32); 4],
    decays: [f32; 4],
}

const XYLOPHONE: BarKind = BarKind {
    ratios: [1.0, 3.93, 9.6, 0.0],
    amps: [(1.0, 0.0), (0.1, 0.3), (0.0, 0.12), (0.0, 0.0)],
    decays: [1.0, 0.35, 0.15, 0.0],
};

const METALLOPHONE: BarKind = BarKind {
    ratios: [1.0, 2.76, 5.40, 8.93],
    amps: [(1.0, 0.0), (0.12, 0.3), (0.02, 0.14), (0.0, 0.06)],
    decays: [1.0, 0.45, 0.25, 0.15],
};

/// Decay time constant of a bar's fundamental: low bars ring longer.
fn fundamental_tau(voice: Voice, note: u8) -> f32 {
    let f = midi_to_hz(f32::from(note));
    match voice {
        Voice::Metallophone(_) => (0.9 * (523.25 / f).powf(0.3)).clamp(0.35, 1.5),
        _ => (0.22 * (523.25 / f).powf(0.4)).clamp(0.08, 0.5),
    }
}

/// Length of a bar's buffer: until the fundamental is ~35 dB (xylophone) or ~26 dB
/// (metallophone, capped at 3 s) down.
pub(crate) fn duration_s(voice: Voice, note: u8) -> f32 {
    let tau = fundamental_tau(voice, note);
    match voice {
        Voice::Metallophone(_) => (3.0 * tau).clamp(1.2, 3.0),
        _ => (4.0 * tau + 0.05).clamp(0.4, 1.6),
    }
}

/// A struck tone bar (`voice` is a xylophone or metallophone).
pub(crate) fn bar(out: &mut [f32], voice: Voice, v: f32, sr: f32, rng: &mut Rng) {
    let note = voice.note().unwrap_or(60);
    let kind = match voice {
        Voice::Metallophone(_) => &METALLOPHONE,
        _ => &XYLOPHONE,
    };
    let f = midi_to_hz(f32::from(note));
    let tau = fundamental_tau(voice, note);
    let mut modes: Vec<Mode> = (0..4)
        .filter(|&k| kind.ratios[k] > 0.0)
        .map(|k| {
            let (soft, extra) = kind.amps[k];
            let amp = soft + extra * v * v.sqrt();
            Mode::new(f * kind.ratios[k], amp, tau * kind.decays[k], sr)
        })
        .collect();
    // The mallet: a couple of ms of noise, low-passed lower for a soft touch. Its level is
    // relative to the fundamental so high bars (whose upper modes fall past Nyquist) keep
    // the same balance.
    let mut mallet = Svf::new(1500.0 + 5000.0 * v, 0.7, sr);
    let mut mallet_env = Decay::new(0.0012, sr);
    let mallet_level = 0.05 + 0.15 * v;
    for s in out.iter_mut() {
        *s = tick_all(&mut modes) + mallet.low(rng.noise()) * mallet_env.next() * mallet_level;
    }
}

/// Detuning of the pad's saws, cents (the middle one is exact, so the tone is in tune).
const PAD_DETUNE: [f32; 3] = [-7.0, 0.0, 7.0];

/// The soft pad: saws at −7, 0 and +7 cents and a sine, through a low-pass that opens as the
/// tone swells in over 0.35 s (further for a harder touch), then fades out.
pub(crate) fn pad(out: &mut [f32], note: u8, v: f32, sr: f32, rng: &mut Rng) {
    let f = midi_to_hz(f32::from(note));
    let mut saws: Vec<Osc> = PAD_DETUNE
        .iter()
        .map(|c| Osc::new(f * 2f32.powf(c / 1200.0), rng.unit(), sr))
        .collect();
    let mut sine = Mode::new(f, 0.6, 1e3, sr);
    let q = 0.8;
    let mut lp = Svf::new(f, q, sr);
    let n = out.len();
    let attack = (0.35 * sr) as usize;
    let release_start = (0.8 * sr) as usize;
    let open = 1.0 + 5.0 * v;
    let cutoff_max = 12_000.0f32.min(0.45 * sr);
    for (i, s) in out.iter_mut().enumerate() {
        let env = if i < attack {
            let x = i as f32 / attack as f32;
            x * x * (3.0 - 2.0 * x)
        } else if i < release_start {
            1.0
        } else {
            let x = (i - release_start) as f32 / (n - release_start).max(1) as f32;
            (1.0 - x).max(0.0).powi(2)
        };
        // Retuning costs a tan(); every 16 samples is smooth enough for a slow sweep.
        if i % 16 == 0 {
            lp.tune((f * (1.0 + open * env)).min(cutoff_max), q, sr);
        }
        let saw: f32 = saws.iter_mut().map(Osc::saw).sum::<f32>() * (1.0 / 3.0);
        *s = (lp.low(saw) + sine.tick()) * env;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{cents, peak_frequency};
    use crate::{Scale, render};

    /// Notes the bar layouts use: C pentatonic over two octaves from C4, the ends of the
    /// major and minor scales, and bars further out.
    fn notes() -> Vec<u8> {
        let mut n = Scale::Pentatonic.notes(60, 11);
        n.extend([48, 53, 59, 66, 70, 83, 88, 96]);
        n
    }

    #[test]
    fn every_bar_is_within_five_cents_of_its_note() {
        for sr in [48_000, 44_100] {
            for note in notes() {
                for voice in [Voice::Xylophone(note), Voice::Metallophone(note)] {
                    let b = render(voice, 1.0, sr);
                    let want = midi_to_hz(f32::from(note));
                    let got = peak_frequency(&b, sr, want, 0.005, 0.25);
                    let off = cents(got, want);
                    assert!(
                        off.abs() < 5.0,
                        "{voice} at {sr}: {got} Hz, {off:+.2} cents"
                    );
                }
            }
        }
    }

    #[test]
    fn the_pad_is_in_tune_too() {
        for note in [48, 60, 67, 72] {
            let b = render(Voice::Pad(note), 0.8, 48_000);
            let want = midi_to_hz(f32::from(note));
            let got = peak_frequency(&b, 48_000, want, 0.3, 0.5);
            assert!(cents(got, want).abs() < 5.0, "pad {note}: {got} Hz");
        }
    }

    #[test]
    fn the_xylophone_overtone_sits_at_3_93_and_the_metallophone_at_2_76() {
        let sr = 48_000;
        let f = midi_to_hz(60.0);
        let x = render(Voice::Xylophone(60), 1.0, sr);
        let got = peak_frequency(&x, sr, f * 3.93, 0.005, 0.1);
        assert!(cents(got, f * 3.93).abs() < 5.0, "{got}");
        let m = render(Voice::Metallophone(60), 1.0, sr);
        let got = peak_frequency(&m, sr, f * 2.76, 0.005, 0.2);
        assert!(cents(got, f * 2.76).abs() < 5.0, "{got}");
    }

    #[test]
    fn a_metallophone_rings_longer_than_a_xylophone() {
        for note in [60, 72] {
            assert!(
                Voice::Metallophone(note).duration_s() > 2.0 * Voice::Xylophone(note).duration_s()
            );
        }
        assert!(Voice::Xylophone(48).duration_s() > Voice::Xylophone(84).duration_s());
    }
}
