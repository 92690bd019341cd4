//! Records stored by today's app must still read. Each sample in `samples/` was written by
//! the save code of its format (`drawing-2.json` by the drawing's save before format 3,
//! `music-1.json` and `exercise-1.json` by today's) and is committed unchanged: a sample
//! that stops reading is a record on a server somewhere that stops showing.

use serde_json::Value;
use speelruimte_model::{
    ArtefactKind, DrawingRecord, MusicRecord, TakeKind, WorkForm, read_exercise_run,
};

fn sample(name: &str) -> Value {
    let path = format!("{}/tests/samples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn a_format_2_drawing_with_its_stored_metrics_still_reads() {
    let meta = sample("drawing-2.json");
    assert_eq!(
        WorkForm::of_upload(ArtefactKind::Drawing, &meta),
        Ok(Some(WorkForm::Beeldend))
    );
    let r = DrawingRecord::<String, String>::read(&meta).unwrap();
    assert_eq!(r.format, 2);
    assert_eq!((r.width, r.height), (800.0, 600.0));
    assert_eq!(
        (r.background.as_str(), r.template.as_str()),
        ("paper", "mandala")
    );
    assert_eq!(r.visible_strokes, 2);
}

#[test]
fn a_format_1_music_take_still_reads() {
    let meta = sample("music-1.json");
    assert_eq!(
        WorkForm::of_upload(ArtefactKind::Music, &meta),
        Ok(Some(WorkForm::Muziek))
    );
    let r = MusicRecord::<Value, Value, String>::read(&meta).unwrap();
    assert_eq!(r.kind, TakeKind::Loop);
    assert_eq!(r.layout, "drumstel");
    assert_eq!((r.players, r.wav_repeats), (2, 2));
    assert_eq!(r.recording["length_ms"], 4000);
    assert_eq!(r.echo.len(), 1);
    assert_eq!((r.echo[0].level, r.echo[0].stars), (2, 2));
    assert_eq!(r.echo[0].beats, ["on-time", "missed", "on-time"]);
}

#[test]
fn a_format_1_music_take_is_written_back_unchanged() {
    let meta = sample("music-1.json");
    let r = MusicRecord::<Value, Value, Value>::read(&meta).unwrap();
    assert_eq!(r.to_metadata().unwrap(), meta);
}

#[test]
fn a_format_1_exercise_run_still_reads() {
    let meta = sample("exercise-1.json");
    assert_eq!(
        WorkForm::of_upload(ArtefactKind::Exercise, &meta),
        Ok(Some(WorkForm::Spanning))
    );
    let run = read_exercise_run(&meta).unwrap();
    assert_eq!(run.exercise.id, "calm-4-6");
    assert_eq!((run.before.value, run.after.value), (Some(7), Some(4)));
    assert!(run.interrupted);
}
