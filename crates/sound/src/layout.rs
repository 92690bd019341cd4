//! The pad screens as data: which pads, what they play, how they are labelled and coloured.
//! Every colour carries white text at WCAG AA contrast (at least 4.5 : 1), tested below.

use serde::Serialize;

use crate::scale::{bar_label_en, bar_label_nl};
use crate::{Scale, Voice};

/// Which tone bars the bar screens use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BarInstrument {
    /// Wooden bars: bright, short.
    #[default]
    Xylophone,
    /// Metal bars: ringing.
    Metallophone,
}

impl BarInstrument {
    /// The voice of this instrument's bar at `midi`.
    pub fn voice(self, midi: u8) -> Voice {
        match self {
            BarInstrument::Xylophone => Voice::Xylophone(midi),
            BarInstrument::Metallophone => Voice::Metallophone(midi),
        }
    }

    /// The name on screen.
    pub fn name_nl(self) -> &'static str {
        match self {
            BarInstrument::Xylophone => "Xylofoon",
            BarInstrument::Metallophone => "Metallofoon",
        }
    }

    /// The name on screen in English.
    pub fn name_en(self) -> &'static str {
        match self {
            BarInstrument::Xylophone => "Xylophone",
            BarInstrument::Metallophone => "Metallophone",
        }
    }
}

/// How the bars are set up: instrument, scale and lowest note.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct Bars {
    /// Xylophone or metallophone.
    pub instrument: BarInstrument,
    /// The scale the bars are in.
    pub scale: Scale,
    /// MIDI note of the lowest bar.
    pub root: u8,
}

impl Default for Bars {
    /// Xylophone, C pentatonic, from middle C (60), like an Orff alto xylophone.
    fn default() -> Self {
        Self {
            instrument: BarInstrument::Xylophone,
            scale: Scale::Pentatonic,
            root: 60,
        }
    }
}

/// What a pad says on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PadLabel {
    /// The name of the pad's voice, which the app gives (the drum kit's pads).
    VoiceName,
    /// Words of the layout's own, Dutch and English: a djembe stroke, a colour of the group
    /// circle, a bar's note as the bar screens write it (C D E … C').
    Words {
        /// Dutch.
        nl: String,
        /// English.
        en: String,
    },
}

/// One pad on screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PadSpec {
    /// Index within the layout (0-based; recordings store it).
    pub id: u8,
    /// What the pad says on it.
    pub label: PadLabel,
    /// What it plays.
    pub voice: Voice,
    /// CSS colour; white text on it is readable.
    pub color: &'static str,
}

/// One pad screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    /// Stable id (`drumstel`, `djembe`, `klankstaven`, `groepskring`).
    pub id: &'static str,
    /// Name on screen.
    pub name_nl: &'static str,
    /// Name on screen in English.
    pub name_en: &'static str,
    /// The pads, in reading order.
    pub pads: Vec<PadSpec>,
}

/// The layouts, in menu order.
pub const LAYOUT_IDS: [&str; 4] = ["drumstel", "djembe", "klankstaven", "groepskring"];

/// Friendly colours that all carry white text (Tailwind's 700 shades).
mod color {
    pub const RED: &str = "#b91c1c";
    pub const ORANGE: &str = "#c2410c";
    pub const AMBER: &str = "#a16207";
    pub const GREEN: &str = "#15803d";
    pub const TEAL: &str = "#0f766e";
    pub const SKY: &str = "#0369a1";
    pub const BLUE: &str = "#1d4ed8";
    pub const VIOLET: &str = "#6d28d9";
    pub const PURPLE: &str = "#7e22ce";
    pub const PINK: &str = "#be185d";
}

/// Bar colours by note letter, after the colours children know from Boomwhackers
/// (C red, D orange, E yellow, F green, G teal, A blue, B purple), darkened for white text;
/// a sharp or flat takes its letter's colour.
fn bar_color(midi: u8) -> &'static str {
    match midi % 12 {
        0 | 1 => color::RED,
        2 | 3 => color::ORANGE,
        4 => color::AMBER,
        5 | 6 => color::GREEN,
        7 | 8 => color::TEAL,
        9 | 10 => color::BLUE,
        _ => color::PURPLE,
    }
}

/// A pad before it is numbered: label, voice, colour.
type Spec = (PadLabel, Voice, &'static str);

fn pads(specs: Vec<Spec>) -> Vec<PadSpec> {
    specs
        .into_iter()
        .enumerate()
        .map(|(i, (label, voice, color))| PadSpec {
            id: i as u8,
            label,
            voice,
            color,
        })
        .collect()
}

/// A pad labelled with its voice's name.
fn named(voice: Voice, color: &'static str) -> Spec {
    (PadLabel::VoiceName, voice, color)
}

/// A pad labelled with words of its layout's own.
fn worded(nl: &str, en: &str, voice: Voice, color: &'static str) -> Spec {
    let label = PadLabel::Words {
        nl: nl.to_owned(),
        en: en.to_owned(),
    };
    (label, voice, color)
}

/// The drum kit: eight pads, in the order they show (the one place this order is kept).
pub fn drumstel() -> Layout {
    Layout {
        id: "drumstel",
        name_nl: "Drumstel",
        name_en: "Drum kit",
        pads: pads(vec![
            named(Voice::Kick, color::RED),
            named(Voice::Snare, color::ORANGE),
            named(Voice::HiHatClosed, color::TEAL),
            named(Voice::HiHatOpen, color::SKY),
            named(Voice::Clap, color::PINK),
            named(Voice::TomLow, color::VIOLET),
            named(Voice::TomHigh, color::BLUE),
            named(Voice::Shaker, color::GREEN),
        ]),
    }
}

/// Two djembes side by side (bass, tone, slap each), for two players or call and response:
/// the first in warm colours, the second in cool ones.
pub fn djembe() -> Layout {
    let strokes = [
        ("Bas", "Bass", Voice::DjembeBass),
        ("Toon", "Tone", Voice::DjembeTone),
        ("Slap", "Slap", Voice::DjembeSlap),
    ];
    let colors = [
        [color::RED, color::ORANGE, color::AMBER],
        [color::BLUE, color::TEAL, color::VIOLET],
    ];
    let mut specs = Vec::new();
    for drum_colors in colors {
        for ((nl, en, voice), c) in strokes.iter().zip(drum_colors) {
            specs.push(worded(nl, en, *voice, c));
        }
    }
    Layout {
        id: "djembe",
        name_nl: "Djembé",
        name_en: "Djembe",
        pads: pads(specs),
    }
}

/// Eight tone bars of the chosen scale, low to high, labelled C D E G A C' D' E'.
pub fn klankstaven(bars: &Bars) -> Layout {
    let notes = bars.scale.notes(bars.root, 8);
    let lowest = notes.first().copied().unwrap_or(bars.root);
    Layout {
        id: "klankstaven",
        name_nl: "Klankstaven",
        name_en: "Tone bars",
        pads: pads(
            notes
                .iter()
                .map(|&n| {
                    let (nl, en) = (bar_label_nl(n, lowest), bar_label_en(n, lowest));
                    worded(&nl, &en, bars.instrument.voice(n), bar_color(n))
                })
                .collect(),
        ),
    }
}

/// The group circle: six big pads named by colour, so anyone can say "now red!": four
/// drums and two bars a third apart (root and third note of the scale, always consonant).
pub fn groepskring(bars: &Bars) -> Layout {
    let notes = bars.scale.notes(bars.root, 3);
    let first = notes.first().copied().unwrap_or(bars.root);
    let third = notes.get(2).copied().unwrap_or(first);
    let bar = |n: u8| bars.instrument.voice(n);
    let pad = worded;
    Layout {
        id: "groepskring",
        name_nl: "Groepskring",
        name_en: "Group circle",
        pads: pads(vec![
            pad("Rood", "Red", Voice::DjembeBass, color::RED),
            pad("Blauw", "Blue", Voice::DjembeTone, color::BLUE),
            pad("Groen", "Green", Voice::Woodblock, color::GREEN),
            pad("Oranje", "Orange", Voice::Shaker, color::ORANGE),
            pad("Paars", "Purple", bar(first), color::PURPLE),
            pad("Roze", "Pink", bar(third), color::PINK),
        ]),
    }
}

/// The layout with `id`, or `None` for an unknown id.
pub fn layout(id: &str, bars: &Bars) -> Option<Layout> {
    match id {
        "drumstel" => Some(drumstel()),
        "djembe" => Some(djembe()),
        "klankstaven" => Some(klankstaven(bars)),
        "groepskring" => Some(groepskring(bars)),
        _ => None,
    }
}

/// All layouts, in menu order.
pub fn layouts(bars: &Bars) -> Vec<Layout> {
    LAYOUT_IDS
        .iter()
        .filter_map(|id| layout(id, bars))
        .collect()
}

#[cfg(test)]
mod tests;
