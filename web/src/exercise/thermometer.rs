//! The spanningsthermometer: an adult slider from 0 to 10 with words at the ends, or for
//! children five coloured faces (mapped to 0, 3, 5, 8, 10), and a body figure to tap where the
//! tension sits.

use leptos::prelude::*;
use speelruimte_guide::{
    CHILD_FACE_NAMES_EN, CHILD_FACES, SLIDER_ENDS, SLIDER_ENDS_EN, child_face_step,
};

use speelruimte_model::{Participant, PlayerRating};

use crate::body::BodyMap;
use crate::group::avatar::{AvatarPicture, avatar_name};
use crate::i18n::{pick, tx};

/// A face drawn for step 0 (calm, big smile) to 4 (very tense, frown, tight brows).
#[component]
pub fn Face(step: usize, #[prop(default = 64.0)] size: f64) -> impl IntoView {
    let (_, colour, _) = CHILD_FACES[step.min(4)];
    // Mouth from a smile (control point below) to a frown (above).
    let bend = [14.0, 8.0, 0.0, -7.0, -12.0][step.min(4)];
    let mouth = format!("M 20 42 Q 32 {} 44 42", 42.0 + bend);
    let brows = (step >= 3).then(|| {
        view! {
            <path d="M 16 25 L 27 20 M 48 25 L 37 20" stroke="#3a2a1a" stroke-width="3" stroke-linecap="round" />
        }
    });
    view! {
        <svg class="face" viewBox="0 0 64 64" width=size height=size aria-hidden="true">
            <circle cx="32" cy="32" r="29" fill=colour stroke="#00000022" stroke-width="2" />
            <circle cx="22" cy="29" r="4" fill="#3a2a1a" />
            <circle cx="42" cy="29" r="4" fill="#3a2a1a" />
            {brows}
            <path d=mouth fill="none" stroke="#3a2a1a" stroke-width="3.5" stroke-linecap="round" />
        </svg>
    }
}

/// The five faces as buttons, the one matching `value` pressed.
#[component]
pub fn FaceScale(
    #[prop(into)] label: String,
    value: Signal<Option<u8>>,
    on_pick: Callback<u8>,
) -> impl IntoView {
    let faces = CHILD_FACES
        .iter()
        .enumerate()
        .map(|(step, (name, colour, v))| {
            let v = *v;
            view! {
                <button class="face-button" data-value=v style=format!("--face: {colour}")
                    aria-pressed=move || (value.get().map(child_face_step) == Some(step)).to_string()
                    on:click=move |_| on_pick.run(v)>
                    <Face step />
                    <span>{pick(name, CHILD_FACE_NAMES_EN[step])}</span>
                </button>
            }
        })
        .collect_view();
    view! { <div class="faces" role="group" aria-label=label>{faces}</div> }
}

/// A group's spanningsthermometer: each child their own row of faces under their avatar (never
/// a name), `before` or after the exercise.
#[component]
pub fn GroupThermometer(
    #[prop(into)] question: String,
    participants: Vec<Participant>,
    ratings: RwSignal<Vec<PlayerRating>>,
    before: bool,
) -> impl IntoView {
    let rows = participants
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let value = Signal::derive(move || {
                ratings.with(|r| {
                    r.get(i)
                        .and_then(|r| if before { r.before } else { r.after })
                })
            });
            let on_pick = Callback::new(move |v: u8| {
                ratings.update(|r| {
                    if let Some(r) = r.get_mut(i) {
                        if before {
                            r.before = Some(v)
                        } else {
                            r.after = Some(v)
                        }
                    }
                })
            });
            let name = avatar_name(p.avatar);
            view! {
                <div class="group-rating" data-testid=format!("rating-{i}")>
                    <AvatarPicture avatar=p.avatar size=48 />
                    <FaceScale label=name value on_pick />
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="thermometer card group-thermometer">
            <h2>{question}</h2>
            {rows}
        </section>
    }
}

/// One reading: the scale (faces for a child, slider otherwise) and the body places.
#[component]
pub fn Thermometer(
    child: bool,
    #[prop(into)] question: String,
    value: RwSignal<Option<u8>>,
    places: RwSignal<Vec<String>>,
) -> impl IntoView {
    let scale = if child {
        view! { <FaceScale label=question.clone() value=Signal::from(value) on_pick=Callback::new(move |v| value.set(Some(v))) /> }
            .into_any()
    } else {
        view! {
            <div class="slider-scale">
                <output class="tension-value" data-testid="tension-value">
                    {move || value.get().map(|v| v.to_string()).unwrap_or_else(|| tx().not_rated.into())}
                </output>
                <input type="range" min="0" max="10" step="1" data-testid="tension-slider"
                    aria-label=tx().slider_label
                    class:untouched=move || value.get().is_none()
                    prop:value=move || value.get().unwrap_or(5).to_string()
                    on:input=move |ev| value.set(event_target_value(&ev).parse().ok()) />
                <div class="slider-ends">
                    <span>"0 · " {pick(SLIDER_ENDS.0, SLIDER_ENDS_EN.0)}</span>
                    <span>{pick(SLIDER_ENDS.1, SLIDER_ENDS_EN.1)} " · 10"</span>
                </div>
            </div>
        }
        .into_any()
    };
    let where_q = if child {
        tx().where_child
    } else {
        tx().where_adult
    };
    view! {
        <section class="thermometer card">
            <div class="rating">
                <h2>{question}</h2>
                {scale}
            </div>
            <div class="where">
                <h3>{where_q}</h3>
                <BodyMap selected=places />
            </div>
        </section>
    }
}
