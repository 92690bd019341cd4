//! What was played, kept on the tablet as it is played (`crate::outbox::drafts`) and given
//! back after a reload: the layout and its bars, the tempo, the free-play tape, the loop's
//! layers and the echo game's rounds — everything a save takes.

use serde::{Deserialize, Serialize};
use speelruimte_sound::{Bars, Event, LAYOUT_IDS, Layer};

use super::echo::EchoRecord;

/// The music work form's work in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MusicDraft {
    pub layout: String,
    pub bars: Bars,
    pub bpm: f32,
    pub players: u8,
    pub tape: Vec<Event>,
    pub loop_bars: u8,
    pub loop_bpm: f32,
    pub layers: Vec<Layer>,
    pub echo: Vec<EchoRecord>,
}

impl MusicDraft {
    /// Whether there is anything in it worth keeping.
    pub fn holds_work(&self) -> bool {
        !self.tape.is_empty()
            || self.layers.iter().any(|l| !l.events.is_empty())
            || !self.echo.is_empty()
    }

    /// As bytes for the tablet's storage.
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        serde_json::to_vec(self).ok()
    }

    /// Read back from the tablet's storage (`None` for anything unreadable).
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        serde_json::from_slice(bytes).ok()
    }

    /// The layout id as the app knows it (the first layout for one it does not know).
    pub fn layout_id(&self) -> &'static str {
        LAYOUT_IDS
            .iter()
            .find(|id| **id == self.layout)
            .copied()
            .unwrap_or(LAYOUT_IDS[0])
    }
}
