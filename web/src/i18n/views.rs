//! The texts of the therapist's and the client's views: the client timeline (*tijdlijn*), its
//! filters, and the client's own gallery (*wat ik gemaakt heb*), which shows pictures, not words.

use super::texts;

texts! {
    /// The texts of the timeline and the gallery.
    ViewTexts, VIEWS_NL, VIEWS_EN {
        timeline_open: ("Tijdlijn", "Timeline"),
        timeline_title: ("Tijdlijn", "Timeline"),
        timeline_hint: (
            "Alle sessies, de nieuwste bovenaan, met wat er in elke sessie gemaakt is.",
            "Every session, newest first, with what was made in each.",
        ),
        filter_goal: ("Behandeldoel", "Treatment goal"),
        filter_form: ("Werkvorm", "Work form"),
        filter_period: ("Periode", "Period"),
        every_goal: ("Alle doelen", "All goals"),
        every_form: ("Alle werkvormen", "All work forms"),
        period_all: ("Alles", "Everything"),
        period_3m: ("Laatste 3 maanden", "Last 3 months"),
        period_6m: ("Laatste 6 maanden", "Last 6 months"),
        period_12m: ("Laatste 12 maanden", "Last 12 months"),
        nothing_made: ("Niets gemaakt in deze sessie.", "Nothing made in this session."),
        no_sessions: ("Geen sessies die bij dit filter passen.", "No sessions match this filter."),
        load_more: ("Meer sessies laden", "Load more sessions"),
        all_loaded: ("Alle sessies staan er.", "Every session is shown."),
        music_alt: ("Muziek: de slagen in de tijd", "Music: the hits over time"),
        tension: ("Spanning voor → na", "Tension before → after"),
        gallery_open: ("Wat ik gemaakt heb", "What I made"),
        gallery_title: ("Wat ik gemaakt heb", "What I made"),
        gallery_drawing: ("Een tekening", "A drawing"),
        gallery_music: ("Muziek die je maakte", "Music you made"),
        gallery_exercise: ("Een oefening die je deed", "An exercise you did"),
        gallery_empty: ("Nog niets gemaakt.", "Nothing made yet."),
        gallery_sub: (
            "Samen kijken naar wat de cliënt maakte: grote plaatjes, geen woorden of scores.",
            "Look together at what the client made: big pictures, no words or scores.",
        ),
        baseline_t: ("T-score bij de start", "T-score at the start"),
        in_step: ("Beide tegelijk afspelen", "Play both in step"),
        in_step_pause: ("Beide pauzeren", "Pause both"),
        in_step_hint: (
            "Eén klok voor beide tekeningen: ze lopen gelijk op vanaf de eerste lijn.",
            "One clock for both drawings: they run in step from the first line.",
        ),
    }
}
