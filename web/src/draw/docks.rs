//! A group drawing's avatar docks: one per child on the edge of the paper. A child starts a
//! stroke on their own dock and swipes onto the paper (why: `surface.rs`, where the pointer is
//! bound). Beside each dock the child's own undo.

use leptos::prelude::*;
use speelruimte_model::{Avatar, Participant};

use super::ink_glue::{Board, GroupInk, parse_hex};
use crate::group::avatar::{AvatarPicture, avatar_name};
use crate::i18n::tg;

/// Where the docks sit, as (left %, top %) of the paper, by player: corners first, then the
/// middles of the sides, so children sit around the tablet.
const PLACES: [(u32, u32); 8] = [
    (0, 100),
    (100, 0),
    (100, 100),
    (0, 0),
    (50, 100),
    (50, 0),
    (0, 50),
    (100, 50),
];

/// The group part of a board for `participants`.
pub fn group_ink(participants: &[Participant], players: Vec<u8>) -> GroupInk {
    GroupInk {
        colours: participants
            .iter()
            .map(|p| parse_hex(p.avatar.colour.hex()))
            .collect(),
        players,
        ..GroupInk::default()
    }
}

#[component]
pub fn Docks(
    board: StoredValue<Board, LocalStorage>,
    version: RwSignal<u32>,
    avatars: Vec<Avatar>,
    on_undo: Callback<u8>,
) -> impl IntoView {
    view! {
        <p class="sr-only">{tg().dock_hint}</p>
        {avatars.into_iter().enumerate().map(|(i, a)| {
            let p = i as u8;
            let (left, top) = PLACES[i % PLACES.len()];
            let style = format!("left: {left}%; top: {top}%; --dock: {}", a.colour.hex());
            let name = avatar_name(a);
            view! {
                <div class="dock" style=style data-player=i.to_string()>
                    <div class="dock-avatar" data-dock=i.to_string() role="img"
                        aria-label=format!("{} {name}", tg().dock_label)>
                        <AvatarPicture avatar=a size=52 />
                    </div>
                    <button class="dock-undo" data-testid=format!("undo-{i}")
                        aria-label=format!("{}: {name}", tg().undo_mine)
                        on:pointerdown=|ev| ev.stop_propagation()
                        disabled=move || { version.track(); !board.with_value(|b| b.can_undo_of(p)) }
                        on:click=move |_| on_undo.run(p)>
                        <span aria-hidden="true">"↶"</span>
                    </button>
                </div>
            }
        }).collect_view()}
    }
}
