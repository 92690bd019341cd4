//! Exercises as data: a sequence of phases with durations in whole milliseconds, texts for
//! adults and children in Dutch and English, and the body part a step is about.

use serde::{Deserialize, Serialize};

/// A text in Dutch (first) and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Dutch.
    pub nl: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from its two languages.
    pub fn new(nl: &str, en: &str) -> Self {
        Self {
            nl: nl.to_owned(),
            en: en.to_owned(),
        }
    }
}

/// What the body (or attention) does in a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    /// Breathe in.
    In,
    /// Hold with full lungs.
    Hold,
    /// Breathe out.
    Out,
    /// Hold with empty lungs.
    HoldEmpty,
    /// Tense a muscle group.
    Tense,
    /// Let it go and feel the difference.
    Release,
    /// Notice what you see.
    Look,
    /// Notice what you hear.
    Listen,
    /// Notice what you feel.
    Feel,
    /// Notice what you smell.
    Smell,
    /// Notice what you taste.
    Taste,
    /// Rest.
    Rest,
}

impl PhaseKind {
    /// The word on screen.
    pub fn word_nl(self) -> &'static str {
        match self {
            Self::In => "in",
            Self::Hold => "vasthouden",
            Self::Out => "uit",
            Self::HoldEmpty => "wachten",
            Self::Tense => "aanspannen",
            Self::Release => "loslaten",
            Self::Look => "kijken",
            Self::Listen => "luisteren",
            Self::Feel => "voelen",
            Self::Smell => "ruiken",
            Self::Taste => "proeven",
            Self::Rest => "rust",
        }
    }

    /// The word on screen in English.
    pub fn word_en(self) -> &'static str {
        match self {
            Self::In => "in",
            Self::Hold => "hold",
            Self::Out => "out",
            Self::HoldEmpty => "wait",
            Self::Tense => "tense",
            Self::Release => "let go",
            Self::Look => "look",
            Self::Listen => "listen",
            Self::Feel => "feel",
            Self::Smell => "smell",
            Self::Taste => "taste",
            Self::Rest => "rest",
        }
    }

    /// Whether this is part of a breath.
    pub fn is_breath(self) -> bool {
        matches!(self, Self::In | Self::Hold | Self::Out | Self::HoldEmpty)
    }
}

/// A body part a step is about; also the places on the body map ("waar voel je het?").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyPart {
    /// Head and forehead.
    Head,
    /// Face: eyes, cheeks.
    Face,
    /// Jaw.
    Jaw,
    /// Throat.
    Throat,
    /// Neck.
    Neck,
    /// Shoulders.
    Shoulders,
    /// Arms.
    Arms,
    /// Hands.
    Hands,
    /// Chest.
    Chest,
    /// Back.
    Back,
    /// Belly.
    Belly,
    /// Legs.
    Legs,
    /// Feet.
    Feet,
}

impl BodyPart {
    /// Every part, head to feet.
    pub const ALL: [BodyPart; 13] = [
        Self::Head,
        Self::Face,
        Self::Jaw,
        Self::Throat,
        Self::Neck,
        Self::Shoulders,
        Self::Arms,
        Self::Hands,
        Self::Chest,
        Self::Back,
        Self::Belly,
        Self::Legs,
        Self::Feet,
    ];

    /// Wire name (also the body map's region code).
    pub fn code(self) -> &'static str {
        match self {
            Self::Head => "head",
            Self::Face => "face",
            Self::Jaw => "jaw",
            Self::Throat => "throat",
            Self::Neck => "neck",
            Self::Shoulders => "shoulders",
            Self::Arms => "arms",
            Self::Hands => "hands",
            Self::Chest => "chest",
            Self::Back => "back",
            Self::Belly => "belly",
            Self::Legs => "legs",
            Self::Feet => "feet",
        }
    }

    /// Parses a wire name.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Dutch name.
    pub fn name_nl(self) -> &'static str {
        match self {
            Self::Head => "hoofd",
            Self::Face => "gezicht",
            Self::Jaw => "kaak",
            Self::Throat => "keel",
            Self::Neck => "nek",
            Self::Shoulders => "schouders",
            Self::Arms => "armen",
            Self::Hands => "handen",
            Self::Chest => "borst",
            Self::Back => "rug",
            Self::Belly => "buik",
            Self::Legs => "benen",
            Self::Feet => "voeten",
        }
    }

    /// English name: the wire names are the English words.
    pub fn name_en(self) -> &'static str {
        self.code()
    }
}

/// One phase of an exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    /// What happens.
    pub kind: PhaseKind,
    /// How long, in whole milliseconds (integers: no drift over an hour).
    pub ms: u32,
    /// Instruction for adults.
    pub adult: Text,
    /// Instruction for children (the adult text when absent).
    #[serde(default)]
    pub child: Option<Text>,
    /// The body part this step is about.
    #[serde(default)]
    pub body: Option<BodyPart>,
    /// How many things to notice (grounding: "5 dingen die je ziet").
    #[serde(default)]
    pub count: Option<u8>,
    /// The client says when to go on (a tap); `ms` is then the most the app waits.
    #[serde(default)]
    pub manual: bool,
}

impl Phase {
    /// A phase with an adult text only.
    pub fn new(kind: PhaseKind, ms: u32, nl: &str, en: &str) -> Self {
        Self {
            kind,
            ms,
            adult: Text::new(nl, en),
            child: None,
            body: None,
            count: None,
            manual: false,
        }
    }

    /// The text for an audience.
    pub fn text(&self, child: bool) -> &Text {
        if child {
            self.child.as_ref().unwrap_or(&self.adult)
        } else {
            &self.adult
        }
    }
}

/// What kind of exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseKind {
    /// Paced breathing.
    Breathing,
    /// Progressive muscle relaxation.
    MuscleRelaxation,
    /// Grounding through the senses.
    Grounding,
}

/// For whom it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Adults.
    Adult,
    /// Children.
    Child,
    /// Both (texts for each).
    Both,
}

/// An exercise: phases repeated a number of times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exercise {
    /// Stable id ("box-4-4-4-4", or a custom one).
    pub id: String,
    /// Format version of this record.
    pub version: u32,
    /// Kind.
    pub kind: ExerciseKind,
    /// Name.
    pub title: Text,
    /// For whom.
    pub audience: Audience,
    /// One cycle.
    pub phases: Vec<Phase>,
    /// How many cycles.
    pub repetitions: u32,
}

impl Exercise {
    /// The current record format.
    pub const VERSION: u32 = 1;

    /// Length of one cycle, ms.
    pub fn cycle_ms(&self) -> u64 {
        self.phases.iter().map(|p| u64::from(p.ms)).sum()
    }

    /// Length of the whole exercise, ms.
    pub fn total_ms(&self) -> u64 {
        self.cycle_ms() * u64::from(self.repetitions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phase_and_body_part_has_its_dutch_and_english_word() {
        use PhaseKind::*;
        let kinds = [
            In, Hold, Out, HoldEmpty, Tense, Release, Look, Listen, Feel, Smell, Taste, Rest,
        ];
        let words: Vec<(&str, &str)> = kinds.iter().map(|k| (k.word_nl(), k.word_en())).collect();
        assert_eq!(
            words,
            [
                ("in", "in"),
                ("vasthouden", "hold"),
                ("uit", "out"),
                ("wachten", "wait"),
                ("aanspannen", "tense"),
                ("loslaten", "let go"),
                ("kijken", "look"),
                ("luisteren", "listen"),
                ("voelen", "feel"),
                ("ruiken", "smell"),
                ("proeven", "taste"),
                ("rust", "rest"),
            ]
        );
        let names: Vec<(&str, &str)> = BodyPart::ALL
            .iter()
            .map(|p| (p.name_nl(), p.name_en()))
            .collect();
        assert_eq!(
            names,
            [
                ("hoofd", "head"),
                ("gezicht", "face"),
                ("kaak", "jaw"),
                ("keel", "throat"),
                ("nek", "neck"),
                ("schouders", "shoulders"),
                ("armen", "arms"),
                ("handen", "hands"),
                ("borst", "chest"),
                ("rug", "back"),
                ("buik", "belly"),
                ("benen", "legs"),
                ("voeten", "feet"),
            ]
        );
    }
}
