//! The echo game (*nadoen*): the pad plays a short rhythm with a visible pulse per beat, then
//! it is the client's turn; the taps are scored by `speelruimte_sound::score` and shown kindly
//! — stars, and a dot per note that smiles when on time, glows softly when a little early or
//! late, and stays an open circle when missed. Never a cross.

use leptos::prelude::*;
use speelruimte_sound::{EchoLevel, EchoResult, Pattern, Timing, Voice, pattern_for_level, score};

use super::engine;
use super::pad::Hit;
use crate::i18n::{pick, tm};

/// The drum the pattern is played on (a clear, short, middle sound).
const PATTERN_VOICE: Voice = Voice::DjembeTone;

/// Where a round stands.
#[derive(Clone, Debug, PartialEq)]
pub enum EchoPhase {
    /// Choose a level and start.
    Ready,
    /// The pad plays the pattern from `start` (seconds).
    Listen { start: f64 },
    /// The client answers; `since` is when their turn began, `first` their first tap.
    Answer { since: f64, first: Option<f64> },
    /// The outcome.
    Done(EchoResult),
}

/// One round played, as saved with the recording (defined in `speelruimte_model`).
pub type EchoRecord = speelruimte_model::EchoRound<Timing>;

/// The game.
#[derive(Clone, Copy)]
pub struct Echo {
    /// The level, 1–5.
    pub level: RwSignal<u8>,
    /// The pattern's seed.
    pub seed: RwSignal<u64>,
    /// Where the round stands.
    pub phase: RwSignal<EchoPhase>,
    /// The beat of the pattern being shown (index), during listening and answering.
    pub beat: RwSignal<Option<u32>>,
    /// The note last sounded in the pattern (index), while listening.
    pub note: RwSignal<Option<usize>>,
    /// Rounds played.
    pub rounds: RwSignal<Vec<EchoRecord>>,
    taps: StoredValue<Vec<f64>>,
}

fn random_seed() -> u64 {
    (js_sys::Math::random() * 4_294_967_296.0) as u64
}

impl Echo {
    /// Level 1, a fresh pattern.
    pub fn new() -> Self {
        Self {
            level: RwSignal::new(1),
            seed: RwSignal::new(random_seed()),
            phase: RwSignal::new(EchoPhase::Ready),
            beat: RwSignal::new(None),
            note: RwSignal::new(None),
            rounds: RwSignal::new(Vec::new()),
            taps: StoredValue::new(Vec::new()),
        }
    }

    /// The pattern of this level and seed.
    pub fn pattern(self) -> Pattern {
        pattern_for_level(EchoLevel::new(self.level.get()), self.seed.get())
    }

    fn pattern_untracked(self) -> Pattern {
        pattern_for_level(
            EchoLevel::new(self.level.get_untracked()),
            self.seed.get_untracked(),
        )
    }

    /// Plays the pattern (again) and then gives the turn to the client.
    pub fn listen(self) {
        let p = self.pattern_untracked();
        let start = engine::now() + 0.35;
        for ms in p.onsets_ms() {
            engine::hit_at(PATTERN_VOICE, 16, start + ms / 1000.0);
        }
        self.taps.set_value(Vec::new());
        self.phase.set(EchoPhase::Listen { start });
    }

    /// A pad hit: a tap of the answer, while it is the client's turn.
    pub fn hear(self, hit: &Hit) {
        if let EchoPhase::Answer { since, first } = self.phase.get_untracked() {
            self.taps.update_value(|t| t.push(hit.at * 1000.0));
            if first.is_none() {
                self.phase.set(EchoPhase::Answer {
                    since,
                    first: Some(hit.at),
                });
            }
        }
    }

    /// Moves the game along; once per frame. Returns a finished round.
    pub fn tick(self, now: f64, player: u8) -> Option<EchoRecord> {
        let p = self.pattern_untracked();
        let beat_s = p.beat_ms() / 1000.0;
        let length_s = p.length_ms() / 1000.0;
        match self.phase.get_untracked() {
            EchoPhase::Listen { start } => {
                let beat = ((now - start) / beat_s).floor();
                self.set_beat((beat >= 0.0).then_some(beat as u32));
                let note = p
                    .onsets_ms()
                    .iter()
                    .rposition(|ms| start + ms / 1000.0 <= now);
                if self.note.get_untracked() != note {
                    self.note.set(note);
                }
                // The turn passes half a beat after the pattern's length.
                if now >= start + length_s + beat_s / 2.0 {
                    self.note.set(None);
                    self.set_beat(None);
                    self.phase.set(EchoPhase::Answer {
                        since: now,
                        first: None,
                    });
                }
                None
            }
            EchoPhase::Answer {
                first: Some(first), ..
            } => {
                let beat = ((now - first) / beat_s).floor().max(0.0) as u32;
                self.set_beat(Some(beat));
                let taps = self.taps.get_value();
                let last = taps.last().copied().unwrap_or(first * 1000.0) / 1000.0;
                // Done a little after the pattern's length from the first tap, or sooner once
                // every note has its tap and a beat has gone by without another.
                let enough = taps.len() >= p.onsets_beats.len() && now >= last + beat_s;
                if now >= first + length_s + beat_s / 2.0 || enough {
                    self.set_beat(None);
                    let r = score(&p, &taps);
                    let record = EchoRecord {
                        level: self.level.get_untracked(),
                        seed: self.seed.get_untracked(),
                        player,
                        stars: r.stars,
                        on_time: r.on_time(),
                        notes: r.beats.len(),
                        beats: r.beats.iter().map(|b| b.kind).collect(),
                        message_nl: r.message_nl.to_string(),
                    };
                    self.phase.set(EchoPhase::Done(r));
                    self.rounds.update(|v| v.push(record.clone()));
                    return Some(record);
                }
                None
            }
            _ => None,
        }
    }

    /// Whether a round is under way that moves on with time (the pattern playing, or the
    /// client answering after their first tap); waiting for a first tap needs no clock.
    pub fn keeps_time(self) -> bool {
        matches!(
            self.phase.get_untracked(),
            EchoPhase::Listen { .. } | EchoPhase::Answer { first: Some(_), .. }
        )
    }

    fn set_beat(self, b: Option<u32>) {
        if self.beat.get_untracked() != b {
            self.beat.set(b);
        }
    }
}

fn timing_class(t: Timing) -> &'static str {
    match t {
        Timing::OnTime => "on-time",
        Timing::Early => "early",
        Timing::Late => "late",
        Timing::Missed => "missed",
    }
}

fn timing_word(t: Timing) -> &'static str {
    match t {
        Timing::OnTime => tm().on_time,
        Timing::Early => tm().early,
        Timing::Late => tm().late,
        Timing::Missed => tm().missed,
    }
}

/// The pattern drawn as notes on a line of beats: the beats pulse in turn, notes light up as
/// they sound; after a round each note shows how it was played.
#[component]
fn PatternLine(echo: Echo) -> impl IntoView {
    move || {
        let p = echo.pattern();
        let beats = p.length_beats.ceil() as u32;
        let len = p.length_beats.max(1.0);
        let result = match echo.phase.get() {
            EchoPhase::Done(r) => Some(r),
            _ => None,
        };
        let ticks = (0..beats)
            .map(|b| {
                let left = 100.0 * b as f32 / len;
                view! {
                    <span class="echo-beat" class:one=b % 4 == 0 class:on=move || echo.beat.get() == Some(b)
                        style=format!("left: {left:.2}%")></span>
                }
            })
            .collect_view();
        let notes = p
            .onsets_beats
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let left = 100.0 * o / len;
                let kind = result.as_ref().and_then(|r| r.beats.get(i)).map(|b| b.kind);
                let class = kind.map(timing_class).unwrap_or("");
                let title = kind.map(timing_word).unwrap_or("");
                view! {
                    <span class=format!("echo-note {class}") title=title data-timing=class
                        class:on=move || echo.note.get() == Some(i)
                        style=format!("left: {left:.2}%")>
                        {(kind == Some(Timing::OnTime)).then_some("◡")}
                    </span>
                }
            })
            .collect_view();
        view! { <div class="echo-line" aria-hidden="true">{ticks}{notes}</div> }
    }
}

/// The echo game's card.
#[component]
pub fn EchoCard(echo: Echo) -> impl IntoView {
    let phase_code = move || match echo.phase.get() {
        EchoPhase::Ready => "ready",
        EchoPhase::Listen { .. } => "listen",
        EchoPhase::Answer { .. } => "answer",
        EchoPhase::Done(_) => "done",
    };
    let onsets = move || {
        echo.pattern()
            .onsets_ms()
            .iter()
            .map(|ms| format!("{ms:.1}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let stars = move || match echo.phase.get() {
        EchoPhase::Done(r) => Some(r.stars),
        _ => None,
    };
    let next_level = move |_| {
        echo.level.update(|l| *l = (*l + 1).min(EchoLevel::MAX));
        echo.seed.set(random_seed());
        echo.listen();
    };
    let prompt = move || match echo.phase.get() {
        EchoPhase::Ready => tm().echo_intro.to_string(),
        EchoPhase::Listen { .. } => tm().echo_listen.to_string(),
        EchoPhase::Answer { .. } => tm().echo_your_turn.to_string(),
        EchoPhase::Done(r) => pick(r.message_nl, r.message_en()).to_string(),
    };
    view! {
        <section class="card music-card echo" data-testid="echo" data-phase=phase_code data-onsets=onsets
            data-stars=move || stars().map(|s| s.to_string()).unwrap_or_default()>
            <h2>{tm().echo_title}</h2>
            <div class="chips" role="group" aria-label=tm().level>
                <span class="chips-label">{tm().level}</span>
                {EchoLevel::all().map(|l| {
                    let n = l.get();
                    view! {
                        <button class="chip level" data-level=n.to_string() title=pick(l.description_nl(), l.description_en())
                            aria-pressed=move || (echo.level.get() == n).to_string()
                            disabled=move || matches!(echo.phase.get(), EchoPhase::Listen { .. } | EchoPhase::Answer { .. })
                            on:click=move |_| { echo.level.set(n); echo.seed.set(random_seed()); echo.phase.set(EchoPhase::Ready); }>
                            {n.to_string()}
                        </button>
                    }
                }).collect_view()}
            </div>
            <p class="muted small">{move || { let l = EchoLevel::new(echo.level.get()); pick(l.description_nl(), l.description_en()) }}</p>
            <PatternLine echo />
            <p class="echo-prompt" role="status" data-testid="echo-prompt">{prompt}</p>
            {move || stars().map(|s| view! {
                <div class="stars" data-testid="stars" aria-label=format!("{s} {}", tm().of_three_stars)>
                    {(1..=3u8).map(|i| view! { <span class="star" class:lit=i <= s>"★"</span> }).collect_view()}
                </div>
            })}
            <div class="loop-actions">
                {move || match echo.phase.get() {
                    EchoPhase::Ready => view! {
                        <button class="primary big" data-testid="echo-start" on:click=move |_| echo.listen()>{tm().echo_start}</button>
                    }.into_any(),
                    EchoPhase::Listen { .. } => view! { <span></span> }.into_any(),
                    EchoPhase::Answer { .. } => view! {
                        <button class="secondary" on:click=move |_| echo.listen()>{tm().listen_again}</button>
                    }.into_any(),
                    EchoPhase::Done(_) => view! {
                        <button class="secondary" data-testid="echo-again" on:click=move |_| echo.listen()>{tm().again}</button>
                        <button class="primary" data-testid="echo-next" on:click=next_level>
                            {move || if echo.level.get() < EchoLevel::MAX { tm().next_level } else { tm().new_rhythm }}
                        </button>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}
