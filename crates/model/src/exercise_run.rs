//! The record of one run of an exercise (*Spanning reguleren*): the guide's
//! `speelruimte_guide::ExerciseResult`, which the app and the server already share (model
//! depends on the guide for the exercises themselves). Here it is read from an artefact's
//! metadata like the other work forms' records: tag, format, shape, then the guide's checks.

use serde_json::Value;
use speelruimte_guide::ExerciseResult;

use crate::ValidationError;
use crate::record::{self, WorkForm};

/// Reads and checks the run kept in an exercise artefact's metadata: ratings 0–10, a valid
/// exercise, times that add up.
pub fn read_exercise_run(metadata: &Value) -> Result<ExerciseResult, ValidationError> {
    let formats = ExerciseResult::FORMAT..=ExerciseResult::FORMAT;
    let run: ExerciseResult = record::read(WorkForm::Spanning, formats, metadata)?;
    run.validate().map_err(ValidationError::ExerciseRun)?;
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use speelruimte_guide::{Rating, Scale, by_id};

    fn run(work_form: &str) -> Value {
        let exercise = by_id("calm-4-6").unwrap();
        serde_json::to_value(ExerciseResult {
            work_form: work_form.into(),
            format: ExerciseResult::FORMAT,
            planned_ms: exercise.total_ms(),
            ran_ms: 10_000,
            exercise,
            child: false,
            visual: "wave".into(),
            wall_ms: 10_500,
            interrupted: true,
            before: Rating {
                value: Some(6),
                scale: Scale::Slider,
                places: vec![],
            },
            after: Rating {
                value: None,
                scale: Scale::Slider,
                places: vec![],
            },
        })
        .unwrap()
    }

    #[test]
    fn a_run_tagged_with_the_models_spanning_tag_passes_the_guides_checks() {
        let r = read_exercise_run(&run(WorkForm::Spanning.code())).unwrap();
        assert_eq!(r.before.value, Some(6));
    }

    #[test]
    fn a_run_rated_eleven_is_refused_with_the_guides_dutch_reason() {
        let mut v = run("spanning");
        v["before"]["value"] = json!(11);
        assert_eq!(
            read_exercise_run(&v).unwrap_err().to_string(),
            "De spanning voor de oefening moet tussen 0 en 10 liggen."
        );
    }

    #[test]
    fn a_bare_spanning_tag_is_an_incomplete_exercise() {
        assert_eq!(
            read_exercise_run(&json!({"work_form": "spanning"}))
                .unwrap_err()
                .to_string(),
            "De gegevens van de oefening zijn onvolledig of beschadigd: het veld 'format' ontbreekt."
        );
    }
}
