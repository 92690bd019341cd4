//! Accounts: the one-time setup, invites for colleagues, login, logout, and who am I.

use std::time::Instant;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use speelruimte_model::{ApiError, LoginRequest, Me, SetupRequest, SetupStatus};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::{Caller, Source, check_origin, clear_cookie, new_token, session_cookie, token_hash};
use crate::error::Json;
use crate::{AppState, Error, audit, db};

/// The account routes (see [`crate::routes`] for why they are registered this way).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(setup_status, setup))
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(me))
        .routes(routes!(invite))
}

/// An invitation for a colleague to make an account.
#[derive(Debug, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Invite {
    /// Put in `/setup?token=…`; works once.
    pub token: String,
    /// When it stops working.
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

async fn therapist_count(state: &AppState) -> Result<i64, Error> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM therapists")
        .fetch_one(&state.db)
        .await?)
}

/// Whether the first account still has to be made.
#[utoipa::path(get, path = "/api/setup", tag = "accounts", responses((status = 200, body = SetupStatus)))]
pub async fn setup_status(State(state): State<AppState>) -> Result<Json<SetupStatus>, Error> {
    Ok(Json(SetupStatus {
        needed: therapist_count(&state).await? == 0,
    }))
}

/// Makes an account with the one-time setup token or a colleague's invite, and logs it in.
#[utoipa::path(post, path = "/api/setup", tag = "accounts", request_body = SetupRequest, responses(
    (status = 201, body = Me), (status = 403, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn setup(
    State(state): State<AppState>,
    headers: HeaderMap,
    source: Source,
    Json(req): Json<SetupRequest>,
) -> Result<Response, Error> {
    check_origin(&headers, &source)?;
    let display_name = req.display_name.trim().to_owned();
    let len = display_name.chars().count();
    if len == 0 || len > 100 || display_name.chars().any(char::is_control) {
        return Err(Error::Validation(
            "Vul je naam in (hoogstens 100 tekens).".into(),
        ));
    }
    // Wrong tokens count against the address, like wrong passwords.
    let attempt = state
        .throttle
        .begin(None, &source.address, Instant::now())
        .map_err(Error::Throttled)?;
    let hash = token_hash(&req.token);
    // The token before argon2: a hash costs 19 MiB and tens of milliseconds, and nobody
    // without a valid token may make the server spend them. Only looked at here; it is taken
    // (once, under the lock or in the transaction) after the hash, below.
    let setup_token_valid = state
        .setup
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_deref()
        == Some(hash.as_str());
    if !setup_token_valid {
        let open_invites: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM invites WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
        )
        .bind(&hash)
        .bind(db::now())
        .fetch_one(&state.db)
        .await?;
        if open_invites != 1 {
            return Err(Error::SetupToken);
        }
    }
    attempt.succeeded();
    let password_hash = state
        .passwords
        .hash(req.password.expose().to_owned())
        .await?;
    let id = Uuid::new_v4();
    let now = db::now();
    let mut tx = state.db.begin().await?;

    // The setup token: only while no account exists, and only once (taken under the lock).
    let is_setup = {
        let mut setup = state.setup.lock().unwrap_or_else(|e| e.into_inner());
        if setup.as_deref() == Some(hash.as_str()) {
            *setup = None;
            true
        } else {
            false
        }
    };
    let via = if is_setup {
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM therapists")
            .fetch_one(&mut *tx)
            .await?;
        if count > 0 {
            return Err(Error::SetupToken);
        }
        "setup"
    } else {
        let used = sqlx::query("UPDATE invites SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
            .bind(&now)
            .bind(&hash)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        if used.rows_affected() != 1 {
            return Err(Error::SetupToken);
        }
        "invite"
    };
    let inserted = sqlx::query(
        "INSERT INTO therapists (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(id.to_string())
    .bind(req.username.as_str())
    .bind(&display_name)
    .bind(&password_hash)
    .bind(&now)
    .execute(&mut *tx)
    .await;
    if let Err(sqlx::Error::Database(e)) = &inserted
        && e.is_unique_violation()
    {
        if is_setup {
            *state.setup.lock().unwrap_or_else(|e| e.into_inner()) = Some(hash);
        }
        return Err(Error::Conflict(
            "Deze gebruikersnaam bestaat al; kies een andere.",
        ));
    }
    inserted?;
    audit::record_by(
        &mut tx,
        Some(id),
        &source,
        "account.create",
        None,
        Some(via),
    )
    .await?;
    let secure = state.secure_cookies || source.is_https();
    let (cookie, me) =
        start_session(&mut tx, secure, id, req.username.as_str(), &display_name).await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        [(header::SET_COOKIE, cookie)],
        Json(me),
    )
        .into_response())
}

async fn start_session(
    conn: &mut sqlx::SqliteConnection,
    secure: bool,
    therapist_id: Uuid,
    username: &str,
    display_name: &str,
) -> Result<(String, Me), Error> {
    let token = new_token();
    let csrf = new_token();
    let expires = chrono::Utc::now() + chrono::Duration::hours(super::SESSION_HOURS);
    sqlx::query("INSERT INTO auth_sessions (token_hash, therapist_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
        .bind(token_hash(&token))
        .bind(therapist_id.to_string())
        .bind(&csrf)
        .bind(db::now())
        .bind(expires.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
        .execute(&mut *conn)
        .await?;
    let (kiosk_pin_set, _) =
        crate::kiosk::me_part(&mut *conn, therapist_id, &token_hash(&token)).await?;
    let me = Me {
        therapist_id,
        username: username.to_owned(),
        display_name: display_name.to_owned(),
        csrf_token: csrf,
        kiosk_pin_set,
        kiosk: None,
    };
    Ok((session_cookie(&token, secure), me))
}

/// Logs in.
#[utoipa::path(post, path = "/api/login", tag = "accounts", request_body = LoginRequest, responses(
    (status = 200, body = Me), (status = 401, body = ApiError), (status = 429, body = ApiError)))]
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    source: Source,
    Json(req): Json<LoginRequest>,
) -> Result<Response, Error> {
    check_origin(&headers, &source)?;
    let username = req.username.trim().to_lowercase();
    // Counted before the password is checked, so parallel guesses cannot all pass the check.
    let attempt = state
        .throttle
        .begin(Some(&username), &source.address, Instant::now())
        .map_err(Error::Throttled)?;
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT id, display_name, password_hash FROM therapists WHERE username = ?")
            .bind(&username)
            .fetch_optional(&state.db)
            .await?;
    let ok = state
        .passwords
        .verify(req.password, row.as_ref().map(|r| r.2.clone()))
        .await?;
    let mut tx = state.db.begin().await?;
    match row {
        Some((id, display_name, _)) if ok => {
            let id = Uuid::parse_str(&id).map_err(|e| Error::Internal(e.into()))?;
            attempt.succeeded();
            audit::record_by(&mut tx, Some(id), &source, "login", None, None).await?;
            end_locked_session(&mut tx, &headers, &source).await?;
            crate::kiosk::end_blocked_locks(&mut tx, id, &source).await?;
            let secure = state.secure_cookies || source.is_https();
            let (cookie, me) = start_session(&mut tx, secure, id, &username, &display_name).await?;
            tx.commit().await?;
            Ok(([(header::SET_COOKIE, cookie)], Json(me)).into_response())
        }
        _ => {
            // The attempt stays counted.
            drop(attempt);
            let detail = format!("username={}", username.chars().take(64).collect::<String>());
            audit::record_by(&mut tx, None, &source, "login.failed", None, Some(&detail)).await?;
            tx.commit().await?;
            Err(Error::LoginFailed)
        }
    }
}

/// A login on a browser whose login session is locked to kindermodus (the password was typed
/// there, so it is the therapist): that session, and with it the lock, ends.
async fn end_locked_session(
    conn: &mut sqlx::SqliteConnection,
    headers: &HeaderMap,
    source: &Source,
) -> Result<(), Error> {
    let Some(old) = super::cookie_token(headers).map(|t| token_hash(&t)) else {
        return Ok(());
    };
    let Some(lock) = crate::kiosk::lock_of(&mut *conn, &old).await? else {
        return Ok(());
    };
    sqlx::query("DELETE FROM auth_sessions WHERE token_hash = ?")
        .bind(&old)
        .execute(&mut *conn)
        .await?;
    audit::record_by(
        conn,
        Some(lock.therapist_id),
        source,
        "kiosk.unlock",
        lock.client_id,
        Some("login"),
    )
    .await?;
    Ok(())
}

/// Logs out: ends the session and clears the cookie.
#[utoipa::path(post, path = "/api/logout", tag = "accounts", responses((status = 204), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn logout(State(state): State<AppState>, caller: Caller) -> Result<Response, Error> {
    let mut tx = state.db.begin().await?;
    sqlx::query("DELETE FROM auth_sessions WHERE token_hash = ?")
        .bind(&caller.session_hash)
        .execute(&mut *tx)
        .await?;
    audit::record(&mut tx, &caller, "logout", None, None).await?;
    tx.commit().await?;
    let secure = state.secure_cookies || caller.source.is_https();
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, clear_cookie(secure))],
    )
        .into_response())
}

/// The logged-in therapist, the session's CSRF token and, under kindermodus, the lock.
#[utoipa::path(get, path = "/api/me", tag = "accounts", responses((status = 200, body = Me), (status = 401, body = ApiError)))]
pub async fn me(State(state): State<AppState>, caller: Caller) -> Result<Json<Me>, Error> {
    let mut conn = state.db.acquire().await?;
    let (username, display_name): (String, String) =
        sqlx::query_as("SELECT username, display_name FROM therapists WHERE id = ?")
            .bind(caller.therapist_id.to_string())
            .fetch_one(&mut *conn)
            .await?;
    let (kiosk_pin_set, kiosk) =
        crate::kiosk::me_part(&mut conn, caller.therapist_id, &caller.session_hash).await?;
    Ok(Json(Me {
        therapist_id: caller.therapist_id,
        username,
        display_name,
        csrf_token: caller.csrf_token,
        kiosk_pin_set,
        kiosk,
    }))
}

/// Makes a one-time invitation (valid 7 days) for a colleague.
#[utoipa::path(post, path = "/api/invites", tag = "accounts", responses((status = 201, body = Invite), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn invite(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<(StatusCode, Json<Invite>), Error> {
    let token = new_token();
    let expires_at = chrono::Utc::now() + chrono::Duration::days(7);
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "INSERT INTO invites (token_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?)",
    )
    .bind(token_hash(&token))
    .bind(caller.therapist_id.to_string())
    .bind(db::now())
    .bind(expires_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
    .execute(&mut *tx)
    .await?;
    audit::record(&mut tx, &caller, "invite.create", None, None).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(Invite { token, expires_at })))
}
