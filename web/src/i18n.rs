//! Every string the app shows, in one place: Dutch first. An English table can be added next
//! to [`NL`] and chosen at start without touching the screens.

/// The texts of the app.
pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub loading: &'static str,
    pub logout: &'static str,
    pub back: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub retry: &'static str,
    pub no_connection: &'static str,

    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub setup_no_token: &'static str,
    pub setup_submit: &'static str,
    pub username: &'static str,
    pub display_name: &'static str,
    pub password: &'static str,
    pub password_again: &'static str,
    pub password_hint: &'static str,
    pub password_mismatch: &'static str,
    pub password_too_short: &'static str,

    pub login_title: &'static str,
    pub login_submit: &'static str,

    pub clients_title: &'static str,
    pub clients_empty: &'static str,
    pub client_add: &'static str,
    pub client_label: &'static str,
    pub client_label_hint: &'static str,
    pub birth_year: &'static str,
    pub discipline: &'static str,
    pub invite_colleague: &'static str,
    pub invite_intro: &'static str,

    pub goals_title: &'static str,
    pub goals_empty: &'static str,
    pub goal_add: &'static str,
    pub goal_domain: &'static str,
    pub goal_title: &'static str,
    pub goal_title_hint: &'static str,
    pub subgoals: &'static str,
    pub subgoals_hint: &'static str,

    pub sessions_title: &'static str,
    pub sessions_empty: &'static str,
    pub session_start: &'static str,
    pub session_title: &'static str,
    pub choose_work_form: &'static str,
    pub review_open: &'static str,

    pub wf_drawing: &'static str,
    pub wf_drawing_text: &'static str,
    pub wf_music: &'static str,
    pub wf_exercise: &'static str,
    pub wf_exercise_text: &'static str,
    pub wf_later: &'static str,

    pub draw_undo: &'static str,
    pub draw_clear: &'static str,
    pub draw_clear_confirm: &'static str,
    pub draw_link_goals: &'static str,
    pub draw_no_goals: &'static str,
    pub draw_empty: &'static str,
    pub draw_saving: &'static str,
    pub draw_saved: &'static str,
    pub draw_not_saved: &'static str,
    pub draw_unsaved_changes: &'static str,
    pub draw_size: &'static str,
    pub draw_colour: &'static str,

    pub review_title: &'static str,
    pub review_empty: &'static str,
    pub review_without_goal: &'static str,
    pub review_nothing_for_goal: &'static str,
    pub not_found: &'static str,
}

/// Dutch, the app's first language.
pub static NL: Texts = Texts {
    app_name: "Speelruimte",
    tagline: "Werkvormen voor vaktherapie",
    loading: "Even laden…",
    logout: "Uitloggen",
    back: "Terug",
    save: "Opslaan",
    cancel: "Annuleren",
    retry: "Opnieuw proberen",
    no_connection: "Geen verbinding met de server. Er is niets verloren gegaan; probeer het zo opnieuw.",

    setup_title: "Eerste account aanmaken",
    setup_intro: "Welkom bij Speelruimte. Maak je eigen account als vaktherapeut. Er bestaat geen standaardwachtwoord: alleen wie deze link heeft, kan dit doen, en maar één keer.",
    setup_no_token: "Deze pagina werkt alleen met de setup-link die de server bij de eerste start liet zien, of met een uitnodiging van een collega.",
    setup_submit: "Account aanmaken",
    username: "Gebruikersnaam",
    display_name: "Je naam (zoals collega's je kennen)",
    password: "Wachtwoord",
    password_again: "Wachtwoord nog een keer",
    password_hint: "Minstens 12 tekens. Een zin van een paar woorden werkt goed.",
    password_mismatch: "De twee wachtwoorden zijn niet gelijk.",
    password_too_short: "Het wachtwoord moet minstens 12 tekens zijn.",

    login_title: "Inloggen",
    login_submit: "Inloggen",

    clients_title: "Cliënten",
    clients_empty: "Nog geen cliënten. Voeg hieronder je eerste cliënt toe.",
    client_add: "Cliënt toevoegen",
    client_label: "Label",
    client_label_hint: "Gebruik een pseudoniem (bijv. Vos-12), geen echte naam.",
    birth_year: "Geboortejaar",
    discipline: "Discipline",
    invite_colleague: "Collega uitnodigen",
    invite_intro: "Stuur deze link aan je collega. Hij werkt één keer en 7 dagen lang.",

    goals_title: "Behandeldoelen",
    goals_empty: "Nog geen behandeldoelen.",
    goal_add: "Doel toevoegen",
    goal_domain: "Doelgebied",
    goal_title: "Doel",
    goal_title_hint: "Het liefst in de woorden van de cliënt.",
    subgoals: "Subdoelen",
    subgoals_hint: "Eén subdoel per regel (mag leeg blijven).",

    sessions_title: "Sessies",
    sessions_empty: "Nog geen sessies.",
    session_start: "Sessie starten",
    session_title: "Sessie",
    choose_work_form: "Kies een werkvorm",
    review_open: "Werkstukken bekijken",

    wf_drawing: "Tekenen",
    wf_drawing_text: "Beeldend werken met pen of vinger",
    wf_music: "Ritme en klank",
    wf_exercise: "Spanning reguleren",
    wf_exercise_text: "Ademen, ontspannen, gronden — met spanningsthermometer",
    wf_later: "Komt binnenkort",

    draw_undo: "Ongedaan maken",
    draw_clear: "Alles wissen",
    draw_clear_confirm: "Weet je zeker dat je de hele tekening wilt wissen?",
    draw_link_goals: "Koppel aan behandeldoel",
    draw_no_goals: "Deze cliënt heeft nog geen behandeldoelen.",
    draw_empty: "Teken eerst iets.",
    draw_saving: "Bezig met opslaan…",
    draw_saved: "Opgeslagen",
    draw_not_saved: "Niet opgeslagen",
    draw_unsaved_changes: "Nog niet opgeslagen",
    draw_size: "Dikte",
    draw_colour: "Kleur",

    review_title: "Evaluatie: werkstukken per doel",
    review_empty: "Nog geen werkstukken opgeslagen.",
    review_without_goal: "Niet aan een doel gekoppeld",
    review_nothing_for_goal: "Nog geen werkstukken bij dit doel.",
    not_found: "Deze pagina bestaat niet.",
};

/// The texts in use.
pub fn t() -> &'static Texts {
    &NL
}

/// Declares a table of texts and its Dutch contents in one go, so a string is written once.
macro_rules! texts {
    ($(#[$doc:meta])* $name:ident, $table:ident { $($field:ident: $nl:expr,)* }) => {
        $(#[$doc])*
        pub struct $name { $(pub $field: &'static str,)* }
        /// Dutch.
        pub static $table: $name = $name { $($field: $nl,)* };
    };
}

texts! {
    /// The texts of the *spanning reguleren* work form.
    ExerciseTexts, EXERCISE_NL {
        title: "Spanning reguleren",
        for_whom: "Voor wie",
        adult: "Volwassene",
        child: "Kind",
        choose: "Kies een oefening",
        breathing: "Ademhaling",
        relaxation: "Spierontspanning",
        grounding: "Grounding",
        own: "Eigen oefeningen",
        per_minute: "ademhalingen per minuut",
        visual: "Weergave",
        circle: "Cirkel",
        balloon: "Ballon",
        wave: "Golf",
        animal: "Beer",
        calm: "Rustig (zonder beweging)",
        reduced_note: "Dit apparaat vraagt om minder beweging; de rustige weergave staat aan.",
        sound: "Geluid bij elke fase",
        vibrate: "Trillen",
        speech: "Gesproken begeleiding",
        next_to_rating: "Verder",
        before_q_adult: "Hoe gespannen voel je je nu?",
        before_q_child: "Hoe voel je je nu?",
        after_q_adult: "En hoe gespannen voel je je nu, na de oefening?",
        after_q_child: "Hoe voel je je nu?",
        where_adult: "Waar in je lichaam voel je het? (tik aan, mag meer dan één)",
        where_child: "Waar in je lijf voel je het?",
        not_rated: "Nog niet gekozen",
        skip: "Overslaan",
        start: "Begin de oefening",
        pause: "Pauze",
        resume: "Verder",
        next: "Volgende",
        stop: "Stoppen",
        stop_confirm: "De oefening stoppen? Wat tot nu toe gedaan is, blijft bewaard.",
        round: "Ronde",
        of: "van",
        left: "nog",
        soon: "Straks",
        paused: "Gepauzeerd",
        tap_each: "Tik een bolletje aan bij alles wat je noemt.",
        done: "Klaar",
        done_early: "Gestopt",
        ran_for: "Duurde",
        minutes: "min",
        again: "Nog een oefening",
        save_first: "Kies eerst hoe gespannen de cliënt zich voelt, of sla het over.",
        before: "voor",
        after: "na",
        over_sessions: "Spanningsthermometer over de sessies",
        places: "Plekken",
        interrupted: "onderbroken",
        no_change: "geen verschil",
        calmer: "rustiger",
        tenser: "gespannener",
        make_own: "Eigen oefening maken",
        own_title: "Naam van de oefening",
        own_kind: "Soort",
        own_phase: "Fase",
        own_seconds: "Seconden",
        own_text: "Wat de cliënt hoort of leest",
        own_add_phase: "Fase toevoegen",
        own_remove_phase: "Fase weghalen",
        own_repetitions: "Herhalingen",
        own_save: "Oefening bewaren",
        own_delete: "Verwijderen",
        own_none: "Nog geen eigen oefeningen voor deze cliënt.",
        slider_label: "Spanning van 0 tot 10",
    }
}

/// The texts of the *spanning reguleren* work form in use.
pub fn tx() -> &'static ExerciseTexts {
    &EXERCISE_NL
}
