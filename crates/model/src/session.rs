use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{ValidationError, clean_text};

/// Free notes of a session: up to 10,000 characters, newlines allowed. Empty notes are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct SessionNotes(String);

impl SessionNotes {
    /// Longest notes accepted.
    pub const MAX: usize = 10_000;

    /// Parses user input.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        clean_text(raw, Self::MAX, true, "De sessienotitie").map(Self)
    }

    /// The notes.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for SessionNotes {
    type Error = ValidationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<SessionNotes> for String {
    fn from(value: SessionNotes) -> Self {
        value.0
    }
}

/// What the therapist fills in to start a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSession {
    /// Date of the meeting.
    pub date: chrono::NaiveDate,
    /// Notes, if any.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub notes: Option<SessionNotes>,
}

/// A session (*sessie*) with one client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    /// Server-made id.
    pub id: Uuid,
    /// The client.
    pub client_id: Uuid,
    /// Date of the meeting.
    pub date: chrono::NaiveDate,
    /// Notes.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub notes: Option<SessionNotes>,
    /// When it was recorded.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_their_newlines() {
        let n = SessionNotes::parse("regel 1\nregel 2").unwrap();
        assert_eq!(n.as_str(), "regel 1\nregel 2");
    }

    #[test]
    fn a_session_needs_a_real_date() {
        assert!(serde_json::from_str::<NewSession>(r#"{"date":"2026-02-30"}"#).is_err());
        let s: NewSession = serde_json::from_str(r#"{"date":"2026-11-24"}"#).unwrap();
        assert_eq!(s.notes, None);
    }
}
