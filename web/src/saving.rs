//! What every work form shares when it saves: the goal chips to link an artefact to
//! behandeldoelen, the plain-words save status, and an idempotent upload that reuses its id
//! and body as long as nothing changed, so a retry is stored once. The files go as raw bytes
//! in the binary envelope (`speelruimte_model::decode_envelope`), not as base64 in JSON.

use std::rc::Rc;

use leptos::prelude::*;
use speelruimte_model::{Artefact, ArtefactUpload, Goal, OutgoingFile, envelope_head};
use uuid::Uuid;

use crate::i18n::t;
use crate::pages::{Load, load};
use crate::{api, util};

/// Where a save stands, as the screen tells it.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing to save yet.
    Empty,
    /// Changed since the last save.
    Unsaved,
    /// On its way.
    Saving,
    /// Stored by the server, at this (local, Dutch) time.
    Saved(String),
    /// Refused or not reached, with the reason.
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
}

impl Saver {
    /// Loads the client's goals.
    pub fn new(client_id: Uuid) -> Self {
        let (goals, _) = load::<Vec<Goal>>(move || format!("/api/clients/{client_id}/goals"));
        Self {
            goals,
            selected: RwSignal::new(Vec::new()),
            status: RwSignal::new(SaveState::Empty),
            attempt: StoredValue::new_local(None),
        }
    }

    /// Saves the work at `version`: `make` builds the upload for the ticked goals, only when
    /// this version and these goals were not tried before.
    pub fn save(self, version: u32, make: impl FnOnce(Vec<Uuid>) -> Result<Outgoing, String>) {
        self.save_with(version, make, || ());
    }

    /// [`Self::save`], and `on_saved` once the server has acknowledged the artefact (not
    /// when it refused it or could not be reached).
    pub fn save_with(
        self,
        version: u32,
        make: impl FnOnce(Vec<Uuid>) -> Result<Outgoing, String>,
        on_saved: impl FnOnce() + 'static,
    ) {
        let goals = self.selected.get_untracked();
        let reuse = self.attempt.with_value(|a| {
            a.as_ref()
                .filter(|a| a.version == version && a.goals == goals)
                .map(|a| (a.id, Rc::clone(&a.upload)))
        });
        let (id, upload) = match reuse {
            Some(pair) => pair,
            None => match make(goals.clone()) {
                Ok(upload) => {
                    let upload = Rc::new(upload);
                    let id = util::new_uuid();
                    self.attempt.set_value(Some(Attempt {
                        version,
                        goals,
                        id,
                        upload: Rc::clone(&upload),
                    }));
                    (id, upload)
                }
                Err(m) => return self.status.set(SaveState::Failed(m)),
            },
        };
        let status = self.status;
        status.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            let head = envelope_head(&upload.record, &upload.files);
            let path = format!("/api/artefacts/{id}");
            match api::put_envelope::<Artefact>(&path, &head, &upload.files).await {
                Ok(a) => {
                    status.set(SaveState::Saved(util::datetime_long(a.stored_at)));
                    on_saved();
                }
                Err(e) => status.set(SaveState::Failed(e.message)),
            }
        });
    }

    /// Whether the last save reached the server.
    pub fn saved(self) -> bool {
        matches!(self.status.get(), SaveState::Saved(_))
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
                SaveState::Saved(_) => "saved", SaveState::Failed(_) => "failed",
            }>
            {move || match status.get() {
                SaveState::Empty => String::new(),
                SaveState::Unsaved => t().save_status_unsaved.to_string(),
                SaveState::Saving => t().save_status_saving.to_string(),
                SaveState::Saved(at) => format!("✓ {} ({at})", t().save_status_saved),
                SaveState::Failed(m) => format!("{}: {m}", t().save_status_failed),
            }}
        </span>
    }
}
