#![doc = include_str!("../README.md")]

mod bars;
mod beat;
mod ceiling;
mod drums;
mod dsp;
mod echo;
mod hand;
mod layout;
mod looping;
mod mix;
mod pattern;
mod recording;
mod scale;
mod strike;
mod tempo;
mod voice;

#[cfg(test)]
mod analysis;

pub use beat::{BEATS_PER_BAR, BeatGrid, LOOKAHEAD_S, ScheduledBeat, Tick};
pub use ceiling::{CEILING, LIVE_POINTS, LIVE_RANGE, live_curve, soft_limit};
pub use dsp::midi_to_hz;
pub use echo::{BeatFeedback, EchoResult, MESSAGES_EN, MESSAGES_NL, Timing, score};
pub use layout::{
    BarInstrument, Bars, LAYOUT_IDS, Layout, PadLabel, PadSpec, djembe, drumstel, groepskring,
    klankstaven, layout, layouts,
};
pub use looping::{loop_occurrences, loop_offset_ms};
pub use mix::{MixOptions, mix, mix_with, render_wav, to_wav};
pub use pattern::{EchoLevel, Pattern, pattern_for_level};
pub use recording::{Event, Layer, Recording, RecordingError};
pub use scale::{
    CustomScale, Scale, ScaleError, bar_label_en, bar_label_nl, note_name_en, note_name_nl,
};
pub use strike::{AreaRange, Strike, strike_velocity};
pub use tempo::{TEMPO_MAX, TEMPO_MIN, beat_ms, clamp_tempo, loop_ms, tap_tempo};
pub use voice::{
    NOTE_MAX, NOTE_MIN, PEAK, PERCUSSION, SAMPLE_RATES, VELOCITY_STEPS, Voice, render,
    step_velocity, velocity_step,
};
