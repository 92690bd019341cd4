//! Small browser helpers: ids, dates, local storage.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// A fresh random UUID from the browser's crypto (the id an artefact gets on the tablet).
pub fn new_uuid() -> Uuid {
    let s = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_default();
    Uuid::parse_str(&s).unwrap_or_else(|_| {
        // No crypto.randomUUID (very old browser): fall back to Math.random bits.
        let mut bytes = [0u8; 16];
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    })
}

/// Now, by the tablet's clock.
pub fn now() -> DateTime<Utc> {
    let iso = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    DateTime::parse_from_rfc3339(&iso)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_default()
}

/// Today's date in the tablet's time zone.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// The current year in the tablet's time zone.
pub fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// Month names, January first.
const MONTHS_NL: [&str; 12] = [
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
const MONTHS_EN: [&str; 12] = [
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

/// A date written out in the language in use: "24 november 2026" or "24 November 2026".
pub fn date_long(date: NaiveDate) -> String {
    use chrono::Datelike;
    let months = match crate::i18n::lang() {
        crate::i18n::Lang::Nl => &MONTHS_NL,
        crate::i18n::Lang::En => &MONTHS_EN,
    };
    format!(
        "{} {} {}",
        date.day(),
        months[date.month0() as usize],
        date.year()
    )
}

/// A moment in local time, written out: "24 november 2026, 14:05".
pub fn datetime_long(at: DateTime<Utc>) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    let date = NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default();
    format!(
        "{}, {:02}:{:02}",
        date_long(date),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The browser's local storage, if it may be used.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
