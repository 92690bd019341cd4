//! Recordings as data: timed pad hits in layers (a loop is built up layer by layer), with the
//! checks a recording from the network must pass before it is stored or played.

use serde::{Deserialize, Serialize};

use crate::tempo::{TEMPO_MAX, TEMPO_MIN, loop_ms};
use crate::{NOTE_MAX, NOTE_MIN, Voice};

/// One pad hit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Time since the start of the recording (of the loop, for loops), ms.
    pub t_ms: u32,
    /// Pad index in the layout it was played on.
    pub pad: u8,
    /// What sounded (kept, so the recording plays the same if a layout changes).
    pub voice: Voice,
    /// How hard, 0–1.
    pub velocity: f32,
    /// Who played it (0-based; group play has several players).
    pub player: u8,
}

/// One pass of playing over the loop (or the whole free play).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Layer {
    /// The hits, in time order.
    pub events: Vec<Event>,
    /// Left out of playback and export.
    pub muted: bool,
}

/// A recording: free play, or a loop of whole bars with layers on top of each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recording {
    /// Format version ([`Recording::VERSION`]).
    pub version: u32,
    /// Tempo, beats per minute (40–200).
    pub tempo_bpm: f32,
    /// Beats in a bar (1–12).
    pub beats_per_bar: u8,
    /// Loop length in bars (1–16); 0 for free play that is not looped.
    pub bars: u8,
    /// The layers.
    pub layers: Vec<Layer>,
    /// Length, ms: the loop length for loops, the playing time for free play.
    pub length_ms: u32,
}

/// Why a recording cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordingError {
    /// A format this version does not know.
    #[error("Deze opname is gemaakt met een nieuwere versie van de app (versie {0}).")]
    Version(u32),
    /// Tempo outside 40–200.
    #[error("Het tempo moet tussen 40 en 200 tellen per minuut liggen (nu {0}).")]
    Tempo(f32),
    /// Beats per bar outside 1–12.
    #[error("Een maat heeft 1 tot 12 tellen (nu {0}).")]
    BeatsPerBar(u8),
    /// Loop longer than 16 bars.
    #[error("Een loop is hoogstens 16 maten lang (nu {0}).")]
    Bars(u8),
    /// A loop whose length does not match its tempo and bars.
    #[error(
        "De lengte van de loop klopt niet met het tempo: {expected} ms verwacht, {got} ms gekregen."
    )]
    LoopLength {
        /// Length the tempo and bars give.
        expected: u32,
        /// Length in the recording.
        got: u32,
    },
    /// Free play of zero length or over the maximum.
    #[error("Een opname duurt langer dan 0 en hoogstens 10 minuten (nu {0} ms).")]
    Length(u32),
    /// Nothing was played.
    #[error("Er staat nog niets in deze opname.")]
    Empty,
    /// Too many layers.
    #[error("Een opname heeft hoogstens {max} lagen (nu {0}).", max = Recording::MAX_LAYERS)]
    Layers(usize),
    /// Too many hits.
    #[error("Deze opname heeft te veel slagen ({0}); hoogstens {max}.", max = Recording::MAX_EVENTS)]
    Events(usize),
    /// A hit at or after the end.
    #[error("Laag {layer}, slag {event} valt na het einde van de opname.")]
    AfterEnd {
        /// Layer number, from 1.
        layer: usize,
        /// Hit number within the layer, from 1.
        event: usize,
    },
    /// A velocity outside 0–1.
    #[error("Laag {layer}, slag {event}: de sterkte moet tussen 0 en 1 liggen.")]
    Velocity {
        /// Layer number, from 1.
        layer: usize,
        /// Hit number within the layer, from 1.
        event: usize,
    },
    /// A note outside the playable range.
    #[error("Laag {layer}, slag {event}: deze toon is te hoog of te laag.")]
    Note {
        /// Layer number, from 1.
        layer: usize,
        /// Hit number within the layer, from 1.
        event: usize,
    },
    /// A player number beyond the group size.
    #[error("Laag {layer}, slag {event}: spelers zijn genummerd van 1 tot {max}.", max = Recording::MAX_PLAYERS)]
    Player {
        /// Layer number, from 1.
        layer: usize,
        /// Hit number within the layer, from 1.
        event: usize,
    },
}

impl Recording {
    /// The format version this crate writes and reads.
    pub const VERSION: u32 = 1;
    /// Most layers in one recording.
    pub const MAX_LAYERS: usize = 16;
    /// Most hits in one recording (all layers).
    pub const MAX_EVENTS: usize = 20_000;
    /// Longest free play, ms (10 minutes).
    pub const MAX_LENGTH_MS: u32 = 600_000;
    /// Most players in a group.
    pub const MAX_PLAYERS: u8 = 8;
    /// Longest loop, bars.
    pub const MAX_BARS: u8 = 16;

    /// An empty loop of `bars` bars (0: free play, whose length is set as it is played).
    pub fn new(tempo_bpm: f32, beats_per_bar: u8, bars: u8) -> Self {
        Self {
            version: Self::VERSION,
            tempo_bpm,
            beats_per_bar,
            bars,
            layers: Vec::new(),
            length_ms: loop_ms(tempo_bpm, beats_per_bar, bars),
        }
    }

    /// Whether this is a loop (`bars` > 0).
    pub fn is_looped(&self) -> bool {
        self.bars > 0
    }

    /// All hits in all layers.
    pub fn event_count(&self) -> usize {
        self.layers.iter().map(|l| l.events.len()).sum()
    }

    /// Checks everything a recording from the network could get wrong.
    pub fn validate(&self) -> Result<(), RecordingError> {
        if self.version != Self::VERSION {
            return Err(RecordingError::Version(self.version));
        }
        if !(TEMPO_MIN..=TEMPO_MAX).contains(&self.tempo_bpm) {
            return Err(RecordingError::Tempo(self.tempo_bpm));
        }
        if !(1..=12).contains(&self.beats_per_bar) {
            return Err(RecordingError::BeatsPerBar(self.beats_per_bar));
        }
        if self.bars > Self::MAX_BARS {
            return Err(RecordingError::Bars(self.bars));
        }
        if self.is_looped() {
            let expected = loop_ms(self.tempo_bpm, self.beats_per_bar, self.bars);
            // One ms of slack: the app may round the loop length differently.
            if self.length_ms.abs_diff(expected) > 1 {
                return Err(RecordingError::LoopLength {
                    expected,
                    got: self.length_ms,
                });
            }
        } else if self.length_ms == 0 || self.length_ms > Self::MAX_LENGTH_MS {
            return Err(RecordingError::Length(self.length_ms));
        }
        if self.layers.len() > Self::MAX_LAYERS {
            return Err(RecordingError::Layers(self.layers.len()));
        }
        let events = self.event_count();
        if events == 0 {
            return Err(RecordingError::Empty);
        }
        if events > Self::MAX_EVENTS {
            return Err(RecordingError::Events(events));
        }
        for (li, layer) in self.layers.iter().enumerate() {
            for (ei, e) in layer.events.iter().enumerate() {
                let (layer, event) = (li + 1, ei + 1);
                if e.t_ms >= self.length_ms {
                    return Err(RecordingError::AfterEnd { layer, event });
                }
                if !(0.0..=1.0).contains(&e.velocity) {
                    return Err(RecordingError::Velocity { layer, event });
                }
                let note_ok = match e.voice {
                    Voice::Xylophone(n) | Voice::Metallophone(n) | Voice::Pad(n) => {
                        (NOTE_MIN..=NOTE_MAX).contains(&n)
                    }
                    _ => true,
                };
                if !note_ok {
                    return Err(RecordingError::Note { layer, event });
                }
                if e.player >= Self::MAX_PLAYERS {
                    return Err(RecordingError::Player { layer, event });
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(t_ms: u32, voice: Voice) -> Event {
        Event {
            t_ms,
            pad: 0,
            voice,
            velocity: 0.8,
            player: 0,
        }
    }

    fn two_bar_loop() -> Recording {
        let mut r = Recording::new(120.0, 4, 2);
        r.layers.push(Layer {
            events: vec![hit(0, Voice::Kick), hit(500, Voice::HiHatClosed)],
            muted: false,
        });
        r
    }

    #[test]
    fn a_sane_loop_passes_and_round_trips_as_json() {
        let r = two_bar_loop();
        assert_eq!(r.length_ms, 4000);
        assert_eq!(r.validate(), Ok(()));
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains(r#""voice":"hihat-closed""#), "{json}");
        assert_eq!(serde_json::from_str::<Recording>(&json).unwrap(), r);
    }

    #[test]
    fn every_rule_is_refused_with_its_own_dutch_reason() {
        type Edit = fn(&mut Recording);
        let cases: [(Edit, RecordingError); 13] = [
            (|r| r.version = 2, RecordingError::Version(2)),
            (|r| r.tempo_bpm = 30.0, RecordingError::Tempo(30.0)),
            (|r| r.beats_per_bar = 0, RecordingError::BeatsPerBar(0)),
            (|r| r.bars = 17, RecordingError::Bars(17)),
            (
                |r| r.length_ms = 3000,
                RecordingError::LoopLength {
                    expected: 4000,
                    got: 3000,
                },
            ),
            (
                |r| {
                    r.bars = 0;
                    r.length_ms = 700_000;
                },
                RecordingError::Length(700_000),
            ),
            (|r| r.layers.clear(), RecordingError::Empty),
            (
                |r| r.layers = vec![Layer::default(); 17],
                RecordingError::Layers(17),
            ),
            (
                |r| r.layers[0].events = vec![hit(0, Voice::Kick); 20_001],
                RecordingError::Events(20_001),
            ),
            (
                |r| r.layers[0].events[1].t_ms = 4000,
                RecordingError::AfterEnd { layer: 1, event: 2 },
            ),
            (
                |r| r.layers[0].events[0].velocity = f32::NAN,
                RecordingError::Velocity { layer: 1, event: 1 },
            ),
            (
                |r| r.layers[0].events[0].voice = Voice::Pad(120),
                RecordingError::Note { layer: 1, event: 1 },
            ),
            (
                |r| r.layers[0].events[0].player = 8,
                RecordingError::Player { layer: 1, event: 1 },
            ),
        ];
        for (edit, want) in cases {
            let mut r = two_bar_loop();
            edit(&mut r);
            let got = r.validate();
            assert_eq!(got.as_ref().err(), Some(&want));
            assert!(!want.to_string().is_empty());
        }
        assert_eq!(
            RecordingError::AfterEnd { layer: 2, event: 5 }.to_string(),
            "Laag 2, slag 5 valt na het einde van de opname."
        );
    }

    #[test]
    fn a_loop_length_may_be_off_by_one_ms_of_rounding() {
        let mut r = Recording::new(110.0, 4, 1);
        r.layers.push(Layer {
            events: vec![hit(0, Voice::Snare)],
            muted: false,
        });
        assert_eq!(r.length_ms, 2182);
        r.length_ms = 2181;
        assert_eq!(r.validate(), Ok(()));
    }

    #[test]
    fn free_play_needs_a_length() {
        let mut r = Recording::new(90.0, 4, 0);
        assert_eq!(r.length_ms, 0);
        r.layers.push(Layer {
            events: vec![hit(1200, Voice::Clap)],
            muted: false,
        });
        assert_eq!(r.validate(), Err(RecordingError::Length(0)));
        r.length_ms = 5000;
        assert_eq!(r.validate(), Ok(()));
    }

    #[test]
    fn unknown_voices_do_not_parse() {
        let json = r#"{"t_ms":0,"pad":0,"voice":"gong","velocity":1,"player":0}"#;
        assert!(serde_json::from_str::<Event>(json).is_err());
    }
}
