//! Whole numbers that must lie in a range (a score 0–10, a GAS level −2…+2, a weight 1–9):
//! one newtype each, read from JSON through a wide integer so that every number outside the
//! range, also one that does not fit the narrow type (−1 for a `u8`), gets the same Dutch
//! refusal that says the range and what was given.

/// Declares `$name($inner)` holding `$min..=$max`, parsed with `parse` and from JSON.
macro_rules! bounded {
    ($(#[$doc:meta])* $name:ident($inner:ty), $min:expr, $max:expr, $what:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "openapi", schema(value_type = i32))]
        #[serde(try_from = "i64", into = "i64")]
        pub struct $name($inner);

        impl $name {
            /// Lowest value.
            pub const MIN: $inner = $min;
            /// Highest value.
            pub const MAX: $inner = $max;

            /// Parses a number; outside the range it is refused in Dutch.
            pub fn parse(value: i64) -> Result<Self, $crate::ValidationError> {
                if value < i64::from(Self::MIN) || value > i64::from(Self::MAX) {
                    return Err($crate::ValidationError::OutOfRange {
                        what: $what,
                        min: i64::from(Self::MIN),
                        max: i64::from(Self::MAX),
                        got: value.to_string(),
                    });
                }
                // In range, so it fits.
                Ok(Self(value as $inner))
            }

            /// The number.
            pub fn get(self) -> $inner {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = $crate::ValidationError;
            fn try_from(value: i64) -> Result<Self, Self::Error> {
                Self::parse(value)
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> Self {
                i64::from(value.0)
            }
        }
    };
}
pub(crate) use bounded;
