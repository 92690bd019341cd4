//! Groups on one tablet (*groepssessie*, *gezinssessie*): who takes part, how each one shows on
//! screen, and which part of the shared work is whose.
//!
//! A participant (*deelnemer*) is one of the therapist's clients or a *naaste* (a parent or
//! sibling in a family session, not a client). On screen every participant is only an
//! [`Avatar`], a colour and an animal they pick themselves: a child's name or label would tell
//! the other children (and, in each child's review, the other clients) who was there. The work
//! names its makers by their place in the artefact's participant list (a "player" number,
//! 0-based), the same number the sound core's recorded events already carry.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ValidationError;

/// Most participants in a group (the sound core's `Recording::MAX_PLAYERS` is the same).
pub const MAX_PARTICIPANTS: usize = 8;
/// Fewest participants in a group.
pub const MIN_PARTICIPANTS: usize = 2;

macro_rules! codes {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $code:literal, $nl:literal, $en:literal;)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name { $($(#[$vm])* #[serde(rename = $code)] $v,)* }
        impl $name {
            /// All, in the order a picker shows them.
            pub const ALL: &'static [Self] = &[$(Self::$v),*];
            /// Wire code.
            pub fn code(self) -> &'static str { match self { $(Self::$v => $code),* } }
            /// Parses a wire code.
            pub fn from_code(code: &str) -> Option<Self> { Self::ALL.iter().copied().find(|c| c.code() == code) }
            /// Dutch name (for a screen reader; the screen itself shows a picture).
            pub fn label_nl(self) -> &'static str { match self { $(Self::$v => $nl),* } }
            /// English name.
            pub fn label_en(self) -> &'static str { match self { $(Self::$v => $en),* } }
        }
    };
}

codes! {
    /// An avatar's colour: the Okabe–Ito palette, whose eight colours stay apart for the
    /// common kinds of colour blindness. The animal tells participants apart as well, so no
    /// one depends on the colour alone.
    AvatarColour {
        /// #E69F00
        Orange = "orange", "oranje", "orange";
        /// #56B4E9
        SkyBlue = "sky_blue", "lichtblauw", "sky blue";
        /// #009E73
        BluishGreen = "bluish_green", "groen", "green";
        /// #F0E442
        Yellow = "yellow", "geel", "yellow";
        /// #0072B2
        Blue = "blue", "donkerblauw", "dark blue";
        /// #D55E00
        Vermillion = "vermillion", "rood", "red";
        /// #CC79A7
        ReddishPurple = "reddish_purple", "roze", "pink";
        /// #000000
        Black = "black", "zwart", "black";
    }
}

impl AvatarColour {
    /// The colour as CSS hex.
    pub fn hex(self) -> &'static str {
        match self {
            Self::Orange => "#E69F00",
            Self::SkyBlue => "#56B4E9",
            Self::BluishGreen => "#009E73",
            Self::Yellow => "#F0E442",
            Self::Blue => "#0072B2",
            Self::Vermillion => "#D55E00",
            Self::ReddishPurple => "#CC79A7",
            Self::Black => "#000000",
        }
    }

    /// Whether text or a drawn line on this colour should be dark (for contrast).
    pub fn is_light(self) -> bool {
        matches!(
            self,
            Self::Orange | Self::SkyBlue | Self::Yellow | Self::ReddishPurple
        )
    }
}

codes! {
    /// An avatar's animal: eight animals whose outlines differ (ears, shell, trunk, fins,
    /// wings), so a child who cannot read or tell the colours apart still finds their own.
    Animal {
        /// Kat.
        Cat = "cat", "kat", "cat";
        /// Hond.
        Dog = "dog", "hond", "dog";
        /// Vis.
        Fish = "fish", "vis", "fish";
        /// Vogel.
        Bird = "bird", "vogel", "bird";
        /// Konijn.
        Rabbit = "rabbit", "konijn", "rabbit";
        /// Schildpad.
        Turtle = "turtle", "schildpad", "turtle";
        /// Olifant.
        Elephant = "elephant", "olifant", "elephant";
        /// Uil.
        Owl = "owl", "uil", "owl";
    }
}

codes! {
    /// What a *naaste* is to the client, the only thing the work says about them.
    RelativeRole {
        /// Ouder (or carer).
        Parent = "ouder", "ouder", "parent";
        /// Broer of zus.
        Sibling = "broer_of_zus", "broer of zus", "brother or sister";
        /// Another close person (grandparent, foster sibling, ...).
        Other = "andere_naaste", "andere naaste", "other close person";
    }
}

/// How a participant shows on screen: a colour and an animal (*dier en kleur*), never a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Avatar {
    /// The colour.
    pub colour: AvatarColour,
    /// The animal.
    pub animal: Animal,
}

impl Avatar {
    /// "oranje kat": for a screen reader, never shown as the avatar itself.
    pub fn label_nl(self) -> String {
        format!("{} {}", self.colour.label_nl(), self.animal.label_nl())
    }

    /// "orange cat".
    pub fn label_en(self) -> String {
        format!("{} {}", self.colour.label_en(), self.animal.label_en())
    }
}

/// Who a participant is: a client of the therapist, or a *naaste* named only by their role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    /// The client, for a client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<Uuid>,
    /// The role, for a *naaste*.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative: Option<RelativeRole>,
}

impl Member {
    /// A client.
    pub fn client(id: Uuid) -> Self {
        Self {
            client_id: Some(id),
            relative: None,
        }
    }

    /// A *naaste*.
    pub fn relative(role: RelativeRole) -> Self {
        Self {
            client_id: None,
            relative: Some(role),
        }
    }

    fn check(&self) -> Result<(), ValidationError> {
        match (self.client_id, self.relative) {
            (Some(_), None) | (None, Some(_)) => Ok(()),
            _ => Err(ValidationError::Group(
                "een deelnemer is een cliënt of een naaste (niet allebei, niet geen van beide)",
            )),
        }
    }
}

/// Checks a group's members (`lead` among them): 2–8, each client once, and a family session
/// (with a *naaste*) has exactly one client.
pub fn check_members<'a>(
    lead: Uuid,
    members: impl ExactSizeIterator<Item = &'a Member> + Clone,
) -> Result<(), ValidationError> {
    let n = members.len();
    if !(MIN_PARTICIPANTS..=MAX_PARTICIPANTS).contains(&n) {
        return Err(ValidationError::GroupSize { n });
    }
    let mut clients = HashSet::new();
    let mut relatives = 0;
    for m in members {
        m.check()?;
        match m.client_id {
            Some(c) if !clients.insert(c) => {
                return Err(ValidationError::Group(
                    "een cliënt staat twee keer in de groep",
                ));
            }
            Some(_) => {}
            None => relatives += 1,
        }
    }
    if !clients.contains(&lead) {
        return Err(ValidationError::Group(
            "de cliënt van de sessie doet zelf niet mee",
        ));
    }
    if relatives > 0 && clients.len() > 1 {
        return Err(ValidationError::Group(
            "in een gezinssessie doet één cliënt mee, met zijn of haar naasten",
        ));
    }
    Ok(())
}

/// One participant of a group artefact: who, and the avatar they picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participant {
    /// Who.
    pub member: Member,
    /// How they show on screen.
    pub avatar: Avatar,
}

/// Checks an artefact's participants: the members as [`check_members`], and no two with the
/// same colour or the same animal (each child must find their own at a glance).
pub fn check_participants(lead: Uuid, list: &[Participant]) -> Result<(), ValidationError> {
    check_members(lead, list.iter().map(|p| &p.member))?;
    let mut colours = HashSet::new();
    let mut animals = HashSet::new();
    for p in list {
        if !colours.insert(p.avatar.colour) {
            return Err(ValidationError::Group(
                "twee deelnemers hebben dezelfde kleur; ieder kiest een eigen kleur",
            ));
        }
        if !animals.insert(p.avatar.animal) {
            return Err(ValidationError::Group(
                "twee deelnemers hebben hetzelfde dier; ieder kiest een eigen dier",
            ));
        }
    }
    Ok(())
}

/// The group's part of a work form's record, kept under [`GroupPlay::FIELD`] in the
/// metadata: who made which stroke, who gave which rating. (Music events carry their player
/// in the recording itself.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupPlay {
    /// For a drawing: the player of each stroke, in the order of `strokes.bin` (undone ones
    /// included).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stroke_players: Vec<u8>,
    /// For an exercise: each child's own spanningsthermometer before and after.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<PlayerRating>,
}

/// One child's tension before and after a group exercise (0–10; `None` when skipped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerRating {
    /// The child's place in the participant list.
    pub player: u8,
    /// Before the exercise.
    pub before: Option<u8>,
    /// After it.
    pub after: Option<u8>,
}

impl GroupPlay {
    /// The metadata key.
    pub const FIELD: &'static str = "group";

    /// Reads the group part of `metadata`, if it has one.
    pub fn read(metadata: &serde_json::Value) -> Result<Option<Self>, ValidationError> {
        metadata
            .get(Self::FIELD)
            .map(|v| {
                serde_json::from_value(v.clone()).map_err(|e| ValidationError::Unreadable {
                    record: "de groep",
                    reason: e.to_string(),
                })
            })
            .transpose()
    }

    /// Checks that every player is one of `participants` and every rating lies in 0–10,
    /// with one rating per player.
    pub fn validate(&self, participants: usize) -> Result<(), ValidationError> {
        let max = participants as i64 - 1;
        let player = |p: u8| crate::record::in_range("Het nummer van de deelnemer", p, 0, max);
        for &p in &self.stroke_players {
            player(p)?;
        }
        let mut seen = HashSet::new();
        for r in &self.ratings {
            player(r.player)?;
            if !seen.insert(r.player) {
                return Err(ValidationError::Group(
                    "een deelnemer heeft twee spanningsthermometers",
                ));
            }
            for v in [r.before, r.after].into_iter().flatten() {
                crate::record::in_range("De spanning", v, 0, 10)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "group_tests.rs"]
mod tests;
