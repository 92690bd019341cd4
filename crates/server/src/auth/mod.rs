//! Who is calling: login sessions in a secure cookie, the CSRF token every change must carry,
//! passwords and login throttling.

pub mod password;
pub mod routes;
pub mod throttle;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use base64::Engine as _;
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{AppState, Error};
pub use routes::router;

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

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
}

/// The caller's network address (or "unknown" where none is known, as in in-process tests).
pub fn address(parts: &Parts) -> String {
    parts
        .extensions
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Refuses a request whose `Origin` names another site than the one it was sent to.
pub fn check_origin(headers: &HeaderMap) -> Result<(), Error> {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        return Ok(());
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
    if origin_host == host {
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
    pub address: String,
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
        if crate::db::parse_time(&expires_at) <= chrono::Utc::now() {
            sqlx::query("DELETE FROM auth_sessions WHERE token_hash = ? OR expires_at <= ?")
                .bind(&hash)
                .bind(crate::db::now())
                .execute(&state.db)
                .await?;
            return Err(Error::NotLoggedIn);
        }
        if !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
            let sent = parts
                .headers
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !constant_time_eq(sent.as_bytes(), csrf_token.as_bytes()) {
                return Err(Error::Csrf);
            }
            check_origin(&parts.headers)?;
        }
        Ok(Caller {
            therapist_id: Uuid::parse_str(&therapist_id).map_err(|e| Error::Internal(e.into()))?,
            session_hash: hash,
            csrf_token,
            address: address(parts),
        })
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
