#![doc = include_str!("../README.md")]

// The fixtures name this crate as the timing example does.
extern crate self as speelruimte_report;

mod content;
mod world;

pub use content::{Drawing, MONTHS_NL, ReportSource, build_report, decimal, file_name, source_for};
pub use world::TEMPLATE;

use serde::Serialize;
use typst::diag::SourceDiagnostic;
/// A report laid out into pages.
pub use typst_layout::PagedDocument;

/// A report failed to typeset. Never the user's fault: the data is placed as strings.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// typst refused the document (a bug in the template or a broken image).
    #[error("het verslag kon niet worden opgemaakt: {0}")]
    Typeset(String),
}

fn diagnostics(errors: &[SourceDiagnostic]) -> ReportError {
    ReportError::Typeset(
        errors
            .iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// A chart or a drawing in the report: its file beside the template and its caption.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// The file's path in the report's world (`/chart/0.svg`, `/img/0.png`).
    pub file: String,
    /// What it shows.
    pub caption: String,
    /// The chart's legend (empty for a drawing).
    pub legend: String,
    /// Wider than the text column at 9 cm high, so set to the column's width instead.
    pub wide: bool,
    /// The file's bytes (not in the JSON: they go into the world as a file).
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// One row of the GAS table.
#[derive(Debug, Clone, Serialize)]
pub struct GoalRow {
    /// The goal's title.
    pub title: String,
    /// The level reached ("−1") or "–".
    pub level: String,
    /// What that level means, in the therapist's words.
    pub meaning: String,
    /// Its weight.
    pub weight: String,
    /// Its baseline level or "–".
    pub baseline: String,
}

/// A heading with its paragraphs (notes, next steps).
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The heading.
    pub heading: String,
    /// Its paragraphs.
    pub paragraphs: Vec<String>,
}

/// Everything the report prints, already in words: the template only places it.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// "Evaluatieverslag".
    pub title: String,
    /// Footer text left of the page number.
    pub footer: String,
    /// "Pagina".
    pub page_word: String,
    /// "van".
    pub of_word: String,
    /// Label/value pairs under the title (client, date, …).
    pub facts: Vec<(String, String)>,
    /// Heading of the GAS table.
    pub goals_heading: String,
    /// Its column heads.
    pub goals_columns: [String; 5],
    /// Its rows.
    pub goals: Vec<GoalRow>,
    /// "GAS T-score".
    pub t_score_label: String,
    /// The T-score as printed ("43,2"), if any goal was rated.
    pub t_score: Option<String>,
    /// What the T-score means.
    pub t_score_note: String,
    /// Heading of the charts.
    pub charts_heading: String,
    /// The charts (SVG).
    pub charts: Vec<Figure>,
    /// Heading of the drawings.
    pub images_heading: String,
    /// The drawings (PNG).
    pub images: Vec<Figure>,
    /// Heading of the evaluation conversation.
    pub conversation_heading: String,
    /// Label/value pairs of the conversation (discussed, satisfaction).
    pub conversation: Vec<(String, String)>,
    /// The client's satisfaction in their own words.
    pub satisfaction_words: Option<String>,
    /// Notes and next steps.
    pub sections: Vec<Section>,
    /// The day the report is made (for the world's `today`).
    #[serde(skip)]
    pub made_on: chrono::NaiveDate,
}

impl Report {
    /// The report's world: the data as JSON and every figure's file.
    fn world(&self) -> world::ReportWorld {
        let json = serde_json::to_vec(self).expect("a report serialises");
        let mut files = vec![("/data.json".to_owned(), json)];
        for f in self.charts.iter().chain(&self.images) {
            files.push((f.file.clone(), f.bytes.clone()));
        }
        world::ReportWorld::new(files, self.made_on)
    }

    /// Lays the report out into pages.
    pub fn typeset(&self) -> Result<PagedDocument, ReportError> {
        typst::compile::<PagedDocument>(&self.world())
            .output
            .map_err(|e| diagnostics(e.as_slice()))
    }
}

/// The report as a PDF (fonts embedded, tagged for accessibility).
pub fn pdf(document: &PagedDocument) -> Result<Vec<u8>, ReportError> {
    typst_pdf::pdf(document, &typst_pdf::PdfOptions::default())
        .map_err(|e| diagnostics(e.as_slice()))
}

/// Every page as a PNG at `pixel_per_pt` (1.5 ≈ 108 dpi): the preview shows these, the same
/// layout the PDF is written from.
pub fn pages_png(document: &PagedDocument, pixel_per_pt: f64) -> Vec<Vec<u8>> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(pixel_per_pt),
        render_bleed: false,
    };
    document
        .pages()
        .iter()
        .map(|page| {
            typst_render::render(page, &options)
                .encode_png()
                .expect("a rendered page encodes")
        })
        .collect()
}

/// The number of pages.
pub fn page_count(document: &PagedDocument) -> usize {
    document.pages().len()
}

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod tests;
