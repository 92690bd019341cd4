//! What goes into an *evaluatieverslag*: the therapist's picks. The report holds nothing else,
//! so this record is the whole list of what leaves the practice in the PDF.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Evaluation, ValidationError};

/// At most this many drawings in one report.
pub const MAX_REPORT_ARTEFACTS: usize = 24;

/// The therapist's picks for one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportPick {
    /// The evaluation the report is about.
    pub evaluation_id: Uuid,
    /// The goals shown (with their GAS rating), in this order; each one the evaluation rated.
    pub goals: Vec<Uuid>,
    /// The goals whose *voortgang*/GAS chart is printed; each one among `goals`.
    #[serde(default)]
    pub progress_charts: Vec<Uuid>,
    /// Print the tension before/after chart of the exercises linked to the picked goals.
    #[serde(default)]
    pub tension_chart: bool,
    /// Drawings printed as images, in this order.
    #[serde(default)]
    pub artefacts: Vec<Uuid>,
    /// Print the client's satisfaction (own words and 0–10).
    #[serde(default = "yes")]
    pub satisfaction: bool,
    /// Print the notes.
    #[serde(default = "yes")]
    pub notes: bool,
    /// Print the agreed next steps.
    #[serde(default = "yes")]
    pub next_steps: bool,
}

fn yes() -> bool {
    true
}

fn no_twice(ids: &[Uuid], what: &'static str) -> Result<(), ValidationError> {
    let mut seen = std::collections::HashSet::new();
    match ids.iter().all(|id| seen.insert(*id)) {
        true => Ok(()),
        false => Err(ValidationError::TwiceInReport { what }),
    }
}

impl ReportPick {
    /// The default picks for `evaluation`, as the AVG export prints it: all its goals with
    /// their charts, satisfaction, notes and next steps, and no images.
    pub fn default_for(evaluation: &Evaluation) -> Self {
        let goals: Vec<Uuid> = evaluation.goals.iter().map(|g| g.goal_id).collect();
        Self {
            evaluation_id: evaluation.id,
            progress_charts: goals.clone(),
            goals,
            tension_chart: false,
            artefacts: vec![],
            satisfaction: true,
            notes: true,
            next_steps: true,
        }
    }

    /// Checks the picks on their own: at least one goal, nothing twice, charts only of picked
    /// goals, limits kept.
    pub fn validate(self) -> Result<Self, ValidationError> {
        if self.goals.is_empty() {
            return Err(ValidationError::NoGoalsInReport);
        }
        if self.goals.len() > crate::MAX_EVALUATED_GOALS {
            return Err(ValidationError::TooMany {
                what: "doelen",
                max: crate::MAX_EVALUATED_GOALS,
            });
        }
        if self.artefacts.len() > MAX_REPORT_ARTEFACTS {
            return Err(ValidationError::TooMany {
                what: "tekeningen",
                max: MAX_REPORT_ARTEFACTS,
            });
        }
        no_twice(&self.goals, "Een doel")?;
        no_twice(&self.progress_charts, "Een grafiek")?;
        no_twice(&self.artefacts, "Een tekening")?;
        if !self.progress_charts.iter().all(|c| self.goals.contains(c)) {
            return Err(ValidationError::ChartWithoutGoal);
        }
        Ok(self)
    }

    /// Checks the picks against the evaluation they name: every goal one it looked at.
    pub fn check_against(&self, evaluation: &Evaluation) -> Result<(), ValidationError> {
        let rated = |id: &Uuid| evaluation.goals.iter().any(|g| g.goal_id == *id);
        match self.goals.iter().all(rated) {
            true => Ok(()),
            false => Err(ValidationError::GoalNotInEvaluation),
        }
    }
}

/// The picks as they travel in a report URL's query (so the preview and the PDF are plain
/// GETs a link can name): lists of ids separated by commas. A field left out takes the
/// default of [`ReportPick::default_for`]; one given, even empty, is taken as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ReportQuery {
    /// Goal ids, comma-separated.
    pub goals: Option<String>,
    /// Goal ids whose chart is printed, comma-separated.
    pub charts: Option<String>,
    /// Drawing ids, comma-separated.
    pub artefacts: Option<String>,
    /// Print the tension chart.
    pub tension: Option<bool>,
    /// Print the satisfaction.
    pub satisfaction: Option<bool>,
    /// Print the notes.
    pub notes: Option<bool>,
    /// Print the next steps.
    pub next_steps: Option<bool>,
}

fn ids(raw: &str) -> Result<Vec<Uuid>, ValidationError> {
    raw.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            Uuid::parse_str(s).map_err(|_| ValidationError::Unreadable {
                record: "de keuze voor het verslag",
                reason: format!(
                    "'{}' is geen code van een doel of werkstuk",
                    s.chars().take(40).collect::<String>()
                ),
            })
        })
        .collect()
}

impl ReportQuery {
    /// The query of `pick` (what the app puts in the URL).
    pub fn of(pick: &ReportPick) -> Self {
        let join = |v: &[Uuid]| v.iter().map(Uuid::to_string).collect::<Vec<_>>().join(",");
        Self {
            goals: Some(join(&pick.goals)),
            charts: Some(join(&pick.progress_charts)),
            artefacts: Some(join(&pick.artefacts)),
            tension: Some(pick.tension_chart),
            satisfaction: Some(pick.satisfaction),
            notes: Some(pick.notes),
            next_steps: Some(pick.next_steps),
        }
    }

    /// The URL query string of this (ids and booleans only, nothing to escape).
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        for (k, v) in [
            ("goals", &self.goals),
            ("charts", &self.charts),
            ("artefacts", &self.artefacts),
        ] {
            if let Some(v) = v {
                parts.push(format!("{k}={v}"));
            }
        }
        for (k, v) in [
            ("tension", self.tension),
            ("satisfaction", self.satisfaction),
            ("notes", self.notes),
            ("next_steps", self.next_steps),
        ] {
            if let Some(v) = v {
                parts.push(format!("{k}={v}"));
            }
        }
        parts.join("&")
    }

    /// The validated picks for `evaluation`.
    pub fn into_pick(self, evaluation: &Evaluation) -> Result<ReportPick, ValidationError> {
        let d = ReportPick::default_for(evaluation);
        let pick = ReportPick {
            evaluation_id: evaluation.id,
            goals: self
                .goals
                .as_deref()
                .map(ids)
                .transpose()?
                .unwrap_or(d.goals),
            progress_charts: self
                .charts
                .as_deref()
                .map(ids)
                .transpose()?
                .unwrap_or(d.progress_charts),
            artefacts: self
                .artefacts
                .as_deref()
                .map(ids)
                .transpose()?
                .unwrap_or(d.artefacts),
            tension_chart: self.tension.unwrap_or(d.tension_chart),
            satisfaction: self.satisfaction.unwrap_or(d.satisfaction),
            notes: self.notes.unwrap_or(d.notes),
            next_steps: self.next_steps.unwrap_or(d.next_steps),
        }
        .validate()?;
        pick.check_against(evaluation)?;
        Ok(pick)
    }
}

/// The preview of a report: its pages as PNG images, rendered from the very layout the PDF is
/// written from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportPreview {
    /// Each page as a PNG, base64.
    pub pages: Vec<String>,
    /// The PDF's file name.
    pub file_name: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EvaluatedGoal, GasWeight};

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn pick(goals: &[u128], charts: &[u128], artefacts: &[u128]) -> ReportPick {
        ReportPick {
            evaluation_id: id(100),
            goals: goals.iter().map(|g| id(*g)).collect(),
            progress_charts: charts.iter().map(|g| id(*g)).collect(),
            tension_chart: false,
            artefacts: artefacts.iter().map(|g| id(*g)).collect(),
            satisfaction: true,
            notes: true,
            next_steps: false,
        }
    }

    fn evaluation(goals: &[u128]) -> Evaluation {
        Evaluation {
            id: id(100),
            client_id: id(7),
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            goals: goals
                .iter()
                .map(|g| EvaluatedGoal {
                    goal_id: id(*g),
                    level: None,
                    weight: GasWeight::default(),
                })
                .collect(),
            satisfaction_words: None,
            satisfaction: None,
            discussed_with_client: true,
            notes: None,
            next_steps: None,
            t_score: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_report_without_goals_is_refused_in_dutch() {
        assert_eq!(
            pick(&[], &[], &[]).validate().unwrap_err().to_string(),
            "Kies minstens één doel voor het verslag."
        );
    }

    #[test]
    fn a_drawing_picked_twice_is_refused() {
        assert_eq!(
            pick(&[1], &[], &[5, 5]).validate().unwrap_err().to_string(),
            "Een tekening staat twee keer in het verslag; kies elk één keer."
        );
    }

    #[test]
    fn a_chart_of_a_goal_left_out_is_refused() {
        assert_eq!(
            pick(&[1], &[2], &[]).validate().unwrap_err(),
            ValidationError::ChartWithoutGoal
        );
        assert!(pick(&[1, 2], &[2], &[]).validate().is_ok());
    }

    #[test]
    fn too_many_drawings_are_refused() {
        let many: Vec<u128> = (0..=MAX_REPORT_ARTEFACTS as u128).collect();
        assert!(matches!(
            pick(&[1], &[], &many).validate(),
            Err(ValidationError::TooMany {
                max: MAX_REPORT_ARTEFACTS,
                ..
            })
        ));
    }

    #[test]
    fn only_goals_the_evaluation_looked_at_may_be_picked() {
        let e = evaluation(&[1, 2]);
        assert!(pick(&[2], &[], &[]).check_against(&e).is_ok());
        assert_eq!(
            pick(&[2, 3], &[], &[]).check_against(&e),
            Err(ValidationError::GoalNotInEvaluation)
        );
    }

    #[test]
    fn the_default_pick_is_every_goal_with_its_chart_and_no_images() {
        let p = ReportPick::default_for(&evaluation(&[1, 2]));
        assert_eq!(p.goals, vec![id(1), id(2)]);
        assert_eq!(p.progress_charts, p.goals);
        assert!(p.artefacts.is_empty());
        assert!(p.clone().validate().is_ok());
    }

    #[test]
    fn left_out_switches_default_to_printing_the_conversation() {
        let p: ReportPick = serde_json::from_str(&format!(
            r#"{{"evaluation_id":"{}","goals":["{}"]}}"#,
            id(100),
            id(1)
        ))
        .unwrap();
        assert!(p.satisfaction && p.notes && p.next_steps && !p.tension_chart);
    }

    #[test]
    fn a_query_round_trips_to_the_same_pick() {
        let e = evaluation(&[1, 2]);
        let mut p = pick(&[2, 1], &[2], &[9]);
        p.tension_chart = true;
        let q: ReportQuery = serde_json::from_value(serde_json::json!({})).unwrap();
        assert_eq!(q.into_pick(&e).unwrap(), ReportPick::default_for(&e));
        assert_eq!(ReportQuery::of(&p).into_pick(&e).unwrap(), p);
        let qs = ReportQuery::of(&p).to_query_string();
        assert!(
            qs.starts_with(&format!(
                "goals={},{}&charts={}&artefacts=",
                id(2),
                id(1),
                id(2)
            )),
            "{qs}"
        );
        assert!(
            qs.ends_with("&tension=true&satisfaction=true&notes=true&next_steps=false"),
            "{qs}"
        );
    }

    #[test]
    fn a_query_with_a_bad_id_or_no_goals_is_refused_in_dutch() {
        let e = evaluation(&[1]);
        let bad = ReportQuery {
            goals: Some("1,#panic()".into()),
            ..Default::default()
        };
        assert!(
            bad.into_pick(&e)
                .unwrap_err()
                .to_string()
                .contains("'1' is geen code")
        );
        let none = ReportQuery {
            goals: Some(String::new()),
            ..Default::default()
        };
        assert_eq!(
            none.into_pick(&e).unwrap_err(),
            ValidationError::NoGoalsInReport
        );
    }
}
