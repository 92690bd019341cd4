//! The *beeldend* work form: a drawing canvas with pressure brushes, palm rejection, several
//! fingers at once, undo/redo, paper and templates; kept on the tablet while drawing; saved as
//! an artefact (PNG, thumbnail, encoded strokes, process metrics) linked to goals.

pub(crate) mod ink_glue;
mod layers;
mod live;
pub mod replay;
mod save;
mod sheet;
mod surface;
mod tiles;
mod tools;

use base64::Engine as _;
use leptos::prelude::*;
use speelruimte_ink::Event;

use crate::i18n::t;
use crate::pages::WorkFormRoute;
use crate::saving::{GoalChips, SaveState, SaveStatus, Saver};
use crate::util;
use ink_glue::Board;
use layers::{Layers, flatten, repaint};
use surface::Surface;
use tools::{Actions, Toolbar, Tools};

/// Reads a drawing kept on this tablet for a session.
fn restore(key: &str) -> Option<speelruimte_ink::Drawing> {
    let b64 = util::local_storage()?.get_item(key).ok()??;
    let bytes = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
    speelruimte_ink::decode(&bytes).ok()
}

#[component]
pub fn DrawPage() -> impl IntoView {
    let WorkFormRoute {
        cid,
        sid,
        client_id,
        session_id,
    } = WorkFormRoute::read();
    let storage_key = format!("speelruimte.tekening.{sid}");
    let saver = Saver::new(client_id);
    let status = saver.status;

    let tools = Tools::new();
    let board = StoredValue::new_local(Board::default());
    let version = RwSignal::new(0u32);
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
    let layers = Layers::new();

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
        saver.save(version.get_untracked(), |goals| {
            board.with_value(|b| save::upload(&canvas, &b.drawing, client_id, session_id, goals))
        });
    };

    view! {
        <div class="draw-screen">
            <header class="draw-bar">
                <a class="button ghost back" href=format!("/clients/{cid}/sessies/{sid}")>"‹ " {t().back}</a>
                <GoalChips saver />
                <SaveStatus saver />
                <button class="primary" data-testid="save" on:click=save
                    disabled=move || status.get() == SaveState::Saving>{t().save}</button>
            </header>
            <Toolbar tools actions />
            <Surface board layers tools version on_change=Callback::new(move |_| changed()) />
        </div>
    }
}
