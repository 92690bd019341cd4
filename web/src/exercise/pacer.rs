//! Running an exercise in the browser: the guide's [`ExerciseClock`] fed `performance.now()`,
//! its timeline asked for the moment on every animation frame, the pacer picture, and the cues
//! at each phase change (sound, vibration, speech). The arithmetic lives in the guide.

use leptos::prelude::*;
use speelruimte_guide::{
    Exercise, ExerciseClock, ExerciseKind, PhaseKind, Rounding, Timeline, clock_text, cue_samples,
};

use crate::body::BodyMap;
use crate::browser::{audio, device};
use crate::i18n::{self, phase_word, tx};

pub use super::visuals::Visual;
use super::visuals::{Pacer, wave_paths};

/// Which cues accompany a phase change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cues {
    pub sound: bool,
    pub vibrate: bool,
    pub speech: bool,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunEnd {
    /// How far along the exercise's own timeline it got, in ms.
    pub ran_ms: u64,
    /// Wall-clock ms from start to end, pauses included.
    pub wall_ms: u64,
    pub interrupted: bool,
}

/// How far ahead a phase change's sound is put on the audio clock. A frame that comes late (a
/// busy tablet, a tab in the background a moment) then no longer makes the sound late: the
/// rhythm the child breathes to stays even; the picture follows in the next frame.
const CUE_LOOKAHEAD_MS: u64 = 250;
/// The tag of a cue sound waiting on the audio clock, called off on pause, skip and stop.
const CUE_TAG: &str = "exercise-cue";

/// How long a run with sound waits for the audio clock to move before it starts anyway, ms.
const AUDIO_WAIT_MS: f64 = 1000.0;

/// The sound key of a phase's cue.
fn cue_key(kind: PhaseKind) -> &'static str {
    match kind {
        PhaseKind::In | PhaseKind::Tense => "cue-in",
        PhaseKind::Out | PhaseKind::Release => "cue-out",
        PhaseKind::Hold | PhaseKind::HoldEmpty => "cue-hold",
        _ => "cue-other",
    }
}

/// Unlocks audio and renders the cues at the device's rate. Call from the click that starts.
pub fn prepare_cues() {
    audio::unlock();
    if let Some(rate) = audio::sample_rate() {
        for kind in [
            PhaseKind::In,
            PhaseKind::Out,
            PhaseKind::Hold,
            PhaseKind::Look,
        ] {
            if !audio::has(cue_key(kind)) {
                audio::store(cue_key(kind), &cue_samples(kind, rate as u32));
            }
        }
    }
}

/// Vibration pattern: one long pulse in, three short out, a tick for holding.
fn vibration(kind: PhaseKind) -> &'static [u32] {
    match kind {
        PhaseKind::In => &[300],
        PhaseKind::Out => &[90, 90, 90, 90, 90],
        PhaseKind::Hold | PhaseKind::HoldEmpty => &[40],
        PhaseKind::Tense => &[200, 100, 200],
        PhaseKind::Release => &[600],
        _ => &[80],
    }
}

/// "1:05" for 65 000 ms left: a countdown rounds up, so the last second shows 0:01 until it
/// is over (see [`Rounding`]).
pub fn left_text(ms: u64) -> String {
    clock_text(ms, Rounding::Remaining)
}

/// "1:05" for a run of 65 000–65 999 ms: time that passed rounds down, so no second shows
/// before it has gone by (see [`Rounding`]).
pub fn ran_text(ms: u64) -> String {
    clock_text(ms, Rounding::Elapsed)
}

#[component]
pub fn Runner(
    exercise: Exercise,
    child: bool,
    visual: Visual,
    cues: Cues,
    on_end: Callback<RunEnd>,
) -> impl IntoView {
    let ex = StoredValue::new(exercise);
    let clock = StoredValue::new(ExerciseClock::start(device::now_ms()));
    let t = RwSignal::new(0u64);
    let paused = RwSignal::new(false);
    let ended = StoredValue::new(false);
    let dots = RwSignal::new(Vec::<bool>::new());
    // The exercise time of the phase change whose sound waits on the audio clock, if any.
    let scheduled = StoredValue::new(None::<u64>);

    // Marks the start of phase `index`; its sound only when it was not put on the audio clock
    // ahead of it.
    let announce = move |index: usize, sound: bool| {
        let (kind, text, count) = ex.with_value(|e| {
            let p = &e.phases[index];
            (p.kind, i18n::text(p.text(child)).to_owned(), p.count)
        });
        dots.set(vec![false; count.unwrap_or(0) as usize]);
        if cues.sound && sound {
            audio::play(cue_key(kind), 1.0, None);
        }
        if cues.vibrate {
            device::vibrate(vibration(kind));
        }
        if cues.speech {
            // Breathing phases are short: say the word; other steps: say the instruction.
            let said = if kind.is_breath() {
                match kind {
                    PhaseKind::In => tx().breathe_in.to_string(),
                    PhaseKind::Out => tx().breathe_out.to_string(),
                    k => phase_word(k).to_string(),
                }
            } else {
                text
            };
            device::speak(&said, i18n::lang().voice());
        }
    };
    // With sound on, the run starts once the audio clock moves: a context that is still being
    // resumed (the start tap unlocked it; a busy tablet takes a moment) would play the first
    // cue late and the second on time, and the first breath would come out short.
    let mounted = device::now_ms();
    let audio_at_mount = audio::current_time();
    let waiting = StoredValue::new(cues.sound && !audio::is_running());
    if !waiting.get_value() {
        announce(0, true);
    }
    // Puts the next phase change's sound on the audio clock once it is near.
    let schedule_next = move || {
        if !cues.sound {
            return;
        }
        let at = clock.with_value(|c| c.at_ms(device::now_ms()));
        let next = ex.with_value(|e| {
            let tl = Timeline::new(e);
            tl.phase_changes_between(at, at + CUE_LOOKAHEAD_MS)
                .first()
                .map(|&(change, index)| (change, e.phases[index].kind))
        });
        if let Some((change, kind)) = next
            && scheduled.get_value() != Some(change)
        {
            let when = audio::current_time() + (change - at) as f64 / 1000.0;
            if audio::play_tagged(cue_key(kind), 1.0, Some(when), CUE_TAG).is_some() {
                scheduled.set_value(Some(change));
            }
        }
    };
    // Calls off a sound waiting on the audio clock (pause, skip, stop).
    let call_off = move || {
        audio::cancel(CUE_TAG);
        scheduled.set_value(None);
    };

    let finish = move |interrupted: bool| {
        if ended.get_value() {
            return;
        }
        ended.set_value(true);
        call_off();
        device::stop_speaking();
        let now = device::now_ms();
        let (ran, wall) = clock.with_value(|c| (c.at_ms(now), c.wall_ms(now)));
        let total = ex.with_value(|e| e.total_ms());
        on_end.run(RunEnd {
            ran_ms: if interrupted { ran.min(total) } else { total },
            wall_ms: wall,
            interrupted,
        });
    };

    // What the screen shows, set by the frame loop whenever the exercise time moves.
    let moment = RwSignal::new(ex.with_value(|e| Timeline::new(e).at(0)));
    let level = RwSignal::new(0.0f32);

    // Frames while the exercise runs; none while it is paused or once it has ended.
    let frames = device::use_frame_loop(move |now| {
        if ended.get_value() || paused.get_untracked() {
            return false;
        }
        if waiting.get_value() {
            let moving = audio::is_running() && audio::current_time() > audio_at_mount;
            if !moving && now - mounted < AUDIO_WAIT_MS {
                return true;
            }
            waiting.set_value(false);
            clock.set_value(ExerciseClock::start(device::now_ms()));
            announce(0, true);
        }
        let at = clock.with_value(|c| c.at_ms(now));
        let (m, breath, changes) = ex.with_value(|e| {
            let tl = Timeline::new(e);
            (
                tl.at(at),
                tl.breath_level(at),
                tl.phase_changes_between(t.get_untracked(), at),
            )
        });
        if let Some(&(change, index)) = changes.last() {
            announce(index, scheduled.get_value() != Some(change));
        }
        schedule_next();
        if at != t.get_untracked() {
            t.set(at);
            level.set(breath);
        }
        let finished = m.finished;
        if moment.with_untracked(|old| *old != m) {
            moment.set(m);
        }
        if finished {
            finish(false);
        }
        !ended.get_value()
    });
    frames.wake_when(move || !paused.get());

    let phase = Memo::new(move |_| ex.with_value(|e| e.phases[moment.get().phase_index].clone()));
    let kind = ex.with_value(|e| e.kind);
    let repetitions = ex.with_value(|e| e.repetitions);

    let toggle_pause = move |_| {
        let now = device::now_ms();
        if paused.get_untracked() {
            clock.update_value(|c| c.resume(now));
            paused.set(false);
        } else {
            clock.update_value(|c| c.pause(now));
            call_off();
            paused.set(true);
        }
    };
    let next = move |_| {
        let m = moment.get_untracked();
        let (_, end) = ex.with_value(|e| Timeline::new(e).phase_span(m.cycle, m.phase_index));
        call_off();
        clock.update_value(|c| c.skip_to(end, device::now_ms()));
        paused.set(false);
    };
    let stop = move |_| {
        let sure = web_sys::window()
            .and_then(|w| w.confirm_with_message(tx().stop_confirm).ok())
            .unwrap_or(false);
        if sure {
            finish(true);
        }
    };

    let wave = Signal::derive(move || ex.with_value(|e| wave_paths(&Timeline::new(e), t.get())));
    let picture = move || {
        match kind {
        ExerciseKind::Breathing => view! { <Pacer visual level=Signal::from(level) wave /> }.into_any(),
        ExerciseKind::MuscleRelaxation => {
            let highlight = Signal::derive(move || moment.get().body.map(|b| b.code().to_string()));
            view! {
                <div class="pmt">
                    <BodyMap highlight />
                    <div class="tension-bar" aria-hidden="true">
                        <div class="fill" style=move || format!("height: {:.1}%", level.get() * 100.0)></div>
                    </div>
                </div>
            }
            .into_any()
        }
        ExerciseKind::Grounding => view! {
            <div class="ground-card" data-testid="ground-card">
                <span class="ground-count">{move || phase.get().count.map(|c| c.to_string()).unwrap_or_default()}</span>
                <div class="dots">
                    {move || (0..dots.get().len()).map(|i| view! {
                        <button class="dot" aria-label=format!("{}", i + 1)
                            aria-pressed=move || dots.get().get(i).copied().unwrap_or(false).to_string()
                            on:click=move |_| dots.update(|d| { if let Some(x) = d.get_mut(i) { *x = !*x } })></button>
                    }).collect_view()}
                </div>
                <p class="muted">{tx().tap_each}</p>
            </div>
        }
        .into_any(),
    }
    };

    view! {
        <section class="runner" data-kind=format!("{kind:?}").to_lowercase() data-visual=visual.code()
            data-phase=move || format!("{:?}", moment.get().kind).to_lowercase()>
            <div class="run-top">
                <span class="round">
                    {move || (repetitions > 1).then(|| format!("{} {} {} {}", tx().round, moment.get().cycle + 1, tx().of, repetitions))}
                </span>
                <span class="left">{move || format!("{} {}", tx().left, left_text(moment.get().remaining_ms))}</span>
            </div>
            <div class="run-picture">{picture}</div>
            <div class="run-words">
                <p class="phase-word" data-testid="phase-word" aria-live="polite">
                    {move || if paused.get() { tx().paused.to_string() } else { phase_word(phase.get().kind).to_string() }}
                </p>
                <p class="phase-text">{move || i18n::text(phase.get().text(child)).to_owned()}</p>
                <p class="phase-next muted">
                    {move || {
                        let m = moment.get();
                        if phase.get().manual {
                            String::new()
                        } else {
                            let left = left_text(ex.with_value(|e| Timeline::new(e).phase_left_ms(&m)));
                            match m.next {
                                Some((k, _)) => format!("{left} · {}: {}", tx().soon, phase_word(k)),
                                None => left,
                            }
                        }
                    }}
                </p>
            </div>
            <div class="progress" aria-hidden="true">
                <div style=move || {
                    let m = moment.get();
                    let total = (m.elapsed_ms + m.remaining_ms).max(1);
                    format!("width: {:.2}%", m.elapsed_ms as f64 * 100.0 / total as f64)
                }></div>
            </div>
            <div class="run-controls">
                <button class="secondary" data-testid="pause" on:click=toggle_pause>
                    {move || if paused.get() { tx().resume } else { tx().pause }}
                </button>
                <Show when=move || phase.get().manual>
                    <button class="primary big" data-testid="next-step" on:click=next>{tx().next}</button>
                </Show>
                <button class="ghost" data-testid="stop" on:click=stop>{tx().stop}</button>
            </div>
        </section>
    }
}
