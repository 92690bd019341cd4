//! Kindermodus: a login session (a browser) locked to one client, one session and one work
//! form, left only with the therapist's PIN (or password). The records of the API and the pure
//! rules: what a PIN may be, how long a wrong PIN makes the next one wait, when the calm
//! "bijna klaar" cue starts.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{ValidationError, WorkForm, bounded::bounded};

/// The PIN that ends kindermodus: 4 to 8 digits. A password has at least 12 characters
/// ([`crate::Password::MIN`]), so a PIN can never be the password. Never serialised back out.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "2468"))]
#[serde(try_from = "String")]
pub struct KioskPin(String);

impl KioskPin {
    /// Fewest digits.
    pub const MIN: usize = 4;
    /// Most digits.
    pub const MAX: usize = 8;

    /// Parses a PIN as typed: digits only, 4 to 8 of them.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let pin = raw.trim();
        let len = pin.chars().count();
        if !(Self::MIN..=Self::MAX).contains(&len) || !pin.chars().all(|c| c.is_ascii_digit()) {
            return Err(ValidationError::KioskPin);
        }
        Ok(Self(pin.to_owned()))
    }

    /// The digits, for hashing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for KioskPin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KioskPin(***)")
    }
}

impl TryFrom<String> for KioskPin {
    type Error = ValidationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

// Only the app that sends a PIN it has checked serialises one.
impl Serialize for KioskPin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Sets (or replaces) the therapist's kindermodus PIN.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetKioskPin {
    /// 4 to 8 digits.
    pub pin: KioskPin,
}

/// Ends kindermodus with the PIN. Not checked for its shape: a wrong PIN is just wrong.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskUnlock {
    /// The digits typed.
    pub pin: String,
}

/// Ends kindermodus with the therapist's password (also after too many wrong PINs).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskPasswordUnlock {
    /// The password of the therapist whose session this is.
    pub password: String,
}

bounded!(
    /// The time frame of a kindermodus, in minutes (5–60).
    KioskMinutes(u8),
    5,
    60,
    "De tijd voor de cliënt (in minuten)"
);

/// What a lock shows the client: one work form to make something with, or the client's own
/// gallery (*wat ik gemaakt heb*) to look at together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum KioskView {
    /// The lock's work form.
    #[default]
    WorkForm,
    /// The client's own gallery: only looking, nothing is made or sent.
    Gallery,
}

impl KioskView {
    /// The code kept in the database.
    pub fn code(self) -> &'static str {
        match self {
            Self::WorkForm => "werkvorm",
            Self::Gallery => "galerij",
        }
    }

    /// Reads [`KioskView::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::WorkForm, Self::Gallery]
            .into_iter()
            .find(|v| v.code() == code)
    }
}

/// Starts kindermodus on this login session.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartKiosk {
    /// The client the tablet is handed to.
    pub client_id: Uuid,
    /// The client's session the work goes into.
    pub session_id: Uuid,
    /// The one work form the client gets.
    pub work_form: WorkForm,
    /// An optional time frame: near its end a calm cue shows; nothing is cut off.
    #[serde(default)]
    pub minutes: Option<KioskMinutes>,
    /// The work form (the default), or the gallery; a gallery lock makes nothing, so its
    /// `work_form` only says which work form's screen it was started from.
    #[serde(default)]
    pub view: KioskView,
}

/// Wrong PINs after which the PIN no longer ends the lock (only the password does).
pub const PIN_TRIES: u32 = 10;

/// Seconds the next PIN must wait after `wrong` wrong PINs in a row: none after the first
/// (a slip of the finger), then doubling from 1 s up to 5 minutes; after [`PIN_TRIES`] the
/// PIN is no longer asked at all.
pub fn pin_wait_seconds(wrong: u32) -> u64 {
    match wrong {
        0 | 1 => 0,
        n => (1u64 << (n - 2).min(16)).min(300),
    }
}

/// Seconds before the end of a time frame of `minutes` at which the "bijna klaar" cue
/// starts: a tenth of the time, at least one minute and at most three.
pub fn cue_before_end_seconds(minutes: KioskMinutes) -> u64 {
    (u64::from(minutes.get()) * 6).clamp(60, 180)
}

/// A lock as the app sees it (in [`crate::Me`]): what the tablet is locked to, and how the
/// PIN stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskLock {
    /// The client (`None` once the client was deleted: the lock stays until the therapist ends it).
    pub client_id: Option<Uuid>,
    /// The session (`None` once it was deleted).
    pub session_id: Option<Uuid>,
    /// The one work form.
    pub work_form: WorkForm,
    /// The time frame picked, if any.
    pub minutes: Option<KioskMinutes>,
    /// Seconds of the time frame left when this answer was made (0 once it is over); `None`
    /// without a time frame. Relative, so the tablet's clock does not matter.
    pub seconds_left: Option<u64>,
    /// Wrong PINs in a row so far.
    pub wrong_pins: u32,
    /// Seconds until the next PIN is looked at (0: now).
    pub wait_seconds: u64,
    /// True after [`PIN_TRIES`] wrong PINs: only the password ends the lock now.
    pub pin_blocked: bool,
    /// The work form, or the client's gallery.
    #[serde(default)]
    pub view: KioskView,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_without_a_view_is_the_work_form_and_the_gallery_reads_back() {
        let start: StartKiosk = serde_json::from_str(&format!(
            r#"{{"client_id":"{0}","session_id":"{0}","work_form":"beeldend"}}"#,
            Uuid::nil()
        ))
        .unwrap();
        assert_eq!(start.view, KioskView::WorkForm);
        for v in [KioskView::WorkForm, KioskView::Gallery] {
            assert_eq!(KioskView::from_code(v.code()), Some(v));
        }
        assert_eq!(serde_json::to_value(KioskView::Gallery).unwrap(), "gallery");
        assert_eq!(KioskView::from_code("beeldend"), None);
    }

    #[test]
    fn a_pin_is_four_to_eight_digits() {
        for ok in ["0000", "2468", "12345678", " 1234 "] {
            assert!(KioskPin::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["123", "123456789", "12a4", "12 34", "", "١٢٣٤"] {
            assert_eq!(
                KioskPin::parse(bad),
                Err(ValidationError::KioskPin),
                "{bad}"
            );
        }
        assert_eq!(
            ValidationError::KioskPin.to_string(),
            "De pincode moet uit 4 tot 8 cijfers bestaan (alleen cijfers)."
        );
    }

    #[test]
    fn a_pin_never_shows_in_debug_output() {
        assert_eq!(
            format!("{:?}", KioskPin::parse("2468").unwrap()),
            "KioskPin(***)"
        );
    }

    #[test]
    fn the_wait_after_wrong_pins_doubles_from_the_second_and_stops_at_five_minutes() {
        let waits: Vec<u64> = (0..=12).map(pin_wait_seconds).collect();
        assert_eq!(waits, [0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    }

    #[test]
    fn the_cue_starts_a_tenth_before_the_end_between_one_and_three_minutes() {
        let at = |m| cue_before_end_seconds(KioskMinutes::parse(m).unwrap());
        assert_eq!(at(5), 60);
        assert_eq!(at(20), 120);
        assert_eq!(at(30), 180);
        assert_eq!(at(60), 180);
    }

    #[test]
    fn a_time_frame_outside_5_to_60_minutes_is_refused_in_dutch() {
        let err = serde_json::from_str::<StartKiosk>(&format!(
            r#"{{"client_id":"{0}","session_id":"{0}","work_form":"beeldend","minutes":90}}"#,
            Uuid::nil()
        ))
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("De tijd voor de cliënt (in minuten) moet tussen 5 en 60 liggen (nu 90)"),
            "{err}"
        );
    }
}
