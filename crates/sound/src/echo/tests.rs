//! Tests of [`super`].

use super::*;

/// Four quarters at 60 bpm: notes at 0, 1000, 2000, 3000 ms; tolerance 220 ms.
fn four_quarters(tempo_bpm: f32) -> Pattern {
    Pattern {
        tempo_bpm,
        onsets_beats: vec![0.0, 1.0, 2.0, 3.0],
        length_beats: 4.0,
    }
}

fn kinds(r: &EchoResult) -> Vec<Timing> {
    r.beats.iter().map(|b| b.kind).collect()
}

#[test]
fn a_perfect_echo_gets_three_stars() {
    let p = four_quarters(60.0);
    let r = score(&p, &[0.0, 1000.0, 2000.0, 3000.0]);
    assert_eq!(kinds(&r), vec![Timing::OnTime; 4]);
    assert_eq!((r.stars, r.extras, r.message_nl), (3, 0, "Precies goed!"));
    assert_eq!(r.message_en(), "Spot on!");
}

#[test]
fn starting_later_is_fine_the_child_starts_when_they_start() {
    let p = four_quarters(60.0);
    let r = score(&p, &[12_345.0, 13_345.0, 14_345.0, 15_345.0]);
    assert_eq!(kinds(&r), vec![Timing::OnTime; 4]);
    assert_eq!(r.stars, 3);
    assert_eq!(r.offset_ms, 12_345.0);
    assert_eq!(r.beats[2].played_ms, Some(2000.0));
}

#[test]
fn a_missing_tap_is_missed_on_its_own_beat() {
    let p = four_quarters(60.0);
    let r = score(&p, &[500.0, 1500.0, 3500.0]);
    assert_eq!(
        kinds(&r),
        [
            Timing::OnTime,
            Timing::OnTime,
            Timing::Missed,
            Timing::OnTime
        ]
    );
    assert_eq!((r.stars, r.message_nl), (2, "Bijna! Nog één keer?"));
    // Three even taps for four even notes: the child starts when they start, so the
    // last one is missing.
    let r = score(&p, &[7000.0, 8000.0, 9000.0]);
    assert_eq!(
        kinds(&r),
        [
            Timing::OnTime,
            Timing::OnTime,
            Timing::OnTime,
            Timing::Missed
        ]
    );
    // Where the rhythm tells, a missed first note is recognised: 0, 2000, 2500, 3000.
    let uneven = Pattern {
        tempo_bpm: 60.0,
        onsets_beats: vec![0.0, 2.0, 2.5, 3.0],
        length_beats: 4.0,
    };
    let r = score(&uneven, &[12_000.0, 12_500.0, 13_000.0]);
    assert_eq!(
        kinds(&r),
        [
            Timing::Missed,
            Timing::OnTime,
            Timing::OnTime,
            Timing::OnTime
        ]
    );
}

#[test]
fn early_late_and_extra_taps_are_named() {
    let p = four_quarters(60.0);
    // Third tap 300 ms late (tolerance 220), then an extra tap at the end.
    let r = score(&p, &[0.0, 1000.0, 2300.0, 3000.0, 3500.0]);
    assert_eq!(
        kinds(&r),
        [Timing::OnTime, Timing::OnTime, Timing::Late, Timing::OnTime]
    );
    assert_eq!(r.extras, 1);
    let r = score(&p, &[0.0, 700.0, 2000.0, 3000.0]);
    assert_eq!(r.beats[1].kind, Timing::Early);
    assert_eq!(r.stars, 3);
    assert_eq!(r.message_nl, "Heel goed gedaan!");
}

#[test]
fn the_tolerance_scales_with_the_tempo() {
    assert!((four_quarters(60.0).tolerance_ms() - 220.0).abs() < 1e-9);
    assert!((four_quarters(200.0).tolerance_ms() - 66.0).abs() < 1e-9);
    // Every second tap 100 ms late: on time at 60 bpm, late at 180 bpm.
    let answer = |beat: f64| [0.0, beat + 100.0, 2.0 * beat, 3.0 * beat + 100.0];
    let slow = score(&four_quarters(60.0), &answer(1000.0));
    assert_eq!(slow.on_time(), 4);
    let fast = score(&four_quarters(180.0), &answer(60_000.0 / 180.0));
    assert_eq!(
        kinds(&fast),
        [Timing::OnTime, Timing::Late, Timing::OnTime, Timing::Late]
    );
}

#[test]
fn trying_always_earns_a_star_and_kind_words() {
    let p = four_quarters(80.0);
    let empty = score(&p, &[]);
    assert_eq!(empty.stars, 1);
    assert_eq!(kinds(&empty), vec![Timing::Missed; 4]);
    assert_eq!(empty.message_nl, "Jouw beurt! Tik het ritme na.");
    let wild = score(&p, &[0.0, 90.0, 170.0, 260.0, 300.0, 5000.0, 5100.0]);
    assert_eq!(wild.stars, 1);
    for m in MESSAGES_NL {
        for bad in [
            "fout",
            "slecht",
            "verkeerd",
            "niet goed",
            "jammer",
            "helaas",
        ] {
            assert!(!m.to_lowercase().contains(bad), "{m}");
        }
    }
}

#[test]
fn a_stray_first_tap_does_not_spoil_the_echo() {
    let p = four_quarters(60.0);
    let r = score(&p, &[0.0, 600.0, 1600.0, 2600.0, 3600.0]);
    assert_eq!(r.on_time(), 4);
    assert_eq!(r.extras, 1);
    assert_eq!(r.stars, 3);
}

#[test]
fn eighths_are_matched_in_order() {
    // Quarter, two eighths, quarter at 90 bpm: 0, 667, 1000, 1333 ms.
    let p = Pattern {
        tempo_bpm: 90.0,
        onsets_beats: vec![0.0, 1.0, 1.5, 2.0],
        length_beats: 4.0,
    };
    let r = score(&p, &[100.0, 780.0, 1090.0, 1420.0]);
    assert_eq!(r.on_time(), 4);
    assert_eq!(r.beats[2].played_ms, Some(990.0));
}
