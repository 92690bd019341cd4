//! Exercises a therapist makes for a client from the same phases, checked with reasons in Dutch.

use serde::{Deserialize, Serialize};

use crate::{Audience, Exercise, ExerciseKind, Phase, PhaseKind, Text};

/// Why an exercise cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GuideError {
    /// No phases.
    #[error("Een oefening heeft minstens één fase nodig.")]
    NoPhases,
    /// A phase of zero length.
    #[error("Fase {0} duurt 0 seconden; geef elke fase een duur.")]
    ZeroPhase(usize),
    /// A phase over a minute.
    #[error("Fase {0} duurt langer dan 60 seconden; maak hem korter.")]
    LongPhase(usize),
    /// Too many or too few repetitions.
    #[error("Het aantal herhalingen moet tussen 1 en 100 liggen (nu {0}).")]
    Repetitions(u32),
    /// Over an hour.
    #[error("De hele oefening duurt langer dan een uur; kies minder herhalingen of kortere fases.")]
    TooLong,
    /// A breathing exercise without in- or out-breath.
    #[error("Een ademoefening heeft minstens één keer inademen en één keer uitademen nodig.")]
    NoBreath,
    /// A text that is too long.
    #[error("De tekst van fase {0} is langer dan 200 tekens.")]
    LongText(usize),
    /// An empty title.
    #[error("Geef de oefening een naam (hoogstens 80 tekens).")]
    Title,
    /// Resonance outside its range.
    #[error("Resonantieademhaling kan van 4,5 tot 7 ademhalingen per minuut (niet {0}).")]
    ResonanceRange(f32),
}

/// A therapist's own exercise, as made in the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomExercise {
    /// Name.
    pub title: String,
    /// Kind.
    pub kind: ExerciseKind,
    /// Phases: kind, seconds, instruction (Dutch).
    pub phases: Vec<(PhaseKind, f32, String)>,
    /// Repetitions.
    pub repetitions: u32,
}

impl CustomExercise {
    /// Checks the exercise and turns it into one the timeline can run.
    pub fn validate(&self, id: &str) -> Result<Exercise, GuideError> {
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > 80 {
            return Err(GuideError::Title);
        }
        let phases = self
            .phases
            .iter()
            .map(|(kind, secs, text)| {
                let ms = (secs.max(0.0) * 1000.0).round() as u32;
                Phase::new(*kind, ms, text.trim(), text.trim())
            })
            .collect();
        let e = Exercise {
            id: id.to_owned(),
            version: Exercise::VERSION,
            kind: self.kind,
            title: Text::new(title, title),
            audience: Audience::Both,
            phases,
            repetitions: self.repetitions,
        };
        Self::check(&e)?;
        Ok(e)
    }

    /// The rules every exercise keeps (built-in ones too).
    pub fn check(e: &Exercise) -> Result<(), GuideError> {
        if e.phases.is_empty() {
            return Err(GuideError::NoPhases);
        }
        for (i, p) in e.phases.iter().enumerate() {
            if p.ms == 0 {
                return Err(GuideError::ZeroPhase(i + 1));
            }
            if p.ms > 60_000 {
                return Err(GuideError::LongPhase(i + 1));
            }
            let long = |t: &Text| t.nl.chars().count() > 200 || t.en.chars().count() > 200;
            if long(&p.adult) || p.child.as_ref().is_some_and(long) {
                return Err(GuideError::LongText(i + 1));
            }
        }
        if !(1..=100).contains(&e.repetitions) {
            return Err(GuideError::Repetitions(e.repetitions));
        }
        if e.total_ms() > 3_600_000 {
            return Err(GuideError::TooLong);
        }
        if e.kind == ExerciseKind::Breathing
            && !(e.phases.iter().any(|p| p.kind == PhaseKind::In)
                && e.phases.iter().any(|p| p.kind == PhaseKind::Out))
        {
            return Err(GuideError::NoBreath);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(phases: Vec<(PhaseKind, f32, &str)>, repetitions: u32) -> CustomExercise {
        CustomExercise {
            title: "Mijn adem".into(),
            kind: ExerciseKind::Breathing,
            phases: phases
                .into_iter()
                .map(|(k, s, t)| (k, s, t.to_string()))
                .collect(),
            repetitions,
        }
    }

    #[test]
    fn a_sane_custom_breath_becomes_an_exercise() {
        let e = custom(
            vec![(PhaseKind::In, 3.5, "in"), (PhaseKind::Out, 5.0, "uit")],
            10,
        )
        .validate("c1")
        .unwrap();
        assert_eq!(e.total_ms(), 85_000);
    }

    #[test]
    fn every_rule_is_refused_with_its_own_dutch_reason() {
        let cases = [
            (
                custom(vec![], 1),
                "Een oefening heeft minstens één fase nodig.",
            ),
            (
                custom(
                    vec![(PhaseKind::In, 0.0, "in"), (PhaseKind::Out, 4.0, "uit")],
                    1,
                ),
                "Fase 1 duurt 0 seconden; geef elke fase een duur.",
            ),
            (
                custom(
                    vec![(PhaseKind::In, 4.0, "in"), (PhaseKind::Out, 61.0, "uit")],
                    1,
                ),
                "Fase 2 duurt langer dan 60 seconden; maak hem korter.",
            ),
            (
                custom(
                    vec![(PhaseKind::In, 4.0, "in"), (PhaseKind::Out, 4.0, "uit")],
                    0,
                ),
                "Het aantal herhalingen moet tussen 1 en 100 liggen (nu 0).",
            ),
            (
                custom(
                    vec![(PhaseKind::In, 60.0, "in"), (PhaseKind::Out, 60.0, "uit")],
                    31,
                ),
                "De hele oefening duurt langer dan een uur; kies minder herhalingen of kortere fases.",
            ),
            (
                custom(
                    vec![(PhaseKind::In, 4.0, "in"), (PhaseKind::Hold, 4.0, "vast")],
                    1,
                ),
                "Een ademoefening heeft minstens één keer inademen en één keer uitademen nodig.",
            ),
            (
                custom(
                    vec![
                        (PhaseKind::In, 4.0, &"x".repeat(201)),
                        (PhaseKind::Out, 4.0, "uit"),
                    ],
                    1,
                ),
                "De tekst van fase 1 is langer dan 200 tekens.",
            ),
        ];
        for (c, msg) in cases {
            assert_eq!(c.validate("x").unwrap_err().to_string(), msg);
        }
        let mut no_title = custom(
            vec![(PhaseKind::In, 4.0, "in"), (PhaseKind::Out, 4.0, "uit")],
            1,
        );
        no_title.title = "  ".into();
        assert_eq!(no_title.validate("x"), Err(GuideError::Title));
    }
}
