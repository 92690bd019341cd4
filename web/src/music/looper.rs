//! The loop recorder: record N bars against the metronome (after a count-in bar), play them
//! round, add layers on top, mute, clear or undo a layer.

use leptos::prelude::*;
use speelruimte_sound::{Event, Layer, Recording, loop_occurrences, loop_offset_ms, velocity_step};

use super::engine;
use super::metronome::{BEATS_PER_BAR, LOOKAHEAD_S, Metronome};
use super::pad::Hit;
use super::turns::player_color;
use crate::browser::audio;
use crate::i18n::tm;

/// A layer being recorded: one pass of the loop from `start` to `end` (seconds).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Take {
    start: f64,
    end: f64,
}

/// What the loop recorder is doing, for the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LoopPhase {
    /// Nothing recording.
    Idle,
    /// Counting in: beats until recording starts.
    CountIn(u32),
    /// Recording: the bar (from 1) being recorded.
    Recording(u32),
}

/// The loop recorder.
#[derive(Clone, Copy)]
pub struct Looper {
    /// Loop length in bars (1, 2 or 4).
    pub bars: RwSignal<u8>,
    /// The finished layers.
    pub layers: RwSignal<Vec<Layer>>,
    /// Whether the loop plays.
    pub playing: RwSignal<bool>,
    /// What is happening now.
    pub phase: RwSignal<LoopPhase>,
    /// Where in the loop the play head is, 0–1.
    pub position: RwSignal<f64>,
    /// Hits in the layer being recorded.
    pub take_hits: RwSignal<u32>,
    /// The tempo the loop was recorded at (fixed while it has layers).
    pub bpm: RwSignal<f32>,
    take: StoredValue<Option<Take>>,
    take_events: StoredValue<Vec<Event>>,
    /// A cycle boundary (a downbeat), seconds.
    anchor: StoredValue<f64>,
    /// Nothing is scheduled before this (a count-in), seconds.
    play_from: StoredValue<f64>,
    /// Everything before this is scheduled, seconds.
    scheduled: StoredValue<f64>,
}

impl Looper {
    /// An empty 2-bar loop.
    pub fn new() -> Self {
        Self {
            bars: RwSignal::new(2),
            layers: RwSignal::new(Vec::new()),
            playing: RwSignal::new(false),
            phase: RwSignal::new(LoopPhase::Idle),
            position: RwSignal::new(0.0),
            take_hits: RwSignal::new(0),
            bpm: RwSignal::new(90.0),
            take: StoredValue::new(None),
            take_events: StoredValue::new(Vec::new()),
            anchor: StoredValue::new(0.0),
            play_from: StoredValue::new(0.0),
            scheduled: StoredValue::new(0.0),
        }
    }

    fn loop_s(self, met: Metronome) -> f64 {
        met.bar_s() * f64::from(self.bars.get_untracked())
    }

    /// The loop's length as the recording stores it, ms.
    pub fn length_ms(self) -> u32 {
        speelruimte_sound::loop_ms(
            self.bpm.get_untracked(),
            BEATS_PER_BAR,
            self.bars.get_untracked(),
        )
    }

    /// Starts playing the loop (and the metronome, if it was still).
    pub fn play(self, met: Metronome) {
        let now = engine::now();
        if !met.running.get_untracked() {
            met.start_at(now + 0.1);
            self.anchor.set_value(met.origin());
        }
        self.play_from.set_value(now);
        self.scheduled.set_value(now);
        self.playing.set(true);
    }

    /// Stops playback (and any recording that had not started yet).
    pub fn stop(self) {
        audio::cancel(engine::LOOP_TAG);
        self.playing.set(false);
        self.take.set_value(None);
        self.take_events.set_value(Vec::new());
        self.take_hits.set(0);
        self.phase.set(LoopPhase::Idle);
    }

    /// Calls off what is scheduled and schedules again from now (after a layer was muted,
    /// cleared or undone, so the change is heard at once).
    pub fn reschedule(self) {
        audio::cancel(engine::LOOP_TAG);
        let now = engine::now();
        if self.scheduled.get_value() > now {
            self.scheduled.set_value(now);
        }
    }

    /// Records the next layer: the first after a count-in bar, a later one from the next
    /// downbeat for one pass of the loop (the loop playing round is its count-in).
    pub fn record(self, met: Metronome) {
        let now = engine::now();
        let first = self.layers.with_untracked(Vec::is_empty);
        if first {
            self.bpm.set(met.bpm.get_untracked());
        }
        let start = if !met.running.get_untracked() {
            // Beat 0 comes at once; the bar it starts is the count-in.
            met.start_at(now + 0.1);
            let s = met.origin() + met.bar_s();
            if first {
                self.anchor.set_value(s);
            }
            s
        } else if first {
            let s = met.downbeat_at_or_after(now + met.bar_s() - met.beat_s() / 2.0);
            self.anchor.set_value(s);
            s
        } else {
            met.downbeat_at_or_after(now + 0.05)
        };
        if !self.playing.get_untracked() {
            self.play_from.set_value(start);
            self.scheduled.set_value(now);
            self.playing.set(true);
        }
        self.take_events.set_value(Vec::new());
        self.take_hits.set(0);
        self.take.set_value(Some(Take {
            start,
            end: start + self.loop_s(met),
        }));
    }

    /// A pad hit: into the layer being recorded, if it falls in the pass.
    pub fn hear(self, hit: &Hit, player: u8, met: Metronome) {
        let Some(take) = self.take.get_value() else {
            return;
        };
        if hit.at < take.start || hit.at >= take.end {
            return;
        }
        let t = loop_offset_ms(hit.at, self.anchor.get_value(), self.loop_s(met));
        self.take_events.update_value(|e| {
            e.push(Event {
                t_ms: t.min(self.length_ms().saturating_sub(1)),
                pad: hit.pad,
                voice: hit.voice,
                velocity: engine::level_velocity(hit.level),
                player,
            })
        });
        self.take_hits.update(|n| *n += 1);
    }

    /// Schedules loop hits up to `now + LOOKAHEAD_S`, finishes a pass, moves the play head.
    pub fn tick(self, now: f64, met: Metronome) {
        if !self.playing.get_untracked() || !met.running.get_untracked() {
            return;
        }
        let loop_s = self.loop_s(met);
        let anchor = self.anchor.get_value();
        let take = self.take.get_value();
        if let Some(t) = take {
            if now >= t.end {
                let mut events = self.take_events.get_value();
                events.sort_by_key(|e| e.t_ms);
                self.layers.update(|l| {
                    l.push(Layer {
                        events,
                        muted: false,
                    })
                });
                self.take.set_value(None);
                self.take_events.set_value(Vec::new());
                self.phase.set(LoopPhase::Idle);
            } else if now < t.start {
                let beats = ((t.start - now) / met.beat_s()).ceil() as u32;
                self.phase.set(LoopPhase::CountIn(beats));
            } else {
                let bar = ((now - t.start) / met.bar_s()).floor() as u32 + 1;
                self.phase.set(LoopPhase::Recording(bar));
            }
        }
        let from = self.scheduled.get_value().max(self.play_from.get_value());
        let to = now + LOOKAHEAD_S;
        if to > from {
            let play = |events: &[Event], not_before: f64| {
                for (at, e) in loop_occurrences(events, anchor, loop_s, from, to, not_before) {
                    engine::hit_at(e.voice, velocity_step(e.velocity), at);
                }
            };
            self.layers.with_untracked(|layers| {
                for l in layers.iter().filter(|l| !l.muted) {
                    play(&l.events, f64::NEG_INFINITY);
                }
            });
            // The layer being recorded already plays in its next pass, before it is finished.
            if let Some(t) = self.take.get_value() {
                self.take_events.with_value(|e| play(e, t.end));
            }
            self.scheduled.set_value(to);
        }
        if now >= self.play_from.get_value() {
            self.position
                .set((now - anchor).rem_euclid(loop_s) / loop_s);
        }
    }

    /// The loop as a recording, if any layer holds a hit.
    pub fn recording(self) -> Option<Recording> {
        let layers = self.layers.get_untracked();
        if layers.iter().all(|l| l.events.is_empty()) {
            return None;
        }
        let mut r = Recording::new(
            self.bpm.get_untracked(),
            BEATS_PER_BAR,
            self.bars.get_untracked(),
        );
        r.layers = layers;
        Some(r)
    }
}

/// The loop recorder's card.
#[component]
pub fn LoopCard(looper: Looper, met: Metronome, on_change: Callback<()>) -> impl IntoView {
    let busy = move || !looper.layers.get().is_empty() || looper.phase.get() != LoopPhase::Idle;
    let status = move || match looper.phase.get() {
        LoopPhase::CountIn(n) => format!("{} {n}…", tm().count_in),
        LoopPhase::Recording(bar) => format!(
            "{} · {} {bar} {} {}",
            tm().recording,
            tm().bar,
            tm().of,
            looper.bars.get()
        ),
        LoopPhase::Idle if looper.playing.get() => tm().loop_playing.to_string(),
        LoopPhase::Idle => String::new(),
    };
    let phase_code = move || match looper.phase.get() {
        LoopPhase::Idle => "idle",
        LoopPhase::CountIn(_) => "count-in",
        LoopPhase::Recording(_) => "recording",
    };
    let layer_rows = move || {
        looper
            .layers
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let players: Vec<u8> = {
                    let mut p: Vec<u8> = l.events.iter().map(|e| e.player).collect();
                    p.sort_unstable();
                    p.dedup();
                    p
                };
                let muted = l.muted;
                view! {
                    <li class="loop-layer" class:muted=muted data-layer=i.to_string() data-events=l.events.len().to_string()>
                        <span class="layer-name">
                            {players.into_iter().map(|p| view! { <span class="player-dot" style=format!("background: {}", player_color(p))></span> }).collect_view()}
                            {format!("{} {} · {} {}", tm().layer, i + 1, l.events.len(), tm().hits)}
                        </span>
                        <button class="chip" aria-pressed=muted.to_string() on:click=move |_| {
                            looper.layers.update(|ls| if let Some(l) = ls.get_mut(i) { l.muted = !l.muted });
                            looper.reschedule();
                            on_change.run(());
                        }>{tm().mute}</button>
                        <button class="ghost" on:click=move |_| {
                            looper.layers.update(|ls| if let Some(l) = ls.get_mut(i) { l.events.clear() });
                            looper.reschedule();
                            on_change.run(());
                        }>{tm().clear}</button>
                    </li>
                }
            })
            .collect_view()
    };
    let recording = move || looper.phase.get() != LoopPhase::Idle;
    view! {
        <section class="card music-card looper" data-testid="looper" data-phase=phase_code
            data-layers=move || looper.layers.get().len().to_string()>
            <h2>{tm().loop_title}</h2>
            <div class="chips" role="group" aria-label=tm().loop_length>
                <span class="chips-label">{tm().loop_length}</span>
                {[1u8, 2, 4].into_iter().map(|n| view! {
                    <button class="chip" data-bars=n.to_string() disabled=busy
                        aria-pressed=move || (looper.bars.get() == n).to_string()
                        on:click=move |_| looper.bars.set(n)>
                        {n.to_string()}
                    </button>
                }).collect_view()}
            </div>
            <div class="loop-progress" aria-hidden="true">
                <div class="loop-head" style=move || format!("width: {:.1}%", looper.position.get() * 100.0)></div>
            </div>
            <p class="loop-status" role="status">{status}</p>
            <div class="loop-actions">
                <button class="primary rec" data-testid="loop-record" disabled=recording
                    on:click=move |_| { looper.record(met); met.tempo_free.set(false); }>
                    <span class="rec-dot" aria-hidden="true"></span>
                    {move || if looper.layers.get().is_empty() { tm().record } else { tm().overdub }}
                </button>
                {move || if looper.playing.get() {
                    view! { <button class="secondary" data-testid="loop-stop" on:click=move |_| looper.stop()>{tm().stop}</button> }.into_any()
                } else {
                    view! { <button class="secondary" data-testid="loop-play" disabled=move || looper.layers.get().is_empty()
                        on:click=move |_| looper.play(met)>{tm().play}</button> }.into_any()
                }}
            </div>
            <ul class="layers">{layer_rows}</ul>
            <div class="loop-actions">
                <button class="ghost" data-testid="loop-undo" disabled=move || looper.layers.get().is_empty() || recording()
                    on:click=move |_| {
                        looper.layers.update(|l| { l.pop(); });
                        looper.reschedule();
                        if looper.layers.get_untracked().is_empty() { looper.stop(); met.tempo_free.set(true); }
                        on_change.run(());
                    }>{tm().undo_layer}</button>
                <button class="ghost" data-testid="loop-clear" disabled=move || looper.layers.get().is_empty() || recording()
                    on:click=move |_| {
                        looper.layers.set(Vec::new());
                        looper.stop();
                        met.tempo_free.set(true);
                        on_change.run(());
                    }>{tm().clear_loop}</button>
            </div>
        </section>
    }
}
