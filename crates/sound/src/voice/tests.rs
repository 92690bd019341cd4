//! Tests of [`super`].

use super::*;
use crate::analysis::{centroid_hz, mean, peak};

fn all_voices() -> Vec<Voice> {
    let mut v = PERCUSSION.to_vec();
    for n in [48, 60, 72, 84, 96] {
        v.extend([Voice::Xylophone(n), Voice::Metallophone(n), Voice::Pad(n)]);
    }
    v
}

#[test]
fn every_voice_is_a_clean_buffer_at_48k_and_44k1() {
    for sr in [48_000, 44_100] {
        for voice in all_voices() {
            let b = render(voice, 1.0, sr);
            let secs = b.len() as f32 / sr as f32;
            assert_eq!(b.len(), voice.len_samples(sr), "{voice}");
            let range = match voice {
                Voice::HiHatClosed => 0.08..0.2,
                Voice::Metallophone(_) => 1.0..3.01,
                Voice::Xylophone(_) | Voice::Pad(_) => 0.4..2.0,
                _ => 0.15..0.8,
            };
            assert!(range.contains(&secs), "{voice}: {secs} s");
            assert!(b.iter().all(|s| s.is_finite()), "{voice}: NaN");
            let p = peak(&b);
            assert!(p <= 0.95 && p > 0.1, "{voice} at {sr}: peak {p}");
            let m = mean(&b);
            assert!(m.abs() < 1e-3, "{voice} at {sr}: mean {m}");
            assert_eq!(b[0], 0.0, "{voice}");
            assert!(
                b[b.len() - 1].abs() < 1e-4,
                "{voice}: ends at {}",
                b[b.len() - 1]
            );
            let last_ms = &b[b.len() - (sr as usize / 1000)..];
            assert!(peak(last_ms) < 0.01, "{voice}: last ms {}", peak(last_ms));
        }
    }
}

#[test]
fn renders_are_reproducible() {
    for voice in all_voices() {
        assert_eq!(render(voice, 0.7, 48_000), render(voice, 0.7, 48_000));
    }
}

#[test]
fn a_harder_hit_is_louder_and_brighter_for_every_voice() {
    for sr in [48_000, 44_100] {
        for voice in all_voices() {
            let soft = render(voice, 0.3, sr);
            let hard = render(voice, 1.0, sr);
            assert!(peak(&hard) > 2.0 * peak(&soft), "{voice}");
            let (cs, ch) = (centroid_hz(&soft, sr), centroid_hz(&hard, sr));
            assert!(
                ch > cs * 1.05,
                "{voice} at {sr}: centroid {cs} Hz soft, {ch} Hz hard"
            );
        }
    }
}

#[test]
fn velocity_zero_and_out_of_range_still_give_sane_buffers() {
    for v in [0.0, -1.0, 2.0, f32::NAN] {
        let b = render(Voice::Snare, v, 48_000);
        assert!(b.iter().all(|s| s.is_finite()));
        assert!(peak(&b) <= 0.95);
    }
    assert!(peak(&render(Voice::Kick, 0.0, 48_000)) > 0.01);
}

#[test]
fn odd_sample_rates_are_clamped_not_broken() {
    let b = render(Voice::HiHatOpen, 1.0, 1000);
    assert_eq!(b.len(), Voice::HiHatOpen.len_samples(8000));
    assert!(b.iter().all(|s| s.is_finite()));
    assert!(peak(&render(Voice::Xylophone(108), 1.0, 8000)) > 0.1);
}

#[test]
fn codes_round_trip_and_reject_nonsense() {
    for voice in all_voices() {
        assert_eq!(Voice::from_code(&voice.code()), Some(voice));
        let json = serde_json::to_string(&voice).unwrap();
        assert_eq!(serde_json::from_str::<Voice>(&json).unwrap(), voice);
    }
    assert_eq!(Voice::HiHatOpen.code(), "hihat-open");
    assert_eq!(Voice::Xylophone(60).code(), "xylophone-60");
    assert_eq!(
        serde_json::to_string(&Voice::Metallophone(67)).unwrap(),
        "\"metallophone-67\""
    );
    for bad in [
        "",
        "bell",
        "xylophone",
        "xylophone-",
        "xylophone-200",
        "xylophone-060",
        "xylophone-+60",
        "pad-12",
        "kick-60",
        "Kick",
    ] {
        assert_eq!(Voice::from_code(bad), None, "{bad}");
    }
    assert!(serde_json::from_str::<Voice>("\"bell\"").is_err());
}

#[test]
fn names_are_dutch_and_bars_are_named_by_note() {
    assert_eq!(Voice::Kick.name_nl(), "Basdrum");
    assert_eq!(Voice::HiHatClosed.name_nl(), "Hi-hat dicht");
    assert_eq!(Voice::DjembeTone.name_nl(), "Djembé toon");
    assert_eq!(Voice::Xylophone(60).name_nl(), "C");
    assert_eq!(Voice::Metallophone(66).name_nl(), "Fis");
    assert_eq!(Voice::Pad(70).name_nl(), "Bes");
}

#[test]
fn velocity_steps_cover_zero_to_one() {
    assert_eq!(velocity_step(0.0), 0);
    assert_eq!(velocity_step(1.0), VELOCITY_STEPS);
    assert_eq!(velocity_step(0.5), VELOCITY_STEPS / 2);
    assert_eq!(velocity_step(f32::NAN), 0);
    assert_eq!(step_velocity(velocity_step(0.5)), 0.5);
}
