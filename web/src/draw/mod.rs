//! The *beeldend* work form: a drawing canvas with pressure brushes, palm rejection, several
//! fingers at once, undo/redo, paper and templates; kept on the tablet while drawing; saved as
//! an artefact (PNG, thumbnail, encoded strokes, process metrics) linked to goals.

pub(crate) mod ink_glue;
pub mod replay;
mod save;
mod surface;
mod tools;
mod view;

use base64::Engine as _;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use speelruimte_ink::Event;
use speelruimte_model::{Artefact, ArtefactUpload, Goal};
use uuid::Uuid;

use crate::i18n::t;
use crate::pages::{Load, load};
use crate::{api, util};
use ink_glue::Board;
use surface::{Layers, Surface, flatten, repaint};
use tools::{Actions, Toolbar, Tools};

/// Where a save stands, as the screen tells it.
#[derive(Clone, Debug, PartialEq)]
enum SaveState {
    Empty,
    Unsaved,
    Saving,
    Saved(String),
    Failed(String),
}

/// A save attempt: reused as long as the drawing and the goals are unchanged, so a retry
/// sends the same id and body and the server stores it once.
struct Attempt {
    version: u32,
    goals: Vec<Uuid>,
    id: Uuid,
    upload: ArtefactUpload,
}

/// Reads a drawing kept on this tablet for a session.
fn restore(key: &str) -> Option<speelruimte_ink::Drawing> {
    let b64 = util::local_storage()?.get_item(key).ok()??;
    let bytes = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
    speelruimte_ink::decode(&bytes).ok()
}

#[component]
pub fn DrawPage() -> impl IntoView {
    let params = use_params_map();
    let cid = params.read_untracked().get("id").unwrap_or_default();
    let sid = params.read_untracked().get("sid").unwrap_or_default();
    let client_id = Uuid::parse_str(&cid).unwrap_or_default();
    let session_id = Uuid::parse_str(&sid).ok();
    let storage_key = format!("speelruimte.tekening.{sid}");
    let (goals, _) = load::<Vec<Goal>>(move || format!("/api/clients/{client_id}/goals"));

    let tools = Tools::new();
    let board = StoredValue::new_local(Board::default());
    let version = RwSignal::new(0u32);
    let status = RwSignal::new(SaveState::Empty);
    // A drawing kept on this tablet (after a reload or a crashed tab) comes back as it was.
    if let Some(d) = restore(&storage_key) {
        tools.background.set(d.background);
        tools.template.set(d.template);
        let shown = !d.visible_strokes().is_empty();
        board.update_value(|b| b.drawing = d);
        status.set(if shown {
            SaveState::Unsaved
        } else {
            SaveState::Empty
        });
    }
    let layers = Layers {
        paper: NodeRef::new(),
        ink: NodeRef::new(),
        live: NodeRef::new(),
    };
    let attempt = StoredValue::new_local(None::<Attempt>);
    let selected = RwSignal::new(Vec::<Uuid>::new());

    let changed = {
        let key = storage_key.clone();
        move || {
            version.update(|v| *v += 1);
            let (shown, bytes) = board.with_value(|b| {
                (
                    !b.drawing.visible_strokes().is_empty(),
                    speelruimte_ink::encode(&b.drawing),
                )
            });
            status.set(if shown {
                SaveState::Unsaved
            } else {
                SaveState::Empty
            });
            if let Some(store) = util::local_storage() {
                let _ = store.set_item(
                    &key,
                    &base64::engine::general_purpose::STANDARD.encode(bytes),
                );
            }
        }
    };
    // Paper and template are part of the drawing: keep them too (not on the first run).
    Effect::new({
        let changed = changed.clone();
        move |prev: Option<()>| {
            tools.background.track();
            tools.template.track();
            if prev.is_some() {
                changed();
            }
        }
    });
    let step = {
        let changed = changed.clone();
        move |event: Event| {
            board.update_value(|b| {
                b.drawing.push(event);
                repaint(layers, b);
            });
            changed();
        }
    };
    let actions = Actions {
        undo: Callback::new({
            let step = step.clone();
            move |_| step(Event::Undo)
        }),
        redo: Callback::new({
            let step = step.clone();
            move |_| step(Event::Redo)
        }),
        clear: Callback::new(move |_| {
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message(t().draw_clear_confirm).ok())
                .unwrap_or(false);
            if sure {
                step(Event::Clear);
            }
        }),
        can_undo: Signal::derive(move || {
            version.track();
            board.with_value(|b| b.drawing.can_undo())
        }),
        can_redo: Signal::derive(move || {
            version.track();
            board.with_value(|b| b.drawing.can_redo())
        }),
    };

    let save = move |_| {
        let Some(canvas) = flatten(layers) else {
            return;
        };
        if board.with_value(|b| b.drawing.visible_strokes().is_empty()) {
            status.set(SaveState::Failed(t().draw_empty.into()));
            return;
        }
        let goals = selected.get_untracked();
        let v = version.get_untracked();
        let reuse = attempt.with_value(|a| {
            a.as_ref()
                .filter(|a| a.version == v && a.goals == goals)
                .map(|a| (a.id, a.upload.clone()))
        });
        let (id, upload) = match reuse {
            Some(pair) => pair,
            None => match board.with_value(|b| {
                save::upload(&canvas, &b.drawing, client_id, session_id, goals.clone())
            }) {
                Ok(upload) => {
                    let id = util::new_uuid();
                    attempt.set_value(Some(Attempt {
                        version: v,
                        goals,
                        id,
                        upload: upload.clone(),
                    }));
                    (id, upload)
                }
                Err(m) => return status.set(SaveState::Failed(m)),
            },
        };
        status.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            match api::send::<_, Artefact>("PUT", &format!("/api/artefacts/{id}"), &upload).await {
                Ok(a) => status.set(SaveState::Saved(util::datetime_nl(a.stored_at))),
                Err(e) => status.set(SaveState::Failed(e.message)),
            }
        });
    };
    let toggle_goal = move |id: Uuid| {
        selected.update(|g| match g.iter().position(|x| *x == id) {
            Some(i) => {
                g.remove(i);
            }
            None => g.push(id),
        });
    };

    view! {
        <div class="draw-screen">
            <header class="draw-bar">
                <a class="button ghost back" href=format!("/clients/{cid}/sessies/{sid}")>"‹ " {t().back}</a>
                <div class="goal-chips" role="group" aria-label=t().draw_link_goals>
                    <span class="chips-label">{t().draw_link_goals}</span>
                    {move || match goals.get() {
                        Load::Ready(list) if list.is_empty() => view! { <span class="muted">{t().draw_no_goals}</span> }.into_any(),
                        Load::Ready(list) => list.into_iter().map(|g| {
                            let id = g.id;
                            view! {
                                <button class="chip" data-goal=id.to_string() title=g.title.as_str().to_owned()
                                    aria-pressed=move || selected.get().contains(&id).to_string()
                                    on:click=move |_| toggle_goal(id)>
                                    {g.title.as_str().to_owned()}
                                </button>
                            }
                        }).collect_view().into_any(),
                        Load::Failed(m) => view! { <span class="error">{m}</span> }.into_any(),
                        Load::Loading => ().into_any(),
                    }}
                </div>
                <span class="save-status" data-testid="save-status" role="status"
                    data-state=move || match status.get() {
                        SaveState::Empty => "empty", SaveState::Unsaved => "unsaved", SaveState::Saving => "saving",
                        SaveState::Saved(_) => "saved", SaveState::Failed(_) => "failed",
                    }>
                    {move || match status.get() {
                        SaveState::Empty => String::new(),
                        SaveState::Unsaved => t().draw_unsaved_changes.to_string(),
                        SaveState::Saving => t().draw_saving.to_string(),
                        SaveState::Saved(at) => format!("✓ {} ({at})", t().draw_saved),
                        SaveState::Failed(m) => format!("{}: {m}", t().draw_not_saved),
                    }}
                </span>
                <button class="primary" data-testid="save" on:click=save
                    disabled=move || status.get() == SaveState::Saving>{t().save}</button>
            </header>
            <Toolbar tools actions />
            <Surface board layers tools version on_change=Callback::new(move |_| changed()) />
        </div>
    }
}
