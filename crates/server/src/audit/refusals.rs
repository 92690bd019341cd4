//! Refused requests in the audit log, written by one middleware instead of in every handler.
//!
//! A 403 (CSRF token, Origin, setup token), a 404 (another therapist's data, which answers
//! exactly like missing data) or a 429 (throttled) is logged as `refused`, with the request's
//! method, path and status and, where the path names a client, that client's id as asked. The
//! row is the same whether the object exists or not, and it is written after the answer is
//! made, from nothing the handler found, so the log leaks nothing to the caller; a failed
//! write is logged to the server's log and does not change the answer.
//!
//! Anonymous 404s (unknown `/api/…` paths) are not logged: they concern nobody's data and
//! would let anyone fill the log.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use uuid::Uuid;

use crate::AppState;
use crate::auth::Source;

/// Longest path kept in a refusal's detail.
const MAX_PATH: usize = 200;

/// The therapist whose valid session a request carries, set by the `Caller` extractor as soon
/// as the session is checked (before the CSRF check), read here after the answer.
#[derive(Debug, Clone, Default)]
pub struct KnownCaller(Arc<OnceLock<Uuid>>);

impl KnownCaller {
    /// Notes the therapist.
    pub fn set(&self, therapist: Uuid) {
        let _ = self.0.set(therapist);
    }

    /// The therapist, if the request's session was valid.
    pub fn get(&self) -> Option<Uuid> {
        self.0.get().copied()
    }
}

/// Whether this answer is a refusal worth a row.
fn audited(status: StatusCode, known: bool) -> bool {
    match status {
        StatusCode::FORBIDDEN | StatusCode::TOO_MANY_REQUESTS => true,
        StatusCode::NOT_FOUND => known,
        _ => false,
    }
}

/// The client a path names (`/api/clients/{id}…`), as asked: it need not exist.
fn client_in(matched: Option<&str>, path: &str) -> Option<Uuid> {
    matched.filter(|m| m.starts_with("/api/clients/{id}"))?;
    path.split('/')
        .nth(3)
        .and_then(|id| Uuid::parse_str(id).ok())
}

/// Middleware: lets the request through, then logs it if it was refused.
pub async fn audit(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let known = KnownCaller::default();
    req.extensions_mut().insert(known.clone());
    let source = req
        .extensions()
        .get::<Source>()
        .cloned()
        .unwrap_or_else(|| {
            let peer = req
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0);
            Source::of(peer, req.headers(), &state.trusted_proxies)
        });
    let method = req.method().clone();
    let path: String = req.uri().path().chars().take(MAX_PATH).collect();
    let matched = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned());
    let res = next.run(req).await;
    let status = res.status();
    let therapist = known.get();
    if !audited(status, therapist.is_some()) {
        return res;
    }
    let client = client_in(matched.as_deref(), &path);
    let detail = format!("{method} {path} {}", status.as_u16());
    let written = async {
        let mut conn = state.db.acquire().await?;
        super::record_by(
            &mut conn,
            therapist,
            &source,
            "refused",
            client,
            Some(&detail),
        )
        .await
    };
    if let Err(e) = written.await {
        tracing::error!(error = ?e, %detail, "could not write a refusal to the audit log");
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_client_paths_name_a_client() {
        let id = Uuid::new_v4();
        let p = format!("/api/clients/{id}/goals");
        assert_eq!(client_in(Some("/api/clients/{id}/goals"), &p), Some(id));
        assert_eq!(
            client_in(Some("/api/artefacts/{id}"), &format!("/api/artefacts/{id}")),
            None
        );
        assert_eq!(
            client_in(Some("/api/clients/{id}"), "/api/clients/niet-een-id"),
            None
        );
        assert_eq!(client_in(None, &p), None, "an unknown route names nothing");
    }

    #[test]
    fn anonymous_404s_are_not_logged_but_anonymous_403s_and_429s_are() {
        assert!(!audited(StatusCode::NOT_FOUND, false));
        assert!(audited(StatusCode::NOT_FOUND, true));
        assert!(audited(StatusCode::FORBIDDEN, false));
        assert!(audited(StatusCode::TOO_MANY_REQUESTS, false));
        assert!(!audited(StatusCode::UNAUTHORIZED, false));
        assert!(!audited(StatusCode::OK, true));
    }
}
