//! A compact, versioned binary encoding of a drawing, for saving and replay.
//!
//! Layout (little-endian; varints are LEB128, signed ones zigzag):
//!
//! ```text
//! "SRI" version:u8=1  width:f32 height:f32 background:u8 template:u8  events:varint
//! event = 0 stroke | 1 undo | 2 redo | 3 clear | 4 withdraw stroke:varint (its number)
//! stroke = brush:u8 size:f32 rgba:[u8;4] flags:u8(1=pressure, 2=tilt) points:varint
//!          then per point: dx:zigzag dy:zigzag (1/8 px, from the previous point; the first
//!          from 0,0)  dt:varint (0.1 ms, the first from 0)  [pressure:u8 0–254, 255 = none]
//!          [tilt_x:i8 tilt_y:i8, -128 = none]
//! ```
//!
//! Coordinates are quantised to 1/8 px, times to 0.1 ms and pressure to 1/254: far below what
//! an eye or a hand can tell, and a 2,400-point stroke takes about 5 bytes a point.

use crate::stages::InputPoint;
use crate::{Background, Brush, BrushStyle, Drawing, Event, Rgba, Stroke, Template};

/// The format version this crate writes.
pub const FORMAT_VERSION: u8 = 1;
const MAGIC: &[u8; 3] = b"SRI";
/// Most points or events a decoder accepts, so a hostile file cannot exhaust memory.
const MAX_ITEMS: u64 = 2_000_000;

/// Why bytes could not be read as a drawing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Not a Speelruimte drawing.
    #[error("geen Speelruimte-tekening")]
    BadMagic,
    /// Written by a newer version.
    #[error("tekeningformaat {0} wordt (nog) niet ondersteund")]
    UnsupportedVersion(u8),
    /// Ends too early.
    #[error("de tekening is onvolledig")]
    Truncated,
    /// A value out of range.
    #[error("de tekening is beschadigd: {0}")]
    Invalid(&'static str),
}

/// Encodes a drawing.
pub fn encode(d: &Drawing) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(MAGIC);
    out.push(FORMAT_VERSION);
    out.extend_from_slice(&d.width.to_le_bytes());
    out.extend_from_slice(&d.height.to_le_bytes());
    out.push(d.background.code());
    out.push(d.template.code());
    varint(&mut out, d.events.len() as u64);
    for e in &d.events {
        match e {
            Event::Stroke(s) => {
                out.push(0);
                stroke(&mut out, s);
            }
            Event::Undo => out.push(1),
            Event::Redo => out.push(2),
            Event::Clear => out.push(3),
            Event::Withdraw(n) => {
                out.push(4);
                varint(&mut out, *n as u64);
            }
        }
    }
    out
}

fn q(v: f32, scale: f32) -> i64 {
    (v * scale).round() as i64
}

fn stroke(out: &mut Vec<u8>, s: &Stroke) {
    out.push(s.style.brush.code());
    out.extend_from_slice(&s.style.size.to_le_bytes());
    out.extend_from_slice(&[
        s.style.color.r,
        s.style.color.g,
        s.style.color.b,
        s.style.color.a,
    ]);
    let pressure = s.points.iter().any(|p| p.pressure.is_some());
    let tilt = s
        .points
        .iter()
        .any(|p| p.tilt_x.is_some() || p.tilt_y.is_some());
    out.push(u8::from(pressure) | (u8::from(tilt) << 1));
    varint(out, s.points.len() as u64);
    let (mut px, mut py, mut pt) = (0i64, 0i64, 0i64);
    for p in &s.points {
        let (x, y) = (q(p.x, 8.0), q(p.y, 8.0));
        let t = (p.t_ms * 10.0).round().max(0.0) as i64;
        zigzag(out, x - px);
        zigzag(out, y - py);
        varint(out, (t - pt).max(0) as u64);
        (px, py, pt) = (x, y, t.max(pt));
        if pressure {
            out.push(
                p.pressure
                    .map(|v| (v.clamp(0.0, 1.0) * 254.0).round() as u8)
                    .unwrap_or(255),
            );
        }
        if tilt {
            let b = |v: Option<f32>| {
                v.map(|v| v.clamp(-90.0, 90.0).round() as i8)
                    .unwrap_or(i8::MIN) as u8
            };
            out.push(b(p.tilt_x));
            out.push(b(p.tilt_y));
        }
    }
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn zigzag(out: &mut Vec<u8>, v: i64) {
    varint(out, ((v << 1) ^ (v >> 63)) as u64);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> Result<u8, DecodeError> {
        let v = *self.b.get(self.pos).ok_or(DecodeError::Truncated)?;
        self.pos += 1;
        Ok(v)
    }

    fn f32(&mut self) -> Result<f32, DecodeError> {
        let s = self
            .b
            .get(self.pos..self.pos + 4)
            .ok_or(DecodeError::Truncated)?;
        self.pos += 4;
        let v = f32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        if v.is_finite() {
            Ok(v)
        } else {
            Err(DecodeError::Invalid("getal"))
        }
    }

    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(DecodeError::Invalid("varint"))
    }

    fn zigzag(&mut self) -> Result<i64, DecodeError> {
        let v = self.varint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.varint()?;
        if n > MAX_ITEMS || n as usize > self.b.len() - self.pos {
            // every item takes at least one byte
            return Err(DecodeError::Invalid("aantal"));
        }
        Ok(n as usize)
    }
}

/// Decodes a drawing; garbage or truncated input is an error, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Drawing, DecodeError> {
    if bytes.len() < 4 || &bytes[..3] != MAGIC {
        return Err(DecodeError::BadMagic);
    }
    if bytes[3] != FORMAT_VERSION {
        return Err(DecodeError::UnsupportedVersion(bytes[3]));
    }
    let mut r = Reader { b: bytes, pos: 4 };
    let width = r.f32()?;
    let height = r.f32()?;
    let background = Background::from_code(r.u8()?).ok_or(DecodeError::Invalid("papier"))?;
    let template = Template::from_code(r.u8()?).ok_or(DecodeError::Invalid("sjabloon"))?;
    let n = r.count()?;
    let mut events = Vec::with_capacity(n);
    let mut strokes = 0;
    for _ in 0..n {
        events.push(match r.u8()? {
            0 => {
                strokes += 1;
                Event::Stroke(read_stroke(&mut r)?)
            }
            1 => Event::Undo,
            2 => Event::Redo,
            3 => Event::Clear,
            4 => match r.varint()? {
                k if k < strokes as u64 => Event::Withdraw(k as usize),
                _ => return Err(DecodeError::Invalid("teruggenomen lijn")),
            },
            _ => return Err(DecodeError::Invalid("gebeurtenis")),
        });
    }
    if r.pos != bytes.len() {
        return Err(DecodeError::Invalid("extra bytes aan het eind"));
    }
    Ok(Drawing {
        width,
        height,
        background,
        template,
        events,
    })
}

fn read_stroke(r: &mut Reader) -> Result<Stroke, DecodeError> {
    let brush = Brush::from_code(r.u8()?).ok_or(DecodeError::Invalid("kwast"))?;
    let size = r.f32()?;
    let color = Rgba {
        r: r.u8()?,
        g: r.u8()?,
        b: r.u8()?,
        a: r.u8()?,
    };
    let flags = r.u8()?;
    let n = r.count()?;
    let mut points = Vec::with_capacity(n);
    let (mut x, mut y, mut t) = (0i64, 0i64, 0i64);
    for _ in 0..n {
        x = x
            .checked_add(r.zigzag()?)
            .ok_or(DecodeError::Invalid("positie"))?;
        y = y
            .checked_add(r.zigzag()?)
            .ok_or(DecodeError::Invalid("positie"))?;
        t = t
            .checked_add(r.varint()? as i64)
            .ok_or(DecodeError::Invalid("tijd"))?;
        let pressure = if flags & 1 != 0 {
            let b = r.u8()?;
            (b != 255).then(|| b as f32 / 254.0)
        } else {
            None
        };
        let (tilt_x, tilt_y) = if flags & 2 != 0 {
            let b = |v: u8| (v as i8 != i8::MIN).then_some(v as i8 as f32);
            (b(r.u8()?), b(r.u8()?))
        } else {
            (None, None)
        };
        points.push(InputPoint {
            x: x as f32 / 8.0,
            y: y as f32 / 8.0,
            pressure,
            t_ms: t as f64 / 10.0,
            tilt_x,
            tilt_y,
        });
    }
    Ok(Stroke {
        style: BrushStyle { brush, size, color },
        points,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    fn drawing() -> Drawing {
        let mut d = Drawing::new(1024.0, 700.0);
        d.background = Background::Paper;
        d.template = Template::Mandala;
        for (i, (_, pts)) in fixtures::all().into_iter().enumerate() {
            let brush = Brush::ALL[i % 5];
            d.push(Event::Stroke(Stroke {
                style: BrushStyle {
                    brush,
                    size: 9.5,
                    color: Rgba::rgb(200, 30, 10),
                },
                points: pts,
            }));
        }
        d.push(Event::Withdraw(0));
        d.push(Event::Undo);
        d.push(Event::Clear);
        d.push(Event::Undo);
        d.push(Event::Redo);
        d
    }

    #[test]
    fn a_withdrawal_as_the_last_event_reads_back() {
        let mut d = drawing();
        let n = d.all_strokes().count();
        d.push(Event::Undo);
        d.push(Event::Withdraw(n - 2));
        assert_eq!(d.events.last(), Some(&Event::Withdraw(n - 2)));
        assert_eq!(
            decode(&encode(&d)).unwrap().events.last(),
            Some(&Event::Withdraw(n - 2))
        );
    }

    #[test]
    fn a_withdrawal_of_a_stroke_not_yet_drawn_is_refused() {
        let mut d = Drawing::new(10.0, 10.0);
        d.events.push(Event::Withdraw(0));
        assert_eq!(
            decode(&encode(&d)),
            Err(DecodeError::Invalid("teruggenomen lijn"))
        );
    }

    #[test]
    fn a_drawing_survives_encoding_within_the_quantisation() {
        let d = drawing();
        let back = decode(&encode(&d)).unwrap();
        assert_eq!(
            (back.width, back.height, back.background, back.template),
            (1024.0, 700.0, Background::Paper, Template::Mandala)
        );
        assert_eq!(back.events.len(), d.events.len());
        for (a, b) in d.all_strokes().zip(back.all_strokes()) {
            assert_eq!(a.style, b.style);
            assert_eq!(a.points.len(), b.points.len());
            for (p, q) in a.points.iter().zip(&b.points) {
                assert!((p.x - q.x).abs() <= 1.0 / 16.0 && (p.y - q.y).abs() <= 1.0 / 16.0);
                assert!((p.t_ms - q.t_ms).abs() <= 0.05);
                assert_eq!(p.pressure.is_some(), q.pressure.is_some());
                assert!(
                    (p.pressure.unwrap_or(0.0) - q.pressure.unwrap_or(0.0)).abs() <= 0.5 / 254.0
                );
            }
        }
        assert_eq!(
            encode(&back),
            encode(&d),
            "encoding a decoded drawing changes nothing"
        );
    }

    #[test]
    fn a_2400_point_stroke_is_several_times_smaller_than_its_json() {
        let mut d = Drawing::new(800.0, 600.0);
        let points = fixtures::long_stroke(2400);
        d.push(Event::Stroke(Stroke {
            style: BrushStyle {
                brush: Brush::Pencil,
                size: 4.0,
                color: Rgba::rgb(0, 0, 0),
            },
            points,
        }));
        let bin = encode(&d).len();
        let json = serde_json::to_vec(&d).unwrap().len();
        assert!(bin * 8 < json, "binary {bin} bytes vs JSON {json} bytes");
        assert!(bin < 2400 * 7, "{bin} bytes");
    }

    #[test]
    fn garbage_and_every_truncation_are_errors_not_panics() {
        assert_eq!(decode(b"hallo"), Err(DecodeError::BadMagic));
        assert_eq!(decode(b"SRI\x09"), Err(DecodeError::UnsupportedVersion(9)));
        let bytes = encode(&drawing());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut bad = bytes.clone();
        bad[12] = 0xff; // background code: after "SRI", version and two f32
        assert_eq!(decode(&bad), Err(DecodeError::Invalid("papier")));
    }
}
