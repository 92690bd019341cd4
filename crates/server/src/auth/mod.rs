//! Who is calling: login sessions in a secure cookie, the CSRF token every change must carry,
//! passwords and login throttling.

pub mod password;
pub mod routes;
pub mod source;
pub mod throttle;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use base64::Engine as _;
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::refusals::KnownCaller;
use crate::{AppState, Error};
pub use routes::router;
pub use source::Source;

/// Name of the session cookie.
pub const COOKIE: &str = "speelruimte_session";
/// How long a login lasts.
pub const SESSION_HOURS: i64 = 12;

/// A random token: 32 bytes, base64url without padding.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The SHA-256 of a token, hex: what is stored instead of the token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The `Set-Cookie` value for a new session.
pub fn session_cookie(token: &str, secure: bool) -> String {
    format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{}",
        SESSION_HOURS * 3600,
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(secure: bool) -> String {
    format!(
        "{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The session token in the request's cookie, if any.
pub(crate) fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
}

/// Refuses a request whose `Origin` names another site than the one it was sent to: the
/// host the client asked for (behind a trusted proxy, the forwarded one) and, where a trusted
/// proxy told it, the scheme. A request without `Origin` (not from a browser page) passes;
/// the CSRF token and the SameSite cookie guard those.
pub fn check_origin(headers: &HeaderMap, source: &Source) -> Result<(), Error> {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        return Ok(());
    };
    let (scheme, origin_host) = origin.split_once("://").unwrap_or(("", origin));
    let same_host = Some(origin_host) == source.host.as_deref();
    let same_scheme = source
        .scheme
        .as_deref()
        .is_none_or(|s| s.eq_ignore_ascii_case(scheme));
    if same_host && same_scheme {
        Ok(())
    } else {
        Err(Error::Csrf)
    }
}

/// A logged-in therapist. Extracting it checks the session cookie and, for every request that
/// changes something, the CSRF token in `X-CSRF-Token`.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The therapist.
    pub therapist_id: Uuid,
    /// Hash of the session token (to log out).
    pub session_hash: String,
    /// The session's CSRF token.
    pub csrf_token: String,
    /// Where the request came from.
    pub source: Source,
    /// The kindermodus lock on this login session, if any (found by [`crate::kiosk::guard`]).
    pub kiosk: Option<crate::kiosk::ActiveLock>,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let token = cookie_token(&parts.headers).ok_or(Error::NotLoggedIn)?;
        let hash = token_hash(&token);
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT therapist_id, csrf_token, expires_at FROM auth_sessions WHERE token_hash = ?",
        )
        .bind(&hash)
        .fetch_optional(&state.db)
        .await?;
        let (therapist_id, csrf_token, expires_at) = row.ok_or(Error::NotLoggedIn)?;
        let therapist_id = Uuid::parse_str(&therapist_id).map_err(|e| Error::Internal(e.into()))?;
        if crate::db::parse_time(&expires_at) <= chrono::Utc::now() {
            sqlx::query("DELETE FROM auth_sessions WHERE token_hash = ? OR expires_at <= ?")
                .bind(&hash)
                .bind(crate::db::now())
                .execute(&state.db)
                .await?;
            return Err(Error::NotLoggedIn);
        }
        // Known from here on, so a refusal below (CSRF, Origin) or in the handler is audited
        // as this therapist's.
        if let Some(known) = parts.extensions.get::<KnownCaller>() {
            known.set(therapist_id);
        }
        let source = source::source_of(parts, state);
        if !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
            let sent = parts
                .headers
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !constant_time_eq(sent.as_bytes(), csrf_token.as_bytes()) {
                return Err(Error::Csrf);
            }
            check_origin(&parts.headers, &source)?;
        }
        let kiosk = parts
            .extensions
            .get::<crate::kiosk::ActiveLock>()
            .filter(|l| l.token_hash == hash)
            .cloned();
        Ok(Caller {
            therapist_id,
            session_hash: hash,
            csrf_token,
            source,
            kiosk,
        })
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Middleware: a request refused as not logged in (401) whose session cookie names no live login
/// gets that cookie removed in the answer. A browser never keeps an ended login's cookie, even
/// when the answer that ended it was lost on the way (a logout sent while the connection
/// dropped, and sent again: the second one's 401 clears it). A live login's cookie is kept: a
/// 401 for a wrong password (kindermodus exit) ends nothing.
pub async fn drop_ended_cookie(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let token = cookie_token(req.headers());
    let secure = state.secure_cookies
        || req
            .extensions()
            .get::<Source>()
            .is_some_and(Source::is_https);
    let mut res = next.run(req).await;
    if res.status() != axum::http::StatusCode::UNAUTHORIZED
        || res.headers().contains_key(header::SET_COOKIE)
    {
        return res;
    }
    let Some(token) = token else {
        return res;
    };
    let live: Result<Option<(String,)>, _> =
        sqlx::query_as("SELECT expires_at FROM auth_sessions WHERE token_hash = ?")
            .bind(token_hash(&token))
            .fetch_optional(&state.db)
            .await;
    let ended = match live {
        Ok(None) => true,
        Ok(Some((expires_at,))) => crate::db::parse_time(&expires_at) <= chrono::Utc::now(),
        Err(_) => false,
    };
    if let (true, Ok(v)) = (ended, header::HeaderValue::from_str(&clear_cookie(secure))) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}
