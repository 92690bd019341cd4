//! What one run of an exercise leaves behind: which exercise, how long it really ran, whether
//! it was stopped early, and the spanningsthermometer before and after with the body places
//! the client pointed at. Saved as the metadata of an `exercise` artefact and checked by the
//! server before it is kept.

use serde::{Deserialize, Serialize};

use crate::{BodyPart, CustomExercise, Exercise, GuideError};

/// How the client rated: the adult slider or the child faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// 0–10 slider with words at the ends.
    Slider,
    /// Five faces mapped to 0, 3, 5, 8, 10.
    Faces,
}

/// One spanningsthermometer reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// 0–10, or none when the client did not want to rate.
    pub value: Option<u8>,
    /// Which scale was shown.
    pub scale: Scale,
    /// Where the client feels it.
    #[serde(default)]
    pub places: Vec<BodyPart>,
}

/// The record of one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExerciseResult {
    /// Always "spanning" (the work form).
    pub work_form: String,
    /// Format of this record.
    pub format: u32,
    /// The exercise as it was run (built-in or the therapist's own).
    pub exercise: Exercise,
    /// Whether the child texts and faces were used.
    pub child: bool,
    /// The pacer picture: circle, balloon, wave, animal or calm (reduced motion).
    pub visual: String,
    /// How long the exercise is meant to take, in ms.
    pub planned_ms: u64,
    /// How far the exercise got, in ms of its own timeline.
    pub ran_ms: u64,
    /// Wall-clock time from start to end, pauses included, in ms.
    pub wall_ms: u64,
    /// Stopped before the end.
    pub interrupted: bool,
    /// Before the exercise.
    pub before: Rating,
    /// After the exercise.
    pub after: Rating,
}

impl ExerciseResult {
    /// The record format written now.
    pub const FORMAT: u32 = 1;

    /// Checks a record that came over the network, with a reason in Dutch.
    pub fn validate(&self) -> Result<(), String> {
        if self.work_form != "spanning" || self.format != Self::FORMAT {
            return Err("Dit is geen oefening van Spanning reguleren (onbekend formaat).".into());
        }
        CustomExercise::check(&self.exercise).map_err(|e: GuideError| e.to_string())?;
        if self.planned_ms != self.exercise.total_ms() {
            return Err("De geplande duur past niet bij de oefening.".into());
        }
        if self.ran_ms > self.planned_ms {
            return Err("De oefening kan niet langer gelopen hebben dan gepland.".into());
        }
        if !self.interrupted && self.ran_ms != self.planned_ms {
            return Err("Een afgemaakte oefening moet tot het eind gelopen hebben.".into());
        }
        // Wall time may be shorter than the timeline (a client moves on early in grounding)
        // or longer (pauses), but not beyond a day.
        if self.wall_ms > 24 * 3_600_000 {
            return Err("De gemeten tijd van de oefening klopt niet.".into());
        }
        if !matches!(
            self.visual.as_str(),
            "circle" | "balloon" | "wave" | "animal" | "calm"
        ) {
            return Err(format!("Onbekende weergave '{}'.", self.visual));
        }
        for (when, r) in [("voor", &self.before), ("na", &self.after)] {
            if r.value.is_some_and(|v| v > 10) {
                return Err(format!(
                    "De spanning {when} de oefening moet tussen 0 en 10 liggen."
                ));
            }
            let mut seen = r.places.clone();
            seen.sort_by_key(|p| p.code());
            seen.dedup();
            if seen.len() != r.places.len() {
                return Err(format!(
                    "Een plek in het lichaam staat dubbel ({when} de oefening)."
                ));
            }
        }
        Ok(())
    }

    /// Before and after, when both were rated.
    pub fn change(&self) -> Option<crate::TensionChange> {
        Some(crate::TensionChange {
            before: self.before.value?,
            after: self.after.value?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::by_id;

    fn run() -> ExerciseResult {
        let exercise = by_id("calm-4-6").unwrap();
        let planned = exercise.total_ms();
        ExerciseResult {
            work_form: "spanning".into(),
            format: ExerciseResult::FORMAT,
            exercise,
            child: true,
            visual: "balloon".into(),
            planned_ms: planned,
            ran_ms: planned,
            wall_ms: planned + 5000,
            interrupted: false,
            before: Rating {
                value: Some(8),
                scale: Scale::Faces,
                places: vec![BodyPart::Belly, BodyPart::Shoulders],
            },
            after: Rating {
                value: Some(3),
                scale: Scale::Faces,
                places: vec![],
            },
        }
    }

    #[test]
    fn a_finished_run_is_accepted_and_survives_json() {
        let r = run();
        assert_eq!(r.validate(), Ok(()));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["before"]["places"][0], "belly");
        let back: ExerciseResult = serde_json::from_value(json).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.change().unwrap().difference(), -5);
    }

    #[test]
    fn impossible_runs_are_refused_in_dutch() {
        let mut r = run();
        r.after.value = Some(11);
        assert!(r.validate().unwrap_err().contains("tussen 0 en 10"));
        let mut r = run();
        r.ran_ms = 1000;
        assert!(r.validate().unwrap_err().contains("afgemaakte"));
        r.interrupted = true;
        assert_eq!(
            r.validate(),
            Ok(()),
            "stopped early after one second is fine"
        );
        let mut r = run();
        r.before.places.push(BodyPart::Belly);
        assert!(r.validate().unwrap_err().contains("dubbel"));
        let mut r = run();
        r.exercise.phases[0].ms = 0;
        assert!(r.validate().unwrap_err().contains("Fase 1"));
        let mut r = run();
        r.visual = "disco".into();
        assert!(r.validate().is_err());
    }
}
