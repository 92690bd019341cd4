//! Goal Attainment Scaling (GAS): per goal five levels −2…+2 described in the therapist's or
//! the client's own words, an optional weight and a baseline; and the combined T-score of
//! Kiresuk and Sherman over the goals rated at one evaluation.
//!
//! The T-score is standardised to a mean of 50 and a standard deviation of 10 when every goal
//! turns out as expected (level 0):
//!
//! T = 50 + 10·Σwᵢxᵢ / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²)
//!
//! with xᵢ the level reached, wᵢ the goal's weight and ρ the assumed correlation between the
//! goals' scores, 0.3 as Kiresuk and Sherman (1968) proposed. Turner-Stokes (2009) gives the
//! same formula, but its printed text had errors in the formulas (pages 364 and 367) that an
//! erratum corrected; this is the corrected form, not the one in the original text.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::bounded::bounded;
use crate::{ValidationError, clean_text};

bounded!(
    /// A GAS level: −2 (much less than expected), −1 (less), 0 (the expected outcome), +1
    /// (more), +2 (much more than expected).
    GasLevel(i8), -2, 2, "Een GAS-niveau"
);

bounded!(
    /// How much a goal counts in the combined T-score, 1 to 9 (1 when not given). Turner-Stokes
    /// weighs a goal as importance × difficulty, each 1–3 when the goal is weighed at all.
    GasWeight(u8), 1, 9, "Het gewicht van een doel"
);

impl GasLevel {
    /// Every level, from −2 to +2.
    pub const ALL: [GasLevel; 5] = [
        GasLevel(-2),
        GasLevel(-1),
        GasLevel(0),
        GasLevel(1),
        GasLevel(2),
    ];

    /// The expected outcome, 0.
    pub const EXPECTED: GasLevel = GasLevel(0);

    /// The level as written on a scale: "−2", "−1", "0", "+1", "+2" (a real minus sign).
    pub fn sign_text(self) -> &'static str {
        ["−2", "−1", "0", "+1", "+2"][self.index()]
    }

    /// Its place in [`GasScale::levels`]: 0 for −2 up to 4 for +2.
    pub fn index(self) -> usize {
        (self.0 + 2) as usize
    }

    /// What the level means, as therapists say it.
    pub fn meaning_nl(self) -> &'static str {
        [
            "veel minder dan verwacht",
            "minder dan verwacht",
            "verwachte uitkomst",
            "meer dan verwacht",
            "veel meer dan verwacht",
        ][self.index()]
    }

    /// What the level means, in English.
    pub fn meaning_en(self) -> &'static str {
        [
            "much less than expected",
            "less than expected",
            "expected outcome",
            "more than expected",
            "much more than expected",
        ][self.index()]
    }
}

impl Default for GasWeight {
    fn default() -> Self {
        GasWeight(1)
    }
}

/// The correlation between goals that the T-score assumes (Kiresuk & Sherman 1968).
pub const GAS_RHO: f64 = 0.3;

/// The combined GAS T-score of `ratings` (level reached, weight) with ρ = [`GAS_RHO`], or
/// `None` when nothing was rated.
pub fn gas_t_score(ratings: impl IntoIterator<Item = (GasLevel, GasWeight)>) -> Option<f64> {
    gas_t_score_with(GAS_RHO, ratings)
}

/// The combined GAS T-score with another assumed correlation `rho` (0 ≤ ρ < 1).
pub fn gas_t_score_with(
    rho: f64,
    ratings: impl IntoIterator<Item = (GasLevel, GasWeight)>,
) -> Option<f64> {
    let (mut wx, mut w, mut w2, mut n) = (0.0, 0.0, 0.0, 0usize);
    for (level, weight) in ratings {
        let (x, wi) = (f64::from(level.get()), f64::from(weight.get()));
        wx += wi * x;
        w += wi;
        w2 += wi * wi;
        n += 1;
    }
    if n == 0 {
        return None;
    }
    Some(50.0 + 10.0 * wx / ((1.0 - rho) * w2 + rho * w * w).sqrt())
}

/// The Dutch name of each level's description, for refusals ("De omschrijving bij niveau −2
/// is leeg").
const LEVEL_FIELDS: [&str; 5] = [
    "De omschrijving bij niveau −2",
    "De omschrijving bij niveau −1",
    "De omschrijving bij niveau 0",
    "De omschrijving bij niveau +1",
    "De omschrijving bij niveau +2",
];

/// A goal's GAS scale, as the therapist fills it in (and as it is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GasScale {
    /// What each level looks like for this client, in their own words where possible: index 0
    /// is −2, index 4 is +2. Each 1 to [`GasScale::MAX_TEXT`] characters.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>, min_items = 5, max_items = 5))]
    pub levels: [String; 5],
    /// How much the goal counts in the combined T-score (1 when not given).
    #[serde(default)]
    pub weight: Option<GasWeight>,
    /// Where the client stood when the scale was made (often −1 or −2), if recorded.
    #[serde(default)]
    pub baseline: Option<GasLevel>,
}

impl GasScale {
    /// Longest description of one level.
    pub const MAX_TEXT: usize = 300;

    /// Checks the descriptions and returns the scale with their spaces trimmed.
    pub fn validate(self) -> Result<Self, ValidationError> {
        let mut levels = self.levels;
        for (text, field) in levels.iter_mut().zip(LEVEL_FIELDS) {
            *text = clean_text(text, Self::MAX_TEXT, false, field)?;
        }
        Ok(Self { levels, ..self })
    }

    /// The weight that counts: the one given, else 1.
    pub fn weight_or_default(&self) -> GasWeight {
        self.weight.unwrap_or_default()
    }

    /// The description of `level`.
    pub fn describe(&self, level: GasLevel) -> &str {
        &self.levels[level.index()]
    }
}

/// A goal's GAS scale as the server keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalGas {
    /// The goal.
    pub goal_id: Uuid,
    /// Its scale.
    pub scale: GasScale,
    /// When it was last changed.
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// The T-score of where the client stood at the start: every scale's baseline with its weight,
/// over the scales that have one.
pub fn baseline_t_score<'a>(scales: impl IntoIterator<Item = &'a GasScale>) -> Option<f64> {
    gas_t_score(
        scales
            .into_iter()
            .filter_map(|s| s.baseline.map(|b| (b, s.weight_or_default()))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(x: i64) -> GasLevel {
        GasLevel::parse(x).unwrap()
    }
    fn w(x: i64) -> GasWeight {
        GasWeight::parse(x).unwrap()
    }
    fn unweighted(levels: &[i64]) -> f64 {
        gas_t_score(levels.iter().map(|&x| (l(x), GasWeight::default()))).unwrap()
    }
    fn close(got: f64, want: f64) {
        assert!((got - want).abs() < 0.005, "got {got}, want {want}");
    }

    // Kiresuk & Sherman (1968), formula as corrected in the erratum to Turner-Stokes (2009),
    // ρ = 0.3, three equally weighted goals: Σwx = −3, Σw² = 3, (Σw)² = 9, so
    // T = 50 − 30/√(0.7·3 + 0.3·9) = 50 − 30/√4.8 = 36.31.
    #[test]
    fn three_equal_goals_all_a_little_less_than_expected_give_36_31() {
        close(unweighted(&[-1, -1, -1]), 36.31);
    }

    #[test]
    fn every_goal_as_expected_gives_50_whatever_the_weights() {
        close(unweighted(&[0, 0, 0]), 50.0);
        close(
            gas_t_score([(l(0), w(9)), (l(0), w(1)), (l(0), w(4))]).unwrap(),
            50.0,
        );
    }

    // Same source and formula: all three at −2 give 50 − 60/√4.8 = 22.61, all at +2 give
    // 50 + 60/√4.8 = 77.39; the scale is symmetric about 50.
    #[test]
    fn three_equal_goals_at_the_extremes_give_22_61_and_77_39() {
        close(unweighted(&[-2, -2, -2]), 22.61);
        close(unweighted(&[2, 2, 2]), 77.39);
    }

    // One goal: the denominator is √(0.7 + 0.3) = 1, so T = 50 + 10x (Kiresuk & Sherman 1968:
    // a single scale is already a T-score with mean 50 and standard deviation 10).
    #[test]
    fn a_single_goal_scores_50_plus_ten_per_level() {
        for x in -2..=2 {
            close(unweighted(&[x]), 50.0 + 10.0 * x as f64);
        }
    }

    // The worked example of the `gasr` R package's `calc_tscore` documentation (taylordunn/gasr):
    // scores (−2, 0, −1, 2, 0, 1) with weights (3, 5, 1, 4, 2, 6), ρ = 0.3. By hand:
    // Σwx = −6 + 0 − 1 + 8 + 0 + 6 = 7, Σw² = 91, (Σw)² = 21² = 441,
    // √(0.7·91 + 0.3·441) = √(63.7 + 132.3) = √196 = 14, so T = 50 + 70/14 = 55 exactly.
    #[test]
    fn the_weighted_gasr_example_gives_exactly_55() {
        let ratings =
            [(-2, 3), (0, 5), (-1, 1), (2, 4), (0, 2), (1, 6)].map(|(x, wt)| (l(x), w(wt)));
        close(gas_t_score(ratings).unwrap(), 55.0);
    }

    // With equal weights the corrected formula (Turner-Stokes 2009, erratum) reduces to
    // T = 50 + C·Σx with C = 10/√(0.7n + 0.3n²); by hand: 10, 6.202, 4.564, 3.627, 3.015 for
    // one to five goals.
    #[test]
    fn with_equal_weights_each_level_counts_a_factor_that_shrinks_with_the_number_of_goals() {
        for (n, factor) in [(1, 10.0), (2, 6.202), (3, 4.564), (4, 3.627), (5, 3.015)] {
            let mut levels = vec![0; n];
            levels[0] = 1;
            close(unweighted(&levels), 50.0 + factor);
        }
    }

    #[test]
    fn a_weight_counts_only_relative_to_the_others() {
        let doubled = gas_t_score([(l(1), w(2)), (l(-1), w(4))]).unwrap();
        let single = gas_t_score([(l(1), w(1)), (l(-1), w(2))]).unwrap();
        close(doubled, single);
        assert!(single < 50.0, "the heavier goal fell short: {single}");
    }

    #[test]
    fn nothing_rated_has_no_t_score() {
        assert_eq!(gas_t_score([]), None);
    }

    #[test]
    fn a_level_outside_minus_two_to_plus_two_is_refused_in_dutch() {
        assert_eq!(
            GasLevel::parse(3).unwrap_err().to_string(),
            "Een GAS-niveau moet tussen -2 en 2 liggen (nu 3)."
        );
        assert!(serde_json::from_str::<GasLevel>("-3").is_err());
        assert_eq!(serde_json::from_str::<GasLevel>("-2").unwrap(), l(-2));
    }

    #[test]
    fn a_weight_of_zero_or_ten_is_refused_and_none_means_one() {
        assert_eq!(
            GasWeight::parse(0).unwrap_err().to_string(),
            "Het gewicht van een doel moet tussen 1 en 9 liggen (nu 0)."
        );
        assert!(GasWeight::parse(10).is_err());
        let scale: GasScale = serde_json::from_str(r#"{"levels":["a","b","c","d","e"]}"#).unwrap();
        assert_eq!(scale.weight_or_default(), w(1));
        assert_eq!(scale.baseline, None);
    }

    fn scale(levels: [&str; 5]) -> GasScale {
        GasScale {
            levels: levels.map(str::to_owned),
            weight: None,
            baseline: Some(l(-1)),
        }
    }

    #[test]
    fn every_level_needs_its_own_words() {
        let err = scale(["nooit", "soms", "  ", "vaak", "altijd"])
            .validate()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "De omschrijving bij niveau 0 is leeg; vul iets in."
        );
        let long = "x".repeat(301);
        let err = scale(["a", "b", "c", "d", &long]).validate().unwrap_err();
        assert_eq!(
            err.to_string(),
            "De omschrijving bij niveau +2 is te lang (301 tekens); het mag hoogstens 300 tekens zijn."
        );
    }

    #[test]
    fn a_scale_keeps_its_words_trimmed_and_describes_each_level() {
        let s = scale([" nooit ", "soms", "meestal", "vaak", "altijd"])
            .validate()
            .unwrap();
        assert_eq!(s.describe(l(-2)), "nooit");
        assert_eq!(s.describe(GasLevel::EXPECTED), "meestal");
        assert_eq!(l(1).sign_text(), "+1");
        assert_eq!(l(-1).meaning_nl(), "minder dan verwacht");
    }

    #[test]
    fn the_baseline_t_score_counts_only_scales_with_a_baseline() {
        let mut none = scale(["a", "b", "c", "d", "e"]);
        none.baseline = None;
        let three = [
            scale(["a", "b", "c", "d", "e"]),
            scale(["a", "b", "c", "d", "e"]),
            scale(["a", "b", "c", "d", "e"]),
            none,
        ];
        close(baseline_t_score(&three).unwrap(), 36.31);
        assert_eq!(baseline_t_score(&three[3..]), None);
    }
}
