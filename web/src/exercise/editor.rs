//! The therapist's own exercises for this client: listed with the built-in ones, made here from
//! the same phases, checked by the server (which answers in Dutch why one cannot be used).

use leptos::prelude::*;
use speelruimte_guide::{CustomExercise, Exercise, ExerciseKind, PhaseKind};
use speelruimte_model::SavedExercise;
use uuid::Uuid;

use crate::api;
use crate::i18n::{self, pick, t, tx};
use crate::pages::ErrorBox;

/// The client's own exercises, kept fresh.
#[derive(Clone, Copy)]
pub struct Own {
    pub list: RwSignal<Vec<SavedExercise>>,
}

/// Loads the client's own exercises (an empty list when there are none or the server is away).
pub fn use_own_exercises(client_id: Uuid) -> Own {
    let own = Own {
        list: RwSignal::new(Vec::new()),
    };
    reload(own, client_id);
    own
}

fn reload(own: Own, client_id: Uuid) {
    leptos::task::spawn_local(async move {
        if let Ok(list) =
            api::get::<Vec<SavedExercise>>(&format!("/api/clients/{client_id}/exercises")).await
        {
            own.list.set(list);
        }
    });
}

/// The phases a therapist can choose, with their names in the form (Dutch, English).
const KINDS: [(PhaseKind, &str, &str); 10] = [
    (PhaseKind::In, "inademen", "breathe in"),
    (PhaseKind::Hold, "vasthouden", "hold"),
    (PhaseKind::Out, "uitademen", "breathe out"),
    (PhaseKind::HoldEmpty, "wachten (leeg)", "wait (empty)"),
    (PhaseKind::Tense, "aanspannen", "tense"),
    (PhaseKind::Release, "loslaten", "let go"),
    (PhaseKind::Look, "kijken", "look"),
    (PhaseKind::Listen, "luisteren", "listen"),
    (PhaseKind::Feel, "voelen", "feel"),
    (PhaseKind::Rest, "rust", "rest"),
];

fn kind_code(k: PhaseKind) -> usize {
    KINDS.iter().position(|(x, _, _)| *x == k).unwrap_or(0)
}

/// One editable phase row.
#[derive(Clone, Copy)]
struct Row {
    kind: RwSignal<PhaseKind>,
    seconds: RwSignal<String>,
    text: RwSignal<String>,
}

impl Row {
    fn new(kind: PhaseKind, seconds: &str, text: &str) -> Self {
        Self {
            kind: RwSignal::new(kind),
            seconds: RwSignal::new(seconds.into()),
            text: RwSignal::new(text.into()),
        }
    }
}

/// The list of own exercises (with delete) and the form to make one.
#[component]
pub fn OwnExercises(client_id: Uuid, own: Own, on_made: Callback<Exercise>) -> impl IntoView {
    let open = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let kind = RwSignal::new(ExerciseKind::Breathing);
    let reps = RwSignal::new("6".to_string());
    let rows = RwSignal::new(vec![
        Row::new(PhaseKind::In, "4", tx().own_default_in),
        Row::new(PhaseKind::Out, "6", tx().own_default_out),
    ]);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut phases = Vec::new();
        for (i, r) in rows.get_untracked().iter().enumerate() {
            let s = r.seconds.get_untracked().trim().replace(',', ".");
            let Ok(secs) = s.parse::<f32>() else {
                error.set(Some(
                    tx().own_seconds_missing.replace("{}", &(i + 1).to_string()),
                ));
                return;
            };
            phases.push((r.kind.get_untracked(), secs, r.text.get_untracked()));
        }
        let Ok(repetitions) = reps.get_untracked().trim().parse::<u32>() else {
            error.set(Some(tx().own_repetitions_missing.into()));
            return;
        };
        let body = CustomExercise {
            title: title.get_untracked(),
            kind: kind.get_untracked(),
            phases,
            repetitions,
        };
        // The same rules as the server, so the answer comes at once; the server checks again.
        if let Err(e) = body.validate("check") {
            error.set(Some(e.to_string()));
            return;
        }
        error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let path = format!("/api/clients/{client_id}/exercises");
            match api::send::<_, SavedExercise>("POST", &path, &body).await {
                Ok(saved) => {
                    let e = saved.exercise.clone();
                    own.list.update(|l| l.insert(0, saved));
                    open.set(false);
                    title.set(String::new());
                    on_made.run(e);
                }
                Err(e) => error.set(Some(e.message)),
            }
            busy.set(false);
        });
    };
    let delete = move |id: Uuid| {
        leptos::task::spawn_local(async move {
            let path = format!("/api/clients/{client_id}/exercises/{id}");
            if api::send_empty("DELETE", &path).await.is_ok() {
                own.list.update(|l| l.retain(|s| s.id != id));
            }
        });
    };

    view! {
        <section class="ex-group own-exercises">
            <h2>{tx().own}</h2>
            {move || {
                let list = own.list.get();
                if list.is_empty() {
                    view! { <p class="muted">{tx().own_none}</p> }.into_any()
                } else {
                    view! {
                        <ul class="own-list">
                            {list.into_iter().map(|s| {
                                let id = s.id;
                                view! {
                                    <li>
                                        <span>{i18n::text(&s.exercise.title).to_owned()}</span>
                                        <button class="ghost" on:click=move |_| delete(id)>{tx().own_delete}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
            <Show when=move || !open.get()>
                <button class="secondary" data-testid="make-own" on:click=move |_| open.set(true)>"+ " {tx().make_own}</button>
            </Show>
            <Show when=move || open.get()>
                <form class="card own-form" on:submit=submit>
                    <label>{tx().own_title}
                        <input data-testid="own-title" maxlength="80" prop:value=move || title.get()
                            on:input=move |ev| title.set(event_target_value(&ev)) />
                    </label>
                    <label>{tx().own_kind}
                        <select on:change=move |ev| kind.set(match event_target_value(&ev).as_str() {
                            "relaxation" => ExerciseKind::MuscleRelaxation,
                            "grounding" => ExerciseKind::Grounding,
                            _ => ExerciseKind::Breathing,
                        })>
                            <option value="breathing">{tx().breathing}</option>
                            <option value="relaxation">{tx().relaxation}</option>
                            <option value="grounding">{tx().grounding}</option>
                        </select>
                    </label>
                    <ol class="own-phases">
                        {move || rows.get().into_iter().enumerate().map(|(i, r)| view! {
                            <li class="own-phase" data-phase=i>
                                <select aria-label=tx().own_phase
                                    on:change=move |ev| { if let Ok(k) = event_target_value(&ev).parse::<usize>() { r.kind.set(KINDS[k.min(KINDS.len() - 1)].0) } }>
                                    {KINDS.iter().enumerate().map(|(k, (pk, nl, en))| {
                                        let name = pick(nl, en);
                                        let sel = kind_code(r.kind.get_untracked()) == k;
                                        let _ = pk;
                                        view! { <option value=k selected=sel>{name}</option> }
                                    }).collect_view()}
                                </select>
                                <input class="secs" inputmode="decimal" aria-label=tx().own_seconds
                                    prop:value=move || r.seconds.get() on:input=move |ev| r.seconds.set(event_target_value(&ev)) />
                                <input class="text" aria-label=tx().own_text maxlength="200"
                                    prop:value=move || r.text.get() on:input=move |ev| r.text.set(event_target_value(&ev)) />
                                <button type="button" class="ghost" aria-label=tx().own_remove_phase
                                    on:click=move |_| rows.update(|v| { v.remove(i); })>"✕"</button>
                            </li>
                        }).collect_view()}
                    </ol>
                    <button type="button" class="secondary" data-testid="add-phase"
                        on:click=move |_| rows.update(|v| v.push(Row::new(PhaseKind::Rest, "5", "")))>"+ " {tx().own_add_phase}</button>
                    <label>{tx().own_repetitions}
                        <input class="secs" data-testid="own-reps" inputmode="numeric" prop:value=move || reps.get()
                            on:input=move |ev| reps.set(event_target_value(&ev)) />
                    </label>
                    <ErrorBox message=error />
                    <div class="actions">
                        <button type="button" class="ghost" on:click=move |_| open.set(false)>{t().cancel}</button>
                        <button class="primary" data-testid="own-save" disabled=move || busy.get()>{tx().own_save}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
