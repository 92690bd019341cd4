//! Turning what was played into an artefact: the recording (the loop if one was made, else the
//! free play) in the metadata, the mix as a 48 kHz WAV rendered by `speelruimte-sound` with the
//! very voices the pads played, and everything played as `events.json`.

use base64::Engine as _;
use serde::Serialize;
use speelruimte_model::{ArtefactKind, ArtefactUpload, BlobName, BlobUpload, MediaType};
use speelruimte_sound::{Bars, MixOptions, Recording, mix_with, to_wav};
use uuid::Uuid;

use super::echo::EchoRecord;
use crate::util;

/// The WAV's sample rate (what the review and the server expect).
pub const WAV_RATE: u32 = 48_000;
/// A loop is mixed this many seconds long at least (repeated), so it can be heard as a loop.
const LOOP_WAV_S: f64 = 8.0;
/// Room the metadata leaves for the recording (the server takes 256 KiB in all).
const MAX_METADATA: usize = 240 * 1024;

/// The metadata of a music artefact.
#[derive(Serialize)]
pub struct MusicRecord<'a> {
    /// Always `muziek`.
    pub work_form: &'static str,
    /// Format of this record.
    pub format: u32,
    /// `loop` or `vrij` (free play): what the recording and the WAV hold.
    pub kind: &'static str,
    /// The layout last played on.
    pub layout: &'a str,
    /// The tone bars' setup.
    pub bars_setup: &'a Bars,
    /// How many played together.
    pub players: u8,
    /// How often the loop repeats in the WAV.
    pub wav_repeats: u32,
    /// The recording.
    pub recording: &'a Recording,
    /// Echo-game rounds played.
    pub echo: &'a [EchoRecord],
}

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
}

/// Builds the upload, or says in Dutch why not.
pub fn upload(take: Take<'_>) -> Result<ArtefactUpload, String> {
    let (kind, recording) = match (&take.looped, &take.free) {
        (Some(l), _) => ("loop", l),
        (None, Some(f)) => ("vrij", f),
        (None, None) => return Err(crate::i18n::tm().nothing_to_save.into()),
    };
    recording.validate().map_err(|e| e.to_string())?;
    let repeats = if recording.is_looped() {
        (LOOP_WAV_S * 1000.0 / f64::from(recording.length_ms.max(1)))
            .ceil()
            .clamp(2.0, 16.0) as u32
    } else {
        1
    };
    let samples = mix_with(
        recording,
        WAV_RATE,
        &MixOptions {
            repeats,
            ..MixOptions::default()
        },
    );
    let wav = to_wav(&samples, WAV_RATE);
    let metadata = serde_json::to_value(MusicRecord {
        work_form: "muziek",
        format: 1,
        kind,
        layout: take.layout,
        bars_setup: take.bars,
        players: take.players,
        wav_repeats: repeats,
        recording,
        echo: take.echo,
    })
    .map_err(|e| e.to_string())?;
    if metadata.to_string().len() > MAX_METADATA {
        return Err(crate::i18n::tm().too_many_hits.into());
    }
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let blob = |name: &str, media_type, data_base64| BlobUpload {
        name: BlobName::parse(name).expect("fixed blob names are valid"),
        media_type,
        data_base64,
    };
    let mut blobs = vec![blob("mix.wav", MediaType::Wav, b64(&wav))];
    if let Some(free) = &take.free {
        let json = serde_json::to_vec(free).map_err(|e| e.to_string())?;
        blobs.push(blob("events.json", MediaType::Json, b64(&json)));
    }
    Ok(ArtefactUpload {
        kind: ArtefactKind::Music,
        client_id: take.client_id,
        session_id: take.session_id,
        goal_ids: take.goal_ids,
        created_at: util::now(),
        metadata,
        blobs,
    })
}
