//! The drum kit and small percussion, each made the way drum synthesists make them: kick and
//! toms from pitch-dropping sines, the snare from two drum modes and filtered noise, hats from
//! detuned squares (the 808's metal) and high-passed noise, the clap from staggered noise
//! bursts, the woodblock from short wooden modes, the shaker from grainy band-passed noise.
//!
//! Velocity `v` (0–1) opens filters, adds click, drive and upper partials: a hard hit is
//! brighter, not only louder. The caller normalises the peak.

use crate::dsp::{Decay, Mode, Osc, Rng, Svf, Sweep, saturate, tick_all};

/// Kick: a sine falling from 120–230 Hz to 50 Hz in ~30 ms, gently saturated, plus a
/// band-passed click for the beater.
pub(crate) fn kick(out: &mut [f32], v: f32, sr: f32, rng: &mut Rng) {
    let f_end = 50.0;
    let mut bend = 70.0 + 110.0 * v;
    let bend_k = (-1.0 / (0.03 * sr)).exp();
    let mut body_env = Decay::new(0.16 + 0.04 * v, sr);
    let drive = 1.2 + 2.3 * v;
    let mut osc = Sweep::default();
    let mut click_filter = Svf::new(2500.0 + 3500.0 * v, 0.9, sr);
    let mut click_env = Decay::new(0.003, sr);
    let click_level = 0.08 + 0.4 * v;
    // A short hold before the body decays: the "punch".
    let hold = (0.012 * sr) as usize;
    for (i, s) in out.iter_mut().enumerate() {
        let f = f_end + bend;
        bend *= bend_k;
        let env = if i < hold { 1.0 } else { body_env.next() };
        let body = saturate(osc.tick(f, sr) * env, drive);
        let click = click_filter.band(rng.noise()) * click_env.next() * click_level;
        *s = body + click;
    }
}

/// Snare: the drum's two lowest modes (about 185 and 330 Hz, dropping a little in pitch)
/// and the wires as high-passed noise whose low-pass opens with velocity.
pub(crate) fn snare(out: &mut [f32], v: f32, sr: f32, rng: &mut Rng) {
    let (f1, f2) = (185.0, 330.0);
    let mut bend = 0.12 + 0.25 * v;
    let bend_k = (-1.0 / (0.012 * sr)).exp();
    let (mut o1, mut o2) = (Sweep::default(), Sweep::default());
    let (mut e1, mut e2) = (Decay::new(0.07, sr), Decay::new(0.045, sr));
    let mut hp = Svf::new(1200.0, 0.7, sr);
    let mut lp = Svf::new(3500.0 + 8000.0 * v, 0.7, sr);
    let mut wires = Decay::new(0.075 + 0.04 * v, sr);
    let mut snap = Decay::new(0.008, sr);
    let noise_level = 0.35 + 0.65 * v;
    for s in out.iter_mut() {
        let b = 1.0 + bend;
        bend *= bend_k;
        let tone = o1.tick(f1 * b, sr) * e1.next() + 0.6 * o2.tick(f2 * b, sr) * e2.next();
        let n = lp.low(hp.high(rng.noise()));
        let noise = n * (wires.next() + 0.6 * v * snap.next()) * noise_level;
        *s = 0.8 * tone + 1.4 * noise;
    }
}

/// The six square-wave frequencies of the TR-808 cymbal circuit, raised a little for a
/// crisper modern hat.
const METAL_HZ: [f32; 6] = [205.3, 304.4, 369.6, 522.7, 540.0, 800.0];

/// Hi-hat: six detuned squares band-passed high (metal), plus high-passed noise (sizzle).
pub(crate) fn hihat(out: &mut [f32], v: f32, sr: f32, rng: &mut Rng, open: bool) {
    let mut oscs: Vec<Osc> = METAL_HZ
        .iter()
        .map(|f| Osc::new(f * 1.45, rng.unit(), sr))
        .collect();
    let mut band = Svf::new(5500.0 + 5000.0 * v, 1.1, sr);
    let mut metal_hp = Svf::new(4500.0 + 3000.0 * v, 0.7, sr);
    let mut noise_hp = Svf::new(4000.0 + 5000.0 * v, 0.7, sr);
    let tau = if open {
        0.22 + 0.08 * v
    } else {
        0.022 + 0.012 * v
    };
    let mut env = Decay::new(tau, sr);
    // The stick's tick: a few ms of extra sizzle on hard hits.
    let mut tick = Decay::new(0.004, sr);
    let sizzle = 0.15 + 0.55 * v;
    for s in out.iter_mut() {
        let sq: f32 = oscs.iter_mut().map(Osc::square).sum::<f32>() * (1.0 / 6.0);
        let metal = metal_hp.high(band.band(sq));
        let noise = noise_hp.high(rng.noise());
        *s = (metal + sizzle * noise) * (env.next() + 0.5 * v * tick.next());
    }
}

/// Hand clap: four noise bursts 8–12 ms apart (several hands), then a longer tail, all
/// band-passed around 1–1.8 kHz.
pub(crate) fn clap(out: &mut [f32], v: f32, sr: f32, rng: &mut Rng) {
    let mut starts = [0usize; 4];
    let mut t = 0.0f32;
    for s in starts.iter_mut() {
        *s = (t * sr) as usize;
        t += 0.008 + 0.004 * rng.unit();
    }
    let tail_start = starts[3];
    let mut bursts = [Decay::new(0.0045, sr); 4];
    let mut tail = Decay::new(0.07 + 0.04 * v, sr);
    let mut band = Svf::new(1000.0 + 800.0 * v, 1.9 - 0.7 * v, sr);
    // A little air above the band, more on a hard clap; low-passed so it does not hiss.
    let mut air = Svf::new(2500.0 + 1500.0 * v, 0.7, sr);
    let mut air_lp = Svf::new(7000.0, 0.7, sr);
    let air_level = 0.05 + 0.25 * v;
    for (i, s) in out.iter_mut().enumerate() {
        let mut env = 0.0;
        for (k, b) in bursts.iter_mut().enumerate() {
            if i >= starts[k] {
                env += b.next();
            }
        }
        if i >= tail_start {
            env += 0.5 * tail.next();
        }
        let n = rng.noise();
        let (_, bp, _) = band.tick(n);
        *s = (bp + air_level * air_lp.low(air.high(n))) * env;
    }
}

/// Tom: a sine dropping from up to twice its pitch, a quieter second membrane mode (×1.59),
/// and a band-passed stick noise; velocity bends further and adds stick and drive.
pub(crate) fn tom(out: &mut [f32], v: f32, sr: f32, rng: &mut Rng, f0: f32, tau: f32) {
    let mut bend = 0.35 + 0.5 * v;
    let bend_k = (-1.0 / (0.05 * sr)).exp();
    let mut osc = Sweep::default();
    let mut env = Decay::new(tau, sr);
    let mut upper = Mode::new(f0 * 1.59, 0.15 + 0.3 * v, tau * 0.45, sr);
    let mut stick = Svf::new(1500.0 + 2500.0 * v, 0.8, sr);
    let mut stick_env = Decay::new(0.012, sr);
    let stick_level = 0.1 + 0.35 * v;
    let drive = 1.1 + 1.5 * v;
    for s in out.iter_mut() {
        let f = f0 * (1.0 + bend);
        bend *= bend_k;
        let body = saturate(osc.tick(f, sr) * env.next() + upper.tick(), drive);
        *s = body + stick.band(rng.noise()) * stick_env.next() * stick_level;
    }
}

/// Woodblock: three short modes of a hollow wooden block and a click; velocity brings out
/// the upper modes.
pub(crate) fn woodblock(out: &mut [f32], v: f32, sr: f32, rng: &mut Rng) {
    let f0 = 1050.0;
    let mut modes = [
        Mode::new(f0, 1.0, 0.045, sr),
        Mode::new(f0 * 2.57, 0.15 + 0.4 * v, 0.02, sr),
        Mode::new(f0 * 4.1, 0.25 * v, 0.011, sr),
    ];
    let mut click = Svf::new(3000.0 + 3000.0 * v, 0.8, sr);
    let mut click_env = Decay::new(0.0015, sr);
    let click_level = 0.1 + 0.5 * v;
    for s in out.iter_mut() {
        *s = tick_all(&mut modes) + click.band(rng.noise()) * click_env.next() * click_level;
    }
}

/// Shaker: band-passed noise with a soft (raised-cosine) attack, made grainy by random bead
/// hits; harder shakes are brighter and start faster.
pub(crate) fn shaker(out: &mut [f32], v: f32, sr: f32, rng: &mut Rng) {
    let mut band = Svf::new(4500.0 + 4000.0 * v, 1.2, sr);
    let mut hp = Svf::new(2000.0, 0.7, sr);
    let attack = ((0.03 - 0.015 * v) * sr) as usize;
    let mut decay = Decay::new(0.05, sr);
    // Beads: each sample a bead hits with this probability; its knock fades in ~1 ms.
    let p_hit = 2500.0 / sr;
    let bead_k = (-1.0 / (0.001 * sr)).exp();
    let mut beads = 0.0f32;
    for (i, s) in out.iter_mut().enumerate() {
        let env = if i < attack {
            let x = i as f32 / attack as f32;
            0.5 - 0.5 * (std::f32::consts::PI * x).cos()
        } else {
            decay.next()
        };
        if rng.unit() < p_hit {
            beads += 0.5 + rng.unit();
        }
        beads *= bead_k;
        let n = hp.high(band.band(rng.noise()));
        *s = n * env * (0.35 + beads.min(2.0));
    }
}
