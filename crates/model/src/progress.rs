//! Progress between evaluations: the quick *voortgang* score 0–10 per goal, given at the end
//! of a session, and the status of each subgoal.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::bounded::bounded;

bounded!(
    /// The *voortgang* score: how far the client got with a goal in one session, 0 to 10.
    ProgressScore(u8), 0, 10, "De voortgangsscore"
);

/// What the therapist sends to give a goal its score for a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetGoalScore {
    /// The score, 0–10.
    pub score: ProgressScore,
}

/// A goal's *voortgang* score in one session, as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalScore {
    /// The session.
    pub session_id: Uuid,
    /// The session's date (what a chart puts on its axis).
    pub date: chrono::NaiveDate,
    /// The goal.
    pub goal_id: Uuid,
    /// The score.
    pub score: ProgressScore,
    /// When it was last given.
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// One goal's scores in date order (sessions on the same date in the order they were scored):
/// the points of its *voortgang* chart.
pub fn progress_series(scores: &[GoalScore], goal: Uuid) -> Vec<(chrono::NaiveDate, u8)> {
    let mut mine: Vec<&GoalScore> = scores.iter().filter(|s| s.goal_id == goal).collect();
    mine.sort_by_key(|s| (s.date, s.updated_at));
    mine.into_iter().map(|s| (s.date, s.score.get())).collect()
}

/// Where a subgoal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubgoalStatus {
    /// Niet begonnen: not started (every subgoal until told otherwise).
    #[default]
    NietBegonnen,
    /// Bezig: being worked on.
    Bezig,
    /// Bereikt: reached.
    Bereikt,
}

impl SubgoalStatus {
    /// Every status, in the order a subgoal goes through them.
    pub const ALL: [Self; 3] = [Self::NietBegonnen, Self::Bezig, Self::Bereikt];

    /// The wire name.
    pub fn code(self) -> &'static str {
        match self {
            Self::NietBegonnen => "niet_begonnen",
            Self::Bezig => "bezig",
            Self::Bereikt => "bereikt",
        }
    }

    /// Parses a wire name.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The status on screen, in Dutch.
    pub fn label_nl(self) -> &'static str {
        match self {
            Self::NietBegonnen => "Niet begonnen",
            Self::Bezig => "Bezig",
            Self::Bereikt => "Bereikt",
        }
    }

    /// The status in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::NietBegonnen => "Not started",
            Self::Bezig => "In progress",
            Self::Bereikt => "Reached",
        }
    }
}

/// What the therapist sends to set a subgoal's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetSubgoalStatus {
    /// The new status.
    pub status: SubgoalStatus,
}

/// The status of one subgoal of a goal, the subgoal named by its place in the goal's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubgoalProgress {
    /// The goal.
    pub goal_id: Uuid,
    /// The subgoal's place in [`Goal::subgoals`](crate::Goal::subgoals), from 0.
    pub index: u32,
    /// Its status.
    pub status: SubgoalStatus,
    /// When it was last set.
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Where a client's goals stand: their *voortgang* scores, GAS scales and subgoal statuses,
/// read at once for the review screen.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientProgress {
    /// Every *voortgang* score, by session date.
    pub scores: Vec<GoalScore>,
    /// Every goal's GAS scale, where one was made.
    pub scales: Vec<crate::GoalGas>,
    /// Every subgoal status that was set (the others are *niet begonnen*).
    pub subgoals: Vec<SubgoalProgress>,
}

impl ClientProgress {
    /// The status of subgoal `index` of `goal`.
    pub fn subgoal(&self, goal: Uuid, index: u32) -> SubgoalStatus {
        self.subgoals
            .iter()
            .find(|s| s.goal_id == goal && s.index == index)
            .map(|s| s.status)
            .unwrap_or_default()
    }

    /// The GAS scale of `goal`, if it has one.
    pub fn scale(&self, goal: Uuid) -> Option<&crate::GasScale> {
        self.scales
            .iter()
            .find(|s| s.goal_id == goal)
            .map(|s| &s.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_of_eleven_or_minus_one_is_refused_in_dutch() {
        assert_eq!(
            serde_json::from_str::<SetGoalScore>(r#"{"score": 11}"#)
                .unwrap_err()
                .to_string()
                .split(" at line")
                .next()
                .unwrap(),
            "De voortgangsscore moet tussen 0 en 10 liggen (nu 11)."
        );
        assert_eq!(
            ProgressScore::parse(-1).unwrap_err().to_string(),
            "De voortgangsscore moet tussen 0 en 10 liggen (nu -1)."
        );
        assert_eq!(ProgressScore::parse(10).unwrap().get(), 10);
    }

    fn score(goal: Uuid, day: u32, value: i64, at_s: i64) -> GoalScore {
        GoalScore {
            session_id: Uuid::from_u128(1),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            goal_id: goal,
            score: ProgressScore::parse(value).unwrap(),
            updated_at: chrono::DateTime::from_timestamp(at_s, 0).unwrap(),
        }
    }

    #[test]
    fn a_goals_series_is_its_own_scores_in_date_order() {
        let (a, b) = (Uuid::from_u128(2), Uuid::from_u128(3));
        let scores = [
            score(a, 20, 6, 3),
            score(b, 3, 9, 0),
            score(a, 3, 2, 9),
            score(a, 10, 4, 1),
        ];
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(
            progress_series(&scores, a),
            [(day(3), 2), (day(10), 4), (day(20), 6)]
        );
        assert_eq!(progress_series(&scores, Uuid::from_u128(4)), []);
    }

    #[test]
    fn every_subgoal_status_round_trips_and_unset_is_not_started() {
        for s in SubgoalStatus::ALL {
            assert_eq!(SubgoalStatus::from_code(s.code()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.code())
            );
        }
        let p = ClientProgress::default();
        assert_eq!(
            p.subgoal(Uuid::from_u128(5), 0),
            SubgoalStatus::NietBegonnen
        );
        assert!(serde_json::from_str::<SetSubgoalStatus>(r#"{"status":"klaar"}"#).is_err());
    }
}
