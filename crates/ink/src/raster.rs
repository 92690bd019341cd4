//! Rendering a drawing to pixels with tiny-skia, the way the browser's canvas paints it: paper
//! colour and texture, template lines, then an ink layer (brushes as filled outlines; crayon
//! grain and the eraser cut into that layer with destination-out) laid over the paper.

use tiny_skia::{
    BlendMode, Color, FillRule, FilterQuality, Paint, PathBuilder, Pattern, Pixmap, SpreadMode,
    Stroke as SkStroke, Transform,
};

use crate::paper::{GRAIN_SIZE, grain_alpha, paper_alpha, template_color, template_lines};
use crate::{Background, Brush, Drawing, Rgba};

fn color(c: Rgba, alpha: f32) -> Color {
    Color::from_rgba8(c.r, c.g, c.b, (c.a as f32 * alpha).round() as u8)
}

fn tile(alpha: &[u8]) -> Option<Pixmap> {
    let mut p = Pixmap::new(GRAIN_SIZE as u32, GRAIN_SIZE as u32)?;
    for (px, a) in p.pixels_mut().iter_mut().zip(alpha) {
        *px = tiny_skia::PremultipliedColorU8::from_rgba(0, 0, 0, *a)?;
    }
    Some(p)
}

pub(crate) fn polygon(points: &[[f32; 2]]) -> Option<tiny_skia::Path> {
    let mut pb = PathBuilder::new();
    let (first, rest) = points.split_first()?;
    pb.move_to(first[0], first[1]);
    for p in rest {
        pb.line_to(p[0], p[1]);
    }
    pb.close();
    pb.finish()
}

/// The drawing at `scale` (1.0 = one pixel per CSS px).
pub fn render_rgba(d: &Drawing, scale: f32) -> Option<Pixmap> {
    let (w, h) = (
        (d.width * scale).round().max(1.0) as u32,
        (d.height * scale).round().max(1.0) as u32,
    );
    let mut paper = Pixmap::new(w, h)?;
    paper.fill(color(d.background.color(), 1.0));
    let ts = Transform::from_scale(scale, scale);
    let full = tiny_skia::Rect::from_xywh(0.0, 0.0, d.width, d.height)?;
    if d.background == Background::Paper {
        let texture = tile(&paper_alpha())?;
        let paint = Paint {
            shader: Pattern::new(
                texture.as_ref(),
                SpreadMode::Repeat,
                FilterQuality::Nearest,
                1.0,
                Transform::identity(),
            ),
            ..Paint::default()
        };
        paper.fill_rect(full, &paint, ts, None);
    }
    let mut line = Paint::default();
    line.set_color(color(template_color(d.background), 1.0));
    line.anti_alias = true;
    let stroke = SkStroke {
        width: 2.0,
        line_cap: tiny_skia::LineCap::Round,
        line_join: tiny_skia::LineJoin::Round,
        ..Default::default()
    };
    for l in template_lines(d.template, d.width, d.height) {
        let mut pb = PathBuilder::new();
        if let Some((f, rest)) = l.split_first() {
            pb.move_to(f[0], f[1]);
            for p in rest {
                pb.line_to(p[0], p[1]);
            }
        }
        if let Some(path) = pb.finish() {
            paper.stroke_path(&path, &line, &stroke, ts, None);
        }
    }

    let mut ink = Pixmap::new(w, h)?;
    let grain = tile(&grain_alpha())?;
    for s in d.visible_strokes() {
        let Some(path) = polygon(&s.outline()) else {
            continue;
        };
        let params = s.style.brush.params();
        let mut paint = Paint {
            anti_alias: true,
            ..Default::default()
        };
        match s.style.brush {
            Brush::Eraser => {
                paint.set_color(Color::BLACK);
                paint.blend_mode = BlendMode::DestinationOut;
                ink.fill_path(&path, &paint, FillRule::Winding, ts, None);
            }
            brush => {
                paint.set_color(color(s.style.color, params.opacity));
                ink.fill_path(&path, &paint, FillRule::Winding, ts, None);
                if brush.grainy() {
                    let mut cut = Paint {
                        anti_alias: true,
                        blend_mode: BlendMode::DestinationOut,
                        ..Default::default()
                    };
                    cut.shader = Pattern::new(
                        grain.as_ref(),
                        SpreadMode::Repeat,
                        FilterQuality::Nearest,
                        1.0,
                        Transform::identity(),
                    );
                    ink.fill_path(&path, &cut, FillRule::Winding, ts, None);
                }
            }
        }
    }
    paper.draw_pixmap(
        0,
        0,
        ink.as_ref(),
        &tiny_skia::PixmapPaint::default(),
        Transform::identity(),
        None,
    );
    Some(paper)
}

/// A PNG of the drawing whose longer side is `max_side` pixels (a thumbnail, or full size).
pub fn render_png(d: &Drawing, max_side: u32) -> Option<Vec<u8>> {
    let scale = max_side as f32 / d.width.max(d.height).max(1.0);
    render_rgba(d, scale)?.encode_png().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BrushStyle, Event, InputPoint, Stroke, Template};

    fn line(brush: Brush, y: f32, c: Rgba) -> Event {
        Event::Stroke(Stroke {
            style: BrushStyle {
                brush,
                size: 20.0,
                color: c,
            },
            points: (0..=40)
                .map(|i| InputPoint::at(20.0 + i as f32 * 4.0, y, i as f64 * 16.0))
                .collect(),
        })
    }

    fn px(p: &Pixmap, x: u32, y: u32) -> [u8; 4] {
        let c = p.pixel(x, y).unwrap().demultiply();
        [c.red(), c.green(), c.blue(), c.alpha()]
    }

    #[test]
    fn a_red_marker_line_is_red_in_the_middle_and_the_paper_white_beside_it() {
        let mut d = Drawing::new(200.0, 100.0);
        d.push(line(Brush::Marker, 50.0, Rgba::rgb(220, 20, 20)));
        let p = render_rgba(&d, 1.0).unwrap();
        assert_eq!(px(&p, 100, 50), [220, 20, 20, 255]);
        assert_eq!(px(&p, 100, 90), [255, 255, 255, 255]);
    }

    #[test]
    fn the_eraser_brings_the_paper_back() {
        let mut d = Drawing::new(200.0, 100.0);
        d.background = Background::Black;
        d.push(line(Brush::Marker, 50.0, Rgba::rgb(250, 250, 250)));
        d.push(line(Brush::Eraser, 50.0, Rgba::rgb(0, 0, 0)));
        let p = render_rgba(&d, 1.0).unwrap();
        assert_eq!(px(&p, 100, 50), [24, 24, 26, 255]);
    }

    #[test]
    fn watercolour_builds_up_where_strokes_overlap() {
        let mut d = Drawing::new(200.0, 100.0);
        d.push(line(Brush::Watercolour, 50.0, Rgba::rgb(0, 0, 200)));
        let once = px(&render_rgba(&d, 1.0).unwrap(), 100, 50);
        d.push(line(Brush::Watercolour, 50.0, Rgba::rgb(0, 0, 200)));
        let twice = px(&render_rgba(&d, 1.0).unwrap(), 100, 50);
        assert!(once[0] > twice[0] + 30, "once {once:?}, twice {twice:?}");
        assert!(
            once[0] < 255 && once[0] > 120,
            "one wash is see-through: {once:?}"
        );
    }

    #[test]
    fn crayon_leaves_grain_with_some_pixels_lighter_than_others() {
        let mut d = Drawing::new(200.0, 100.0);
        d.push(line(Brush::Crayon, 50.0, Rgba::rgb(0, 0, 0)));
        let p = render_rgba(&d, 1.0).unwrap();
        let row: Vec<u8> = (60..140).map(|x| px(&p, x, 50)[0]).collect();
        let dark = row.iter().filter(|v| **v < 40).count();
        let light = row.iter().filter(|v| **v > 60).count();
        assert!(dark > 30 && light > 10, "dark {dark}, light {light}");
    }

    #[test]
    fn a_thumbnail_png_has_the_asked_size_and_the_template_shows() {
        let mut d = Drawing::new(800.0, 600.0);
        d.template = Template::Mandala;
        let png = render_png(&d, 320).unwrap();
        let p = Pixmap::decode_png(&png).unwrap();
        assert_eq!((p.width(), p.height()), (320, 240));
        // the outer ring crosses the horizontal centre line at 0.45·600 = 270 px right of centre
        let ring_x = ((400.0 + 270.0) * 0.4) as u32;
        assert!(px(&p, ring_x, 120)[0] < 240, "{:?}", px(&p, ring_x, 120));
    }
}
