//! A stroke of every brush drawn off the page, a little per frame while the pen rests after
//! the paper got its size (see [`super::live::LiveViews::warm_step`]), through the same code a
//! real stroke takes (live pieces, squares put together, the finished stroke laid on, the
//! ink layer's painting), onto a canvas that never shows.
//!
//! Why: the browser compiles the app's code a function at a time when it is first called, and
//! the live grid makes its off-page canvases on first use, so the first stroke of a drawing
//! cost several times what later ones do. Measured under B5's throttled CPU (4×): the frame in
//! which the first stroke ended was late in 5 of 8 drawings (pen-up 11–18 ms of script against
//! 1–7 ms for later strokes); with one stroke drawn before, in none of 7.

use std::collections::{BTreeSet, HashMap};

use speelruimte_ink::{Brush, BrushStyle, InputPoint, LiveStroke, Rgba};

use super::ink_glue as glue;
use super::scrap::Scrap;
use super::stroke_view::{Ctx, View, put_together};
use super::tiles::TILE;

/// Points of a rehearsal stroke, and how many are drawn per frame.
const POINTS: usize = 96;
const POINTS_PER_FRAME: usize = 24;

/// How far the rehearsal got.
#[derive(Default)]
pub struct Rehearsal {
    /// The next brush (index into [`Brush::ALL`]).
    next: usize,
    going: Option<Going>,
    /// Where squares are put together (never on the page).
    target: Option<Scrap>,
}

/// The stroke being rehearsed.
struct Going {
    stroke: LiveStroke,
    view: View,
    points: usize,
}

impl Rehearsal {
    /// Whether every brush has been rehearsed.
    pub fn done(&self) -> bool {
        self.next >= Brush::ALL.len()
    }

    /// Drops the stroke being rehearsed (the paper changed size), giving its scraps back.
    pub fn drop_going(&mut self, at: &mut Ctx) {
        if let Some(mut going) = self.going.take() {
            going.view.reset(&mut at.scraps);
        }
    }

    /// One frame's part: the next few points of the stroke, or the stroke's end.
    pub fn step(&mut self, at: &mut Ctx, union: &Scrap) {
        if self.done() {
            return;
        }
        if self.target.is_none() {
            self.target = Scrap::new();
        }
        let Some(target) = &self.target else {
            self.next = Brush::ALL.len();
            return;
        };
        let brush = Brush::ALL[self.next];
        let going = self.going.get_or_insert_with(|| {
            let style = BrushStyle {
                brush,
                size: 12.0,
                color: Rgba::rgb(40, 40, 40),
            };
            Going {
                stroke: LiveStroke::new(style),
                view: View::new(style),
                points: 0,
            }
        });
        let upto = (going.points + POINTS_PER_FRAME).min(POINTS);
        for i in going.points..upto {
            going.stroke.push(point(i, at.pw));
        }
        going.points = upto;
        let mut dirty = BTreeSet::new();
        going.view.update(&going.stroke, at, &mut dirty);
        for key in dirty {
            target.fit(key, at.dpr);
            let views = std::iter::once(&going.view);
            put_together(&target.ctx, key, None, views, union, at.dpr);
        }
        if upto < POINTS {
            return;
        }
        let Some(Going {
            stroke, mut view, ..
        }) = self.going.take()
        else {
            return;
        };
        let mut done = HashMap::new();
        for key in view.finish_onto(&mut done, at) {
            target.fit(key, at.dpr);
            put_together(
                &target.ctx,
                key,
                done.get(&key),
                std::iter::empty(),
                union,
                at.dpr,
            );
        }
        at.scraps.give_all(&mut done);
        let stroke = stroke.finish();
        target.fit((0, 0), at.dpr);
        glue::paint_outline(&target.ctx, &stroke.outline(), &stroke.style);
        self.next += 1;
    }
}

/// Point `i` of a rehearsal stroke: a wave across the top two rows of squares of a paper `pw`
/// CSS px wide (so that the spare scraps it leaves are enough for a long stroke), drawn with a
/// pen at 120 points a second.
fn point(i: usize, pw: f64) -> InputPoint {
    let f = i as f32 / (POINTS - 1) as f32;
    InputPoint::pen(
        8.0 + f * (pw as f32 - 16.0).max(0.0),
        TILE as f32 + 96.0 * (f * 12.0).sin(),
        0.3 + 0.5 * (f * 5.0).sin().abs(),
        i as f64 * 1000.0 / 120.0,
    )
}
