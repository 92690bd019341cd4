//! An exercise run in progress, kept on the tablet as it goes (`crate::outbox::drafts`) and
//! given back after a reload: the exercise chosen, for whom, the picture, the ratings before
//! and after, and how the run ended. A reload during the run itself comes back to the rating
//! before it (the run starts again), with the rating kept.

use serde::{Deserialize, Serialize};
use speelruimte_guide::Exercise;

use super::pacer::RunEnd;

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
