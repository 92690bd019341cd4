//! Times the report of the test fixtures (two goals with charts, the tension chart, one
//! drawing: two A4 pages) and writes it, with its pages as PNG, into a folder.
//!
//! `cargo run --release -p speelruimte-report --example render_sample -- /tmp/report-sample`

#[path = "../src/fixtures.rs"]
mod fixtures;

fn main() {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "report-sample".into()),
    );
    std::fs::create_dir_all(&dir).unwrap();
    let src = fixtures::source(
        "De cliënt liet deze periode zien dat zij haar boosheid eerder opmerkt. In de sessies met klei lukte het om spanning in de handen te laten zien en daarna te benoemen.\n\nThuis gaat het wisselend; moeder merkt minder driftbuien.",
        2,
    );
    let pick = fixtures::pick(&[1, 2], &[301]);
    // The first run parses the fonts; the timing is of the runs after it.
    let report = speelruimte_report::build_report(&src, &pick);
    let doc = report.typeset().unwrap();
    let pdf = speelruimte_report::pdf(&doc).unwrap();
    let runs = 20;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        // typst memoises; without this every run after the first would be a cache hit.
        typst::comemo::evict(0);
        let doc = speelruimte_report::build_report(&src, &pick)
            .typeset()
            .unwrap();
        std::hint::black_box(speelruimte_report::pdf(&doc).unwrap());
    }
    let per = start.elapsed() / runs;
    let start = std::time::Instant::now();
    let pngs = speelruimte_report::pages_png(&doc, 1.5);
    let preview = start.elapsed();
    std::fs::write(dir.join("report.pdf"), &pdf).unwrap();
    for (i, p) in pngs.iter().enumerate() {
        std::fs::write(dir.join(format!("page-{}.png", i + 1)), p).unwrap();
    }
    println!(
        "{} pages, {} bytes; typeset + PDF {:.1} ms per report (mean of {runs}); preview PNGs {:.1} ms",
        speelruimte_report::page_count(&doc),
        pdf.len(),
        per.as_secs_f64() * 1000.0,
        preview.as_secs_f64() * 1000.0
    );
}
