//! Clients: list, add, read, delete — always only the caller's own.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use speelruimte_model::{ApiError, BirthYear, Client, ClientLabel, Discipline, NewClient};
use sqlx::SqliteConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::Json;
use crate::ownership::{reading_client, writing_client};
use crate::{AppState, Error, audit, blobs, db};

/// The client routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_clients, create_client))
        .routes(routes!(read_client, delete_client))
}

type ClientRow = (String, String, i64, String, String);

fn to_client(r: ClientRow) -> Result<Client, Error> {
    let bad = |what: &str| Error::Internal(anyhow::anyhow!("stored client has a bad {what}"));
    Ok(Client {
        id: Uuid::parse_str(&r.0).map_err(|_| bad("id"))?,
        label: ClientLabel::parse(&r.1).map_err(|_| bad("label"))?,
        birth_year: BirthYear::parse(r.2 as i32, BirthYear::MAX).map_err(|_| bad("birth year"))?,
        discipline: Discipline::from_code(&r.3).ok_or_else(|| bad("discipline"))?,
        created_at: db::parse_time(&r.4),
    })
}

/// The caller's clients, by label.
#[utoipa::path(get, path = "/api/clients", tag = "clients", responses((status = 200, body = Vec<Client>), (status = 401, body = ApiError)))]
pub async fn list_clients(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<Client>>, Error> {
    let mut conn = state.db.acquire().await?;
    let rows: Vec<ClientRow> = sqlx::query_as(
        "SELECT id, label, birth_year, discipline, created_at FROM clients WHERE owner_id = ? ORDER BY label COLLATE NOCASE",
    )
    .bind(caller.therapist_id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    audit::record(&mut conn, &caller, "client.list", None, None).await?;
    Ok(Json(
        rows.into_iter().map(to_client).collect::<Result<_, _>>()?,
    ))
}

/// Adds a client.
#[utoipa::path(post, path = "/api/clients", tag = "clients", request_body = NewClient, responses(
    (status = 201, body = Client), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_client(
    State(state): State<AppState>,
    caller: Caller,
    Json(new): Json<NewClient>,
) -> Result<(StatusCode, Json<Client>), Error> {
    use chrono::Datelike;
    BirthYear::parse(new.birth_year.get(), chrono::Utc::now().year())?;
    let client = Client {
        id: Uuid::new_v4(),
        label: new.label,
        birth_year: new.birth_year,
        discipline: new.discipline,
        created_at: chrono::Utc::now(),
    };
    let mut tx = db::begin_write(&state.db).await?;
    sqlx::query("INSERT INTO clients (id, owner_id, label, birth_year, discipline, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(client.id.to_string())
        .bind(caller.therapist_id.to_string())
        .bind(client.label.as_str())
        .bind(client.birth_year.get())
        .bind(client.discipline.code())
        .bind(client.created_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
        .execute(&mut *tx)
        .await?;
    audit::record(&mut tx, &caller, "client.create", Some(client.id), None).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(client)))
}

/// One client.
#[utoipa::path(get, path = "/api/clients/{id}", tag = "clients", params(("id" = Uuid, Path)), responses(
    (status = 200, body = Client), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn read_client(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Client>, Error> {
    let (mut conn, id) = reading_client(&state.db, &caller, &id).await?;
    let client = load(&mut conn, id).await?;
    audit::record(&mut conn, &caller, "client.read", Some(id), None).await?;
    Ok(Json(client))
}

/// Client `id` (one the caller may read).
pub(crate) async fn load(conn: &mut SqliteConnection, id: Uuid) -> Result<Client, Error> {
    let row: ClientRow = sqlx::query_as(
        "SELECT id, label, birth_year, discipline, created_at FROM clients WHERE id = ?",
    )
    .bind(id.to_string())
    .fetch_one(&mut *conn)
    .await?;
    to_client(row)
}

/// Deletes a client with all its goals, sessions, artefacts and their files. The audit log
/// keeps the fact that it happened.
#[utoipa::path(delete, path = "/api/clients/{id}", tag = "clients", params(("id" = Uuid, Path)), responses(
    (status = 204), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn delete_client(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, Error> {
    let (mut tx, id) = writing_client(&state.db, &caller, &id).await?;
    crate::groups::hand_over(&mut tx, id).await?;
    let hashes: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT b.sha256 FROM artefact_blobs b JOIN artefacts a ON a.id = b.artefact_id WHERE a.client_id = ?",
    )
    .bind(id.to_string())
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM clients WHERE id = ?")
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    audit::record(&mut tx, &caller, "client.delete", Some(id), None).await?;
    tx.commit().await?;
    // The client is gone once the rows are; a file left by a failure here is unused and
    // unreachable, so the answer is still "deleted", and the log says which files remain.
    if let Err(e) = blobs::remove_unreferenced(&state.db, &*state.blobs, &hashes).await {
        tracing::error!(error = ?e, client = %id, "files of a deleted client were not all removed");
    }
    Ok(StatusCode::NO_CONTENT)
}
