//! Whose data is whose. Every route finds only the caller's own clients and artefacts, and
//! answers for another therapist's exactly as for a missing one: the same 404, the same words,
//! so an id never tells that it exists.

use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqliteConnection, SqlitePool, Transaction};
use uuid::Uuid;

use crate::auth::Caller;
use crate::{Error, db};

/// An id from a path; anything that is not a UUID cannot exist.
pub fn parse_id(raw: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(raw).map_err(|_| Error::NotFound)
}

/// `Ok` if the caller owns client `id`; otherwise `NotFound`, exactly as if it were missing.
pub async fn owned(conn: &mut SqliteConnection, caller: &Caller, id: Uuid) -> Result<(), Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM clients WHERE id = ? AND owner_id = ?")
        .bind(id.to_string())
        .bind(caller.therapist_id.to_string())
        .fetch_one(conn)
        .await?;
    if n == 0 { Err(Error::NotFound) } else { Ok(()) }
}

/// A connection for a route that reads client `raw` (a path segment), once it is known to be
/// the caller's; with the client's id.
pub async fn reading_client(
    pool: &SqlitePool,
    caller: &Caller,
    raw: &str,
) -> Result<(PoolConnection<Sqlite>, Uuid), Error> {
    let id = parse_id(raw)?;
    let mut conn = pool.acquire().await?;
    owned(&mut conn, caller, id).await?;
    Ok((conn, id))
}

/// A write transaction for a route that changes client `raw` (a path segment), once it is
/// known to be the caller's; with the client's id.
pub async fn writing_client(
    pool: &SqlitePool,
    caller: &Caller,
    raw: &str,
) -> Result<(Transaction<'static, Sqlite>, Uuid), Error> {
    let id = parse_id(raw)?;
    let mut tx = db::begin_write(pool).await?;
    owned(&mut tx, caller, id).await?;
    Ok((tx, id))
}

/// Artefact `id` as the caller may see it: `Ok(None)` if there is none, `Ok(Some(content
/// hash))` if it is the caller's, and `NotFound` if it is another therapist's, which is what a
/// missing one answers on every route but the idempotent upload.
pub async fn artefact_hash(
    conn: &mut SqliteConnection,
    caller: &Caller,
    id: Uuid,
) -> Result<Option<String>, Error> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT owner_id, content_hash FROM artefacts WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(conn)
            .await?;
    match row {
        None => Ok(None),
        Some((owner, hash)) if owner == caller.therapist_id.to_string() => Ok(Some(hash)),
        Some(_) => Err(Error::NotFound),
    }
}

/// `Ok` if the caller owns artefact `id` (a path segment); otherwise `NotFound`.
pub async fn owned_artefact(
    conn: &mut SqliteConnection,
    caller: &Caller,
    id: &str,
) -> Result<Uuid, Error> {
    let id = parse_id(id)?;
    artefact_hash(conn, caller, id)
        .await?
        .map(|_| id)
        .ok_or(Error::NotFound)
}
