//! The built-in exercises, Dutch first. Timings follow common practice: calm breathing with a
//! longer out-breath (4-6), box breathing (4-4-4-4), 4-7-8, resonance breathing near six
//! breaths a minute, a balloon for young children, Jacobson-style muscle relaxation (tense
//! ~5 s, release ~15 s) with playful images for children, and 5-4-3-2-1 grounding.

use crate::custom::GuideError;
use crate::{Audience, BodyPart, Exercise, ExerciseKind, Phase, PhaseKind as K, Text};

fn breathing(
    id: &str,
    nl: &str,
    en: &str,
    audience: Audience,
    phases: Vec<Phase>,
    repetitions: u32,
) -> Exercise {
    Exercise {
        id: id.into(),
        version: Exercise::VERSION,
        kind: ExerciseKind::Breathing,
        title: Text::new(nl, en),
        audience,
        phases,
        repetitions,
    }
}

fn child(mut p: Phase, nl: &str, en: &str) -> Phase {
    p.child = Some(Text::new(nl, en));
    p
}

fn inhale(ms: u32) -> Phase {
    child(
        Phase::new(K::In, ms, "Adem rustig in", "Breathe in slowly"),
        "Adem in door je neus",
        "Breathe in through your nose",
    )
}

fn exhale(ms: u32) -> Phase {
    child(
        Phase::new(K::Out, ms, "Adem langzaam uit", "Breathe out slowly"),
        "Blaas zachtjes uit",
        "Blow out gently",
    )
}

fn hold(ms: u32) -> Phase {
    Phase::new(K::Hold, ms, "Houd je adem even vast", "Hold your breath")
}

/// Resonance breathing at `breaths_per_minute` (4.5–7): in and out equally long, in whole ms.
pub fn resonance(breaths_per_minute: f32) -> Result<Exercise, GuideError> {
    if !(4.5..=7.0).contains(&breaths_per_minute) {
        return Err(GuideError::ResonanceRange(breaths_per_minute));
    }
    let cycle = (60_000.0 / breaths_per_minute).round() as u32;
    let half = cycle / 2;
    Ok(breathing(
        "resonance",
        &format!("Resonantieademhaling ({breaths_per_minute} per minuut)"),
        &format!("Resonance breathing ({breaths_per_minute} a minute)"),
        Audience::Adult,
        vec![inhale(half), exhale(cycle - half)],
        // about five minutes
        (300_000 / cycle).max(1),
    ))
}

fn pmt(
    id: &str,
    nl: &str,
    en: &str,
    audience: Audience,
    steps: &[(BodyPart, &str, &str, u32)],
) -> Exercise {
    let mut phases = Vec::new();
    for (part, tense_nl, tense_en, release_ms) in steps {
        let mut t = Phase::new(K::Tense, 5000, tense_nl, tense_en);
        t.body = Some(*part);
        let mut r = Phase::new(
            K::Release,
            *release_ms,
            "Laat los… en voel het verschil",
            "Let go… and feel the difference",
        );
        r.body = Some(*part);
        phases.push(t);
        phases.push(r);
    }
    Exercise {
        id: id.into(),
        version: Exercise::VERSION,
        kind: ExerciseKind::MuscleRelaxation,
        title: Text::new(nl, en),
        audience,
        phases,
        repetitions: 1,
    }
}

fn sense(kind: K, count: u8, nl: &str, en: &str) -> Phase {
    let mut p = Phase::new(kind, 30_000, nl, en);
    p.count = Some(count);
    p.manual = true;
    p
}

/// Every built-in exercise.
pub fn builtin_exercises() -> Vec<Exercise> {
    use BodyPart::*;
    vec![
        breathing(
            "calm-4-6",
            "Rustig ademen 4-6",
            "Calm breathing 4-6",
            Audience::Both,
            vec![inhale(4000), exhale(6000)],
            12,
        ),
        breathing(
            "box-4-4-4-4",
            "Vierkant ademen 4-4-4-4",
            "Box breathing 4-4-4-4",
            Audience::Both,
            vec![
                inhale(4000),
                hold(4000),
                exhale(4000),
                Phase::new(K::HoldEmpty, 4000, "Wacht even, leeg", "Wait, empty"),
            ],
            6,
        ),
        breathing(
            "4-7-8",
            "Ademen 4-7-8",
            "4-7-8 breathing",
            Audience::Adult,
            vec![inhale(4000), hold(7000), exhale(8000)],
            4,
        ),
        resonance(6.0).expect("6 per minute is in range"),
        breathing(
            "balloon",
            "Ballonademhaling",
            "Balloon breathing",
            Audience::Child,
            vec![
                child(
                    Phase::new(K::In, 3000, "Adem in", "Breathe in"),
                    "Blaas de ballon in je buik op",
                    "Blow up the balloon in your belly",
                ),
                child(
                    Phase::new(K::Out, 4000, "Adem uit", "Breathe out"),
                    "Laat de ballon zachtjes leeglopen",
                    "Let the balloon go down slowly",
                ),
            ],
            6,
        ),
        pmt(
            "pmt-adult",
            "Progressieve spierontspanning",
            "Progressive muscle relaxation",
            Audience::Adult,
            &[
                (Hands, "Maak een stevige vuist", "Make a tight fist", 15_000),
                (
                    Arms,
                    "Span je bovenarmen aan, ellebogen naar je lijf",
                    "Tense your upper arms",
                    15_000,
                ),
                (
                    Head,
                    "Trek je wenkbrauwen omhoog, rimpel je voorhoofd",
                    "Raise your eyebrows",
                    15_000,
                ),
                (
                    Face,
                    "Knijp je ogen dicht, trek je wangen op",
                    "Squeeze your eyes shut",
                    15_000,
                ),
                (Jaw, "Klem je kiezen op elkaar", "Clench your teeth", 15_000),
                (
                    Shoulders,
                    "Trek je schouders op naar je oren",
                    "Pull your shoulders up to your ears",
                    20_000,
                ),
                (
                    Chest,
                    "Adem diep in en houd je borst en rug gespannen",
                    "Breathe in, tense chest and back",
                    20_000,
                ),
                (Belly, "Maak je buik hard", "Tighten your belly", 15_000),
                (
                    Legs,
                    "Span je bovenbenen aan, druk je knieën tegen elkaar",
                    "Tense your thighs",
                    15_000,
                ),
                (
                    Feet,
                    "Trek je tenen naar je toe",
                    "Pull your toes towards you",
                    20_000,
                ),
            ],
        ),
        pmt(
            "pmt-child",
            "Ontspannen met beelden",
            "Relaxing with pictures",
            Audience::Child,
            &[
                (
                    Hands,
                    "Knijp een citroen uit, zo hard als je kunt!",
                    "Squeeze a lemon as hard as you can!",
                    10_000,
                ),
                (
                    Arms,
                    "Rek je uit als een luie kat",
                    "Stretch like a lazy cat",
                    10_000,
                ),
                (
                    Shoulders,
                    "Kruip als een schildpad in je schild",
                    "Pull into your shell like a turtle",
                    10_000,
                ),
                (
                    Jaw,
                    "Kauw op een hele grote toffee",
                    "Chew a very big toffee",
                    10_000,
                ),
                (
                    Face,
                    "Er zit een vlieg op je neus: jaag hem weg zonder handen",
                    "A fly on your nose: shoo it without hands",
                    10_000,
                ),
                (
                    Belly,
                    "Er wil een olifant op je buik staan: maak hem hard",
                    "An elephant steps on your belly: make it hard",
                    10_000,
                ),
                (
                    Feet,
                    "Duw je tenen diep in de modder",
                    "Push your toes deep into the mud",
                    10_000,
                ),
            ],
        ),
        Exercise {
            id: "grounding-5-4-3-2-1".into(),
            version: Exercise::VERSION,
            kind: ExerciseKind::Grounding,
            title: Text::new("Grounding 5-4-3-2-1", "Grounding 5-4-3-2-1"),
            audience: Audience::Both,
            phases: vec![
                sense(
                    K::Look,
                    5,
                    "Noem 5 dingen die je ziet",
                    "Name 5 things you see",
                ),
                sense(
                    K::Feel,
                    4,
                    "Noem 4 dingen die je voelt",
                    "Name 4 things you feel",
                ),
                sense(
                    K::Listen,
                    3,
                    "Noem 3 dingen die je hoort",
                    "Name 3 things you hear",
                ),
                sense(
                    K::Smell,
                    2,
                    "Noem 2 dingen die je ruikt",
                    "Name 2 things you smell",
                ),
                sense(
                    K::Taste,
                    1,
                    "Noem 1 ding dat je proeft",
                    "Name 1 thing you taste",
                ),
            ],
            repetitions: 1,
        },
    ]
}

/// A built-in exercise by id.
pub fn by_id(id: &str) -> Option<Exercise> {
    builtin_exercises().into_iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_has_a_unique_id_and_validates_and_survives_json() {
        let all = builtin_exercises();
        let mut ids: Vec<_> = all.iter().map(|e| e.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        for e in &all {
            crate::CustomExercise::check(e).unwrap_or_else(|err| panic!("{}: {err}", e.id));
            let back: Exercise = serde_json::from_str(&serde_json::to_string(e).unwrap()).unwrap();
            assert_eq!(&back, e);
            assert_eq!(back.version, 1);
        }
    }

    #[test]
    fn the_builtins_last_as_long_as_their_patterns_say() {
        let ms = |id: &str| by_id(id).unwrap().total_ms();
        assert_eq!(ms("calm-4-6"), 12 * 10_000);
        assert_eq!(ms("box-4-4-4-4"), 6 * 16_000);
        assert_eq!(ms("4-7-8"), 4 * 19_000);
        assert_eq!(ms("resonance"), 30 * 10_000);
        // ten groups tensed 5 s; seven released 15 s, three (shoulders, chest, feet) 20 s
        assert_eq!(ms("pmt-adult"), 10 * 5000 + 7 * 15_000 + 3 * 20_000);
    }

    #[test]
    fn resonance_is_offered_from_4_5_to_7_breaths_a_minute() {
        assert!(resonance(4.4).is_err());
        assert!(resonance(7.1).is_err());
        let slow = resonance(4.5).unwrap();
        assert_eq!(slow.cycle_ms(), 13_333);
        assert_eq!(resonance(7.0).unwrap().cycle_ms(), 8571);
    }

    #[test]
    fn every_muscle_step_names_its_body_part_and_grounding_counts_down() {
        assert!(
            by_id("pmt-child")
                .unwrap()
                .phases
                .iter()
                .all(|p| p.body.is_some())
        );
        let counts: Vec<u8> = by_id("grounding-5-4-3-2-1")
            .unwrap()
            .phases
            .iter()
            .filter_map(|p| p.count)
            .collect();
        assert_eq!(counts, [5, 4, 3, 2, 1]);
    }
}
