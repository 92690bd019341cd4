//! The one ceiling on loudness: the soft limiter that bounds a saved mix, and the same curve for
//! the live output (a WebAudio `WaveShaperNode`), so that many pads struck at once never come
//! out as a sudden loud sound — in the room or in the recording.
//!
//! Why a wave shaper and not a compressor: a `DynamicsCompressorNode` looks ahead (Chromium: 6 ms)
//! and so delays every tap; a wave shaper maps each sample on its own, without oversampling
//! it adds no latency at all. It cannot "pump" either: below the knee it is the identity, so
//! one pad sounds exactly as rendered, and only the sum of many is bent towards the ceiling.

/// Where the limiter starts to bend.
pub const KNEE: f32 = 0.6;
/// What the limiter never reaches.
pub const CEILING: f32 = 0.95;
/// The live curve's input range: sums up to ±this are shaped (eight pads at full strength
/// through the master gain stay inside it); beyond it the curve's ends hold, at the ceiling.
pub const LIVE_RANGE: f32 = 8.0;
/// Points in the live curve: odd, so that silence (0) falls exactly on a point and stays 0.
pub const LIVE_POINTS: usize = 16_385;

/// Soft limiter: straight below the knee, `tanh`-shaped above it, never past the ceiling.
pub fn soft_limit(x: f32) -> f32 {
    let a = x.abs();
    if a <= KNEE {
        x
    } else {
        let room = CEILING - KNEE;
        (KNEE + room * ((a - KNEE) / room).tanh()).copysign(x)
    }
}

/// The live curve for a `WaveShaperNode` whose input is the master bus divided by
/// [`LIVE_RANGE`]: point `i` of `n` is the limiter at `LIVE_RANGE × (2i/(n−1) − 1)`, so the
/// shaper's output is `soft_limit(master)`.
pub fn live_curve(n: usize) -> Vec<f32> {
    let n = n.max(3) | 1;
    let half = (n - 1) as f32 / 2.0;
    (0..n)
        .map(|i| soft_limit(LIVE_RANGE * (i as f32 - half) / half))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limiter_is_straight_below_the_knee_and_bounded_above() {
        assert_eq!(soft_limit(0.5), 0.5);
        assert_eq!(soft_limit(-0.6), -0.6);
        assert!(soft_limit(0.7) < 0.7 && soft_limit(0.7) > 0.65);
        assert!(soft_limit(100.0) <= CEILING);
        assert!(soft_limit(-100.0) >= -CEILING);
    }

    /// The shaper's interpolation as the WebAudio spec defines it: `v = (n−1)/2 · (x+1)`.
    fn shape(curve: &[f32], x: f32) -> f32 {
        let v = (curve.len() - 1) as f32 / 2.0 * (x.clamp(-1.0, 1.0) + 1.0);
        let k = (v.floor() as usize).min(curve.len() - 2);
        let f = v - k as f32;
        curve[k] + f * (curve[k + 1] - curve[k])
    }

    #[test]
    fn the_live_curve_keeps_silence_silent_and_one_pad_as_it_is() {
        let c = live_curve(LIVE_POINTS);
        assert_eq!(c.len(), LIVE_POINTS);
        assert_eq!(
            c[LIVE_POINTS / 2],
            0.0,
            "silence stays exactly 0 (no offset to hear)"
        );
        // One pad at full strength through the master gain: 0.9 × 0.8 × 0.9 ≈ 0.65 at its peak;
        // everything up to the knee comes out as it went in.
        for x in [0.001f32, 0.1, -0.3, 0.5, 0.6] {
            let out = shape(&c, x / LIVE_RANGE);
            assert!((out - x).abs() < 1e-4, "{x} came out as {out}");
        }
    }

    #[test]
    fn the_live_curve_bends_a_loud_sum_under_the_ceiling_and_never_turns_back() {
        let c = live_curve(LIVE_POINTS);
        assert!(c.windows(2).all(|w| w[1] >= w[0]), "rising everywhere");
        assert!(c.iter().all(|s| s.abs() <= CEILING));
        // Eight pads at once, and more than the range holds: at the ceiling, not past it.
        for x in [1.0f32, 2.5, 5.2, 8.0, 20.0, -20.0] {
            let out = shape(&c, x / LIVE_RANGE);
            assert!(
                out.abs() <= CEILING && out.abs() > 0.88,
                "{x} came out as {out}"
            );
            assert!((out - soft_limit(x.clamp(-LIVE_RANGE, LIVE_RANGE))).abs() < 1e-3);
        }
        assert_eq!(live_curve(4).len(), 5, "always odd");
    }
}
