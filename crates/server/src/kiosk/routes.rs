//! The kindermodus routes: set the PIN, start the lock, end it with the PIN or the password.

use std::time::Instant;

use axum::extract::State;
use axum::http::StatusCode;
use speelruimte_model::{
    ApiError, KioskLock, KioskPasswordUnlock, KioskUnlock, KioskView, PIN_TRIES, SetKioskPin,
    StartKiosk,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{lock_of, retry_after};
use crate::auth::Caller;
use crate::error::Json;
use crate::ownership::owned;
use crate::{AppState, Error, audit, db};

/// The kindermodus routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(set_pin))
        .routes(routes!(start_kiosk))
        .routes(routes!(unlock_with_pin))
        .routes(routes!(unlock_with_password))
}

/// Sets or replaces the therapist's kindermodus PIN (4–8 digits, kept as an argon2id hash).
#[utoipa::path(put, path = "/api/kiosk/pin", tag = "kiosk", request_body = SetKioskPin, responses(
    (status = 204), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn set_pin(
    State(state): State<AppState>,
    caller: Caller,
    Json(req): Json<SetKioskPin>,
) -> Result<StatusCode, Error> {
    let hash = state.passwords.hash(req.pin.expose().to_owned()).await?;
    let mut tx = db::begin_write(&state.db).await?;
    sqlx::query(
        "INSERT INTO kiosk_pins (therapist_id, pin_hash, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (therapist_id) DO UPDATE SET pin_hash = excluded.pin_hash, updated_at = excluded.updated_at",
    )
    .bind(caller.therapist_id.to_string())
    .bind(&hash)
    .bind(db::now())
    .execute(&mut *tx)
    .await?;
    audit::record(&mut tx, &caller, "kiosk.pin.set", None, None).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Locks this login session (this browser, every tab of it) to one client, session and work
/// form until the PIN or the password ends it.
#[utoipa::path(post, path = "/api/kiosk", tag = "kiosk", request_body = StartKiosk, responses(
    (status = 201, body = KioskLock), (status = 401, body = ApiError), (status = 403, body = ApiError),
    (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn start_kiosk(
    State(state): State<AppState>,
    caller: Caller,
    Json(req): Json<StartKiosk>,
) -> Result<(StatusCode, Json<KioskLock>), Error> {
    let mut tx = db::begin_write(&state.db).await?;
    owned(&mut tx, &caller, req.client_id).await?;
    let sessions: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM therapy_sessions WHERE id = ? AND client_id = ?")
            .bind(req.session_id.to_string())
            .bind(req.client_id.to_string())
            .fetch_one(&mut *tx)
            .await?;
    if sessions == 0 {
        return Err(Error::NotFound);
    }
    let pins: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM kiosk_pins WHERE therapist_id = ?")
        .bind(caller.therapist_id.to_string())
        .fetch_one(&mut *tx)
        .await?;
    if pins == 0 {
        return Err(Error::KioskNoPin);
    }
    sqlx::query(
        "INSERT INTO kiosk_locks (token_hash, client_id, session_id, work_form, minutes, started_at, view) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&caller.session_hash)
    .bind(req.client_id.to_string())
    .bind(req.session_id.to_string())
    .bind(req.work_form.code())
    .bind(req.minutes.map(|m| i64::from(m.get())))
    .bind(db::now())
    .bind(req.view.code())
    .execute(&mut *tx)
    .await?;
    let detail = format!(
        "{} session={} minutes={}",
        match req.view {
            KioskView::Gallery => KioskView::Gallery.code(),
            KioskView::WorkForm => req.work_form.code(),
        },
        req.session_id,
        req.minutes.map_or("-".into(), |m| m.get().to_string())
    );
    audit::record(
        &mut tx,
        &caller,
        "kiosk.lock",
        Some(req.client_id),
        Some(&detail),
    )
    .await?;
    let lock = lock_of(&mut tx, &caller.session_hash)
        .await?
        .ok_or_else(|| Error::Internal(anyhow::anyhow!("the lock just made is gone")))?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(lock.view(chrono::Utc::now()))))
}

/// Ends kindermodus with the PIN. Each PIN is counted before it is checked (so parallel
/// guesses cannot share one wait); after a wrong one the next waits longer
/// (`pin_wait_seconds`), and after ten wrong ones only the password ends the lock.
#[utoipa::path(post, path = "/api/kiosk/unlock", tag = "kiosk", request_body = KioskUnlock, responses(
    (status = 204, description = "the lock is ended"), (status = 401, body = ApiError), (status = 403, body = ApiError),
    (status = 409, body = ApiError), (status = 429, body = ApiError)))]
pub async fn unlock_with_pin(
    State(state): State<AppState>,
    caller: Caller,
    Json(req): Json<KioskUnlock>,
) -> Result<StatusCode, Error> {
    let now = chrono::Utc::now();
    let mut tx = db::begin_write(&state.db).await?;
    let lock = lock_of(&mut tx, &caller.session_hash)
        .await?
        .ok_or(Error::NotKiosk)?;
    if lock.pin_blocked() {
        return Err(Error::PinBlocked);
    }
    let wait = lock.wait_seconds(now);
    if wait > 0 {
        return Err(Error::PinWait(wait));
    }
    sqlx::query(
        "UPDATE kiosk_locks SET wrong_pins = wrong_pins + 1, retry_at = ? WHERE token_hash = ?",
    )
    .bind(retry_after(lock.wrong_pins, now))
    .bind(&caller.session_hash)
    .execute(&mut *tx)
    .await?;
    let stored: Option<String> =
        sqlx::query_scalar("SELECT pin_hash FROM kiosk_pins WHERE therapist_id = ?")
            .bind(caller.therapist_id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
    tx.commit().await?;
    // Checked outside the transaction: a hash takes tens of milliseconds.
    let ok = state.passwords.verify(req.pin, stored).await?;
    let mut tx = db::begin_write(&state.db).await?;
    if ok {
        end(&mut tx, &caller, &lock, "pin").await?;
        tx.commit().await?;
        return Ok(StatusCode::NO_CONTENT);
    }
    let wrong = lock.wrong_pins + 1;
    let detail = format!("pin wrong={wrong}");
    audit::record(
        &mut tx,
        &caller,
        "kiosk.unlock.failed",
        lock.client_id,
        Some(&detail),
    )
    .await?;
    tx.commit().await?;
    Err(if wrong >= PIN_TRIES {
        Error::PinBlocked
    } else {
        Error::PinWrong
    })
}

/// Ends kindermodus with the password of the therapist whose login session this is: the way
/// out after too many wrong PINs (or a forgotten one). Throttled like logging in.
#[utoipa::path(post, path = "/api/kiosk/unlock-password", tag = "kiosk", request_body = KioskPasswordUnlock, responses(
    (status = 204, description = "the lock is ended"), (status = 401, body = ApiError), (status = 403, body = ApiError),
    (status = 409, body = ApiError), (status = 429, body = ApiError)))]
pub async fn unlock_with_password(
    State(state): State<AppState>,
    caller: Caller,
    Json(req): Json<KioskPasswordUnlock>,
) -> Result<StatusCode, Error> {
    let mut conn = state.db.acquire().await?;
    let lock = lock_of(&mut conn, &caller.session_hash)
        .await?
        .ok_or(Error::NotKiosk)?;
    let (username, stored): (String, String) =
        sqlx::query_as("SELECT username, password_hash FROM therapists WHERE id = ?")
            .bind(caller.therapist_id.to_string())
            .fetch_one(&mut *conn)
            .await?;
    drop(conn);
    let attempt = state
        .throttle
        .begin(Some(&username), &caller.source.address, Instant::now())
        .map_err(Error::Throttled)?;
    let ok = state.passwords.verify(req.password, Some(stored)).await?;
    let mut tx = db::begin_write(&state.db).await?;
    if ok {
        attempt.succeeded();
        end(&mut tx, &caller, &lock, "password").await?;
        tx.commit().await?;
        return Ok(StatusCode::NO_CONTENT);
    }
    drop(attempt);
    audit::record(
        &mut tx,
        &caller,
        "kiosk.unlock.failed",
        lock.client_id,
        Some("password"),
    )
    .await?;
    tx.commit().await?;
    Err(Error::PasswordWrong)
}

/// Removes the lock and logs how it ended.
async fn end(
    conn: &mut sqlx::SqliteConnection,
    caller: &Caller,
    lock: &super::ActiveLock,
    how: &str,
) -> Result<(), Error> {
    sqlx::query("DELETE FROM kiosk_locks WHERE token_hash = ?")
        .bind(&lock.token_hash)
        .execute(&mut *conn)
        .await?;
    audit::record(conn, caller, "kiosk.unlock", lock.client_id, Some(how)).await?;
    Ok(())
}
