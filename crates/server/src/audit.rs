//! The audit log: one append-only row for every read or change of client data, written in the
//! same transaction as the change (or before a read is answered), and for the events around
//! it: account creation, logins (also failed ones), logout and refused requests
//! ([`refusals`]). Each row says who (if known), what, which client, when, and from where
//! (address and user agent, from the one [`Source`] of the request).

pub mod refusals;

use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::auth::{Caller, Source};

/// Writes one audit row for a logged-in therapist.
pub async fn record(
    conn: &mut SqliteConnection,
    caller: &Caller,
    action: &str,
    client_id: Option<Uuid>,
    detail: Option<&str>,
) -> sqlx::Result<()> {
    record_by(
        conn,
        Some(caller.therapist_id),
        &caller.source,
        action,
        client_id,
        detail,
    )
    .await
}

/// Writes one audit row where the request carries no checked login session: `therapist` is the
/// account it concerns if one is known (an account being made, a login that succeeded, a
/// refusal of a known session) and `None` otherwise (a failed login, an anonymous refusal).
pub async fn record_by(
    conn: &mut SqliteConnection,
    therapist: Option<Uuid>,
    source: &Source,
    action: &str,
    client_id: Option<Uuid>,
    detail: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO audit_events (at, therapist_id, action, client_id, address, user_agent, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(crate::db::now())
        .bind(therapist.map(|t| t.to_string()))
        .bind(action)
        .bind(client_id.map(|c| c.to_string()))
        .bind(&source.address)
        .bind(source.user_agent.as_deref())
        .bind(detail)
        .execute(conn)
        .await?;
    Ok(())
}
