//! The *muziek* work form: a multi-touch rhythm and tone pad (drum kit, djembe, tone bars,
//! group circle) with a metronome, a loop recorder with layers, the echo game (*nadoen*) and
//! turn-taking for groups; what was played is saved as an artefact (events and a WAV rendered
//! by `speelruimte-sound`) linked to the session and goals.

mod draft;
mod echo;
mod engine;
mod looper;
mod metronome;
mod pad;
pub mod review;
mod save;
mod tape;
mod turns;

pub use turns::player_color;

use leptos::prelude::*;
use speelruimte_guide::{Rounding, clock_text};
use speelruimte_model::Client;
use speelruimte_sound::{
    BarInstrument, Bars, CustomScale, LAYOUT_IDS, Layout, Scale, layout, note_name_en, note_name_nl,
};

use crate::browser::{audio, device};
use crate::i18n::{pick, t, tm};
use crate::outbox::drafts;
use crate::outbox::keeper::use_keeper;
use crate::outbox::view::OutboxCount;
use crate::pages::{Load, WorkFormRoute, load};
use crate::saving::{GoalChips, SaveState, SaveStatus, Saver};
use draft::MusicDraft;
use echo::{Echo, EchoCard};
use looper::{LoopCard, Looper};
use metronome::{Metronome, MetronomeCard, Pulse};
use pad::{Hit, Pads};
use tape::Tape;
use turns::{TurnBand, Turns, TurnsCard};

/// What the side panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Play,
    Loop,
    Echo,
    Turns,
}

impl Mode {
    const ALL: [Mode; 4] = [Mode::Play, Mode::Loop, Mode::Echo, Mode::Turns];

    fn label(self) -> &'static str {
        match self {
            Mode::Play => tm().mode_play,
            Mode::Loop => tm().mode_loop,
            Mode::Echo => tm().mode_echo,
            Mode::Turns => tm().mode_turns,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Mode::Play => "spelen",
            Mode::Loop => "loop",
            Mode::Echo => "nadoen",
            Mode::Turns => "beurten",
        }
    }
}

fn scale_of(code: &str, own: &[u8]) -> Scale {
    match code {
        "majeur" => Scale::Major,
        "mineur" => Scale::Minor,
        "eigen" => CustomScale::new(own)
            .map(Scale::Custom)
            .unwrap_or(Scale::Pentatonic),
        _ => Scale::Pentatonic,
    }
}

fn scale_code(s: &Scale) -> &'static str {
    match s {
        Scale::Major => "majeur",
        Scale::Minor => "mineur",
        Scale::Custom(_) => "eigen",
        _ => "pentatonisch",
    }
}

#[component]
pub fn MusicPage() -> impl IntoView {
    let WorkFormRoute {
        cid,
        sid,
        client_id,
        session_id,
    } = WorkFormRoute::read();
    let (client, _) = load::<Client>(move || format!("/api/clients/{client_id}"));
    let saver = Saver::new(client_id);
    let version = RwSignal::new(0u32);

    let layout_id = RwSignal::new(LAYOUT_IDS[0]);
    let bars = RwSignal::new(Bars::default());
    // The therapist's own scale: semitones above the root, starting as the pentatonic.
    let own_scale = RwSignal::new(vec![0u8, 2, 4, 7, 9]);
    let own_error = RwSignal::new(None::<String>);
    let current: Memo<Layout> = Memo::new(move |_| {
        bars.with(|b| layout(layout_id.get(), b))
            .unwrap_or_else(speelruimte_sound::drumstel)
    });
    let mode = RwSignal::new(Mode::Play);
    let hits = RwSignal::new(0u32);
    let met = Metronome::new();
    let looper = Looper::new();
    let tape = Tape::new();
    let echo = Echo::new();
    let turns = Turns::new();
    // A group session: the players are its participants, each pad framed in the colour of
    // whose turn it is, and every hit is that child's.
    let participants = crate::group::participants(&sid);
    if let Some(list) = &participants {
        turns.group(list.iter().map(|p| p.avatar).collect());
    }
    let in_group = participants.is_some();
    let group_kind = participants.as_deref().map(crate::group::kind_of);

    // What was played is kept on the tablet as it is played, and comes back after a reload.
    let snapshot = move || MusicDraft {
        layout: layout_id.get_untracked().to_owned(),
        bars: bars.get_untracked(),
        bpm: met.bpm.get_untracked(),
        players: turns.players.get_untracked(),
        tape: tape.events(),
        loop_bars: looper.bars.get_untracked(),
        loop_bpm: looper.bpm.get_untracked(),
        layers: looper.layers.get_untracked(),
        echo: echo.rounds.get_untracked(),
    };
    let keeper = use_keeper(drafts::MUSIC, sid.clone(), move || {
        let d = snapshot();
        d.holds_work().then(|| d.to_bytes()).flatten()
    });
    if let Some(d) = drafts::read(drafts::MUSIC, &sid).and_then(|b| MusicDraft::from_bytes(&b)) {
        layout_id.set(d.layout_id());
        bars.set(d.bars.clone());
        met.bpm.set(d.bpm);
        if !in_group {
            turns.players.set(d.players.max(1));
        }
        hits.set(d.tape.len() as u32);
        tape.restore(d.tape);
        looper.bars.set(d.loop_bars);
        looper.bpm.set(d.loop_bpm);
        looper.layers.set(d.layers);
        echo.rounds.set(d.echo);
        if hits.get_untracked() > 0 || !looper.layers.with_untracked(Vec::is_empty) {
            saver.status.set(SaveState::Unsaved);
        }
    }
    let changed = move || {
        version.update(|v| *v += 1);
        if hits.get_untracked() > 0 || !looper.layers.with_untracked(Vec::is_empty) {
            saver.status.set(SaveState::Unsaved);
        }
        keeper.changed();
    };
    // A finished loop layer, a muted or cleared one, an echo round: all change what is saved.
    Effect::new(move |first: Option<()>| {
        looper.layers.track();
        echo.rounds.track();
        if first.is_some() {
            changed();
        }
    });
    Effect::new(move |_| {
        // The tempo is the loop's while it has layers.
        let free =
            looper.layers.with(Vec::is_empty) && looper.phase.get() == looper::LoopPhase::Idle;
        met.tempo_free.set(free);
    });

    let on_hit = Callback::new(move |hit: Hit| {
        let player = turns.player();
        tape.hear(&hit, player);
        looper.hear(&hit, player, met);
        echo.hear(&hit);
        hits.update(|n| *n += 1);
        changed();
    });

    // Frames only while something keeps time (the metronome, and with it the loops; a round
    // of the echo game; the turn timer of a group) or voices wait to be rendered.
    let frames = device::use_frame_loop(move |now_ms| {
        let now = engine::now();
        met.tick(now);
        looper.tick(now, met);
        echo.tick(now, turns.player());
        turns.tick(now_ms);
        engine::work();
        met.running.get_untracked()
            || echo.keeps_time()
            || turns.players.get_untracked() > 1
            || engine::has_work()
    });
    Effect::new(move |_| {
        met.running.track();
        echo.phase.track();
        turns.players.track();
        frames.wake();
    });
    // The layout's voices are rendered when it opens (softer steps over the next frames).
    Effect::new(move |_| {
        let voices: Vec<_> = current.with(|l| l.pads.iter().map(|p| p.voice).collect());
        engine::prepare(&voices);
        frames.wake();
    });
    // Browsers suspend audio in a hidden tab; resume it when the tab comes back.
    let visible = window_event_listener_untyped("visibilitychange", move |_| {
        let shown = web_sys::window()
            .and_then(|w| w.document())
            .map(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
            .unwrap_or(false);
        if shown {
            audio::unlock();
        }
    });
    on_cleanup(move || visible.remove());

    let sid_save = sid.clone();
    let participants_save = StoredValue::new(participants.unwrap_or_default());
    let save = move |_| {
        let free = tape.recording(met.bpm.get_untracked());
        let looped = looper.recording();
        let echo_rounds = echo.rounds.get_untracked();
        let bars_setup = bars.get_untracked();
        let saved = version.get_untracked();
        let sid = sid_save.clone();
        saver.save_with(
            saved,
            |goal_ids| {
                save::upload(save::Take {
                    client_id,
                    session_id,
                    goal_ids,
                    layout: layout_id.get_untracked(),
                    bars: &bars_setup,
                    players: turns.players.get_untracked(),
                    looped,
                    free,
                    echo: &echo_rounds,
                    participants: participants_save.get_value(),
                })
            },
            move || {
                // Safe in the outbox: the tablet lets go of the work in progress, unless more
                // was played meanwhile.
                if version.try_get_untracked() == Some(saved) {
                    keeper.forget(drafts::MUSIC, &sid);
                }
            },
        );
    };

    // In a group the children see the screen: no client's label on it.
    let title = Signal::derive(move || match client.get() {
        _ if group_kind.is_some() => format!("{} · {}", tm().title, group_kind.unwrap_or_default()),
        Load::Ready(c) => format!("{} · {}", c.label.as_str(), tm().title),
        _ => tm().title.to_string(),
    });
    let layout_buttons = move || {
        LAYOUT_IDS
            .iter()
            .map(|id| {
                let name = layout(id, &Bars::default()).map(|l| pick(l.name_nl, l.name_en)).unwrap_or(id);
                view! {
                    <button class="seg" data-layout-choice=*id aria-pressed=move || (layout_id.get() == *id).to_string()
                        on:click=move |_| layout_id.set(id)>{name}</button>
                }
            })
            .collect_view()
    };
    let bar_settings = move || {
        let shows = matches!(layout_id.get(), "klankstaven" | "groepskring");
        shows.then(|| view! {
            <label class="inline">
                <span>{tm().scale}</span>
                <select data-testid="scale" on:change=move |ev| {
                    let s = scale_of(&event_target_value(&ev), &own_scale.get_untracked());
                    bars.update(|b| b.scale = s)
                }>
                    {["pentatonisch", "majeur", "mineur", "eigen"].into_iter().map(|c| view! {
                        <option value=c selected=move || bars.with(|b| scale_code(&b.scale) == c)>{let s = scale_of(c, &[0]); pick(s.name_nl(), s.name_en())}</option>
                    }).collect_view()}
                </select>
            </label>
            <Show when=move || bars.with(|b| matches!(b.scale, Scale::Custom(_)))>
                <div class="chips own-scale" role="group" aria-label=tm().own_scale data-testid="own-scale">
                    {(0u8..12).map(|k| view! {
                        <button class="chip note" data-semitone=k.to_string()
                            aria-pressed=move || own_scale.with(|o| o.contains(&k)).to_string()
                            on:click=move |_| {
                                let mut next = own_scale.get_untracked();
                                match next.iter().position(|x| *x == k) {
                                    Some(i) => { next.remove(i); }
                                    None => { next.push(k); next.sort_unstable(); }
                                }
                                match CustomScale::new(&next) {
                                    Ok(cs) => {
                                        own_scale.set(next);
                                        own_error.set(None);
                                        bars.update(|b| b.scale = Scale::Custom(cs));
                                    }
                                    Err(e) => own_error.set(Some(e.to_string())),
                                }
                            }>{pick(note_name_nl(60 + k), note_name_en(60 + k))}</button>
                    }).collect_view()}
                    {move || own_error.get().map(|m| view! { <span class="error">{m}</span> })}
                </div>
            </Show>
            <label class="inline">
                <span>{tm().instrument}</span>
                <select data-testid="instrument" on:change=move |ev| {
                    let i = if event_target_value(&ev) == "metallofoon" { BarInstrument::Metallophone } else { BarInstrument::Xylophone };
                    bars.update(|b| b.instrument = i)
                }>
                    <option value="xylofoon" selected=move || bars.with(|b| b.instrument == BarInstrument::Xylophone)>{pick(BarInstrument::Xylophone.name_nl(), BarInstrument::Xylophone.name_en())}</option>
                    <option value="metallofoon" selected=move || bars.with(|b| b.instrument == BarInstrument::Metallophone)>{pick(BarInstrument::Metallophone.name_nl(), BarInstrument::Metallophone.name_en())}</option>
                </select>
            </label>
        })
    };
    let play_card = move || {
        view! {
            <section class="card music-card tape" data-testid="tape">
                <h2>{tm().free_play}</h2>
                <p class="tape-line">
                    <span class="rec-dot small" class:idle=move || hits.get() == 0 aria-hidden="true"></span>
                    {move || if hits.get() == 0 { tm().tape_waiting.to_string() } else {
                        format!("{} · {}", tm().tape_running, clock_text(u64::from(tape.length_ms.get()), Rounding::Elapsed))
                    }}
                </p>
                <Show when=move || tape.full.get()>
                    <p class="notice-soft">{tm().tape_full}</p>
                </Show>
                <button class="ghost" disabled=move || hits.get() == 0 on:click=move |_| {
                    if web_sys::window().and_then(|w| w.confirm_with_message(tm().restart_confirm).ok()).unwrap_or(false) {
                        tape.clear();
                        hits.set(0);
                        saver.status.set(SaveState::Empty);
                        changed();
                    }
                }>{tm().restart}</button>
            </section>
        }
    };
    let side = move || {
        match mode.get() {
        Mode::Play => view! { <MetronomeCard met />{play_card} }.into_any(),
        Mode::Loop => view! { <LoopCard looper met on_change=Callback::new(move |_| ()) /><MetronomeCard met /> }.into_any(),
        Mode::Echo => view! { <EchoCard echo /> }.into_any(),
        Mode::Turns => view! { <TurnsCard turns /> }.into_any(),
    }
    };

    view! {
        // The whole screen is its main landmark: pads, modes and saving are the page's content.
        <main class="music-screen" data-mode=move || mode.get().code()
            on:pointerdown=move |_| audio::unlock()>
            <header class="topbar">
                {(!crate::kiosk::locked()).then(|| view! { <a class="button ghost back" href=format!("/clients/{cid}/sessies/{sid}")>"‹ " {t().back}</a> })}
                <h1>{move || title.get()}</h1>
                <SaveStatus saver />
                <OutboxCount />
            </header>
            <div class="music-bar">
                <div class="segmented" role="group" aria-label=tm().instrument_layout>{layout_buttons}</div>
                {bar_settings}
            </div>
            <div class="music-main">
                <section class="stage">
                    <TurnBand turns />
                    <div class="stage-head">
                        <Pulse met />
                        <span class="hit-count" data-testid="hit-count" data-hits=move || hits.get().to_string()>
                            {move || format!("{} {}", hits.get(), if hits.get() == 1 { tm().hit } else { tm().hits })}
                        </span>
                    </div>
                    {if in_group {
                        view! { <Pads layout=current.into() on_hit hits=hits.into() tint=Signal::derive(move || turns.style()) /> }.into_any()
                    } else {
                        view! { <Pads layout=current.into() on_hit hits=hits.into() /> }.into_any()
                    }}
                </section>
                <aside class="side">
                    <nav class="mode-tabs" role="tablist">
                        {Mode::ALL.into_iter().map(|m| view! {
                            <button class="tab" role="tab" data-mode=m.code() aria-selected=move || (mode.get() == m).to_string()
                                on:click=move |_| mode.set(m)>{m.label()}</button>
                        }).collect_view()}
                    </nav>
                    {side}
                </aside>
            </div>
            <footer class="music-save card">
                <GoalChips saver />
                <button class="primary big" data-testid="save" on:click=save
                    disabled=move || saver.status.get() == SaveState::Saving || hits.get() == 0>{t().save}</button>
            </footer>
        </main>
    }
}
