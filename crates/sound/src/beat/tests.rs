//! Tests of [`super`].

use super::*;

/// Frames from `from` to `to` seconds every `step` seconds; every beat scheduled, in order.
fn run(grid: &mut BeatGrid, from: f64, to: f64, step: f64) -> Vec<ScheduledBeat> {
    let mut out = Vec::new();
    let mut now = from;
    while now < to {
        out.extend(grid.tick(now).scheduled);
        now += step;
    }
    out
}

#[test]
fn a_beat_is_scheduled_once_within_the_look_ahead_and_lights_when_it_comes() {
    // 120 bpm, beat 0 at 10 s.
    let mut g = BeatGrid::new(10.0, 120.0);
    assert_eq!(g.tick(9.8), Tick::default(), "10 s is beyond 9.8 + 0.12");
    let t = g.tick(9.9);
    assert_eq!(
        t.scheduled,
        [ScheduledBeat {
            index: 0,
            at: 10.0,
            downbeat: true
        }]
    );
    assert_eq!(t.sounding, None, "it is scheduled, not yet sounding");
    assert_eq!(g.tick(9.95), Tick::default(), "scheduled only once");
    assert_eq!(g.tick(10.0).sounding, Some(0));
    assert_eq!(g.tick(10.1).sounding, None, "lit once");
    let t = g.tick(10.4);
    assert_eq!(
        (
            t.scheduled[0].index,
            t.scheduled[0].at,
            t.scheduled[0].downbeat
        ),
        (1, 10.5, false)
    );
}

#[test]
fn a_minute_of_uneven_frames_schedules_every_beat_once_on_its_grid() {
    // 90 bpm: 2/3 s a beat; frames every 16.7 ms for 60 s.
    let mut g = BeatGrid::new(0.05, 90.0);
    let beats = run(&mut g, 0.0, 60.0, 0.0167);
    // The last frame (59.99 s) reaches to 60.11 s: beats 0 to 90 (60.05 s).
    assert_eq!(beats.len(), 91);
    for (i, b) in beats.iter().enumerate() {
        assert_eq!(b.index, i as i64);
        assert!(
            (b.at - (0.05 + i as f64 * 2.0 / 3.0)).abs() < 1e-9,
            "beat {i}"
        );
        assert_eq!(b.downbeat, i % 4 == 0, "beat {i}");
    }
    // The same minute with slow frames (every 100 ms) gives the same beats.
    let mut g = BeatGrid::new(0.05, 90.0);
    assert_eq!(run(&mut g, 0.0, 60.0, 0.1)[..90], beats[..90]);
}

#[test]
fn beats_a_stalled_frame_missed_are_skipped_not_crammed_in() {
    let mut g = BeatGrid::new(0.0, 120.0);
    assert_eq!(g.tick(-0.1).scheduled.len(), 1);
    // The next frame comes at 2.4 s: beats 1–4 (0.5 … 2.0 s) lie more than 20 ms back.
    let t = g.tick(2.4);
    let got: Vec<i64> = t.scheduled.iter().map(|b| b.index).collect();
    assert_eq!(got, [5], "only the beat at 2.5 s is still ahead");
    assert_eq!(
        t.sounding,
        Some(0),
        "the last beat that was handed over has sounded"
    );
    // A beat 10 ms late still sounds.
    let mut g = BeatGrid::new(0.0, 120.0);
    assert_eq!(g.tick(0.01).scheduled[0].at, 0.0);
}

#[test]
fn a_tempo_change_keeps_the_next_beat_where_it_was() {
    // 60 bpm from 0 s; by 0.9 s beats 0 and 1 are scheduled, beat 2 comes at 2 s.
    let mut g = BeatGrid::new(0.0, 60.0);
    run(&mut g, -0.1, 0.95, 0.05);
    g.set_tempo(120.0);
    assert_eq!(g.beat_s(), 0.5);
    assert_eq!(g.beat_at(2), 2.0);
    assert_eq!(g.beat_at(3), 2.5);
    assert_eq!(g.origin(), 1.0);
    let next: Vec<(i64, f64)> = run(&mut g, 0.95, 2.45, 0.05)
        .iter()
        .map(|b| (b.index, b.at))
        .collect();
    assert_eq!(next, [(2, 2.0), (3, 2.5)]);
    // The tempo is clamped like every tempo.
    g.set_tempo(1000.0);
    assert_eq!(g.beat_s(), 0.3);
}

#[test]
fn the_next_downbeat_is_found_from_any_moment() {
    // 120 bpm: bars of 2 s from 1 s.
    let g = BeatGrid::new(1.0, 120.0);
    assert_eq!(g.bar_s(), 2.0);
    assert_eq!(g.downbeat_at_or_after(1.0), 1.0);
    assert_eq!(g.downbeat_at_or_after(1.0 + 1e-12), 1.0, "rounding dust");
    assert_eq!(g.downbeat_at_or_after(1.1), 3.0);
    assert_eq!(g.downbeat_at_or_after(6.5), 7.0);
    assert_eq!(g.downbeat_at_or_after(-2.0), -1.0, "before the origin too");
}
