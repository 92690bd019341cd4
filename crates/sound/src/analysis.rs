//! Measurements the tests make on rendered sound (test builds only): peak, mean, spectral
//! centroid by FFT, and the frequency of a spectral peak to a fraction of a cent.

use std::f64::consts::PI;

/// Largest absolute sample.
pub(crate) fn peak(b: &[f32]) -> f32 {
    b.iter().fold(0.0f32, |m, s| m.max(s.abs()))
}

/// Mean sample (DC).
pub(crate) fn mean(b: &[f32]) -> f32 {
    (b.iter().map(|&s| f64::from(s)).sum::<f64>() / b.len().max(1) as f64) as f32
}

/// Distance from `want` to `got` in cents.
pub(crate) fn cents(got: f32, want: f32) -> f32 {
    1200.0 * (got / want).log2()
}

/// In-place iterative radix-2 FFT (`re.len()` a power of two).
fn fft(re: &mut [f64], im: &mut [f64]) {
    let n = re.len();
    let mut j = 0;
    for i in 1..n {
        let mut bit = n >> 1;
        while j & bit != 0 {
            j ^= bit;
            bit >>= 1;
        }
        j |= bit;
        if i < j {
            re.swap(i, j);
            im.swap(i, j);
        }
    }
    let mut len = 2;
    while len <= n {
        let w = -2.0 * PI / len as f64;
        for start in (0..n).step_by(len) {
            for k in 0..len / 2 {
                let (s, c) = (w * k as f64).sin_cos();
                let (a, b) = (start + k, start + k + len / 2);
                let tr = re[b] * c - im[b] * s;
                let ti = re[b] * s + im[b] * c;
                re[b] = re[a] - tr;
                im[b] = im[a] - ti;
                re[a] += tr;
                im[a] += ti;
            }
        }
        len <<= 1;
    }
}

/// Magnitude-weighted mean frequency of the first 8192 samples (Hann-windowed): where the
/// sound's energy sits, its brightness.
pub(crate) fn centroid_hz(b: &[f32], sr: u32) -> f32 {
    const N: usize = 8192;
    let len = b.len().min(N);
    let mut re = vec![0.0f64; N];
    let mut im = vec![0.0f64; N];
    for (i, r) in re.iter_mut().take(len).enumerate() {
        let w = 0.5 - 0.5 * (2.0 * PI * i as f64 / len as f64).cos();
        *r = f64::from(b[i]) * w;
    }
    fft(&mut re, &mut im);
    let (mut num, mut den) = (0.0, 0.0);
    for k in 1..N / 2 {
        let m = (re[k] * re[k] + im[k] * im[k]).sqrt();
        num += m * k as f64 * f64::from(sr) / N as f64;
        den += m;
    }
    (num / den) as f32
}

/// |DFT| of a Hann-windowed segment at an arbitrary frequency `f` (not only at bins).
fn magnitude_at(seg: &[f64], sr: f64, f: f64) -> f64 {
    let w = 2.0 * PI * f / sr;
    let (s, c) = w.sin_cos();
    // Rotate a phasor instead of calling sin/cos per sample.
    let (mut pr, mut pi) = (1.0f64, 0.0f64);
    let (mut acc_r, mut acc_i) = (0.0, 0.0);
    for &x in seg {
        acc_r += x * pr;
        acc_i -= x * pi;
        let r = pr * c - pi * s;
        pi = pr * s + pi * c;
        pr = r;
    }
    (acc_r * acc_r + acc_i * acc_i).sqrt()
}

/// Frequency of the strongest spectral peak within ±60 cents of `guess`, measured on
/// `len_s` seconds from `start_s`: a 5-cent grid search, then two parabolic refinements on
/// the log magnitude (exact for a Gaussian-like peak). A sine of known frequency is measured
/// to well under a cent (see the tests below), so a mistuned bar cannot pass.
pub(crate) fn peak_frequency(b: &[f32], sr: u32, guess: f32, start_s: f32, len_s: f32) -> f32 {
    let sr = f64::from(sr);
    let start = ((f64::from(start_s) * sr) as usize).min(b.len());
    let end = (start + (f64::from(len_s) * sr) as usize).min(b.len());
    let n = end - start;
    let seg: Vec<f64> = b[start..end]
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let w = 0.5 - 0.5 * (2.0 * PI * i as f64 / n as f64).cos();
            f64::from(x) * w
        })
        .collect();
    let at = |c: f64| f64::from(guess) * 2f64.powf(c / 1200.0);
    let mag = |c: f64| magnitude_at(&seg, sr, at(c)).max(1e-300).ln();
    let mut best = (-60.0, f64::MIN);
    let mut c = -60.0;
    while c <= 60.0 {
        let m = mag(c);
        if m > best.1 {
            best = (c, m);
        }
        c += 5.0;
    }
    let refine = |centre: f64, step: f64| {
        let (l, m, r) = (mag(centre - step), mag(centre), mag(centre + step));
        let denom = l - 2.0 * m + r;
        if denom.abs() < 1e-12 {
            centre
        } else {
            centre + step * 0.5 * (l - r) / denom
        }
    };
    let c1 = refine(best.0, 5.0);
    let c2 = refine(c1, 0.5);
    at(c2) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sine(f: f32, sr: u32, secs: f32, decay_tau: f32) -> Vec<f32> {
        let n = (secs * sr as f32) as usize;
        (0..n)
            .map(|i| {
                let t = i as f32 / sr as f32;
                (std::f32::consts::TAU * f * t).sin() * (-t / decay_tau).exp()
            })
            .collect()
    }

    #[test]
    fn the_pitch_meter_reads_a_known_sine_to_a_fraction_of_a_cent() {
        for (f, sr) in [(261.6256, 48_000), (1000.0, 44_100), (130.8, 44_100)] {
            // 10 cents sharp of the guess: the meter must see it, not snap to the guess.
            let sharp = f * 2f32.powf(10.0 / 1200.0);
            let got = peak_frequency(&sine(sharp, sr, 0.5, 0.3), sr, f, 0.005, 0.25);
            assert!((cents(got, f) - 10.0).abs() < 0.5, "{f}: {}", cents(got, f));
        }
    }

    #[test]
    fn the_centroid_of_a_sine_is_its_frequency() {
        let c = centroid_hz(&sine(3000.0, 48_000, 0.2, 100.0), 48_000);
        assert!((c - 3000.0).abs() < 150.0, "{c}");
    }
}
