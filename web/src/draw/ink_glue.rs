//! Everything the drawing screen asks of `speelruimte_ink`, in one place: the board (the
//! drawing with its events, the live strokes by pointer, the clock origin) and how outlines
//! and paper are painted on a 2D canvas.

use std::collections::HashMap;

use speelruimte_ink::{
    self as ink, Background, Brush, BrushStyle, Drawing, Event, InputPoint, LiveStroke, Rgba,
    Stroke, Template,
};
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, PointerEvent};

use leptos::prelude::GetUntracked;

use super::tools::Tools;

/// A stroke being drawn by one pointer, in a group by one child (their place in the group).
struct Live {
    builder: LiveStroke,
    player: Option<u8>,
}

/// A group drawing: each child's avatar colour, and who drew each stroke.
#[derive(Default)]
pub struct GroupInk {
    /// Each participant's ink colour (their avatar's), by player.
    pub colours: Vec<Rgba>,
    /// The player of every stroke in the drawing, in order (undone ones included).
    pub players: Vec<u8>,
    /// Pointers that went down on a child's dock and have not reached the paper yet: the
    /// player and where the pointer went down (frame px).
    pub bound: HashMap<i32, (u8, (f64, f64))>,
    /// The child whose dock was touched last: a finger put straight onto the paper draws as
    /// them.
    pub selected: Option<u8>,
}

/// The drawing being made, with what is still under a finger or pen.
pub struct Board {
    pub drawing: Drawing,
    live: HashMap<i32, Live>,
    origin: Option<f64>,
    /// Once a pen has touched the paper.
    pub pen_seen: bool,
    /// In a group, who is who.
    pub group: Option<GroupInk>,
    /// In a group, who takes part (kept with the drawing on the tablet).
    pub participants: Option<Vec<speelruimte_model::Participant>>,
}

impl Default for Board {
    fn default() -> Self {
        Self {
            drawing: Drawing::new(1.0, 1.0),
            live: HashMap::new(),
            origin: None,
            pen_seen: false,
            group: None,
            participants: None,
        }
    }
}

impl Board {
    /// What is kept on the tablet as work in progress (see `super::draft`).
    pub fn draft_bytes(&self) -> Vec<u8> {
        let group = self
            .participants
            .clone()
            .zip(self.group.as_ref())
            .map(|(participants, g)| super::draft::KeptGroup {
                participants,
                players: g.players.clone(),
            });
        super::draft::to_bytes(&self.drawing, group.as_ref())
    }

    /// Paper width in CSS pixels.
    pub fn width(&self) -> f32 {
        self.drawing.width
    }

    /// Paper height in CSS pixels.
    pub fn height(&self) -> f32 {
        self.drawing.height
    }

    /// Follows the frame's size (a rotated tablet); strokes keep their coordinates.
    pub fn set_size(&mut self, w: f32, h: f32) {
        self.drawing.width = w;
        self.drawing.height = h;
    }

    /// Sets background and template.
    pub fn set_paper(&mut self, background: Background, template: Template) {
        self.drawing.background = background;
        self.drawing.template = template;
    }

    /// The event time origin (ms, `performance.now()` clock), fixed by the first point. After a
    /// restore, new strokes continue one second after the last one.
    pub fn origin_ms(&mut self, now: f64) -> f64 {
        *self.origin.get_or_insert_with(|| {
            now - self
                .drawing
                .last_time_ms()
                .map(|t| t + 1000.0)
                .unwrap_or(0.0)
        })
    }

    /// Begins a stroke for pointer `id`.
    /// In a group, `player` draws it, in their own colour.
    pub fn start_stroke(&mut self, id: i32, tools: Tools, first: InputPoint, player: Option<u8>) {
        let own = self.group.as_ref().zip(player);
        let color = match own.and_then(|(g, p)| g.colours.get(usize::from(p))) {
            Some(c) => *c,
            None => parse_hex(&tools.colour.get_untracked()),
        };
        let style = BrushStyle {
            brush: tools.brush.get_untracked(),
            size: tools.size.get_untracked(),
            color,
        };
        let mut builder = LiveStroke::new(style);
        builder.push(first);
        self.live.insert(id, Live { builder, player });
    }

    /// Takes back `player`'s latest stroke that still shows, also from under another child's
    /// later strokes: a child undoes only their own work, never someone else's.
    pub fn undo_of(&mut self, player: u8) -> bool {
        match self.last_of(player) {
            Some(n) => {
                self.drawing.push(Event::Withdraw(n));
                true
            }
            None => false,
        }
    }

    /// Whether `player` has a stroke to take back (see [`Self::undo_of`]).
    pub fn can_undo_of(&self, player: u8) -> bool {
        self.last_of(player).is_some()
    }

    /// The number of `player`'s latest stroke that shows.
    fn last_of(&self, player: u8) -> Option<usize> {
        let g = self.group.as_ref()?;
        self.drawing
            .visible_stroke_numbers()
            .into_iter()
            .rev()
            .find(|n| g.players.get(*n) == Some(&player))
    }

    /// Whether pointer `id` is drawing.
    pub fn is_live(&self, id: i32) -> bool {
        self.live.contains_key(&id)
    }

    /// Adds a point to pointer `id`'s stroke.
    pub fn extend_stroke(&mut self, id: i32, p: InputPoint) {
        if let Some(l) = self.live.get_mut(&id) {
            l.builder.push(p);
        }
    }

    /// Ends pointer `id`'s stroke and keeps it in the drawing; returns it for painting.
    pub fn finish_stroke(&mut self, id: i32) -> Option<Stroke> {
        let live = self.live.remove(&id)?;
        let stroke = live.builder.finish();
        let before = self.drawing.events.len();
        self.drawing.push(Event::Stroke(stroke.clone()));
        if let (Some(g), Some(p)) = (&mut self.group, live.player)
            && self.drawing.events.len() > before
        {
            g.players.push(p);
        }
        Some(stroke)
    }

    /// Whether a stroke is being drawn.
    pub fn is_drawing(&self) -> bool {
        !self.live.is_empty()
    }

    /// The strokes being drawn, by pointer.
    pub fn live_strokes(&self) -> impl Iterator<Item = (i32, &LiveStroke)> {
        self.live.iter().map(|(id, l)| (*id, &l.builder))
    }

    /// Strokes that show (after undo, redo and clear).
    pub fn visible_count(&self) -> usize {
        self.drawing.visible_strokes().len()
    }
}

#[wasm_bindgen]
extern "C" {
    /// A pointer event's fields as the browser has them. web-sys reads `clientX`/`clientY` as
    /// whole pixels (an older spec's `long`); pens report fractions of a pixel.
    #[wasm_bindgen(extends = PointerEvent)]
    pub type Sample;
    #[wasm_bindgen(method, getter, js_name = clientX)]
    pub fn client_x(this: &Sample) -> f64;
    #[wasm_bindgen(method, getter, js_name = clientY)]
    pub fn client_y(this: &Sample) -> f64;
    #[wasm_bindgen(method, getter, js_name = tiltX)]
    fn tilt_x(this: &Sample) -> Option<f64>;
    #[wasm_bindgen(method, getter, js_name = tiltY)]
    fn tilt_y(this: &Sample) -> Option<f64>;
}

/// An ink input point from a pointer event of a pointer of `kind` ("pen", "touch", "mouse"),
/// at paper position (x, y).
pub fn input_point(ev: &PointerEvent, kind: &str, x: f32, y: f32, origin: f64) -> InputPoint {
    let pen = kind == "pen";
    let sample: &Sample = ev.unchecked_ref();
    // Mice and most fingers report a flat 0.5 while pressed: that is no pressure at all,
    // so ink simulates it from speed instead.
    InputPoint {
        x,
        y,
        pressure: pen.then(|| ev.pressure().max(0.05)),
        t_ms: (ev.time_stamp() - origin).max(0.0),
        tilt_x: if pen {
            sample.tilt_x().map(|v| v as f32)
        } else {
            None
        },
        tilt_y: if pen {
            sample.tilt_y().map(|v| v as f32)
        } else {
            None
        },
    }
}

/// "#rrggbb" to a colour; black when it cannot be read.
pub fn parse_hex(hex: &str) -> Rgba {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    Rgba {
        r: byte(0),
        g: byte(2),
        b: byte(4),
        a: 255,
    }
}

fn css(c: Rgba) -> String {
    format!("rgba({},{},{},{})", c.r, c.g, c.b, c.a as f32 / 255.0)
}

/// Fills an outline polygon.
fn fill_polygon(c: &CanvasRenderingContext2d, outline: &[[f32; 2]]) {
    let Some(first) = outline.first() else { return };
    c.begin_path();
    c.move_to(first[0] as f64, first[1] as f64);
    for p in &outline[1..] {
        c.line_to(p[0] as f64, p[1] as f64);
    }
    c.close_path();
    c.fill();
}

/// Paints one outline with its brush: opacity per brush, watercolour building up, a grainy
/// brush through a grain mask, the eraser cutting through the ink layer down to the paper.
pub fn paint_outline(c: &CanvasRenderingContext2d, outline: &[[f32; 2]], style: &BrushStyle) {
    c.save();
    if style.brush == Brush::Eraser {
        let _ = c.set_global_composite_operation("destination-out");
        c.set_fill_style_str("#000");
        fill_polygon(c, outline);
    } else {
        c.set_global_alpha(style.brush.params().opacity as f64);
        fill_with_grain(c, outline, style);
    }
    c.restore();
}

/// Paints (part of) a live stroke's outline opaque: the pieces of a live stroke overlap, and
/// its canvases show with the brush's opacity as a whole. The eraser shows as a grey shadow.
pub fn paint_opaque(c: &CanvasRenderingContext2d, outline: &[[f32; 2]], style: &BrushStyle) {
    c.save();
    if style.brush == Brush::Eraser {
        c.set_fill_style_str("rgb(128,128,128)");
        fill_polygon(c, outline);
    } else {
        fill_with_grain(c, outline, style);
    }
    c.restore();
}

/// Fills an outline in the brush's colour; a grainy brush ([`Brush::grainy`]) then loses
/// its grain (small holes knocked into what was just painted).
fn fill_with_grain(c: &CanvasRenderingContext2d, outline: &[[f32; 2]], style: &BrushStyle) {
    c.set_fill_style_str(&css(style.color));
    fill_polygon(c, outline);
    if style.brush.grainy() {
        let _ = c.set_global_composite_operation("destination-out");
        c.set_global_alpha(1.0);
        if let Some(p) = tile_pattern(c, false) {
            c.set_fill_style_canvas_pattern(&p);
            fill_polygon(c, outline);
        }
    }
}

thread_local! {
    static TILES: std::cell::RefCell<Vec<(bool, web_sys::HtmlCanvasElement)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A repeating pattern of one of ink's 64×64 alpha tiles (crayon grain, or paper texture),
/// the same tiles the PNG renderer uses.
fn tile_pattern(c: &CanvasRenderingContext2d, paper: bool) -> Option<web_sys::CanvasPattern> {
    use wasm_bindgen::JsCast;
    let tile = TILES.with(|t| {
        if let Some((_, canvas)) = t.borrow().iter().find(|(k, _)| *k == paper) {
            return Some(canvas.clone());
        }
        let doc = web_sys::window()?.document()?;
        let canvas: web_sys::HtmlCanvasElement =
            doc.create_element("canvas").ok()?.dyn_into().ok()?;
        let n = ink::GRAIN_SIZE as u32;
        canvas.set_width(n);
        canvas.set_height(n);
        let cx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let alpha = if paper {
            ink::paper_alpha()
        } else {
            ink::grain_alpha()
        };
        let rgba: Vec<u8> = alpha.iter().flat_map(|a| [0, 0, 0, *a]).collect();
        let data = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
            wasm_bindgen::Clamped(&rgba),
            n,
            n,
        )
        .ok()?;
        cx.put_image_data(&data, 0.0, 0.0).ok()?;
        t.borrow_mut().push((paper, canvas.clone()));
        Some(canvas)
    })?;
    c.create_pattern_with_html_canvas_element(&tile, "repeat")
        .ok()
        .flatten()
}

/// Paints every visible stroke of a drawing.
pub fn paint_drawing_strokes(c: &CanvasRenderingContext2d, d: &Drawing) {
    for s in d.visible_strokes() {
        paint_outline(c, &s.outline(), &s.style);
    }
}

/// Paints background and template.
pub fn paint_paper(c: &CanvasRenderingContext2d, board: &Board) {
    paint_drawing_paper(c, &board.drawing);
}

/// Paints a drawing's background and template.
pub fn paint_drawing_paper(c: &CanvasRenderingContext2d, d: &Drawing) {
    let (w, h) = (d.width as f64, d.height as f64);
    c.save();
    c.set_fill_style_str(&css(d.background.color()));
    c.fill_rect(0.0, 0.0, w, h);
    if d.background == Background::Paper
        && let Some(p) = tile_pattern(c, true)
    {
        c.set_fill_style_canvas_pattern(&p);
        c.fill_rect(0.0, 0.0, w, h);
    }
    let lines = ink::template_lines(d.template, d.width, d.height);
    c.set_stroke_style_str(&css(ink::template_color(d.background)));
    c.set_line_width(2.0);
    c.set_line_cap("round");
    c.set_line_join("round");
    for line in lines {
        let Some(first) = line.first() else { continue };
        c.begin_path();
        c.move_to(first[0] as f64, first[1] as f64);
        for p in &line[1..] {
            c.line_to(p[0] as f64, p[1] as f64);
        }
        c.stroke();
    }
    c.restore();
}
