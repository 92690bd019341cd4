//! The texts of the outbox (*nog te versturen*): where a save stands (on this tablet, or sent
//! to the server), how many wait, the warning before logging out or leaving a session with
//! items not yet sent, and the warning when one waits long.

use super::texts;

texts! {
    /// The texts of the outbox.
    OutboxTexts, OUTBOX_NL, OUTBOX_EN {
        on_tablet: ("Opgeslagen op deze tablet", "Saved on this tablet"),
        not_sent_yet: ("nog niet verstuurd", "not sent yet"),
        sent: ("Verstuurd naar de server", "Sent to the server"),
        refused: ("De server nam het niet aan", "The server did not accept it"),
        all_sent: ("Alles is verstuurd naar de server.", "Everything has been sent to the server."),
        waiting_one: ("werkstuk nog te versturen", "piece of work still to send"),
        waiting_many: ("werkstukken nog te versturen", "pieces of work still to send"),
        waiting_where: (
            "Ze staan veilig op deze tablet en gaan vanzelf zodra er verbinding is.",
            "They are safe on this tablet and go by themselves once there is a connection.",
        ),
        needs_login: (
            "Je inlog is verlopen: log opnieuw in om ze te versturen.",
            "Your login has expired: log in again to send them.",
        ),
        stale_since: ("Het oudste wacht al sinds", "The oldest has been waiting since"),
        stale_hint: (
            "Zorg dat deze tablet verbinding krijgt met de server: een browser kan werk dat lang op een tablet staat wissen.",
            "Get this tablet connected to the server: a browser may erase work that stays on a tablet for long.",
        ),
        warn_title: ("Nog niet alles is verstuurd", "Not everything has been sent"),
        warn_logout: (
            "Ze blijven op deze tablet bewaard en worden verstuurd zodra jij weer inlogt. Niemand anders ziet ze.",
            "They stay on this tablet and are sent once you log in again. Nobody else sees them.",
        ),
        warn_leave: (
            "Ze blijven op deze tablet bewaard en gaan vanzelf zodra er verbinding is.",
            "They stay on this tablet and go by themselves once there is a connection.",
        ),
        logout_anyway: ("Toch uitloggen", "Log out anyway"),
        leave_anyway: ("Toch verlaten", "Leave anyway"),
        stay: ("Blijven", "Stay"),
    }
}
