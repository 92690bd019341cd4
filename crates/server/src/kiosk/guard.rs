//! The lock's middleware: under a kindermodus lock only the routes of [`ALLOWED`] pass, and
//! only for the locked client and work form. Everything else in the route registry is refused:
//! what names another client (or another client's artefact, or something missing) answers 404
//! exactly as a missing object does, the rest 403 with the reason in Dutch. A route added to
//! the registry later is refused until it is put on the list here.
//!
//! The request's matched path is compared with the registry's paths (the same strings
//! `MatchedPath` shows), so the list cannot name a route the router does not have without
//! the test `every_allowed_route_is_a_registered_route` failing.

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use speelruimte_model::{KioskView, WorkForm};
use uuid::Uuid;

use super::{ActiveLock, lock_of};
use crate::audit::refusals::KnownCaller;
use crate::{AppState, Error};

/// For whom an allowed route passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allow {
    /// Always: being told about the lock, ending it, and what holds no client data.
    Always,
    /// When its `{id}` is the locked client and the lock's work form is one of these: the
    /// client-data reads that work form makes.
    ThisClient(&'static [WorkForm]),
    /// The upload; the handler checks that it goes into the locked client's session
    /// ([`ActiveLock::check_upload`]; under a gallery lock it refuses every upload).
    Upload,
    /// Under a gallery lock only, when its `{id}` is the locked client or one of the locked
    /// client's artefacts: the gallery's reads (the client's own timeline and the pictures).
    Gallery,
}

const ALL_FORMS: &[WorkForm] = &WorkForm::ALL;

/// Every route a locked login session may use. What each work form reads is what its page
/// asks for (`web/src/draw`, `music`, `exercise`, and `saving.rs` for the goals a save can
/// link): the drawing only the goals; music and exercise also the client (age and label);
/// the exercise also the therapist's own exercises for this client (to choose from, not to
/// make or delete).
pub const ALLOWED: &[(&str, &str, Allow)] = &[
    // The lock itself: /api/me tells the app it is locked (a reload returns to the work form).
    ("GET", "/api/me", Allow::Always),
    ("POST", "/api/kiosk/unlock", Allow::Always),
    ("POST", "/api/kiosk/unlock-password", Allow::Always),
    // Logging in again on this browser needs the password and ends the lock (see `login`).
    ("POST", "/api/login", Allow::Always),
    ("GET", "/api/health", Allow::Always),
    ("GET", "/api/openapi.json", Allow::Always),
    (
        "GET",
        "/api/clients/{id}",
        Allow::ThisClient(&[WorkForm::Muziek, WorkForm::Spanning]),
    ),
    (
        "GET",
        "/api/clients/{id}/goals",
        Allow::ThisClient(ALL_FORMS),
    ),
    (
        "GET",
        "/api/clients/{id}/exercises",
        Allow::ThisClient(&[WorkForm::Spanning]),
    ),
    ("PUT", "/api/artefacts/{id}", Allow::Upload),
    // The client's own gallery (`web/src/pages/gallery.rs`): its timeline and its pictures.
    ("GET", "/api/clients/{id}/timeline", Allow::Gallery),
    ("GET", "/api/artefacts/{id}/blobs/{name}", Allow::Gallery),
];

/// The files of an artefact the gallery shows.
const GALLERY_FILES: [&str; 2] = ["image.png", "thumb.png"];

/// The `{id}` segment of `/api/clients/{id}/…` or `/api/artefacts/{id}/…` as asked.
fn id_in(path: &str) -> Option<Uuid> {
    path.split('/').nth(3).and_then(|s| Uuid::parse_str(s).ok())
}

/// What the lock says about a request to `matched` (a registered path) at `path`, before any
/// artefact is looked up: pass, or refuse with an error; `None` when the answer depends on
/// whose artefact the path names.
fn decide(
    lock: &ActiveLock,
    method: &Method,
    matched: &str,
    path: &str,
) -> Option<Result<(), Error>> {
    let gallery = lock.view == KioskView::Gallery;
    let names_client = matched.starts_with("/api/clients/{id}");
    let other_client = names_client && (lock.client_id.is_none() || id_in(path) != lock.client_id);
    let allowed = ALLOWED
        .iter()
        .find(|(m, p, _)| *m == method.as_str() && *p == matched)
        .map(|(_, _, a)| *a);
    match allowed {
        Some(Allow::Always | Allow::Upload) => Some(Ok(())),
        Some(Allow::ThisClient(_) | Allow::Gallery) if other_client => Some(Err(Error::NotFound)),
        Some(Allow::ThisClient(forms)) if !gallery && forms.contains(&lock.work_form) => {
            Some(Ok(()))
        }
        Some(Allow::Gallery) if gallery && names_client => Some(Ok(())),
        _ if other_client => Some(Err(Error::NotFound)),
        _ if matched.starts_with("/api/artefacts/{id}") => None,
        _ => Some(Err(Error::KioskLocked)),
    }
}

/// Middleware: finds the login session's lock; without one the request passes untouched.
pub async fn guard(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let Some(token) = crate::auth::cookie_token(req.headers()) else {
        return next.run(req).await;
    };
    let hash = crate::auth::token_hash(&token);
    let lock = match state.db.acquire().await {
        Ok(mut conn) => lock_of(&mut conn, &hash).await,
        Err(e) => Err(e.into()),
    };
    let lock = match lock {
        Ok(Some(lock)) => lock,
        Ok(None) => return next.run(req).await,
        Err(e) => return e.into_response(),
    };
    // Known: a refusal here is audited as this therapist's.
    if let Some(known) = req.extensions().get::<KnownCaller>() {
        known.set(lock.therapist_id);
    }
    let Some(matched) = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
    else {
        return next.run(req).await;
    };
    // What no registered route matched (the JSON 404 of unknown API paths) stays that.
    if !crate::openapi::document()
        .paths
        .paths
        .contains_key(&matched)
    {
        return next.run(req).await;
    }
    let path = req.uri().path().to_owned();
    let verdict = match decide(&lock, req.method(), &matched, &path) {
        Some(v) => v,
        None => {
            let shown = lock.view == KioskView::Gallery
                && req.method() == Method::GET
                && matched == "/api/artefacts/{id}/blobs/{name}"
                && GALLERY_FILES
                    .iter()
                    .any(|f| path.ends_with(&format!("/blobs/{f}")));
            artefact_verdict(&state, &lock, &path, shown).await
        }
    };
    match verdict {
        Ok(()) => {
            req.extensions_mut().insert(lock);
            next.run(req).await
        }
        Err(e) => e.into_response(),
    }
}

/// For an artefact route: 404 unless the artefact is the locked client's; then it passes if
/// the gallery shows it (`shown`), else 403.
async fn artefact_verdict(
    state: &AppState,
    lock: &ActiveLock,
    path: &str,
    shown: bool,
) -> Result<(), Error> {
    let Some(id) = id_in(path) else {
        return Err(Error::NotFound);
    };
    // The locked client's own work, or group work they took part in (then theirs too).
    let locked = lock.client_id.map(|c| c.to_string());
    let client: Option<String> = sqlx::query_scalar(
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM artefact_participants p WHERE p.artefact_id = a.id AND p.client_id = ?)
                THEN ? ELSE a.client_id END
         FROM artefacts a WHERE a.id = ? AND a.owner_id = ?",
    )
    .bind(&locked)
    .bind(&locked)
    .bind(id.to_string())
    .bind(lock.therapist_id.to_string())
    .fetch_optional(&state.db)
    .await?;
    match (client, lock.client_id) {
        (Some(c), Some(l)) if c == l.to_string() && shown => Ok(()),
        (Some(c), Some(l)) if c == l.to_string() => Err(Error::KioskLocked),
        _ => Err(Error::NotFound),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_allowed_route_is_a_registered_route() {
        let routes = crate::routes::list();
        for (method, path, _) in ALLOWED {
            assert!(
                routes
                    .iter()
                    .any(|r| r.method.as_str() == *method && r.path == *path),
                "{method} {path} is allowed under a lock but not registered"
            );
        }
    }
}
