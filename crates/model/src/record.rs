//! The work-form records kept in an artefact's `metadata`, and what they share: the
//! `work_form` tag that says which work form wrote the record, the `format` number that says
//! which shape it has, and reading one with every refusal in Dutch.
//!
//! The records themselves are [`DrawingRecord`](crate::DrawingRecord),
//! [`MusicRecord`](crate::MusicRecord) and the exercise run
//! ([`read_exercise_run`](crate::read_exercise_run)). The tablet writes them and the server
//! checks them with the same definitions, so what the server keeps the review can show.

use std::ops::RangeInclusive;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{ArtefactKind, MAX_METADATA_BYTES, ValidationError};

/// The work form that wrote a record, as its `work_form` tag names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WorkForm {
    /// Beeldend: drawing. Its record is a [`DrawingRecord`](crate::DrawingRecord).
    Beeldend,
    /// Muziek: rhythm and sound. Its record is a [`MusicRecord`](crate::MusicRecord).
    Muziek,
    /// Spanning reguleren: guided exercises. Its record is a `speelruimte_guide::ExerciseResult`.
    Spanning,
}

impl WorkForm {
    /// Every work form.
    pub const ALL: [Self; 3] = [Self::Beeldend, Self::Muziek, Self::Spanning];

    /// The metadata field that holds the tag.
    pub const FIELD: &'static str = "work_form";

    /// The tag as written in `work_form`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Beeldend => "beeldend",
            Self::Muziek => "muziek",
            Self::Spanning => "spanning",
        }
    }

    /// The work form a tag names.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The kind of artefact this work form makes.
    pub fn kind(self) -> ArtefactKind {
        match self {
            Self::Beeldend => ArtefactKind::Drawing,
            Self::Muziek => ArtefactKind::Music,
            Self::Spanning => ArtefactKind::Exercise,
        }
    }

    /// Dutch name, as a therapist knows the work form.
    pub fn label_nl(self) -> &'static str {
        match self {
            Self::Beeldend => "Beeldend",
            Self::Muziek => "Muziek",
            Self::Spanning => "Spanning reguleren",
        }
    }

    /// What its record holds, with the article, for use inside a Dutch sentence.
    pub fn record_nl(self) -> &'static str {
        match self {
            Self::Beeldend => "de tekening",
            Self::Muziek => "de opname",
            Self::Spanning => "de oefening",
        }
    }

    /// The work form whose record the metadata of an artefact of `kind` must be, or `None` for
    /// metadata that is no work form's record (a plain file brought in from elsewhere).
    ///
    /// A tag must name a known work form, and the one of the artefact's kind. Without a tag an
    /// exercise is still a run (the app never stores anything else under that kind), and music
    /// that carries a `recording` is still a muziek record: leaving the tag out must not let a
    /// recording past the checks.
    pub fn of_upload(
        kind: ArtefactKind,
        metadata: &Value,
    ) -> Result<Option<Self>, ValidationError> {
        let form = match metadata.get(Self::FIELD) {
            Some(tag) => Self::from_tag(tag)?,
            None => match kind {
                ArtefactKind::Exercise => Self::Spanning,
                ArtefactKind::Music if metadata.get("recording").is_some() => Self::Muziek,
                _ => return Ok(None),
            },
        };
        if form.kind() != kind {
            return Err(ValidationError::WrongWorkForm {
                found: form.label_nl(),
                expected: Self::of_kind(kind).label_nl(),
            });
        }
        Ok(Some(form))
    }

    /// The work form that makes artefacts of `kind`.
    pub fn of_kind(kind: ArtefactKind) -> Self {
        match kind {
            ArtefactKind::Drawing => Self::Beeldend,
            ArtefactKind::Music => Self::Muziek,
            ArtefactKind::Exercise => Self::Spanning,
        }
    }

    fn from_tag(tag: &Value) -> Result<Self, ValidationError> {
        let code = tag
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| tag.to_string());
        Self::from_code(&code)
            .ok_or_else(|| ValidationError::UnknownWorkForm(code.chars().take(40).collect()))
    }
}

/// Checks that metadata fits in what the server keeps ([`MAX_METADATA_BYTES`] of JSON).
pub fn check_metadata_size(metadata: &Value) -> Result<(), ValidationError> {
    let len = metadata.to_string().len();
    if len > MAX_METADATA_BYTES {
        return Err(ValidationError::MetadataTooLarge {
            kib: len.div_ceil(1024),
            max_kib: MAX_METADATA_BYTES / 1024,
        });
    }
    Ok(())
}

/// Reads the record of `form` from `metadata`: the tag first, then the format (so a record
/// from a newer app is told apart from a broken one), then the shape.
pub(crate) fn read<T: DeserializeOwned>(
    form: WorkForm,
    formats: RangeInclusive<u32>,
    metadata: &Value,
) -> Result<T, ValidationError> {
    if let Some(tag) = metadata.get(WorkForm::FIELD) {
        let found = WorkForm::from_tag(tag)?;
        if found != form {
            return Err(ValidationError::WrongWorkForm {
                found: found.label_nl(),
                expected: form.label_nl(),
            });
        }
    }
    if let Some(format) = metadata.get("format").and_then(Value::as_u64)
        && !(u64::from(*formats.start())..=u64::from(*formats.end())).contains(&format)
    {
        return Err(ValidationError::UnknownFormat {
            record: form.record_nl(),
            format,
        });
    }
    T::deserialize(metadata).map_err(|e| ValidationError::Unreadable {
        record: form.record_nl(),
        reason: dutch_reason(&e),
    })
}

/// Checks a record's own tag and format, for records built in code.
pub(crate) fn check_header(
    form: WorkForm,
    formats: RangeInclusive<u32>,
    work_form: WorkForm,
    format: u32,
) -> Result<(), ValidationError> {
    if work_form != form {
        return Err(ValidationError::WrongWorkForm {
            found: work_form.label_nl(),
            expected: form.label_nl(),
        });
    }
    if !formats.contains(&format) {
        return Err(ValidationError::UnknownFormat {
            record: form.record_nl(),
            format: u64::from(format),
        });
    }
    Ok(())
}

/// `value` within `min..=max`, or a Dutch sentence that says so.
pub(crate) fn in_range(
    what: &'static str,
    value: impl Into<f64>,
    min: i64,
    max: i64,
) -> Result<(), ValidationError> {
    let got = value.into();
    // `!(..)` so that NaN is refused too.
    if !(got >= min as f64 && got <= max as f64) {
        return Err(ValidationError::OutOfRange {
            what,
            min,
            max,
            got: got.to_string(),
        });
    }
    Ok(())
}

/// What a JSON shape error means, in Dutch. serde's own messages are English and name Rust
/// types ("expected u8"); a therapist gets the gist, and the field name where serde gives one
/// (it helps whoever is asked for help).
fn dutch_reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let quoted = |prefix: &str| {
        msg.strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    if let Some(field) = quoted("missing field `") {
        format!("het veld '{field}' ontbreekt")
    } else if let Some(variant) = quoted("unknown variant `") {
        format!("'{variant}' is geen bekende keuze")
    } else if msg.starts_with("invalid type") {
        "een veld heeft de verkeerde soort waarde (bijvoorbeeld tekst waar een getal hoort)".into()
    } else if msg.starts_with("invalid value") {
        "een getal valt buiten wat kan".into()
    } else if msg.starts_with("invalid length") {
        "een lijst heeft de verkeerde lengte".into()
    } else {
        "ze zijn niet te lezen".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_work_form_tag_reads_back_as_its_work_form() {
        for f in WorkForm::ALL {
            assert_eq!(WorkForm::from_code(f.code()), Some(f));
            assert_eq!(serde_json::to_value(f).unwrap(), json!(f.code()));
            assert_eq!(WorkForm::of_kind(f.kind()), f);
        }
    }

    #[test]
    fn a_drawing_with_notes_of_its_own_is_no_work_forms_record() {
        let meta = json!({"note": "van papier overgenomen"});
        assert_eq!(WorkForm::of_upload(ArtefactKind::Drawing, &meta), Ok(None));
        assert_eq!(
            WorkForm::of_upload(ArtefactKind::Music, &json!({})),
            Ok(None)
        );
    }

    #[test]
    fn music_with_a_recording_but_no_tag_is_still_checked_as_a_muziek_record() {
        let meta = json!({"recording": {}});
        assert_eq!(
            WorkForm::of_upload(ArtefactKind::Music, &meta),
            Ok(Some(WorkForm::Muziek))
        );
        assert_eq!(
            WorkForm::of_upload(ArtefactKind::Exercise, &json!({})),
            Ok(Some(WorkForm::Spanning))
        );
    }

    #[test]
    fn a_muziek_record_in_a_drawing_is_refused_in_dutch() {
        let err = WorkForm::of_upload(ArtefactKind::Drawing, &json!({"work_form": "muziek"}))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Deze gegevens komen uit de werkvorm Muziek, maar het werkstuk hoort bij Beeldend."
        );
    }

    #[test]
    fn an_unknown_work_form_is_named_in_the_refusal() {
        let err =
            WorkForm::of_upload(ArtefactKind::Drawing, &json!({"work_form": "dans"})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Deze gegevens komen uit een werkvorm die de server niet kent ('dans')."
        );
        let err = WorkForm::of_upload(ArtefactKind::Music, &json!({"work_form": 3})).unwrap_err();
        assert_eq!(err, ValidationError::UnknownWorkForm("3".into()));
    }

    #[test]
    fn metadata_of_257_kib_is_refused_and_256_kib_is_kept() {
        // A JSON string of n characters is n + 2 bytes with its quotes.
        let of = |bytes: usize| Value::String("a".repeat(bytes - 2));
        assert_eq!(check_metadata_size(&of(MAX_METADATA_BYTES)), Ok(()));
        let err = check_metadata_size(&of(MAX_METADATA_BYTES + 1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "De gegevens bij het werkstuk zijn te groot (257 kB); hoogstens 256 kB past."
        );
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // read only through Debug
    struct Probe {
        format: u32,
        players: u8,
        kind: WorkForm,
    }

    fn probe(meta: Value) -> String {
        read::<Probe>(WorkForm::Muziek, 1..=1, &meta)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_shape_error_is_told_in_dutch_with_the_field_it_concerns() {
        assert_eq!(
            probe(json!({"work_form": "muziek", "format": 1})),
            "De gegevens van de opname zijn onvolledig of beschadigd: het veld 'players' ontbreekt."
        );
        assert_eq!(
            probe(json!({"format": 1, "players": 2, "kind": "dans"})),
            "De gegevens van de opname zijn onvolledig of beschadigd: 'dans' is geen bekende keuze."
        );
        assert!(probe(json!({"format": 1, "players": "twee", "kind": "muziek"})).ends_with(
            "een veld heeft de verkeerde soort waarde (bijvoorbeeld tekst waar een getal hoort)."
        ));
        assert!(
            probe(json!({"format": 1, "players": 300, "kind": "muziek"}))
                .ends_with("een getal valt buiten wat kan.")
        );
    }

    #[test]
    fn a_record_from_a_newer_app_is_told_apart_from_a_broken_one() {
        assert_eq!(
            probe(json!({"work_form": "muziek", "format": 2})),
            "De gegevens van de opname zijn opgeslagen in een vorm die deze versie niet kent \
             (formaat 2); werk de app en de server bij naar dezelfde versie."
        );
    }

    #[test]
    fn a_number_out_of_range_says_the_range_and_what_was_given() {
        assert_eq!(
            in_range("Het aantal spelers", 9u8, 1, 8)
                .unwrap_err()
                .to_string(),
            "Het aantal spelers moet tussen 1 en 8 liggen (nu 9)."
        );
        assert!(in_range("De breedte", f32::NAN, 1, 10).is_err());
        assert_eq!(in_range("De breedte", 10.0f32, 1, 10), Ok(()));
    }
}
