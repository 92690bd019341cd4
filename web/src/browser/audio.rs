//! Playing pre-rendered sample buffers through WebAudio with as little delay as the device
//! allows: a tap starts an `AudioBufferSourceNode` at once (`start()` with no time, so no
//! scheduling lookahead), into the destination through one gain node and the loudness
//! ceiling (`speelruimte_sound::live_curve` in a wave shaper: no latency, see there).

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsValue;
use web_sys::{AudioBuffer, AudioBufferSourceNode, AudioContext, AudioContextState, GainNode};

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// The app's one audio context and its buffers, keyed by a name the caller chooses.
struct Engine {
    ctx: AudioContext,
    master: GainNode,
    buffers: HashMap<String, AudioBuffer>,
    /// Sounds scheduled for later, by tag, so they can be called off (stop, mute).
    pending: Vec<(&'static str, AudioBufferSourceNode, f64)>,
}

fn with_engine<R>(f: impl FnOnce(&mut Engine) -> R) -> Option<R> {
    ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        if e.is_none() {
            let opts = web_sys::AudioContextOptions::new();
            // "interactive" asks the browser for its smallest output buffer.
            opts.set_latency_hint(&JsValue::from_str("interactive"));
            let ctx = AudioContext::new_with_context_options(&opts).ok()?;
            let master = ctx.create_gain().ok()?;
            master.gain().set_value(0.9);
            let ceiling = ceiling(&ctx)?;
            master.connect_with_audio_node(&ceiling).ok()?;
            *e = Some(Engine {
                ctx,
                master,
                buffers: HashMap::new(),
                pending: Vec::new(),
            });
        }
        e.as_mut().map(f)
    })
}

/// The ceiling between the master bus and the output: the bus scaled into the shaper's input
/// range, then the same soft limiter a saved mix goes through. Without oversampling a wave
/// shaper works sample by sample, so a tap is not delayed.
fn ceiling(ctx: &AudioContext) -> Option<GainNode> {
    let scale = ctx.create_gain().ok()?;
    scale.gain().set_value(1.0 / speelruimte_sound::LIVE_RANGE);
    let shaper = ctx.create_wave_shaper().ok()?;
    let curve = speelruimte_sound::live_curve(speelruimte_sound::LIVE_POINTS);
    shaper.set_curve_opt_f32_array(Some(&js_sys::Float32Array::from(curve.as_slice())));
    shaper.set_oversample(web_sys::OverSampleType::None);
    scale.connect_with_audio_node(&shaper).ok()?;
    shaper.connect_with_audio_node(&ctx.destination()).ok()?;
    Some(scale)
}

/// The output sample rate (to render buffers at), creating the context if needed.
pub fn sample_rate() -> Option<f32> {
    with_engine(|e| e.ctx.sample_rate())
}

/// The context's current time in seconds.
pub fn current_time() -> f64 {
    with_engine(|e| e.ctx.current_time()).unwrap_or(0.0)
}

/// Output latency figures: (baseLatency, outputLatency) in seconds where the browser has them.
pub fn latency() -> (f64, f64) {
    with_engine(|e| {
        let get = |k: &str| {
            js_sys::Reflect::get(&e.ctx, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0)
        };
        (get("baseLatency"), get("outputLatency"))
    })
    .unwrap_or((0.0, 0.0))
}

/// Whether sound can be heard now (the context is running).
pub fn is_running() -> bool {
    with_engine(|e| e.ctx.state() == AudioContextState::Running).unwrap_or(false)
}

/// Resumes the context. Browsers (iOS Safari most strictly) only allow this inside a user
/// gesture, so call it from the first `pointerdown`, and again when the tab comes back.
pub fn unlock() {
    with_engine(|e| {
        if e.ctx.state() != AudioContextState::Running {
            let _ = e.ctx.resume();
        }
    });
}

/// Stores a mono buffer of samples under `key` (replacing one of the same key).
pub fn store(key: &str, samples: &[f32]) {
    with_engine(|e| {
        let rate = e.ctx.sample_rate();
        let Ok(buf) = e.ctx.create_buffer(1, samples.len().max(1) as u32, rate) else {
            return;
        };
        let _ = buf.copy_to_channel(samples, 0);
        e.buffers.insert(key.to_owned(), buf);
    });
}

/// Whether a buffer is stored under `key`.
pub fn has(key: &str) -> bool {
    with_engine(|e| e.buffers.contains_key(key)).unwrap_or(false)
}

/// Plays the buffer under `key` now; `when` (context seconds) schedules it instead. Returns
/// the context time at which it was started.
pub fn play(key: &str, gain: f32, when: Option<f64>) -> Option<f64> {
    play_tagged(key, gain, when, "")
}

/// Like [`play`]; a sound scheduled for later under a non-empty `tag` can be called off with
/// [`cancel`] until it starts.
pub fn play_tagged(key: &str, gain: f32, when: Option<f64>, tag: &'static str) -> Option<f64> {
    with_engine(|e| {
        let buf = e.buffers.get(key)?;
        let src = e.ctx.create_buffer_source().ok()?;
        src.set_buffer(Some(buf));
        let g = e.ctx.create_gain().ok()?;
        g.gain().set_value(gain);
        src.connect_with_audio_node(&g).ok()?;
        g.connect_with_audio_node(&e.master).ok()?;
        let now = e.ctx.current_time();
        match when {
            Some(t) => src.start_with_when(t).ok()?,
            None => src.start().ok()?,
        }
        e.pending.retain(|(_, _, at)| *at > now);
        if let Some(t) = when.filter(|t| *t > now && !tag.is_empty()) {
            e.pending.push((tag, src, t));
        }
        Some(now)
    })
    .flatten()
}

/// Calls off every sound scheduled under `tag` that has not started yet.
pub fn cancel(tag: &'static str) {
    with_engine(|e| {
        let now = e.ctx.current_time();
        e.pending.retain(|(t, src, at)| {
            if *t == tag && *at > now {
                let _ = web_sys::AudioScheduledSourceNode::stop(src);
                false
            } else {
                *at > now
            }
        });
    });
}
