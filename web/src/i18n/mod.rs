//! The app's own words, Dutch first, English as a switch: the text tables here, and the
//! names of things the pure crates know only by a stable id (voices, brushes: `voice_name`,
//! `brush_name`). Content that is data of a pure crate carries its own Dutch and English and
//! is picked here with [`pick`]: exercises, their phases and body parts (`speelruimte-guide`);
//! the music layouts' names, their pads' words, scales and echo messages (`speelruimte-sound`);
//! disciplines, goal domains and artefact kinds (`speelruimte-model`). The drawing toolbar's
//! colour and size names stand next to their values in `draw/tools.rs`. Errors from the crates
//! and the server arrive in Dutch.
//!
//! The language is chosen once when the app starts (from local storage, Dutch by default) and
//! switching stores the choice and reloads the page. A reload is simpler and safer than making
//! every `&'static` text reactive: nothing on screen can end up half in one language, and the
//! switch sits only on screens that hold no unsaved work.

mod app;
mod client_data;
mod evaluation;
mod exercise;
mod group;
mod kiosk;
mod music;
mod outbox;
mod pwa;
mod report;
mod switch;
mod views;

use std::cell::Cell;

pub use app::{EN, NL, Texts, brush_name};
pub use client_data::{CLIENT_DATA_EN, CLIENT_DATA_NL, ClientDataTexts};
pub use evaluation::{EVAL_EN, EVAL_NL, EvalTexts};
pub use exercise::{EXERCISE_EN, EXERCISE_NL, ExerciseTexts};
pub use group::{GROUP_EN, GROUP_NL, GroupTexts};
pub use kiosk::{KIOSK_EN, KIOSK_NL, KioskTexts};
pub use music::{MUSIC_EN, MUSIC_NL, MusicTexts, pad_label, voice_name};
pub use outbox::{OUTBOX_EN, OUTBOX_NL, OutboxTexts};
pub use pwa::{PWA_EN, PWA_NL, PwaTexts};
pub use report::{REPORT_EN, REPORT_NL, ReportTexts};
pub use switch::LangSwitch;
pub use views::{VIEWS_EN, VIEWS_NL, ViewTexts};

/// Declares a table of texts with its Dutch and English contents, each string written once
/// per language next to the other: `field: ("Dutch", "English"),`.
macro_rules! texts {
    ($(#[$doc:meta])* $name:ident, $nl_table:ident, $en_table:ident {
        $($field:ident: ($nl:expr, $en:expr $(,)?),)*
    }) => {
        $(#[$doc])*
        pub struct $name { $(pub $field: &'static str,)* }
        /// Dutch, the app's first language.
        pub static $nl_table: $name = $name { $($field: $nl,)* };
        /// English (British usage).
        pub static $en_table: $name = $name { $($field: $en,)* };
    };
}
pub(crate) use texts;

/// A language the app can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Dutch, the first language.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The code in local storage and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language for speech synthesis.
    pub fn voice(self) -> &'static str {
        match self {
            Lang::Nl => "nl-NL",
            Lang::En => "en-GB",
        }
    }

    /// Parses a stored code; anything unknown is Dutch.
    pub fn from_code(code: &str) -> Self {
        if code == "en" { Lang::En } else { Lang::Nl }
    }

    /// The other language (what the switch offers).
    pub fn other(self) -> Self {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }
}

/// Where the choice is kept on the tablet.
pub const STORAGE_KEY: &str = "speelruimte.taal";

thread_local! {
    /// The language in use; `None` until first read from local storage.
    static LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language in use (read from local storage the first time).
pub fn lang() -> Lang {
    LANG.with(|l| {
        l.get().unwrap_or_else(|| {
            let stored = local_storage()
                .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
                .map(|c| Lang::from_code(&c))
                .unwrap_or_default();
            l.set(Some(stored));
            stored
        })
    })
}

/// The browser's local storage, if it may be used. Read here rather than through `util`, so
/// `util` (whose dates are written in the language in use) can depend on this module and not
/// the other way round.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Sets `<html lang>` to the language in use, for screen readers and hyphenation.
pub fn apply_document_lang() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang().code());
    }
}

/// Stores `to` as the chosen language and reloads the page so every screen shows it.
pub fn switch_to(to: Lang) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(STORAGE_KEY, to.code());
    }
    LANG.with(|l| l.set(Some(to)));
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// The Dutch or the English of something, by the language in use.
pub fn pick<'a>(nl: &'a str, en: &'a str) -> &'a str {
    match lang() {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// An exercise text in the language in use.
pub fn text(t: &speelruimte_guide::Text) -> &str {
    pick(&t.nl, &t.en)
}

/// The word for a phase of an exercise in the language in use ("in", "vasthouden"/"hold").
pub fn phase_word(kind: speelruimte_guide::PhaseKind) -> &'static str {
    pick(kind.word_nl(), kind.word_en())
}

/// A decimal number as written in the language in use ("4,5" in Dutch, "4.5" in English).
pub fn decimal(s: String) -> String {
    match lang() {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The texts in use.
pub fn t() -> &'static Texts {
    match lang() {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// The texts of the *spanning reguleren* work form in use.
pub fn tx() -> &'static ExerciseTexts {
    match lang() {
        Lang::Nl => &EXERCISE_NL,
        Lang::En => &EXERCISE_EN,
    }
}

/// The texts of the *muziek* work form in use.
pub fn tm() -> &'static MusicTexts {
    match lang() {
        Lang::Nl => &MUSIC_NL,
        Lang::En => &MUSIC_EN,
    }
}

/// The texts of scores and evaluation in use.
pub fn te() -> &'static EvalTexts {
    match lang() {
        Lang::Nl => &EVAL_NL,
        Lang::En => &EVAL_EN,
    }
}

/// The texts of the evaluatieverslag screen in use.
pub fn tr() -> &'static ReportTexts {
    match lang() {
        Lang::Nl => &REPORT_NL,
        Lang::En => &REPORT_EN,
    }
}

/// The texts of the app shell (a new version, starting offline) in use.
pub fn tp() -> &'static PwaTexts {
    match lang() {
        Lang::Nl => &PWA_NL,
        Lang::En => &PWA_EN,
    }
}

/// The texts of a client's data as a whole (export, deletion), in the language in use.
pub fn tc() -> &'static ClientDataTexts {
    match lang() {
        Lang::Nl => &CLIENT_DATA_NL,
        Lang::En => &CLIENT_DATA_EN,
    }
}

/// The texts of kindermodus in use.
pub fn tk() -> &'static KioskTexts {
    match lang() {
        Lang::Nl => &KIOSK_NL,
        Lang::En => &KIOSK_EN,
    }
}

/// The texts of the outbox in use.
pub fn to() -> &'static OutboxTexts {
    match lang() {
        Lang::Nl => &OUTBOX_NL,
        Lang::En => &OUTBOX_EN,
    }
}

/// The texts of the timeline and the gallery in use.
pub fn tv() -> &'static ViewTexts {
    match lang() {
        Lang::Nl => &VIEWS_NL,
        Lang::En => &VIEWS_EN,
    }
}

/// The texts of group and family sessions in use.
pub fn tg() -> &'static GroupTexts {
    match lang() {
        Lang::Nl => &GROUP_NL,
        Lang::En => &GROUP_EN,
    }
}
