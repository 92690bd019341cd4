//! The texts of group and family sessions: starting one, the avatar picker, the docks on the
//! paper and "mijn deel" in the review. The children's own screens use pictures, not these
//! words; the words are for the therapist and for a screen reader.

use super::texts;

texts! {
    /// The texts of groups.
    GroupTexts, GROUP_NL, GROUP_EN {
        group_title: ("Groepssessie", "Group session"),
        group_intro: (
            "Kies 2 tot 8 cliënten die samen met één tablet werken. Op het scherm is ieder kind een dier en een kleur, nooit een naam.",
            "Pick 2 to 8 clients working together on one tablet. On screen each child is an animal and a colour, never a name.",
        ),
        group_start: ("Groepssessie starten", "Start group session"),
        group_pick_more: ("Kies minstens twee cliënten.", "Pick at least two clients."),
        group_too_many: ("Hoogstens 8 deelnemers.", "At most 8 participants."),
        family_title: ("Gezinssessie", "Family session"),
        family_intro: (
            "Werk samen met naasten (ouder, broer of zus). Zij krijgen ook een dier en een kleur; wat ze maken hoort bij deze cliënt.",
            "Work together with close family (parent, sibling). They also get an animal and a colour; what they make belongs to this client.",
        ),
        family_add: ("Naaste toevoegen", "Add close person"),
        family_start: ("Gezinssessie starten", "Start family session"),
        family_remove: ("Weghalen", "Remove"),
        family_none: ("Voeg minstens één naaste toe.", "Add at least one close person."),
        session_group: ("Groepssessie", "Group session"),
        session_family: ("Gezinssessie", "Family session"),
        participants: ("deelnemers", "participants"),
        pick_avatars: ("Dieren en kleuren kiezen", "Pick animals and colours"),
        picker_title: ("Kies je dier en je kleur", "Pick your animal and your colour"),
        picker_turn: ("Deelnemer", "Participant"),
        picker_of: ("van", "of"),
        picker_colour: ("Kleur", "Colour"),
        picker_animal: ("Dier", "Animal"),
        picker_next: ("Volgende", "Next"),
        picker_done: ("Klaar", "Done"),
        picker_taken: ("al gekozen", "already taken"),
        picker_chosen: ("gekozen", "chosen"),
        dock_hint: (
            "Begin op je eigen dier en veeg het papier op.",
            "Start on your own animal and swipe onto the paper.",
        ),
        dock_label: ("Tekenen als", "Draw as"),
        undo_mine: ("Mijn laatste streep terug", "Undo my last stroke"),
        no_avatars: (
            "Kies eerst voor iedereen een dier en een kleur.",
            "First pick an animal and a colour for everyone.",
        ),
        mine: ("Mijn deel", "My part"),
        mine_hint: ("Laat het deel van deze cliënt zien; de rest wordt lichter.", "Show this client's part; the rest is dimmed."),
        made_with: ("Samen gemaakt met", "Made together with"),
        you: ("deze cliënt", "this client"),
        another_child: ("een ander kind", "another child"),
        turn_of: ("Aan de beurt", "Whose turn"),
        pass: ("Beurt doorgeven", "Pass the turn"),
        turn_seconds: ("seconden", "seconds"),
    }
}
