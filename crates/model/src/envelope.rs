//! The binary form of an artefact upload: `PUT /api/artefacts/{id}` with the content type
//! [`ENVELOPE_MEDIA_TYPE`]. The files travel as their own bytes, not as base64 inside JSON,
//! so a ten-minute free play (a 58 MB WAV) is sent as 58 MB, not 77.
//!
//! Layout, all in one body:
//!
//! ```text
//! "SPR" 0x01          magic and version (4 bytes)
//! head length         u32, little-endian
//! head                JSON: ArtefactHead {"artefact": {..record, no blobs..}, "files": [{name, media_type, size}]}
//! file bytes          each file's bytes, in the order of "files", nothing between or after
//! ```
//!
//! The head comes first so the server checks names, types and sizes before it looks at a
//! byte of the files; the sizes make the end of every file exact, so a body cut off on the way
//! (or with anything appended) is refused, never half kept.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::{ArtefactUpload, BlobName, MAX_METADATA_BYTES, MediaType, ValidationError};

/// The content type of a binary upload.
pub const ENVELOPE_MEDIA_TYPE: &str = "application/vnd.speelruimte.artefact";

/// "SPR" and format version 1.
const MAGIC: [u8; 4] = *b"SPR\x01";

/// Largest head: the largest metadata and room for the rest of the record.
pub const MAX_HEAD_BYTES: usize = MAX_METADATA_BYTES + 64 * 1024;

/// One file of a binary upload, as the head announces it; its bytes follow the head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BlobPart {
    /// Name inside the artefact.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "mix.wav"))]
    pub name: BlobName,
    /// What the bytes are.
    pub media_type: MediaType,
    /// How many bytes follow for it.
    pub size: u64,
}

/// The head of a binary upload: the record (with `blobs` empty) and the files that follow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArtefactHead {
    /// Everything of the upload but the files.
    pub artefact: ArtefactUpload,
    /// The files, in the order their bytes follow.
    pub files: Vec<BlobPart>,
}

impl ArtefactHead {
    /// The rules of [`ArtefactUpload::validate`], for the files of the envelope.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if !self.artefact.blobs.is_empty() {
            return Err(ValidationError::Envelope(
                "de bestanden staan in de kop in plaats van erna",
            ));
        }
        self.artefact
            .validate_with(self.files.iter().map(|f| &f.name))
    }
}

/// A file the tablet is about to send, with its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingFile {
    /// Name inside the artefact.
    pub name: BlobName,
    /// What the bytes are.
    pub media_type: MediaType,
    /// The content.
    pub bytes: Vec<u8>,
}

/// What goes before the files' bytes for `artefact` (its `blobs` left out) and `files`; the
/// files' bytes follow it in this order. The head is small: the files are not copied.
pub fn envelope_head(artefact: &ArtefactUpload, files: &[OutgoingFile]) -> Vec<u8> {
    let head = ArtefactHead {
        artefact: ArtefactUpload {
            blobs: Vec::new(),
            ..artefact.clone()
        },
        files: files
            .iter()
            .map(|f| BlobPart {
                name: f.name.clone(),
                media_type: f.media_type,
                size: f.bytes.len() as u64,
            })
            .collect(),
    };
    let json = serde_json::to_vec(&head).expect("a record serialises");
    let mut out = Vec::with_capacity(8 + json.len());
    out.extend(MAGIC);
    out.extend((json.len() as u32).to_le_bytes());
    out.extend(json);
    out
}

/// Reads an envelope: its checked head and where each file's bytes are in `bytes`.
pub fn decode_envelope(bytes: &[u8]) -> Result<(ArtefactHead, Vec<Range<usize>>), ValidationError> {
    use ValidationError::Envelope;
    if bytes.len() < 8 || bytes[..4] != MAGIC {
        return Err(Envelope("het is geen werkstuk uit Speelruimte"));
    }
    let head_len = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    if head_len > MAX_HEAD_BYTES {
        return Err(ValidationError::MetadataTooLarge {
            kib: head_len.div_ceil(1024),
            max_kib: MAX_HEAD_BYTES / 1024,
        });
    }
    let start = 8 + head_len;
    if bytes.len() < start {
        return Err(Envelope("het is afgebroken"));
    }
    let head: ArtefactHead =
        serde_json::from_slice(&bytes[8..start]).map_err(|e| ValidationError::Unreadable {
            record: "het werkstuk",
            reason: e.to_string(),
        })?;
    head.validate()?;
    let mut ranges = Vec::with_capacity(head.files.len());
    let mut at = start;
    for f in &head.files {
        let end = usize::try_from(f.size)
            .ok()
            .and_then(|n| at.checked_add(n))
            .filter(|&end| end <= bytes.len())
            .ok_or(Envelope("het is afgebroken"))?;
        ranges.push(at..end);
        at = end;
    }
    if at != bytes.len() {
        return Err(Envelope("er staat meer in dan de kop aankondigt"));
    }
    Ok((head, ranges))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> ArtefactUpload {
        serde_json::from_value(serde_json::json!({
            "kind": "music",
            "client_id": "7d2a3e1c-41a1-4bd5-9b1c-2a1c3b4d5e6f",
            "created_at": "2026-11-24T10:00:00Z",
            "metadata": {"note": "x"},
        }))
        .unwrap()
    }

    fn file(name: &str, bytes: &[u8]) -> OutgoingFile {
        OutgoingFile {
            name: BlobName::parse(name).unwrap(),
            media_type: MediaType::OctetStream,
            bytes: bytes.to_vec(),
        }
    }

    fn envelope(files: &[OutgoingFile]) -> Vec<u8> {
        let mut out = envelope_head(&record(), files);
        for f in files {
            out.extend(&f.bytes);
        }
        out
    }

    #[test]
    fn the_files_come_back_byte_for_byte_in_their_order() {
        let files = [
            file("a.bin", b"eerste"),
            file("b.bin", b""),
            file("c.bin", &[0, 255, 7]),
        ];
        let bytes = envelope(&files);
        let (head, ranges) = decode_envelope(&bytes).unwrap();
        assert_eq!(head.artefact, record());
        let names: Vec<&str> = head.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a.bin", "b.bin", "c.bin"]);
        let back: Vec<&[u8]> = ranges.into_iter().map(|r| &bytes[r]).collect();
        assert_eq!(back, [&b"eerste"[..], b"", &[0, 255, 7]]);
    }

    #[test]
    fn a_body_cut_off_or_with_something_appended_is_refused() {
        let bytes = envelope(&[file("a.bin", b"eerste")]);
        for n in [0, 3, 7, 12, bytes.len() - 1] {
            assert!(decode_envelope(&bytes[..n]).is_err(), "cut at {n}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(
            decode_envelope(&longer).unwrap_err().to_string(),
            "Het werkstuk is onderweg beschadigd en kan niet worden gelezen: er staat meer in dan \
             de kop aankondigt."
        );
    }

    #[test]
    fn the_rules_of_an_upload_hold_for_the_files_of_an_envelope() {
        let twice = envelope(&[file("a.bin", b"1"), file("a.bin", b"2")]);
        assert_eq!(
            decode_envelope(&twice).unwrap_err(),
            ValidationError::DuplicateBlob("a.bin".into())
        );
        let many: Vec<OutgoingFile> = (0..=crate::MAX_BLOBS)
            .map(|i| file(&format!("{i}.bin"), b""))
            .collect();
        assert!(matches!(
            decode_envelope(&envelope(&many)),
            Err(ValidationError::TooMany { .. })
        ));
        assert_eq!(
            decode_envelope(b"{\"kind\":\"music\"}")
                .unwrap_err()
                .to_string(),
            "Het werkstuk is onderweg beschadigd en kan niet worden gelezen: het is geen werkstuk \
             uit Speelruimte."
        );
    }

    #[test]
    fn a_size_larger_than_memory_is_refused_not_wrapped() {
        let mut bytes = envelope(&[file("a.bin", b"")]);
        let json = String::from_utf8(bytes[8..].to_vec()).unwrap();
        let json = json.replace("\"size\":0", &format!("\"size\":{}", u64::MAX));
        bytes.truncate(4);
        bytes.extend((json.len() as u32).to_le_bytes());
        bytes.extend(json.as_bytes());
        assert!(decode_envelope(&bytes).is_err());
    }
}
