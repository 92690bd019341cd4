//! Pan and zoom of the paper with two fingers (in pen mode), as a pure transform: the paper
//! keeps its own coordinates, the screen shows it scaled and moved.

/// Scale and offset of the paper on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewTransform {
    /// Zoom factor (1 = the whole paper fits the frame).
    pub scale: f64,
    /// Horizontal offset on screen, in CSS px.
    pub tx: f64,
    /// Vertical offset on screen, in CSS px.
    pub ty: f64,
}

impl Default for ViewTransform {
    fn default() -> Self {
        Self {
            scale: 1.0,
            tx: 0.0,
            ty: 0.0,
        }
    }
}

/// Most and least zoom.
const MAX_SCALE: f64 = 4.0;
const MIN_SCALE: f64 = 1.0;

/// A two-finger gesture: the transform and the finger positions when it began.
#[derive(Clone, Copy, Debug)]
pub struct Pinch {
    start: ViewTransform,
    a0: (f64, f64),
    b0: (f64, f64),
}

impl Pinch {
    /// Starts a pinch with fingers at `a` and `b` (screen coordinates relative to the frame).
    pub fn new(start: ViewTransform, a: (f64, f64), b: (f64, f64)) -> Self {
        Self {
            start,
            a0: a,
            b0: b,
        }
    }

    /// The transform for fingers now at `a` and `b`: the paper point under the first midpoint
    /// stays under the current midpoint, scaled by how far the fingers spread.
    pub fn update(&self, a: (f64, f64), b: (f64, f64), frame: (f64, f64)) -> ViewTransform {
        let d0 = dist(self.a0, self.b0).max(1.0);
        let scale = (self.start.scale * dist(a, b) / d0).clamp(MIN_SCALE, MAX_SCALE);
        let m0 = mid(self.a0, self.b0);
        let m1 = mid(a, b);
        // paper point under m0 at the start
        let px = (m0.0 - self.start.tx) / self.start.scale;
        let py = (m0.1 - self.start.ty) / self.start.scale;
        clamp(
            ViewTransform {
                scale,
                tx: m1.0 - px * scale,
                ty: m1.1 - py * scale,
            },
            frame,
        )
    }
}

/// Keeps the paper covering the frame: no empty margins when zoomed in.
fn clamp(v: ViewTransform, (w, h): (f64, f64)) -> ViewTransform {
    let tx = v.tx.clamp(w - w * v.scale, 0.0);
    let ty = v.ty.clamp(h - h * v.scale, 0.0);
    ViewTransform { tx, ty, ..v }
}

fn dist(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

fn mid(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreading_two_fingers_to_twice_their_distance_zooms_in_twice() {
        let p = Pinch::new(ViewTransform::default(), (100.0, 100.0), (200.0, 100.0));
        let v = p.update((50.0, 100.0), (250.0, 100.0), (1000.0, 800.0));
        assert_eq!(v.scale, 2.0);
        // the paper point (150, 100) under the midpoint stays there
        assert_eq!(150.0 * v.scale + v.tx, 150.0);
    }

    #[test]
    fn the_paper_cannot_be_pushed_off_the_frame() {
        let p = Pinch::new(ViewTransform::default(), (100.0, 100.0), (200.0, 100.0));
        let v = p.update((600.0, 500.0), (700.0, 500.0), (1000.0, 800.0));
        assert_eq!(v, ViewTransform::default());
    }
}
