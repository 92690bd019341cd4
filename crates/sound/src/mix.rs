//! Mixing a recording down to one buffer with the very sounds the pads made, and writing it
//! as a 16-bit WAV file in memory (for saving with the session or sharing).

use std::collections::BTreeMap;
use std::io::Cursor;

use crate::ceiling::soft_limit;
use crate::voice::clamp_rate;
use crate::{Recording, Voice, render, step_velocity, velocity_step};

/// How to mix.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MixOptions {
    /// How many times a loop plays (free play always plays once); 1–64.
    pub repeats: u32,
    /// Gain on the sum before limiting; each voice peaks near 0.9, so several at once need
    /// less than 1.
    pub gain: f32,
}

impl Default for MixOptions {
    /// One pass, gain 0.7.
    fn default() -> Self {
        Self {
            repeats: 1,
            gain: 0.7,
        }
    }
}

/// Most loop repeats.
const MAX_REPEATS: u32 = 64;
/// Longest mix, seconds: ten minutes of play and the longest ring-out.
const MAX_MIX_S: f64 = Recording::MAX_LENGTH_MS as f64 / 1000.0 + 3.0;

/// [`mix_with`] with the default options: a loop plays once.
pub fn mix(rec: &Recording, sample_rate: u32) -> Vec<f32> {
    mix_with(rec, sample_rate, &MixOptions::default())
}

/// All unmuted layers of `rec` mixed at `sample_rate` (clamped like [`render`]'s).
///
/// Each distinct voice and velocity step is rendered once (with [`velocity_step`], as the
/// pads do). The buffer is the recording's length (× `repeats` for loops) plus however long
/// the last sounds ring; nothing exceeds ±0.95. Meant for validated recordings; anything
/// beyond ten minutes is cut.
pub fn mix_with(rec: &Recording, sample_rate: u32, options: &MixOptions) -> Vec<f32> {
    let sr = f64::from(clamp_rate(sample_rate));
    let passes = if rec.is_looped() {
        options.repeats.clamp(1, MAX_REPEATS)
    } else {
        1
    };
    let max_len = (MAX_MIX_S * sr) as usize;
    let at = |ms: u64| ((ms as f64) * sr / 1000.0).round() as usize;
    let events: Vec<_> = rec
        .layers
        .iter()
        .filter(|l| !l.muted)
        .flat_map(|l| &l.events)
        .collect();

    let mut cache: BTreeMap<(Voice, u8), Vec<f32>> = BTreeMap::new();
    for e in &events {
        let step = velocity_step(e.velocity);
        cache
            .entry((e.voice, step))
            .or_insert_with(|| render(e.voice, step_velocity(step), sr as u32));
    }

    let period = u64::from(rec.length_ms);
    let mut len = at(period * u64::from(passes));
    for pass in 0..u64::from(passes) {
        for e in &events {
            let start = at(pass * period + u64::from(e.t_ms));
            len = len.max(start + cache[&(e.voice, velocity_step(e.velocity))].len());
        }
    }
    let mut out = vec![0.0f32; len.min(max_len)];
    for pass in 0..u64::from(passes) {
        for e in &events {
            let start = at(pass * period + u64::from(e.t_ms));
            if start >= out.len() {
                continue;
            }
            let sound = &cache[&(e.voice, velocity_step(e.velocity))];
            for (o, s) in out[start..].iter_mut().zip(sound) {
                *o += s;
            }
        }
    }
    let gain = if options.gain.is_finite() {
        options.gain.max(0.0)
    } else {
        1.0
    };
    // Many hits at once could pile up far past the ceiling; bring such peaks down to where
    // the soft limiter still sounds like loud playing, not distortion.
    let peak = out.iter().fold(0.0f32, |m, s| m.max(s.abs())) * gain;
    let gain = if peak > 1.5 { gain * 1.5 / peak } else { gain };
    for s in out.iter_mut() {
        *s = soft_limit(*s * gain);
    }
    out
}

/// Most samples a WAV file can hold (its sizes are 32-bit).
const MAX_WAV_SAMPLES: usize = (u32::MAX as usize - 64) / 2;

/// `samples` as a mono 16-bit PCM WAV file at `sample_rate`, in memory. Samples are clipped
/// to ±1 and rounded.
pub fn to_wav(samples: &[f32], sample_rate: u32) -> Vec<u8> {
    let samples = &samples[..samples.len().min(MAX_WAV_SAMPLES)];
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut cursor = Cursor::new(Vec::with_capacity(44 + 2 * samples.len()));
    // Writing to a Vec cannot fail and the length is within WAV's limits, so these
    // `expect`s are unreachable.
    let mut writer = hound::WavWriter::new(&mut cursor, spec).expect("WAV header to memory");
    {
        let mut w = writer.get_i16_writer(samples.len() as u32);
        for &s in samples {
            let s = if s.is_finite() {
                s.clamp(-1.0, 1.0)
            } else {
                0.0
            };
            w.write_sample((s * 32767.0).round() as i16);
        }
        w.flush().expect("WAV samples to memory");
    }
    writer.finalize().expect("WAV sizes to memory");
    cursor.into_inner()
}

/// [`mix`] written as a WAV file.
pub fn render_wav(rec: &Recording, sample_rate: u32) -> Vec<u8> {
    to_wav(&mix(rec, sample_rate), clamp_rate(sample_rate))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::peak;
    use crate::ceiling::CEILING;
    use crate::{Event, Layer};

    fn hit(t_ms: u32, voice: Voice, velocity: f32) -> Event {
        Event {
            t_ms,
            pad: 0,
            voice,
            velocity,
            player: 0,
        }
    }

    fn layer(events: Vec<Event>) -> Layer {
        Layer {
            events,
            muted: false,
        }
    }

    #[test]
    fn a_free_play_mix_lasts_until_the_last_sound_has_rung() {
        let mut r = Recording::new(100.0, 4, 0);
        r.length_ms = 2000;
        r.layers.push(layer(vec![
            hit(0, Voice::Kick, 1.0),
            hit(1900, Voice::HiHatOpen, 1.0),
        ]));
        let sr = 48_000;
        let m = mix(&r, sr);
        assert_eq!(m.len(), 91_200 + Voice::HiHatOpen.len_samples(sr));
        // Short sounds inside the length: exactly the length.
        r.layers[0].events[1] = hit(1000, Voice::HiHatClosed, 1.0);
        assert_eq!(mix(&r, sr).len(), 96_000);
    }

    #[test]
    fn one_hit_mixes_to_that_voice_scaled_by_the_gain() {
        let mut r = Recording::new(120.0, 4, 1);
        r.layers.push(layer(vec![hit(500, Voice::Woodblock, 0.5)]));
        let sr = 44_100;
        let m = mix(&r, sr);
        let v = render(Voice::Woodblock, 0.5, sr);
        assert_eq!(m.len(), 88_200);
        let start = 22_050;
        assert!(m[..start].iter().all(|&s| s == 0.0));
        // Below the knee the mix is the voice times the gain, sample for sample.
        for (i, s) in v.iter().enumerate() {
            let want = soft_limit(s * 0.7);
            assert!((m[start + i] - want).abs() < 1e-6);
        }
    }

    #[test]
    fn loops_repeat_and_muted_layers_are_silent() {
        let mut r = Recording::new(120.0, 4, 1);
        r.layers.push(layer(vec![hit(0, Voice::Snare, 0.8)]));
        r.layers.push(Layer {
            events: vec![hit(250, Voice::Clap, 1.0)],
            muted: true,
        });
        let sr = 48_000;
        let once = mix(&r, sr);
        let thrice = mix_with(
            &r,
            sr,
            &MixOptions {
                repeats: 3,
                ..MixOptions::default()
            },
        );
        assert_eq!(once.len(), 96_000);
        assert_eq!(thrice.len(), 3 * 96_000);
        assert_eq!(&thrice[96_000..2 * 96_000], &once[..]);
        // The muted clap layer changes nothing.
        r.layers.pop();
        assert_eq!(mix(&r, sr), once);
    }

    #[test]
    fn a_pile_of_loud_hits_never_clips() {
        let mut r = Recording::new(200.0, 4, 1);
        let voices = [Voice::Kick, Voice::Snare, Voice::Clap, Voice::TomLow];
        r.layers = (0..16)
            .map(|k| {
                layer(vec![
                    hit(0, voices[k % 4], 1.0),
                    hit(300, Voice::Pad(48), 1.0),
                ])
            })
            .collect();
        let m = mix(&r, 48_000);
        let p = peak(&m);
        assert!(p <= CEILING && p > 0.8, "{p}");
        assert!(m.iter().all(|s| s.is_finite()));
    }

    #[test]
    fn wav_bytes_read_back_as_the_same_samples() {
        let samples: Vec<f32> = vec![0.0, 0.5, -0.5, 1.0, -1.0, 2.0, f32::NAN];
        let bytes = to_wav(&samples, 44_100);
        assert_eq!(&bytes[..4], b"RIFF");
        assert_eq!(bytes.len(), 44 + 2 * samples.len());
        let mut r = hound::WavReader::new(Cursor::new(bytes)).unwrap();
        let spec = r.spec();
        assert_eq!(spec.channels, 1);
        assert_eq!(spec.sample_rate, 44_100);
        assert_eq!(spec.bits_per_sample, 16);
        assert_eq!(spec.sample_format, hound::SampleFormat::Int);
        let back: Vec<i16> = r.samples::<i16>().map(Result::unwrap).collect();
        assert_eq!(back, [0, 16384, -16384, 32767, -32767, 32767, 0]);
    }

    #[test]
    fn a_recording_renders_to_a_wav_of_its_mix() {
        let mut r = Recording::new(90.0, 3, 2);
        r.layers.push(layer(vec![
            hit(0, Voice::DjembeBass, 0.9),
            hit(667, Voice::DjembeTone, 0.6),
            hit(1333, Voice::Xylophone(67), 0.7),
        ]));
        assert_eq!(r.validate(), Ok(()));
        let sr = 48_000;
        let bytes = render_wav(&r, sr);
        let reader = hound::WavReader::new(Cursor::new(bytes)).unwrap();
        assert_eq!(reader.spec().sample_rate, sr);
        assert_eq!(reader.duration() as usize, mix(&r, sr).len());
        assert_eq!(reader.duration(), 192_000);
    }
}
