//! The record of a take on the muziek pads, kept in its artefact's metadata beside the mix
//! (`mix.wav`) and, for free play, every hit (`events.json`).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::record::{self, WorkForm, check_header, in_range};
use crate::{ValidationError, check_metadata_size};

/// What the recording and the WAV of a take hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TakeKind {
    /// The loop that was built up layer by layer.
    #[serde(rename = "loop")]
    Loop,
    /// Free play (*vrij spel*), as it was played.
    #[serde(rename = "vrij")]
    Free,
}

/// The metadata of a music artefact.
///
/// The parts whose shape the sound core owns are type parameters: `Rec` the recording,
/// `Setup` the tone bars' setup and `Beat` how one note of an echo round was played. The app
/// and the server fill them with `speelruimte_sound::{Recording, Bars, Timing}` (and check
/// the recording with `Recording::validate`); model checks the rest and stays free of the
/// sound core (it is in the app's first load).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MusicRecord<Rec, Setup, Beat> {
    /// Always [`WorkForm::Muziek`].
    pub work_form: WorkForm,
    /// The shape of this record: [`MusicRecord::FORMAT`].
    pub format: u32,
    /// What the recording and the WAV hold.
    pub kind: TakeKind,
    /// The instrument (pad layout) last played on: `drumstel`, `djembe`, ...
    pub layout: String,
    /// The tone bars' setup.
    pub bars_setup: Setup,
    /// How many played together.
    pub players: u8,
    /// How often the loop repeats in the WAV (1 for free play).
    pub wav_repeats: u32,
    /// The recording.
    pub recording: Rec,
    /// The echo-game rounds played.
    pub echo: Vec<EchoRound<Beat>>,
}

/// One round of the echo game (*nadoen*), as saved with the recording.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EchoRound<Beat> {
    /// Level 1–5.
    pub level: u8,
    /// The seed the pattern was drawn from (the same seed gives the same rhythm).
    pub seed: u64,
    /// Who answered (0-based).
    pub player: u8,
    /// Stars 1–3.
    pub stars: u8,
    /// Notes played on time.
    pub on_time: usize,
    /// Notes in the pattern.
    pub notes: usize,
    /// Per note, how it was played.
    pub beats: Vec<Beat>,
    /// What the client read.
    pub message_nl: String,
}

impl<Rec, Setup, Beat> MusicRecord<Rec, Setup, Beat> {
    /// The format written now (and the only one so far).
    pub const FORMAT: u32 = 1;
    /// Most players at the pad that a recording can tell apart.
    pub const MAX_PLAYERS: u8 = 8;
    /// Most repeats of a loop in the WAV.
    pub const MAX_WAV_REPEATS: u32 = 16;

    /// Checks what can be checked without the sound core: everything but the recording's
    /// inside, the setup and the beats' codes.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_header(
            WorkForm::Muziek,
            Self::FORMAT..=Self::FORMAT,
            self.work_form,
            self.format,
        )?;
        let code_like = (1..=40).contains(&self.layout.len())
            && self
                .layout
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !code_like {
            return Err(ValidationError::UnknownCode {
                what: "Het instrument",
                code: self.layout.chars().take(40).collect(),
            });
        }
        in_range(
            "Het aantal spelers",
            self.players,
            1,
            Self::MAX_PLAYERS.into(),
        )?;
        let most = if self.kind == TakeKind::Loop {
            Self::MAX_WAV_REPEATS
        } else {
            1
        };
        in_range(
            "Het aantal herhalingen in het geluidsbestand",
            self.wav_repeats,
            1,
            most.into(),
        )?;
        for (i, round) in self.echo.iter().enumerate() {
            round.check().map_err(|reason| ValidationError::EchoRound {
                round: i + 1,
                reason,
            })?;
        }
        Ok(())
    }
}

impl<Rec: DeserializeOwned, Setup: DeserializeOwned, Beat: DeserializeOwned>
    MusicRecord<Rec, Setup, Beat>
{
    /// Reads and checks the record in a music artefact's metadata.
    pub fn read(metadata: &Value) -> Result<Self, ValidationError> {
        let r: Self = record::read(WorkForm::Muziek, Self::FORMAT..=Self::FORMAT, metadata)?;
        r.validate()?;
        Ok(r)
    }
}

impl<Rec: Serialize, Setup: Serialize, Beat: Serialize> MusicRecord<Rec, Setup, Beat> {
    /// The checked record as metadata for an upload; refused when it is larger than the
    /// server keeps ([`MAX_METADATA_BYTES`](crate::MAX_METADATA_BYTES)).
    pub fn to_metadata(&self) -> Result<Value, ValidationError> {
        self.validate()?;
        let v = serde_json::to_value(self).map_err(|e| ValidationError::Unreadable {
            record: WorkForm::Muziek.record_nl(),
            reason: e.to_string(),
        })?;
        check_metadata_size(&v)?;
        Ok(v)
    }
}

impl<Beat> EchoRound<Beat> {
    /// Lowest level.
    pub const MIN_LEVEL: u8 = 1;
    /// Highest level.
    pub const MAX_LEVEL: u8 = 5;
    /// Longest message kept, in characters.
    const MAX_MESSAGE: usize = 200;

    /// What is wrong with the round, as a Dutch clause.
    fn check(&self) -> Result<(), String> {
        if !(Self::MIN_LEVEL..=Self::MAX_LEVEL).contains(&self.level) {
            return Err(format!(
                "het niveau moet tussen {} en {} liggen (nu {})",
                Self::MIN_LEVEL,
                Self::MAX_LEVEL,
                self.level
            ));
        }
        if !(1..=3).contains(&self.stars) {
            return Err(format!("er horen 1 tot 3 sterren bij (nu {})", self.stars));
        }
        if self.player >= MusicRecord::<(), (), ()>::MAX_PLAYERS {
            return Err(format!(
                "speler {} bestaat niet",
                u16::from(self.player) + 1
            ));
        }
        if self.notes == 0 || self.on_time > self.notes {
            return Err(format!(
                "{} van de {} noten op tijd kan niet",
                self.on_time, self.notes
            ));
        }
        if self.beats.len() != self.notes {
            return Err(format!(
                "het ritme had {} noten, maar er zijn er {} beoordeeld",
                self.notes,
                self.beats.len()
            ));
        }
        if self.message_nl.chars().count() > Self::MAX_MESSAGE
            || self.message_nl.chars().any(char::is_control)
        {
            return Err("de tekst voor de cliënt is te lang of bevat stuurtekens".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    type Record = MusicRecord<Value, Value, String>;

    fn take() -> Record {
        MusicRecord {
            work_form: WorkForm::Muziek,
            format: 1,
            kind: TakeKind::Loop,
            layout: "drumstel".into(),
            bars_setup: json!({}),
            players: 2,
            wav_repeats: 2,
            recording: json!({}),
            echo: vec![EchoRound {
                level: 2,
                seed: 42,
                player: 1,
                stars: 2,
                on_time: 2,
                notes: 3,
                beats: vec!["on-time".into(), "missed".into(), "on-time".into()],
                message_nl: "Bijna! Nog één keer?".into(),
            }],
        }
    }

    #[test]
    fn a_take_survives_being_written_and_read() {
        let t = take();
        let v = t.to_metadata().unwrap();
        assert_eq!(v["kind"], "loop");
        assert_eq!(v["work_form"], "muziek");
        assert_eq!(Record::read(&v).unwrap(), t);
    }

    #[test]
    fn free_play_is_written_as_vrij() {
        let mut t = take();
        t.kind = TakeKind::Free;
        t.wav_repeats = 1;
        assert_eq!(t.to_metadata().unwrap()["kind"], "vrij");
    }

    #[test]
    fn nine_players_are_more_than_a_recording_tells_apart() {
        let mut t = take();
        t.players = 9;
        assert_eq!(
            t.validate().unwrap_err().to_string(),
            "Het aantal spelers moet tussen 1 en 8 liggen (nu 9)."
        );
    }

    #[test]
    fn free_play_is_never_repeated_in_the_wav() {
        let mut t = take();
        t.kind = TakeKind::Free;
        t.wav_repeats = 2;
        assert_eq!(
            t.validate().unwrap_err().to_string(),
            "Het aantal herhalingen in het geluidsbestand moet 1 zijn (nu 2)."
        );
    }

    #[test]
    fn an_instrument_code_with_a_space_is_refused() {
        let mut t = take();
        t.layout = "drum stel".into();
        assert_eq!(
            t.validate().unwrap_err().to_string(),
            "Het instrument 'drum stel' bestaat niet."
        );
    }

    #[test]
    fn an_echo_round_with_four_stars_is_refused_with_its_number() {
        let mut t = take();
        t.echo.push(t.echo[0].clone());
        t.echo[1].stars = 4;
        assert_eq!(
            t.validate().unwrap_err().to_string(),
            "Ronde 2 van het nadoen klopt niet: er horen 1 tot 3 sterren bij (nu 4)."
        );
    }

    #[test]
    fn an_echo_round_with_more_notes_on_time_than_notes_is_refused() {
        let mut t = take();
        t.echo[0].on_time = 4;
        assert_eq!(
            t.validate().unwrap_err().to_string(),
            "Ronde 1 van het nadoen klopt niet: 4 van de 3 noten op tijd kan niet."
        );
        let mut t = take();
        t.echo[0].beats.pop();
        assert_eq!(
            t.validate().unwrap_err().to_string(),
            "Ronde 1 van het nadoen klopt niet: het ritme had 3 noten, maar er zijn er 2 beoordeeld."
        );
        let mut t = take();
        t.echo[0].level = 6;
        assert!(
            t.validate()
                .unwrap_err()
                .to_string()
                .contains("tussen 1 en 5")
        );
    }

    #[test]
    fn a_take_too_large_for_the_server_is_refused_before_it_is_sent() {
        let mut t = take();
        t.recording = json!({"layers": "x".repeat(crate::MAX_METADATA_BYTES)});
        assert!(matches!(
            t.to_metadata(),
            Err(ValidationError::MetadataTooLarge { max_kib: 256, .. })
        ));
    }

    #[test]
    fn a_drawing_record_is_not_read_as_a_take() {
        let v = json!({"work_form": "beeldend", "format": 1});
        assert_eq!(
            Record::read(&v).unwrap_err().to_string(),
            "Deze gegevens komen uit de werkvorm Beeldend, maar het werkstuk hoort bij Muziek."
        );
    }
}
