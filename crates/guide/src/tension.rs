//! The spanningsthermometer: 0 (helemaal ontspannen) to 10 (heel erg gespannen), for children
//! as five faces in colours.

use serde::{Deserialize, Serialize};

/// The words at the ends of the adult slider.
pub const SLIDER_ENDS: (&str, &str) = ("helemaal ontspannen", "heel erg gespannen");

/// [`SLIDER_ENDS`] in English.
pub const SLIDER_ENDS_EN: (&str, &str) = ("completely relaxed", "extremely tense");

/// The names of the [`CHILD_FACES`] in English, calm to very tense.
pub const CHILD_FACE_NAMES_EN: [&str; 5] = [
    "very calm",
    "calm",
    "a little tense",
    "tense",
    "really, really tense",
];

/// The child scale: five faces from calm to very tense, with a colour and the 0–10 value each
/// stands for. The values spread the faces evenly over the scale (0, 2.5, 5, 7.5, 10), rounded
/// so the middle face is the adult middle.
pub const CHILD_FACES: [(&str, &str, u8); 5] = [
    ("heel rustig", "#2a9d8f", 0),
    ("rustig", "#8ab17d", 3),
    ("een beetje gespannen", "#e9c46a", 5),
    ("gespannen", "#f4a261", 8),
    ("heel erg gespannen", "#e76f51", 10),
];

/// The 0–10 value of a child face (0–4); `None` for a face that does not exist.
pub fn child_face_value(step: usize) -> Option<u8> {
    CHILD_FACES.get(step).map(|f| f.2)
}

/// The face nearest a 0–10 value (ties go to the calmer face).
pub fn child_face_step(value: u8) -> usize {
    let v = value.min(10) as i32;
    (0..CHILD_FACES.len())
        .min_by_key(|i| ((CHILD_FACES[*i].2 as i32 - v).abs(), *i))
        .unwrap_or(0)
}

/// Tension before and after an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TensionChange {
    /// 0–10 before.
    pub before: u8,
    /// 0–10 after.
    pub after: u8,
}

impl TensionChange {
    /// After minus before, −10 to 10: negative is calmer. A value above 10 (a record written
    /// elsewhere) counts as 10, the end of the scale, so the sign is always right.
    pub fn difference(&self) -> i8 {
        let on_scale = |v: u8| v.min(10) as i8;
        on_scale(self.after) - on_scale(self.before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_child_faces_and_slider_ends_read_the_same_in_english() {
        let pairs: Vec<(&str, &str)> = CHILD_FACES
            .iter()
            .map(|f| f.0)
            .zip(CHILD_FACE_NAMES_EN)
            .collect();
        assert_eq!(
            pairs,
            [
                ("heel rustig", "very calm"),
                ("rustig", "calm"),
                ("een beetje gespannen", "a little tense"),
                ("gespannen", "tense"),
                ("heel erg gespannen", "really, really tense"),
            ]
        );
        assert_eq!(
            [SLIDER_ENDS, SLIDER_ENDS_EN],
            [
                ("helemaal ontspannen", "heel erg gespannen"),
                ("completely relaxed", "extremely tense")
            ]
        );
    }

    #[test]
    fn the_five_faces_map_to_0_3_5_8_10_and_back() {
        let values: Vec<u8> = (0..5).map(|s| child_face_value(s).unwrap()).collect();
        assert_eq!(values, [0, 3, 5, 8, 10]);
        assert_eq!(child_face_value(5), None);
        for (s, v) in values.iter().enumerate() {
            assert_eq!(child_face_step(*v), s);
        }
        assert_eq!(
            child_face_step(4),
            1,
            "4 lies as near 3 as 5: the calmer face"
        );
        assert_eq!(child_face_step(9), 3);
    }

    #[test]
    fn the_change_is_after_minus_before_across_the_whole_scale() {
        let d = |before, after| TensionChange { before, after }.difference();
        assert_eq!(d(8, 3), -5, "8 to 3: five steps calmer");
        assert_eq!(d(3, 8), 5);
        assert_eq!(d(6, 6), 0);
        assert_eq!(d(10, 0), -10);
        assert_eq!(d(0, 10), 10);
        for before in 0..=10u8 {
            for after in 0..=10u8 {
                assert_eq!(
                    i32::from(d(before, after)),
                    i32::from(after) - i32::from(before)
                );
            }
        }
    }

    #[test]
    fn a_value_off_the_scale_counts_as_its_end() {
        // A record from elsewhere may hold any byte; the scale ends at 10.
        let d = |before, after| TensionChange { before, after }.difference();
        assert_eq!(d(200, 0), -10);
        assert_eq!(d(0, 255), 10);
        assert_eq!(d(128, 127), 0);
    }
}
