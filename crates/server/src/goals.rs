//! A client's treatment goals (behandeldoelen).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use speelruimte_model::{ApiError, Goal, GoalDomain, GoalTitle, NewGoal};
use sqlx::SqliteConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::Json;
use crate::ownership::{reading_client, writing_client};
use crate::{AppState, Error, audit, db};

/// The goal routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_goals, create_goal))
}

fn bad(what: &str) -> Error {
    Error::Internal(anyhow::anyhow!("stored goal has a bad {what}"))
}

/// A client's goals, oldest first.
#[utoipa::path(get, path = "/api/clients/{id}/goals", tag = "goals", params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Goal>), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn list_goals(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Goal>>, Error> {
    let (mut conn, id) = reading_client(&state.db, &caller, &id).await?;
    let goals = of_client(&mut conn, id).await?;
    audit::record(&mut conn, &caller, "goal.list", Some(id), None).await?;
    Ok(Json(goals))
}

/// The goals of `id` (a client the caller may read), oldest first.
pub(crate) async fn of_client(conn: &mut SqliteConnection, id: Uuid) -> Result<Vec<Goal>, Error> {
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, domain, title, subgoals, created_at FROM goals WHERE client_id = ? ORDER BY created_at",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
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
        .collect()
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
    new.validate()?;
    let (mut tx, id) = writing_client(&state.db, &caller, &id).await?;
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
