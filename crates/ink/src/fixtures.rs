//! Shared test strokes: empty, one point, duplicates, a long stroke, a sharp corner, a line.

use crate::InputPoint;

/// No points.
pub fn empty() -> Vec<InputPoint> {
    Vec::new()
}

/// One pen point.
pub fn one_point() -> Vec<InputPoint> {
    vec![InputPoint::pen(50.0, 50.0, 0.5, 0.0)]
}

/// The same position over and over, then a step.
pub fn duplicate_points() -> Vec<InputPoint> {
    let mut v: Vec<_> = (0..5)
        .map(|i| InputPoint::at(10.0, 10.0, i as f64 * 8.0))
        .collect();
    v.push(InputPoint::at(30.0, 10.0, 48.0));
    v.push(InputPoint::at(30.0, 10.0, 56.0));
    v
}

/// A long wavy stroke of `n` points about 1.5 px apart, pressure rising and falling.
pub fn long_stroke(n: usize) -> Vec<InputPoint> {
    (0..n)
        .map(|i| {
            let t = i as f32;
            InputPoint::pen(
                10.0 + t * 1.5,
                300.0 + 80.0 * (t / 60.0).sin(),
                0.5 + 0.4 * (t / 90.0).sin(),
                i as f64 * 8.0,
            )
        })
        .collect()
}

/// A V: down-right then sharply back up-right.
pub fn sharp_corner() -> Vec<InputPoint> {
    let mut v = Vec::new();
    for i in 0..=20 {
        v.push(InputPoint::pen(
            100.0 + i as f32 * 2.0,
            100.0 + i as f32 * 6.0,
            0.8,
            i as f64 * 8.0,
        ));
    }
    for i in 1..=20 {
        v.push(InputPoint::pen(
            140.0 + i as f32 * 2.0,
            220.0 - i as f32 * 6.0,
            0.8,
            (20 + i) as f64 * 8.0,
        ));
    }
    v
}

/// A straight horizontal pen line at constant pressure 1.
pub fn straight_line() -> Vec<InputPoint> {
    (0..=100)
        .map(|i| InputPoint::pen(i as f32 * 4.0, 200.0, 1.0, i as f64 * 8.0))
        .collect()
}

/// Every fixture by name.
pub fn all() -> Vec<(&'static str, Vec<InputPoint>)> {
    vec![
        ("empty", empty()),
        ("one point", one_point()),
        ("duplicates", duplicate_points()),
        ("long", long_stroke(2400)),
        ("sharp corner", sharp_corner()),
        ("straight line", straight_line()),
    ]
}
