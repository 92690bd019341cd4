//! One error type for every handler. Its response says what went wrong in Dutch, for a
//! therapist, and never shows internals: those are logged.

use axum::extract::FromRequest;
use axum::extract::rejection::JsonRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use speelruimte_model::{ApiError, ValidationError};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No valid login session.
    #[error("not logged in")]
    NotLoggedIn,
    /// Wrong username or password.
    #[error("login failed")]
    LoginFailed,
    /// Too many failed logins; retry after this many seconds.
    #[error("throttled for {0} s")]
    Throttled(u64),
    /// Missing or wrong CSRF token, or a cross-site request.
    #[error("csrf")]
    Csrf,
    /// The setup or invite token is unknown, used or expired.
    #[error("setup token")]
    SetupToken,
    /// Missing, or not the caller's (the two look the same on purpose).
    #[error("not found")]
    NotFound,
    /// An artefact id already holds something else.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Input that breaks a rule, with the reason in Dutch.
    #[error("validation: {0}")]
    Validation(String),
    /// Body larger than allowed.
    #[error("payload too large")]
    TooLarge,
    /// A route the kindermodus lock of this login session does not allow.
    #[error("kiosk locked")]
    KioskLocked,
    /// Kindermodus cannot start without a PIN to end it with.
    #[error("no kiosk pin")]
    KioskNoPin,
    /// A request to end kindermodus where there is none.
    #[error("not in kiosk mode")]
    NotKiosk,
    /// A wrong kindermodus PIN.
    #[error("wrong pin")]
    PinWrong,
    /// A PIN sent before the wait after wrong ones is over; retry after this many seconds.
    #[error("pin wait {0} s")]
    PinWait(u64),
    /// Too many wrong PINs: only the password ends the lock.
    #[error("pin blocked")]
    PinBlocked,
    /// A wrong password where the logged-in therapist's own was asked (ending kindermodus).
    #[error("wrong password")]
    PasswordWrong,
    /// Anything else: logged, answered as a plain 500.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<ValidationError> for Error {
    fn from(e: ValidationError) -> Self {
        Self::Validation(e.to_string())
    }
}

impl From<speelruimte_guide::GuideError> for Error {
    fn from(e: speelruimte_guide::GuideError) -> Self {
        Self::Validation(e.to_string())
    }
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl Error {
    fn parts(&self) -> (StatusCode, &'static str, String) {
        match self {
            Self::NotLoggedIn => (
                StatusCode::UNAUTHORIZED,
                "not_logged_in",
                "Je bent niet ingelogd.".into(),
            ),
            Self::LoginFailed => (
                StatusCode::UNAUTHORIZED,
                "login_failed",
                "Gebruikersnaam of wachtwoord klopt niet.".into(),
            ),
            Self::Throttled(secs) => (
                StatusCode::TOO_MANY_REQUESTS,
                "throttled",
                format!(
                    "Te veel mislukte pogingen. Probeer het over {} minuten opnieuw.",
                    secs.div_ceil(60).max(1)
                ),
            ),
            Self::Csrf => (
                StatusCode::FORBIDDEN,
                "csrf",
                "De beveiligingscode ontbreekt of is verlopen. Laad de pagina opnieuw.".into(),
            ),
            Self::SetupToken => (
                StatusCode::FORBIDDEN,
                "setup_token",
                "Deze link is ongeldig of al gebruikt.".into(),
            ),
            Self::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                "Dit bestaat niet, of je hebt er geen toegang toe.".into(),
            ),
            Self::Conflict(m) => (StatusCode::CONFLICT, "conflict", (*m).into()),
            Self::Validation(m) => (StatusCode::UNPROCESSABLE_ENTITY, "validation", m.clone()),
            Self::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                "Dit is te groot om op te slaan.".into(),
            ),
            Self::KioskLocked => (
                StatusCode::FORBIDDEN,
                "kiosk_locked",
                "Dit kan niet in kindermodus: deze tablet is nu alleen voor één werkvorm. De therapeut beëindigt de kindermodus met de pincode.".into(),
            ),
            Self::KioskNoPin => (
                StatusCode::CONFLICT,
                "kiosk_no_pin",
                "Stel eerst een pincode voor de kindermodus in; daarmee beëindig je hem weer.".into(),
            ),
            Self::NotKiosk => (
                StatusCode::CONFLICT,
                "not_kiosk",
                "Deze tablet staat niet in kindermodus.".into(),
            ),
            Self::PinWrong => (
                StatusCode::FORBIDDEN,
                "pin_wrong",
                "Deze pincode klopt niet.".into(),
            ),
            Self::PinWait(secs) => (
                StatusCode::TOO_MANY_REQUESTS,
                "pin_wait",
                format!("Even wachten: over {secs} seconden kan de pincode opnieuw."),
            ),
            Self::PinBlocked => (
                StatusCode::FORBIDDEN,
                "pin_blocked",
                "Te vaak een verkeerde pincode. Alleen het wachtwoord van de therapeut beëindigt de kindermodus nu.".into(),
            ),
            Self::PasswordWrong => (
                StatusCode::FORBIDDEN,
                "password_wrong",
                "Dit wachtwoord klopt niet.".into(),
            ),
            Self::Internal(e) => {
                tracing::error!(error = ?e, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Er ging iets mis op de server. Probeer het opnieuw; je werk is niet verloren."
                        .into(),
                )
            }
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let (status, code, message) = self.parts();
        let mut res = (
            status,
            axum::Json(ApiError {
                error: code.into(),
                message,
            }),
        )
            .into_response();
        if let Self::Throttled(secs) | Self::PinWait(secs) = self
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        res
    }
}

/// A JSON body whose rejections (bad JSON, a value that breaks a model rule, too large) become
/// [`Error`]s with a Dutch reason instead of axum's plain-text answers.
#[derive(Debug, Clone, Copy, Default, FromRequest)]
#[from_request(via(axum::Json), rejection(Error))]
pub struct Json<T>(pub T);

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl From<JsonRejection> for Error {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::JsonDataError(e) => {
                // serde's message holds the model's Dutch reason, e.g. "Het cliëntlabel is leeg".
                let detail = std::error::Error::source(&e)
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| e.body_text());
                Self::Validation(format!("De gegevens kloppen niet: {detail}"))
            }
            JsonRejection::JsonSyntaxError(_) => Self::Validation(
                "De gegevens konden niet worden gelezen (geen geldige JSON).".into(),
            ),
            JsonRejection::MissingJsonContentType(_) => {
                Self::Validation("De gegevens moeten als JSON worden gestuurd.".into())
            }
            JsonRejection::BytesRejection(b) if b.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Self::TooLarge
            }
            other => Self::Validation(format!(
                "De gegevens konden niet worden gelezen: {}",
                other.body_text()
            )),
        }
    }
}
