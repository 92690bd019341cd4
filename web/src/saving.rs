//! What every work form shares when it saves: the goal chips to link an artefact to
//! behandeldoelen, the plain-words save status, and the hand-over to the outbox. A save gets
//! its id and its whole upload written to the tablet's outbox (`crate::outbox`) before the
//! first PUT; the status says "opgeslagen op deze tablet" until the server acknowledges, then
//! "verstuurd naar de server". As long as nothing changed, saving again reuses the id and the
//! body, so a retry is stored once. The files go as raw bytes in the binary envelope
//! (`speelruimte_model::decode_envelope`), not as base64 in JSON.

use std::rc::Rc;

use leptos::prelude::*;
use speelruimte_model::{Artefact, ArtefactUpload, Goal, OutgoingFile, envelope_head};
use uuid::Uuid;

use crate::i18n::{t, to};
use crate::outbox::Outbox;
use crate::pages::{Load, load};
use crate::{api, util};

/// Where a save stands, as the screen tells it.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing to save yet.
    Empty,
    /// Changed since the last save.
    Unsaved,
    /// Being written to the tablet.
    Saving,
    /// In the tablet's outbox, not yet acknowledged by the server.
    OnTablet,
    /// Acknowledged by the server, stored at this (local) time.
    Saved(String),
    /// Refused or not kept, with the reason.
    Failed(String),
}

/// What a work form hands over to save: the record (its `blobs` empty) and its files.
pub struct Outgoing {
    /// Everything but the files.
    pub record: ArtefactUpload,
    /// The files, with their bytes.
    pub files: Vec<OutgoingFile>,
}

/// A save attempt: reused as long as the work (its version) and the goals are unchanged, so a
/// retry sends the same id and body and the server stores it once.
struct Attempt {
    version: u32,
    goals: Vec<Uuid>,
    id: Uuid,
    upload: Rc<Outgoing>,
}

/// The goals a work form can link to, which are ticked, and the save status.
#[derive(Clone, Copy)]
pub struct Saver {
    /// The client's goals.
    pub goals: RwSignal<Load<Vec<Goal>>>,
    /// The ticked goals.
    pub selected: RwSignal<Vec<Uuid>>,
    /// Where the save stands.
    pub status: RwSignal<SaveState>,
    attempt: StoredValue<Option<Attempt>, LocalStorage>,
    /// The id of the last save handed to the outbox.
    queued: RwSignal<Option<Uuid>>,
}

impl Saver {
    /// Loads the client's goals.
    pub fn new(client_id: Uuid) -> Self {
        let (goals, _) = load::<Vec<Goal>>(move || format!("/api/clients/{client_id}/goals"));
        let saver = Self {
            goals,
            selected: RwSignal::new(Vec::new()),
            status: RwSignal::new(SaveState::Empty),
            attempt: StoredValue::new_local(None),
            queued: RwSignal::new(None),
        };
        // The outbox says when the server has the artefact, or refused it.
        let ob = Outbox::get();
        Effect::new(move |_| {
            let Some(id) = saver.queued.get() else { return };
            if let Some(at) = ob.acked.with(|m| m.get(&id).copied()) {
                saver.queued.set(None);
                // Not when the work changed since: then the screen says it is unsaved.
                let waiting = matches!(
                    saver.status.get_untracked(),
                    SaveState::OnTablet | SaveState::Saving
                );
                if waiting {
                    saver.status.set(SaveState::Saved(util::datetime_long(at)));
                }
            } else if let Some(m) = ob.refused.with(|m| m.get(&id).cloned()) {
                saver.status.set(SaveState::Failed(m));
            }
        });
        saver
    }

    /// Saves the work at `version`: `make` builds the upload for the ticked goals, only when
    /// this version and these goals were not tried before.
    pub fn save(self, version: u32, make: impl FnOnce(Vec<Uuid>) -> Result<Outgoing, String>) {
        self.save_with(version, make, || ());
    }

    /// [`Self::save`], and `on_kept` once the artefact is safe — in the tablet's outbox, or
    /// (when the tablet cannot keep it) acknowledged by the server — so the work form can let
    /// go of its work in progress.
    pub fn save_with(
        self,
        version: u32,
        make: impl FnOnce(Vec<Uuid>) -> Result<Outgoing, String>,
        on_kept: impl FnOnce() + 'static,
    ) {
        let goals = self.selected.get_untracked();
        let reuse = self.attempt.with_value(|a| {
            a.as_ref()
                .filter(|a| a.version == version && a.goals == goals)
                .map(|a| (a.id, Rc::clone(&a.upload)))
        });
        if let Some((id, upload)) = reuse {
            return self.again(id, upload);
        }
        let upload = match make(goals.clone()) {
            Ok(upload) => Rc::new(upload),
            Err(m) => return self.status.set(SaveState::Failed(m)),
        };
        let id = util::new_uuid();
        self.attempt.set_value(Some(Attempt {
            version,
            goals,
            id,
            upload: Rc::clone(&upload),
        }));
        self.status.set(SaveState::Saving);
        let ob = Outbox::get();
        leptos::task::spawn_local(async move {
            let kept = match Outbox::owner() {
                Some(owner) => ob.enqueue(owner, id, &upload).await,
                None => Err("nobody logged in".into()),
            };
            match kept {
                Ok(()) => {
                    // Unless the server was quicker than this line.
                    if self.status.try_get_untracked() == Some(SaveState::Saving) {
                        self.status.try_set(SaveState::OnTablet);
                    }
                    self.queued.try_set(Some(id));
                    on_kept();
                }
                Err(e) => {
                    // The tablet cannot keep it (storage blocked or full): send it at once.
                    leptos::logging::error!("outbox: {e}");
                    if self.send_now(id, &upload).await {
                        on_kept();
                    }
                }
            }
        });
    }

    /// The same save once more (a double tap, a retry): while it waits, the outbox tries
    /// again now; once acknowledged, the same PUT is sent again and the server stores nothing
    /// new.
    fn again(self, id: Uuid, upload: Rc<Outgoing>) {
        let ob = Outbox::get();
        if self.queued.get_untracked() == Some(id) {
            ob.refused.update(|m| {
                m.remove(&id);
            });
            self.status.set(SaveState::OnTablet);
            return ob.drain();
        }
        self.status.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            self.send_now(id, &upload).await;
        });
    }

    /// A PUT straight from memory; says whether the server acknowledged it.
    async fn send_now(self, id: Uuid, upload: &Outgoing) -> bool {
        let head = envelope_head(&upload.record, &upload.files);
        let path = format!("/api/artefacts/{id}");
        match api::put_envelope::<Artefact>(&path, &head, &upload.files).await {
            Ok(a) => {
                self.status
                    .try_set(SaveState::Saved(util::datetime_long(a.stored_at)));
                true
            }
            Err(e) => {
                self.status.try_set(SaveState::Failed(e.message));
                false
            }
        }
    }
}

/// Chips to tick the goals an artefact belongs to.
#[component]
pub fn GoalChips(saver: Saver) -> impl IntoView {
    let selected = saver.selected;
    let toggle = move |id: Uuid| {
        selected.update(|g| match g.iter().position(|x| *x == id) {
            Some(i) => {
                g.remove(i);
            }
            None => g.push(id),
        });
    };
    view! {
        <div class="goal-chips" role="group" aria-label=t().work_link_goals>
            <span class="chips-label">{t().work_link_goals}</span>
            {move || match saver.goals.get() {
                Load::Ready(list) if list.is_empty() => view! { <span class="muted">{t().work_no_goals}</span> }.into_any(),
                Load::Ready(list) => list.into_iter().map(|g| {
                    let id = g.id;
                    view! {
                        <button class="chip" data-goal=id.to_string() title=g.title.as_str().to_owned()
                            aria-pressed=move || selected.get().contains(&id).to_string()
                            on:click=move |_| toggle(id)>
                            {g.title.as_str().to_owned()}
                        </button>
                    }
                }).collect_view().into_any(),
                Load::Failed(m) => view! { <span class="error">{m}</span> }.into_any(),
                Load::Loading => ().into_any(),
            }}
        </div>
    }
}

/// The save status in plain words.
#[component]
pub fn SaveStatus(saver: Saver) -> impl IntoView {
    let status = saver.status;
    view! {
        <span class="save-status" data-testid="save-status" role="status"
            data-state=move || match status.get() {
                SaveState::Empty => "empty", SaveState::Unsaved => "unsaved", SaveState::Saving => "saving",
                SaveState::OnTablet => "on-tablet", SaveState::Saved(_) => "saved", SaveState::Failed(_) => "failed",
            }>
            {move || match status.get() {
                SaveState::Empty => String::new(),
                SaveState::Unsaved => t().save_status_unsaved.to_string(),
                SaveState::Saving => t().save_status_saving.to_string(),
                SaveState::OnTablet => format!("{} · {}", to().on_tablet, to().not_sent_yet),
                SaveState::Saved(at) => format!("✓ {} ({at})", to().sent),
                SaveState::Failed(m) => format!("{}: {m}", t().save_status_failed),
            }}
        </span>
    }
}
