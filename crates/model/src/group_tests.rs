use super::*;
use crate::ArtefactUpload;
use serde_json::json;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn child(n: u128, colour: AvatarColour, animal: Animal) -> Participant {
    Participant {
        member: Member::client(id(n)),
        avatar: Avatar { colour, animal },
    }
}

fn two_children() -> Vec<Participant> {
    vec![
        child(1, AvatarColour::Orange, Animal::Cat),
        child(2, AvatarColour::Blue, Animal::Owl),
    ]
}

fn upload(participants: Vec<Participant>, metadata: serde_json::Value) -> ArtefactUpload {
    let mut u: ArtefactUpload = serde_json::from_value(json!({
        "kind": "drawing",
        "client_id": id(1),
        "created_at": "2026-12-03T10:00:00Z",
        "metadata": metadata,
    }))
    .unwrap();
    u.participants = participants;
    u
}

#[test]
fn the_palette_has_eight_distinct_colours_and_eight_animals() {
    let hexes: HashSet<_> = AvatarColour::ALL.iter().map(|c| c.hex()).collect();
    assert_eq!(hexes.len(), MAX_PARTICIPANTS);
    assert_eq!(Animal::ALL.len(), MAX_PARTICIPANTS);
    for a in Animal::ALL {
        assert_eq!(Animal::from_code(a.code()), Some(*a));
        assert!(!a.label_en().is_empty());
    }
}

#[test]
fn an_avatar_travels_as_two_codes() {
    let a = Avatar {
        colour: AvatarColour::SkyBlue,
        animal: Animal::Turtle,
    };
    let v = serde_json::to_value(a).unwrap();
    assert_eq!(v, json!({"colour": "sky_blue", "animal": "turtle"}));
    assert_eq!(a.label_nl(), "lichtblauw schildpad");
}

#[test]
fn a_naaste_is_written_by_role_only() {
    let v = serde_json::to_value(Member::relative(RelativeRole::Sibling)).unwrap();
    assert_eq!(v, json!({"relative": "broer_of_zus"}));
}

#[test]
fn two_children_with_their_own_avatars_make_a_group() {
    assert_eq!(check_participants(id(1), &two_children()), Ok(()));
}

#[test]
fn nine_children_are_too_many() {
    let list: Vec<_> = (0..9)
        .map(|i| {
            child(
                i + 1,
                AvatarColour::ALL[i as usize % 8],
                Animal::ALL[i as usize % 8],
            )
        })
        .collect();
    assert_eq!(
        check_participants(id(1), &list).unwrap_err().to_string(),
        "Een groep heeft 2 tot 8 deelnemers; nu zijn het er 9."
    );
}

#[test]
fn two_children_with_one_colour_are_refused() {
    let mut list = two_children();
    list[1].avatar.colour = AvatarColour::Orange;
    assert_eq!(
        check_participants(id(1), &list).unwrap_err().to_string(),
        "De groep klopt niet: twee deelnemers hebben dezelfde kleur; ieder kiest een eigen kleur."
    );
}

#[test]
fn two_children_with_one_animal_are_refused() {
    let mut list = two_children();
    list[1].avatar.animal = Animal::Cat;
    assert!(
        check_participants(id(1), &list)
            .unwrap_err()
            .to_string()
            .contains("hetzelfde dier")
    );
}

#[test]
fn a_group_without_its_own_client_is_refused() {
    assert_eq!(
        check_participants(id(3), &two_children())
            .unwrap_err()
            .to_string(),
        "De groep klopt niet: de cliënt van de sessie doet zelf niet mee."
    );
}

#[test]
fn a_family_session_has_one_client() {
    let mut list = two_children();
    list.push(Participant {
        member: Member::relative(RelativeRole::Parent),
        avatar: Avatar {
            colour: AvatarColour::Yellow,
            animal: Animal::Dog,
        },
    });
    assert!(
        check_participants(id(1), &list)
            .unwrap_err()
            .to_string()
            .contains("gezinssessie")
    );
    list.remove(1);
    assert_eq!(check_participants(id(1), &list), Ok(()));
}

#[test]
fn a_participant_that_is_both_client_and_naaste_is_refused() {
    let mut list = two_children();
    list[1].member.relative = Some(RelativeRole::Other);
    assert!(check_participants(id(1), &list).is_err());
}

#[test]
fn strokes_name_only_players_of_the_group() {
    let up = upload(
        two_children(),
        json!({"group": {"stroke_players": [0, 1, 1]}}),
    );
    assert_eq!(up.validate(), Ok(()));
    let up = upload(two_children(), json!({"group": {"stroke_players": [0, 2]}}));
    assert_eq!(
        up.validate().unwrap_err().to_string(),
        "Het nummer van de deelnemer moet tussen 0 en 1 liggen (nu 2)."
    );
}

#[test]
fn players_without_participants_are_refused() {
    let up = upload(vec![], json!({"group": {"stroke_players": [0]}}));
    assert!(
        up.validate()
            .unwrap_err()
            .to_string()
            .contains("geen deelnemers")
    );
}

#[test]
fn each_child_rates_once_between_0_and_10() {
    let r = |player, before| json!({"player": player, "before": before, "after": 3});
    let ok = upload(
        two_children(),
        json!({"group": {"ratings": [r(0, 7), r(1, 5)]}}),
    );
    assert_eq!(ok.validate(), Ok(()));
    let twice = upload(
        two_children(),
        json!({"group": {"ratings": [r(0, 7), r(0, 5)]}}),
    );
    assert!(twice.validate().unwrap_err().to_string().contains("twee"));
    let eleven = upload(two_children(), json!({"group": {"ratings": [r(1, 11)]}}));
    assert_eq!(
        eleven.validate().unwrap_err().to_string(),
        "De spanning moet tussen 0 en 10 liggen (nu 11)."
    );
}

#[test]
fn an_individual_upload_is_written_as_before() {
    let up = upload(vec![], json!({"note": "x"}));
    let v = serde_json::to_value(&up).unwrap();
    assert!(v.get("participants").is_none());
}
