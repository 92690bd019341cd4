//! The djembe's three strokes from the modes of a circular membrane (ratios 1, 1.59, 2.14,
//! 2.30, 2.65, 2.92, 3.16, 3.50 — the zeros of the Bessel functions): the bass is the deep
//! air resonance of the goblet, the tone the membrane's lower modes, the slap its upper modes
//! with a crack of noise from loose fingers.

use crate::dsp::{Decay, Mode, Rng, Svf, Sweep, saturate, tick_all};

/// Membrane mode ratios (ideal circular membrane).
const MEMBRANE: [f32; 8] = [1.0, 1.594, 2.136, 2.296, 2.653, 2.918, 3.156, 3.501];

/// Bass: the goblet's air resonance near 75 Hz with a small drop in pitch, a trace of the
/// first membrane mode, and the soft thud of the palm.
pub(crate) fn djembe_bass(out: &mut [f32], v: f32, sr: f32, rng: &mut Rng) {
    let f0 = 72.0;
    let mut bend = 0.2 + 0.25 * v;
    let bend_k = (-1.0 / (0.035 * sr)).exp();
    let mut osc = Sweep::default();
    let mut env = Decay::new(0.17, sr);
    let mut skin = Mode::new(f0 * 2.9, 0.1 + 0.25 * v, 0.05, sr);
    let mut palm = Svf::new(350.0 + 1200.0 * v, 0.7, sr);
    let mut palm_env = Decay::new(0.012, sr);
    let palm_level = 0.3 + 0.4 * v;
    let drive = 1.1 + 1.2 * v;
    for s in out.iter_mut() {
        let f = f0 * (1.0 + bend);
        bend *= bend_k;
        let body = saturate(osc.tick(f, sr) * env.next() + skin.tick(), drive);
        *s = body + palm.low(rng.noise()) * palm_env.next() * palm_level;
    }
}

/// Tone: the five lowest membrane modes around 310 Hz, the upper ones stronger on harder
/// hits, with the short slap of the fingers.
pub(crate) fn djembe_tone(out: &mut [f32], v: f32, sr: f32, rng: &mut Rng) {
    let f0 = 310.0;
    let b = 0.3 + 0.7 * v;
    let amps = [1.0, 0.55, 0.35 * b, 0.25 * b, 0.15 * b];
    let taus = [0.15, 0.09, 0.06, 0.05, 0.04];
    let mut modes: Vec<Mode> = (0..5)
        .map(|k| Mode::new(f0 * MEMBRANE[k], amps[k], taus[k], sr))
        .collect();
    let mut hand = Svf::new(1200.0 + 2000.0 * v, 1.0, sr);
    let mut hand_env = Decay::new(0.008, sr);
    let hand_level = 0.2 + 0.4 * v;
    for s in out.iter_mut() {
        *s = tick_all(&mut modes) + hand.band(rng.noise()) * hand_env.next() * hand_level;
    }
}

/// Slap: all eight modes from 390 Hz up, short, and a crack of band-passed noise that
/// brightens with velocity.
pub(crate) fn djembe_slap(out: &mut [f32], v: f32, sr: f32, rng: &mut Rng) {
    let f0 = 390.0;
    let b = 0.4 + 0.6 * v;
    let mut modes: Vec<Mode> = MEMBRANE
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let amp = if k < 2 { 0.7 } else { 0.8 * b };
            Mode::new(f0 * r, amp, 0.07 / (1.0 + 0.15 * k as f32), sr)
        })
        .collect();
    let mut crack = Svf::new(2500.0 + 3000.0 * v, 0.9, sr);
    let mut air = Svf::new(5000.0, 0.7, sr);
    let mut crack_env = Decay::new(0.02 + 0.01 * v, sr);
    let crack_level = 0.5 + 0.6 * v;
    for s in out.iter_mut() {
        let n = rng.noise();
        let noise = crack.band(n) + 0.5 * v * air.high(n);
        *s = 0.6 * tick_all(&mut modes) + noise * crack_env.next() * crack_level;
    }
}
