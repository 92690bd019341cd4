//! Turning what was played into an artefact: the recording (the loop if one was made, else the
//! free play) in the metadata, the mix as a 48 kHz WAV rendered by `speelruimte-sound` with the
//! very voices the pads played, and everything played as `events.json`.

use speelruimte_model::{
    ArtefactKind, ArtefactUpload, BlobName, MediaType, MusicRecord, OutgoingFile, Participant,
    TakeKind, ValidationError,
};
use speelruimte_sound::{Bars, MixOptions, Recording, Timing, mix_with, to_wav};
use uuid::Uuid;

use super::echo::EchoRecord;
use crate::saving::Outgoing;
use crate::util;

/// The WAV's sample rate (what the review and the server expect).
pub const WAV_RATE: u32 = 48_000;
/// A loop is mixed this many seconds long at least (repeated), so it can be heard as a loop.
const LOOP_WAV_S: f64 = 8.0;

/// The metadata of a music artefact, with the sound core's types (one definition, in
/// `speelruimte_model`; the server reads it with the same).
pub type Saved = MusicRecord<Recording, Bars, Timing>;

/// What a save needs to know.
pub struct Take<'a> {
    pub client_id: Uuid,
    pub session_id: Option<Uuid>,
    pub goal_ids: Vec<Uuid>,
    pub layout: &'a str,
    pub bars: &'a Bars,
    pub players: u8,
    pub looped: Option<Recording>,
    pub free: Option<Recording>,
    pub echo: &'a [EchoRecord],
    /// A group session's participants (each event's player is a place in this list).
    pub participants: Vec<Participant>,
}

/// Builds the upload, or says in Dutch why not.
pub fn upload(take: Take<'_>) -> Result<Outgoing, String> {
    let (kind, recording) = match (&take.looped, &take.free) {
        (Some(l), _) => (TakeKind::Loop, l),
        (None, Some(f)) => (TakeKind::Free, f),
        (None, None) => return Err(crate::i18n::tm().nothing_to_save.into()),
    };
    recording.validate().map_err(|e| e.to_string())?;
    let repeats = if recording.is_looped() {
        (LOOP_WAV_S * 1000.0 / f64::from(recording.length_ms.max(1)))
            .ceil()
            .clamp(2.0, f64::from(Saved::MAX_WAV_REPEATS)) as u32
    } else {
        1
    };
    let record = Saved {
        work_form: speelruimte_model::WorkForm::Muziek,
        format: Saved::FORMAT,
        kind,
        layout: take.layout.to_owned(),
        bars_setup: take.bars.clone(),
        players: take.players,
        wav_repeats: repeats,
        recording: recording.clone(),
        echo: take.echo.to_vec(),
    };
    // The size is checked before the mix is rendered: a take too large to keep is not mixed.
    let metadata = record.to_metadata().map_err(|e| match e {
        ValidationError::MetadataTooLarge { .. } => crate::i18n::tm().too_many_hits.to_string(),
        other => other.to_string(),
    })?;
    let samples = mix_with(
        recording,
        WAV_RATE,
        &MixOptions {
            repeats,
            ..MixOptions::default()
        },
    );
    let wav = to_wav(&samples, WAV_RATE);
    let file = |name: &str, media_type, bytes| OutgoingFile {
        name: BlobName::parse(name).expect("fixed blob names are valid"),
        media_type,
        bytes,
    };
    let mut files = vec![file("mix.wav", MediaType::Wav, wav)];
    if let Some(free) = &take.free {
        let json = serde_json::to_vec(free).map_err(|e| e.to_string())?;
        files.push(file("events.json", MediaType::Json, json));
    }
    Ok(Outgoing {
        record: ArtefactUpload {
            kind: ArtefactKind::Music,
            client_id: take.client_id,
            session_id: take.session_id,
            goal_ids: take.goal_ids,
            created_at: util::now(),
            metadata,
            blobs: Vec::new(),
            participants: take.participants,
        },
        files,
    })
}
