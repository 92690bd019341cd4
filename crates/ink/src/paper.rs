//! What lies under the ink: template lines and the grain textures, shared by the browser's
//! canvas and the PNG renderer so both show the same paper.

use crate::{Background, Rgba, Template};

/// Side of the square grain tiles, px.
pub const GRAIN_SIZE: usize = 64;

/// A small deterministic xorshift, so every device draws the same grain.
fn noise(seed: u32) -> impl FnMut() -> u32 {
    let mut s = seed;
    move || {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        s
    }
}

/// Crayon grain: how much ink each pixel of a 64×64 tile takes away again (alpha 0–255, row
/// by row). About a third of the pixels lose part of their ink, which reads as chalk on paper.
pub fn grain_alpha() -> Vec<u8> {
    let mut next = noise(0x9e37_79b9);
    (0..GRAIN_SIZE * GRAIN_SIZE)
        .map(|_| {
            let v = next() % 100;
            if v < 35 { 60 + (v * 5) as u8 } else { 0 }
        })
        .collect()
}

/// Paper texture: a faint darkening per pixel of a 64×64 tile (alpha 0–20), over the paper colour.
pub fn paper_alpha() -> Vec<u8> {
    let mut next = noise(0x1234_5678);
    (0..GRAIN_SIZE * GRAIN_SIZE)
        .map(|_| (next() % 21) as u8)
        .collect()
}

/// Colour of template lines on this paper: light on dark, faint on light.
pub fn template_color(bg: Background) -> Rgba {
    match bg {
        Background::Black => Rgba::rgb(90, 90, 96),
        _ => Rgba::rgb(196, 196, 200),
    }
}

/// Half of a front-view body, in a 100×200 box, from the neck down and back up to the crotch.
const BODY_HALF: [[f32; 2]; 17] = [
    [45.0, 31.0],
    [26.0, 38.0],
    [18.0, 70.0],
    [14.0, 98.0],
    [17.0, 105.0],
    [22.0, 97.0],
    [28.0, 68.0],
    [32.0, 52.0],
    [34.0, 100.0],
    [32.0, 114.0],
    [34.0, 150.0],
    [36.0, 186.0],
    [26.0, 195.0],
    [40.0, 197.0],
    [44.0, 186.0],
    [46.0, 150.0],
    [50.0, 120.0],
];

/// The template as polylines in paper coordinates, for a paper of `w`×`h`.
pub fn template_lines(t: Template, w: f32, h: f32) -> Vec<Vec<[f32; 2]>> {
    let circle = |cx: f32, cy: f32, r: f32| -> Vec<[f32; 2]> {
        (0..=64)
            .map(|k| {
                let a = k as f32 / 64.0 * std::f32::consts::TAU;
                [cx + r * a.cos(), cy + r * a.sin()]
            })
            .collect()
    };
    match t {
        Template::Blank => Vec::new(),
        Template::Mandala => {
            let (cx, cy, r) = (w / 2.0, h / 2.0, 0.45 * w.min(h));
            let mut lines: Vec<_> = [1.0, 0.75, 0.5, 0.25]
                .iter()
                .map(|f| circle(cx, cy, r * f))
                .collect();
            for k in 0..12 {
                let a = k as f32 / 12.0 * std::f32::consts::TAU;
                lines.push(vec![
                    [cx + 0.25 * r * a.cos(), cy + 0.25 * r * a.sin()],
                    [cx + r * a.cos(), cy + r * a.sin()],
                ]);
            }
            lines
        }
        Template::BodyFront => {
            // Fit the 100×200 figure in 86% of the height, centred.
            let s = (0.86 * h / 200.0).min(0.86 * w / 100.0);
            let (ox, oy) = (w / 2.0 - 50.0 * s, h / 2.0 - 100.0 * s);
            let at = |p: [f32; 2]| [ox + p[0] * s, oy + p[1] * s];
            let mut body: Vec<[f32; 2]> = BODY_HALF.iter().map(|p| at(*p)).collect();
            body.extend(
                BODY_HALF
                    .iter()
                    .rev()
                    .skip(1)
                    .map(|p| at([100.0 - p[0], p[1]])),
            );
            body.push(body[0]);
            let head = circle(ox + 50.0 * s, oy + 17.0 * s, 13.0 * s);
            vec![head, body]
        }
        Template::HouseTreePerson => {
            let m = 0.04 * w.min(h);
            let (x0, y0, x1, y1) = (m, m, w - m, h - m);
            let third = (x1 - x0) / 3.0;
            vec![
                vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]],
                vec![[x0 + third, y0], [x0 + third, y1]],
                vec![[x0 + 2.0 * third, y0], [x0 + 2.0 * third, y1]],
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grain_is_the_same_on_every_call_and_about_a_third_holes() {
        let g = grain_alpha();
        assert_eq!(g, grain_alpha());
        let holes = g.iter().filter(|a| **a > 0).count() as f32 / g.len() as f32;
        assert!((0.30..0.40).contains(&holes), "{holes}");
    }

    #[test]
    fn the_body_template_is_one_closed_outline_and_a_head_inside_the_paper() {
        let lines = template_lines(Template::BodyFront, 800.0, 600.0);
        assert_eq!(lines.len(), 2);
        let body = &lines[1];
        assert_eq!(body.first(), body.last());
        assert!(
            lines
                .iter()
                .flatten()
                .all(|p| (0.0..=800.0).contains(&p[0]) && (0.0..=600.0).contains(&p[1]))
        );
    }

    #[test]
    fn the_mandala_has_four_rings_and_twelve_rays() {
        assert_eq!(template_lines(Template::Mandala, 500.0, 500.0).len(), 16);
        assert!(template_lines(Template::Blank, 500.0, 500.0).is_empty());
    }
}
