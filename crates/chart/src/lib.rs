#![doc = include_str!("../README.md")]

pub mod progress;
pub mod svg;
pub mod tension;

pub use progress::{ProgressData, ProgressLabels, ProgressLayout, progress_layout, progress_svg};
pub use tension::{TensionLabels, TensionLayout, TensionRun, tension_layout, tension_svg};

/// Month names in the caller's language, January first: the chart writes its dates with them.
pub type MonthNames<'a> = [&'a str; 12];

/// Dutch month names, January first (the screens, the report and the charts' axes share them).
pub const MONTHS_NL: MonthNames<'static> = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// English month names, January first.
pub const MONTHS_EN: MonthNames<'static> = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "3 november": a date short enough for an axis.
pub fn short_date(months: &MonthNames<'_>, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {}", d.day(), months[d.month0() as usize])
}

/// "3 november 2026".
pub fn long_date(months: &MonthNames<'_>, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {}", short_date(months, d), d.year())
}

/// Okabe–Ito blue: the *voortgang* scores.
pub const BLUE: &str = "#0072b2";
/// Okabe–Ito orange: the GAS levels.
pub const ORANGE: &str = "#e69f00";
