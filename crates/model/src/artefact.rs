use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{GroupPlay, Participant, ValidationError, check_participants};

/// Which work form made an artefact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ArtefactKind {
    /// Beeldend: a drawing (PNG + strokes).
    Drawing,
    /// Muziek: a rhythm or melody (WAV + events).
    Music,
    /// Spanning reguleren: an exercise with tension ratings.
    Exercise,
}

impl ArtefactKind {
    /// Wire name.
    pub fn code(self) -> &'static str {
        match self {
            Self::Drawing => "drawing",
            Self::Music => "music",
            Self::Exercise => "exercise",
        }
    }

    /// Parses a wire name.
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Drawing, Self::Music, Self::Exercise]
            .into_iter()
            .find(|k| k.code() == code)
    }

    /// Dutch name on screen.
    pub fn label_nl(self) -> &'static str {
        match self {
            Self::Drawing => "Tekening",
            Self::Music => "Muziek",
            Self::Exercise => "Oefening",
        }
    }

    /// English name on screen.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Drawing => "Drawing",
            Self::Music => "Music",
            Self::Exercise => "Exercise",
        }
    }
}

/// The media types the server keeps. Each is checked to be what it claims before it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MediaType {
    /// A PNG image.
    #[serde(rename = "image/png")]
    Png,
    /// A RIFF/WAVE PCM audio file.
    #[serde(rename = "audio/wav")]
    Wav,
    /// JSON data.
    #[serde(rename = "application/json")]
    Json,
    /// Opaque binary data (for example encoded strokes).
    #[serde(rename = "application/octet-stream")]
    OctetStream,
}

impl MediaType {
    /// The MIME type string.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Wav => "audio/wav",
            Self::Json => "application/json",
            Self::OctetStream => "application/octet-stream",
        }
    }

    /// Parses a MIME type string.
    pub fn parse(s: &str) -> Result<Self, ValidationError> {
        match s {
            "image/png" => Ok(Self::Png),
            "audio/wav" => Ok(Self::Wav),
            "application/json" => Ok(Self::Json),
            "application/octet-stream" => Ok(Self::OctetStream),
            other => Err(ValidationError::MediaType(other.to_owned())),
        }
    }
}

/// A blob's name inside its artefact ("image.png", "thumb.png", "strokes.bin"): 1 to 64
/// characters of `a-z 0-9 . _ -`, not starting with a dot.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct BlobName(String);

impl BlobName {
    /// Parses a name.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let ok = (1..=64).contains(&raw.len())
            && !raw.starts_with('.')
            && raw
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(ValidationError::BlobName(raw.chars().take(80).collect()))
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for BlobName {
    type Error = ValidationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<BlobName> for String {
    fn from(value: BlobName) -> Self {
        value.0
    }
}

/// One file of an artefact as uploaded: its bytes in standard base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BlobUpload {
    /// Name inside the artefact.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "image.png"))]
    pub name: BlobName,
    /// What the bytes are.
    pub media_type: MediaType,
    /// The bytes, standard base64 with padding.
    pub data_base64: String,
}

/// Most blobs one artefact may have.
pub const MAX_BLOBS: usize = 8;
/// Most goals one artefact may be linked to.
pub const MAX_GOALS_PER_ARTEFACT: usize = 20;
/// Largest metadata object, in bytes of JSON (compact, as `serde_json` writes it). The app
/// checks a record against it before it sends it ([`crate::check_metadata_size`]).
pub const MAX_METADATA_BYTES: usize = 256 * 1024;

/// The body of `PUT /api/artefacts/{id}`; the id itself was made on the tablet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArtefactUpload {
    /// Work form that made it.
    pub kind: ArtefactKind,
    /// The client who made it.
    pub client_id: Uuid,
    /// The session it was made in, if any.
    #[serde(default)]
    pub session_id: Option<Uuid>,
    /// The goals it is linked to (goals of the same client).
    #[serde(default)]
    pub goal_ids: Vec<Uuid>,
    /// When it was made, by the tablet's clock.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Work-form data (a JSON object): tool settings, ratings, process metrics.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub metadata: serde_json::Value,
    /// The files, in base64. Empty (or left out) in the head of a binary upload
    /// ([`crate::ArtefactHead`]), whose files follow the head as raw bytes.
    #[serde(default)]
    pub blobs: Vec<BlobUpload>,
    /// In a group or family session: everyone who took part, `client_id` among them. The
    /// artefact is linked to each participating client; *naasten* are attributed, not linked.
    /// Empty for a client's own work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
}

impl ArtefactUpload {
    /// Checks the shape: counts, duplicate names, metadata an object of bounded size.
    /// Blob contents are checked by the server after decoding.
    pub fn validate(&self) -> Result<(), ValidationError> {
        self.validate_with(self.blobs.iter().map(|b| &b.name))
    }

    /// [`Self::validate`] with the files named by `names` (those of a binary upload).
    pub(crate) fn validate_with<'a>(
        &self,
        names: impl ExactSizeIterator<Item = &'a BlobName>,
    ) -> Result<(), ValidationError> {
        if names.len() > MAX_BLOBS {
            return Err(ValidationError::TooMany {
                what: "bestanden",
                max: MAX_BLOBS,
            });
        }
        if self.goal_ids.len() > MAX_GOALS_PER_ARTEFACT {
            return Err(ValidationError::TooMany {
                what: "gekoppelde doelen",
                max: MAX_GOALS_PER_ARTEFACT,
            });
        }
        let mut seen = HashSet::new();
        for name in names {
            if !seen.insert(name.as_str()) {
                return Err(ValidationError::DuplicateBlob(name.0.clone()));
            }
        }
        if !self.metadata.is_object() {
            return Err(ValidationError::Metadata("het moet een JSON-object zijn"));
        }
        self.validate_group()?;
        crate::check_metadata_size(&self.metadata)
    }

    /// The participants fit together, and the group part of the record names only them.
    fn validate_group(&self) -> Result<(), ValidationError> {
        let play = GroupPlay::read(&self.metadata)?;
        if self.participants.is_empty() {
            return match play {
                Some(_) => Err(ValidationError::Group(
                    "het werkstuk noemt spelers, maar geen deelnemers",
                )),
                None => Ok(()),
            };
        }
        check_participants(self.client_id, &self.participants)?;
        play.unwrap_or_default().validate(self.participants.len())
    }
}

/// A stored blob, without its bytes (fetch those at `/api/artefacts/{id}/blobs/{name}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BlobInfo {
    /// Name inside the artefact.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub name: BlobName,
    /// What the bytes are.
    pub media_type: MediaType,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
}

/// A stored artefact (*werkstuk*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Artefact {
    /// The id made on the tablet.
    pub id: Uuid,
    /// Work form that made it.
    pub kind: ArtefactKind,
    /// The client.
    pub client_id: Uuid,
    /// The session, if any.
    pub session_id: Option<Uuid>,
    /// Linked goals.
    pub goal_ids: Vec<Uuid>,
    /// When it was made (tablet clock).
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// When the server stored it.
    pub stored_at: chrono::DateTime<chrono::Utc>,
    /// Work-form data.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub metadata: serde_json::Value,
    /// Its files.
    pub blobs: Vec<BlobInfo>,
    /// In a group: who took part (see [`ArtefactUpload::participants`]). Another client shows
    /// here only by an id and an avatar, never by label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
}

impl Artefact {
    /// The player number of `client` in this group artefact, if they took part.
    pub fn player_of(&self, client: Uuid) -> Option<u8> {
        self.participants
            .iter()
            .position(|p| p.member.client_id == Some(client))
            .map(|i| i as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_artefact_kind_has_an_english_name() {
        for k in [
            ArtefactKind::Drawing,
            ArtefactKind::Music,
            ArtefactKind::Exercise,
        ] {
            assert!(!k.label_en().is_empty(), "{k:?}");
        }
    }

    fn upload() -> ArtefactUpload {
        serde_json::from_value(serde_json::json!({
            "kind": "drawing",
            "client_id": "7d2a3e1c-41a1-4bd5-9b1c-2a1c3b4d5e6f",
            "created_at": "2026-11-24T10:00:00Z",
            "metadata": {"brush": "pencil"},
            "blobs": [{"name": "image.png", "media_type": "image/png", "data_base64": ""}]
        }))
        .unwrap()
    }

    #[test]
    fn a_plain_upload_is_valid() {
        assert_eq!(upload().validate(), Ok(()));
    }

    #[test]
    fn two_blobs_with_one_name_are_refused() {
        let mut u = upload();
        u.blobs.push(u.blobs[0].clone());
        assert_eq!(
            u.validate(),
            Err(ValidationError::DuplicateBlob("image.png".into()))
        );
    }

    #[test]
    fn metadata_must_be_an_object() {
        let mut u = upload();
        u.metadata = serde_json::json!([1, 2]);
        assert!(matches!(u.validate(), Err(ValidationError::Metadata(_))));
    }

    #[test]
    fn blob_names_cannot_climb_out_of_their_folder() {
        for bad in ["../x.png", ".hidden", "a/b", "Image.PNG", ""] {
            assert!(BlobName::parse(bad).is_err(), "{bad} was accepted");
        }
        assert!(BlobName::parse("thumb.png").is_ok());
    }

    #[test]
    fn unknown_media_types_are_refused() {
        assert_eq!(
            MediaType::parse("text/html"),
            Err(ValidationError::MediaType("text/html".into()))
        );
        let json = r#"{"name":"a.html","media_type":"text/html","data_base64":""}"#;
        assert!(serde_json::from_str::<BlobUpload>(json).is_err());
    }
}
