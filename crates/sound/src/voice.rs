//! The instruments a pad can play, their stable wire codes, and `render`: one hit of a voice
//! at a velocity as a mono `f32` buffer at any sample rate. Their names on screen are the
//! app's (`web/src/i18n/music.rs`); here a voice is known by its code.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::dsp::{Rng, finish};
use crate::{bars, drums, hand};

/// Lowest MIDI note a bar or pad tone plays (C1); lower notes are raised to it.
pub const NOTE_MIN: u8 = 24;
/// Highest MIDI note a bar or pad tone plays (C8); higher notes are lowered to it.
pub const NOTE_MAX: u8 = 108;

/// Sample rates `render` accepts; others are clamped into this range.
pub const SAMPLE_RATES: std::ops::RangeInclusive<u32> = 8_000..=192_000;

/// One instrument sound. On the wire it is a short code (`"kick"`, `"xylophone-60"`, see
/// [`Voice::code`]), so recordings stay small and readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Voice {
    /// Bass drum.
    Kick,
    /// Snare drum.
    Snare,
    /// Closed hi-hat.
    HiHatClosed,
    /// Open hi-hat.
    HiHatOpen,
    /// Hand clap.
    Clap,
    /// Low tom.
    TomLow,
    /// High tom.
    TomHigh,
    /// Wood block.
    Woodblock,
    /// Shaker.
    Shaker,
    /// Djembe bass (struck in the middle).
    DjembeBass,
    /// Djembe tone (struck at the edge, fingers together).
    DjembeTone,
    /// Djembe slap (struck at the edge, fingers loose: bright and short).
    DjembeSlap,
    /// A wooden tone bar (xylophone), by MIDI note.
    Xylophone(u8),
    /// A metal tone bar (metallophone), by MIDI note.
    Metallophone(u8),
    /// A soft sustained tone, by MIDI note.
    Pad(u8),
}

/// Every voice without a note (to parse wire codes, and for tests). The order carries no
/// meaning: wire codes and noise seeds are written out per voice, and each pad screen sets its
/// own order ([`crate::drumstel`] is the drum kit's).
pub const PERCUSSION: [Voice; 12] = [
    Voice::Kick,
    Voice::Snare,
    Voice::HiHatClosed,
    Voice::HiHatOpen,
    Voice::Clap,
    Voice::TomLow,
    Voice::TomHigh,
    Voice::Woodblock,
    Voice::Shaker,
    Voice::DjembeBass,
    Voice::DjembeTone,
    Voice::DjembeSlap,
];

impl Voice {
    /// The stable wire name: `kick`, `snare`, `hihat-closed`, `hihat-open`, `clap`, `tom-low`,
    /// `tom-high`, `woodblock`, `shaker`, `djembe-bass`, `djembe-tone`, `djembe-slap`,
    /// `xylophone-<midi>`, `metallophone-<midi>`, `pad-<midi>`.
    pub fn code(self) -> String {
        match self {
            Voice::Xylophone(n) => format!("xylophone-{n}"),
            Voice::Metallophone(n) => format!("metallophone-{n}"),
            Voice::Pad(n) => format!("pad-{n}"),
            v => v.fixed_code().to_owned(),
        }
    }

    fn fixed_code(self) -> &'static str {
        match self {
            Voice::Kick => "kick",
            Voice::Snare => "snare",
            Voice::HiHatClosed => "hihat-closed",
            Voice::HiHatOpen => "hihat-open",
            Voice::Clap => "clap",
            Voice::TomLow => "tom-low",
            Voice::TomHigh => "tom-high",
            Voice::Woodblock => "woodblock",
            Voice::Shaker => "shaker",
            Voice::DjembeBass => "djembe-bass",
            Voice::DjembeTone => "djembe-tone",
            Voice::DjembeSlap => "djembe-slap",
            Voice::Xylophone(_) => "xylophone",
            Voice::Metallophone(_) => "metallophone",
            Voice::Pad(_) => "pad",
        }
    }

    /// Parses a wire name; `None` for unknown names and notes outside
    /// [`NOTE_MIN`]..=[`NOTE_MAX`] (written without leading zeros or signs).
    pub fn from_code(code: &str) -> Option<Voice> {
        if let Some(v) = PERCUSSION.iter().find(|v| v.fixed_code() == code) {
            return Some(*v);
        }
        let (name, note) = code.rsplit_once('-')?;
        if note.is_empty()
            || note.len() > 3
            || !note.bytes().all(|b| b.is_ascii_digit())
            || (note.len() > 1 && note.starts_with('0'))
        {
            return None;
        }
        let n: u8 = note.parse().ok()?;
        if !(NOTE_MIN..=NOTE_MAX).contains(&n) {
            return None;
        }
        match name {
            "xylophone" => Some(Voice::Xylophone(n)),
            "metallophone" => Some(Voice::Metallophone(n)),
            "pad" => Some(Voice::Pad(n)),
            _ => None,
        }
    }

    /// The MIDI note of a bar or pad tone (clamped into [`NOTE_MIN`]..=[`NOTE_MAX`]).
    pub fn note(self) -> Option<u8> {
        match self {
            Voice::Xylophone(n) | Voice::Metallophone(n) | Voice::Pad(n) => {
                Some(n.clamp(NOTE_MIN, NOTE_MAX))
            }
            _ => None,
        }
    }

    /// How long one hit lasts, in seconds (the buffer `render` returns is this long).
    pub fn duration_s(self) -> f32 {
        match self {
            Voice::Kick => 0.5,
            Voice::Snare => 0.35,
            Voice::HiHatClosed => 0.12,
            Voice::HiHatOpen => 0.7,
            Voice::Clap => 0.4,
            Voice::TomLow => 0.6,
            Voice::TomHigh => 0.45,
            Voice::Woodblock => 0.2,
            Voice::Shaker => 0.25,
            Voice::DjembeBass => 0.55,
            Voice::DjembeTone => 0.4,
            Voice::DjembeSlap => 0.3,
            Voice::Xylophone(_) | Voice::Metallophone(_) => {
                bars::duration_s(self, self.note().unwrap_or(60))
            }
            Voice::Pad(_) => bars::PAD_DURATION_S,
        }
    }

    /// Length of the rendered buffer in samples at `sample_rate` (clamped into
    /// [`SAMPLE_RATES`]).
    pub fn len_samples(self, sample_rate: u32) -> usize {
        let sr = clamp_rate(sample_rate) as f32;
        (self.duration_s() * sr).round() as usize
    }

    /// Peak level at full velocity, relative to the loudest voices: noise-like and sustained
    /// voices sound louder than their peak, so they are set lower to sit together in a mix.
    fn level(self) -> f32 {
        match self {
            Voice::HiHatClosed | Voice::Shaker => 0.7,
            Voice::HiHatOpen => 0.6,
            Voice::Clap => 0.85,
            Voice::Pad(_) => 0.55,
            Voice::Metallophone(_) => 0.8,
            _ => 1.0,
        }
    }

    /// Seed of the voice's noise, written out per voice (plus the note for bars and tones):
    /// every render of a voice is identical, and adding or reordering voices changes no other
    /// voice's sound. A new voice takes a number no other uses; the test
    /// `every_voice_sounds_as_it_did_when_it_was_pinned` holds every sound to its fingerprint.
    fn seed(self) -> u32 {
        let base = match self {
            Voice::Kick => 1,
            Voice::Snare => 2,
            Voice::HiHatClosed => 3,
            Voice::HiHatOpen => 4,
            Voice::Clap => 5,
            Voice::TomLow => 6,
            Voice::TomHigh => 7,
            Voice::Woodblock => 8,
            Voice::Shaker => 9,
            Voice::DjembeBass => 10,
            Voice::DjembeTone => 11,
            Voice::DjembeSlap => 12,
            Voice::Xylophone(_) => 100,
            Voice::Metallophone(_) => 300,
            Voice::Pad(_) => 500,
        };
        base + u32::from(self.note().unwrap_or(0))
    }
}

impl fmt::Display for Voice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl Serialize for Voice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Voice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Voice::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("onbekend instrument: {code}")))
    }
}

pub(crate) fn clamp_rate(sample_rate: u32) -> u32 {
    sample_rate.clamp(*SAMPLE_RATES.start(), *SAMPLE_RATES.end())
}

/// Gain for a velocity: a soft touch is about 16 dB below a hard one and never silent.
fn velocity_gain(v: f32) -> f32 {
    0.05 + 0.95 * v * v.sqrt()
}

/// Peak of a voice at velocity 1 (`render` never goes above this).
pub const PEAK: f32 = 0.9;

/// One hit of `voice` at `velocity` (0–1; loudness *and* brightness follow it) as mono
/// samples at `sample_rate` Hz (clamped into [`SAMPLE_RATES`]).
///
/// The same arguments always give the same samples. The buffer is
/// [`Voice::len_samples`] long, has no DC, starts and ends at zero, and peaks at
/// [`PEAK`] × the voice's level × a velocity curve.
pub fn render(voice: Voice, velocity: f32, sample_rate: u32) -> Vec<f32> {
    let v = if velocity.is_finite() {
        velocity.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let sr = clamp_rate(sample_rate) as f32;
    let mut out = vec![0.0f32; voice.len_samples(sample_rate)];
    let mut rng = Rng::new(voice.seed());
    match voice {
        Voice::Kick => drums::kick(&mut out, v, sr, &mut rng),
        Voice::Snare => drums::snare(&mut out, v, sr, &mut rng),
        Voice::HiHatClosed => drums::hihat(&mut out, v, sr, &mut rng, false),
        Voice::HiHatOpen => drums::hihat(&mut out, v, sr, &mut rng, true),
        Voice::Clap => drums::clap(&mut out, v, sr, &mut rng),
        Voice::TomLow => drums::tom(&mut out, v, sr, &mut rng, 98.0, 0.2),
        Voice::TomHigh => drums::tom(&mut out, v, sr, &mut rng, 165.0, 0.15),
        Voice::Woodblock => drums::woodblock(&mut out, v, sr, &mut rng),
        Voice::Shaker => drums::shaker(&mut out, v, sr, &mut rng),
        Voice::DjembeBass => hand::djembe_bass(&mut out, v, sr, &mut rng),
        Voice::DjembeTone => hand::djembe_tone(&mut out, v, sr, &mut rng),
        Voice::DjembeSlap => hand::djembe_slap(&mut out, v, sr, &mut rng),
        Voice::Xylophone(_) | Voice::Metallophone(_) => {
            bars::bar(&mut out, voice, v, sr, &mut rng);
        }
        Voice::Pad(_) => bars::pad(&mut out, voice.note().unwrap_or(60), v, sr, &mut rng),
    }
    finish(&mut out, sr, PEAK * voice.level() * velocity_gain(v));
    out
}

/// How many velocity steps the app and the mixer cache buffers for.
pub const VELOCITY_STEPS: u8 = 16;

/// The velocity step (0..=[`VELOCITY_STEPS`]) a velocity falls into; the pad and the
/// mixer both render `step as f32 / VELOCITY_STEPS as f32`, so a recording plays back with
/// exactly the sounds the pads made.
pub fn velocity_step(velocity: f32) -> u8 {
    let v = if velocity.is_finite() {
        velocity.clamp(0.0, 1.0)
    } else {
        0.0
    };
    (v * f32::from(VELOCITY_STEPS)).round() as u8
}

/// The velocity a step stands for.
pub fn step_velocity(step: u8) -> f32 {
    f32::from(step.min(VELOCITY_STEPS)) / f32::from(VELOCITY_STEPS)
}

#[cfg(test)]
mod tests;
