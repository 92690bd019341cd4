//! PNG images: the header is read first and the image is refused if unpacking it would take
//! more memory than a drawing ever needs; then every row is decoded, one row in memory at a time.

use super::MAX_IMAGE_SIDE;

/// Most bytes an image may unpack to (width × height × bytes per pixel): 64 MiB, about three
/// times a full-resolution iPad Pro canvas (2732×2048 RGBA, 22 MB). A small file of zeros can
/// claim far more: 8192×8192 of 16-bit RGBA is 512 MiB from a file of a few MB.
pub const MAX_UNPACKED: usize = 64 << 20;

/// What the decoder itself may allocate (row buffers, text chunks): far below `MAX_UNPACKED`.
const DECODER_MEMORY: usize = 8 << 20;

/// Decodes the header, refuses what would unpack too large, then decodes every row: a
/// truncated or corrupt PNG is refused.
pub(super) fn check(bytes: &[u8]) -> Result<(), String> {
    let broken = || "het bestand is beschadigd of onvolledig".to_owned();
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_limits(png::Limits {
        bytes: DECODER_MEMORY,
    });
    let mut reader = decoder.read_info().map_err(|_| broken())?;
    let info = reader.info();
    let (w, h) = (info.width, info.height);
    if w == 0 || h == 0 || w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE {
        return Err(format!(
            "{w}×{h} pixels valt buiten 1 tot {MAX_IMAGE_SIDE} pixels breed en hoog"
        ));
    }
    // From the header alone, before anything is allocated for the pixels.
    let unpacked = reader.output_buffer_size();
    if unpacked > MAX_UNPACKED {
        return Err(format!(
            "de afbeelding is te groot om te bewaren ({w}×{h} pixels, {} MB uitgepakt; hoogstens {} MB)",
            unpacked >> 20,
            MAX_UNPACKED >> 20
        ));
    }
    // Row by row: only one row is ever in memory, whatever the header claimed.
    while reader.next_row().map_err(|_| broken())?.is_some() {}
    reader.finish().map_err(|_| broken())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bits written the way deflate reads them: least significant first.
    #[derive(Default)]
    struct Bits {
        out: Vec<u8>,
        used: u32,
    }

    impl Bits {
        fn push(&mut self, value: u32, n: u32) {
            for i in 0..n {
                if self.used.is_multiple_of(8) {
                    self.out.push(0);
                }
                let bit = (value >> i) & 1;
                *self.out.last_mut().unwrap() |= (bit as u8) << (self.used % 8);
                self.used += 1;
            }
        }

        /// A Huffman code: most significant bit first.
        fn code(&mut self, code: u32, n: u32) {
            for i in (0..n).rev() {
                self.push((code >> i) & 1, 1);
            }
        }
    }

    /// A zlib stream of `n` zero bytes: one fixed-Huffman block of a literal 0 followed by
    /// copies of 258 bytes from one back, 13 bits each.
    fn zlib_zeros(n: usize) -> Vec<u8> {
        let mut bits = Bits::default();
        bits.push(1, 1); // last block
        bits.push(1, 2); // fixed Huffman codes
        bits.code(0x30, 8); // literal 0
        let copies = (n - 1) / 258;
        for _ in 0..copies {
            bits.code(0xC5, 8); // length 258 (code 285)
            bits.code(0, 5); // distance 1
        }
        for _ in 0..(n - 1) % 258 {
            bits.code(0x30, 8);
        }
        bits.code(0, 7); // end of block
        let mut z = vec![0x78, 0x01];
        z.extend(bits.out);
        let adler = (((n % 65_521) as u32) << 16) | 1; // a stays 1, b grows by 1 a byte
        z.extend(adler.to_be_bytes());
        z
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= b as u32;
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    /// A complete, valid PNG of `w`×`h` pixels of 16-bit RGBA, all zero.
    fn rgba16_zeros(w: u32, h: u32) -> Vec<u8> {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut chunk = |kind: &[u8; 4], data: &[u8]| {
            png.extend((data.len() as u32).to_be_bytes());
            let start = png.len();
            png.extend(kind);
            png.extend(data);
            let crc = crc32(&png[start..]);
            png.extend(crc.to_be_bytes());
        };
        let mut ihdr = w.to_be_bytes().to_vec();
        ihdr.extend(h.to_be_bytes());
        ihdr.extend([16, 6, 0, 0, 0]); // 16 bits, RGBA, deflate, no filter method, no interlace
        chunk(b"IHDR", &ihdr);
        chunk(b"IDAT", &zlib_zeros(h as usize * (1 + w as usize * 8)));
        chunk(b"IEND", &[]);
        png
    }

    #[test]
    fn a_small_png_of_zeros_decodes_as_it_should() {
        assert_eq!(check(&rgba16_zeros(30, 20)), Ok(()));
        let png = rgba16_zeros(30, 20);
        assert!(check(&png[..png.len() - 20]).is_err());
    }

    #[test]
    fn a_small_file_that_unpacks_to_half_a_gigabyte_is_refused_from_its_header() {
        let png = rgba16_zeros(8192, 8192);
        assert!(png.len() < 4 << 20, "{} bytes", png.len());
        let err = check(&png).unwrap_err();
        assert!(err.contains("te groot"), "{err}");
    }
}
