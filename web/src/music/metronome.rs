//! The metronome in the browser: the sound crate's [`BeatGrid`] on the musical clock
//! ([`engine::now`]), asked once per animation frame (never a timer, which drifts) which
//! clicks to hand to the audio clock; a visible pulse with beat one accented, and tap tempo.

use leptos::prelude::*;
pub use speelruimte_sound::{BEATS_PER_BAR, LOOKAHEAD_S};
use speelruimte_sound::{BeatGrid, TEMPO_MAX, TEMPO_MIN, beat_ms, clamp_tempo, tap_tempo};

use super::engine;
use crate::browser::device;
use crate::i18n::tm;

/// The metronome's controls and state.
#[derive(Clone, Copy)]
pub struct Metronome {
    /// Tempo, beats per minute (40–200).
    pub bpm: RwSignal<f32>,
    /// Whether the beat runs.
    pub running: RwSignal<bool>,
    /// Whether the click is heard (the pulse always shows).
    pub click: RwSignal<bool>,
    /// The beat sounding now (index from the origin; negative during a count-in).
    pub beat: RwSignal<Option<i64>>,
    /// False while a loop holds the tempo.
    pub tempo_free: RwSignal<bool>,
    grid: StoredValue<BeatGrid>,
    taps: StoredValue<Vec<f64>>,
}

impl Metronome {
    /// A stopped metronome at 90 BPM with the click on.
    pub fn new() -> Self {
        Self {
            bpm: RwSignal::new(90.0),
            running: RwSignal::new(false),
            click: RwSignal::new(true),
            beat: RwSignal::new(None),
            tempo_free: RwSignal::new(true),
            grid: StoredValue::new(BeatGrid::new(0.0, 90.0)),
            taps: StoredValue::new(Vec::new()),
        }
    }

    /// One beat, seconds.
    pub fn beat_s(self) -> f64 {
        beat_ms(self.bpm.get_untracked()) / 1000.0
    }

    /// One bar, seconds.
    pub fn bar_s(self) -> f64 {
        self.beat_s() * f64::from(BEATS_PER_BAR)
    }

    /// Time of beat 0.
    pub fn origin(self) -> f64 {
        self.grid.with_value(BeatGrid::origin)
    }

    /// Starts the beat with beat 0 at `origin` (seconds on [`engine::now`]'s clock).
    pub fn start_at(self, origin: f64) {
        self.grid
            .set_value(BeatGrid::new(origin, self.bpm.get_untracked()));
        self.running.set(true);
    }

    /// Stops the beat.
    pub fn stop(self) {
        crate::browser::audio::cancel(super::engine::CLICK_TAG);
        crate::browser::audio::cancel(super::engine::LOOP_TAG);
        self.running.set(false);
        self.beat.set(None);
    }

    /// The first downbeat at or after `t` (the metronome must be running).
    pub fn downbeat_at_or_after(self, t: f64) -> f64 {
        self.grid.with_value(|g| g.downbeat_at_or_after(t))
    }

    /// Sets the tempo, keeping the beat that comes next where it is.
    pub fn set_bpm(self, bpm: f32) {
        let bpm = clamp_tempo(bpm).round();
        if self.running.get_untracked() {
            self.grid.update_value(|g| g.set_tempo(bpm));
        }
        self.bpm.set(bpm);
    }

    /// A tap on the tap-tempo button at `now_ms`; sets the tempo once the taps are steady.
    pub fn tap(self, now_ms: f64) {
        self.taps.update_value(|t| {
            t.push(now_ms);
            if t.len() > 12 {
                t.remove(0);
            }
        });
        if let Some(bpm) = self.taps.with_value(|t| tap_tempo(t)) {
            self.set_bpm(bpm);
        }
    }

    /// Hands the clicks up to `now + LOOKAHEAD_S` to the audio clock and moves the pulse;
    /// once per frame.
    pub fn tick(self, now: f64) {
        if !self.running.get_untracked() {
            return;
        }
        let tick = self
            .grid
            .try_update_value(|g| g.tick(now))
            .unwrap_or_default();
        if self.click.get_untracked() {
            for b in &tick.scheduled {
                engine::click_at(b.downbeat, b.at);
            }
        }
        if let Some(index) = tick.sounding {
            self.beat.set(Some(index));
        }
    }
}

/// The pulse: one dot per beat of the bar, the one sounding lit, beat one larger.
#[component]
pub fn Pulse(met: Metronome) -> impl IntoView {
    let in_bar = move || {
        met.beat
            .get()
            .map(|b| b.rem_euclid(i64::from(BEATS_PER_BAR)) as u8)
    };
    view! {
        <div class="pulse" data-testid="pulse" aria-hidden="true"
            data-beat=move || met.beat.get().map(|b| b.to_string()).unwrap_or_default()
            class:count-in=move || met.beat.get().is_some_and(|b| b < 0)>
            {(0..BEATS_PER_BAR).map(|i| view! {
                <span class="pulse-dot" class:one=i == 0 class:on=move || in_bar() == Some(i)></span>
            }).collect_view()}
        </div>
    }
}

/// The metronome's card: tempo (buttons, slider, tap tempo), start/stop and the click.
#[component]
pub fn MetronomeCard(met: Metronome) -> impl IntoView {
    let step = move |d: f32| met.set_bpm(met.bpm.get_untracked() + d);
    let locked = move || !met.tempo_free.get();
    let toggle = move |_| {
        if met.running.get_untracked() {
            met.stop();
        } else {
            met.start_at(engine::now() + 0.1);
        }
    };
    view! {
        <section class="card music-card metronome" data-testid="metronome">
            <h2>{tm().metronome}</h2>
            <div class="tempo-row">
                <button class="secondary round" aria-label=tm().slower disabled=locked on:click=move |_| step(-5.0)>"−"</button>
                <output class="tempo" data-testid="tempo" data-bpm=move || met.bpm.get().to_string()>
                    <b>{move || met.bpm.get().to_string()}</b>
                    <span>{tm().bpm}</span>
                </output>
                <button class="secondary round" aria-label=tm().faster disabled=locked on:click=move |_| step(5.0)>"+"</button>
            </div>
            <input type="range" class="tempo-slider" aria-label=tm().tempo disabled=locked
                min=TEMPO_MIN.to_string() max=TEMPO_MAX.to_string() step="1"
                prop:value=move || met.bpm.get().to_string()
                on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f32>() { met.set_bpm(v) } } />
            <Show when=locked>
                <p class="muted small">{tm().tempo_locked}</p>
            </Show>
            <div class="metronome-actions">
                <button class="primary" data-testid="metronome-toggle" aria-pressed=move || met.running.get().to_string()
                    on:click=toggle>
                    {move || if met.running.get() { tm().stop } else { tm().start_beat }}
                </button>
                <button class="secondary" data-testid="tap-tempo" disabled=locked
                    on:pointerdown=move |_| met.tap(device::now_ms())>{tm().tap_tempo}</button>
                <button class="chip" data-testid="click-toggle" aria-pressed=move || met.click.get().to_string()
                    on:click=move |_| met.click.update(|c| *c = !*c)>{tm().click}</button>
            </div>
        </section>
    }
}
