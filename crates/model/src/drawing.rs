//! The record of a drawing (*beeldend*), kept in its artefact's metadata beside the picture
//! (`image.png`, `thumb.png`) and the strokes for the replay (`strokes.bin`).
//!
//! The process observations (time drawing and pausing, pressure, colours, ...) are **not**
//! stored here: the review computes them from `strokes.bin` when it is opened. The strokes are
//! what was really drawn, and the server keeps and checks them; numbers sent beside them
//! would be a second account the server could only trust or recompute. Computing them at
//! review also means every drawing of a client is measured by the same code, so sessions
//! months apart compare like with like, also after the measures are improved. Format 2
//! still carried a `metrics` object; it is read and left unused.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::record::{self, WorkForm, check_header, in_range};
use crate::{ValidationError, check_metadata_size};

/// Largest paper side, CSS px (a large tablet is about 1400).
pub const MAX_PAPER_SIDE: i64 = 8192;

/// The metadata of a drawing artefact.
///
/// The paper and the template are type parameters because their codes belong to the ink
/// core: the app and the server use `speelruimte_ink::{Background, Template}`, and model
/// stays free of the ink core (it is in the app's first load). Their JSON is a plain code
/// (`"paper"`, `"mandala"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrawingRecord<Paper, Template> {
    /// Always [`WorkForm::Beeldend`].
    pub work_form: WorkForm,
    /// The shape of this record: [`DrawingRecord::FORMAT`] when written now.
    pub format: u32,
    /// Paper width, CSS px.
    pub width: f32,
    /// Paper height, CSS px.
    pub height: f32,
    /// The paper.
    pub background: Paper,
    /// The template under the ink.
    pub template: Template,
    /// Strokes to be seen in the finished drawing (not undone, not wiped).
    pub visible_strokes: usize,
}

impl<Paper, Template> DrawingRecord<Paper, Template> {
    /// The format written now: 3, without stored metrics.
    pub const FORMAT: u32 = 3;
    /// The formats read: 2 (with metrics, left unused) and 3.
    pub const READS: std::ops::RangeInclusive<u32> = 2..=3;

    /// A record of a drawing as it is saved now.
    pub fn new(
        width: f32,
        height: f32,
        background: Paper,
        template: Template,
        visible_strokes: usize,
    ) -> Self {
        Self {
            work_form: WorkForm::Beeldend,
            format: Self::FORMAT,
            width,
            height,
            background,
            template,
            visible_strokes,
        }
    }

    /// Checks what can be checked without the ink core: tag, format and paper size.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_header(WorkForm::Beeldend, Self::READS, self.work_form, self.format)?;
        in_range("De breedte van het papier", self.width, 1, MAX_PAPER_SIDE)?;
        in_range("De hoogte van het papier", self.height, 1, MAX_PAPER_SIDE)
    }
}

impl<Paper: DeserializeOwned, Template: DeserializeOwned> DrawingRecord<Paper, Template> {
    /// Reads and checks the record in a drawing artefact's metadata.
    pub fn read(metadata: &Value) -> Result<Self, ValidationError> {
        let r: Self = record::read(WorkForm::Beeldend, Self::READS, metadata)?;
        r.validate()?;
        Ok(r)
    }
}

impl<Paper: Serialize, Template: Serialize> DrawingRecord<Paper, Template> {
    /// The checked record as metadata for an upload.
    pub fn to_metadata(&self) -> Result<Value, ValidationError> {
        self.validate()?;
        let v = serde_json::to_value(self).map_err(|e| ValidationError::Unreadable {
            record: WorkForm::Beeldend.record_nl(),
            reason: e.to_string(),
        })?;
        check_metadata_size(&v)?;
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    type Record = DrawingRecord<String, String>;

    #[test]
    fn a_new_record_is_written_in_format_3_without_metrics() {
        let r = Record::new(800.0, 600.0, "paper".into(), "mandala".into(), 2);
        let v = r.to_metadata().unwrap();
        assert_eq!(
            v,
            json!({"work_form": "beeldend", "format": 3, "width": 800.0, "height": 600.0,
                   "background": "paper", "template": "mandala", "visible_strokes": 2})
        );
        assert_eq!(Record::read(&v).unwrap(), r);
    }

    #[test]
    fn paper_of_zero_width_is_refused_in_dutch() {
        let r = Record::new(0.0, 600.0, "white".into(), "blank".into(), 0);
        assert_eq!(
            r.validate().unwrap_err().to_string(),
            "De breedte van het papier moet tussen 1 en 8192 liggen (nu 0)."
        );
    }

    #[test]
    fn a_format_1_drawing_is_not_one_this_version_reads() {
        let v = json!({"work_form": "beeldend", "format": 1});
        assert!(matches!(
            Record::read(&v),
            Err(ValidationError::UnknownFormat { format: 1, .. })
        ));
    }
}
