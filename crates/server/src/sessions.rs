//! A client's therapy sessions (the sessions of treatment, not login sessions).
//!
//! The handlers have the shape of those in `goals.rs` (the caller's client, its rows, an
//! audit row), which `ownership` already serves; what is left differs: other rows, other
//! fields, another order.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use speelruimte_model::{ApiError, NewSession, Session, SessionNotes};
use sqlx::SqliteConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::Json;
use crate::ownership::{reading_client, writing_client};
use crate::{AppState, Error, audit, db, groups};

/// The session routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_sessions, create_session))
}

fn bad(what: &str) -> Error {
    Error::Internal(anyhow::anyhow!("stored session has a bad {what}"))
}

/// A client's sessions, newest first.
#[utoipa::path(get, path = "/api/clients/{id}/sessions", tag = "sessions", params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Session>), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn list_sessions(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Session>>, Error> {
    let (mut conn, id) = reading_client(&state.db, &caller, &id).await?;
    let sessions = of_client(&mut conn, id).await?;
    audit::record(&mut conn, &caller, "session.list", Some(id), None).await?;
    Ok(Json(sessions))
}

/// A stored session: id, date, notes, created at, group.
type SessionRow = (String, String, Option<String>, String, Option<String>);

/// The sessions of `id` (a client the caller may read), newest first.
pub(crate) async fn of_client(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Vec<Session>, Error> {
    let rows: Vec<SessionRow> = sqlx::query_as(
        "SELECT id, date, notes, created_at, group_id FROM therapy_sessions WHERE client_id = ? ORDER BY date DESC, created_at DESC",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (sid, date, notes, created, group) in rows {
        let group = match group {
            Some(g) => Some(groups::load(conn, &g).await?),
            None => None,
        };
        out.push(Session {
            id: Uuid::parse_str(&sid).map_err(|_| bad("id"))?,
            client_id: id,
            date: date.parse().map_err(|_| bad("date"))?,
            notes: notes
                .map(|n| SessionNotes::parse(&n))
                .transpose()
                .map_err(|_| bad("notes"))?,
            created_at: db::parse_time(&created),
            group,
        });
    }
    Ok(out)
}

/// Starts (records) a session. With a `group`, a group or family session: every other
/// participating client gets their own session in the same group.
#[utoipa::path(post, path = "/api/clients/{id}/sessions", tag = "sessions", params(("id" = Uuid, Path)), request_body = NewSession, responses(
    (status = 201, body = Session), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_session(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(new): Json<NewSession>,
) -> Result<(StatusCode, Json<Session>), Error> {
    let (mut tx, id) = writing_client(&state.db, &caller, &id).await?;
    let mut session = Session {
        id: Uuid::new_v4(),
        client_id: id,
        date: new.date,
        notes: new.notes,
        created_at: chrono::Utc::now(),
        group: None,
    };
    let created = session
        .created_at
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    if let Some(g) = &new.group {
        session.group =
            Some(groups::create(&mut tx, &caller, id, session.date, &created, g).await?);
    }
    sqlx::query("INSERT INTO therapy_sessions (id, client_id, date, notes, created_at, group_id) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(session.id.to_string())
        .bind(id.to_string())
        .bind(session.date.to_string())
        .bind(session.notes.as_ref().map(|n| n.as_str().to_owned()))
        .bind(&created)
        .bind(session.group.as_ref().map(|g| g.id.to_string()))
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        &caller,
        "session.create",
        Some(id),
        Some(&session.id.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(session)))
}
