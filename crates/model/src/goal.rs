use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{ValidationError, clean_text};

/// The ten transdiagnostic goal domains of the generic module vaktherapie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum GoalDomain {
    /// Autonomie.
    Autonomie,
    /// Emoties reguleren.
    EmotiesReguleren,
    /// Impulsen/agressie reguleren.
    ImpulsenReguleren,
    /// Spanning reguleren en ontspannen.
    SpanningReguleren,
    /// Assertiviteit.
    Assertiviteit,
    /// Grenzen voelen, hanteren en bepalen.
    Grenzen,
    /// Lichaamsbeleving.
    Lichaamsbeleving,
    /// Zelfvertrouwen en zelfbeeld.
    Zelfbeeld,
    /// Verliesverwerking.
    Verliesverwerking,
    /// Sociaal functioneren.
    SociaalFunctioneren,
}

impl GoalDomain {
    /// All domains in the module's order.
    pub const ALL: [GoalDomain; 10] = [
        Self::Autonomie,
        Self::EmotiesReguleren,
        Self::ImpulsenReguleren,
        Self::SpanningReguleren,
        Self::Assertiviteit,
        Self::Grenzen,
        Self::Lichaamsbeleving,
        Self::Zelfbeeld,
        Self::Verliesverwerking,
        Self::SociaalFunctioneren,
    ];

    /// The domain as therapists name it.
    pub fn label_nl(self) -> &'static str {
        match self {
            Self::Autonomie => "Autonomie",
            Self::EmotiesReguleren => "Emoties reguleren",
            Self::ImpulsenReguleren => "Impulsen/agressie reguleren",
            Self::SpanningReguleren => "Spanning reguleren en ontspannen",
            Self::Assertiviteit => "Assertiviteit",
            Self::Grenzen => "Grenzen voelen, hanteren en bepalen",
            Self::Lichaamsbeleving => "Lichaamsbeleving",
            Self::Zelfbeeld => "Zelfvertrouwen en zelfbeeld",
            Self::Verliesverwerking => "Verliesverwerking",
            Self::SociaalFunctioneren => "Sociaal functioneren",
        }
    }

    /// The domain in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Autonomie => "Autonomy",
            Self::EmotiesReguleren => "Regulating emotions",
            Self::ImpulsenReguleren => "Regulating impulses/aggression",
            Self::SpanningReguleren => "Regulating tension and relaxing",
            Self::Assertiviteit => "Assertiveness",
            Self::Grenzen => "Sensing, handling and setting boundaries",
            Self::Lichaamsbeleving => "Body awareness",
            Self::Zelfbeeld => "Self-confidence and self-image",
            Self::Verliesverwerking => "Coming to terms with loss",
            Self::SociaalFunctioneren => "Social functioning",
        }
    }

    /// The wire name.
    pub fn code(self) -> &'static str {
        match self {
            Self::Autonomie => "autonomie",
            Self::EmotiesReguleren => "emoties_reguleren",
            Self::ImpulsenReguleren => "impulsen_reguleren",
            Self::SpanningReguleren => "spanning_reguleren",
            Self::Assertiviteit => "assertiviteit",
            Self::Grenzen => "grenzen",
            Self::Lichaamsbeleving => "lichaamsbeleving",
            Self::Zelfbeeld => "zelfbeeld",
            Self::Verliesverwerking => "verliesverwerking",
            Self::SociaalFunctioneren => "sociaal_functioneren",
        }
    }

    /// Parses a wire name.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// The title of a goal or subgoal, in the client's own words where possible: 1 to 200 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct GoalTitle(String);

impl GoalTitle {
    /// Longest title accepted.
    pub const MAX: usize = 200;

    /// Parses user input.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        clean_text(raw, Self::MAX, false, "De titel van het doel").map(Self)
    }

    /// The title text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for GoalTitle {
    type Error = ValidationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<GoalTitle> for String {
    fn from(value: GoalTitle) -> Self {
        value.0
    }
}

/// Most subgoals one goal may have.
pub const MAX_SUBGOALS: usize = 20;

/// What the therapist fills in to add a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewGoal {
    /// Goal domain.
    pub domain: GoalDomain,
    /// Title.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "Merken wanneer de spanning oploopt"))]
    pub title: GoalTitle,
    /// Optional subgoals (at most 20).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub subgoals: Vec<GoalTitle>,
}

impl NewGoal {
    /// Checks what serde cannot: the number of subgoals.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.subgoals.len() > MAX_SUBGOALS {
            return Err(ValidationError::TooMany {
                what: "subdoelen",
                max: MAX_SUBGOALS,
            });
        }
        Ok(())
    }
}

/// A treatment goal (*behandeldoel*) of one client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Goal {
    /// Server-made id.
    pub id: Uuid,
    /// The client it belongs to.
    pub client_id: Uuid,
    /// Goal domain.
    pub domain: GoalDomain,
    /// Title.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub title: GoalTitle,
    /// Subgoals.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub subgoals: Vec<GoalTitle>,
    /// When the goal was added.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_goal_domain_has_an_english_name() {
        for d in GoalDomain::ALL {
            assert!(!d.label_en().is_empty(), "{d:?}");
        }
        assert_eq!(GoalDomain::Lichaamsbeleving.label_en(), "Body awareness");
    }

    #[test]
    fn every_domain_round_trips_through_its_code() {
        for d in GoalDomain::ALL {
            assert_eq!(GoalDomain::from_code(d.code()), Some(d));
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                format!("\"{}\"", d.code())
            );
        }
    }

    #[test]
    fn a_goal_with_21_subgoals_is_rejected() {
        let goal = NewGoal {
            domain: GoalDomain::SpanningReguleren,
            title: GoalTitle::parse("Ontspannen").unwrap(),
            subgoals: vec![GoalTitle::parse("stap").unwrap(); 21],
        };
        assert_eq!(
            goal.validate(),
            Err(ValidationError::TooMany {
                what: "subdoelen",
                max: 20
            })
        );
    }

    #[test]
    fn an_unknown_domain_is_rejected_while_parsing() {
        let bad = serde_json::from_str::<NewGoal>(r#"{"domain":"geluk","title":"x"}"#);
        assert!(bad.is_err());
    }
}
