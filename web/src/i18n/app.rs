//! The texts of the app's own screens: login, clients, goals, sessions, drawing, review.

use super::texts;

texts! {
    /// The texts of the app.
    Texts, NL, EN {
        app_name: ("Speelruimte", "Speelruimte"),
        tagline: ("Werkvormen voor vaktherapie", "Work forms for arts and psychomotor therapies"),
        loading: ("Even laden…", "Loading…"),
        logout: ("Uitloggen", "Log out"),
        back: ("Terug", "Back"),
        // The save button of every work form.
        save: ("Opslaan", "Save"),
        cancel: ("Annuleren", "Cancel"),
        close: ("Sluiten", "Close"),
        retry: ("Opnieuw proberen", "Try again"),
        no_connection: (
            "Geen verbinding met de server. Er is niets verloren gegaan; probeer het zo opnieuw.",
            "No connection to the server. Nothing has been lost; please try again in a moment.",
        ),

        setup_title: ("Eerste account aanmaken", "Create the first account"),
        setup_intro: (
            "Welkom bij Speelruimte. Maak je eigen account als vaktherapeut. Er bestaat geen standaardwachtwoord: alleen wie deze link heeft, kan dit doen, en maar één keer.",
            "Welcome to Speelruimte. Create your own therapist account. There is no default password: only someone with this link can do this, and only once.",
        ),
        setup_no_token: (
            "Deze pagina werkt alleen met de setup-link die de server bij de eerste start liet zien, of met een uitnodiging van een collega.",
            "This page only works with the set-up link the server showed when it first started, or with an invitation from a colleague.",
        ),
        setup_submit: ("Account aanmaken", "Create account"),
        username: ("Gebruikersnaam", "Username"),
        display_name: ("Je naam (zoals collega's je kennen)", "Your name (as colleagues know you)"),
        password: ("Wachtwoord", "Password"),
        password_again: ("Wachtwoord nog een keer", "Password again"),
        password_hint: (
            "Minstens 12 tekens. Een zin van een paar woorden werkt goed.",
            "At least 12 characters. A phrase of a few words works well.",
        ),
        password_mismatch: ("De twee wachtwoorden zijn niet gelijk.", "The two passwords do not match."),
        password_too_short: (
            "Het wachtwoord moet minstens 12 tekens zijn.",
            "The password must be at least 12 characters.",
        ),

        login_title: ("Inloggen", "Log in"),
        login_submit: ("Inloggen", "Log in"),

        clients_title: ("Cliënten", "Clients"),
        clients_empty: (
            "Nog geen cliënten. Voeg hieronder je eerste cliënt toe.",
            "No clients yet. Add your first client below.",
        ),
        client_add: ("Cliënt toevoegen", "Add client"),
        client_label: ("Label", "Label"),
        client_label_hint: (
            "Gebruik een pseudoniem (bijv. Vos-12), geen echte naam.",
            "Use a pseudonym (e.g. Fox-12), not a real name.",
        ),
        birth_year: ("Geboortejaar", "Year of birth"),
        birth_year_invalid: (
            "Vul een geboortejaar in, bijvoorbeeld 2016.",
            "Enter a year of birth, for example 2016.",
        ),
        years_old: ("jaar", "years old"),
        born_in: ("geboren in", "born in"),
        discipline: ("Discipline", "Discipline"),
        invite_colleague: ("Collega uitnodigen", "Invite a colleague"),
        invite_link: ("Uitnodigingslink", "Invitation link"),
        invite_intro: (
            "Stuur deze link aan je collega. Hij werkt één keer en 7 dagen lang.",
            "Send this link to your colleague. It works once and for 7 days.",
        ),

        goals_title: ("Behandeldoelen", "Treatment goals"),
        goals_empty: ("Nog geen behandeldoelen.", "No treatment goals yet."),
        goal_add: ("Doel toevoegen", "Add goal"),
        goal_domain: ("Doelgebied", "Goal area"),
        goal_title: ("Doel", "Goal"),
        goal_title_hint: ("Het liefst in de woorden van de cliënt.", "Ideally in the client's own words."),
        subgoals: ("Subdoelen", "Sub-goals"),
        subgoals_hint: (
            "Eén subdoel per regel (mag leeg blijven).",
            "One sub-goal per line (may be left empty).",
        ),

        sessions_title: ("Sessies", "Sessions"),
        sessions_empty: ("Nog geen sessies.", "No sessions yet."),
        session_start: ("Sessie starten", "Start session"),
        session_title: ("Sessie", "Session"),
        choose_work_form: ("Kies een werkvorm", "Choose a work form"),
        review_open: ("Werkstukken bekijken", "View work"),

        wf_drawing: ("Tekenen", "Drawing"),
        wf_drawing_text: ("Beeldend werken met pen of vinger", "Art work with pen or finger"),
        wf_music: ("Ritme en klank", "Rhythm and sound"),
        wf_exercise: ("Spanning reguleren", "Regulating tension"),
        wf_exercise_text: (
            "Ademen, ontspannen, gronden — met spanningsthermometer",
            "Breathing, relaxing, grounding — with a tension thermometer",
        ),
        wf_later: ("Komt binnenkort", "Coming soon"),

        draw_undo: ("Ongedaan maken", "Undo"),
        draw_redo: ("opnieuw", "redo"),
        draw_back: ("terug", "undo"),
        draw_clear_short: ("wissen", "clear"),
        draw_clear: ("Alles wissen", "Clear all"),
        draw_clear_confirm: (
            "Weet je zeker dat je de hele tekening wilt wissen?",
            "Are you sure you want to clear the whole drawing?",
        ),
        draw_clear_keep: ("Niet wissen, terug naar de tekening", "Keep it, back to the drawing"),
        // Every work form (drawing, music, exercise) saves the same way: it links the work
        // to goals and shows its save status next to its save button (`save`).
        work_link_goals: ("Koppel aan behandeldoel", "Link to treatment goal"),
        work_no_goals: ("Deze cliënt heeft nog geen behandeldoelen.", "This client has no treatment goals yet."),
        save_status_saving: ("Bezig met opslaan…", "Saving…"),
        save_status_failed: ("Niet opgeslagen", "Not saved"),
        save_status_unsaved: ("Nog niet opgeslagen", "Not saved yet"),
        // The drawing's own words.
        draw_empty: ("Teken eerst iets.", "Draw something first."),
        draw_size: ("Dikte", "Size"),
        draw_colour: ("Kleur", "Colour"),
        draw_tools: ("Gereedschap", "Tools"),
        draw_brush: ("Kwast", "Brush"),
        // The brushes on their buttons; a soft hyphen where a long name may break on a
        // narrow button.
        brush_pencil: ("potlood", "pencil"),
        brush_marker: ("stift", "marker"),
        brush_watercolour: ("water\u{ad}verf", "water\u{ad}colour"),
        brush_crayon: ("krijt", "crayon"),
        brush_eraser: ("gum", "eraser"),
        draw_own_colour: ("eigen kleur", "own colour"),
        draw_paper: ("Papier", "Paper"),
        draw_paper_white: ("wit", "white"),
        draw_paper_drawing: ("tekenpapier", "cartridge paper"),
        draw_paper_black: ("zwart", "black"),
        draw_template: ("Sjabloon", "Template"),
        draw_template_blank: ("leeg", "blank"),
        draw_template_body: ("lichaam", "body"),
        draw_template_mandala: ("mandala", "mandala"),
        draw_template_htp: ("huis-boom-mens", "house-tree-person"),
        draw_pen_only: ("alleen pen", "pen only"),
        draw_fingers: ("vingers tekenen", "fingers draw"),
        draw_image_failed: (
            "De tekening kon niet als afbeelding worden gemaakt.",
            "The drawing could not be turned into an image.",
        ),
        draw_thumb_failed: ("De miniatuur kon niet worden gemaakt.", "The thumbnail could not be made."),

        replay_play: ("▶ afspelen", "▶ play"),
        replay_pause: ("❚❚ pauze", "❚❚ pause"),
        replay_skip_pauses: ("pauzes overslaan", "skip pauses"),
        drawing_alt: ("tekening", "drawing"),
        replay_not_kept: (
            "Het tekenproces is niet bewaard bij dit werkstuk",
            "How this drawing was made was not kept with it",
        ),
        replay_time: ("tijd in de tekening", "time in the drawing"),
        replay_none: ("geen", "none"),
        replay_at: ("bij", "at"),
        replay_average: ("gemiddeld", "average"),
        replay_spread: ("spreiding", "spread"),
        replay_no_pressure: (
            "niet gemeten (getekend zonder drukgevoelige pen)",
            "not measured (drawn without a pressure-sensitive pen)",
        ),
        replay_total: ("Totale duur", "Total time"),
        replay_drawing_pauses: ("Tekenen / pauzes", "Drawing / pauses"),
        replay_long_pauses: ("Lange pauzes (3 s of meer)", "Long pauses (3 s or more)"),
        replay_lines: ("Lijnen", "Lines"),
        replay_with_eraser: ("met de gum", "with the eraser"),
        replay_of_which: ("waarvan", "of which"),
        replay_undo_redo_clear: ("Ongedaan / opnieuw / gewist", "Undone / redone / cleared"),
        replay_pressure: ("Druk", "Pressure"),
        replay_tempo: ("Tempo", "Speed"),
        replay_area: ("Gebruikt deel van het blad", "Share of the page used"),
        replay_colours: ("Kleuren", "Colours"),
        replay_ink: ("inkt in de tijd", "ink over time"),
        replay_ink_caption: (
            "Inkt in de tijd; gearceerd: lange pauzes",
            "Ink over time; hatched: long pauses",
        ),
        zoom_reset: ("zoom terug (100%)", "reset zoom (100%)"),

        review_title: ("Evaluatie: werkstukken per doel", "Review: work by goal"),
        review_empty: ("Nog geen werkstukken opgeslagen.", "No work saved yet."),
        review_without_goal: ("Niet aan een doel gekoppeld", "Not linked to a goal"),
        review_nothing_for_goal: ("Nog geen werkstukken bij dit doel.", "No work for this goal yet."),
        not_found: ("Deze pagina bestaat niet.", "This page does not exist."),

        file_not_loaded: ("Het bestand kon niet worden geladen", "The file could not be loaded"),
        unexpected_answer: ("Onverwacht antwoord van de server", "Unexpected answer from the server"),
        server_error: ("De server antwoordde met fout", "The server answered with error"),
        body_map: ("lichaam", "body"),
    }
}

/// The name of a brush on its toolbar button, in the language in use.
pub fn brush_name(b: speelruimte_ink::Brush) -> &'static str {
    use speelruimte_ink::Brush;
    let t = super::t();
    match b {
        Brush::Pencil => t.brush_pencil,
        Brush::Marker => t.brush_marker,
        Brush::Watercolour => t.brush_watercolour,
        Brush::Crayon => t.brush_crayon,
        Brush::Eraser => t.brush_eraser,
    }
}
