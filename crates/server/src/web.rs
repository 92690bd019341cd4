//! Serving the built app, and the headers every response carries.

use std::path::Path;

use axum::Router;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::Error;

/// Only our own scripts (and wasm compiled from them), styles, images and connections.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'";

/// Static files from `web_dir` (with their `.br` and `.gz` twins: the smaller one the browser
/// accepts is sent), and `index.html` for every other path that is not under `/api`, so app
/// routes like `/clients/…` load the app. A missing *file*
/// (a last segment with a dot, like `/favicon.ico` or `/robots.txt`) answers a plain 404: the
/// app's routes have no dots, and an HTML page where an icon or a script was asked for only
/// hides the mistake.
pub fn static_files(web_dir: &Path) -> Router {
    let index = ServeFile::new(web_dir.join("index.html"));
    let app_or_missing = tower::service_fn(move |req: Request<axum::body::Body>| {
        let index = index.clone();
        async move {
            if names_a_file(req.uri().path()) {
                return Ok::<_, std::convert::Infallible>(StatusCode::NOT_FOUND.into_response());
            }
            Ok(index.oneshot(req).await?.into_response())
        }
    });
    Router::new().fallback_service(
        ServeDir::new(web_dir)
            .precompressed_br()
            .precompressed_gzip()
            .fallback(app_or_missing),
    )
}

/// Whether a path's last segment looks like a file name (has a dot in it).
fn names_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

/// Unknown `/api/…` paths answer JSON 404, not the app.
pub async fn api_not_found() -> Response {
    Error::NotFound.into_response()
}

/// Security headers on every response. API answers (client data among them: records, blobs)
/// are never kept in the HTTP cache: `no-store` is forced on them, whatever a handler set, so
/// nothing of a client stays behind on a shared tablet.
pub async fn headers(req: Request<axum::body::Body>, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: header::HeaderName, v: &'static str| {
        h.entry(k).or_insert(HeaderValue::from_static(v));
    };
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::CONTENT_SECURITY_POLICY, CSP);
    if api {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.remove(header::EXPIRES);
        h.remove(header::ETAG);
        h.remove(header::LAST_MODIFIED);
    } else {
        set(h, header::CACHE_CONTROL, "no-cache");
        // The same path answers brotli, gzip or plain bytes by the browser's Accept-Encoding:
        // a cache in between must keep them apart.
        set(h, header::VARY, "accept-encoding");
    }
    res
}
