use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ValidationError;

/// A login name: 3 to 64 characters of `a-z 0-9 . _ - @`, lower-cased on parsing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Username(String);

impl Username {
    /// Parses user input.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let name = raw.trim().to_lowercase();
        let ok_len = (3..=64).contains(&name.chars().count());
        let ok_chars = name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-@".contains(c));
        if ok_len && ok_chars {
            Ok(Self(name))
        } else {
            Err(ValidationError::Username)
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Username {
    type Error = ValidationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Username> for String {
    fn from(value: Username) -> Self {
        value.0
    }
}

/// A new password: at least 12 and at most 1024 characters. Never serialised back out.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String")]
pub struct Password(String);

impl Password {
    /// Fewest characters accepted.
    pub const MIN: usize = 12;
    /// Most characters accepted (argon2 input stays bounded).
    pub const MAX: usize = 1024;

    /// Parses a new password.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let len = raw.chars().count();
        if len < Self::MIN {
            return Err(ValidationError::TooShort {
                field: "Het wachtwoord",
                min: Self::MIN,
                len,
            });
        }
        if len > Self::MAX {
            return Err(ValidationError::TooLong {
                field: "Het wachtwoord",
                max: Self::MAX,
                len,
            });
        }
        Ok(Self(raw.to_owned()))
    }

    /// The secret, for hashing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl TryFrom<String> for Password {
    type Error = ValidationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

// The client side needs to send a password it has checked; only the owner of the secret
// serialises it, so this writes the plain text on purpose.
impl Serialize for Password {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Whether the server still waits for its first account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetupStatus {
    /// True until the first therapist account exists.
    pub needed: bool,
}

/// Creates the first therapist account with the one-time token the server printed.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetupRequest {
    /// The token from the setup link.
    pub token: String,
    /// Login name.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "a.jansen"))]
    pub username: Username,
    /// Name shown in the app.
    pub display_name: String,
    /// Password, at least 12 characters.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub password: Password,
}

/// Logs a therapist in. The password is not length-checked here: a wrong one is just wrong.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// Login name (case-insensitive).
    pub username: String,
    /// Password.
    pub password: String,
}

/// The logged-in therapist, with the CSRF token the app must send on every change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// Therapist id.
    pub therapist_id: Uuid,
    /// Login name.
    pub username: String,
    /// Name shown in the app.
    pub display_name: String,
    /// Send as `X-CSRF-Token` on every POST, PUT and DELETE.
    pub csrf_token: String,
    /// Whether the therapist has set a kindermodus PIN.
    #[serde(default)]
    pub kiosk_pin_set: bool,
    /// The kindermodus lock on this login session, if any: the app then shows only that work
    /// form (and the server refuses the rest).
    #[serde(default)]
    pub kiosk: Option<crate::KioskLock>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_of_11_characters_is_too_short() {
        assert_eq!(
            Password::parse("elf-tekens!"),
            Err(ValidationError::TooShort {
                field: "Het wachtwoord",
                min: 12,
                len: 11
            })
        );
        assert!(Password::parse("twaalf-teken").is_ok());
    }

    #[test]
    fn a_password_never_shows_in_debug_output() {
        let p = Password::parse("geheim-geheim-1").unwrap();
        assert_eq!(format!("{p:?}"), "Password(***)");
    }

    #[test]
    fn usernames_are_lower_cased_and_checked() {
        assert_eq!(Username::parse(" A.Jansen ").unwrap().as_str(), "a.jansen");
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse("an na").is_err());
    }
}
