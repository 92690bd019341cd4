//! The building blocks the instruments are made of: a noise source that is the same on every
//! device, filters, decaying modes, band-limited oscillators, and the finishing every buffer
//! gets (no DC, fades to zero, peak set).
//!
//! Everything runs in `f32` per sample with coefficients computed once (in `f64` where the
//! precision matters for tuning), so a second of sound costs a few hundred microseconds on a
//! tablet.

use std::f32::consts::{PI, TAU};

/// Xorshift32: reproducible noise, seeded per voice so a sound is the same on every run.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u32);

impl Rng {
    /// A generator for `seed`; nearby seeds give unrelated sequences.
    pub(crate) fn new(seed: u32) -> Self {
        // Zero is xorshift's one fixed point, and small seeds start with small states that
        // take a few steps to look random; a multiplicative hash fixes both.
        let s = seed.wrapping_add(1).wrapping_mul(0x9E37_79B9) ^ 0x85EB_CA6B;
        let mut rng = Self(if s == 0 { 0x1234_5678 } else { s });
        for _ in 0..4 {
            rng.next_u32();
        }
        rng
    }

    /// The next 32 random bits.
    pub(crate) fn next_u32(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }

    /// Uniform in [-1, 1).
    pub(crate) fn noise(&mut self) -> f32 {
        (self.next_u32() >> 8) as f32 * (2.0 / 16_777_216.0) - 1.0
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f32 {
        (self.next_u32() >> 8) as f32 / 16_777_216.0
    }
}

/// Zavalishin/Simper state-variable filter (trapezoidal): stable at every cutoff below
/// Nyquist and cheap to retune, so cutoffs can follow velocity and envelopes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Svf {
    a1: f32,
    a2: f32,
    a3: f32,
    k: f32,
    ic1: f32,
    ic2: f32,
}

impl Svf {
    /// A filter at `cutoff` Hz with resonance `q` (0.707 is flat).
    pub(crate) fn new(cutoff: f32, q: f32, sr: f32) -> Self {
        let mut f = Self {
            a1: 0.0,
            a2: 0.0,
            a3: 0.0,
            k: 0.0,
            ic1: 0.0,
            ic2: 0.0,
        };
        f.tune(cutoff, q, sr);
        f
    }

    /// Moves the cutoff, keeping the state (no click).
    pub(crate) fn tune(&mut self, cutoff: f32, q: f32, sr: f32) {
        let fc = cutoff.clamp(10.0, 0.45 * sr);
        let g = (PI * fc / sr).tan();
        let k = 1.0 / q.max(0.1);
        self.a1 = 1.0 / (1.0 + g * (g + k));
        self.a2 = g * self.a1;
        self.a3 = g * self.a2;
        self.k = k;
    }

    /// One sample in; (low, band, high) out, the band normalised to unity gain at its peak.
    #[inline]
    pub(crate) fn tick(&mut self, x: f32) -> (f32, f32, f32) {
        let v3 = x - self.ic2;
        let v1 = self.a1 * self.ic1 + self.a2 * v3;
        let v2 = self.ic2 + self.a2 * self.ic1 + self.a3 * v3;
        self.ic1 = 2.0 * v1 - self.ic1;
        self.ic2 = 2.0 * v2 - self.ic2;
        (v2, self.k * v1, x - self.k * v1 - v2)
    }

    /// Low-pass output only.
    #[inline]
    pub(crate) fn low(&mut self, x: f32) -> f32 {
        self.tick(x).0
    }

    /// Band-pass output only (unity gain at the centre).
    #[inline]
    pub(crate) fn band(&mut self, x: f32) -> f32 {
        self.tick(x).1
    }

    /// High-pass output only.
    #[inline]
    pub(crate) fn high(&mut self, x: f32) -> f32 {
        self.tick(x).2
    }
}

/// An exponential decay from 1 with time constant `tau` seconds, one multiply per sample.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Decay {
    value: f32,
    k: f32,
}

impl Decay {
    /// Starts at 1 and falls to 1/e after `tau` seconds.
    pub(crate) fn new(tau: f32, sr: f32) -> Self {
        Self {
            value: 1.0,
            k: (-1.0 / (f64::from(tau.max(1e-5)) * f64::from(sr))).exp() as f32,
        }
    }

    /// The current value; then one sample on.
    #[inline]
    pub(crate) fn next(&mut self) -> f32 {
        let v = self.value;
        self.value *= self.k;
        v
    }
}

/// One vibrating mode (of a bar, a membrane, a block): an exponentially decaying sine made by
/// rotating a phasor, so its frequency is exact and it costs four multiplies a sample.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mode {
    re: f32,
    im: f32,
    c: f32,
    s: f32,
}

impl Mode {
    /// A mode at `freq` Hz, starting amplitude `amp`, decay time constant `tau` seconds;
    /// silent if the frequency would not fit below Nyquist (it would alias to a wrong note).
    pub(crate) fn new(freq: f32, amp: f32, tau: f32, sr: f32) -> Self {
        let ok = freq > 0.0 && freq < 0.45 * sr;
        let w = std::f64::consts::TAU * f64::from(freq) / f64::from(sr);
        let r = (-1.0 / (f64::from(tau.max(1e-5)) * f64::from(sr))).exp();
        Self {
            re: if ok { amp } else { 0.0 },
            im: 0.0,
            c: (r * w.cos()) as f32,
            s: (r * w.sin()) as f32,
        }
    }

    /// The current value (starts at 0, like a struck bar); then one sample on.
    #[inline]
    pub(crate) fn tick(&mut self) -> f32 {
        let out = self.im;
        let re = self.re * self.c - self.im * self.s;
        self.im = self.re * self.s + self.im * self.c;
        self.re = re;
        out
    }
}

/// Sum of several modes, one sample.
#[inline]
pub(crate) fn tick_all(modes: &mut [Mode]) -> f32 {
    modes.iter_mut().map(Mode::tick).sum()
}

/// A sine whose frequency may change every sample (kick and tom pitch drops).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Sweep {
    phase: f32,
}

impl Sweep {
    /// sin of the current phase; then advance by `freq`.
    #[inline]
    pub(crate) fn tick(&mut self, freq: f32, sr: f32) -> f32 {
        let out = (TAU * self.phase).sin();
        self.phase += freq / sr;
        if self.phase >= 1.0 {
            self.phase -= 1.0;
        }
        out
    }
}

/// PolyBLEP correction for a jump of height 2 at phase 0 (Välimäki): removes most of the
/// aliasing of naive saws and squares for the price of a branch.
#[inline]
fn blep(t: f32, dt: f32) -> f32 {
    if t < dt {
        let x = t / dt;
        x + x - x * x - 1.0
    } else if t > 1.0 - dt {
        let x = (t - 1.0) / dt;
        x * x + x + x + 1.0
    } else {
        0.0
    }
}

/// A band-limited oscillator (saw or square) with a fixed frequency.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Osc {
    phase: f32,
    dt: f32,
}

impl Osc {
    /// At `freq` Hz, starting at `phase` (0–1).
    pub(crate) fn new(freq: f32, phase: f32, sr: f32) -> Self {
        Self {
            phase: phase.rem_euclid(1.0),
            dt: (freq / sr).min(0.45),
        }
    }

    #[inline]
    fn advance(&mut self) {
        self.phase += self.dt;
        if self.phase >= 1.0 {
            self.phase -= 1.0;
        }
    }

    /// A rising saw in [-1, 1].
    #[inline]
    pub(crate) fn saw(&mut self) -> f32 {
        let out = 2.0 * self.phase - 1.0 - blep(self.phase, self.dt);
        self.advance();
        out
    }

    /// A square in [-1, 1].
    #[inline]
    pub(crate) fn square(&mut self) -> f32 {
        let t = self.phase;
        let naive = if t < 0.5 { 1.0 } else { -1.0 };
        let out = naive + blep(t, self.dt) - blep((t + 0.5) % 1.0, self.dt);
        self.advance();
        out
    }
}

/// `tanh`-shaped saturation normalised so that `drive` changes colour, not peak level:
/// harder hits drive the body of a drum into gentle harmonics.
#[inline]
pub(crate) fn saturate(x: f32, drive: f32) -> f32 {
    (x * drive).tanh() / drive.tanh()
}

/// The finishing every buffer gets, in this order: a 10 Hz DC blocker, a tiny fade-in and a
/// raised-cosine fade-out to exactly zero, the remaining mean subtracted as a Hann-shaped
/// bump (zero at both ends, so the fades survive), and the peak set to `peak`.
pub(crate) fn finish(buf: &mut [f32], sr: f32, peak: f32) {
    let n = buf.len();
    if n < 4 {
        buf.fill(0.0);
        return;
    }
    // One-pole DC blocker.
    let a = (-TAU * 10.0 / sr).exp();
    let (mut x1, mut y1) = (0.0f32, 0.0f32);
    for s in buf.iter_mut() {
        let y = a * (y1 + *s - x1);
        x1 = *s;
        y1 = y;
        *s = y;
    }
    // Fades: in over 0.3 ms (no step from silence, the attack stays), out over 15 % of the
    // sound (5–300 ms) so long rings end smoothly.
    let fade_in = ((0.0003 * sr) as usize).clamp(1, n / 4);
    for (i, s) in buf.iter_mut().take(fade_in).enumerate() {
        *s *= i as f32 / fade_in as f32;
    }
    let fade_out = ((n as f32 * 0.15) as usize).clamp((0.005 * sr) as usize, (0.3 * sr) as usize);
    let fade_out = fade_out.min(n / 2).max(1);
    for j in 0..fade_out {
        let g = 0.5 - 0.5 * (PI * j as f32 / fade_out as f32).cos();
        buf[n - 1 - j] *= g;
    }
    // Exact zero mean without touching the ends: subtract sin²(πi/(n−1)) scaled; those
    // weights sum to (n−1)/2. The sine runs by the Chebyshev recurrence (no sin() per
    // sample), in f64 so it stays exact over seconds.
    let sum: f64 = buf.iter().map(|&s| f64::from(s)).sum();
    let m = sum / ((n - 1) as f64 / 2.0);
    let theta = std::f64::consts::PI / (n - 1) as f64;
    let two_cos = 2.0 * theta.cos();
    let (mut prev, mut cur) = (-theta.sin(), 0.0f64);
    for s in buf.iter_mut() {
        *s -= (m * cur * cur) as f32;
        let next = two_cos * cur - prev;
        prev = cur;
        cur = next;
    }
    let max = buf.iter().fold(0.0f32, |m, s| m.max(s.abs()));
    if max > 0.0 {
        let g = peak / max;
        for s in buf.iter_mut() {
            *s *= g;
        }
    }
}

/// Frequency of a MIDI note (A4 = 69 = 440 Hz, equal temperament).
pub fn midi_to_hz(note: f32) -> f32 {
    (440.0 * 2f64.powf((f64::from(note) - 69.0) / 12.0)) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_is_reproducible_and_spread_over_minus_one_to_one() {
        let a: Vec<f32> = {
            let mut r = Rng::new(7);
            (0..1000).map(|_| r.noise()).collect()
        };
        let mut r = Rng::new(7);
        assert!(a.iter().all(|&x| x == r.noise()));
        assert!(a.iter().all(|&x| (-1.0..1.0).contains(&x)));
        let mean = a.iter().sum::<f32>() / 1000.0;
        assert!(mean.abs() < 0.06, "{mean}");
        assert_ne!(Rng::new(1).noise(), Rng::new(2).noise());
    }

    #[test]
    fn a_mode_rings_at_its_frequency_and_decays_by_its_time_constant() {
        let sr = 48_000.0;
        let mut m = Mode::new(1000.0, 1.0, 0.1, sr);
        let v: Vec<f32> = (0..4800).map(|_| m.tick()).collect();
        // 1000 Hz at 48 kHz: a quarter period is 12 samples.
        assert!(v[0].abs() < 1e-6);
        assert!((v[12] - (-12.0 / 4800.0f32).exp()).abs() < 1e-4);
        // After 0.1 s (4800 samples) the envelope is 1/e.
        let last_peak = v[4800 - 48..].iter().fold(0.0f32, |m, s| m.max(s.abs()));
        assert!((last_peak - (-1.0f32).exp()).abs() < 0.01, "{last_peak}");
    }

    #[test]
    fn the_band_pass_passes_its_centre_at_unity_and_stops_far_away() {
        let sr = 48_000.0;
        let gain = |f: f32| {
            let mut svf = Svf::new(1000.0, 2.0, sr);
            let mut osc = Sweep::default();
            let mut peak = 0.0f32;
            for i in 0..48_000 {
                let y = svf.band(osc.tick(f, sr));
                if i > 24_000 {
                    peak = peak.max(y.abs());
                }
            }
            peak
        };
        assert!((gain(1000.0) - 1.0).abs() < 0.02);
        assert!(gain(100.0) < 0.06);
        assert!(gain(10_000.0) < 0.06);
    }

    #[test]
    fn finishing_removes_dc_sets_the_peak_and_ends_at_zero() {
        let sr = 48_000.0;
        let mut buf = vec![0.5f32; 4800];
        for (i, s) in buf.iter_mut().enumerate() {
            *s += (i as f32 * 0.05).sin();
        }
        finish(&mut buf, sr, 0.8);
        let mean = buf.iter().sum::<f32>() / buf.len() as f32;
        assert!(mean.abs() < 1e-5, "{mean}");
        let peak = buf.iter().fold(0.0f32, |m, s| m.max(s.abs()));
        assert!((peak - 0.8).abs() < 1e-5);
        assert_eq!(buf[0], 0.0);
        assert!(buf[buf.len() - 1].abs() < 1e-6);
    }

    #[test]
    fn a4_is_440_hz_and_an_octave_doubles() {
        assert_eq!(midi_to_hz(69.0), 440.0);
        assert!((midi_to_hz(60.0) - 261.625_58).abs() < 1e-3);
        assert!((midi_to_hz(81.0) - 880.0).abs() < 1e-3);
    }
}
