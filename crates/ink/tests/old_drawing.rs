//! A drawing saved by an earlier build keeps decoding as the same drawing: the brush, paper and
//! template codes on disk are fixed per item, not positions in a list a newcomer may reorder
//! or insert into. `fixtures/browser-drawing.bin` was saved by the real app (see
//! `fixtures/README.md`): every brush in toolbar order, then the eraser.

use speelruimte_ink::{Background, Brush, Event, Template, decode};

#[test]
fn the_old_drawing_decodes_to_the_same_paper_brushes_sizes_and_colours() {
    let d =
        decode(include_bytes!("fixtures/browser-drawing.bin")).expect("the old drawing decodes");
    assert_eq!(
        (d.background, d.template, d.width, d.height),
        (Background::White, Template::Blank, 872.0, 685.0)
    );
    let got: Vec<String> = d
        .events
        .iter()
        .map(|e| match e {
            Event::Stroke(s) => format!(
                "{:?} {} {} ({} points)",
                s.style.brush,
                s.style.size,
                s.style.color.hex(),
                s.points.len()
            ),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        got,
        [
            "Pencil 8 #1d1d1f (21 points)",
            "Pencil 8 #1d1d1f (21 points)",
            "Pencil 8 #1d1d1f (41 points)",
            "Undo",
            "Redo",
            "Pencil 18 #d62828 (41 points)",
            "Marker 18 #1d70b8 (41 points)",
            "Watercolour 18 #2a9d8f (41 points)",
            "Crayon 18 #7b2cbf (41 points)",
            "Eraser 18 #7b2cbf (31 points)",
        ]
    );
    // The bytes on disk say which brush: these codes are the format, for ever.
    let pinned = [
        (Brush::Pencil, 0),
        (Brush::Marker, 1),
        (Brush::Watercolour, 2),
        (Brush::Crayon, 3),
        (Brush::Eraser, 4),
    ];
    for (brush, code) in pinned {
        assert_eq!((brush, brush.code()), (brush, code));
        assert_eq!(Brush::from_code(code), Some(brush));
    }
    let papers = [
        (Background::White, 0),
        (Background::Paper, 1),
        (Background::Black, 2),
    ];
    for (paper, code) in papers {
        assert_eq!((paper, paper.code()), (paper, code));
        assert_eq!(Background::from_code(code), Some(paper));
    }
    let templates = [
        (Template::Blank, 0),
        (Template::BodyFront, 1),
        (Template::Mandala, 2),
        (Template::HouseTreePerson, 3),
    ];
    for (template, code) in templates {
        assert_eq!((template, template.code()), (template, code));
        assert_eq!(Template::from_code(code), Some(template));
    }
}
