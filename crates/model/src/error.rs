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
    /// A kindermodus PIN that is not 4 to 8 digits.
    #[error("De pincode moet uit 4 tot 8 cijfers bestaan (alleen cijfers).")]
    KioskPin,
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
    /// A binary upload that does not have the envelope's layout (cut off, or not from the app).
    #[error("Het werkstuk is onderweg beschadigd en kan niet worden gelezen: {0}.")]
    Envelope(&'static str),
    /// Two blobs with the same name in one artefact.
    #[error("Het bestand '{0}' komt twee keer voor in hetzelfde werkstuk.")]
    DuplicateBlob(String),
    /// Metadata that is not a JSON object.
    #[error("De gegevens bij het werkstuk zijn ongeldig: {0}")]
    Metadata(&'static str),
    /// Metadata larger than the server keeps.
    #[error("De gegevens bij het werkstuk zijn te groot ({kib} kB); hoogstens {max_kib} kB past.")]
    MetadataTooLarge {
        /// The size, in KiB, rounded up.
        kib: usize,
        /// The limit, in KiB.
        max_kib: usize,
    },
    /// A `work_form` tag no work form uses.
    #[error("Deze gegevens komen uit een werkvorm die de server niet kent ('{0}').")]
    UnknownWorkForm(String),
    /// A record of one work form in an artefact of another.
    #[error("Deze gegevens komen uit de werkvorm {found}, maar het werkstuk hoort bij {expected}.")]
    WrongWorkForm {
        /// Dutch name of the work form the record says it is from.
        found: &'static str,
        /// Dutch name of the work form the artefact belongs to.
        expected: &'static str,
    },
    /// A record format this version cannot read (made by a newer or a broken app).
    #[error(
        "De gegevens van {record} zijn opgeslagen in een vorm die deze versie niet kent (formaat {format}); werk de app en de server bij naar dezelfde versie."
    )]
    UnknownFormat {
        /// What the record is, with its article ("de opname").
        record: &'static str,
        /// The format number found.
        format: u64,
    },
    /// A record whose JSON does not have the record's shape.
    #[error("De gegevens van {record} zijn onvolledig of beschadigd: {reason}.")]
    Unreadable {
        /// What the record is, with its article ("de opname").
        record: &'static str,
        /// What is wrong, in Dutch.
        reason: String,
    },
    /// A number outside the range that can be right.
    #[error("{what} moet {} (nu {got}).", range_nl(*.min, *.max))]
    OutOfRange {
        /// What the number is, as the start of a sentence ("Het aantal spelers").
        what: &'static str,
        /// Lowest right value.
        min: i64,
        /// Highest right value.
        max: i64,
        /// The value given, as written ("9", "0.5").
        got: String,
    },
    /// A code (an instrument, a paper) that does not exist.
    #[error("{what} '{code}' bestaat niet.")]
    UnknownCode {
        /// What the code names, as the start of a sentence ("Het instrument").
        what: &'static str,
        /// The code given (at most 40 characters of it).
        code: String,
    },
    /// A round of the echo game (*nadoen*) that cannot have been played like this.
    #[error("Ronde {round} van het nadoen klopt niet: {reason}.")]
    EchoRound {
        /// The round, counted from 1.
        round: usize,
        /// What is wrong, in Dutch.
        reason: String,
    },
    /// An exercise run that cannot have happened like this (the reason from
    /// `speelruimte_guide::ExerciseResult::validate`).
    #[error("{0}")]
    ExerciseRun(String),
    /// An evaluation that names no goal.
    #[error("Kies minstens één doel om te evalueren.")]
    NoGoalsEvaluated,
    /// An evaluation that names a goal twice.
    #[error("Een doel staat twee keer in de evaluatie; kies elk doel één keer.")]
    GoalTwiceInEvaluation,
    /// A GAS level given for a goal that has no GAS scale (nothing says what the level means).
    #[error(
        "Het doel '{goal}' heeft nog geen GAS-schaal; beschrijf eerst de vijf niveaus, of laat het niveau open."
    )]
    NoGasScale {
        /// The goal's title (at most 60 characters of it).
        goal: String,
    },
    /// A goal named in an evaluation that is not one of the client's.
    #[error("Een van de gekozen doelen hoort niet bij deze cliënt.")]
    UnknownGoal,
    /// A filter or cursor in an address that cannot be read (a misspelt work form, a date
    /// that is no date).
    #[error("{what} '{got}' kan niet kloppen.")]
    Filter {
        /// What it is, as the start of a sentence ("De werkvorm").
        what: &'static str,
        /// What was given (at most 60 characters of it).
        got: String,
    },
    /// A report that names no goal.
    #[error("Kies minstens één doel voor het verslag.")]
    NoGoalsInReport,
    /// A report pick that names the same goal, artefact or chart twice.
    #[error("{what} staat twee keer in het verslag; kies elk één keer.")]
    TwiceInReport {
        /// Dutch name of what was named twice.
        what: &'static str,
    },
    /// A chart picked for a goal that is not in the report.
    #[error(
        "Een grafiek hoort bij een doel dat niet in het verslag staat; kies dat doel ook, of laat de grafiek weg."
    )]
    ChartWithoutGoal,
    /// A goal picked for a report that the evaluation did not look at.
    #[error("Een van de gekozen doelen is niet in deze evaluatie besproken.")]
    GoalNotInEvaluation,
    /// An artefact picked for a report that is not one of the client's drawings.
    #[error("Alleen tekeningen van deze cliënt kunnen als afbeelding in het verslag.")]
    NotADrawingOfClient,
    /// A group of the wrong size.
    #[error("Een groep heeft 2 tot 8 deelnemers; nu zijn het er {n}.")]
    GroupSize {
        /// The number given.
        n: usize,
    },
    /// A group whose participants do not fit together (the reason in Dutch, lower case).
    #[error("De groep klopt niet: {0}.")]
    Group(&'static str),
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

/// "tussen 1 en 8 liggen", or "1 zijn" where only one value is right.
fn range_nl(min: i64, max: i64) -> String {
    if min == max {
        format!("{min} zijn")
    } else {
        format!("tussen {min} en {max} liggen")
    }
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
