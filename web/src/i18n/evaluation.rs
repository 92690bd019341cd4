//! The texts of scores and evaluation: the *voortgang* score at the end of a session, the GAS
//! scale editor, the subgoal statuses, the progress chart and the evaluation record.

use super::texts;

texts! {
    /// The texts of scores and evaluation.
    EvalTexts, EVAL_NL, EVAL_EN {
        compare_title: ("Twee tekeningen vergelijken", "Compare two drawings"),
        compare_hint: (
            "Naast elkaar op dezelfde schaal, elk met wat er tijdens het tekenen is vastgelegd. Eerst staan de eerste en de laatste tekening klaar.",
            "Side by side at the same scale, each with what was recorded while drawing. The first and the latest drawing are ready first.",
        ),
        compare_left: ("Links", "Left"),
        compare_right: ("Rechts", "Right"),
        session_end: ("Sessie afronden: voortgang per doel", "End of session: progress per goal"),
        session_end_hint: (
            "Tik per doel hoe ver de cliënt vandaag kwam: 0 is nog niets, 10 is helemaal.",
            "Tap for each goal how far the client got today: 0 is nothing yet, 10 is all the way.",
        ),
        no_goals: (
            "Deze cliënt heeft nog geen behandeldoelen; voeg ze toe op de pagina van de cliënt.",
            "This client has no treatment goals yet; add them on the client's page.",
        ),
        score_of: ("Voortgang voor", "Progress for"),
        score_saved: ("Opgeslagen", "Saved"),
        progress_title: ("Voortgang", "Progress"),
        progress_none: ("Nog geen voortgangsscores voor dit doel.", "No progress scores for this goal yet."),
        chart_label: ("Voortgang en GAS-niveau per datum", "Progress and GAS level by date"),
        legend_score: ("voortgang (0–10, links)", "progress (0–10, left)"),
        legend_gas: ("GAS-niveau bij evaluatie (−2…+2, rechts)", "GAS level at evaluation (−2…+2, right)"),
        gas_title: ("GAS-schaal", "GAS scale"),
        gas_edit: ("GAS-schaal invullen", "Fill in the GAS scale"),
        gas_change: ("GAS-schaal aanpassen", "Change the GAS scale"),
        gas_missing: ("Nog geen GAS-schaal.", "No GAS scale yet."),
        gas_intro: (
            "Beschrijf elk niveau in de woorden van de cliënt of in je eigen woorden. 0 is de verwachte uitkomst.",
            "Describe each level in the client's words or your own. 0 is the expected outcome.",
        ),
        gas_level_m2: ("−2: veel minder dan verwacht", "−2: much less than expected"),
        gas_level_m1: ("−1: minder dan verwacht", "−1: less than expected"),
        gas_level_0: ("0: verwachte uitkomst", "0: expected outcome"),
        gas_level_p1: ("+1: meer dan verwacht", "+1: more than expected"),
        gas_level_p2: ("+2: veel meer dan verwacht", "+2: much more than expected"),
        gas_weight: ("Gewicht (1–9, leeg is 1)", "Weight (1–9, empty is 1)"),
        gas_weight_none: ("geen (1)", "none (1)"),
        gas_baseline: ("Uitgangssituatie", "Baseline"),
        gas_baseline_none: ("niet vastgelegd", "not recorded"),
        gas_save: ("GAS-schaal opslaan", "Save GAS scale"),
        gas_saved: ("GAS-schaal opgeslagen.", "GAS scale saved."),
        weight_short: ("gewicht", "weight"),
        baseline_short: ("uitgangssituatie", "baseline"),
        subgoals_title: ("Subdoelen", "Subgoals"),
        evaluations_title: ("Evaluaties", "Evaluations"),
        evaluations_empty: ("Nog geen evaluaties vastgelegd.", "No evaluations recorded yet."),
        evaluation_new: ("Evaluatie vastleggen", "Record an evaluation"),
        evaluation_date: ("Datum", "Date"),
        evaluation_goals: ("Welke doelen zijn besproken, en welk GAS-niveau is bereikt?", "Which goals were discussed, and which GAS level was reached?"),
        level_open: ("geen niveau", "no level"),
        level_needs_scale: ("(vul eerst de GAS-schaal in om een niveau te kiezen)", "(fill in the GAS scale first to choose a level)"),
        satisfaction_words: ("Tevredenheid in de woorden van de cliënt", "Satisfaction in the client's own words"),
        satisfaction: ("Tevredenheid (0–10)", "Satisfaction (0–10)"),
        satisfaction_none: ("niet gevraagd", "not asked"),
        discussed: ("Besproken met de cliënt", "Discussed with the client"),
        not_discussed: ("Nog niet besproken met de cliënt", "Not yet discussed with the client"),
        notes: ("Notities", "Notes"),
        next_steps: ("Afspraken voor de komende tijd", "Next steps agreed"),
        evaluation_save: ("Evaluatie opslaan", "Save evaluation"),
        evaluation_saved: ("Evaluatie opgeslagen.", "Evaluation saved."),
        pick_a_goal: ("Kies minstens één doel om te evalueren.", "Choose at least one goal to evaluate."),
        t_score: ("GAS-T-score", "GAS T-score"),
        t_score_none: ("geen GAS-niveaus gegeven", "no GAS levels given"),
        t_score_hint: (
            "50 is: alle doelen zoals verwacht (Kiresuk–Sherman, ρ = 0,3).",
            "50 means: every goal as expected (Kiresuk–Sherman, ρ = 0.3).",
        ),
        goal_removed: ("(doel niet meer gevonden)", "(goal no longer found)"),
    }
}
