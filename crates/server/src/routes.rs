//! The one registry of API routes: every module registers its handlers here, and the router,
//! the OpenAPI document and [`list`] all come from it.
//!
//! Why `utoipa-axum`: axum cannot list the routes of a `Router`, so a list kept beside it (the
//! `paths(…)` of a hand-written `#[openapi]`, a test's table) drifts, and a new route is
//! forgotten in the document, in the audit test and, later, in the kiosk lock. With
//! `OpenApiRouter` and `routes!(handler, …)` the path and method come from the handler's own
//! `#[utoipa::path]`: registering a route *is* describing it, so the document, the tests that
//! walk it (every client-data GET audited) and a lock middleware that refuses every route not
//! explicitly allowed (checking the request's method and `MatchedPath` against [`list`]) all
//! see the same set. A small registry of our own would need the same macro work to reach the
//! handlers' OpenAPI descriptions, so the crate that already does it is used.
//!
//! Rules: register API routes only through `routes!` in an `OpenApiRouter` (the crate's
//! `clippy.toml` refuses `Router::route` and `OpenApiRouter::route`); one `routes!` holds
//! handlers of one path (the macro puts its method router on every path it names).

use axum::http::Method;
use utoipa_axum::router::OpenApiRouter;

use crate::{
    AppState, artefacts, auth, clients, evaluations, exercises, export, goals, kiosk, openapi,
    progress, report, sessions, timeline,
};

/// Every API route, with the document that describes them.
pub fn api() -> OpenApiRouter<AppState> {
    use utoipa::OpenApi as _;
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(auth::router())
        .merge(clients::router())
        .merge(goals::router())
        .merge(sessions::router())
        .merge(exercises::router())
        .merge(artefacts::router())
        .merge(progress::router())
        .merge(evaluations::router())
        .merge(export::router())
        .merge(timeline::router())
        .merge(report::router())
        .merge(kiosk::router())
        .merge(openapi::router())
}

/// One registered route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// Its method.
    pub method: Method,
    /// Its path as axum matches it (and `MatchedPath` shows it): `/api/clients/{id}`.
    pub path: String,
}

/// Every registered route, by path then method.
pub fn list() -> Vec<Route> {
    let mut out = Vec::new();
    for (path, item) in &openapi::document().paths.paths {
        let ops = [
            (Method::GET, &item.get),
            (Method::PUT, &item.put),
            (Method::POST, &item.post),
            (Method::DELETE, &item.delete),
            (Method::PATCH, &item.patch),
            (Method::HEAD, &item.head),
            (Method::OPTIONS, &item.options),
            (Method::TRACE, &item.trace),
        ];
        for (method, op) in ops {
            if op.is_some() {
                out.push(Route {
                    method,
                    path: path.clone(),
                });
            }
        }
    }
    out
}
