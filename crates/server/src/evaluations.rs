//! A client's evaluation records (*evaluaties*): recorded once, listed and read back with
//! their combined GAS T-score.
//!
//! A goal's weight is copied into the evaluation when it is recorded, so the T-score of an
//! evaluation stays what the therapist saw, whatever happens to the scale later.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use speelruimte_model::{
    ApiError, EvaluatedGoal, Evaluation, GasLevel, GasWeight, NewEvaluation, Satisfaction,
    ValidationError,
};
use sqlx::SqliteConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::Json;
use crate::ownership::{parse_id, reading_client, writing_client};
use crate::{AppState, Error, audit, db};

/// The evaluation routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_evaluations, create_evaluation))
        .routes(routes!(read_evaluation))
}

fn bad(what: &str) -> Error {
    Error::Internal(anyhow::anyhow!("stored evaluation has a bad {what}"))
}

type Row = (
    String,
    String,
    Option<String>,
    Option<i64>,
    i64,
    Option<String>,
    Option<String>,
    String,
);

const COLUMNS: &str = "id, date, satisfaction_words, satisfaction, discussed_with_client, notes, next_steps, created_at";

/// Builds evaluations of `client` from their rows, reading each one's goals.
async fn assemble(
    conn: &mut SqliteConnection,
    client: Uuid,
    rows: Vec<Row>,
) -> Result<Vec<Evaluation>, Error> {
    let mut out = Vec::with_capacity(rows.len());
    for (eid, date, words, satisfaction, discussed, notes, next, created) in rows {
        let goals: Vec<(String, Option<i64>, i64)> = sqlx::query_as(
            "SELECT goal_id, level, weight FROM evaluation_goals WHERE evaluation_id = ? ORDER BY position",
        )
        .bind(&eid)
        .fetch_all(&mut *conn)
        .await?;
        let goals = goals
            .into_iter()
            .map(|(gid, level, weight)| {
                Ok(EvaluatedGoal {
                    goal_id: Uuid::parse_str(&gid).map_err(|_| bad("goal id"))?,
                    level: level
                        .map(GasLevel::parse)
                        .transpose()
                        .map_err(|_| bad("level"))?,
                    weight: GasWeight::parse(weight).map_err(|_| bad("weight"))?,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        out.push(Evaluation {
            id: Uuid::parse_str(&eid).map_err(|_| bad("id"))?,
            client_id: client,
            date: date.parse().map_err(|_| bad("date"))?,
            t_score: Evaluation::t_score_of(&goals),
            goals,
            satisfaction_words: words,
            satisfaction: satisfaction
                .map(Satisfaction::parse)
                .transpose()
                .map_err(|_| bad("satisfaction"))?,
            discussed_with_client: discussed != 0,
            notes,
            next_steps: next,
            created_at: db::parse_time(&created),
        });
    }
    Ok(out)
}

/// A client's evaluations, newest first.
#[utoipa::path(get, path = "/api/clients/{id}/evaluations", tag = "evaluations", params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Evaluation>), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn list_evaluations(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Evaluation>>, Error> {
    let (mut conn, id) = reading_client(&state.db, &caller, &id).await?;
    let list = of_client(&mut conn, id).await?;
    audit::record(&mut conn, &caller, "evaluation.list", Some(id), None).await?;
    Ok(Json(list))
}

/// The evaluations of `id` (a client the caller may read), newest first.
pub(crate) async fn of_client(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Vec<Evaluation>, Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM evaluations WHERE client_id = ? ORDER BY date DESC, created_at DESC"
    ))
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    assemble(conn, id, rows).await
}

/// One evaluation of a client.
#[utoipa::path(get, path = "/api/clients/{id}/evaluations/{eid}", tag = "evaluations",
    params(("id" = Uuid, Path), ("eid" = Uuid, Path, description = "the evaluation")), responses(
    (status = 200, body = Evaluation), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn read_evaluation(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, eid)): Path<(String, String)>,
) -> Result<Json<Evaluation>, Error> {
    let (mut conn, id) = reading_client(&state.db, &caller, &id).await?;
    let eid = parse_id(&eid)?;
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM evaluations WHERE id = ? AND client_id = ?"
    ))
    .bind(eid.to_string())
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let evaluation = assemble(&mut conn, id, rows)
        .await?
        .pop()
        .ok_or(Error::NotFound)?;
    audit::record(
        &mut conn,
        &caller,
        "evaluation.read",
        Some(id),
        Some(&eid.to_string()),
    )
    .await?;
    Ok(Json(evaluation))
}

/// Records an evaluation. Every goal must be the client's; a goal rated on the GAS needs its
/// scale, whose weight is kept with the rating.
#[utoipa::path(post, path = "/api/clients/{id}/evaluations", tag = "evaluations", params(("id" = Uuid, Path)), request_body = NewEvaluation, responses(
    (status = 201, body = Evaluation), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_evaluation(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(new): Json<NewEvaluation>,
) -> Result<(StatusCode, Json<Evaluation>), Error> {
    let new = new.validate()?;
    let (mut tx, id) = writing_client(&state.db, &caller, &id).await?;
    let mut goals = Vec::with_capacity(new.goals.len());
    for rating in &new.goals {
        let goal: Option<(String, Option<String>, Option<i64>)> = sqlx::query_as(
            "SELECT g.title, s.levels, s.weight FROM goals g LEFT JOIN gas_scales s ON s.goal_id = g.id \
             WHERE g.id = ? AND g.client_id = ?",
        )
        .bind(rating.goal_id.to_string())
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        // The client is the caller's (checked above), so saying a goal is not the client's
        // tells nothing about anyone else's data.
        let (title, levels, weight) = goal.ok_or(ValidationError::UnknownGoal)?;
        if rating.level.is_some() && levels.is_none() {
            return Err(ValidationError::NoGasScale {
                goal: title.chars().take(60).collect(),
            }
            .into());
        }
        goals.push(EvaluatedGoal {
            goal_id: rating.goal_id,
            level: rating.level,
            weight: weight
                .map(GasWeight::parse)
                .transpose()
                .map_err(|_| bad("weight"))?
                .unwrap_or_default(),
        });
    }
    let evaluation = Evaluation {
        id: Uuid::new_v4(),
        client_id: id,
        date: new.date,
        t_score: Evaluation::t_score_of(&goals),
        goals,
        satisfaction_words: new.satisfaction_words,
        satisfaction: new.satisfaction,
        discussed_with_client: new.discussed_with_client,
        notes: new.notes,
        next_steps: new.next_steps,
        // As stored (microseconds), so the answer equals what a read gives back later.
        created_at: chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6),
    };
    sqlx::query(
        "INSERT INTO evaluations (id, client_id, date, satisfaction_words, satisfaction, discussed_with_client, notes, next_steps, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(evaluation.id.to_string())
    .bind(id.to_string())
    .bind(evaluation.date.to_string())
    .bind(evaluation.satisfaction_words.as_deref())
    .bind(evaluation.satisfaction.map(i64::from))
    .bind(i64::from(evaluation.discussed_with_client))
    .bind(evaluation.notes.as_deref())
    .bind(evaluation.next_steps.as_deref())
    .bind(evaluation.created_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
    .execute(&mut *tx)
    .await?;
    for (position, g) in evaluation.goals.iter().enumerate() {
        sqlx::query(
            "INSERT INTO evaluation_goals (evaluation_id, goal_id, position, level, weight) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(evaluation.id.to_string())
        .bind(g.goal_id.to_string())
        .bind(position as i64)
        .bind(g.level.map(i64::from))
        .bind(i64::from(g.weight))
        .execute(&mut *tx)
        .await?;
    }
    audit::record(
        &mut tx,
        &caller,
        "evaluation.create",
        Some(id),
        Some(&evaluation.id.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(evaluation)))
}
