//! The report on fixed records: what is picked is printed, nothing else, and hostile text
//! prints as typed.

use typst::layout::{Frame, FrameItem};

use crate::fixtures::*;
use crate::*;

/// All text of a frame, in reading order as typst laid it.
fn text_of(frame: &Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => text_of(&g.frame, out),
            FrameItem::Text(t) => {
                out.push_str(&t.text);
                out.push(' ');
            }
            _ => {}
        }
    }
}

fn images_in(frame: &Frame) -> usize {
    frame
        .items()
        .map(|(_, item)| match item {
            FrameItem::Group(g) => images_in(&g.frame),
            FrameItem::Image(..) => 1,
            _ => 0,
        })
        .sum()
}

fn pages_text(doc: &typst_layout::PagedDocument) -> Vec<String> {
    doc.pages()
        .iter()
        .map(|p| {
            let mut s = String::new();
            text_of(&p.frame, &mut s);
            s
        })
        .collect()
}

#[test]
fn typst_markup_in_the_therapists_text_prints_as_typed() {
    let hostile = "#panic(\"weg\") ] * _x_ $a^2$ #import \"/etc/passwd\" \\ @ref <lbl> // niet weg";
    let src = source(hostile, 2);
    let doc = build_report(&src, &pick(&[1, 2], &[])).typeset().unwrap();
    let text = pages_text(&doc).concat();
    for piece in [
        "#panic(\"weg\")",
        "]",
        "*",
        "$a^2$",
        "#import",
        "//",
        "<lbl>",
        "*nee*",
        "$x$",
    ] {
        assert!(text.contains(piece), "{piece:?} is missing from: {text}");
    }
}

#[test]
fn only_the_picked_goals_and_drawings_are_in_the_report() {
    let src = source("Goed gegaan.", 2);
    let report = build_report(&src, &pick(&[2], &[302]));
    assert_eq!(report.goals.len(), 1);
    assert_eq!(
        report.goals[0].title,
        "Boosheid herkennen en benoemen, deel 2"
    );
    assert_eq!(report.images.len(), 1);
    assert_eq!(report.images[0].bytes, src.drawings[1].png);
    let doc = report.typeset().unwrap();
    let text = pages_text(&doc).concat();
    assert!(!text.contains("deel 1"), "{text}");
    // Goal 2's chart and the one drawing; no tension chart: its one run belongs to goal 1.
    let images: usize = doc.pages().iter().map(|p| images_in(&p.frame)).sum();
    assert_eq!(images, 2);
}

#[test]
fn a_report_without_notes_or_satisfaction_leaves_them_out() {
    let src = source("Geheime notitie.", 1);
    let mut p = pick(&[1], &[]);
    p.notes = false;
    p.satisfaction = false;
    p.tension_chart = false;
    let report = build_report(&src, &p);
    assert!(report.sections.iter().all(|s| s.heading != "Notities"));
    assert_eq!(report.satisfaction_words, None);
    let text = pages_text(&report.typeset().unwrap()).concat();
    assert!(!text.contains("Geheime"));
    assert!(!text.contains("durf"));
}

#[test]
fn the_t_score_printed_is_the_evaluations_own() {
    // Goal 1 at 0 and goal 2 at −1, weights 1: T = 50 + 10·(−1)/√(0.7·2 + 0.3·4) = 43.8.
    let src = source("x", 2);
    let report = build_report(&src, &pick(&[1, 2], &[]));
    assert_eq!(report.t_score.as_deref(), Some("43,8"));
    let text = pages_text(&report.typeset().unwrap()).concat();
    assert!(text.contains("43,8"), "{text}");
}

#[test]
fn a_long_goal_table_breaks_across_pages_with_its_header_repeated() {
    let src = source("x", 40);
    let goals: Vec<u128> = (1..=40).collect();
    let mut p = pick(&goals, &[]);
    p.progress_charts = vec![];
    p.tension_chart = false;
    let doc = build_report(&src, &p).typeset().unwrap();
    let pages = pages_text(&doc);
    assert!(pages.len() >= 2, "{} pages", pages.len());
    assert!(pages[1].contains("Behandeldoel"), "{}", pages[1]);
    assert!(pages[1].contains("Pagina 2 van"), "{}", pages[1]);
}

#[test]
fn the_pdf_and_the_preview_come_from_the_same_pages() {
    let src = source("Goed gegaan.", 2);
    let doc = build_report(&src, &pick(&[1, 2], &[301]))
        .typeset()
        .unwrap();
    let pdf = pdf(&doc).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let pngs = pages_png(&doc, 1.0);
    assert_eq!(pngs.len(), page_count(&doc));
    // A4 at 1 px per pt: 595 × 842.
    let header = png::Decoder::new(std::io::Cursor::new(&pngs[0]))
        .read_info()
        .unwrap()
        .info()
        .clone();
    assert_eq!((header.width, header.height), (595, 842));
}

#[test]
fn a_file_name_has_the_label_and_date_and_nothing_odd() {
    assert_eq!(
        file_name("Vos-3 (groep é)", day(12, 2)),
        "evaluatieverslag-vos-3-groep-e-2026-12-02.pdf"
    );
    assert_eq!(
        file_name("../..", day(1, 5)),
        "evaluatieverslag-client-2026-01-05.pdf"
    );
}
