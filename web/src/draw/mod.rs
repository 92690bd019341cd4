//! The *beeldend* work form: a drawing canvas with pressure brushes, palm rejection, several
//! fingers at once, undo/redo, paper and templates; kept on the tablet while drawing; saved as
//! an artefact (PNG, thumbnail, encoded strokes, process metrics) linked to goals.

mod clear_ask;
pub mod compare;
mod docks;
mod draft;
mod in_step;
pub(crate) mod ink_glue;
mod layers;
mod live;
mod mine;
mod rehearsal;
pub mod replay;
mod save;
mod scrap;
mod sheet;
mod stroke_view;
mod surface;
mod tiles;
mod tools;

use leptos::prelude::*;
use speelruimte_ink::Event;

use crate::browser::device::in_next_frame;
use crate::i18n::t;
use crate::outbox::drafts;
use crate::outbox::view::OutboxCount;
use crate::pages::WorkFormRoute;
use crate::saving::{GoalChips, SaveState, SaveStatus, Saver};
use clear_ask::ClearAsk;
use ink_glue::Board;
use layers::{Layers, flatten, repaint};
use surface::Surface;
use tools::{Actions, Toolbar, Tools};

/// How long after a change the drawing is kept on the tablet, once no stroke is being drawn:
/// encoding a big drawing costs most of a frame on a slow tablet (7 ms at 4× slower for 300
/// strokes), so not at every pen-up, nor in the middle of a stroke. A tab that crashes loses at
/// most this much; a reload, leaving the page or hiding the tab keeps the drawing at once.
const KEEP_AFTER_MS: u64 = 300;

/// Keeps the drawing on this tablet (IndexedDB, `crate::outbox::drafts`), and once it is
/// stored says how many strokes it kept.
fn keep(board: StoredValue<Board, LocalStorage>, key: &str, kept: RwSignal<usize>) {
    let (bytes, n) = board.with_value(|b| (b.draft_bytes(), b.visible_count()));
    drafts::keep(drafts::DRAWING, key, bytes, move |stored| {
        if stored {
            kept.try_set(n);
        }
    });
}

/// Keeps the drawing as the page goes away (see `drafts::keep_at_exit`).
fn keep_at_exit(board: StoredValue<Board, LocalStorage>, key: &str) {
    let bytes = board.with_value(Board::draft_bytes);
    drafts::keep_at_exit(drafts::DRAWING, key, bytes);
}

/// Keeps the drawing [`KEEP_AFTER_MS`] from now, or as soon after as no stroke is being
/// drawn. `due` says a keep is waiting (one timer at a time; it keeps the drawing as it is
/// then).
fn keep_soon(
    board: StoredValue<Board, LocalStorage>,
    key: String,
    kept: RwSignal<usize>,
    due: StoredValue<bool, LocalStorage>,
) {
    if due.try_get_value() != Some(false) {
        return;
    }
    due.set_value(true);
    set_timeout(
        move || {
            // Gone with the page, or kept already (the page was hidden).
            if due.try_get_value() != Some(true) {
                return;
            }
            due.set_value(false);
            if board.with_value(Board::is_drawing) {
                keep_soon(board, key, kept, due);
            } else {
                keep(board, &key, kept);
            }
        },
        std::time::Duration::from_millis(KEEP_AFTER_MS),
    );
}

/// Removes the drawing kept on this tablet for a session.
fn forget(key: &str) {
    drafts::forget(drafts::DRAWING, key);
}

/// Reads a drawing kept on this tablet for a session, with its group if it is one.
fn restore(key: &str) -> Option<(speelruimte_ink::Drawing, Option<draft::KeptGroup>)> {
    draft::from_bytes(&drafts::read(drafts::DRAWING, key)?)
}

#[component]
pub fn DrawPage() -> impl IntoView {
    let WorkFormRoute {
        cid,
        sid,
        client_id,
        session_id,
    } = WorkFormRoute::read();
    let storage_key = sid.clone();
    let saver = Saver::new(client_id);
    let status = saver.status;

    let tools = Tools::new();
    let board = StoredValue::new_local(Board::default());
    let version = RwSignal::new(0u32);
    // A drawing kept on this tablet (after a reload or a crashed tab) comes back as it was, a
    // group drawing with its group and who drew which stroke.
    let restored = restore(&storage_key);
    let (restored, kept_group) = match restored {
        Some((d, g)) => (Some(d), g),
        None => (None, None),
    };
    // A group session with every avatar picked: a group drawing. The tab's own note of the
    // group goes first; a crashed tab has only the draft's.
    let participants = crate::group::participants(&sid).or_else(|| {
        let list = kept_group.as_ref()?.participants.clone();
        // The session screen shows the avatars again once it has the group from the server.
        let avatars: Vec<_> = list.iter().map(|p| p.avatar).collect();
        crate::group::keep_avatars(&sid, &avatars);
        Some(list)
    });
    if let Some(d) = restored {
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
    if let Some(list) = &participants {
        let players = match &kept_group {
            Some(g) if g.participants == *list => g.players.clone(),
            _ => crate::group::players(&storage_key),
        };
        board.update_value(|b| {
            b.group = Some(docks::group_ink(list, players));
            b.participants = Some(list.clone());
        });
    }
    let layers = Layers::new();

    // Strokes kept on the tablet (for tests: `data-kept`), and whether a keep is due.
    let kept = RwSignal::new(board.with_value(Board::visible_count));
    let due = StoredValue::new_local(false);
    let changed = {
        let key = storage_key.clone();
        move || {
            version.update(|v| *v += 1);
            let shown = board.with_value(|b| !b.drawing.visible_strokes().is_empty());
            status.set(if shown {
                SaveState::Unsaved
            } else {
                SaveState::Empty
            });
            keep_soon(board, key.clone(), kept, due);
            board.with_value(|b| {
                if let Some(g) = &b.group {
                    crate::group::keep_players(&key, &g.players);
                }
            });
        }
    };
    // A stroke's end shows around the paper (save status, undo, the drawing kept) in the frame
    // after the pen lifts, not in the frame of the stroke's own end: on a slow tablet the two
    // together missed a frame (B5, BENCHMARKS.md). `ended` says a change waits for that frame.
    let ended = StoredValue::new_local(false);
    let catch_up = {
        let changed = changed.clone();
        move || {
            if ended.try_get_value() == Some(true) {
                ended.set_value(false);
                changed();
            }
        }
    };
    let stroke_ended = {
        let catch_up = catch_up.clone();
        move || {
            if !ended.get_value() {
                ended.set_value(true);
                in_next_frame(catch_up.clone());
            }
        }
    };
    // Leaving the page, reloading it or hiding the tab keeps a drawing that waits to be kept.
    let keep_now = {
        let key = storage_key.clone();
        let catch_up = catch_up.clone();
        move || {
            catch_up();
            if due.try_get_value() == Some(true) {
                due.set_value(false);
                keep(board, &key, kept);
            }
        }
    };
    // Going away, the drawing is also rescued at once (IndexedDB may not have it in time; the
    // tab may have been hidden a moment before, which only started the keep).
    let hide = window_event_listener(leptos::ev::pagehide, {
        let key = storage_key.clone();
        let catch_up = catch_up.clone();
        move |_| {
            catch_up();
            let waits = due.try_get_value() == Some(true);
            due.try_set_value(false);
            if waits || drafts::has(drafts::DRAWING, &key) {
                keep_at_exit(board, &key);
            }
        }
    });
    let hidden = window_event_listener_untyped("visibilitychange", {
        let keep_now = keep_now.clone();
        move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                keep_now();
            }
        }
    });
    on_cleanup(move || {
        hide.remove();
        hidden.remove();
        keep_now();
    });
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
    let ask_clear = RwSignal::new(false);
    let wipe = Callback::new({
        let step = step.clone();
        move |_| step(Event::Clear)
    });
    let actions = Actions {
        undo: Callback::new({
            let step = step.clone();
            move |_| step(Event::Undo)
        }),
        redo: Callback::new({
            let step = step.clone();
            move |_| step(Event::Redo)
        }),
        // Asked in the page first (`clear_ask`), then wiped.
        clear: Callback::new(move |_| ask_clear.set(true)),
        // In a group each child undoes their own strokes at their dock, not the others'.
        can_undo: Signal::derive(move || {
            version.track();
            board.with_value(|b| b.group.is_none() && b.drawing.can_undo())
        }),
        can_redo: Signal::derive(move || {
            version.track();
            board.with_value(|b| b.group.is_none() && b.drawing.can_redo())
        }),
    };

    let participants_for_save = participants.clone();
    let save = move |_| {
        catch_up();
        let Some(canvas) = flatten(layers) else {
            return;
        };
        if board.with_value(|b| b.drawing.visible_strokes().is_empty()) {
            status.set(SaveState::Failed(t().draw_empty.into()));
            return;
        }
        let saved = version.get_untracked();
        let key = storage_key.clone();
        saver.save_with(
            saved,
            |goals| {
                board.with_value(|b| {
                    let group = participants_for_save
                        .clone()
                        .zip(b.group.as_ref().map(|g| g.players.clone()));
                    save::upload(&canvas, &b.drawing, client_id, session_id, goals, group)
                })
            },
            // In the outbox (or acknowledged): the drawing is safe, so the tablet lets go of
            // the copy it kept as work in progress. Unless the drawing changed meanwhile: then
            // the copy holds new work, which is not saved.
            move || {
                if version.try_get_untracked() == Some(saved) {
                    due.try_set_value(false);
                    forget(&key);
                    crate::group::keep_players(&key, &[]);
                    kept.try_set(0);
                } else {
                    status.try_set(SaveState::Unsaved);
                }
            },
        );
    };

    view! {
        // The whole screen is its main landmark: the canvas and tools are the page's content.
        <main class="draw-screen" data-kept=move || kept.get().to_string()>
            <header class="draw-bar">
                {(!crate::kiosk::locked()).then(|| view! { <a class="button ghost back" href=format!("/clients/{cid}/sessies/{sid}")>"‹ " {t().back}</a> })}
                // The goals are the therapist's words: a child in kindermodus does not see them.
                {(!crate::kiosk::locked()).then(|| view! { <GoalChips saver /> })}
                // The save's state with the waiting count under it: beside each other they
                // squeezed the goal chips to nothing on a tablet held upright.
                <div class="save-info">
                    <SaveStatus saver />
                    <OutboxCount />
                </div>
                <button class="primary" data-testid="save" on:click=save
                    disabled=move || status.get() == SaveState::Saving>{t().save}</button>
            </header>
            <Toolbar tools actions group=participants.is_some() />
            {match participants.clone() {
                Some(list) => {
                    let avatars = list.iter().map(|p| p.avatar).collect::<Vec<_>>();
                    let on_undo = Callback::new({
                        let changed = changed.clone();
                        move |p: u8| {
                            let undone = board.try_update_value(|b| {
                                let ok = b.undo_of(p);
                                if ok { repaint(layers, b); }
                                ok
                            });
                            if undone == Some(true) { changed(); }
                        }
                    });
                    view! {
                        <Surface board layers tools version on_change=Callback::new(move |_| stroke_ended())>
                            <docks::Docks board version avatars on_undo />
                        </Surface>
                    }.into_any()
                }
                None => view! { <Surface board layers tools version on_change=Callback::new(move |_| stroke_ended()) /> }.into_any(),
            }}
            <ClearAsk open=ask_clear wipe />
        </main>
    }
}
