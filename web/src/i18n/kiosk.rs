//! The texts of kindermodus: starting it from the session screen, the PIN the therapist sets,
//! the discreet corner, the PIN pad and the calm "bijna klaar" cue.

use super::texts;

texts! {
    /// The texts of kindermodus.
    KioskTexts, KIOSK_NL, KIOSK_EN {
        heading: ("Kindermodus", "Child mode"),
        intro: (
            "Geef de tablet aan de cliënt met één werkvorm, schermvullend en zonder weg terug. Alleen jij komt er weer uit: houd de hoek linksboven 2 seconden vast en typ je pincode.",
            "Hand the tablet to the client with one work form, full screen and with no way back. Only you can leave it: hold the top-left corner for 2 seconds and type your PIN.",
        ),
        start: ("Start voor de cliënt", "Start for the client"),
        minutes_label: ("Tijd voor de cliënt", "Time for the client"),
        no_time: ("Geen tijdslimiet", "No time limit"),
        minutes: ("minuten", "minutes"),
        time_note: (
            "Tegen het einde verschijnt rustig \"bijna klaar\"; er gaat niets verloren en niets wordt afgebroken.",
            "Near the end a calm \"almost done\" appears; nothing is lost and nothing is cut off.",
        ),
        pin_title: ("Pincode voor de kindermodus", "PIN for child mode"),
        pin_needed: (
            "Stel eerst een pincode in (4 tot 8 cijfers). Daarmee beëindig je de kindermodus. Kies een andere code dan de pincode van je telefoon.",
            "First set a PIN (4 to 8 digits). You use it to leave child mode. Choose a different code from your phone's PIN.",
        ),
        pin_change: ("Pincode wijzigen", "Change PIN"),
        pin_new: ("Nieuwe pincode (4 tot 8 cijfers)", "New PIN (4 to 8 digits)"),
        pin_again: ("Pincode nog een keer", "PIN again"),
        pin_save: ("Pincode bewaren", "Save PIN"),
        pin_saved: ("De pincode is bewaard.", "The PIN has been saved."),
        pin_mismatch: ("De twee pincodes zijn niet gelijk; typ ze opnieuw.", "The two PINs differ; please type them again."),
        pin_format: ("Een pincode is 4 tot 8 cijfers, alleen cijfers.", "A PIN is 4 to 8 digits, digits only."),
        corner: ("Kindermodus beëindigen: 2 seconden vasthouden", "Leave child mode: hold for 2 seconds"),
        pad_title: ("Pincode van de therapeut", "Therapist's PIN"),
        pad_back: ("Terug naar de werkvorm", "Back to the work form"),
        pad_erase: ("Wis", "Erase"),
        pad_ok: ("OK", "Enter"),
        pad_digits: ("cijfers getypt", "digits typed"),
        pad_checking: ("Even kijken…", "Checking…"),
        pad_wrong: ("Die pincode klopt niet. De werkvorm blijft open.", "That PIN is not right. The work form stays open."),
        pad_wait: ("Even wachten, dan kan het opnieuw over", "Please wait; you can try again in"),
        seconds: ("seconden", "seconds"),
        pad_blocked: (
            "Te vaak een verkeerde pincode. Beëindig de kindermodus met je wachtwoord.",
            "Too many wrong PINs. Leave child mode with your password.",
        ),
        password_label: ("Wachtwoord van de therapeut", "Therapist's password"),
        password_submit: ("Beëindigen met wachtwoord", "Leave with password"),
        almost_done: ("Bijna klaar", "Almost done"),
        time_up: ("De tijd is om — maak het rustig af", "Time is up — finish calmly"),
        locked_title: ("Kindermodus", "Child mode"),
    }
}
