//! The texts of the app shell: a new version waiting (the service worker), and starting
//! without the server.

use super::texts;

texts! {
    /// The texts of the app shell.
    PwaTexts, PWA_NL, PWA_EN {
        update_ready: ("Nieuwe versie klaar", "New version ready"),
        update_hint: (
            "Overstappen kan wanneer het jou uitkomt, tussen twee sessies. Tot dan werkt deze versie gewoon door.",
            "Switch whenever it suits you, between two sessions. Until then this version keeps working.",
        ),
        update_now: ("Nu overstappen", "Switch now"),
        offline_login: (
            "Geen verbinding met de server. Inloggen kan weer zodra de tablet verbinding heeft.",
            "No connection to the server. You can log in again as soon as the tablet is connected.",
        ),
    }
}
