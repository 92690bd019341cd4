//! Tests of [`super`].

use super::*;

/// The words on a pad in Dutch and English; `None` for a pad named by its voice.
fn words(p: &PadSpec) -> Option<(&str, &str)> {
    match &p.label {
        PadLabel::VoiceName => None,
        PadLabel::Words { nl, en } => Some((nl, en)),
    }
}

#[test]
fn the_music_screens_names_read_the_same_in_dutch_and_english() {
    let names: Vec<(&str, &str)> = layouts(&Bars::default())
        .iter()
        .map(|l| (l.name_nl, l.name_en))
        .collect();
    assert_eq!(
        names,
        [
            ("Drumstel", "Drum kit"),
            ("Djembé", "Djembe"),
            ("Klankstaven", "Tone bars"),
            ("Groepskring", "Group circle"),
        ]
    );
    let own = crate::CustomScale::new(&[0, 3, 7]).unwrap();
    let scales: Vec<(&str, &str)> = [
        Scale::Pentatonic,
        Scale::Major,
        Scale::Minor,
        Scale::Custom(own),
    ]
    .iter()
    .map(|s| (s.name_nl(), s.name_en()))
    .collect();
    assert_eq!(
        scales,
        [
            ("Pentatonisch", "Pentatonic"),
            ("Majeur", "Major"),
            ("Mineur", "Minor"),
            ("Eigen toonladder", "Own scale"),
        ]
    );
    let instruments =
        [BarInstrument::Xylophone, BarInstrument::Metallophone].map(|i| (i.name_nl(), i.name_en()));
    assert_eq!(
        instruments,
        [("Xylofoon", "Xylophone"), ("Metallofoon", "Metallophone")]
    );
    let levels: Vec<(&str, &str)> = crate::EchoLevel::all()
        .map(|l| (l.description_nl(), l.description_en()))
        .collect();
    assert_eq!(
        levels,
        [
            ("Twee tikken op de tel", "Two taps on the beat"),
            ("Vier tellen met een rust", "Four beats with a rest"),
            ("Eén maat met achtsten", "One bar with quavers"),
            ("Twee maten met achtsten", "Two bars with quavers"),
            ("Twee maten met syncopen", "Two bars with syncopation"),
        ]
    );
    let messages: Vec<(&str, &str)> = crate::MESSAGES_NL
        .into_iter()
        .zip(crate::MESSAGES_EN)
        .collect();
    assert_eq!(
        messages,
        [
            ("Precies goed!", "Spot on!"),
            ("Heel goed gedaan!", "Really well done!"),
            ("Bijna! Nog één keer?", "Nearly! One more go?"),
            (
                "Goed geprobeerd! Luister nog eens en doe mee.",
                "Good try! Listen again and join in."
            ),
            (
                "Jouw beurt! Tik het ritme na.",
                "Your turn! Tap the rhythm back."
            ),
        ]
    );
    let circle = groepskring(&Bars::default());
    let circle: Vec<(&str, &str)> = circle.pads.iter().filter_map(words).collect();
    assert_eq!(
        circle,
        [
            ("Rood", "Red"),
            ("Blauw", "Blue"),
            ("Groen", "Green"),
            ("Oranje", "Orange"),
            ("Paars", "Purple"),
            ("Roze", "Pink"),
        ]
    );
    let djembe = djembe();
    let djembe: Vec<(&str, &str)> = djembe.pads.iter().filter_map(words).collect();
    assert_eq!(
        djembe,
        [
            ("Bas", "Bass"),
            ("Toon", "Tone"),
            ("Slap", "Slap"),
            ("Bas", "Bass"),
            ("Toon", "Tone"),
            ("Slap", "Slap"),
        ]
    );
}

/// WCAG 2 contrast ratio of `#rrggbb` against white.
fn contrast_with_white(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    1.05 / (l + 0.05)
}

#[test]
fn the_contrast_formula_knows_black_and_white() {
    assert!((contrast_with_white("#000000") - 21.0).abs() < 1e-9);
    assert!((contrast_with_white("#ffffff") - 1.0).abs() < 1e-9);
}

#[test]
fn every_pad_carries_white_text_readably() {
    for scale in [Scale::Pentatonic, Scale::Major, Scale::Minor] {
        let bars = Bars {
            scale,
            ..Bars::default()
        };
        for l in layouts(&bars) {
            for p in &l.pads {
                let c = contrast_with_white(p.color);
                assert!(c >= 4.5, "{} pad {}: {} has {c:.2}", l.id, p.id, p.color);
            }
        }
    }
}

#[test]
fn there_are_four_layouts_with_numbered_pads() {
    let all = layouts(&Bars::default());
    let ids: Vec<&str> = all.iter().map(|l| l.id).collect();
    assert_eq!(ids, LAYOUT_IDS);
    for l in &all {
        for (i, p) in l.pads.iter().enumerate() {
            assert_eq!(usize::from(p.id), i);
        }
    }
    assert_eq!(all[0].pads.len(), 8);
    assert_eq!(all[1].pads.len(), 6);
    assert_eq!(all[2].pads.len(), 8);
    assert!((4..=6).contains(&all[3].pads.len()));
    assert!(layout("piano", &Bars::default()).is_none());
}

#[test]
fn the_drum_kit_shows_its_eight_voices_in_order_named_by_the_app() {
    let kit = drumstel();
    let kit: Vec<(Voice, &PadLabel)> = kit.pads.iter().map(|p| (p.voice, &p.label)).collect();
    let named = &PadLabel::VoiceName;
    assert_eq!(
        kit,
        [
            (Voice::Kick, named),
            (Voice::Snare, named),
            (Voice::HiHatClosed, named),
            (Voice::HiHatOpen, named),
            (Voice::Clap, named),
            (Voice::TomLow, named),
            (Voice::TomHigh, named),
            (Voice::Shaker, named),
        ]
    );
}

#[test]
fn klankstaven_are_the_scale_low_to_high() {
    let l = klankstaven(&Bars::default());
    let voices: Vec<Voice> = l.pads.iter().map(|p| p.voice).collect();
    let want: Vec<Voice> = [60, 62, 64, 67, 69, 72, 74, 76]
        .into_iter()
        .map(Voice::Xylophone)
        .collect();
    assert_eq!(voices, want);
    let labels: Vec<&str> = l.pads.iter().filter_map(words).map(|w| w.0).collect();
    assert_eq!(labels, ["C", "D", "E", "G", "A", "C'", "D'", "E'"]);
    assert_eq!(l.pads[0].color, l.pads[5].color);

    let minor = Bars {
        instrument: BarInstrument::Metallophone,
        scale: Scale::Minor,
        root: 57,
    };
    let l = klankstaven(&minor);
    assert_eq!(l.pads[0].voice, Voice::Metallophone(57));
    assert_eq!(l.pads[7].voice, Voice::Metallophone(69));
}

#[test]
fn the_group_circle_mixes_drums_and_two_consonant_bars() {
    let l = groepskring(&Bars::default());
    let bars: Vec<u8> = l.pads.iter().filter_map(|p| p.voice.note()).collect();
    assert_eq!(bars, vec![60, 64]);
    assert!(l.pads.iter().filter(|p| p.voice.note().is_none()).count() >= 3);
}

#[test]
fn layouts_serialise_for_the_app() {
    let json = serde_json::to_value(djembe()).unwrap();
    assert_eq!(json["pads"][0]["voice"], "djembe-bass");
    assert_eq!(json["pads"][3]["label"]["words"]["nl"], "Bas");
    assert_eq!(
        serde_json::to_value(drumstel()).unwrap()["pads"][0]["label"],
        "voice_name"
    );
    assert_eq!(json["id"], "djembe");
}
