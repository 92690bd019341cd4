#![doc = include_str!("../README.md")]

mod builtin;
mod clock;
mod cue;
mod custom;
mod exercise;
mod result;
mod tension;
mod timeline;

pub use builtin::{builtin_exercises, by_id, resonance};
pub use clock::{ExerciseClock, Rounding, clock_text};
pub use cue::{CUE_SECONDS, cue_pitch, cue_samples};
pub use custom::{CustomExercise, GuideError};
pub use exercise::{Audience, BodyPart, Exercise, ExerciseKind, Phase, PhaseKind, Text};
pub use result::{ExerciseResult, Rating, Scale};
pub use tension::{
    CHILD_FACE_NAMES_EN, CHILD_FACES, SLIDER_ENDS, SLIDER_ENDS_EN, TensionChange, child_face_step,
    child_face_value,
};
pub use timeline::{Moment, Timeline};
