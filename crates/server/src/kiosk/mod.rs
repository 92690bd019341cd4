//! Kindermodus: a login session locked to one client, session and work form.
//!
//! The lock is a row keyed by the login session's token hash, so it holds for every tab of that
//! browser, survives a reload and ends with the session. While it stands, [`guard`] refuses
//! every registered route that is not on its allow-list, and the upload checks that the work goes
//! into the locked client's session ([`ActiveLock::check_upload`]). It ends with the PIN the
//! therapist set (wrong ones wait longer each time, and after [`PIN_TRIES`] the PIN no longer
//! works), with the therapist's password, or by logging in again on that browser. Once the PIN
//! is blocked, the therapist's login anywhere else ends that locked login session as well
//! ([`end_blocked_locks`]): the tablet then asks for a login, and what waits on it to be sent
//! stays there for the same therapist.
//!
//! Logging out is refused under a lock: a child must not be able to end it, and ending the login
//! would also throw away what is still waiting on the tablet to be sent.

pub mod guard;
pub mod routes;

use speelruimte_model::{
    KioskLock, KioskMinutes, KioskView, PIN_TRIES, WorkForm, pin_wait_seconds,
};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::{Error, db};
pub use routes::router;

/// The lock of the request's login session, as the guard found it (in the request's extensions,
/// and so in [`crate::auth::Caller::kiosk`]).
#[derive(Debug, Clone)]
pub struct ActiveLock {
    /// The login session's token hash.
    pub token_hash: String,
    /// The therapist whose session it is.
    pub therapist_id: Uuid,
    /// The client (`None` once deleted).
    pub client_id: Option<Uuid>,
    /// The session (`None` once deleted).
    pub session_id: Option<Uuid>,
    /// The work form.
    pub work_form: WorkForm,
    /// The time frame, if any.
    pub minutes: Option<KioskMinutes>,
    /// When it started.
    pub started_at: chrono::DateTime<chrono::Utc>,
    /// Wrong PINs in a row.
    pub wrong_pins: u32,
    /// When the next PIN is looked at.
    pub retry_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The work form, or the client's gallery.
    pub view: KioskView,
}

type LockRow = (
    String,
    Option<String>,
    Option<String>,
    String,
    Option<i64>,
    String,
    i64,
    Option<String>,
    String,
);

/// The lock on the login session with token hash `token_hash`, if it is locked and the
/// session has not expired (an expired one is refused as not logged in anyway).
pub async fn lock_of(
    conn: &mut SqliteConnection,
    token_hash: &str,
) -> Result<Option<ActiveLock>, Error> {
    let row: Option<LockRow> = sqlx::query_as(
        "SELECT s.therapist_id, k.client_id, k.session_id, k.work_form, k.minutes, k.started_at, k.wrong_pins, k.retry_at, k.view
         FROM kiosk_locks k JOIN auth_sessions s ON s.token_hash = k.token_hash
         WHERE k.token_hash = ? AND s.expires_at > ?",
    )
    .bind(token_hash)
    .bind(db::now())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((therapist, client, session, form, minutes, started, wrong, retry, view)) = row else {
        return Ok(None);
    };
    let bad = |what: &str| Error::Internal(anyhow::anyhow!("stored kiosk lock has a bad {what}"));
    let id = |s: Option<String>| {
        s.map(|s| Uuid::parse_str(&s).map_err(|_| bad("id")))
            .transpose()
    };
    Ok(Some(ActiveLock {
        token_hash: token_hash.to_owned(),
        therapist_id: Uuid::parse_str(&therapist).map_err(|_| bad("therapist"))?,
        client_id: id(client)?,
        session_id: id(session)?,
        work_form: WorkForm::from_code(&form).ok_or_else(|| bad("work form"))?,
        minutes: minutes
            .map(KioskMinutes::parse)
            .transpose()
            .map_err(|_| bad("minutes"))?,
        started_at: db::parse_time(&started),
        wrong_pins: u32::try_from(wrong).unwrap_or(PIN_TRIES),
        retry_at: retry.as_deref().map(db::parse_time),
        view: KioskView::from_code(&view).ok_or_else(|| bad("view"))?,
    }))
}

/// Ends every login session of `therapist` whose lock has its PIN blocked (after [`PIN_TRIES`]
/// wrong ones): the therapist has just logged in elsewhere, which proves who they are. The
/// session ends with its lock (not only the lock: the tablet is in a child's hands, and must
/// not become an open therapist session). A lock with a PIN that still works is left alone: a
/// therapist logging in on a laptop while a child draws on the tablet is normal.
pub async fn end_blocked_locks(
    conn: &mut SqliteConnection,
    therapist: Uuid,
    source: &crate::auth::Source,
) -> Result<(), Error> {
    let ended: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT k.token_hash, k.client_id FROM kiosk_locks k
         JOIN auth_sessions s ON s.token_hash = k.token_hash
         WHERE s.therapist_id = ? AND k.wrong_pins >= ?",
    )
    .bind(therapist.to_string())
    .bind(i64::from(PIN_TRIES))
    .fetch_all(&mut *conn)
    .await?;
    for (token_hash, _) in &ended {
        sqlx::query("DELETE FROM auth_sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&mut *conn)
            .await?;
    }
    for (_, client) in ended {
        let client = client.and_then(|c| Uuid::parse_str(&c).ok());
        crate::audit::record_by(
            conn,
            Some(therapist),
            source,
            "kiosk.unlock",
            client,
            Some("login elsewhere"),
        )
        .await?;
    }
    Ok(())
}

impl ActiveLock {
    /// Seconds until a PIN is looked at again.
    pub fn wait_seconds(&self, now: chrono::DateTime<chrono::Utc>) -> u64 {
        self.retry_at
            .map(|r| (r - now).num_milliseconds().max(0) as u64)
            .map_or(0, |ms| ms.div_ceil(1000))
    }

    /// True once the PIN no longer ends the lock.
    pub fn pin_blocked(&self) -> bool {
        self.wrong_pins >= PIN_TRIES
    }

    /// The lock as the app sees it.
    pub fn view(&self, now: chrono::DateTime<chrono::Utc>) -> KioskLock {
        KioskLock {
            client_id: self.client_id,
            session_id: self.session_id,
            work_form: self.work_form,
            minutes: self.minutes,
            seconds_left: self.minutes.map(|m| {
                let end = self.started_at + chrono::Duration::minutes(i64::from(m.get()));
                (end - now).num_seconds().max(0) as u64
            }),
            wrong_pins: self.wrong_pins,
            wait_seconds: self.wait_seconds(now),
            pin_blocked: self.pin_blocked(),
            view: self.view,
        }
    }

    /// Refuses an upload that is not this lock's work: another client's is missing (404, as
    /// everywhere), another session or work form of this client is not allowed (403).
    pub fn check_upload(&self, up: &speelruimte_model::ArtefactUpload) -> Result<(), Error> {
        if self.client_id != Some(up.client_id) {
            return Err(Error::NotFound);
        }
        // The gallery is for looking: nothing is made under it.
        if self.view == KioskView::Gallery
            || self.session_id.is_none()
            || up.session_id != self.session_id
            || up.kind != self.work_form.kind()
        {
            return Err(Error::KioskLocked);
        }
        Ok(())
    }
}

/// What `/api/me` (and a login) says about kindermodus for a therapist and login session:
/// whether a PIN is set, and the lock if there is one.
pub async fn me_part(
    conn: &mut SqliteConnection,
    therapist: Uuid,
    token_hash: &str,
) -> Result<(bool, Option<KioskLock>), Error> {
    let pins: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM kiosk_pins WHERE therapist_id = ?")
        .bind(therapist.to_string())
        .fetch_one(&mut *conn)
        .await?;
    let lock = lock_of(conn, token_hash).await?;
    Ok((pins > 0, lock.map(|l| l.view(chrono::Utc::now()))))
}

/// The wait after one more wrong PIN than `wrong`, as the time it ends.
pub(crate) fn retry_after(wrong: u32, now: chrono::DateTime<chrono::Utc>) -> Option<String> {
    let secs = pin_wait_seconds(wrong + 1);
    (secs > 0).then(|| {
        (now + chrono::Duration::seconds(secs as i64))
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
    })
}
