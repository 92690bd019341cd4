//! Artefacts (werkstukken): the idempotent upload from the tablet, and reading them back.
//!
//! `PUT /api/artefacts/{id}` with an id made on the tablet: the first time it stores and
//! answers 201; the same body again answers 200 with the same artefact and stores nothing;
//! another body under that id answers 409, and an id that is another therapist's answers 404,
//! exactly as a missing artefact does everywhere. Files are made durable before the rows that
//! point at them are committed, so an acknowledged artefact survives a crash, and a half-written
//! upload is never visible.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use speelruimte_model::{
    ApiError, Artefact, ArtefactKind, ArtefactUpload, BlobInfo, BlobName, ENVELOPE_MEDIA_TYPE,
    MediaType, decode_envelope,
};
use sqlx::SqliteConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::{Caller, hex};
use crate::content::CheckedBlob;
use crate::error::Json;
use crate::ownership::{artefact_hash, owned, owned_artefact, reading_client};
use crate::{AppState, Error, audit, blobs, content, db, groups, records};

pub use crate::upload_body::{MAX_BINARY_UPLOAD, MAX_UPLOAD, UPLOAD_MEMORY_MIB};
use crate::upload_body::{read_body, reserve};

/// The artefact routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(put_artefact, read))
        .routes(routes!(read_blob))
        .routes(routes!(list))
}

fn bad(what: &str) -> Error {
    Error::Internal(anyhow::anyhow!("stored artefact has a bad {what}"))
}

/// Reads one stored artefact with its goals and blobs.
pub(crate) async fn load(conn: &mut SqliteConnection, id: &str) -> Result<Artefact, Error> {
    let (aid, kind, client_id, session_id, created_at, stored_at, metadata): (
        String, String, String, Option<String>, String, String, String,
    ) = sqlx::query_as(
        "SELECT id, kind, client_id, session_id, created_at, stored_at, metadata FROM artefacts WHERE id = ?",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let goal_ids: Vec<String> = sqlx::query_scalar(
        "SELECT goal_id FROM artefact_goals WHERE artefact_id = ? ORDER BY rowid",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let blobs: Vec<(String, String, i64, String)> =
        sqlx::query_as("SELECT name, media_type, size, sha256 FROM artefact_blobs WHERE artefact_id = ? ORDER BY name")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let participants = groups::participants(conn, id).await?;
    let uuid = |s: &str| Uuid::parse_str(s).map_err(|_| bad("id"));
    Ok(Artefact {
        participants,
        id: uuid(&aid)?,
        kind: ArtefactKind::from_code(&kind).ok_or_else(|| bad("kind"))?,
        client_id: uuid(&client_id)?,
        session_id: session_id.as_deref().map(uuid).transpose()?,
        goal_ids: goal_ids.iter().map(|g| uuid(g)).collect::<Result<_, _>>()?,
        created_at: db::parse_time(&created_at),
        stored_at: db::parse_time(&stored_at),
        metadata: serde_json::from_str(&metadata).map_err(|_| bad("metadata"))?,
        blobs: blobs
            .into_iter()
            .map(|(name, media, size, sha256)| {
                Ok(BlobInfo {
                    name: BlobName::parse(&name).map_err(|_| bad("blob name"))?,
                    media_type: MediaType::parse(&media).map_err(|_| bad("media type"))?,
                    size: size as u64,
                    sha256,
                })
            })
            .collect::<Result<_, Error>>()?,
    })
}

/// What makes two uploads "the same": every field, and each blob by name, type and hash.
fn content_hash(up: &ArtefactUpload, blobs: &[CheckedBlob]) -> String {
    let mut canonical = serde_json::json!({
        "kind": up.kind,
        "client_id": up.client_id,
        "session_id": up.session_id,
        "goal_ids": up.goal_ids,
        "created_at": up.created_at,
        "metadata": up.metadata, // serde_json sorts object keys: the same object hashes the same
        "blobs": blobs.iter().map(|b| (b.name.as_str(), b.media_type.as_str(), b.sha256.as_str())).collect::<Vec<_>>(),
    });
    // Only group work names participants: a client's own work hashes as it always did, so an
    // upload retried from an older outbox is still "the same".
    if !up.participants.is_empty() {
        canonical["participants"] = serde_json::json!(up.participants);
    }
    hex(&Sha256::digest(canonical.to_string().as_bytes()))
}

/// Answers a repeated PUT of the caller's own artefact: the same content is 200 with the
/// stored artefact, anything else 409.
async fn repeat(
    conn: &mut SqliteConnection,
    caller: &Caller,
    id: Uuid,
    stored_hash: &str,
    hash: &str,
) -> Result<Response, Error> {
    if stored_hash != hash {
        return Err(Error::Conflict(
            "Er is al een ander werkstuk onder dit kenmerk bewaard.",
        ));
    }
    let artefact = load(conn, &id.to_string()).await?;
    audit::record(
        conn,
        caller,
        "artefact.put",
        Some(artefact.client_id),
        Some("unchanged"),
    )
    .await?;
    Ok((StatusCode::OK, Json(artefact)).into_response())
}

/// Refuses a session or goal that is not this client's.
async fn check_links(conn: &mut SqliteConnection, up: &ArtefactUpload) -> Result<(), Error> {
    let session = up.session_id.map(|s| {
        let sql = "SELECT COUNT(*) FROM therapy_sessions WHERE id = ? AND client_id = ?";
        (sql, s, "De sessie hoort niet bij deze cliënt.")
    });
    let goals = up.goal_ids.iter().map(|&g| {
        let sql = "SELECT COUNT(*) FROM goals WHERE id = ? AND client_id = ?";
        (
            sql,
            g,
            "Een gekoppeld behandeldoel hoort niet bij deze cliënt.",
        )
    });
    for (sql, id, refusal) in session.into_iter().chain(goals) {
        let n: i64 = sqlx::query_scalar(sql)
            .bind(id.to_string())
            .bind(up.client_id.to_string())
            .fetch_one(&mut *conn)
            .await?;
        if n == 0 {
            return Err(Error::Validation(refusal.into()));
        }
    }
    Ok(())
}

/// Stores an artefact made on the tablet, once. The body is either the JSON
/// `ArtefactUpload` (files in base64) or, for large work, the binary envelope
/// (`application/vnd.speelruimte.artefact`: an `ArtefactHead`, then each file's raw bytes; see
/// `speelruimte_model::decode_envelope`). Both are checked the same way, and the same work
/// sent either way is the same artefact.
#[utoipa::path(put, path = "/api/artefacts/{id}", tag = "artefacts", params(("id" = Uuid, Path, description = "UUID made on the tablet")),
    request_body(description = "JSON (files in base64), or the binary envelope: \"SPR\\x01\", the head's length (u32 LE), the head (ArtefactHead JSON), each file's bytes in order",
        content((ArtefactUpload = "application/json"), ("application/vnd.speelruimte.artefact"))),
    responses(
    (status = 201, description = "stored", body = Artefact), (status = 200, description = "already stored with the same content", body = Artefact),
    (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError),
    (status = 409, body = ApiError), (status = 413, body = ApiError), (status = 422, body = ApiError)))]
pub async fn put_artefact(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Error> {
    let id = Uuid::parse_str(&id).map_err(|_| {
        Error::Validation(
            "Het werkstuk heeft geen geldig kenmerk; dit is een fout in de app.".into(),
        )
    })?;
    let media = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    // Held until the files are stored: they share the body's memory.
    let _memory;
    let (up, files) = if media == ENVELOPE_MEDIA_TYPE {
        _memory = reserve(&headers, MAX_BINARY_UPLOAD, 1).await?;
        let bytes = read_body(body, MAX_BINARY_UPLOAD).await?;
        let (head, ranges) = decode_envelope(&bytes)?;
        records::check_metadata(&head.artefact)?;
        let mut files = Vec::with_capacity(ranges.len());
        for (part, range) in head.files.into_iter().zip(ranges) {
            files.push(content::check_raw(part.name, part.media_type, bytes.slice(range)).await?);
        }
        (head.artefact, files)
    } else if media == "application/json" || media.ends_with("+json") {
        // The body, its text and the decoded files.
        _memory = reserve(&headers, MAX_UPLOAD, 3).await?;
        let bytes = read_body(body, MAX_UPLOAD).await?;
        let axum::Json(mut up) = axum::Json::<ArtefactUpload>::from_bytes(&bytes)?;
        drop(bytes);
        up.validate()?;
        records::check_metadata(&up)?;
        let mut files = Vec::with_capacity(up.blobs.len());
        for b in std::mem::take(&mut up.blobs) {
            files.push(content::check_upload(b).await?);
        }
        (up, files)
    } else {
        return Err(Error::Validation(
            "De gegevens moeten als JSON of als werkstuk-pakket worden gestuurd.".into(),
        ));
    };
    let hash = content_hash(&up, &files);

    // Under kindermodus only the locked client's session, with the locked work form.
    if let Some(lock) = &caller.kiosk {
        lock.check_upload(&up)?;
    }
    let mut conn = state.db.acquire().await?;
    owned(&mut conn, &caller, up.client_id).await?;
    if caller.kiosk.is_some() {
        // Under a lock an id of another client's artefact is missing, not a conflict.
        let holder: Option<String> =
            sqlx::query_scalar("SELECT client_id FROM artefacts WHERE id = ?")
                .bind(id.to_string())
                .fetch_optional(&mut *conn)
                .await?;
        if holder.is_some_and(|c| c != up.client_id.to_string()) {
            return Err(Error::NotFound);
        }
    }
    if let Some(stored) = artefact_hash(&mut conn, &caller, id).await? {
        return repeat(&mut conn, &caller, id, &stored, &hash).await;
    }
    check_links(&mut conn, &up).await?;
    let group_sessions = if up.participants.is_empty() {
        Vec::new()
    } else {
        groups::sessions_of(&mut conn, &caller, &up).await?
    };
    drop(conn);

    // From the first file written until the rows are committed, no client delete may decide
    // that these files are unused.
    let _writing = blobs::writing().await;
    // Files first, each durable before anything points at it.
    for b in &files {
        state.blobs.put(&b.sha256, b.bytes.clone()).await?; // shares, does not copy
    }
    let mut tx = db::begin_write(&state.db).await?;
    let inserted = sqlx::query(
        "INSERT INTO artefacts (id, owner_id, client_id, session_id, kind, created_at, stored_at, metadata, content_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id.to_string())
    .bind(caller.therapist_id.to_string())
    .bind(up.client_id.to_string())
    .bind(up.session_id.map(|s| s.to_string()))
    .bind(up.kind.code())
    .bind(up.created_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
    .bind(db::now())
    .bind(up.metadata.to_string())
    .bind(&hash)
    .execute(&mut *tx)
    .await;
    if let Err(sqlx::Error::Database(e)) = &inserted
        && e.is_unique_violation()
    {
        // The same id arrived twice at once; the other one won.
        drop(tx);
        let mut conn = state.db.acquire().await?;
        let stored = artefact_hash(&mut conn, &caller, id)
            .await?
            .ok_or(Error::NotFound)?;
        return repeat(&mut conn, &caller, id, &stored, &hash).await;
    }
    inserted?;
    let mut seen = std::collections::HashSet::new();
    for g in up.goal_ids.iter().filter(|g| seen.insert(**g)) {
        sqlx::query("INSERT INTO artefact_goals (artefact_id, goal_id) VALUES (?, ?)")
            .bind(id.to_string())
            .bind(g.to_string())
            .execute(&mut *tx)
            .await?;
    }
    for b in &files {
        sqlx::query("INSERT INTO artefact_blobs (artefact_id, name, media_type, size, sha256) VALUES (?, ?, ?, ?, ?)")
            .bind(id.to_string())
            .bind(b.name.as_str())
            .bind(b.media_type.as_str())
            .bind(b.bytes.len() as i64)
            .bind(&b.sha256)
            .execute(&mut *tx)
            .await?;
    }
    groups::insert(&mut tx, &caller, id, &up, &group_sessions).await?;
    audit::record(
        &mut tx,
        &caller,
        "artefact.put",
        Some(up.client_id),
        Some(&id.to_string()),
    )
    .await?;
    let artefact = load(&mut tx, &id.to_string()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(artefact)).into_response())
}

/// The clients whose data artefact `a` is: its own client and, in a group, every
/// participating client (the reads of a shared work are logged for each of them).
fn linked(a: &Artefact) -> Vec<Uuid> {
    let others = a.participants.iter().filter_map(|p| p.member.client_id);
    let mut out = vec![a.client_id];
    out.extend(others.filter(|c| *c != a.client_id));
    out
}

/// The artefact `id` (a path segment) if the caller owns it.
async fn load_owned(
    conn: &mut SqliteConnection,
    caller: &Caller,
    id: &str,
) -> Result<Artefact, Error> {
    let id = owned_artefact(conn, caller, id).await?;
    load(conn, &id.to_string()).await
}

/// One artefact (without the bytes of its files).
#[utoipa::path(get, path = "/api/artefacts/{id}", tag = "artefacts", params(("id" = Uuid, Path)), responses(
    (status = 200, body = Artefact), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn read(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Artefact>, Error> {
    let mut conn = state.db.acquire().await?;
    let artefact = load_owned(&mut conn, &caller, &id).await?;
    for c in linked(&artefact) {
        audit::record(&mut conn, &caller, "artefact.read", Some(c), Some(&id)).await?;
    }
    Ok(Json(artefact))
}

/// The bytes of one file of an artefact, with its media type.
#[utoipa::path(get, path = "/api/artefacts/{id}/blobs/{name}", tag = "artefacts", params(("id" = Uuid, Path), ("name" = String, Path)), responses(
    (status = 200, description = "the file", content_type = "application/octet-stream"), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn read_blob(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, name)): Path<(String, String)>,
) -> Result<Response, Error> {
    let mut conn = state.db.acquire().await?;
    let artefact = load_owned(&mut conn, &caller, &id).await?;
    let blob = artefact
        .blobs
        .iter()
        .find(|b| b.name.as_str() == name)
        .ok_or(Error::NotFound)?;
    for c in linked(&artefact) {
        let detail = format!("{id}/{name}");
        audit::record(&mut conn, &caller, "blob.read", Some(c), Some(&detail)).await?;
    }
    drop(conn);
    let bytes = state.blobs.get(&blob.sha256).await?;
    Ok((
        [
            (header::CONTENT_TYPE, blob.media_type.as_str().to_owned()),
            // A client's work: never kept in the HTTP cache, so nothing of it stays behind on
            // a shared tablet (not even for the next therapist on the same browser).
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

/// A client's artefacts, newest first.
#[utoipa::path(get, path = "/api/clients/{id}/artefacts", tag = "artefacts", params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Artefact>), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Artefact>>, Error> {
    let (mut conn, id) = reading_client(&state.db, &caller, &id).await?;
    let out = of_client(&mut conn, id).await?;
    audit::record(&mut conn, &caller, "artefact.list", Some(id), None).await?;
    Ok(Json(out))
}

/// The artefacts of `id` (a client the caller may read), newest first: their own and the group
/// work they took part in.
pub(crate) async fn of_client(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Vec<Artefact>, Error> {
    let sql = format!(
        "SELECT a.id FROM artefacts a WHERE {} ORDER BY a.created_at DESC, a.stored_at DESC",
        groups::LINKED
    );
    let ids: Vec<String> = sqlx::query_scalar(&sql)
        .bind(id.to_string())
        .bind(id.to_string())
        .fetch_all(&mut *conn)
        .await?;
    let mut out = Vec::with_capacity(ids.len());
    for a in &ids {
        out.push(load(conn, a).await?);
    }
    Ok(out)
}
