#![doc = include_str!("../README.md")]

mod account;
mod artefact;
mod bounded;
mod client;
mod drawing;
mod envelope;
mod error;
mod evaluation;
mod exercise;
mod exercise_run;
mod export;
mod gas;
mod goal;
mod group;
mod kiosk;
mod music;
pub mod outbox;
mod progress;
mod record;
mod report;
mod session;
mod timeline;

pub use account::{LoginRequest, Me, Password, SetupRequest, SetupStatus, Username};
pub use artefact::{
    Artefact, ArtefactKind, ArtefactUpload, BlobInfo, BlobName, BlobUpload, MAX_BLOBS,
    MAX_GOALS_PER_ARTEFACT, MAX_METADATA_BYTES, MediaType,
};
pub use client::{BirthYear, Client, ClientLabel, Discipline, NewClient};
pub use drawing::{DrawingRecord, MAX_PAPER_SIDE};
pub use envelope::{
    ArtefactHead, BlobPart, ENVELOPE_MEDIA_TYPE, MAX_HEAD_BYTES, OutgoingFile, decode_envelope,
    envelope_head,
};
pub use error::{ApiError, ValidationError};
pub use evaluation::{
    EvaluatedGoal, Evaluation, GoalRating, MAX_EVALUATED_GOALS, MAX_EVALUATION_TEXT, NewEvaluation,
    Satisfaction,
};
pub use exercise::{MAX_CUSTOM_EXERCISES, MAX_CUSTOM_PHASES, SavedExercise};
pub use exercise_run::{exercise_run_for, read_exercise_run};
pub use export::{
    ClientRecords, EvaluationReport, ExportEntry, ExportSource, artefact_folder, export_manifest,
    report_path,
};
pub use gas::{
    GAS_RHO, GasLevel, GasScale, GasWeight, GoalGas, baseline_t_score, gas_t_score,
    gas_t_score_with,
};
pub use goal::{Goal, GoalDomain, GoalTitle, MAX_SUBGOALS, NewGoal};
pub use group::{
    Animal, Avatar, AvatarColour, GroupPlay, MAX_PARTICIPANTS, MIN_PARTICIPANTS, Member,
    Participant, PlayerRating, RelativeRole, check_members, check_participants,
};
pub use kiosk::{
    KioskLock, KioskMinutes, KioskPasswordUnlock, KioskPin, KioskUnlock, KioskView, PIN_TRIES,
    SetKioskPin, StartKiosk, cue_before_end_seconds, pin_wait_seconds,
};
pub use music::{EchoRound, MusicRecord, TakeKind};
pub use progress::{
    ClientProgress, GoalScore, ProgressScore, SetGoalScore, SetSubgoalStatus, SubgoalProgress,
    SubgoalStatus, progress_series,
};
pub use record::{WorkForm, check_metadata_size};
pub use report::{MAX_REPORT_ARTEFACTS, ReportPick, ReportPreview, ReportQuery};
pub use session::{NewGroup, NewSession, Session, SessionGroup, SessionNotes};
pub use timeline::{
    Glance, MUSIC_GLANCE_DOTS, MusicDot, Period, TIMELINE_DEFAULT_LIMIT, TIMELINE_MAX_LIMIT,
    TimelineCursor, TimelineItem, TimelinePage, TimelineQuery, TimelineSession, music_dots,
    timeline_page,
};

/// Trims surrounding whitespace and refuses empty text, text longer than `max` characters and
/// control characters (a newline only where `multiline` allows it).
pub(crate) fn clean_text(
    raw: &str,
    max: usize,
    multiline: bool,
    field: &'static str,
) -> Result<String, ValidationError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(ValidationError::Empty { field });
    }
    let len = text.chars().count();
    if len > max {
        return Err(ValidationError::TooLong { field, max, len });
    }
    if text
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
    {
        return Err(ValidationError::ControlCharacters { field });
    }
    Ok(text.to_owned())
}
