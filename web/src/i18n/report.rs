//! The texts of the evaluatieverslag screen: what goes into the PDF, its preview and download.

use super::texts;

texts! {
    /// The texts of the report screen.
    ReportTexts, REPORT_NL, REPORT_EN {
        title: ("Evaluatieverslag", "Evaluation report"),
        make: ("Verslag maken", "Make a report"),
        intro: (
            "Kies wat er in het verslag komt. Het verslag bevat alleen wat je hier aanvinkt; het voorbeeld toont precies de pagina's van de PDF.",
            "Choose what goes into the report. It holds only what you tick here; the preview shows exactly the pages of the PDF.",
        ),
        of_evaluation: ("Evaluatie van", "Evaluation of"),
        goals: ("Doelen en GAS-scores", "Goals and GAS scores"),
        goal_in: ("In het verslag", "In the report"),
        chart_of: ("met grafiek", "with chart"),
        tension: ("Grafiek spanning voor en na de oefeningen bij deze doelen", "Chart of tension before and after the exercises of these goals"),
        drawings: ("Tekeningen als afbeelding", "Drawings as images"),
        drawings_none: ("Deze cliënt heeft nog geen tekeningen.", "This client has no drawings yet."),
        drawing_of: ("Tekening van", "Drawing of"),
        conversation: ("Uit het evaluatiegesprek", "From the evaluation conversation"),
        satisfaction: ("Tevredenheid van de cliënt (eigen woorden en 0–10)", "The client's satisfaction (own words and 0–10)"),
        notes: ("Notities", "Notes"),
        next_steps: ("Afgesproken vervolgstappen", "Agreed next steps"),
        discussed_always: ("Of het verslag met de cliënt besproken is, staat er altijd in.", "Whether it was discussed with the client is always in the report."),
        preview: ("Voorbeeld bekijken", "Show preview"),
        previewing: ("Voorbeeld wordt gemaakt…", "Making the preview…"),
        preview_title: ("Voorbeeld", "Preview"),
        preview_stale: ("Je keuze is veranderd; bekijk het voorbeeld opnieuw.", "Your choice changed; show the preview again."),
        page: ("Pagina", "Page"),
        of: ("van", "of"),
        download: ("PDF downloaden", "Download PDF"),
        no_goal: ("Kies minstens één doel voor het verslag.", "Choose at least one goal for the report."),
        goal_removed: ("(doel verwijderd)", "(goal removed)"),
    }
}
