//! Checking that an upload's metadata is a record its work form's review can show, before it
//! is kept. Which record that is, its shape and its limits come from `speelruimte_model`, the
//! same definitions the app writes with; the parts the ink and sound cores own (the paper's
//! codes, the recording, the instrument) are checked here with those cores. Metadata that is
//! no work form's record (notes with a file from elsewhere) is kept as it is.

use speelruimte_ink::{Background, Template};
use speelruimte_model::{
    ArtefactUpload, DrawingRecord, MusicRecord, TakeKind, ValidationError, WorkForm,
    read_exercise_run,
};
use speelruimte_sound::{Bars, Recording, Timing};

use crate::Error;

/// A drawing's record with the ink core's paper and template.
pub type Drawing = DrawingRecord<Background, Template>;
/// A music take's record with the sound core's recording, tone bars and timings.
pub type Take = MusicRecord<Recording, Bars, Timing>;

/// Refuses metadata that claims to be a work form's record and is not a valid one, with the
/// reason in Dutch.
pub fn check_metadata(up: &ArtefactUpload) -> Result<(), Error> {
    match WorkForm::of_upload(up.kind, &up.metadata)? {
        None => {}
        Some(WorkForm::Beeldend) => {
            Drawing::read(&up.metadata)?;
        }
        Some(WorkForm::Muziek) => {
            let take = Take::read(&up.metadata)?;
            check_take(&take)?;
            check_players(&take, up.participants.len())?;
        }
        Some(WorkForm::Spanning) => {
            read_exercise_run(&up.metadata)?;
        }
    }
    Ok(())
}

/// In group music every event's player is one of the participants.
fn check_players(take: &Take, participants: usize) -> Result<(), Error> {
    if participants == 0 {
        return Ok(());
    }
    let events = take.recording.layers.iter().flat_map(|l| &l.events);
    if events
        .into_iter()
        .any(|e| usize::from(e.player) >= participants)
    {
        return Err(Error::Validation(
            "Een slag in de opname hoort bij een speler die niet meedoet in de groep.".into(),
        ));
    }
    Ok(())
}

/// What only the sound core knows: the recording is one the review can play and the mixer
/// can render, it is what the take says it is, and the instrument exists.
fn check_take(take: &Take) -> Result<(), Error> {
    take.recording
        .validate()
        .map_err(|e| Error::Validation(format!("De opname klopt niet: {e}")))?;
    if (take.kind == TakeKind::Loop) != take.recording.is_looped() {
        return Err(Error::Validation(
            "De opname is een loop, maar het muziekstuk zegt vrij spel (of andersom).".into(),
        ));
    }
    if speelruimte_sound::layout(&take.layout, &take.bars_setup).is_none() {
        return Err(ValidationError::UnknownCode {
            what: "Het instrument",
            code: take.layout.clone(),
        }
        .into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};
    use speelruimte_model::{ArtefactKind, EchoRound};
    use speelruimte_sound::EchoLevel;

    /// A committed record of today's app (see `crates/model/tests/old_records.rs`).
    fn sample(name: &str) -> Value {
        let path = format!(
            "{}/../model/tests/samples/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
    }

    fn upload(kind: ArtefactKind, metadata: Value) -> ArtefactUpload {
        ArtefactUpload {
            kind,
            client_id: uuid::Uuid::from_u128(1),
            session_id: None,
            goal_ids: Vec::new(),
            created_at: chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            metadata,
            blobs: Vec::new(),
            participants: Vec::new(),
        }
    }

    fn refusal(kind: ArtefactKind, metadata: Value) -> String {
        match check_metadata(&upload(kind, metadata)) {
            Err(Error::Validation(m)) => m,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn todays_records_pass_with_the_ink_and_sound_cores_types() {
        for (kind, name) in [
            (ArtefactKind::Drawing, "drawing-2.json"),
            (ArtefactKind::Music, "music-1.json"),
            (ArtefactKind::Exercise, "exercise-1.json"),
        ] {
            let up = upload(kind, sample(name));
            assert!(
                check_metadata(&up).is_ok(),
                "{name}: {:?}",
                check_metadata(&up)
            );
        }
        let take = Take::read(&sample("music-1.json")).unwrap();
        assert_eq!(take.recording.event_count(), 6);
        assert_eq!(take.echo[0].beats[1], Timing::Missed);
        assert_eq!(
            Drawing::read(&sample("drawing-2.json")).unwrap().template,
            Template::Mandala
        );
    }

    #[test]
    fn a_drawing_on_glitter_paper_is_refused() {
        let mut meta = sample("drawing-2.json");
        meta["background"] = json!("glitter");
        assert_eq!(
            refusal(ArtefactKind::Drawing, meta),
            "De gegevens van de tekening zijn onvolledig of beschadigd: 'glitter' is geen bekende keuze."
        );
    }

    #[test]
    fn a_loop_recording_saved_as_free_play_is_refused() {
        let mut meta = sample("music-1.json");
        meta["kind"] = json!("vrij");
        meta["wav_repeats"] = json!(1);
        assert_eq!(
            refusal(ArtefactKind::Music, meta),
            "De opname is een loop, maar het muziekstuk zegt vrij spel (of andersom)."
        );
    }

    #[test]
    fn a_take_on_an_instrument_the_pads_do_not_have_is_refused() {
        let mut meta = sample("music-1.json");
        meta["layout"] = json!("doedelzak");
        assert_eq!(
            refusal(ArtefactKind::Music, meta),
            "Het instrument 'doedelzak' bestaat niet."
        );
    }

    #[test]
    fn a_recording_at_260_bpm_is_refused_with_the_sound_cores_reason() {
        let mut meta = sample("music-1.json");
        meta["recording"]["tempo_bpm"] = json!(260.0);
        assert!(
            refusal(ArtefactKind::Music, meta)
                .starts_with("De opname klopt niet: Het tempo moet tussen 40 en 200"),
        );
    }

    #[test]
    fn a_run_in_a_music_artefact_is_refused() {
        assert_eq!(
            refusal(ArtefactKind::Music, sample("exercise-1.json")),
            "Deze gegevens komen uit de werkvorm Spanning reguleren, maar het werkstuk hoort bij Muziek."
        );
    }

    #[test]
    fn notes_with_a_drawing_from_elsewhere_are_kept() {
        let up = upload(ArtefactKind::Drawing, json!({"note": "van papier"}));
        assert!(check_metadata(&up).is_ok());
    }

    #[test]
    fn the_models_limits_are_the_sound_cores() {
        assert_eq!(Take::MAX_PLAYERS, Recording::MAX_PLAYERS);
        assert_eq!(EchoRound::<Timing>::MIN_LEVEL, EchoLevel::MIN);
        assert_eq!(EchoRound::<Timing>::MAX_LEVEL, EchoLevel::MAX);
    }
}
