//! Scales the tone bars are laid out in. Pentatonic is the default, as in Orff practice: with
//! no semitones and no tritone, no combination of bars sounds wrong, so a child cannot fail.

use serde::{Deserialize, Serialize};

/// Why a custom scale cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScaleError {
    /// No tones.
    #[error("Kies minstens één toon voor de toonladder.")]
    Empty,
    /// More than twelve tones.
    #[error("Een toonladder heeft hoogstens 12 tonen (nu {0}).")]
    TooMany(usize),
    /// A step outside the octave.
    #[error("Toon {0} valt buiten het octaaf; kies stappen van 0 tot en met 11.")]
    OutOfRange(u8),
    /// The same step twice.
    #[error("Toon {0} staat er twee keer in; elke toon mag één keer.")]
    Duplicate(u8),
}

/// A therapist's own scale: 1–12 distinct semitone steps above the root (0–11), sorted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<u8>", into = "Vec<u8>")]
pub struct CustomScale(Vec<u8>);

impl CustomScale {
    /// Checks the steps; keeps them sorted low to high.
    pub fn new(offsets: &[u8]) -> Result<Self, ScaleError> {
        if offsets.is_empty() {
            return Err(ScaleError::Empty);
        }
        if offsets.len() > 12 {
            return Err(ScaleError::TooMany(offsets.len()));
        }
        let mut sorted = offsets.to_vec();
        sorted.sort_unstable();
        if let Some(&o) = sorted.iter().find(|&&o| o > 11) {
            return Err(ScaleError::OutOfRange(o));
        }
        if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1]) {
            return Err(ScaleError::Duplicate(w[0]));
        }
        Ok(Self(sorted))
    }

    /// The steps, sorted.
    pub fn offsets(&self) -> &[u8] {
        &self.0
    }
}

impl TryFrom<Vec<u8>> for CustomScale {
    type Error = ScaleError;
    fn try_from(v: Vec<u8>) -> Result<Self, ScaleError> {
        Self::new(&v)
    }
}

impl From<CustomScale> for Vec<u8> {
    fn from(s: CustomScale) -> Self {
        s.0
    }
}

/// A scale. On the wire: `{"kind":"pentatonic"}` or `{"kind":"custom","offsets":[0,3,5]}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(tag = "kind", content = "offsets", rename_all = "kebab-case")]
pub enum Scale {
    /// Major pentatonic (do re mi sol la): 0, 2, 4, 7, 9.
    #[default]
    Pentatonic,
    /// Major: 0, 2, 4, 5, 7, 9, 11.
    Major,
    /// Natural minor: 0, 2, 3, 5, 7, 8, 10.
    Minor,
    /// The therapist's own steps.
    Custom(CustomScale),
}

impl Scale {
    /// Semitone steps above the root within one octave, sorted.
    pub fn offsets(&self) -> &[u8] {
        match self {
            Scale::Pentatonic => &[0, 2, 4, 7, 9],
            Scale::Major => &[0, 2, 4, 5, 7, 9, 11],
            Scale::Minor => &[0, 2, 3, 5, 7, 8, 10],
            Scale::Custom(c) => c.offsets(),
        }
    }

    /// The name on screen.
    pub fn name_nl(&self) -> &'static str {
        match self {
            Scale::Pentatonic => "Pentatonisch",
            Scale::Major => "Majeur",
            Scale::Minor => "Mineur",
            Scale::Custom(_) => "Eigen toonladder",
        }
    }

    /// The name on screen in English.
    pub fn name_en(&self) -> &'static str {
        match self {
            Scale::Pentatonic => "Pentatonic",
            Scale::Major => "Major",
            Scale::Minor => "Minor",
            Scale::Custom(_) => "Own scale",
        }
    }

    /// `count` notes of the scale from `root_midi` upwards, low to high (fewer if they would
    /// pass MIDI note 127). C pentatonic from 60: 60, 62, 64, 67, 69, 72, 74, …
    pub fn notes(&self, root_midi: u8, count: usize) -> Vec<u8> {
        let offsets = self.offsets();
        let mut out = Vec::with_capacity(count);
        'octaves: for octave in 0u32.. {
            for &o in offsets {
                let n = u32::from(root_midi) + 12 * octave + u32::from(o);
                if out.len() == count || n > 127 {
                    break 'octaves;
                }
                out.push(n as u8);
            }
        }
        out
    }
}

/// Dutch note names per pitch class (accidentals as they are usually spoken: Cis, Es, Fis,
/// As, Bes; B is the note a semitone below C).
const NAMES_NL: [&str; 12] = [
    "C", "Cis", "D", "Es", "E", "F", "Fis", "G", "As", "A", "Bes", "B",
];

/// The Dutch name of a MIDI note's pitch class: 60 → "C", 66 → "Fis", 70 → "Bes".
pub fn note_name_nl(midi: u8) -> &'static str {
    NAMES_NL[usize::from(midi % 12)]
}

/// English note names per pitch class, sharps and flats as on a keyboard chart.
const NAMES_EN: [&str; 12] = [
    "C", "C♯", "D", "E♭", "E", "F", "F♯", "G", "A♭", "A", "B♭", "B",
];

/// The English name of a MIDI note's pitch class: 60 → "C", 66 → "F♯", 70 → "B♭".
pub fn note_name_en(midi: u8) -> &'static str {
    NAMES_EN[usize::from(midi % 12)]
}

/// A bar's label among bars starting at `lowest`: its name with one prime per octave above
/// the lowest bar's octave (counted from C), as on Orff instruments: C D E G A C' D' E'.
pub fn bar_label_nl(midi: u8, lowest: u8) -> String {
    let octaves = (midi / 12).saturating_sub(lowest / 12);
    let mut s = note_name_nl(midi).to_owned();
    for _ in 0..octaves {
        s.push('\'');
    }
    s
}

/// [`bar_label_nl`] with the English note name: C D E G A C' D' E'.
pub fn bar_label_en(midi: u8, lowest: u8) -> String {
    let octaves = (midi / 12).saturating_sub(lowest / 12);
    let mut s = note_name_en(midi).to_owned();
    for _ in 0..octaves {
        s.push('\'');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_pentatonic_from_middle_c_has_no_semitones() {
        assert_eq!(
            Scale::Pentatonic.notes(60, 8),
            vec![60, 62, 64, 67, 69, 72, 74, 76]
        );
        assert_eq!(Scale::default(), Scale::Pentatonic);
    }

    #[test]
    fn major_and_minor_from_c_and_a() {
        assert_eq!(
            Scale::Major.notes(60, 8),
            vec![60, 62, 64, 65, 67, 69, 71, 72]
        );
        assert_eq!(
            Scale::Minor.notes(57, 8),
            vec![57, 59, 60, 62, 64, 65, 67, 69]
        );
    }

    #[test]
    fn notes_stop_at_the_top_of_midi() {
        assert_eq!(Scale::Major.notes(120, 10), vec![120, 122, 124, 125, 127]);
        assert!(Scale::Major.notes(60, 0).is_empty());
    }

    #[test]
    fn a_custom_scale_is_sorted_and_used() {
        let s = Scale::Custom(CustomScale::new(&[7, 0, 3]).unwrap());
        assert_eq!(s.offsets(), &[0, 3, 7]);
        assert_eq!(s.notes(60, 5), vec![60, 63, 67, 72, 75]);
        let one = Scale::Custom(CustomScale::new(&[0]).unwrap());
        assert_eq!(one.notes(48, 3), vec![48, 60, 72]);
    }

    #[test]
    fn every_bad_custom_scale_is_refused_with_a_dutch_reason() {
        assert_eq!(CustomScale::new(&[]), Err(ScaleError::Empty));
        let thirteen: Vec<u8> = (0..13).collect();
        assert_eq!(CustomScale::new(&thirteen), Err(ScaleError::TooMany(13)));
        assert_eq!(CustomScale::new(&[0, 12]), Err(ScaleError::OutOfRange(12)));
        assert_eq!(CustomScale::new(&[4, 0, 4]), Err(ScaleError::Duplicate(4)));
        assert!(CustomScale::new(&(0..12).collect::<Vec<_>>()).is_ok());
        assert_eq!(
            ScaleError::OutOfRange(12).to_string(),
            "Toon 12 valt buiten het octaaf; kies stappen van 0 tot en met 11."
        );
    }

    #[test]
    fn scales_travel_as_json_and_bad_custom_ones_do_not_parse() {
        let s = Scale::Custom(CustomScale::new(&[0, 5, 7]).unwrap());
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"kind":"custom","offsets":[0,5,7]}"#);
        assert_eq!(serde_json::from_str::<Scale>(&json).unwrap(), s);
        assert_eq!(
            serde_json::to_string(&Scale::Pentatonic).unwrap(),
            r#"{"kind":"pentatonic"}"#
        );
        let bad = r#"{"kind":"custom","offsets":[0,5,5]}"#;
        let err = serde_json::from_str::<Scale>(bad).unwrap_err().to_string();
        assert!(err.contains("twee keer"), "{err}");
    }

    #[test]
    fn dutch_note_names_and_bar_labels() {
        assert_eq!(note_name_nl(60), "C");
        assert_eq!(note_name_nl(61), "Cis");
        assert_eq!(note_name_nl(63), "Es");
        assert_eq!(note_name_nl(70), "Bes");
        assert_eq!(note_name_nl(71), "B");
        let labels: Vec<String> = Scale::Pentatonic
            .notes(60, 8)
            .into_iter()
            .map(|n| bar_label_nl(n, 60))
            .collect();
        assert_eq!(labels, ["C", "D", "E", "G", "A", "C'", "D'", "E'"]);
    }
}
