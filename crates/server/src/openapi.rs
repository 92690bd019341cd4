//! The OpenAPI document, served at `/api/openapi.json`.

use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

use crate::error::Json;
use crate::{AppState, artefacts, auth, clients, exercises, goals, sessions};

/// Every endpoint of the API.
#[derive(OpenApi)]
#[openapi(
    info(title = "Speelruimte API", description = "Clients, treatment goals, sessions, artefacts and own exercises of Dutch vaktherapeuten. \
        Every client route answers 404 for another therapist's data, exactly as for missing data. \
        Every POST, PUT and DELETE except setup and login needs the header X-CSRF-Token from /api/me."),
    paths(
        auth::routes::setup_status, auth::routes::setup, auth::routes::login, auth::routes::logout, auth::routes::me,
        auth::routes::invite,
        clients::list, clients::create, clients::read, clients::delete,
        goals::list_goals, goals::create_goal, sessions::list_sessions, sessions::create_session,
        exercises::list_exercises, exercises::create_exercise, exercises::delete_exercise,
        artefacts::put_artefact, artefacts::read, artefacts::read_blob, artefacts::list,
        health,
    ),
    tags((name = "accounts"), (name = "clients"), (name = "goals"), (name = "sessions"), (name = "artefacts"), (name = "exercises"))
)]
pub struct ApiDoc;

/// `/api/openapi.json` and `/api/health`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/openapi.json",
            get(|| async { Json(ApiDoc::openapi()) }),
        )
        .route("/api/health", get(health))
}

/// Answers while the server runs.
#[utoipa::path(get, path = "/api/health", tag = "accounts", responses((status = 200, description = "running")))]
pub async fn health() -> &'static str {
    "ok"
}
