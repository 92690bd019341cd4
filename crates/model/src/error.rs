use serde::{Deserialize, Serialize};

/// Why a piece of input was refused. The message (`Display`) is Dutch and meant for a
/// therapist's eyes: it says what is wrong and what would be right.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// A required text was empty or only spaces.
    #[error("{field} is leeg; vul iets in.")]
    Empty {
        /// Dutch name of the field.
        field: &'static str,
    },
    /// A text was longer than allowed.
    #[error("{field} is te lang ({len} tekens); het mag hoogstens {max} tekens zijn.")]
    TooLong {
        /// Dutch name of the field.
        field: &'static str,
        /// The limit.
        max: usize,
        /// The length that was given.
        len: usize,
    },
    /// A text was shorter than allowed.
    #[error("{field} is te kort ({len} tekens); het moet minstens {min} tekens zijn.")]
    TooShort {
        /// Dutch name of the field.
        field: &'static str,
        /// The limit.
        min: usize,
        /// The length that was given.
        len: usize,
    },
    /// A text held invisible control characters.
    #[error("{field} bevat onzichtbare stuurtekens; typ de tekst opnieuw.")]
    ControlCharacters {
        /// Dutch name of the field.
        field: &'static str,
    },
    /// A birth year outside the plausible range.
    #[error("Geboortejaar {year} kan niet kloppen; kies een jaar tussen {min} en {max}.")]
    BirthYear {
        /// The year given.
        year: i32,
        /// Earliest accepted year.
        min: i32,
        /// Latest accepted year.
        max: i32,
    },
    /// A username with characters outside the allowed set.
    #[error(
        "Een gebruikersnaam mag alleen kleine letters, cijfers en . _ - @ bevatten (3 tot 64 tekens)."
    )]
    Username,
    /// Too many items in a list.
    #[error("Te veel {what}: hoogstens {max}.")]
    TooMany {
        /// Dutch name of what was counted.
        what: &'static str,
        /// The limit.
        max: usize,
    },
    /// A blob name that is not a plain file name.
    #[error("Bestandsnaam '{0}' is niet toegestaan; gebruik kleine letters, cijfers, . _ -.")]
    BlobName(String),
    /// A media type the server does not keep.
    #[error("Bestandstype '{0}' wordt niet bewaard.")]
    MediaType(String),
    /// Two blobs with the same name in one artefact.
    #[error("Het bestand '{0}' komt twee keer voor in hetzelfde werkstuk.")]
    DuplicateBlob(String),
    /// Metadata that is not a JSON object or is too large.
    #[error("De gegevens bij het werkstuk zijn ongeldig: {0}")]
    Metadata(&'static str),
    /// A blob whose content is not what its media type claims.
    #[error("Het bestand '{name}' is geen {expected}: {reason}")]
    BlobContent {
        /// Blob name.
        name: String,
        /// What it should have been ("geldige PNG-afbeelding", ...).
        expected: &'static str,
        /// Why it was refused.
        reason: String,
    },
}

/// The body of every error response of the API: a stable machine code and a Dutch sentence
/// that the app can show as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    /// Stable code, e.g. `not_found`, `validation`, `conflict`.
    pub error: String,
    /// Dutch explanation for the therapist.
    pub message: String,
}
