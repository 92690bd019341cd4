//! Groups and family sessions on one tablet: who takes part (kept for this tab when the
//! session screen loads, so a work form under kindermodus knows them without asking the
//! server for the other clients), the avatars they picked, and the picker itself.

pub mod avatar;
pub mod picker;
pub mod start;

use leptos::prelude::*;
use speelruimte_model::{Avatar, Member, Participant, SessionGroup};

use crate::i18n::pick;
use avatar::{AvatarPicture, avatar_name};

use crate::i18n::tg;

/// "Groepssessie" or "Gezinssessie".
pub fn kind_name(group: &SessionGroup) -> &'static str {
    let t = crate::i18n::tg();
    if group.members.iter().any(|m| m.relative.is_some()) {
        t.session_family
    } else {
        t.session_group
    }
}

/// "Groepssessie" or "Gezinssessie", for a work form's title: with children looking at the
/// screen, it stands where the client's label would.
pub fn kind_of(list: &[Participant]) -> &'static str {
    let t = crate::i18n::tg();
    if list.iter().any(|p| p.member.relative.is_some()) {
        t.session_family
    } else {
        t.session_group
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn members_key(sid: &str) -> String {
    format!("speelruimte.group.{sid}")
}

fn avatars_key(sid: &str) -> String {
    format!("speelruimte.avatars.{sid}")
}

/// Remembers the members of session `sid`'s group for this tab (cleared at logout with the
/// rest of session storage).
pub fn remember(sid: &str, group: &SessionGroup) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(&group.members)) {
        let _ = s.set_item(&members_key(sid), &json);
    }
}

/// The members of session `sid`'s group, if it is one.
pub fn members(sid: &str) -> Option<Vec<Member>> {
    let json = storage()?.get_item(&members_key(sid)).ok()??;
    serde_json::from_str(&json).ok()
}

/// Keeps the avatars picked for session `sid`, in member order.
pub fn keep_avatars(sid: &str, avatars: &[Avatar]) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(avatars)) {
        let _ = s.set_item(&avatars_key(sid), &json);
    }
}

fn players_key(sid: &str) -> String {
    format!("speelruimte.players.{sid}")
}

/// Keeps who drew each stroke of session `sid`'s group drawing for this tab, beside the
/// drawing kept on the tablet (a reload keeps both).
pub fn keep_players(sid: &str, players: &[u8]) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(players)) {
        let _ = s.set_item(&players_key(sid), &json);
    }
}

/// Who drew each stroke of session `sid`'s group drawing, as kept.
pub fn players(sid: &str) -> Vec<u8> {
    storage()
        .and_then(|s| s.get_item(&players_key(sid)).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// The participants of session `sid`: its members with the avatars they picked, once every
/// member has one.
pub fn participants(sid: &str) -> Option<Vec<Participant>> {
    let members = members(sid)?;
    let json = storage()?.get_item(&avatars_key(sid)).ok()??;
    let avatars: Vec<Avatar> = serde_json::from_str(&json).ok()?;
    (avatars.len() == members.len()).then(|| {
        members
            .into_iter()
            .zip(avatars)
            .map(|(member, avatar)| Participant { member, avatar })
            .collect()
    })
}

/// On the session screen of a group: how many take part, the avatars picked so far, and the
/// way to the picker. Other clients show only as their avatar.
#[component]
pub fn GroupPanel(group: SessionGroup, cid: String, sid: String) -> impl IntoView {
    let picked = participants(&sid);
    view! {
        <section class="card group-panel" data-testid="group-panel">
            <h2>{kind_name(&group)} " · " {group.members.len()} " " {tg().participants}</h2>
            {picked.map(|list| view! {
                <ul class="avatar-row" data-testid="group-avatars">
                    {list.into_iter().map(|p| view! {
                        <li><avatar::AvatarPicture avatar=p.avatar size=48 />
                            <span class="sr-only">{avatar::avatar_name(p.avatar)}</span></li>
                    }).collect_view()}
                </ul>
            })}
            <a class="button primary big" data-testid="pick-avatars" href=format!("/clients/{cid}/sessies/{sid}/dieren")>{tg().pick_avatars}</a>
        </section>
    }
}

/// A shared work in one client's review: who made it together (avatars only; this client
/// is "deze cliënt", a *naaste* by their role, the other clients only "een ander kind") and
/// the "mijn deel" switch that brings out this client's own part.
#[component]
pub fn MineBar(
    participants: Vec<Participant>,
    mine: u8,
    /// How many strokes (or hits) are this client's.
    own: usize,
    on: RwSignal<bool>,
) -> impl IntoView {
    let mine = usize::from(mine);
    view! {
        <div class="mine-bar" data-testid="mine-bar" data-mine-strokes=own.to_string()>
            <span class="made-with">{tg().made_with}</span>
            <ul class="avatar-row">
                {participants.iter().enumerate().map(|(i, p)| {
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
