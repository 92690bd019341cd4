//! The *spanning reguleren* work form: choose an exercise (breathing, muscle relaxation,
//! grounding, or the therapist's own), rate tension before, follow the pacer, rate after, and
//! save the run as an artefact linked to the session and goals.

mod cards;
mod choose;
mod draft;
mod editor;
mod pacer;
pub mod review;
mod thermometer;
mod visuals;

use leptos::prelude::*;
use speelruimte_guide::{Exercise, ExerciseResult, Rating, Scale, resonance};
use speelruimte_model::{ArtefactKind, ArtefactUpload, Client, GroupPlay, PlayerRating};

use crate::browser::device;
use crate::i18n::{self, t, tx};
use crate::outbox::drafts;
use crate::outbox::keeper::use_keeper;
use crate::outbox::view::OutboxCount;
use crate::pages::{Load, WorkFormRoute, load};
use crate::saving::{GoalChips, SaveStatus, Saver};
use crate::util;
use cards::places;
use draft::ExerciseDraft;
use pacer::{Cues, RunEnd, Runner, Visual, ran_text};
use thermometer::{GroupThermometer, Thermometer};

/// Where the client is in the work form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Choose,
    Before,
    Run,
    After,
}

#[component]
pub fn ExercisePage() -> impl IntoView {
    let WorkFormRoute {
        cid,
        sid,
        client_id,
        session_id,
    } = WorkFormRoute::read();
    let (client, _) = load::<Client>(move || format!("/api/clients/{client_id}"));
    let own = editor::use_own_exercises(client_id);

    // The therapist's own pick of adult or child (`None` until they tap one): it always wins.
    let picked = RwSignal::new(None::<bool>);
    // Child or adult: the therapist's pick, else the client's age (a child's age picks the
    // child texts and faces). `None` while neither is known: then nothing age-dependent is
    // offered, so a fast tap cannot start the adult exercise for a child.
    let child = Memo::new(move |_| {
        picked.get().or_else(|| match client.get() {
            Load::Ready(c) => Some(util::this_year() - c.birth_year.get() < 13),
            _ => None,
        })
    });
    // For the steps after the choice, which can only be reached once `child` is known.
    let is_child = move || child.get_untracked() == Some(true);
    let reduced = device::prefers_reduced_motion();
    let visual = RwSignal::new(if reduced {
        Visual::Calm
    } else {
        Visual::Circle
    });
    let cues = (
        RwSignal::new(true),
        RwSignal::new(true),
        RwSignal::new(false),
    );
    let bpm = RwSignal::new(6.0f32);
    let chosen = RwSignal::new(None::<Exercise>);
    let step = RwSignal::new(Step::Choose);
    let before = (
        RwSignal::new(None::<u8>),
        RwSignal::new(Vec::<String>::new()),
    );
    let after = (
        RwSignal::new(None::<u8>),
        RwSignal::new(Vec::<String>::new()),
    );
    let ended = RwSignal::new(None::<RunEnd>);
    // A group session: one pacer for all, and each child rates their own tension before and
    // after, tapping the faces under their own avatar.
    let participants = crate::group::participants(&sid);
    let no_ratings = move |n: usize| {
        (0..n)
            .map(|i| PlayerRating {
                player: i as u8,
                before: None,
                after: None,
            })
            .collect::<Vec<_>>()
    };
    let group_size = participants.as_ref().map_or(0, Vec::len);
    let group = RwSignal::new(no_ratings(group_size));
    let saver = Saver::new(client_id);
    let version = RwSignal::new(0u32);
    device::use_wake_lock(Signal::derive(move || step.get() == Step::Run));
    // Each step starts at the top of the screen (the start button may have been scrolled to).
    Effect::new(move |_| {
        step.track();
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    // The run and its ratings are kept on the tablet as they are made, and come back after a
    // reload (at the rating before the run, if the reload came during it).
    let form = draft::Form {
        chosen,
        picked,
        visual,
        bpm,
        step,
        before,
        after,
        ended,
        group,
    };
    let keeper = use_keeper(drafts::EXERCISE, sid.clone(), move || form.snapshot());
    if let Some(d) =
        drafts::read(drafts::EXERCISE, &sid).and_then(|b| ExerciseDraft::from_bytes(&b))
    {
        form.restore(d);
        saver.status.set(crate::saving::SaveState::Unsaved);
    }

    // Anything that changes what would be saved makes a new version (and a new artefact id).
    Effect::new(move |first: Option<()>| {
        before.0.track();
        before.1.track();
        after.0.track();
        after.1.track();
        group.track();
        ended.track();
        version.update(|v| *v += 1);
        if first.is_some() {
            keeper.changed();
        }
    });
    // Where the client is, and what was chosen, are kept too.
    Effect::new(move |first: Option<()>| {
        step.track();
        chosen.track();
        picked.track();
        visual.track();
        if first.is_some() {
            keeper.changed();
        }
    });

    let exercise = move || {
        chosen.get().map(|e| {
            if e.id == "resonance" {
                resonance(bpm.get()).unwrap_or(e)
            } else {
                e
            }
        })
    };
    let start = move |_| {
        pacer::prepare_cues();
        ended.set(None);
        step.set(Step::Run);
    };
    let on_end = Callback::new(move |end: RunEnd| {
        ended.set(Some(end));
        step.set(Step::After);
    });
    let again = move |_| {
        for r in [before, after] {
            r.0.set(None);
            r.1.set(Vec::new());
        }
        group.set(no_ratings(group_size));
        ended.set(None);
        saver.status.set(crate::saving::SaveState::Empty);
        step.set(Step::Choose);
    };
    let sid_save = StoredValue::new(sid.clone());
    let participants_save = StoredValue::new(participants.clone());
    let save = move |_| {
        let (Some(exercise), Some(end)) = (exercise(), ended.get_untracked()) else {
            return;
        };
        let scale = if is_child() {
            Scale::Faces
        } else {
            Scale::Slider
        };
        let record = ExerciseResult {
            work_form: "spanning".into(),
            format: ExerciseResult::FORMAT,
            planned_ms: exercise.total_ms(),
            exercise,
            child: is_child(),
            visual: visual.get_untracked().code().into(),
            ran_ms: end.ran_ms,
            wall_ms: end.wall_ms,
            interrupted: end.interrupted,
            before: Rating {
                value: before.0.get_untracked(),
                scale,
                places: places(&before.1.get_untracked()),
            },
            after: Rating {
                value: after.0.get_untracked(),
                scale,
                places: places(&after.1.get_untracked()),
            },
        };
        let saved = version.get_untracked();
        let sid = sid_save.get_value();
        let participants = participants_save.get_value().unwrap_or_default();
        let ratings = group.get_untracked();
        saver.save_with(
            saved,
            |goal_ids| {
                record.validate()?;
                let mut metadata = serde_json::to_value(&record).map_err(|e| e.to_string())?;
                if !participants.is_empty() {
                    let play = GroupPlay {
                        ratings,
                        ..GroupPlay::default()
                    };
                    metadata[GroupPlay::FIELD] =
                        serde_json::to_value(play).map_err(|e| e.to_string())?;
                }
                Ok(crate::saving::Outgoing {
                    record: ArtefactUpload {
                        kind: ArtefactKind::Exercise,
                        client_id,
                        session_id,
                        goal_ids,
                        created_at: util::now(),
                        metadata,
                        blobs: Vec::new(),
                        participants,
                    },
                    files: Vec::new(),
                })
            },
            move || {
                // Safe in the outbox: the tablet lets go of the run in progress, unless a rating
                // changed meanwhile.
                if version.try_get_untracked() == Some(saved) {
                    keeper.forget(drafts::EXERCISE, &sid);
                }
            },
        );
    };

    let screen = move || {
        match step.get() {
        Step::Choose => view! { <choose::ChooseStep form client child cues own client_id reduced /> }.into_any(),
        Step::Before => view! {
            <main class="page">
                {match participants_save.get_value() {
                    Some(list) => view! { <GroupThermometer question=tx().before_q_child participants=list ratings=group before=true /> }.into_any(),
                    None => view! { <Thermometer child=is_child()
                        question=if is_child() { tx().before_q_child } else { tx().before_q_adult }.to_string()
                        value=before.0 places=before.1 /> }.into_any(),
                }}
                <div class="actions">
                    <button class="secondary" on:click=move |_| step.set(Step::Choose)>"‹ " {t().back}</button>
                    <button class="primary big" data-testid="start" on:click=start>{tx().start}</button>
                </div>
            </main>
        }
        .into_any(),
        Step::Run => match exercise() {
            // The running exercise is the page's main landmark.
            Some(e) => view! {
                <main class="run-main">
                <Runner exercise=e child=is_child() visual=visual.get_untracked()
                    cues=Cues { sound: cues.0.get_untracked(), vibrate: cues.1.get_untracked(), speech: cues.2.get_untracked() }
                    on_end />
                </main>
            }
            .into_any(),
            None => ().into_any(),
        },
        Step::After => view! {
            <main class="page">
                <p class="run-summary card" data-testid="run-summary">
                    {move || ended.get().map(|e| {
                        let word = if e.interrupted { tx().done_early } else { tx().done };
                        format!("{word} · {} {}", tx().ran_for, ran_text(e.wall_ms))
                    })}
                </p>
                {match participants_save.get_value() {
                    Some(list) => view! { <GroupThermometer question=tx().after_q_child participants=list ratings=group before=false /> }.into_any(),
                    None => view! { <Thermometer child=is_child()
                        question=if is_child() { tx().after_q_child } else { tx().after_q_adult }.to_string()
                        value=after.0 places=after.1 /> }.into_any(),
                }}
                <div class="card save-row">
                    <GoalChips saver />
                    <SaveStatus saver />
                    <OutboxCount />
                    <div class="actions">
                        <button class="secondary" data-testid="again" on:click=again>{tx().again}</button>
                        <button class="primary big" data-testid="save" on:click=save
                            disabled=move || saver.status.get() == crate::saving::SaveState::Saving>{t().save}</button>
                    </div>
                </div>
            </main>
        }
        .into_any(),
    }
    };

    // In a group the children see the screen: the kind of session stands where a client's
    // label would.
    let group_kind = participants_save.with_value(|p| p.as_deref().map(crate::group::kind_of));
    let title = Signal::derive(move || match (client.get(), exercise()) {
        (_, Some(e)) if group_kind.is_some() && step.get() != Step::Choose => {
            format!(
                "{} · {}",
                group_kind.unwrap_or_default(),
                i18n::text(&e.title)
            )
        }
        _ if group_kind.is_some() => format!("{} · {}", group_kind.unwrap_or_default(), tx().title),
        (Load::Ready(c), Some(e)) if step.get() != Step::Choose => {
            format!("{} · {}", c.label.as_str(), i18n::text(&e.title))
        }
        (Load::Ready(c), _) => format!("{} · {}", c.label.as_str(), tx().title),
        _ => tx().title.to_string(),
    });
    view! {
        <div class="exercise-screen" class:child=move || child.get() == Some(true)>
            <header class="topbar">
                {(!crate::kiosk::locked()).then(|| view! { <a class="button ghost back" href=format!("/clients/{cid}/sessies/{sid}")>"‹ " {t().back}</a> })}
                <h1>{move || title.get()}</h1>
            </header>
            {screen}
        </div>
    }
}
