//! A shared (group) drawing in one client's review: the others only as their avatars, and
//! "mijn deel" to see this client's own strokes with the others' made faint. The client is the
//! one whose pages these are (the address's `:id`); another child's label is never asked for.

use speelruimte_ink::{Brush, Drawing, Event};
use speelruimte_model::{Artefact, GroupPlay, Participant};

/// How much of another child's stroke shows under "mijn deel" (of 255).
const FAINT_ALPHA: u8 = 38;

/// A group drawing as one client sees it.
#[derive(Clone, Debug)]
pub struct Shared {
    /// Everyone who took part.
    pub participants: Vec<Participant>,
    /// Who drew each stroke.
    pub players: Vec<u8>,
    /// This client's place among them.
    pub mine: u8,
}

/// The group of `artefact` seen from the client of the current address, if it is group work
/// they took part in.
pub fn of_artefact(artefact: &Artefact) -> Option<Shared> {
    let client = uuid::Uuid::parse_str(&crate::pages::client::client_id()).ok()?;
    let mine = artefact.player_of(client)?;
    let players = GroupPlay::read(&artefact.metadata)
        .ok()
        .flatten()
        .unwrap_or_default()
        .stroke_players;
    Some(Shared {
        participants: artefact.participants.clone(),
        players,
        mine,
    })
}

/// `drawing` with every stroke not by `mine` made faint (an eraser stays an eraser).
pub fn dim_others(drawing: &Drawing, players: &[u8], mine: u8) -> Drawing {
    let mut out = drawing.clone();
    let mut i = 0;
    for e in &mut out.events {
        if let Event::Stroke(s) = e {
            if players.get(i) != Some(&mine) && s.style.brush != Brush::Eraser {
                s.style.color.a = FAINT_ALPHA;
            }
            i += 1;
        }
    }
    out
}
