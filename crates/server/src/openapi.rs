//! The OpenAPI document, served at `/api/openapi.json`. Its paths are not listed here: they
//! come from the route registry ([`crate::routes`]), which builds the router and the document
//! from the same `routes!` calls.

use std::sync::OnceLock;

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::Json;

/// What the document says besides its paths (those the registry adds).
#[derive(OpenApi)]
#[openapi(
    info(title = "Speelruimte API", description = "Clients, treatment goals, sessions, artefacts, own exercises, progress scores, GAS scales and evaluations of Dutch vaktherapeuten. \
        Every client route answers 404 for another therapist's data, exactly as for missing data. \
        Every POST, PUT and DELETE except setup and login needs the header X-CSRF-Token from /api/me."),
    tags((name = "accounts"), (name = "clients"), (name = "goals"), (name = "sessions"), (name = "artefacts"), (name = "exercises"), (name = "progress"), (name = "evaluations"), (name = "kiosk"), (name = "timeline"))
)]
pub struct ApiDoc;

/// The whole document, made once from the registry.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOC: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOC.get_or_init(|| crate::routes::api().into_openapi())
}

/// `/api/openapi.json` and `/api/health`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(openapi_json))
        .routes(routes!(health))
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "accounts", responses((status = 200, description = "the OpenAPI document", content_type = "application/json")))]
pub async fn openapi_json() -> Json<&'static utoipa::openapi::OpenApi> {
    Json(document())
}

/// Answers while the server runs.
#[utoipa::path(get, path = "/api/health", tag = "accounts", responses((status = 200, description = "running")))]
pub async fn health() -> &'static str {
    "ok"
}
