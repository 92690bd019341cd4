//! The free-play tape: keeps everything played from the first hit on, so a save always has
//! what happened, even without a loop.

use leptos::prelude::*;
use speelruimte_sound::{Event, Layer, Recording};

use super::engine;
use super::metronome::BEATS_PER_BAR;
use super::pad::Hit;

/// The longest free play kept, ms: three minutes make a WAV of about 17 MB, well within
/// what an upload may carry, and a long stretch of a session.
pub const FREE_PLAY_MAX_MS: u32 = 180_000;

/// Everything played, from the first hit on (ms), up to [`FREE_PLAY_MAX_MS`].
#[derive(Clone, Copy)]
pub struct Tape {
    first: StoredValue<Option<f64>>,
    /// Where a tape given back after a reload goes on, ms (0 for a new tape).
    offset_ms: StoredValue<u32>,
    events: StoredValue<Vec<Event>>,
    /// How long the tape runs so far, ms.
    pub length_ms: RwSignal<u32>,
    /// True once the tape is full.
    pub full: RwSignal<bool>,
}

impl Tape {
    /// An empty tape.
    pub fn new() -> Self {
        Self {
            first: StoredValue::new(None),
            offset_ms: StoredValue::new(0),
            events: StoredValue::new(Vec::new()),
            length_ms: RwSignal::new(0),
            full: RwSignal::new(false),
        }
    }

    /// Adds a hit.
    pub fn hear(self, hit: &Hit, player: u8) {
        let first = *self.first.get_value().get_or_insert(hit.at);
        self.first.set_value(Some(first));
        let t = ((hit.at - first) * 1000.0).max(0.0).round() as u32 + self.offset_ms.get_value();
        if t >= FREE_PLAY_MAX_MS {
            self.full.set(true);
            return;
        }
        self.events.update_value(|e| {
            e.push(Event {
                t_ms: t,
                pad: hit.pad,
                voice: hit.voice,
                velocity: engine::level_velocity(hit.level),
                player,
            })
        });
        self.length_ms.set(t);
    }

    /// Gives back a tape kept on the tablet: what is played next follows a second after its
    /// last hit.
    pub fn restore(self, events: Vec<Event>) {
        let last = events.last().map_or(0, |e| e.t_ms);
        self.first.set_value(None);
        self.offset_ms
            .set_value(if events.is_empty() { 0 } else { last + 1000 });
        self.events.set_value(events);
        self.length_ms.set(last);
    }

    /// Everything on the tape so far.
    pub fn events(self) -> Vec<Event> {
        self.events.get_value()
    }

    /// Starts an empty tape.
    pub fn clear(self) {
        self.first.set_value(None);
        self.offset_ms.set_value(0);
        self.events.set_value(Vec::new());
        self.length_ms.set(0);
        self.full.set(false);
    }

    /// The tape as free play (one layer, not looped; a second of ring-out after the last hit).
    pub fn recording(self, bpm: f32) -> Option<Recording> {
        let events = self.events.get_value();
        let last = events.last()?.t_ms;
        let mut r = Recording::new(bpm, BEATS_PER_BAR, 0);
        r.length_ms = (last + 1000).min(Recording::MAX_LENGTH_MS);
        r.layers.push(Layer {
            events,
            muted: false,
        });
        Some(r)
    }
}
