//! Music at evaluation: a timeline of the hits (a row per sound, a colour per player), the
//! saved WAV, and a replay of the events through the pad's own sound engine. Group music
//! shows each child's hits in their avatar's colour, and "mijn deel" brings out the hits of
//! the client whose review this is.

use leptos::prelude::*;
use speelruimte_model::Artefact;
use speelruimte_sound::{Recording, Voice, velocity_step};

use super::engine;
use super::save::Saved;
use super::turns::{player_color, player_name};
use crate::browser::{audio, device};
use crate::i18n::{pick, tm, voice_name};

/// The record stored in a music artefact, read and checked as the server checked it.
pub fn saved(a: &Artefact) -> Option<Saved> {
    Saved::read(&a.metadata).ok()
}

fn layout_name(id: &str) -> String {
    speelruimte_sound::layout(id, &speelruimte_sound::Bars::default())
        .map(|l| pick(l.name_nl, l.name_en).to_string())
        .unwrap_or_default()
}

fn kind_word(s: &Saved) -> &'static str {
    if s.recording.is_looped() {
        tm().loop_title
    } else {
        tm().free_play
    }
}

/// "Loop · Drumstel · 24 slagen" for a thumbnail.
pub fn summary(a: &Artefact) -> String {
    match saved(a) {
        Some(s) => format!(
            "{} · {} · {} {}",
            kind_word(&s),
            layout_name(&s.layout),
            s.recording.event_count(),
            tm().hits
        ),
        None => tm().title.into(),
    }
}

/// Group music as one client sees it: the colour of each player, and this client's place.
struct Group {
    colours: Vec<&'static str>,
    mine: Option<u8>,
    /// "Mijn deel" is on: the others' hits are faint.
    mine_only: Signal<bool>,
}

impl Group {
    fn of(a: &Artefact, mine_only: Signal<bool>) -> Option<Self> {
        if a.participants.is_empty() {
            return None;
        }
        let client = uuid::Uuid::parse_str(&crate::pages::client::client_id()).ok();
        Some(Self {
            colours: a
                .participants
                .iter()
                .map(|p| p.avatar.colour.hex())
                .collect(),
            mine: client.and_then(|c| a.player_of(c)),
            mine_only,
        })
    }

    fn colour(&self, p: u8) -> &'static str {
        self.colours
            .get(usize::from(p))
            .copied()
            .unwrap_or_else(|| player_color(p))
    }
}

/// The rows of the timeline: each sound that was played, in the pads' order.
fn rows(r: &Recording) -> Vec<Voice> {
    let mut v: Vec<Voice> = r
        .layers
        .iter()
        .flat_map(|l| l.events.iter().map(|e| e.voice))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The hits as an SVG: time left to right, a row per sound, a dot per hit in its player's
/// colour (muted layers pale). With `labels`, the rows are named and the beats drawn.
fn timeline(
    r: &Recording,
    labels: bool,
    head: Option<Signal<f64>>,
    group: Option<&Group>,
) -> impl IntoView + use<> {
    let voices = rows(r);
    let row_h = if labels { 26.0 } else { 14.0 };
    let left = if labels { 118.0 } else { 6.0 };
    let w = if labels { 680.0 } else { 200.0 };
    let h = (voices.len().max(1) as f64 * row_h + 12.0).max(if labels { 80.0 } else { 150.0 });
    let row_h = if labels {
        row_h
    } else {
        (h - 12.0) / voices.len().max(1) as f64
    };
    let plot = w - left - 8.0;
    let len = f64::from(r.length_ms.max(1));
    let x = move |t: f64| left + plot * t / len;
    let y =
        |v: Voice| 6.0 + row_h * (voices.iter().position(|x| *x == v).unwrap_or(0) as f64 + 0.5);
    let beat = speelruimte_sound::beat_ms(r.tempo_bpm);
    let grid = labels.then(|| {
        let step = if r.is_looped() { beat } else { 5000.0 };
        let n = (len / step).floor() as usize;
        (0..=n)
            .map(|i| {
                let strong = r.is_looped() && i % usize::from(r.beats_per_bar.max(1)) == 0;
                view! { <line class="grid" class:strong=strong x1=x(i as f64 * step) x2=x(i as f64 * step) y1="4" y2=h - 4.0 /> }
            })
            .collect_view()
    });
    let names = labels.then(|| {
        voices
            .iter()
            .map(|v| view! { <text class="row-name" x=left - 8.0 y=y(*v) + 5.0 text-anchor="end">{voice_name(*v)}</text> })
            .collect_view()
    });
    let dots = r
        .layers
        .iter()
        .flat_map(|l| l.events.iter().map(move |e| (l.muted, *e)))
        .map(|(muted, e)| {
            let radius = if labels {
                3.5 + 4.0 * e.velocity
            } else {
                2.0 + 2.5 * e.velocity
            };
            let fill = group.map_or_else(|| player_color(e.player), |g| g.colour(e.player));
            let theirs = group.is_some_and(|g| g.mine != Some(e.player));
            view! {
                <circle class="hit" class:muted=muted class:theirs=theirs cx=x(f64::from(e.t_ms)) cy=y(e.voice) r=radius
                    fill=fill data-player=e.player.to_string() />
            }
        })
        .collect_view();
    let playhead = head.map(|pos| {
        view! { <line class="playhead" x1=move || left + plot * pos.get() x2=move || left + plot * pos.get() y1="0" y2=h /> }
    });
    let mine_only = group.map(|g| g.mine_only);
    view! {
        <svg class="music-timeline" class:mini=!labels class:mine-only=move || mine_only.is_some_and(|m| m.get())
            viewBox=format!("0 0 {w} {h}") role="img"
            preserveAspectRatio=if labels { "xMidYMid meet" } else { "none" }
            aria-label=tm().timeline>
            {grid}{names}{dots}{playhead}
        </svg>
    }
}

/// The card in a review list: a small timeline.
#[component]
pub fn MusicThumb(artefact: Artefact) -> impl IntoView {
    view! {
        <div class="music-thumb" aria-hidden="true">
            {saved(&artefact).map(|s| {
                let group = Group::of(&artefact, Signal::from(false));
                timeline(&s.recording, false, None, group.as_ref())
            })}
        </div>
    }
}

/// The panel for one recording.
#[component]
pub fn MusicReview(artefact: Artefact) -> impl IntoView {
    let Some(s) = saved(&artefact) else {
        return view! { <p class="error">{tm().unreadable}</p> }.into_any();
    };
    let rec = s.recording.clone();
    let repeats = if rec.is_looped() {
        s.wav_repeats.max(1)
    } else {
        1
    };
    let total_s = f64::from(rec.length_ms) / 1000.0 * f64::from(repeats);
    let pos = RwSignal::new(0.0f64);
    // Some(start) while playing; f64::NAN while waiting for the audio to unlock.
    let playing = RwSignal::new(None::<f64>);
    let events = StoredValue::new(rec.clone());
    let start_play = move || {
        let r = events.get_value();
        let voices = rows(&r);
        engine::prepare(&voices);
        let start = engine::now() + 0.15;
        let len = f64::from(r.length_ms) / 1000.0;
        for k in 0..repeats {
            for l in r.layers.iter().filter(|l| !l.muted) {
                for e in &l.events {
                    let at = start + f64::from(k) * len + f64::from(e.t_ms) / 1000.0;
                    engine::hit_at(e.voice, velocity_step(e.velocity), at);
                }
            }
        }
        playing.set(Some(start));
    };
    // Frames only while it plays (or waits for the audio to unlock).
    let frames = device::use_frame_loop(move |_| {
        match playing.get_untracked() {
            Some(start) if start.is_nan() && audio::is_running() => start_play(),
            Some(start) if start.is_nan() => {}
            Some(start) => {
                let t = engine::now() - start;
                if t >= total_s {
                    playing.set(None);
                    pos.set(0.0);
                } else {
                    let lap = total_s / f64::from(repeats);
                    pos.set((t.max(0.0) % lap) / lap);
                }
            }
            None => {}
        }
        playing.get_untracked().is_some()
    });
    frames.wake_when(move || playing.get().is_some());
    let play = move |_| {
        if playing.get_untracked().is_some() {
            return;
        }
        audio::unlock();
        playing.set(Some(f64::NAN));
    };
    let mine_on = RwSignal::new(false);
    let group = Group::of(&artefact, mine_on.into());
    let mine_bar = group.as_ref().and_then(|g| g.mine).map(|mine| {
        let own = rec
            .layers
            .iter()
            .flat_map(|l| &l.events)
            .filter(|e| e.player == mine)
            .count();
        view! { <crate::group::MineBar participants=artefact.participants.clone() mine own on=mine_on /> }
    });
    let src = format!("/api/artefacts/{}/blobs/mix.wav", artefact.id);
    let has_wav = artefact.blobs.iter().any(|b| b.name.as_str() == "mix.wav");
    let mut players: Vec<u8> = rec
        .layers
        .iter()
        .flat_map(|l| l.events.iter().map(|e| e.player))
        .collect();
    players.sort_unstable();
    players.dedup();
    let length = if rec.is_looped() {
        format!(
            "{} {} · {} {}",
            rec.bars,
            if rec.bars == 1 { tm().bar } else { tm().bars },
            rec.tempo_bpm,
            tm().bpm
        )
    } else {
        let secs = rec.length_ms / 1000;
        format!("{}:{:02} {}", secs / 60, secs % 60, tm().minutes)
    };
    let stars: Vec<String> = s
        .echo
        .iter()
        .map(|e| {
            format!(
                "{} {}: {}",
                tm().level,
                e.level,
                "★".repeat(usize::from(e.stars))
            )
        })
        .collect();
    view! {
        <div class="music-review" data-testid="music-review" data-events=rec.event_count().to_string()>
            {mine_bar}
            {timeline(&rec, true, Some(pos.into()), group.as_ref())}
            <div class="music-review-side">
                <dl class="facts">
                    <dt>{tm().kind}</dt><dd>{kind_word(&s)} " · " {layout_name(&s.layout)}</dd>
                    <dt>{tm().length}</dt><dd>{length}</dd>
                    <dt>{tm().hits_title}</dt><dd data-testid="review-hits">{rec.event_count()}</dd>
                    {rec.is_looped().then(|| view! { <dt>{tm().layers}</dt><dd>{rec.layers.len()}</dd> })}
                    {group.is_none().then(|| view! {
                    <dt>{tm().players}</dt>
                    <dd class="player-legend">{players.into_iter().map(|p| view! {
                        <span class="player-dot" style=format!("background: {}", player_color(p))></span> {player_name(p)} " "
                    }).collect_view()}</dd>
                    })}
                    {(!stars.is_empty()).then(|| view! { <dt>{tm().echo_title}</dt><dd>{stars.join(" · ")}</dd> })}
                </dl>
                <button class="primary" data-testid="review-play" on:click=play
                    disabled=move || playing.get().is_some()>{tm().play_events}</button>
                {has_wav.then(|| view! {
                    <audio controls=true preload="none" src=src data-testid="review-wav"></audio>
                })}
            </div>
        </div>
    }
    .into_any()
}
