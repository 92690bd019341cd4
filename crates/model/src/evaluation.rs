//! The evaluation record (*evaluatie*): a review moment with the client. Which goals were
//! looked at and the GAS level each reached, the client's satisfaction in their own words and
//! as a number, whether it was discussed with the client, notes and the next steps agreed.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::bounded::bounded;
use crate::{GasLevel, GasWeight, ValidationError, clean_text, gas_t_score};

bounded!(
    /// The client's satisfaction, 0 (not at all) to 10 (completely).
    Satisfaction(u8), 0, 10, "De tevredenheid"
);

/// Most goals one evaluation can cover.
pub const MAX_EVALUATED_GOALS: usize = 50;

/// Longest free text of an evaluation (satisfaction in words, notes, next steps).
pub const MAX_EVALUATION_TEXT: usize = 10_000;

/// One goal looked at in an evaluation, as the therapist sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalRating {
    /// The goal.
    pub goal_id: Uuid,
    /// The GAS level it reached, if it was rated (its goal needs a GAS scale then).
    #[serde(default)]
    pub level: Option<GasLevel>,
}

/// What the therapist fills in to record an evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewEvaluation {
    /// The day of the evaluation.
    pub date: chrono::NaiveDate,
    /// The goals looked at (at least one), each with its GAS level where rated.
    pub goals: Vec<GoalRating>,
    /// How satisfied the client is, in their own words.
    #[serde(default)]
    pub satisfaction_words: Option<String>,
    /// How satisfied the client is, 0–10.
    #[serde(default)]
    pub satisfaction: Option<Satisfaction>,
    /// Whether the evaluation was discussed with the client (*besproken met de cliënt*).
    #[serde(default)]
    pub discussed_with_client: bool,
    /// The therapist's notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// What was agreed for the time ahead.
    #[serde(default)]
    pub next_steps: Option<String>,
}

/// Trims an optional text; empty becomes `None`.
fn optional(text: Option<String>, field: &'static str) -> Result<Option<String>, ValidationError> {
    match text {
        Some(t) if !t.trim().is_empty() => {
            clean_text(&t, MAX_EVALUATION_TEXT, true, field).map(Some)
        }
        _ => Ok(None),
    }
}

impl NewEvaluation {
    /// Checks what serde cannot (at least one goal, each once, texts in bounds) and returns
    /// the evaluation with its texts trimmed and empty texts left out.
    pub fn validate(self) -> Result<Self, ValidationError> {
        if self.goals.is_empty() {
            return Err(ValidationError::NoGoalsEvaluated);
        }
        if self.goals.len() > MAX_EVALUATED_GOALS {
            return Err(ValidationError::TooMany {
                what: "doelen in één evaluatie",
                max: MAX_EVALUATED_GOALS,
            });
        }
        for (i, g) in self.goals.iter().enumerate() {
            if self.goals[..i].iter().any(|o| o.goal_id == g.goal_id) {
                return Err(ValidationError::GoalTwiceInEvaluation);
            }
        }
        Ok(Self {
            satisfaction_words: optional(
                self.satisfaction_words,
                "De tevredenheid in eigen woorden",
            )?,
            notes: optional(self.notes, "De notitie bij de evaluatie")?,
            next_steps: optional(self.next_steps, "De afspraken voor de komende tijd")?,
            ..self
        })
    }
}

/// One goal of a kept evaluation: its level and the weight its GAS scale had at the time, so
/// the T-score stays what it was when the scale is changed later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluatedGoal {
    /// The goal.
    pub goal_id: Uuid,
    /// The GAS level reached, if rated.
    pub level: Option<GasLevel>,
    /// The goal's weight when it was rated.
    pub weight: GasWeight,
}

/// An evaluation as kept, with its combined GAS T-score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evaluation {
    /// Server-made id.
    pub id: Uuid,
    /// The client.
    pub client_id: Uuid,
    /// The day of the evaluation.
    pub date: chrono::NaiveDate,
    /// The goals looked at.
    pub goals: Vec<EvaluatedGoal>,
    /// Satisfaction in the client's words.
    pub satisfaction_words: Option<String>,
    /// Satisfaction 0–10.
    pub satisfaction: Option<Satisfaction>,
    /// Discussed with the client.
    pub discussed_with_client: bool,
    /// Notes.
    pub notes: Option<String>,
    /// Next steps agreed.
    pub next_steps: Option<String>,
    /// The combined GAS T-score of the rated goals (Kiresuk–Sherman, ρ = 0.3), if any was
    /// rated; always [`Evaluation::t_score_of`] its goals.
    pub t_score: Option<f64>,
    /// When it was recorded.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl Evaluation {
    /// The combined T-score of `goals`: the rated ones with their weights.
    pub fn t_score_of(goals: &[EvaluatedGoal]) -> Option<f64> {
        gas_t_score(goals.iter().filter_map(|g| g.level.map(|l| (l, g.weight))))
    }

    /// The T-score where the client stood at the start on the goals this evaluation rated:
    /// each rated goal's baseline (from its scale in `scales`) with the weight it was rated
    /// with, so the two numbers compare the same goals. `None` when no rated goal has a
    /// baseline.
    pub fn baseline_t_score(&self, scales: &[crate::GoalGas]) -> Option<f64> {
        gas_t_score(
            self.goals
                .iter()
                .filter(|g| g.level.is_some())
                .filter_map(|g| {
                    let scale = scales.iter().find(|s| s.goal_id == g.goal_id)?;
                    scale.scale.baseline.map(|b| (b, g.weight))
                }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(goals: Vec<GoalRating>) -> NewEvaluation {
        NewEvaluation {
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            goals,
            satisfaction_words: Some("  Ik durf nu vaker nee te zeggen. ".into()),
            satisfaction: Some(Satisfaction::parse(7).unwrap()),
            discussed_with_client: true,
            notes: Some("   ".into()),
            next_steps: None,
        }
    }

    fn rating(level: Option<i64>) -> GoalRating {
        GoalRating {
            goal_id: Uuid::from_u128(1),
            level: level.map(|l| GasLevel::parse(l).unwrap()),
        }
    }

    #[test]
    fn an_evaluation_keeps_the_clients_words_trimmed_and_drops_empty_notes() {
        let e = new(vec![rating(Some(0))]).validate().unwrap();
        assert_eq!(
            e.satisfaction_words.as_deref(),
            Some("Ik durf nu vaker nee te zeggen.")
        );
        assert_eq!(e.notes, None);
    }

    #[test]
    fn an_evaluation_without_goals_is_refused_in_dutch() {
        assert_eq!(
            new(vec![]).validate().unwrap_err().to_string(),
            "Kies minstens één doel om te evalueren."
        );
    }

    #[test]
    fn a_goal_evaluated_twice_is_refused() {
        let r = rating(Some(1));
        assert_eq!(
            new(vec![r, r]).validate().unwrap_err(),
            ValidationError::GoalTwiceInEvaluation
        );
    }

    #[test]
    fn a_satisfaction_of_eleven_is_refused_in_dutch() {
        let bad = r#"{"date":"2026-12-02","goals":[],"satisfaction":11}"#;
        let msg = serde_json::from_str::<NewEvaluation>(bad)
            .unwrap_err()
            .to_string();
        assert!(
            msg.starts_with("De tevredenheid moet tussen 0 en 10 liggen (nu 11)."),
            "{msg}"
        );
    }

    #[test]
    fn the_t_score_counts_only_rated_goals_with_their_kept_weights() {
        let one = GasWeight::default();
        let goal = |level: Option<i64>| EvaluatedGoal {
            goal_id: Uuid::from_u128(2),
            level: level.map(|l| GasLevel::parse(l).unwrap()),
            weight: one,
        };
        // Three goals at −1 and one not rated: the three give 36.31 (see gas.rs).
        let goals = [goal(Some(-1)), goal(Some(-1)), goal(None), goal(Some(-1))];
        let t = Evaluation::t_score_of(&goals).unwrap();
        assert!((t - 36.31).abs() < 0.005, "{t}");
        assert_eq!(Evaluation::t_score_of(&[goal(None)]), None);
    }

    #[test]
    fn the_baseline_t_score_takes_the_rated_goals_baselines_and_skips_the_rest() {
        let scale = |goal: u128, baseline: Option<i64>| crate::GoalGas {
            goal_id: Uuid::from_u128(goal),
            scale: crate::GasScale {
                levels: std::array::from_fn(|i| format!("niveau {i}")),
                weight: None,
                baseline: baseline.map(|b| GasLevel::parse(b).unwrap()),
            },
            updated_at: chrono::DateTime::from_timestamp(0, 0).unwrap(),
        };
        let rated = |goal: u128, level: Option<i64>| EvaluatedGoal {
            goal_id: Uuid::from_u128(goal),
            level: level.map(|l| GasLevel::parse(l).unwrap()),
            weight: GasWeight::default(),
        };
        let e = Evaluation {
            id: Uuid::from_u128(9),
            client_id: Uuid::from_u128(8),
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            goals: vec![
                rated(1, Some(0)),
                rated(2, Some(1)),
                rated(3, Some(0)),
                rated(4, None),
            ],
            satisfaction_words: None,
            satisfaction: None,
            discussed_with_client: true,
            notes: None,
            next_steps: None,
            t_score: None,
            created_at: chrono::DateTime::from_timestamp(0, 0).unwrap(),
        };
        // Goals 1-3 rated, each started at -2; goal 4 (not rated) and its baseline do not count.
        // Three equal goals at -2: T = 50 + 10·(-6)/√(0.7·3 + 0.3·9) = 50 - 60/√4.8 = 22.61.
        let scales = [
            scale(1, Some(-2)),
            scale(2, Some(-2)),
            scale(3, Some(-2)),
            scale(4, Some(2)),
        ];
        let t = e.baseline_t_score(&scales).unwrap();
        assert!((t - 22.61).abs() < 0.005, "{t}");
        // A rated goal without a baseline is left out: two at -2 give 50 - 40/√(1.4+1.2) = 25.19.
        let scales = [scale(1, Some(-2)), scale(2, None), scale(3, Some(-2))];
        let t = e.baseline_t_score(&scales).unwrap();
        assert!((t - 25.19).abs() < 0.005, "{t}");
        assert_eq!(e.baseline_t_score(&[scale(4, Some(-1))]), None);
    }
}
