//! A shared (group) drawing in one client's review: the others only as their avatars, and
//! "mijn deel" to see this client's own strokes with the others' made faint. The client is the
//! one whose pages these are (the address's `:id`); another child's label is never asked for.

use leptos::prelude::*;
use speelruimte_ink::{Brush, Drawing, Event};
use speelruimte_model::{Artefact, GroupPlay, Participant};

use crate::group::avatar::{AvatarPicture, avatar_name};
use crate::i18n::{pick, tg};

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

/// Who made it together (avatars only) and the "mijn deel" switch.
#[component]
pub fn MineBar(shared: Shared, on: RwSignal<bool>) -> impl IntoView {
    let mine = usize::from(shared.mine);
    let own = shared.players.iter().filter(|p| **p == shared.mine).count();
    view! {
        <div class="mine-bar" data-testid="mine-bar" data-mine-strokes=own.to_string()>
            <span class="made-with">{tg().made_with}</span>
            <ul class="avatar-row">
                {shared.participants.iter().enumerate().map(|(i, p)| {
                    let who = if i == mine { tg().you.to_owned() } else {
                        p.member.relative.map(|r| pick(r.label_nl(), r.label_en()).to_owned()).unwrap_or_else(|| tg().another_child.to_owned())
                    };
                    view! {
                        <li class:me=i == mine data-player=i.to_string()>
                            <AvatarPicture avatar=p.avatar size=40 />
                            <span class="sr-only">{format!("{} ({who})", avatar_name(p.avatar))}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button class="secondary" data-testid="mine-toggle" aria-pressed=move || on.get().to_string()
                title=tg().mine_hint on:click=move |_| on.update(|v| *v = !*v)>{tg().mine}</button>
        </div>
    }
}
