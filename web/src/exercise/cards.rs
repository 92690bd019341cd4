//! What the exercise cards and the saved run say in words: an exercise's rhythm or step count,
//! its kind, and the body places of a rating.

use speelruimte_guide::{BodyPart, Exercise, ExerciseKind};

use super::pacer::left_text;
use crate::i18n::{decimal, phase_word, tx};

/// "4 in · 6 uit", the rhythm of a breathing exercise at a glance; the step count otherwise.
pub fn pattern(e: &Exercise) -> String {
    let len = left_text(e.total_ms());
    match e.kind {
        ExerciseKind::Breathing => {
            let beats: Vec<String> = e
                .phases
                .iter()
                .map(|p| {
                    let s = p.ms as f32 / 1000.0;
                    let s = if s.fract() == 0.0 {
                        format!("{s:.0}")
                    } else {
                        decimal(format!("{s:.1}"))
                    };
                    format!("{s} {}", phase_word(p.kind))
                })
                .collect();
            format!("{} · {len} {}", beats.join(" · "), tx().minutes)
        }
        _ => format!("{} {} · {len} {}", e.phases.len(), tx().steps, tx().minutes),
    }
}

pub fn kind_label(k: ExerciseKind) -> &'static str {
    match k {
        ExerciseKind::Breathing => tx().breathing,
        ExerciseKind::MuscleRelaxation => tx().relaxation,
        ExerciseKind::Grounding => tx().grounding,
    }
}

pub fn places(codes: &[String]) -> Vec<BodyPart> {
    codes
        .iter()
        .filter_map(|c| BodyPart::from_code(c))
        .collect()
}
