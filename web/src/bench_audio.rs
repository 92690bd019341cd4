//! B3, tap to sound (built only with `--features bench`): the pad's path — a pre-rendered
//! buffer started on `pointerdown` with no lookahead — and, as the peer, a minimal cpal
//! web-audio output stream that starts the same samples from its data callback at the next
//! buffer. `tests/e2e/bench-audio.mjs` taps, and an AudioWorklet on the output notes the first
//! non-zero sample of each.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use speelruimte_sound::{Voice, render};
use wasm_bindgen::prelude::*;

use crate::browser::audio;

const KEY: &str = "b3-hihat";

/// The pad path: unlocks the app's audio engine and renders the closed hi-hat at its rate.
#[wasm_bindgen]
pub fn bench_pad_prepare() -> f32 {
    audio::unlock();
    let rate = audio::sample_rate().unwrap_or(48_000.0);
    audio::store(KEY, &render(Voice::HiHatClosed, 1.0, rate as u32));
    rate
}

/// The pad path: what a pad does on `pointerdown`.
#[wasm_bindgen]
pub fn bench_pad_tap() {
    audio::play(KEY, 1.0, None);
}

thread_local! {
    static CPAL: RefCell<Option<(cpal::Stream, Arc<AtomicBool>)>> = const { RefCell::new(None) };
}

/// The peer: a cpal output stream (its own AudioContext) with `frames` per buffer (0: cpal's
/// default, 2048), playing silence until tapped. Returns the sample rate.
#[wasm_bindgen]
pub fn bench_cpal_start(frames: u32) -> Result<f32, JsValue> {
    let err = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    let device = cpal::default_host()
        .default_output_device()
        .ok_or_else(|| JsValue::from_str("no output device"))?;
    let supported = device.default_output_config().map_err(|e| err(&e))?;
    let rate = supported.sample_rate().0;
    let mut config: cpal::StreamConfig = supported.into();
    if frames > 0 {
        config.buffer_size = cpal::BufferSize::Fixed(frames);
    }
    let channels = usize::from(config.channels.max(1));
    let samples = render(Voice::HiHatClosed, 1.0, rate);
    let trigger = Arc::new(AtomicBool::new(false));
    let armed = trigger.clone();
    let mut pos = usize::MAX;
    let stream = device
        .build_output_stream(
            &config,
            move |data: &mut [f32], _: &cpal::OutputCallbackInfo| {
                if armed.swap(false, Ordering::Relaxed) {
                    pos = 0;
                }
                for frame in data.chunks_mut(channels) {
                    let v = samples.get(pos).copied().unwrap_or(0.0);
                    pos = pos.saturating_add(1);
                    frame.fill(v);
                }
            },
            |_| {},
            None,
        )
        .map_err(|e| err(&e))?;
    stream.play().map_err(|e| err(&e))?;
    CPAL.with(|c| *c.borrow_mut() = Some((stream, trigger)));
    Ok(rate as f32)
}

/// The peer: a tap asks the stream to start the samples in the next buffer it fills.
#[wasm_bindgen]
pub fn bench_cpal_tap() {
    CPAL.with(|c| {
        if let Some((_, t)) = c.borrow().as_ref() {
            t.store(true, Ordering::Relaxed);
        }
    });
}
