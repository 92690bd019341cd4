//! A therapist's own exercises, kept per client: made from the same phases as the built-in
//! ones and checked by `speelruimte_guide::CustomExercise::validate` before they are stored.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most own exercises one client may have.
pub const MAX_CUSTOM_EXERCISES: usize = 50;

/// Most phases one own exercise may have (one cycle; repetitions come on top).
pub const MAX_CUSTOM_PHASES: usize = 50;

/// An own exercise as stored for one client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0b7c6f2e-8f4d-4a51-9a3c-1d2e3f4a5b6c",
    "client_id": "8b925182-0263-4d96-a100-798560a6f823",
    "created_at": "2026-11-25T17:09:15.107428Z",
    "exercise": {
        "id": "custom-0b7c6f2e-8f4d-4a51-9a3c-1d2e3f4a5b6c",
        "version": 1,
        "kind": "breathing",
        "title": {"nl": "Rustig ademen", "en": "Rustig ademen"},
        "audience": "both",
        "phases": [
            {"kind": "in", "ms": 4000, "adult": {"nl": "Adem in", "en": "Adem in"}, "child": null, "body": null, "count": null, "manual": false},
            {"kind": "out", "ms": 6000, "adult": {"nl": "Adem uit", "en": "Adem uit"}, "child": null, "body": null, "count": null, "manual": false}
        ],
        "repetitions": 6
    }
})))]
pub struct SavedExercise {
    /// Server-made id; the exercise's own id is `custom-` followed by it.
    pub id: Uuid,
    /// The client it belongs to.
    pub client_id: Uuid,
    /// When it was saved.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// The validated exercise (a `speelruimte_guide::Exercise`), phase lengths in whole ms.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub exercise: speelruimte_guide::Exercise,
}

#[cfg(test)]
mod tests {
    use super::*;
    use speelruimte_guide::{CustomExercise, ExerciseKind, PhaseKind};

    #[test]
    fn a_saved_exercise_round_trips_through_json() {
        let id = Uuid::from_u128(7);
        let exercise = CustomExercise {
            title: "Rustig ademen".into(),
            kind: ExerciseKind::Breathing,
            phases: vec![
                (PhaseKind::In, 4.0, "Adem in".into()),
                (PhaseKind::Out, 6.0, "Adem uit".into()),
            ],
            repetitions: 6,
        }
        .validate(&format!("custom-{id}"))
        .unwrap();
        let saved = SavedExercise {
            id,
            client_id: Uuid::from_u128(1),
            created_at: chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            exercise,
        };
        let json = serde_json::to_value(&saved).unwrap();
        assert_eq!(json["exercise"]["phases"][1]["ms"], 6000);
        assert_eq!(
            json["exercise"]["id"],
            "custom-00000000-0000-0000-0000-000000000007"
        );
        assert_eq!(
            serde_json::from_value::<SavedExercise>(json).unwrap(),
            saved
        );
    }
}
