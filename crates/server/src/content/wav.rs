//! WAV files: the whole layout is checked, not only the header, so what is kept is sound the
//! review can play: PCM of 16, 24 or 32 bits or 32-bit float (plain or EXTENSIBLE), mono or
//! stereo, 8–96 kHz, with sizes that agree with each other and with the file.

/// The GUID tail every WAVE_FORMAT_EXTENSIBLE subformat of a plain format code shares.
const SUBFORMAT_TAIL: [u8; 14] = [
    0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
];
const PCM: u16 = 1;
const FLOAT: u16 = 3;
const EXTENSIBLE: u16 = 0xFFFE;

fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[i], b[i + 1]])
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

const CANNOT_PLAY: &str =
    "het geluid is opgeslagen op een manier die Speelruimte niet kan afspelen";
const CONTRADICTS: &str = "het bestand is beschadigd: de kop spreekt zichzelf tegen";

/// Checks the body of a `fmt ` chunk; returns the size of one sample frame in bytes.
fn format(f: &[u8]) -> Result<usize, String> {
    let incomplete = || "de beschrijving van het geluid is onvolledig".to_owned();
    if f.len() < 16 {
        return Err(incomplete());
    }
    let mut code = u16_at(f, 0);
    let channels = u16_at(f, 2);
    let rate = u32_at(f, 4);
    let byte_rate = u32_at(f, 8);
    let block_align = u16_at(f, 12);
    let bits = u16_at(f, 14);
    if code == EXTENSIBLE {
        // cbSize 22, valid bits, channel mask, then the subformat GUID.
        if f.len() < 40 || u16_at(f, 16) < 22 {
            return Err(incomplete());
        }
        let valid_bits = u16_at(f, 18);
        if f[26..40] != SUBFORMAT_TAIL || valid_bits == 0 || valid_bits > bits {
            return Err(format!("{CANNOT_PLAY} (onbekend subformaat)"));
        }
        code = u16_at(f, 24);
    }
    let supported = match code {
        PCM => matches!(bits, 16 | 24 | 32),
        FLOAT => bits == 32,
        _ => false,
    };
    if !supported {
        return Err(format!("{CANNOT_PLAY} (formaat {code}, {bits} bits)"));
    }
    if !(1..=2).contains(&channels) {
        return Err(format!(
            "{channels} kanalen; alleen mono of stereo wordt bewaard"
        ));
    }
    if !(8_000..=96_000).contains(&rate) {
        return Err(format!(
            "een samplefrequentie van {rate} Hz valt buiten 8–96 kHz"
        ));
    }
    let expected_align = channels as u32 * bits as u32 / 8;
    if block_align as u32 != expected_align || byte_rate != rate * expected_align {
        return Err(CONTRADICTS.into());
    }
    Ok(block_align as usize)
}

/// Checks a whole RIFF/WAVE file: its declared length, each chunk, the format and the sound.
pub(super) fn check(b: &[u8]) -> Result<(), String> {
    if b.len() < 12 || &b[0..4] != b"RIFF" || &b[8..12] != b"WAVE" {
        return Err("het is geen geluidsbestand".into());
    }
    let cut = || "het bestand is afgebroken; er ontbreekt een stuk".to_owned();
    // The RIFF header says how long the file is; shorter means it was cut off on the way.
    let end = 8 + u32_at(b, 4) as usize;
    if end > b.len() {
        return Err(cut());
    }
    let b = &b[..end];
    let mut pos = 12;
    let mut format_seen = None;
    while pos + 8 <= b.len() {
        let id = &b[pos..pos + 4];
        let size = u32_at(b, pos + 4) as usize;
        let body = pos + 8;
        if body + size > b.len() {
            return Err(cut());
        }
        match id {
            b"fmt " => format_seen = Some(format(&b[body..body + size])?),
            b"data" => {
                let Some(block_align) = format_seen else {
                    return Err(
                        "het bestand is beschadigd: het geluid staat voor de beschrijving ervan"
                            .into(),
                    );
                };
                if size == 0 {
                    return Err("de opname is leeg".into());
                }
                if !size.is_multiple_of(block_align) {
                    return Err(
                        "het geluid houdt midden in een sample op; het bestand is beschadigd"
                            .into(),
                    );
                }
                return Ok(());
            }
            _ => {}
        }
        pos = body + size + (size & 1);
    }
    Err("er staat geen geluid in het bestand".into())
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
        assert_eq!(check(&wav(48_000, 1, &[0, 100, -100])), Ok(()));
    }

    #[test]
    fn a_wav_at_an_odd_rate_or_with_six_channels_is_refused() {
        assert!(
            check(&wav(200_000, 1, &[0]))
                .unwrap_err()
                .contains("200000 Hz")
        );
        assert!(
            check(&wav(48_000, 6, &[0]))
                .unwrap_err()
                .contains("6 kanalen")
        );
    }

    #[test]
    fn a_truncated_wav_is_refused() {
        let w = wav(48_000, 1, &[1, 2, 3, 4]);
        assert!(check(&w[..w.len() - 3]).is_err());
        assert!(check(b"RIFF....WAVE").is_err());
    }

    /// A RIFF/WAVE file of a `fmt ` chunk and a `data` chunk.
    fn riff(fmt: &[u8], data: &[u8]) -> Vec<u8> {
        let mut v = b"RIFF".to_vec();
        v.extend(((4 + 8 + fmt.len() + 8 + data.len()) as u32).to_le_bytes());
        v.extend(b"WAVEfmt ");
        v.extend((fmt.len() as u32).to_le_bytes());
        v.extend(fmt);
        v.extend(b"data");
        v.extend((data.len() as u32).to_le_bytes());
        v.extend(data);
        v
    }

    /// The 16 bytes of a plain fmt chunk whose sizes agree with `channels` and `bits`.
    fn fmt(format: u16, channels: u16, rate: u32, bits: u16) -> Vec<u8> {
        let align = channels * bits / 8;
        let mut f = format.to_le_bytes().to_vec();
        f.extend(channels.to_le_bytes());
        f.extend(rate.to_le_bytes());
        f.extend((rate * align as u32).to_le_bytes());
        f.extend(align.to_le_bytes());
        f.extend(bits.to_le_bytes());
        f
    }

    /// A WAVE_FORMAT_EXTENSIBLE fmt chunk (40 bytes) whose subformat GUID starts with `sub`.
    fn extensible(channels: u16, bits: u16, sub: u16) -> Vec<u8> {
        let mut f = fmt(0xFFFE, channels, 48_000, bits);
        f.extend(22u16.to_le_bytes());
        f.extend(bits.to_le_bytes()); // valid bits
        f.extend(0u32.to_le_bytes()); // channel mask
        f.extend(sub.to_le_bytes());
        f.extend([
            0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
        ]);
        f
    }

    #[test]
    fn a_block_size_or_byte_rate_that_disagrees_with_channels_and_bits_is_refused() {
        let good = fmt(1, 2, 44_100, 16);
        assert_eq!(check(&riff(&good, &[0; 8])), Ok(()));
        let mut align = good.clone();
        align[12..14].copy_from_slice(&3u16.to_le_bytes());
        let mut rate = good;
        rate[8..12].copy_from_slice(&1000u32.to_le_bytes());
        for f in [align, rate] {
            let err = check(&riff(&f, &[0; 8])).unwrap_err();
            assert!(err.contains("spreekt zichzelf tegen"), "{err}");
        }
    }

    #[test]
    fn an_extensible_wav_is_judged_by_its_subformat() {
        assert_eq!(check(&riff(&extensible(1, 16, 1), &[0; 4])), Ok(()));
        assert_eq!(check(&riff(&extensible(2, 32, 3), &[0; 16])), Ok(()));
        let mp3 = check(&riff(&extensible(1, 16, 0x55), &[0; 4])).unwrap_err();
        assert!(mp3.contains("niet kan afspelen"), "{mp3}");
        let float16 = check(&riff(&extensible(1, 16, 3), &[0; 4])).unwrap_err();
        assert!(float16.contains("niet kan afspelen"), "{float16}");
        let short = check(&riff(&fmt(0xFFFE, 1, 48_000, 16), &[0; 4])).unwrap_err();
        assert!(short.contains("onvolledig"), "{short}");
    }

    #[test]
    fn a_wav_without_sound_is_refused() {
        let err = check(&riff(&fmt(1, 1, 48_000, 16), &[])).unwrap_err();
        assert_eq!(err, "de opname is leeg");
    }

    #[test]
    fn sound_that_does_not_fit_the_header_is_refused() {
        let half_sample = check(&riff(&fmt(1, 1, 48_000, 16), &[0; 3])).unwrap_err();
        assert!(half_sample.contains("midden in"), "{half_sample}");
        let mut longer = riff(&fmt(1, 1, 48_000, 16), &[0; 4]);
        longer[4..8].copy_from_slice(&1000u32.to_le_bytes());
        let err = check(&longer).unwrap_err();
        assert!(err.contains("afgebroken"), "{err}");
    }
}
