//! Writes a demo WAV (every voice once, then a short groove) to the system's temp directory,
//! so it can be listened to and checked with other tools (`sox --i`, `sox FILE -n stat`).
//! The check here reads it back with hound; no outside tool is needed.

use std::path::PathBuf;

use speelruimte_sound::{Event, Layer, PERCUSSION, Recording, Scale, Voice, render_wav};

fn hit(t_ms: u32, voice: Voice, velocity: f32) -> Event {
    Event {
        t_ms,
        pad: 0,
        voice,
        velocity,
        player: 0,
    }
}

/// Every voice once, 600 ms apart, then two bars of a groove with a pentatonic tune.
fn demo() -> Recording {
    let mut voices: Vec<Voice> = PERCUSSION.to_vec();
    voices.extend([
        Voice::Xylophone(60),
        Voice::Metallophone(67),
        Voice::Pad(60),
    ]);
    let mut showcase: Vec<Event> = voices
        .iter()
        .enumerate()
        .map(|(i, &v)| hit(600 * i as u32, v, 0.9))
        .collect();
    let start = 600 * voices.len() as u32 + 1000;
    let beat = 500;
    let mut groove = Vec::new();
    for b in 0..8u32 {
        let t = start + b * beat;
        groove.push(hit(
            t,
            if b % 2 == 0 {
                Voice::Kick
            } else {
                Voice::Snare
            },
            0.9,
        ));
        groove.push(hit(t, Voice::HiHatClosed, 0.6));
        groove.push(hit(t + beat / 2, Voice::HiHatClosed, 0.35));
    }
    for (k, n) in Scale::Pentatonic.notes(60, 8).into_iter().enumerate() {
        groove.push(hit(
            start + 500 * k as u32,
            Voice::Xylophone(n),
            0.5 + 0.06 * k as f32,
        ));
    }
    showcase.sort_by_key(|e| e.t_ms);
    Recording {
        version: Recording::VERSION,
        tempo_bpm: 120.0,
        beats_per_bar: 4,
        bars: 0,
        layers: vec![
            Layer {
                events: showcase,
                muted: false,
            },
            Layer {
                events: groove,
                muted: false,
            },
        ],
        length_ms: start + 8 * beat,
    }
}

#[test]
fn a_demo_wav_is_written_to_the_temp_dir_and_reads_back() {
    let rec = demo();
    rec.validate().unwrap();
    let bytes = render_wav(&rec, 44_100);
    let path: PathBuf = std::env::temp_dir().join("speelruimte-sound-demo.wav");
    std::fs::write(&path, &bytes).unwrap();
    eprintln!("wrote {}", path.display());

    let reader = hound::WavReader::open(&path).unwrap();
    let spec = reader.spec();
    assert_eq!(spec.channels, 1);
    assert_eq!(spec.sample_rate, 44_100);
    assert_eq!(spec.bits_per_sample, 16);
    // At least the recording's length; the last xylophone bar may ring a little longer.
    let min = u64::from(rec.length_ms) * 44_100 / 1000;
    assert!(u64::from(reader.duration()) >= min);
    let samples: Vec<i16> = reader.into_samples().map(Result::unwrap).collect();
    let peak = samples.iter().map(|s| s.unsigned_abs()).max().unwrap();
    assert!(peak > 10_000 && peak <= 31_130, "{peak}");
}
