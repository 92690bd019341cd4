//! Reading an upload's body: how large it may be, and how much memory all uploads together may
//! hold while they are read and checked.

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, header};
use tokio::sync::{Semaphore, SemaphorePermit};

use crate::Error;

/// Largest artefact upload as JSON (files in base64), in bytes.
pub const MAX_UPLOAD: usize = 64 * 1024 * 1024;

/// Largest binary upload ([`speelruimte_model::ENVELOPE_MEDIA_TYPE`]), in bytes: a ten-minute free play (the
/// longest the sound core records) is a 58 MB WAV in mono and 116 MB in stereo, with room for
/// the rest.
pub const MAX_BINARY_UPLOAD: usize = 128 * 1024 * 1024;

/// Upload bytes all uploads together may hold in memory at once, in MiB. Uploads are read
/// whole (capped, not streamed: every file is checked whole before it is kept anyway), so
/// each reserves its share before it reads its body, and waits while the memory is taken.
pub const UPLOAD_MEMORY_MIB: usize = 256;

/// Reserves the memory an upload of `headers`'s declared length takes (`factor` times its
/// body), refusing at once what is over `max`.
pub async fn reserve(
    headers: &HeaderMap,
    max: usize,
    factor: usize,
) -> Result<SemaphorePermit<'static>, Error> {
    static MEMORY: Semaphore = Semaphore::const_new(UPLOAD_MEMORY_MIB);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > max) {
        return Err(Error::TooLarge);
    }
    let mib = (declared.unwrap_or(max).div_ceil(1 << 20) * factor).clamp(1, UPLOAD_MEMORY_MIB);
    MEMORY
        .acquire_many(mib as u32)
        .await
        .map_err(|e| Error::Internal(e.into()))
}

/// Reads a whole body of at most `max` bytes.
pub async fn read_body(body: Body, max: usize) -> Result<Bytes, Error> {
    axum::body::to_bytes(body, max).await.map_err(|e| {
        if e.into_inner()
            .downcast_ref::<http_body_util::LengthLimitError>()
            .is_some()
        {
            Error::TooLarge
        } else {
            Error::Validation("Het werkstuk is onderweg afgebroken; probeer het opnieuw.".into())
        }
    })
}
