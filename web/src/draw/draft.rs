//! What the drawing keeps on this tablet as work in progress (`crate::outbox::drafts`): the
//! encoded strokes and, in a group, who takes part (with the avatars they picked) and who drew
//! each stroke. The tab keeps its group in session storage, which a crashed tab does not get
//! back; with the group in the draft a restored drawing is the same group drawing, each stroke
//! still its child's. The draft goes with the other drafts at logout.
//!
//! Layout: a solo drawing is the ink encoding itself (as before, so older drafts still read);
//! a group drawing is `"SRG1"`, the group as JSON with its length (u32 LE) before it, then the
//! ink encoding.

use serde::{Deserialize, Serialize};
use speelruimte_ink::Drawing;
use speelruimte_model::Participant;

const GROUP_MAGIC: &[u8; 4] = b"SRG1";

/// A group drawing's people: who takes part and who drew each stroke (by participant).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptGroup {
    pub participants: Vec<Participant>,
    pub players: Vec<u8>,
}

/// The draft's bytes.
pub fn to_bytes(drawing: &Drawing, group: Option<&KeptGroup>) -> Vec<u8> {
    let ink = speelruimte_ink::encode(drawing);
    let Some(json) = group.and_then(|g| serde_json::to_vec(g).ok()) else {
        return ink;
    };
    let mut out = Vec::with_capacity(8 + json.len() + ink.len());
    out.extend_from_slice(GROUP_MAGIC);
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(&json);
    out.extend_from_slice(&ink);
    out
}

/// Reads a draft; `None` for bytes that are not one (they are left as they are, not guessed at).
pub fn from_bytes(bytes: &[u8]) -> Option<(Drawing, Option<KeptGroup>)> {
    let Some(rest) = bytes.strip_prefix(GROUP_MAGIC) else {
        return Some((speelruimte_ink::decode(bytes).ok()?, None));
    };
    let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let json = rest.get(4..4 + len)?;
    let group: KeptGroup = serde_json::from_slice(json).ok()?;
    let drawing = speelruimte_ink::decode(rest.get(4 + len..)?).ok()?;
    Some((drawing, Some(group)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use speelruimte_ink::{Brush, BrushStyle, Event, InputPoint, Rgba, Stroke};
    use speelruimte_model::{Animal, Avatar, AvatarColour, Member, RelativeRole};
    use uuid::Uuid;

    fn drawing(strokes: usize) -> Drawing {
        let mut d = Drawing::new(800.0, 600.0);
        for i in 0..strokes {
            d.push(Event::Stroke(Stroke {
                style: BrushStyle {
                    brush: Brush::Marker,
                    size: 6.0,
                    color: Rgba::rgb(0, 0, 0),
                },
                points: vec![
                    InputPoint::at(i as f32, 0.0, 0.0),
                    InputPoint::at(i as f32, 9.0, 8.0),
                ],
            }));
        }
        d
    }

    #[test]
    fn a_group_drawing_comes_back_with_its_people_and_who_drew_what() {
        let group = KeptGroup {
            participants: vec![
                Participant {
                    member: Member::client(Uuid::from_u128(7)),
                    avatar: Avatar {
                        colour: AvatarColour::ALL[0],
                        animal: Animal::ALL[0],
                    },
                },
                Participant {
                    member: Member::relative(RelativeRole::Parent),
                    avatar: Avatar {
                        colour: AvatarColour::ALL[1],
                        animal: Animal::ALL[1],
                    },
                },
            ],
            players: vec![1, 0, 1],
        };
        let d = drawing(3);
        let (back, kept) = from_bytes(&to_bytes(&d, Some(&group))).unwrap();
        assert_eq!(kept, Some(group));
        assert_eq!(speelruimte_ink::encode(&back), speelruimte_ink::encode(&d));
    }

    #[test]
    fn a_solo_draft_is_the_ink_encoding_as_before() {
        let d = drawing(2);
        let bytes = to_bytes(&d, None);
        assert_eq!(bytes, speelruimte_ink::encode(&d));
        assert_eq!(from_bytes(&bytes).unwrap().1, None);
    }

    #[test]
    fn a_cut_off_group_draft_is_not_read_as_anything() {
        let group = KeptGroup {
            participants: Vec::new(),
            players: vec![0],
        };
        let bytes = to_bytes(&drawing(1), Some(&group));
        for n in 0..bytes.len() {
            assert!(from_bytes(&bytes[..n]).is_none(), "cut at {n}");
        }
    }
}
