//! Tests of [`super`].

use super::*;

#[test]
fn everything_on_the_music_screen_has_an_english_name() {
    for l in layouts(&Bars::default()) {
        assert!(!l.name_en.is_empty(), "{}", l.id);
    }
    for scale in [Scale::Pentatonic, Scale::Major, Scale::Minor] {
        assert!(!scale.name_en().is_empty());
    }
    for i in [BarInstrument::Xylophone, BarInstrument::Metallophone] {
        assert!(!i.name_en().is_empty());
    }
    for level in crate::EchoLevel::all() {
        assert!(!level.description_en().is_empty());
    }
    assert_eq!(crate::MESSAGES_EN.len(), crate::MESSAGES_NL.len());
    let labels: Vec<String> = groepskring(&Bars::default())
        .pads
        .into_iter()
        .map(|p| p.label_en)
        .collect();
    assert_eq!(labels, ["Red", "Blue", "Green", "Orange", "Purple", "Pink"]);
    assert_eq!(Voice::Kick.name_en(), "Bass drum");
    assert_eq!(Voice::Xylophone(70).name_en(), "B♭");
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
            assert!(!p.label_nl.is_empty());
            assert!(!p.label_en.is_empty());
        }
    }
    assert_eq!(all[0].pads.len(), 8);
    assert_eq!(all[1].pads.len(), 6);
    assert_eq!(all[2].pads.len(), 8);
    assert!((4..=6).contains(&all[3].pads.len()));
    assert!(layout("piano", &Bars::default()).is_none());
}

#[test]
fn the_drum_kit_has_the_kit() {
    let voices: Vec<Voice> = drumstel().pads.iter().map(|p| p.voice).collect();
    for v in [
        Voice::Kick,
        Voice::Snare,
        Voice::HiHatClosed,
        Voice::HiHatOpen,
        Voice::Clap,
        Voice::TomLow,
        Voice::TomHigh,
    ] {
        assert!(voices.contains(&v), "{v}");
    }
    assert_eq!(drumstel().pads[0].label_nl, "Basdrum");
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
    let labels: Vec<&str> = l.pads.iter().map(|p| p.label_nl.as_str()).collect();
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
    assert_eq!(json["pads"][3]["label_nl"], "Bas");
    assert_eq!(json["id"], "djembe");
}
