use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Member, RelativeRole, ValidationError, check_members, clean_text};

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
    /// For a group or family session: who else takes part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<NewGroup>,
}

/// Who takes part in a group session besides the client it is started for: other clients of
/// the therapist (a group) or *naasten* (a family session).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewGroup {
    /// The other clients.
    #[serde(default)]
    pub clients: Vec<Uuid>,
    /// The *naasten*, by role.
    #[serde(default)]
    pub relatives: Vec<RelativeRole>,
}

impl NewGroup {
    /// Every member, `lead` first, then the clients, then the *naasten*.
    pub fn members(&self, lead: Uuid) -> Vec<Member> {
        std::iter::once(Member::client(lead))
            .chain(self.clients.iter().map(|&c| Member::client(c)))
            .chain(self.relatives.iter().map(|&r| Member::relative(r)))
            .collect()
    }

    /// Checks the group the session for `lead` would have (see [`check_members`]).
    pub fn validate(&self, lead: Uuid) -> Result<Vec<Member>, ValidationError> {
        let members = self.members(lead);
        check_members(lead, members.iter())?;
        Ok(members)
    }
}

/// The group of a group or family session. Every participating client has their own session
/// (their own notes and scores) in the same group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionGroup {
    /// The group's id, shared by its sessions.
    pub id: Uuid,
    /// Who takes part, in the order the work numbers its players.
    pub members: Vec<Member>,
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
    /// For a group or family session, its group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<SessionGroup>,
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
        assert_eq!(s.group, None);
    }

    #[test]
    fn a_family_session_has_the_client_first_then_the_naasten() {
        let lead = Uuid::from_u128(1);
        let s: NewSession = serde_json::from_str(
            r#"{"date":"2026-12-03","group":{"relatives":["ouder","broer_of_zus"]}}"#,
        )
        .unwrap();
        let members = s.group.unwrap().validate(lead).unwrap();
        assert_eq!(
            members,
            vec![
                Member::client(lead),
                Member::relative(RelativeRole::Parent),
                Member::relative(RelativeRole::Sibling)
            ]
        );
    }

    #[test]
    fn a_group_of_one_is_refused_in_dutch() {
        let g = NewGroup {
            clients: vec![],
            relatives: vec![],
        };
        assert_eq!(
            g.validate(Uuid::from_u128(1)).unwrap_err().to_string(),
            "Een groep heeft 2 tot 8 deelnemers; nu zijn het er 1."
        );
    }

    #[test]
    fn the_lead_cannot_be_named_again_among_the_others() {
        let lead = Uuid::from_u128(1);
        let g = NewGroup {
            clients: vec![lead],
            relatives: vec![],
        };
        assert_eq!(
            g.validate(lead).unwrap_err().to_string(),
            "De groep klopt niet: een cliënt staat twee keer in de groep."
        );
    }
}
