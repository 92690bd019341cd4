//! A client's treatment goals and sessions.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use speelruimte_model::{
    ApiError, Goal, GoalDomain, GoalTitle, NewGoal, NewSession, Session, SessionNotes,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::Caller;
use crate::clients::{owned, parse_id};
use crate::error::Json;
use crate::{AppState, Error, audit, db};

/// The goal and session routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_goals, create_goal))
        .routes(routes!(list_sessions, create_session))
}

fn bad(what: &str) -> Error {
    Error::Internal(anyhow::anyhow!("stored row has a bad {what}"))
}

/// A client's goals, oldest first.
#[utoipa::path(get, path = "/api/clients/{id}/goals", tag = "goals", params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Goal>), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn list_goals(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Goal>>, Error> {
    let id = parse_id(&id)?;
    let mut conn = state.db.acquire().await?;
    owned(&mut conn, &caller, id).await?;
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, domain, title, subgoals, created_at FROM goals WHERE client_id = ? ORDER BY created_at",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    audit::record(&mut conn, &caller, "goal.list", Some(id), None).await?;
    let goals = rows
        .into_iter()
        .map(|(gid, domain, title, subgoals, created)| {
            let subgoals: Vec<GoalTitle> =
                serde_json::from_str(&subgoals).map_err(|_| bad("subgoals"))?;
            Ok(Goal {
                id: Uuid::parse_str(&gid).map_err(|_| bad("id"))?,
                client_id: id,
                domain: GoalDomain::from_code(&domain).ok_or_else(|| bad("domain"))?,
                title: GoalTitle::parse(&title).map_err(|_| bad("title"))?,
                subgoals,
                created_at: db::parse_time(&created),
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(Json(goals))
}

/// Adds a goal.
#[utoipa::path(post, path = "/api/clients/{id}/goals", tag = "goals", params(("id" = Uuid, Path)), request_body = NewGoal, responses(
    (status = 201, body = Goal), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_goal(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(new): Json<NewGoal>,
) -> Result<(StatusCode, Json<Goal>), Error> {
    let id = parse_id(&id)?;
    new.validate()?;
    let mut tx = state.db.begin().await?;
    owned(&mut tx, &caller, id).await?;
    let goal = Goal {
        id: Uuid::new_v4(),
        client_id: id,
        domain: new.domain,
        title: new.title,
        subgoals: new.subgoals,
        created_at: chrono::Utc::now(),
    };
    sqlx::query("INSERT INTO goals (id, client_id, domain, title, subgoals, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(goal.id.to_string())
        .bind(id.to_string())
        .bind(goal.domain.code())
        .bind(goal.title.as_str())
        .bind(serde_json::to_string(&goal.subgoals).map_err(|e| Error::Internal(e.into()))?)
        .bind(goal.created_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        &caller,
        "goal.create",
        Some(id),
        Some(&goal.id.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(goal)))
}

/// A client's sessions, newest first.
#[utoipa::path(get, path = "/api/clients/{id}/sessions", tag = "sessions", params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Session>), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn list_sessions(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Session>>, Error> {
    let id = parse_id(&id)?;
    let mut conn = state.db.acquire().await?;
    owned(&mut conn, &caller, id).await?;
    let rows: Vec<(String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT id, date, notes, created_at FROM therapy_sessions WHERE client_id = ? ORDER BY date DESC, created_at DESC",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    audit::record(&mut conn, &caller, "session.list", Some(id), None).await?;
    let sessions = rows
        .into_iter()
        .map(|(sid, date, notes, created)| {
            Ok(Session {
                id: Uuid::parse_str(&sid).map_err(|_| bad("id"))?,
                client_id: id,
                date: date.parse().map_err(|_| bad("date"))?,
                notes: notes
                    .map(|n| SessionNotes::parse(&n))
                    .transpose()
                    .map_err(|_| bad("notes"))?,
                created_at: db::parse_time(&created),
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(Json(sessions))
}

/// Starts (records) a session.
#[utoipa::path(post, path = "/api/clients/{id}/sessions", tag = "sessions", params(("id" = Uuid, Path)), request_body = NewSession, responses(
    (status = 201, body = Session), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_session(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(new): Json<NewSession>,
) -> Result<(StatusCode, Json<Session>), Error> {
    let id = parse_id(&id)?;
    let mut tx = state.db.begin().await?;
    owned(&mut tx, &caller, id).await?;
    let session = Session {
        id: Uuid::new_v4(),
        client_id: id,
        date: new.date,
        notes: new.notes,
        created_at: chrono::Utc::now(),
    };
    sqlx::query("INSERT INTO therapy_sessions (id, client_id, date, notes, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(session.id.to_string())
        .bind(id.to_string())
        .bind(session.date.to_string())
        .bind(session.notes.as_ref().map(|n| n.as_str().to_owned()))
        .bind(session.created_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
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
