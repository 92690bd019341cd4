//! A drawing as it was made: paper, template, and the ordered events (strokes, undo, redo,
//! clear), so replay and process metrics see erasing and undoing as they happened.

use serde::{Deserialize, Serialize};

use crate::stages::InputPoint;
use crate::{BrushStyle, Rgba, live::outline_full};

/// The paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Background {
    /// Plain white.
    White,
    /// Warm drawing paper with a fine grain.
    Paper,
    /// Black (for chalk and light colours).
    Black,
}

impl Background {
    /// The paper's base colour.
    pub fn color(self) -> Rgba {
        match self {
            Self::White => Rgba::rgb(255, 255, 255),
            Self::Paper => Rgba::rgb(246, 239, 224),
            Self::Black => Rgba::rgb(24, 24, 26),
        }
    }

    /// Every paper.
    pub const ALL: [Background; 3] = [Self::White, Self::Paper, Self::Black];

    /// The one-byte code the encoding stores, fixed per paper for ever (not its position in
    /// the enum); a new paper takes the next unused number.
    pub fn code(self) -> u8 {
        match self {
            Self::White => 0,
            Self::Paper => 1,
            Self::Black => 2,
        }
    }

    /// Inverse of [`Background::code`].
    pub fn from_code(c: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == c)
    }
}

/// A template drawn lightly under the ink.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    /// Nothing.
    Blank,
    /// A front-view body outline (for *lichaamsbeleving*).
    BodyFront,
    /// Concentric circles with radial lines.
    Mandala,
    /// A frame divided in three for house, tree and person.
    HouseTreePerson,
}

impl Template {
    /// Every template.
    pub const ALL: [Template; 4] = [
        Self::Blank,
        Self::BodyFront,
        Self::Mandala,
        Self::HouseTreePerson,
    ];

    /// The one-byte code the encoding stores, fixed per template for ever (not its position
    /// in the enum); a new template takes the next unused number.
    pub fn code(self) -> u8 {
        match self {
            Self::Blank => 0,
            Self::BodyFront => 1,
            Self::Mandala => 2,
            Self::HouseTreePerson => 3,
        }
    }

    /// Inverse of [`Template::code`].
    pub fn from_code(c: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == c)
    }
}

/// A finished stroke: its brush and every input point as it came in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stroke {
    /// Brush, size and colour.
    pub style: BrushStyle,
    /// The input points.
    pub points: Vec<InputPoint>,
}

impl Stroke {
    /// The stroke's outline polygon.
    pub fn outline(&self) -> Vec<[f32; 2]> {
        outline_full(&self.points, &self.style)
    }

    /// Time of the first point, ms.
    pub fn start_ms(&self) -> f64 {
        self.points.first().map(|p| p.t_ms).unwrap_or(0.0)
    }

    /// Time of the last point, ms.
    pub fn end_ms(&self) -> f64 {
        self.points.last().map(|p| p.t_ms).unwrap_or(0.0)
    }
}

/// What happened, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// A stroke was drawn.
    Stroke(Stroke),
    /// The last stroke or clear was undone.
    Undo,
    /// The last undone step was done again.
    Redo,
    /// Everything was wiped (and can be undone).
    Clear,
    /// The stroke with this number (its place among all strokes ever drawn) was taken back by
    /// the one who drew it. In a group on one tablet a child undoes their own stroke even when
    /// another child drew after it; a plain undo could only take back the last step.
    Withdraw(usize),
}

/// A drawing and its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drawing {
    /// Paper width, CSS px.
    pub width: f32,
    /// Paper height, CSS px.
    pub height: f32,
    /// Paper.
    pub background: Background,
    /// Template.
    pub template: Template,
    /// Events in order.
    pub events: Vec<Event>,
}

/// A step that undo and redo act on.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Stroke(usize),
    Clear,
}

impl Drawing {
    /// Blank white paper of this size.
    pub fn new(width: f32, height: f32) -> Self {
        Self {
            width,
            height,
            background: Background::White,
            template: Template::Blank,
            events: Vec::new(),
        }
    }

    /// Adds an event. Undo with nothing to undo, or redo with nothing to redo, is ignored.
    pub fn push(&mut self, event: Event) {
        let ok = match event {
            Event::Undo => self.can_undo(),
            Event::Redo => self.can_redo(),
            Event::Clear => !self.visible_strokes().is_empty(),
            Event::Stroke(ref s) => !s.points.is_empty(),
            Event::Withdraw(n) => self.visible_stroke_numbers().contains(&n),
        };
        if ok {
            self.events.push(event);
        }
    }

    /// Applies the history: (done steps, undone steps waiting for redo).
    fn steps(&self) -> (Vec<Step>, Vec<Step>) {
        let (mut done, mut undone) = (Vec::new(), Vec::new());
        // The event index of each stroke, by its number.
        let mut strokes = Vec::new();
        for (i, e) in self.events.iter().enumerate() {
            match e {
                Event::Stroke(_) => {
                    strokes.push(i);
                    done.push(Step::Stroke(i));
                    undone.clear();
                }
                Event::Withdraw(n) => {
                    if let Some(&at) = strokes.get(*n) {
                        done.retain(|s| *s != Step::Stroke(at));
                        undone.retain(|s| *s != Step::Stroke(at));
                    }
                }
                Event::Clear => {
                    done.push(Step::Clear);
                    undone.clear();
                }
                Event::Undo => {
                    if let Some(s) = done.pop() {
                        undone.push(s);
                    }
                }
                Event::Redo => {
                    if let Some(s) = undone.pop() {
                        done.push(s);
                    }
                }
            }
        }
        (done, undone)
    }

    /// The event indices of the strokes that show now, in drawing order.
    fn visible_events(&self) -> Vec<usize> {
        let (done, _) = self.steps();
        let from = done
            .iter()
            .rposition(|s| *s == Step::Clear)
            .map(|i| i + 1)
            .unwrap_or(0);
        done[from..]
            .iter()
            .filter_map(|s| match s {
                Step::Stroke(i) => Some(*i),
                Step::Clear => None,
            })
            .collect()
    }

    /// The strokes that show now, in drawing order.
    pub fn visible_strokes(&self) -> Vec<&Stroke> {
        self.visible_events()
            .into_iter()
            .filter_map(|i| match &self.events[i] {
                Event::Stroke(st) => Some(st),
                _ => None,
            })
            .collect()
    }

    /// The numbers (places among [`Self::all_strokes`]) of the strokes that show now, in
    /// drawing order.
    pub fn visible_stroke_numbers(&self) -> Vec<usize> {
        let visible = self.visible_events();
        let mut numbers = Vec::with_capacity(visible.len());
        let mut n = 0;
        for (i, e) in self.events.iter().enumerate() {
            if matches!(e, Event::Stroke(_)) {
                if visible.binary_search(&i).is_ok() {
                    numbers.push(n);
                }
                n += 1;
            }
        }
        numbers
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.steps().0.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.steps().1.is_empty()
    }

    /// Every stroke ever drawn, including undone and cleared ones.
    pub fn all_strokes(&self) -> impl Iterator<Item = &Stroke> {
        self.events.iter().filter_map(|e| match e {
            Event::Stroke(s) => Some(s),
            _ => None,
        })
    }

    /// Time of the last point drawn, if any.
    pub fn last_time_ms(&self) -> Option<f64> {
        self.all_strokes().map(Stroke::end_ms).reduce(f64::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Brush, InputPoint, Rgba};

    fn stroke(x: f32) -> Event {
        Event::Stroke(Stroke {
            style: BrushStyle {
                brush: Brush::Marker,
                size: 4.0,
                color: Rgba::rgb(0, 0, 0),
            },
            points: vec![InputPoint::at(x, 0.0, 0.0), InputPoint::at(x, 10.0, 10.0)],
        })
    }

    fn xs(d: &Drawing) -> Vec<f32> {
        d.visible_strokes().iter().map(|s| s.points[0].x).collect()
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth_through_strokes() {
        let mut d = Drawing::new(100.0, 100.0);
        d.push(stroke(1.0));
        d.push(stroke(2.0));
        d.push(Event::Undo);
        assert_eq!(xs(&d), [1.0]);
        d.push(Event::Redo);
        assert_eq!(xs(&d), [1.0, 2.0]);
        assert!(!d.can_redo());
    }

    #[test]
    fn a_clear_can_be_undone() {
        let mut d = Drawing::new(100.0, 100.0);
        d.push(stroke(1.0));
        d.push(Event::Clear);
        assert_eq!(xs(&d), Vec::<f32>::new());
        d.push(Event::Undo);
        assert_eq!(xs(&d), [1.0]);
    }

    #[test]
    fn a_new_stroke_after_undo_drops_what_could_be_redone() {
        let mut d = Drawing::new(100.0, 100.0);
        d.push(stroke(1.0));
        d.push(Event::Undo);
        d.push(stroke(3.0));
        assert!(!d.can_redo());
        d.push(Event::Redo);
        assert_eq!(xs(&d), [3.0]);
        assert_eq!(
            d.events.len(),
            3,
            "a redo with nothing to redo is not recorded"
        );
    }

    #[test]
    fn a_withdrawn_stroke_goes_from_under_later_ones_and_only_once() {
        let mut d = Drawing::new(100.0, 100.0);
        d.push(stroke(1.0));
        d.push(stroke(2.0));
        d.push(stroke(3.0));
        d.push(Event::Withdraw(0));
        assert_eq!(xs(&d), [2.0, 3.0]);
        assert_eq!(d.visible_stroke_numbers(), [1, 2]);
        d.push(Event::Withdraw(0));
        d.push(Event::Withdraw(7));
        assert_eq!(
            d.events.len(),
            4,
            "withdrawing what does not show is not recorded"
        );
        d.push(Event::Undo);
        assert_eq!(xs(&d), [2.0], "undo still takes back the last step");
    }

    #[test]
    fn a_cleared_stroke_cannot_be_withdrawn() {
        let mut d = Drawing::new(100.0, 100.0);
        d.push(stroke(1.0));
        d.push(Event::Clear);
        d.push(Event::Withdraw(0));
        assert_eq!(d.events.len(), 2);
        d.push(Event::Undo);
        assert_eq!(xs(&d), [1.0], "undoing the clear brings the stroke back");
    }
}
