//! A therapist's own exercises per client: made from the same phases as the built-in ones,
//! validated by the guide (no zero-length phases, sane limits) and stored as the exercise the
//! timeline runs.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use speelruimte_guide::CustomExercise;
use speelruimte_model::{
    ApiError, MAX_CUSTOM_EXERCISES, MAX_CUSTOM_PHASES, SavedExercise, ValidationError,
};
use sqlx::SqliteConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::Json;
use crate::ownership::{parse_id, reading_client, writing_client};
use crate::{AppState, Error, audit, db};

/// The own-exercise routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_exercises, create_exercise))
        .routes(routes!(delete_exercise))
}

fn bad(what: &str) -> Error {
    Error::Internal(anyhow::anyhow!("stored exercise has a bad {what}"))
}

/// A client's own exercises, newest first.
#[utoipa::path(get, path = "/api/clients/{id}/exercises", tag = "exercises", params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<SavedExercise>), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn list_exercises(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<SavedExercise>>, Error> {
    let (mut conn, id) = reading_client(&state.db, &caller, &id).await?;
    let exercises = of_client(&mut conn, id).await?;
    audit::record(&mut conn, &caller, "exercise.list", Some(id), None).await?;
    Ok(Json(exercises))
}

/// The own exercises of `id` (a client the caller may read), newest first.
pub(crate) async fn of_client(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Vec<SavedExercise>, Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT id, created_at, body FROM custom_exercises WHERE client_id = ? ORDER BY created_at DESC, rowid DESC",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(eid, created, body)| {
            Ok(SavedExercise {
                id: Uuid::parse_str(&eid).map_err(|_| bad("id"))?,
                client_id: id,
                created_at: db::parse_time(&created),
                exercise: serde_json::from_str(&body).map_err(|_| bad("body"))?,
            })
        })
        .collect()
}

/// Adds an own exercise. The body is a `speelruimte_guide::CustomExercise`: phases are
/// `[kind, seconds, instruction]`. The answer holds the validated exercise, phase lengths in
/// whole milliseconds, with the id `custom-{id}`.
#[utoipa::path(post, path = "/api/clients/{id}/exercises", tag = "exercises", params(("id" = Uuid, Path)),
    request_body(content = Object, description = "A speelruimte_guide::CustomExercise. kind: breathing | muscle_relaxation | grounding; \
        phases: [kind, seconds, instruction] with kind in | hold | out | hold_empty | tense | release | look | listen | feel | smell | taste | rest; \
        each phase longer than 0 and at most 60 seconds, at most 50 phases, repetitions 1 to 100, at most an hour in all.",
        example = json!({"title": "Rustig ademen", "kind": "breathing", "phases": [["in", 4.0, "Adem in"], ["out", 6.0, "Adem uit"]], "repetitions": 6})),
    responses(
    (status = 201, body = SavedExercise), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError),
    (status = 413, body = ApiError), (status = 422, body = ApiError, description = "The exercise breaks a rule, or the client already has 50; the message says which, in Dutch")))]
pub async fn create_exercise(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(new): Json<CustomExercise>,
) -> Result<(StatusCode, Json<SavedExercise>), Error> {
    // The body is checked before a write transaction is opened: a broken exercise costs no lock.
    if new.phases.len() > MAX_CUSTOM_PHASES {
        return Err(ValidationError::TooMany {
            what: "fases",
            max: MAX_CUSTOM_PHASES,
        }
        .into());
    }
    let eid = Uuid::new_v4();
    let exercise = new.validate(&format!("custom-{eid}"))?;
    let (mut tx, id) = writing_client(&state.db, &caller, &id).await?;
    let saved = SavedExercise {
        id: eid,
        client_id: id,
        // Stored with microseconds: the answer equals what a later list gives.
        created_at: chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6),
        exercise,
    };
    // Counting and inserting in one statement keeps the limit under concurrent requests.
    let inserted = sqlx::query(
        "INSERT INTO custom_exercises (id, client_id, created_at, body) SELECT ?, ?, ?, ? \
         WHERE (SELECT COUNT(*) FROM custom_exercises WHERE client_id = ?) < ?",
    )
    .bind(saved.id.to_string())
    .bind(id.to_string())
    .bind(
        saved
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
    )
    .bind(serde_json::to_string(&saved.exercise).map_err(|e| Error::Internal(e.into()))?)
    .bind(id.to_string())
    .bind(MAX_CUSTOM_EXERCISES as i64)
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(Error::Validation(format!(
            "Deze cliënt heeft al {MAX_CUSTOM_EXERCISES} eigen oefeningen; verwijder er eerst een voordat je een nieuwe maakt."
        )));
    }
    audit::record(
        &mut tx,
        &caller,
        "exercise.create",
        Some(id),
        Some(&saved.id.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(saved)))
}

/// Deletes an own exercise. The audit log keeps the fact that it happened.
#[utoipa::path(delete, path = "/api/clients/{id}/exercises/{eid}", tag = "exercises", params(("id" = Uuid, Path), ("eid" = Uuid, Path)), responses(
    (status = 204), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn delete_exercise(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, eid)): Path<(String, String)>,
) -> Result<StatusCode, Error> {
    let eid = parse_id(&eid)?;
    let (mut tx, id) = writing_client(&state.db, &caller, &id).await?;
    let deleted = sqlx::query("DELETE FROM custom_exercises WHERE id = ? AND client_id = ?")
        .bind(eid.to_string())
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    if deleted.rows_affected() == 0 {
        return Err(Error::NotFound);
    }
    audit::record(
        &mut tx,
        &caller,
        "exercise.delete",
        Some(id),
        Some(&eid.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
