//! The first step of the *spanning reguleren* work form: adult or child, the exercises of each
//! kind (built in and the therapist's own), and the chosen one's settings.

use leptos::prelude::*;
use speelruimte_guide::{Audience, Exercise, ExerciseKind, builtin_exercises};
use speelruimte_model::Client;
use uuid::Uuid;

use super::Step;
use super::cards::{kind_label, pattern};
use super::draft::Form;
use super::editor;
use super::pacer::Visual;
use crate::i18n::{self, decimal, t, tx};
use crate::pages::Load;

/// The choice step. `child` is `None` until the client's age or the therapist's pick is known;
/// until then no exercise is offered, so a fast tap cannot start the adult one for a child.
#[component]
pub(super) fn ChooseStep(
    form: Form,
    client: RwSignal<Load<Client>>,
    child: Memo<Option<bool>>,
    cues: (RwSignal<bool>, RwSignal<bool>, RwSignal<bool>),
    own: editor::Own,
    client_id: Uuid,
    reduced: bool,
) -> impl IntoView {
    let Form {
        chosen,
        picked,
        visual,
        bpm,
        step,
        ..
    } = form;
    let choose = move || {
        let all: Vec<Exercise> = builtin_exercises()
            .into_iter()
            .chain(own.list.get().into_iter().map(|s| s.exercise))
            .collect();
        let for_child = child.get() == Some(true);
        [
            ExerciseKind::Breathing,
            ExerciseKind::MuscleRelaxation,
            ExerciseKind::Grounding,
        ]
        .into_iter()
        .map(|k| {
            let cards = all
                .iter()
                .filter(|e| e.kind == k)
                .filter(|e| match e.audience {
                    Audience::Both => true,
                    Audience::Child => for_child,
                    Audience::Adult => !for_child,
                })
                .cloned()
                .map(|e| {
                    let id = e.id.clone();
                    let title = i18n::text(&e.title).to_owned();
                    let sub = pattern(&e);
                    let mine = id.starts_with("custom-");
                    view! {
                        <button class="exercise-card" class:own=mine data-exercise=id.clone()
                            aria-pressed=move || chosen.with(|c| c.as_ref().is_some_and(|c| c.id == id)).to_string()
                            on:click=move |_| chosen.set(Some(e.clone()))>
                            <span class="ex-title">{title}</span>
                            <span class="ex-sub">{sub}</span>
                        </button>
                    }
                })
                .collect_view();
            view! {
                <section class="ex-group">
                    <h2>{kind_label(k)}</h2>
                    <div class="exercise-cards">{cards}</div>
                </section>
            }
        })
        .collect_view()
    };
    // Adult or child; while neither the client's age nor the therapist's pick is known, neither
    // is pressed.
    let audience = move || {
        view! {
            <div class="chips" role="group" aria-label=tx().for_whom>
                <span class="chips-label">{tx().for_whom}</span>
                <button class="chip" data-testid="audience-adult" aria-pressed=move || (child.get() == Some(false)).to_string()
                    on:click=move |_| picked.set(Some(false))>{tx().adult}</button>
                <button class="chip" data-testid="audience-child" aria-pressed=move || (child.get() == Some(true)).to_string()
                    on:click=move |_| picked.set(Some(true))>{tx().child}</button>
            </div>
        }
    };
    // Shown instead of the exercises until `child` is known.
    let waiting = move || {
        let text = match client.get() {
            Load::Failed(message) => message,
            _ => t().loading.to_string(),
        };
        view! { <p class="notice" data-testid="audience-waiting">{text}</p> }
    };
    let settings = move || {
        let is_breathing = chosen.with(|c| {
            c.as_ref()
                .is_some_and(|e| e.kind == ExerciseKind::Breathing)
        });
        let is_resonance = chosen.with(|c| c.as_ref().is_some_and(|e| e.id == "resonance"));
        view! {
            <section class="card ex-settings">
                <Show when=move || is_resonance>
                    <label class="bpm">
                        <span>{move || format!("{} {}", decimal(bpm.get().to_string()), tx().per_minute)}</span>
                        <input type="range" min="4.5" max="7" step="0.5" prop:value=move || bpm.get().to_string()
                            on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse() { bpm.set(v) } } />
                    </label>
                </Show>
                <Show when=move || is_breathing>
                    <div class="chips" role="group" aria-label=tx().visual>
                        <span class="chips-label">{tx().visual}</span>
                        {Visual::ALL.into_iter().map(|v| view! {
                            <button class="chip" data-visual=v.code() aria-pressed=move || (visual.get() == v).to_string()
                                on:click=move |_| visual.set(v)>{v.label()}</button>
                        }).collect_view()}
                    </div>
                    {reduced.then(|| view! { <p class="muted">{tx().reduced_note}</p> })}
                </Show>
                <div class="chips" role="group">
                    <button class="chip" aria-pressed=move || cues.0.get().to_string() on:click=move |_| cues.0.update(|v| *v = !*v)>{tx().sound}</button>
                    <button class="chip" aria-pressed=move || cues.1.get().to_string() on:click=move |_| cues.1.update(|v| *v = !*v)>{tx().vibrate}</button>
                    <button class="chip" aria-pressed=move || cues.2.get().to_string() on:click=move |_| cues.2.update(|v| *v = !*v)>{tx().speech}</button>
                </div>
                <button class="primary big" data-testid="to-before" disabled=move || chosen.get().is_none()
                    on:click=move |_| step.set(Step::Before)>{tx().next_to_rating} " ›"</button>
            </section>
        }
    };

    view! {
        <main class="page exercise-choose">
            {audience}
            <Show when=move || child.get().is_some() fallback=waiting>
                {choose}
                // Making or deleting an own exercise is the therapist's, not the child's.
                {(!crate::kiosk::locked()).then(|| view! {
                    <editor::OwnExercises client_id own on_made=Callback::new(move |e: Exercise| chosen.set(Some(e))) />
                })}
                <Show when=move || chosen.get().is_some()>{settings}</Show>
            </Show>
        </main>
    }
}
