//! Small browser helpers: ids, dates, local storage. The logic of each is a plain function
//! beside it, so the unit tests run on the host, where no browser function can be called.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::i18n::Lang;

/// A fresh random UUID from the browser's crypto (the id an artefact gets on the tablet).
pub fn new_uuid() -> Uuid {
    let s = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_default();
    // No crypto.randomUUID (very old browser): fall back to Math.random bits.
    uuid_or_random(&s, js_sys::Math::random)
}

/// The UUID written in `s`, else a version 4 UUID from `random` (numbers in 0..1).
fn uuid_or_random(s: &str, mut random: impl FnMut() -> f64) -> Uuid {
    Uuid::parse_str(s).unwrap_or_else(|_| {
        let mut bytes = [0u8; 16];
        for b in &mut bytes {
            *b = (random() * 256.0) as u8;
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
    from_iso(&iso)
}

/// A moment from JavaScript's `Date.toISOString()` ("2026-11-24T13:05:09.250Z").
fn from_iso(iso: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(iso)
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

/// A date written out in the language in use: "24 november 2026" or "24 November 2026".
pub fn date_long(date: NaiveDate) -> String {
    date_long_in(crate::i18n::lang(), date)
}

/// The month names of the language in use, for the charts.
pub fn month_names() -> &'static [&'static str; 12] {
    months_in(crate::i18n::lang())
}

/// The month names of `lang`.
fn months_in(lang: Lang) -> &'static [&'static str; 12] {
    match lang {
        Lang::Nl => &speelruimte_chart::MONTHS_NL,
        Lang::En => &speelruimte_chart::MONTHS_EN,
    }
}

/// A date written out in `lang`.
fn date_long_in(lang: Lang, date: NaiveDate) -> String {
    use chrono::Datelike;
    let months = months_in(lang);
    format!(
        "{} {} {}",
        date.day(),
        months[date.month0() as usize],
        date.year()
    )
}

/// The local calendar day of a moment.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// A moment in local time, written out: "24 november 2026, 14:05".
pub fn datetime_long(at: DateTime<Utc>) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    format!(
        "{}, {:02}:{:02}",
        date_long(local_date(at)),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The browser's local storage, if it may be used.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_in_the_language_given() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(date_long_in(Lang::Nl, d), "24 november 2026");
        assert_eq!(date_long_in(Lang::En, d), "24 November 2026");
        let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(date_long_in(Lang::Nl, first), "1 januari 2027");
        let last = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(date_long_in(Lang::En, last), "31 December 2026");
    }

    #[test]
    fn the_browsers_iso_time_is_read_to_the_millisecond() {
        let at = from_iso("2026-11-24T13:05:09.250Z");
        assert_eq!(at.to_rfc3339(), "2026-11-24T13:05:09.250+00:00");
        // Something unreadable is the epoch, not a panic in the middle of saving.
        assert_eq!(from_iso("Invalid Date").timestamp(), 0);
    }

    #[test]
    fn a_uuid_from_the_browser_is_kept_and_a_missing_one_is_made_random() {
        let id = "8c1f6f0e-2b7a-4d3e-9a51-0d2f7c3b9e41";
        assert_eq!(uuid_or_random(id, || unreachable!()).to_string(), id);
        let mut n = 0.0;
        let made = uuid_or_random("", || {
            n += 1.0 / 32.0;
            n
        });
        assert_eq!(made.get_version_num(), 4);
        assert_eq!(made.get_variant(), uuid::Variant::RFC4122);
        // The bytes come from `random`: the first is 256/32 = 8.
        assert_eq!(made.as_bytes()[0], 8);
    }
}
