//! Benchmark B4: how fast each voice renders, as microseconds per second of audio at 48 kHz
//! and as a multiple of real time (goal: at least 200×).
//!
//! Run with `cargo run --release -p speelruimte-sound --example b4`; `-- --rate 44100` renders
//! at another rate, `-- --json` prints one JSON line of the per-render times instead of the
//! table (`cargo xtask bench voices` runs it so, at opt-level 3 and at the app's "z", beside
//! the same voices rendered in the browser). Each voice is rendered
//! in batches of enough hits to make at least one second of audio; after a warm-up batch,
//! the median of 21 batches is reported. Results pass through `black_box` so the work is not
//! optimised away. The last row mixes a two-bar, four-layer loop (renders cached, as in the
//! app) for comparison.

use std::hint::black_box;
use std::time::{Duration, Instant};

use speelruimte_sound::{Event, Layer, PERCUSSION, Recording, Voice, mix, render};

const DEFAULT_RATE: u32 = 48_000;
const RUNS: usize = 21;

fn median(mut d: Vec<Duration>) -> Duration {
    d.sort();
    d[d.len() / 2]
}

/// Median time of `f`, which makes `audio_s` seconds of audio per call, scaled to 1 s.
fn per_audio_second(audio_s: f64, mut f: impl FnMut()) -> f64 {
    f();
    let runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    median(runs).as_secs_f64() * 1e6 / audio_s
}

fn groove() -> Recording {
    let mut rec = Recording::new(120.0, 4, 2);
    let hit = |t_ms: u32, voice: Voice, velocity: f32| Event {
        t_ms,
        pad: 0,
        voice,
        velocity,
        player: 0,
    };
    let beats = 0..8u32;
    rec.layers = vec![
        Layer {
            events: beats
                .clone()
                .map(|b| {
                    hit(
                        b * 500,
                        if b % 2 == 0 {
                            Voice::Kick
                        } else {
                            Voice::Snare
                        },
                        0.9,
                    )
                })
                .collect(),
            muted: false,
        },
        Layer {
            events: (0..16)
                .map(|k| hit(k * 250, Voice::HiHatClosed, 0.5 + 0.03 * k as f32))
                .collect(),
            muted: false,
        },
        Layer {
            events: beats
                .clone()
                .map(|b| hit(b * 500 + 250, Voice::Xylophone(60 + 2 * b as u8), 0.7))
                .collect(),
            muted: false,
        },
        Layer {
            events: vec![hit(0, Voice::Pad(48), 0.6), hit(2000, Voice::Pad(55), 0.6)],
            muted: false,
        },
    ];
    rec
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let rate = args
        .iter()
        .position(|a| a == "--rate")
        .and_then(|i| args.get(i + 1))
        .map(|r| r.parse().expect("--rate takes a sample rate in Hz"))
        .unwrap_or(DEFAULT_RATE);
    let mut voices: Vec<Voice> = PERCUSSION.to_vec();
    voices.extend([
        Voice::Xylophone(60),
        Voice::Metallophone(60),
        Voice::Pad(60),
    ]);
    if json {
        // One render per run, as the app renders a voice: `[code, frames, µs per render]`.
        let rows: Vec<String> = voices
            .iter()
            .map(|&voice| {
                let frames = render(voice, 0.6, rate).len();
                let us = per_audio_second(1.0, || {
                    black_box(render(black_box(voice), black_box(0.6), black_box(rate)));
                });
                format!("[\"{}\",{frames},{us:.1}]", voice.code())
            })
            .collect();
        println!("{{\"rate\":{rate},\"voices\":[{}]}}", rows.join(","));
        return;
    }
    println!("B4: rendering at {rate} Hz, median of {RUNS} runs after a warm-up\n");
    println!("| voice | µs per 1 s of audio | × real time |");
    println!("| --- | ---: | ---: |");
    let mut worst = f64::INFINITY;
    for voice in voices {
        let one = voice.duration_s() as f64;
        let hits = (1.0 / one).ceil() as usize;
        let audio_s = one * hits as f64;
        let us = per_audio_second(audio_s, || {
            for k in 0..hits {
                let v = black_box(0.6 + 0.02 * k as f32);
                black_box(render(black_box(voice), v, black_box(rate)));
            }
        });
        let x = 1e6 / us;
        worst = worst.min(x);
        println!("| {} | {:.0} | {:.0}× |", voice.code(), us, x);
    }
    let rec = groove();
    let audio_s = mix(&rec, rate).len() as f64 / f64::from(rate);
    let us = per_audio_second(audio_s, || {
        black_box(mix(black_box(&rec), rate));
    });
    println!(
        "| mix: 2-bar loop, 4 layers, 42 hits | {:.0} | {:.0}× |",
        us,
        1e6 / us
    );
    println!("\nslowest voice: {worst:.0}× real time (goal ≥ 200×)");
}
