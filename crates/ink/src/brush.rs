//! Brushes as data: how each one turns pressure into width and how it lays down colour.

use serde::{Deserialize, Serialize};

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgba {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Alpha (255 = opaque).
    pub a: u8,
}

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    /// "#rrggbb".
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// The five brushes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Brush {
    /// Thin, pressure-hungry, slightly soft: a graphite pencil.
    Pencil,
    /// Even width, opaque: a felt marker.
    Marker,
    /// Soft and see-through; overlapping strokes build up colour.
    Watercolour,
    /// Wide, grainy: crayon or chalk.
    Crayon,
    /// Takes ink away down to the paper.
    Eraser,
}

impl Brush {
    /// All brushes, in the order the toolbar shows them (the toolbar reads this list; the
    /// order is free to change: the stored [`Brush::code`] does not depend on it).
    pub const ALL: [Brush; 5] = [
        Self::Pencil,
        Self::Marker,
        Self::Watercolour,
        Self::Crayon,
        Self::Eraser,
    ];

    /// The one-byte code the encoding stores, fixed per brush for ever: saved drawings keep
    /// their brushes whatever the order of the enum or of [`Brush::ALL`]. A new brush takes
    /// the next unused number; a code is never reused.
    pub fn code(self) -> u8 {
        match self {
            Self::Pencil => 0,
            Self::Marker => 1,
            Self::Watercolour => 2,
            Self::Crayon => 3,
            Self::Eraser => 4,
        }
    }

    /// Inverse of [`Brush::code`]; `None` for a code no brush has.
    pub fn from_code(c: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == c)
    }

    /// Whether the brush lays its colour down with holes of paper grain knocked into it
    /// (crayon, chalk). Both painters, the browser's canvas and ink's PNG renderer, ask this.
    pub fn grainy(self) -> bool {
        matches!(self, Self::Crayon)
    }

    /// The brush's parameters.
    pub fn params(self) -> BrushParams {
        match self {
            Self::Pencil => BrushParams {
                thinning: 0.7,
                smoothing: 0.5,
                streamline: 0.45,
                taper_start: 12.0,
                taper_end: 12.0,
                opacity: 0.92,
                curve: 0.35,
            },
            Self::Marker => BrushParams {
                thinning: 0.15,
                smoothing: 0.5,
                streamline: 0.5,
                taper_start: 0.0,
                taper_end: 0.0,
                opacity: 1.0,
                curve: 0.0,
            },
            Self::Watercolour => BrushParams {
                thinning: 0.4,
                smoothing: 0.7,
                streamline: 0.6,
                taper_start: 20.0,
                taper_end: 30.0,
                opacity: 0.3,
                curve: -0.2,
            },
            Self::Crayon => BrushParams {
                thinning: 0.35,
                smoothing: 0.4,
                streamline: 0.4,
                taper_start: 4.0,
                taper_end: 4.0,
                opacity: 0.95,
                curve: 0.0,
            },
            Self::Eraser => BrushParams {
                thinning: 0.0,
                smoothing: 0.5,
                streamline: 0.5,
                taper_start: 0.0,
                taper_end: 0.0,
                opacity: 1.0,
                curve: 0.0,
            },
        }
    }
}

/// How strongly a brush reacts to pressure and smooths the hand's path.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BrushParams {
    /// How much pressure changes width: 0 = none, 1 = from nothing to full.
    pub thinning: f32,
    /// Smoothing of the outline's corners (0–1): larger rounds off more.
    pub smoothing: f32,
    /// How much each new point is pulled towards the previous one (0–1).
    pub streamline: f32,
    /// Length over which the stroke grows to full width, in px.
    pub taper_start: f32,
    /// Length over which the stroke narrows to its end, in px.
    pub taper_end: f32,
    /// How much colour one stroke lays down (0–1).
    pub opacity: f32,
    /// Pressure curve bend (−1 to 1): 0 is linear, above 0 needs a firmer press for width,
    /// below 0 answers a light touch. The curve is `p + curve·p·(p − 1)`: a quadratic, cheap
    /// where `powf` is not (in wasm it is a slow software routine).
    pub curve: f32,
}

impl BrushParams {
    /// Radius factor (0–1) for a pressure (0–1), after the brush's curve and thinning.
    #[inline(always)]
    pub fn pressure_factor(&self, pressure: f32) -> f32 {
        let p = pressure.clamp(0.0, 1.0);
        let p = p + self.curve * p * (p - 1.0);
        1.0 - self.thinning * (1.0 - p)
    }
}

/// A brush with its size (diameter at full pressure, px) and colour.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BrushStyle {
    /// Which brush.
    pub brush: Brush,
    /// Diameter at full pressure, in CSS px.
    pub size: f32,
    /// Colour.
    pub color: Rgba,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_barely_reacts_to_pressure_and_a_pencil_strongly() {
        let m = Brush::Marker.params();
        let p = Brush::Pencil.params();
        assert!((m.pressure_factor(0.1) - 0.85).abs() < 0.02);
        assert!(p.pressure_factor(0.1) < 0.35);
        assert_eq!(p.pressure_factor(1.0), 1.0);
    }

    #[test]
    fn every_brush_has_its_own_code_and_unknown_codes_are_refused() {
        let mut codes: Vec<u8> = Brush::ALL.iter().map(|b| b.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes, [0, 1, 2, 3, 4]);
        for b in Brush::ALL {
            assert_eq!(Brush::from_code(b.code()), Some(b));
        }
        assert_eq!(Brush::from_code(5), None);
        assert_eq!(Brush::from_code(255), None);
    }

    #[test]
    fn only_crayon_is_grainy() {
        let grainy: Vec<Brush> = Brush::ALL.into_iter().filter(|b| b.grainy()).collect();
        assert_eq!(grainy, [Brush::Crayon]);
    }
}
