//! Checking that an upload's files hold what they claim, before they are kept: each blob is
//! the media type it says. (The records in the metadata are checked in `records`.)

use speelruimte_model::{MediaType, ValidationError};

/// Largest image side accepted, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 8192;

/// Checks `bytes` against `media_type`; the error names the blob and says what is wrong.
pub fn check(name: &str, media_type: MediaType, bytes: &[u8]) -> Result<(), ValidationError> {
    let fail = |expected: &'static str, reason: String| ValidationError::BlobContent {
        name: name.to_owned(),
        expected,
        reason,
    };
    match media_type {
        MediaType::Png => check_png(bytes).map_err(|r| fail("geldige PNG-afbeelding", r)),
        MediaType::Wav => check_wav(bytes).map_err(|r| fail("geldig WAV-geluidsbestand", r)),
        MediaType::Json => serde_json::from_slice::<serde_json::Value>(bytes)
            .map(|_| ())
            .map_err(|e| fail("geldig JSON-bestand", e.to_string())),
        MediaType::OctetStream => Ok(()),
    }
}

/// Decodes the header and the whole frame: a truncated or corrupt PNG is refused.
fn check_png(bytes: &[u8]) -> Result<(), String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_limits(png::Limits {
        bytes: 300 * 1024 * 1024,
    });
    let mut reader = decoder
        .read_info()
        .map_err(|e| format!("de kop is onleesbaar ({e})"))?;
    let info = reader.info();
    let (w, h) = (info.width, info.height);
    if w == 0 || h == 0 || w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE {
        return Err(format!("{w}×{h} pixels valt buiten 1 tot {MAX_IMAGE_SIDE}"));
    }
    let mut buf = vec![0; reader.output_buffer_size()];
    reader
        .next_frame(&mut buf)
        .map_err(|e| format!("de afbeelding is beschadigd ({e})"))?;
    Ok(())
}

/// RIFF/WAVE with a PCM (16/24/32-bit) or float (32-bit) fmt chunk, 1–2 channels, 8–96 kHz,
/// and a data chunk that fits in the file.
fn check_wav(b: &[u8]) -> Result<(), String> {
    if b.len() < 12 || &b[0..4] != b"RIFF" || &b[8..12] != b"WAVE" {
        return Err("geen RIFF/WAVE-kop".into());
    }
    let mut pos = 12;
    let mut fmt_ok = false;
    while pos + 8 <= b.len() {
        let id = &b[pos..pos + 4];
        let size = u32::from_le_bytes([b[pos + 4], b[pos + 5], b[pos + 6], b[pos + 7]]) as usize;
        let body = pos + 8;
        if body + size > b.len() {
            return Err("een blok loopt voorbij het einde van het bestand".into());
        }
        match id {
            b"fmt " => {
                if size < 16 {
                    return Err("het fmt-blok is te kort".into());
                }
                let u16_at = |i: usize| u16::from_le_bytes([b[body + i], b[body + i + 1]]);
                let format = u16_at(0);
                let channels = u16_at(2);
                let rate = u32::from_le_bytes([b[body + 4], b[body + 5], b[body + 6], b[body + 7]]);
                let bits = u16_at(14);
                let pcm = (format == 1 || format == 0xFFFE) && matches!(bits, 16 | 24 | 32);
                let float = format == 3 && bits == 32;
                if !(pcm || float) {
                    return Err(format!(
                        "formaat {format} met {bits} bits wordt niet ondersteund"
                    ));
                }
                if !(1..=2).contains(&channels) {
                    return Err(format!("{channels} kanalen; 1 of 2 verwacht"));
                }
                if !(8_000..=96_000).contains(&rate) {
                    return Err(format!("samplefrequentie {rate} Hz valt buiten 8–96 kHz"));
                }
                fmt_ok = true;
            }
            b"data" => {
                return if fmt_ok {
                    Ok(())
                } else {
                    Err("het data-blok komt voor het fmt-blok".into())
                };
            }
            _ => {}
        }
        pos = body + size + (size & 1);
    }
    Err("geen data-blok gevonden".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav(rate: u32, channels: u16, samples: &[i16]) -> Vec<u8> {
        let data: Vec<u8> = samples.iter().flat_map(|s| s.to_le_bytes()).collect();
        let mut v = b"RIFF".to_vec();
        v.extend(((36 + data.len()) as u32).to_le_bytes());
        v.extend(b"WAVEfmt ");
        v.extend(16u32.to_le_bytes());
        v.extend(1u16.to_le_bytes());
        v.extend(channels.to_le_bytes());
        v.extend(rate.to_le_bytes());
        v.extend((rate * channels as u32 * 2).to_le_bytes());
        v.extend((channels * 2).to_le_bytes());
        v.extend(16u16.to_le_bytes());
        v.extend(b"data");
        v.extend((data.len() as u32).to_le_bytes());
        v.extend(data);
        v
    }

    #[test]
    fn a_plain_16_bit_wav_is_accepted() {
        assert_eq!(check_wav(&wav(48_000, 1, &[0, 100, -100])), Ok(()));
    }

    #[test]
    fn a_wav_at_an_odd_rate_or_with_six_channels_is_refused() {
        assert!(
            check_wav(&wav(200_000, 1, &[0]))
                .unwrap_err()
                .contains("200000 Hz")
        );
        assert!(
            check_wav(&wav(48_000, 6, &[0]))
                .unwrap_err()
                .contains("6 kanalen")
        );
    }

    #[test]
    fn a_truncated_wav_is_refused() {
        let w = wav(48_000, 1, &[1, 2, 3, 4]);
        assert!(check_wav(&w[..w.len() - 3]).is_err());
        assert!(check_wav(b"RIFF....WAVE").is_err());
    }

    #[test]
    fn text_claiming_to_be_a_png_is_refused_with_a_dutch_reason() {
        let err = check("image.png", MediaType::Png, b"hallo").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("Het bestand 'image.png' is geen geldige PNG-afbeelding"),
            "{err}"
        );
    }
}
