//! Taking turns in a group: players by colour, whose turn it is shown big, a turn timer that
//! runs visibly down and passes the turn on by itself, and a button to pass it sooner. In a
//! group session the players are the participants, each in the colour and animal they picked
//! (never a name), and the number of players is the group's.

use leptos::prelude::*;
use speelruimte_model::Avatar;

use crate::group::avatar::{AvatarPicture, avatar_name};
use crate::i18n::{pick, tm};

/// Most players at the pad (the recording format allows up to eight).
pub const MAX_PLAYERS: u8 = 4;

/// Player colours and their names (Dutch, English); white text reads on each (WCAG AA).
const PLAYERS: [(&str, &str, &str); MAX_PLAYERS as usize] = [
    ("#c2410c", "Oranje", "Orange"),
    ("#1d4ed8", "Blauw", "Blue"),
    ("#15803d", "Groen", "Green"),
    ("#7e22ce", "Paars", "Purple"),
];

/// The colour of player `p` (0-based).
pub fn player_color(p: u8) -> &'static str {
    PLAYERS[usize::from(p) % PLAYERS.len()].0
}

/// The colour name of player `p`, in the language in use.
pub fn player_name(p: u8) -> &'static str {
    let (_, nl, en) = PLAYERS[usize::from(p) % PLAYERS.len()];
    pick(nl, en)
}

/// Who plays, whose turn it is, and the turn timer.
#[derive(Clone, Copy)]
pub struct Turns {
    /// How many play (1: no turns).
    pub players: RwSignal<u8>,
    /// Whose turn, 0-based.
    pub current: RwSignal<u8>,
    /// Length of a turn, seconds.
    pub turn_s: RwSignal<u32>,
    /// Time left in this turn, 0–1.
    pub left: RwSignal<f64>,
    /// The participants' avatars in a group session (empty otherwise).
    pub avatars: RwSignal<Vec<Avatar>>,
    started_ms: StoredValue<Option<f64>>,
}

impl Turns {
    /// One player, 20-second turns.
    pub fn new() -> Self {
        Self {
            players: RwSignal::new(1),
            current: RwSignal::new(0),
            turn_s: RwSignal::new(20),
            left: RwSignal::new(1.0),
            avatars: RwSignal::new(Vec::new()),
            started_ms: StoredValue::new(None),
        }
    }

    /// Takes the turns of a group: one player per participant, in their order.
    pub fn group(self, avatars: Vec<Avatar>) {
        self.players.set(avatars.len().clamp(1, 8) as u8);
        self.avatars.set(avatars);
        self.restart();
    }

    /// Whether the players are a group session's participants.
    pub fn is_group(self) -> bool {
        self.avatars.with(|a| !a.is_empty())
    }

    /// Player `p`'s avatar in a group session.
    pub fn avatar(self, p: u8) -> Option<Avatar> {
        self.avatars.with(|a| a.get(usize::from(p)).copied())
    }

    /// Player `p`'s colour (the avatar's in a group), and the text colour that reads on it.
    pub fn colors(self, p: u8) -> (&'static str, &'static str) {
        match self.avatar(p) {
            Some(a) if a.colour.is_light() => (a.colour.hex(), "#1b1b1b"),
            Some(a) => (a.colour.hex(), "#ffffff"),
            None => (player_color(p), "#ffffff"),
        }
    }

    /// The CSS custom properties of whose turn it is (`--player`, `--player-ink`).
    pub fn style(self) -> String {
        let (bg, ink) = self.colors(self.current.get());
        format!("--player: {bg}; --player-ink: {ink}")
    }

    /// The player whose hits these are.
    pub fn player(self) -> u8 {
        if self.players.get_untracked() > 1 {
            self.current.get_untracked()
        } else {
            0
        }
    }

    /// Gives the turn to the next player and restarts the timer.
    pub fn pass(self) {
        let n = self.players.get_untracked().max(1);
        self.current.update(|c| *c = (*c + 1) % n);
        self.started_ms.set_value(None);
        self.left.set(1.0);
    }

    /// Player 1 begins, with a full turn.
    pub fn restart(self) {
        self.current.set(0);
        self.started_ms.set_value(None);
        self.left.set(1.0);
    }

    /// Runs the timer; once per frame with `performance.now()`.
    pub fn tick(self, now_ms: f64) {
        if self.players.get_untracked() < 2 {
            return;
        }
        let start = *self.started_ms.get_value().get_or_insert(now_ms);
        self.started_ms.set_value(Some(start));
        let total = f64::from(self.turn_s.get_untracked()) * 1000.0;
        let left = (1.0 - (now_ms - start) / total).clamp(0.0, 1.0);
        if left <= 0.0 {
            self.pass();
        } else if (left - self.left.get_untracked()).abs() > 0.002 {
            self.left.set(left);
        }
    }
}

/// The band above the pads: whose turn, in their colour, with the timer and the pass button.
#[component]
pub fn TurnBand(turns: Turns) -> impl IntoView {
    view! {
        <Show when=move || { turns.players.get() > 1 }>
            <div class="turn-band" data-testid="turn-band" data-player=move || turns.current.get().to_string()
                style=move || turns.style()>
                {move || match turns.avatar(turns.current.get()) {
                    // A child finds their turn by their own animal; the words are for a screen reader.
                    Some(a) => view! {
                        <span class="turn-who" role="status"><AvatarPicture avatar=a size=52 />
                            <span class="sr-only">{format!("{}: {}", tm().turn_of, avatar_name(a))}</span></span>
                    }.into_any(),
                    None => view! {
                        <span class="turn-who"><small>{tm().turn_of}</small><b>{player_name(turns.current.get())}</b></span>
                    }.into_any(),
                }}
                <div class="turn-timer" role="timer" aria-label=tm().turn_time>
                    <div class="turn-left" style=move || format!("width: {:.1}%", turns.left.get() * 100.0)></div>
                </div>
                <button class="turn-pass" data-testid="pass-turn" on:click=move |_| turns.pass()>{tm().pass_turn} " ›"</button>
            </div>
        </Show>
    }
}

/// The settings: how many play, and how long a turn lasts.
#[component]
pub fn TurnsCard(turns: Turns) -> impl IntoView {
    view! {
        <section class="card music-card turns" data-testid="turns">
            <h2>{tm().turns_title}</h2>
            <p class="muted small">{tm().turns_intro}</p>
            <Show when=move || !turns.is_group()>
            <div class="chips" role="group" aria-label=tm().players>
                <span class="chips-label">{tm().players}</span>
                {(1..=MAX_PLAYERS).map(|n| view! {
                    <button class="chip" data-players=n.to_string() aria-pressed=move || (turns.players.get() == n).to_string()
                        on:click=move |_| { turns.players.set(n); turns.restart(); }>
                        {if n == 1 { tm().alone.to_string() } else { n.to_string() }}
                    </button>
                }).collect_view()}
            </div>
            </Show>
            <div class="player-swatches">
                {move || (0..turns.players.get()).map(|p| match turns.avatar(p) {
                    Some(a) => view! {
                        <span class="player-swatch avatar" class:current=move || turns.current.get() == p data-player=p.to_string()>
                            <AvatarPicture avatar=a size=40 /><span class="sr-only">{avatar_name(a)}</span></span>
                    }.into_any(),
                    None => view! {
                        <span class="player-swatch" class:current=move || turns.current.get() == p
                            style=format!("background: {}", player_color(p))>{player_name(p)}</span>
                    }.into_any(),
                }).collect_view()}
            </div>
            <div class="chips" role="group" aria-label=tm().turn_time>
                <span class="chips-label">{tm().turn_time}</span>
                {[10u32, 20, 30, 60].into_iter().map(|s| view! {
                    <button class="chip" aria-pressed=move || (turns.turn_s.get() == s).to_string()
                        on:click=move |_| turns.turn_s.set(s)>{format!("{s} s")}</button>
                }).collect_view()}
            </div>
        </section>
    }
}
