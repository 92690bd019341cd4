//! The pad's sounds on top of [`crate::browser::audio`]: every voice rendered by
//! `speelruimte-sound` at the device's sample rate, at a few loudness steps, so a tap only
//! starts a buffer that is already there, and a saved recording mixes with the very same
//! samples (the mixer renders `step_velocity(velocity_step(v))` too).

use std::cell::RefCell;
use std::collections::VecDeque;

use speelruimte_sound::{Voice, render, step_velocity, velocity_step};

use crate::browser::{audio, device};

/// The loudness steps (of [`speelruimte_sound::VELOCITY_STEPS`] = 16) a hit is rounded to.
/// Four buffers per voice keep start-up short (a layout renders in well under a second) and
/// are still four clearly different sounds, soft to full, because velocity changes timbre.
pub const LEVELS: [u8; 4] = [6, 9, 12, 16];

/// Gain of a pad hit into the master bus (voices peak near 0.9; several at once need room).
const PAD_GAIN: f32 = 0.8;
/// Gain of the metronome click.
const CLICK_GAIN: f32 = 0.55;

thread_local! {
    /// Buffers still to render, one per animation frame, so opening a layout never stalls.
    static QUEUE: RefCell<VecDeque<(Voice, u8)>> = const { RefCell::new(VecDeque::new()) };
    /// Seconds added to the audio context's time to get [`now`], once the context has run.
    static CLOCK: RefCell<Option<f64>> = const { RefCell::new(None) };
}

/// The level step closest to `velocity` (0–1).
pub fn level_for(velocity: f32) -> u8 {
    let s = velocity_step(velocity);
    LEVELS
        .iter()
        .copied()
        .min_by_key(|l| l.abs_diff(s))
        .unwrap_or(16)
}

/// The velocity a level stands for (what a recording stores).
pub fn level_velocity(level: u8) -> f32 {
    step_velocity(level)
}

fn key(voice: Voice, step: u8) -> String {
    format!("muziek:{}@{step}", voice.code())
}

/// Renders the buffer for `voice` at `step` now, unless it is there already.
fn ensure(voice: Voice, step: u8) -> String {
    let k = key(voice, step);
    if !audio::has(&k) {
        let rate = audio::sample_rate().unwrap_or(48_000.0).round() as u32;
        audio::store(&k, &render(voice, step_velocity(step), rate));
    }
    k
}

/// Makes `voices` ready: the loudest step of each at once, the softer ones queued for the
/// coming frames (see [`work`]).
pub fn prepare(voices: &[Voice]) {
    for v in voices {
        ensure(*v, 16);
    }
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        for v in voices {
            for l in LEVELS.iter().rev().skip(1) {
                if !audio::has(&key(*v, *l)) && !q.contains(&(*v, *l)) {
                    q.push_back((*v, *l));
                }
            }
        }
    });
}

/// Whether buffers wait to be rendered by [`work`].
pub fn has_work() -> bool {
    QUEUE.with(|q| !q.borrow().is_empty())
}

/// Renders at most one queued buffer; call once per animation frame.
pub fn work() {
    if let Some((v, l)) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        ensure(v, l);
    }
}

/// Tag of scheduled loop and pattern hits (called off on stop or mute).
pub const LOOP_TAG: &str = "loop";
/// Tag of scheduled metronome clicks.
pub const CLICK_TAG: &str = "click";

/// Plays `voice` at `step` now: the tap path. `start()` without a time, so no lookahead.
pub fn hit(voice: Voice, step: u8) {
    let k = ensure(voice, step);
    audio::play(&k, PAD_GAIN, None);
}

/// Plays `voice` at `step` at `when` on [`now`]'s clock (loop playback, the echo pattern).
pub fn hit_at(voice: Voice, step: u8, when: f64) {
    if let Some(at) = to_context(when) {
        audio::play_tagged(&ensure(voice, step), PAD_GAIN, Some(at), LOOP_TAG);
    }
}

/// The metronome click at `when` (on [`now`]'s clock): a woodblock, full and bright on beat one, softer on the rest.
pub fn click_at(accent: bool, when: f64) {
    if let Some(at) = to_context(when) {
        let k = ensure(Voice::Woodblock, if accent { 16 } else { 9 });
        audio::play_tagged(&k, CLICK_GAIN, Some(at), CLICK_TAG);
    }
}

/// The musical clock, seconds. It follows the audio context's clock once that has run (what
/// scheduled sounds follow, so taps, clicks and loop playback share one time line), and the
/// page clock before the first tap unlocks the audio; at the switch an offset keeps it
/// continuous, so nothing recorded before the unlock jumps.
pub fn now() -> f64 {
    CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        match *c {
            Some(offset) => audio::current_time() + offset,
            None if audio::is_running() => {
                let offset = device::now_ms() / 1000.0 - audio::current_time();
                *c = Some(offset);
                audio::current_time() + offset
            }
            None => device::now_ms() / 1000.0,
        }
    })
}

/// A time on [`now`]'s clock as audio-context time (for `start(when)`); `None` before the
/// audio has run, when a scheduled sound would only go off late, all at once, after the unlock.
fn to_context(t: f64) -> Option<f64> {
    CLOCK.with(|c| c.borrow().map(|offset| (t - offset).max(0.0)))
}
