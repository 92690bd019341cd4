//! Checking that an upload holds what it claims, before it is kept: each blob is the media
//! type it says. (The records in the metadata are checked in `records`.)
//!
//! Blobs (PNG, WAV, JSON, a drawing's strokes) are decoded whole, on the blocking pool.

use std::sync::OnceLock;

use axum::body::Bytes;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use speelruimte_model::{BlobName, BlobUpload, MediaType, ValidationError};
use tokio::sync::Semaphore;

use crate::Error;
use crate::auth::hex;

mod png;
mod wav;

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
        MediaType::Png => png::check(bytes).map_err(|r| fail("geldige PNG-afbeelding", r)),
        MediaType::Wav => wav::check(bytes).map_err(|r| fail("geldig WAV-geluidsbestand", r)),
        MediaType::Json => serde_json::from_slice::<serde_json::Value>(bytes)
            .map(|_| ())
            .map_err(|e| {
                fail(
                    "geldig JSON-bestand",
                    format!("het is beschadigd of onvolledig (regel {})", e.line()),
                )
            }),
        // The only binary files the app sends are a drawing's strokes (`strokes.bin`), which
        // the replay decodes; what does not decode could never be shown, so it is not kept.
        MediaType::OctetStream => check_strokes(bytes).map_err(|r| fail("geldige tekening", r)),
    }
}

/// Largest `strokes.bin` kept: 4 MiB. At about 5 bytes a pen sample that is two hours of
/// drawing without a pause; decoded, a point takes up to 13 times its smallest encoding, so
/// this also bounds the memory a decode can take (about 56 MB).
pub const MAX_STROKES_BYTES: usize = 4 << 20;

fn check_strokes(bytes: &[u8]) -> Result<(), String> {
    if bytes.len() > MAX_STROKES_BYTES {
        return Err(format!(
            "de tekening is te groot om te bewaren (hoogstens {} MB)",
            MAX_STROKES_BYTES >> 20
        ));
    }
    speelruimte_ink::decode(bytes)
        .map(|_| ())
        .map_err(strokes_reason)
}

/// Why strokes were refused, in words for a therapist.
fn strokes_reason(e: speelruimte_ink::DecodeError) -> String {
    use speelruimte_ink::DecodeError;
    match e {
        DecodeError::BadMagic => "het is geen tekening uit Speelruimte".into(),
        DecodeError::UnsupportedVersion(_) => {
            "de tekening komt uit een nieuwere versie van Speelruimte".into()
        }
        DecodeError::Truncated => "de tekening is onvolledig".into(),
        DecodeError::Invalid(what) => format!("de tekening is beschadigd ({what})"),
    }
}

/// A blob as it arrived (raw, or decoded from base64), checked, with its hash.
#[derive(Debug)]
pub struct CheckedBlob {
    /// Its name in the artefact.
    pub name: BlobName,
    /// What it is.
    pub media_type: MediaType,
    /// SHA-256 of `bytes`, lowercase hex: the file's name in the blob store.
    pub sha256: String,
    /// The content (shared, not copied, with the request body it came in).
    pub bytes: Bytes,
}

/// How many blobs are decoded and checked at once, at most: a PNG or a drawing takes a core
/// for a while and the memory of its rows, so more at once would only starve the requests.
pub fn parallel_checks() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// Runs `work` on the blocking thread pool (never on the async workers, which serve every
/// other request meanwhile), never more than [`parallel_checks`] at once.
async fn on_check_pool<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    static CHECKS: OnceLock<Semaphore> = OnceLock::new();
    let permit = CHECKS
        .get_or_init(|| Semaphore::new(parallel_checks()))
        .acquire()
        .await
        .map_err(|e| Error::Internal(e.into()))?;
    tokio::task::spawn_blocking(move || {
        // The permit goes with the work: a request given up on cannot free its place while
        // its decode still runs.
        let _permit = permit;
        work()
    })
    .await
    .map_err(|e| Error::Internal(e.into()))?
}

fn checked(name: BlobName, media_type: MediaType, bytes: Bytes) -> Result<CheckedBlob, Error> {
    check(name.as_str(), media_type, &bytes)?;
    Ok(CheckedBlob {
        sha256: hex(&Sha256::digest(&bytes)),
        name,
        media_type,
        bytes,
    })
}

/// Decodes a blob of a JSON upload from base64 and checks its content.
pub async fn check_upload(blob: BlobUpload) -> Result<CheckedBlob, Error> {
    on_check_pool(move || {
        let BlobUpload {
            name,
            media_type,
            data_base64,
        } = blob;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&data_base64)
            .map_err(|_| {
                Error::Validation(format!(
                    "Het bestand '{}' is onderweg beschadigd en kan niet worden gelezen.",
                    name.as_str()
                ))
            })?;
        checked(name, media_type, bytes.into())
    })
    .await
}

/// Checks the content of a blob that arrived as raw bytes (a binary upload).
pub async fn check_raw(
    name: BlobName,
    media_type: MediaType,
    bytes: Bytes,
) -> Result<CheckedBlob, Error> {
    on_check_pool(move || checked(name, media_type, bytes)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strokes_too_large_to_decode_safely_are_refused_by_their_size() {
        let err = check(
            "strokes.bin",
            MediaType::OctetStream,
            &vec![0; MAX_STROKES_BYTES + 1],
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Het bestand 'strokes.bin' is geen geldige tekening: de tekening is te groot om te \
             bewaren (hoogstens 4 MB)"
        );
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
