//! An exercise run in progress, kept on the tablet as it goes (`crate::outbox::drafts`) and
//! given back after a reload: the exercise chosen, for whom, the picture, the ratings before
//! and after, and how the run ended. A reload during the run itself comes back to the rating
//! before it (the run starts again), with the rating kept.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use speelruimte_guide::Exercise;
use speelruimte_model::PlayerRating;

use super::Step;
use super::pacer::{RunEnd, Visual};

/// A rating on the spanningsthermometer: the value and the places in the body.
pub type Kept = (Option<u8>, Vec<String>);

/// The exercise work form's work in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExerciseDraft {
    pub exercise: Exercise,
    /// The therapist's own pick of child (true) or adult, if they made one.
    pub picked: Option<bool>,
    pub visual: String,
    pub bpm: f32,
    /// "before" or "after".
    pub step: String,
    pub before: Kept,
    pub after: Kept,
    /// How the run ended: ran_ms, wall_ms, interrupted.
    pub ended: Option<(u64, u64, bool)>,
    /// In a group: each child's own ratings before and after.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group: Vec<PlayerRating>,
}

impl ExerciseDraft {
    /// How the run ended, as the work form knows it.
    pub fn run_end(&self) -> Option<RunEnd> {
        self.ended.map(|(ran_ms, wall_ms, interrupted)| RunEnd {
            ran_ms,
            wall_ms,
            interrupted,
        })
    }

    /// As bytes for the tablet's storage.
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        serde_json::to_vec(self).ok()
    }

    /// Read back from the tablet's storage (`None` for anything unreadable).
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        serde_json::from_slice(bytes).ok()
    }
}

/// The work form's state that its draft holds.
#[derive(Clone, Copy)]
pub struct Form {
    pub chosen: RwSignal<Option<Exercise>>,
    pub picked: RwSignal<Option<bool>>,
    pub visual: RwSignal<Visual>,
    pub bpm: RwSignal<f32>,
    pub step: RwSignal<Step>,
    pub before: (RwSignal<Option<u8>>, RwSignal<Vec<String>>),
    pub after: (RwSignal<Option<u8>>, RwSignal<Vec<String>>),
    pub ended: RwSignal<Option<RunEnd>>,
    pub group: RwSignal<Vec<PlayerRating>>,
}

impl Form {
    /// The draft as bytes; `None` while there is nothing to lose: nothing rated and no run
    /// ended (an exercise merely chosen or started is chosen again in a tap).
    pub fn snapshot(self) -> Option<Vec<u8>> {
        let rated = |r: (RwSignal<Option<u8>>, RwSignal<Vec<String>>)| {
            r.0.get_untracked().is_some() || !r.1.with_untracked(Vec::is_empty)
        };
        let group_rated = self
            .group
            .with_untracked(|g| g.iter().any(|r| r.before.is_some() || r.after.is_some()));
        if !rated(self.before)
            && !rated(self.after)
            && !group_rated
            && self.ended.get_untracked().is_none()
        {
            return None;
        }
        let exercise = self.chosen.get_untracked()?;
        let step = match self.step.get_untracked() {
            Step::Choose => return None,
            Step::Before | Step::Run => "before",
            Step::After => "after",
        };
        ExerciseDraft {
            exercise,
            picked: self.picked.get_untracked(),
            visual: self.visual.get_untracked().code().into(),
            bpm: self.bpm.get_untracked(),
            step: step.into(),
            before: (self.before.0.get_untracked(), self.before.1.get_untracked()),
            after: (self.after.0.get_untracked(), self.after.1.get_untracked()),
            ended: self
                .ended
                .get_untracked()
                .map(|e| (e.ran_ms, e.wall_ms, e.interrupted)),
            group: self.group.get_untracked(),
        }
        .to_bytes()
    }

    /// Puts a kept draft back: at the rating after a finished run, else at the rating before.
    pub fn restore(self, d: ExerciseDraft) {
        self.picked.set(d.picked);
        if let Some(v) = Visual::ALL.into_iter().find(|v| v.code() == d.visual) {
            self.visual.set(v);
        }
        self.bpm.set(d.bpm);
        self.before.0.set(d.before.0);
        self.before.1.set(d.before.1.clone());
        self.after.0.set(d.after.0);
        self.after.1.set(d.after.1.clone());
        self.ended.set(d.run_end());
        // The kept ratings only when they are of this group (same number of children).
        if d.group.len() == self.group.with_untracked(Vec::len) {
            self.group.set(d.group.clone());
        }
        self.step.set(if d.step == "after" && d.ended.is_some() {
            Step::After
        } else {
            Step::Before
        });
        self.chosen.set(Some(d.exercise));
    }
}
