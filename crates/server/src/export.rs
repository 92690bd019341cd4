//! The export of everything of one client as a ZIP (the AVG right of access). What goes in is
//! decided in `speelruimte_model::export_manifest`; here the records are read (one audit row
//! for the whole export) and the ZIP is written while it is sent.
//!
//! Memory stays flat whatever the size: the ZIP is written on a blocking thread into a pipe of
//! [`CHUNK`] bytes that the answer's body reads from, and each stored file is copied from its
//! blob file through that pipe, never read whole. The original files are stored, not
//! compressed (PNG is compressed already; WAV and strokes hardly shrink), so the export runs at
//! the disk's speed; the JSON records and the README are deflated. Sizes are not known before
//! a file is written, so each entry is followed by a data descriptor (ZIP's streaming form;
//! `unzip`, Windows' Explorer and macOS' Archive Utility read it).
//!
//! If writing fails half-way (a blob file unreadable), the body ends with an error, so the
//! browser sees a broken download, never a short ZIP that looks whole.

use std::io::Write;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use speelruimte_model::{
    ApiError, ClientRecords, EvaluationReport, ExportEntry, ExportSource, ReportQuery,
    export_manifest,
};
use tokio::sync::Semaphore;
use tokio_util::io::{ReaderStream, SyncIoBridge};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::blobs::BlobStore;
use crate::ownership::reading_client;
use crate::{
    AppState, Error, artefacts, audit, clients, evaluations, exercises, goals, progress, sessions,
};

/// Bytes in flight between the ZIP writer and the answer.
const CHUNK: usize = 256 * 1024;

/// Exports written at the same time; more wait their turn (each one reads a disk flat out).
static RUNNING: Semaphore = Semaphore::const_new(2);

/// The name of the header that tells how many bytes the export's files hold unpacked, for the
/// app's progress bar (the ZIP itself is a little smaller: its text is compressed).
pub const EXPORT_BYTES_HEADER: &str = "x-export-bytes";

/// The export route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(export_client))
}

/// Everything of one client as a ZIP: every record as JSON, the original files of every
/// artefact, and a LEESMIJ.txt in Dutch that says what each file is.
#[utoipa::path(get, path = "/api/clients/{id}/export", tag = "clients", operation_id = "export_client",
    params(("id" = Uuid, Path)), responses(
    (status = 200, content_type = "application/zip", description = "The ZIP, streamed; the x-export-bytes header gives the files' size unpacked"),
    (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn export_client(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, Error> {
    let (mut conn, id) = reading_client(&state.db, &caller, &id).await?;
    let records = load_records(&mut conn, id).await?;
    let made_at = chrono::Utc::now();
    let reports = evaluation_reports(&state, &records).await?;
    let entries = export_manifest(&records, &reports, made_at);
    let total: u64 = entries.iter().map(ExportEntry::size).sum();
    let detail = format!("{} files, {total} bytes", entries.len());
    audit::record(&mut conn, &caller, "client.export", Some(id), Some(&detail)).await?;
    drop(conn);

    let permit = RUNNING
        .acquire()
        .await
        .expect("the semaphore is never closed");
    let (pipe_in, pipe_out) = tokio::io::duplex(CHUNK);
    let pipe_in = SyncIoBridge::new(pipe_in);
    let (done_tx, done_rx) = tokio::sync::oneshot::channel();
    let store = state.blobs.clone();
    let when = zip_time(made_at);
    tokio::task::spawn_blocking(move || {
        let result = write_zip(&entries, &*store, when, pipe_in);
        drop(permit);
        if let Err(e) = &result {
            tracing::error!(error = %e, client = %id, "the export of a client broke off");
        }
        let _ = done_tx.send(result.is_ok());
    });
    let tail = futures_util::stream::once(async move {
        match done_rx.await {
            Ok(true) => None,
            _ => Some(Err(std::io::Error::other("the export broke off"))),
        }
    });
    use futures_util::StreamExt as _;
    let body = ReaderStream::with_capacity(pipe_out, CHUNK)
        .chain(tail.filter_map(|end| async move { end }));
    let name = format!(
        "speelruimte-{}-{}.zip",
        file_safe(records.client.label.as_str()),
        made_at.format("%Y-%m-%d")
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        [(EXPORT_BYTES_HEADER, total.to_string())],
        Body::from_stream(body),
    )
        .into_response())
}

/// Everything the server keeps of client `id` (one the caller may read).
pub(crate) async fn load_records(
    conn: &mut sqlx::SqliteConnection,
    id: uuid::Uuid,
) -> Result<ClientRecords, Error> {
    Ok(ClientRecords {
        client: clients::load(conn, id).await?,
        goals: goals::of_client(conn, id).await?,
        sessions: sessions::of_client(conn, id).await?,
        artefacts: artefacts::of_client(conn, id).await?,
        progress: progress::of_client(conn, id).await?,
        evaluations: evaluations::of_client(conn, id).await?,
        exercises: exercises::of_client(conn, id).await?,
    })
}

/// The evaluatieverslag of every evaluation with the default picks (its goals and their
/// charts, the conversation; no drawings: their originals are in the export already),
/// typeset one after the other on a blocking thread. A PDF without images is some tens of kB.
async fn evaluation_reports(
    state: &AppState,
    records: &ClientRecords,
) -> Result<Vec<EvaluationReport>, Error> {
    let mut made = Vec::with_capacity(records.evaluations.len());
    for e in &records.evaluations {
        let (report, _) =
            crate::report::make_report(state, records, e, ReportQuery::default()).await?;
        made.push((e.id, e.date, report));
    }
    tokio::task::spawn_blocking(move || {
        made.into_iter()
            .map(|(evaluation_id, date, report)| {
                let pdf = speelruimte_report::pdf(&report.typeset()?)?;
                Ok(EvaluationReport {
                    evaluation_id,
                    date,
                    pdf,
                })
            })
            .collect::<Result<Vec<_>, speelruimte_report::ReportError>>()
    })
    .await
    .map_err(|e| Error::Internal(anyhow::anyhow!("typesetting stopped: {e}")))?
    .map_err(|e| Error::Internal(anyhow::anyhow!(e)))
}

/// A label as a file name: letters, digits and `-` kept, the rest `_`.
fn file_safe(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn zip_time(at: chrono::DateTime<chrono::Utc>) -> zip::DateTime {
    use chrono::{Datelike, Timelike};
    let n = |v: u32| u8::try_from(v).unwrap_or(0);
    zip::DateTime::from_date_and_time(
        u16::try_from(at.year()).unwrap_or(1980),
        n(at.month()),
        n(at.day()),
        n(at.hour()),
        n(at.minute()),
        n(at.second()),
    )
    .unwrap_or_default()
}

/// Writes the ZIP of `entries` into `out`, copying each stored file from `store`.
fn write_zip(
    entries: &[ExportEntry],
    store: &dyn BlobStore,
    when: zip::DateTime,
    out: impl Write,
) -> std::io::Result<()> {
    use zip::CompressionMethod::{Deflated, Stored};
    let mut zip = zip::ZipWriter::new_stream(std::io::BufWriter::with_capacity(CHUNK, out));
    for e in entries {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(if e.compress { Deflated } else { Stored })
            .large_file(e.size() >= u64::from(u32::MAX))
            .last_modified_time(when);
        zip.start_file(e.path.as_str(), options)?;
        match &e.source {
            ExportSource::Bytes(bytes) => zip.write_all(bytes)?,
            ExportSource::Blob { sha256, size } => {
                let copied = std::io::copy(&mut store.open(sha256)?, &mut zip)?;
                if copied != *size {
                    return Err(std::io::Error::other(format!(
                        "blob {sha256} holds {copied} bytes, its row says {size}"
                    )));
                }
            }
        }
    }
    zip.finish()?.into_inner().flush()
}
