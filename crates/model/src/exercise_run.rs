//! The record of one run of an exercise (*Spanning reguleren*): the guide's
//! `speelruimte_guide::ExerciseResult`, which the app and the server already share (model
//! depends on the guide for the exercises themselves). Here it is read from an artefact's
//! metadata like the other work forms' records: tag, format, shape, then the guide's checks.

use serde_json::Value;
use speelruimte_guide::ExerciseResult;
use uuid::Uuid;

use crate::record::{self, WorkForm};
use crate::{Artefact, GroupPlay, ValidationError};

/// Reads and checks the run kept in an exercise artefact's metadata: ratings 0–10, a valid
/// exercise, times that add up.
pub fn read_exercise_run(metadata: &Value) -> Result<ExerciseResult, ValidationError> {
    let formats = ExerciseResult::FORMAT..=ExerciseResult::FORMAT;
    let run: ExerciseResult = record::read(WorkForm::Spanning, formats, metadata)?;
    run.validate().map_err(ValidationError::ExerciseRun)?;
    Ok(run)
}

/// The run of an exercise artefact as `client` did it: for a group exercise, the run with
/// that client's own spanningsthermometer before and after (each child rated their own; the
/// run's own ratings are empty), and no rating at all for someone not among the participants.
pub fn exercise_run_for(
    artefact: &Artefact,
    client: Uuid,
) -> Result<ExerciseResult, ValidationError> {
    let mut run = read_exercise_run(&artefact.metadata)?;
    if artefact.participants.is_empty() {
        return Ok(run);
    }
    let own = artefact.player_of(client).and_then(|me| {
        GroupPlay::read(&artefact.metadata)
            .ok()
            .flatten()?
            .ratings
            .into_iter()
            .find(|r| r.player == me)
    });
    run.before.value = own.and_then(|r| r.before);
    run.after.value = own.and_then(|r| r.after);
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

    #[test]
    fn each_child_of_a_group_exercise_sees_their_own_ratings() {
        use crate::{Animal, Avatar, AvatarColour, Member, Participant};
        let (a, b, stranger) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3));
        let mut metadata = run("spanning");
        metadata["group"] = json!({"ratings": [
            {"player": 0, "before": 8, "after": 3},
            {"player": 1, "before": 5, "after": null},
        ]});
        let who = |id, colour, animal| Participant {
            member: Member::client(id),
            avatar: Avatar { colour, animal },
        };
        let artefact: Artefact = serde_json::from_value(json!({
            "id": Uuid::from_u128(9), "kind": "exercise", "client_id": a, "session_id": null,
            "goal_ids": [], "created_at": "2026-12-03T10:00:00Z", "stored_at": "2026-12-03T10:00:01Z",
            "metadata": metadata, "blobs": [],
            "participants": [who(a, AvatarColour::Orange, Animal::Cat), who(b, AvatarColour::Blue, Animal::Owl)],
        }))
        .unwrap();
        let of = |c| {
            let r = exercise_run_for(&artefact, c).unwrap();
            (r.before.value, r.after.value)
        };
        assert_eq!(of(a), (Some(8), Some(3)));
        assert_eq!(of(b), (Some(5), None));
        assert_eq!(
            of(stranger),
            (None, None),
            "the run's own 6 is nobody's in a group"
        );
    }
}
