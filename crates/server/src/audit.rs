//! The audit log: one append-only row for every read or change of client data, written in the
//! same transaction as the change (or before a read is answered).

use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::auth::Caller;

/// Writes one audit row.
pub async fn record(
    conn: &mut SqliteConnection,
    caller: &Caller,
    action: &str,
    client_id: Option<Uuid>,
    detail: Option<&str>,
) -> sqlx::Result<()> {
    record_raw(
        conn,
        Some(caller.therapist_id),
        &caller.address,
        action,
        client_id,
        detail,
    )
    .await
}

/// Writes one audit row for an event without a logged-in therapist (a failed login).
pub async fn record_raw(
    conn: &mut SqliteConnection,
    therapist_id: Option<Uuid>,
    address: &str,
    action: &str,
    client_id: Option<Uuid>,
    detail: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO audit_events (at, therapist_id, action, client_id, address, detail) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(crate::db::now())
        .bind(therapist_id.map(|t| t.to_string()))
        .bind(action)
        .bind(client_id.map(|c| c.to_string()))
        .bind(address)
        .bind(detail)
        .execute(conn)
        .await?;
    Ok(())
}
