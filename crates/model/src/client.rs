use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{ValidationError, clean_text};

/// The six disciplines of vaktherapie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Discipline {
    /// Beeldende therapie.
    Beeldend,
    /// Danstherapie.
    Dans,
    /// Dramatherapie.
    Drama,
    /// Muziektherapie.
    Muziek,
    /// Psychomotorische (kinder)therapie.
    Pmt,
    /// Speltherapie.
    Spel,
}

impl Discipline {
    /// All disciplines, in the order a form lists them.
    pub const ALL: [Discipline; 6] = [
        Self::Beeldend,
        Self::Dans,
        Self::Drama,
        Self::Muziek,
        Self::Pmt,
        Self::Spel,
    ];

    /// The name therapists use.
    pub fn label_nl(self) -> &'static str {
        match self {
            Self::Beeldend => "Beeldende therapie",
            Self::Dans => "Danstherapie",
            Self::Drama => "Dramatherapie",
            Self::Muziek => "Muziektherapie",
            Self::Pmt => "Psychomotorische therapie (PMT)",
            Self::Spel => "Speltherapie",
        }
    }

    /// The name in English, as UK arts therapists would say it.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Beeldend => "Art therapy",
            Self::Dans => "Dance movement therapy",
            Self::Drama => "Drama therapy",
            Self::Muziek => "Music therapy",
            Self::Pmt => "Psychomotor therapy (PMT)",
            Self::Spel => "Play therapy",
        }
    }

    /// The wire name (`"pmt"`), also used in forms.
    pub fn code(self) -> &'static str {
        match self {
            Self::Beeldend => "beeldend",
            Self::Dans => "dans",
            Self::Drama => "drama",
            Self::Muziek => "muziek",
            Self::Pmt => "pmt",
            Self::Spel => "spel",
        }
    }

    /// Parses a wire name.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// A pseudonymous client label ("Vos-12", "groep 3 - Mila"): 1 to 64 characters, no control
/// characters. Names are allowed but the app advises against them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct ClientLabel(String);

impl ClientLabel {
    /// Longest label accepted.
    pub const MAX: usize = 64;

    /// Parses user input into a label.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        clean_text(raw, Self::MAX, false, "Het cliëntlabel").map(Self)
    }

    /// The label text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ClientLabel {
    type Error = ValidationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ClientLabel> for String {
    fn from(value: ClientLabel) -> Self {
        value.0
    }
}

/// A birth year between 1900 and 2100; the server also refuses years after the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "i32", into = "i32")]
pub struct BirthYear(i32);

impl BirthYear {
    /// Earliest year accepted.
    pub const MIN: i32 = 1900;
    /// Latest year the type can hold.
    pub const MAX: i32 = 2100;

    /// Parses a year, refusing anything after `this_year`.
    pub fn parse(year: i32, this_year: i32) -> Result<Self, ValidationError> {
        let max = this_year.min(Self::MAX);
        if (Self::MIN..=max).contains(&year) {
            Ok(Self(year))
        } else {
            Err(ValidationError::BirthYear {
                year,
                min: Self::MIN,
                max,
            })
        }
    }

    /// The year.
    pub fn get(self) -> i32 {
        self.0
    }
}

impl TryFrom<i32> for BirthYear {
    type Error = ValidationError;
    fn try_from(value: i32) -> Result<Self, Self::Error> {
        Self::parse(value, Self::MAX)
    }
}

impl From<BirthYear> for i32 {
    fn from(value: BirthYear) -> Self {
        value.0
    }
}

/// What the therapist fills in to add a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewClient {
    /// Pseudonymous label.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "Vos-12"))]
    pub label: ClientLabel,
    /// Birth year.
    #[cfg_attr(feature = "openapi", schema(value_type = i32, example = 2016))]
    pub birth_year: BirthYear,
    /// Discipline the client is treated in.
    pub discipline: Discipline,
}

/// A client as stored: owned by exactly one therapist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Client {
    /// Server-made id.
    pub id: Uuid,
    /// Pseudonymous label.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub label: ClientLabel,
    /// Birth year.
    #[cfg_attr(feature = "openapi", schema(value_type = i32))]
    pub birth_year: BirthYear,
    /// Discipline.
    pub discipline: Discipline,
    /// When the client was added.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_discipline_has_an_english_name_of_its_own() {
        for d in Discipline::ALL {
            assert!(!d.label_en().is_empty(), "{d:?}");
            assert_ne!(d.label_en(), d.label_nl(), "{d:?}");
        }
    }

    #[test]
    fn a_label_is_trimmed() {
        assert_eq!(ClientLabel::parse("  Vos-12 ").unwrap().as_str(), "Vos-12");
    }

    #[test]
    fn an_empty_label_is_rejected_with_a_dutch_reason() {
        let err = ClientLabel::parse("   ").unwrap_err();
        assert_eq!(err.to_string(), "Het cliëntlabel is leeg; vul iets in.");
    }

    #[test]
    fn a_label_longer_than_64_chars_is_rejected() {
        let long = "é".repeat(65);
        assert_eq!(
            ClientLabel::parse(&long),
            Err(ValidationError::TooLong {
                field: "Het cliëntlabel",
                max: 64,
                len: 65
            })
        );
        assert!(ClientLabel::parse(&"é".repeat(64)).is_ok());
    }

    #[test]
    fn a_label_with_a_newline_is_rejected() {
        assert!(matches!(
            ClientLabel::parse("Vos\n12"),
            Err(ValidationError::ControlCharacters { .. })
        ));
    }

    #[test]
    fn a_birth_year_in_the_future_is_rejected() {
        assert!(BirthYear::parse(2026, 2026).is_ok());
        assert!(BirthYear::parse(2027, 2026).is_err());
        assert!(BirthYear::parse(1899, 2026).is_err());
    }

    #[test]
    fn a_new_client_from_json_is_validated_while_parsing() {
        let ok: NewClient =
            serde_json::from_str(r#"{"label":"Vos-12","birth_year":2016,"discipline":"pmt"}"#)
                .unwrap();
        assert_eq!(ok.discipline, Discipline::Pmt);
        let bad = serde_json::from_str::<NewClient>(
            r#"{"label":"","birth_year":2016,"discipline":"pmt"}"#,
        );
        assert!(bad.unwrap_err().to_string().contains("cliëntlabel is leeg"));
    }

    #[test]
    fn every_discipline_round_trips_through_its_code() {
        for d in Discipline::ALL {
            assert_eq!(Discipline::from_code(d.code()), Some(d));
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                format!("\"{}\"", d.code())
            );
        }
    }
}
