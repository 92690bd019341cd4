//! Where a client's goals stand between evaluations: the *voortgang* score per goal per
//! session, each goal's GAS scale and the status of its subgoals. One read gives all three to
//! the review screen; each is changed on its own.
//!
//! A goal or session in the path must be the client's own: anything else (another client's,
//! another therapist's, none) answers the same 404 as a missing client.

use axum::extract::{Path, State};
use speelruimte_model::{
    ApiError, ClientProgress, GasLevel, GasScale, GasWeight, GoalGas, GoalScore, ProgressScore,
    SetGoalScore, SetSubgoalStatus, SubgoalProgress, SubgoalStatus,
};
use sqlx::SqliteConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::Json;
use crate::ownership::{parse_id, reading_client, writing_client};
use crate::{AppState, Error, audit, db};

/// The progress routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(read_progress))
        .routes(routes!(set_score))
        .routes(routes!(set_gas))
        .routes(routes!(set_subgoal))
}

fn bad(what: &str) -> Error {
    Error::Internal(anyhow::anyhow!("stored progress has a bad {what}"))
}

/// The subgoals of goal `raw` (a path segment) if it is client `client`'s; else `NotFound`.
pub(crate) async fn owned_goal(
    conn: &mut SqliteConnection,
    client: Uuid,
    raw: &str,
) -> Result<(Uuid, usize), Error> {
    let id = parse_id(raw)?;
    let subgoals: Option<String> =
        sqlx::query_scalar("SELECT subgoals FROM goals WHERE id = ? AND client_id = ?")
            .bind(id.to_string())
            .bind(client.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    let subgoals = subgoals.ok_or(Error::NotFound)?;
    let list: Vec<String> = serde_json::from_str(&subgoals).map_err(|_| bad("subgoal list"))?;
    Ok((id, list.len()))
}

/// The date of session `raw` (a path segment) if it is client `client`'s; else `NotFound`.
async fn owned_session(
    conn: &mut SqliteConnection,
    client: Uuid,
    raw: &str,
) -> Result<(Uuid, chrono::NaiveDate), Error> {
    let id = parse_id(raw)?;
    let date: Option<String> =
        sqlx::query_scalar("SELECT date FROM therapy_sessions WHERE id = ? AND client_id = ?")
            .bind(id.to_string())
            .bind(client.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    let date = date.ok_or(Error::NotFound)?;
    Ok((id, date.parse().map_err(|_| bad("session date"))?))
}

/// A stored GAS scale: goal, levels (JSON), weight, baseline, changed at.
type ScaleRow = (String, String, Option<i64>, Option<i64>, String);

/// Where a client's goals stand: every *voortgang* score (oldest session first), every GAS
/// scale and every subgoal status that was set.
#[utoipa::path(get, path = "/api/clients/{id}/progress", tag = "progress", params(("id" = Uuid, Path)), responses(
    (status = 200, body = ClientProgress), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn read_progress(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<ClientProgress>, Error> {
    let (mut conn, id) = reading_client(&state.db, &caller, &id).await?;
    let progress = of_client(&mut conn, id).await?;
    audit::record(&mut conn, &caller, "progress.read", Some(id), None).await?;
    Ok(Json(progress))
}

/// Where the goals of `id` (a client the caller may read) stand.
pub(crate) async fn of_client(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<ClientProgress, Error> {
    let client = id.to_string();
    let scores: Vec<(String, String, String, i64, String)> = sqlx::query_as(
        "SELECT s.session_id, t.date, s.goal_id, s.score, s.updated_at FROM goal_scores s \
         JOIN therapy_sessions t ON t.id = s.session_id WHERE s.client_id = ? ORDER BY t.date, s.updated_at",
    )
    .bind(&client)
    .fetch_all(&mut *conn)
    .await?;
    let scales: Vec<ScaleRow> = sqlx::query_as(
        "SELECT goal_id, levels, weight, baseline, updated_at FROM gas_scales WHERE client_id = ?",
    )
    .bind(&client)
    .fetch_all(&mut *conn)
    .await?;
    let subgoals: Vec<(String, i64, String, String)> = sqlx::query_as(
        "SELECT goal_id, idx, status, updated_at FROM subgoal_statuses WHERE client_id = ? ORDER BY goal_id, idx",
    )
    .bind(&client)
    .fetch_all(&mut *conn)
    .await?;
    let uuid = |s: &str| Uuid::parse_str(s).map_err(|_| bad("id"));
    Ok(ClientProgress {
        scores: scores
            .into_iter()
            .map(|(sid, date, gid, score, at)| {
                Ok(GoalScore {
                    session_id: uuid(&sid)?,
                    date: date.parse().map_err(|_| bad("date"))?,
                    goal_id: uuid(&gid)?,
                    score: ProgressScore::parse(score).map_err(|_| bad("score"))?,
                    updated_at: db::parse_time(&at),
                })
            })
            .collect::<Result<_, Error>>()?,
        scales: scales
            .into_iter()
            .map(|(gid, levels, weight, baseline, at)| {
                Ok(GoalGas {
                    goal_id: uuid(&gid)?,
                    scale: GasScale {
                        levels: serde_json::from_str(&levels).map_err(|_| bad("levels"))?,
                        weight: weight
                            .map(GasWeight::parse)
                            .transpose()
                            .map_err(|_| bad("weight"))?,
                        baseline: baseline
                            .map(GasLevel::parse)
                            .transpose()
                            .map_err(|_| bad("baseline"))?,
                    },
                    updated_at: db::parse_time(&at),
                })
            })
            .collect::<Result<_, Error>>()?,
        subgoals: subgoals
            .into_iter()
            .map(|(gid, idx, status, at)| {
                Ok(SubgoalProgress {
                    goal_id: uuid(&gid)?,
                    index: u32::try_from(idx).map_err(|_| bad("index"))?,
                    status: SubgoalStatus::from_code(&status).ok_or_else(|| bad("status"))?,
                    updated_at: db::parse_time(&at),
                })
            })
            .collect::<Result<_, Error>>()?,
    })
}

/// Gives a goal its *voortgang* score for a session (0–10); a second score replaces the first.
#[utoipa::path(put, path = "/api/clients/{id}/sessions/{sid}/scores/{gid}", tag = "progress",
    params(("id" = Uuid, Path), ("sid" = Uuid, Path, description = "the session"), ("gid" = Uuid, Path, description = "the goal")),
    request_body = SetGoalScore, responses(
    (status = 200, body = GoalScore), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn set_score(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, sid, gid)): Path<(String, String, String)>,
    Json(set): Json<SetGoalScore>,
) -> Result<Json<GoalScore>, Error> {
    let (mut tx, id) = writing_client(&state.db, &caller, &id).await?;
    let (session_id, date) = owned_session(&mut tx, id, &sid).await?;
    let (goal_id, _) = owned_goal(&mut tx, id, &gid).await?;
    let now = chrono::Utc::now();
    sqlx::query(
        "INSERT INTO goal_scores (session_id, goal_id, client_id, score, updated_at) VALUES (?, ?, ?, ?, ?) \
         ON CONFLICT (session_id, goal_id) DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at",
    )
    .bind(session_id.to_string())
    .bind(goal_id.to_string())
    .bind(id.to_string())
    .bind(i64::from(set.score))
    .bind(now.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
    .execute(&mut *tx)
    .await?;
    let detail = format!("session {session_id} goal {goal_id}");
    audit::record(&mut tx, &caller, "score.set", Some(id), Some(&detail)).await?;
    tx.commit().await?;
    Ok(Json(GoalScore {
        session_id,
        date,
        goal_id,
        score: set.score,
        updated_at: now,
    }))
}

/// Sets a goal's GAS scale: the five levels in the therapist's or the client's own words, the
/// weight and the baseline. It replaces the scale the goal had.
#[utoipa::path(put, path = "/api/clients/{id}/goals/{gid}/gas", tag = "progress",
    params(("id" = Uuid, Path), ("gid" = Uuid, Path, description = "the goal")),
    request_body = GasScale, responses(
    (status = 200, body = GoalGas), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn set_gas(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, gid)): Path<(String, String)>,
    Json(scale): Json<GasScale>,
) -> Result<Json<GoalGas>, Error> {
    let scale = scale.validate()?;
    let (mut tx, id) = writing_client(&state.db, &caller, &id).await?;
    let (goal_id, _) = owned_goal(&mut tx, id, &gid).await?;
    let now = chrono::Utc::now();
    sqlx::query(
        "INSERT INTO gas_scales (goal_id, client_id, levels, weight, baseline, updated_at) VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (goal_id) DO UPDATE SET levels = excluded.levels, weight = excluded.weight, \
         baseline = excluded.baseline, updated_at = excluded.updated_at",
    )
    .bind(goal_id.to_string())
    .bind(id.to_string())
    .bind(serde_json::to_string(&scale.levels).map_err(|e| Error::Internal(e.into()))?)
    .bind(scale.weight.map(i64::from))
    .bind(scale.baseline.map(i64::from))
    .bind(now.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &caller,
        "gas.set",
        Some(id),
        Some(&goal_id.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(GoalGas {
        goal_id,
        scale,
        updated_at: now,
    }))
}

/// Sets the status of a goal's subgoal (niet begonnen, bezig, bereikt), the subgoal named by
/// its place in the goal's list, from 0.
#[utoipa::path(put, path = "/api/clients/{id}/goals/{gid}/subgoals/{index}", tag = "progress",
    params(("id" = Uuid, Path), ("gid" = Uuid, Path, description = "the goal"), ("index" = u32, Path, description = "the subgoal's place, from 0")),
    request_body = SetSubgoalStatus, responses(
    (status = 200, body = SubgoalProgress), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn set_subgoal(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, gid, index)): Path<(String, String, String)>,
    Json(set): Json<SetSubgoalStatus>,
) -> Result<Json<SubgoalProgress>, Error> {
    let (mut tx, id) = writing_client(&state.db, &caller, &id).await?;
    let (goal_id, count) = owned_goal(&mut tx, id, &gid).await?;
    // A place the goal does not have is a subgoal that does not exist.
    let index: u32 = index.parse().map_err(|_| Error::NotFound)?;
    if index as usize >= count {
        return Err(Error::NotFound);
    }
    let now = chrono::Utc::now();
    sqlx::query(
        "INSERT INTO subgoal_statuses (goal_id, idx, client_id, status, updated_at) VALUES (?, ?, ?, ?, ?) \
         ON CONFLICT (goal_id, idx) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
    )
    .bind(goal_id.to_string())
    .bind(i64::from(index))
    .bind(id.to_string())
    .bind(set.status.code())
    .bind(now.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
    .execute(&mut *tx)
    .await?;
    let detail = format!("goal {goal_id} subgoal {index}");
    audit::record(&mut tx, &caller, "subgoal.set", Some(id), Some(&detail)).await?;
    tx.commit().await?;
    Ok(Json(SubgoalProgress {
        goal_id,
        index,
        status: set.status,
        updated_at: now,
    }))
}
