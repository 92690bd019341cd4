//! The texts of a client's data as a whole: the export (the AVG right of access) and deleting
//! the client with everything of it.

use super::texts;

texts! {
    /// The texts of the export and the deletion of a client.
    ClientDataTexts, CLIENT_DATA_NL, CLIENT_DATA_EN {
        title: ("Gegevens van de cliënt", "The client's data"),
        export_intro: (
            "Alles wat Speelruimte van deze cliënt bewaart in één ZIP-bestand: de gegevens als JSON, de originele tekeningen, geluiden en lijnen, en een LEESMIJ dat zegt wat elk bestand is. Voor inzage (AVG) of het dossier.",
            "Everything Speelruimte keeps of this client in one ZIP file: the records as JSON, the original drawings, sounds and strokes, and a README saying what each file is. For a request of access (GDPR) or the file.",
        ),
        export_button: ("Alles exporteren (ZIP)", "Export everything (ZIP)"),
        export_busy: ("Bezig met exporteren…", "Exporting…"),
        export_progress: ("Voortgang van de export", "Progress of the export"),
        export_of: ("van ongeveer", "of about"),
        export_done: ("Export klaar:", "Export ready:"),
        delete_title: ("Cliënt verwijderen", "Delete client"),
        delete_intro: (
            "Dit verwijdert de cliënt met alles wat ervan bewaard is: behandeldoelen, sessies, werkstukken met hun bestanden, scores en evaluaties. Dit kan niet ongedaan worden gemaakt. Exporteer eerst als de gegevens bewaard moeten blijven (de WGBO-bewaartermijn is jouw afweging). Het auditlog houdt vast dát er verwijderd is, zonder het label.",
            "This deletes the client with everything kept of them: treatment goals, sessions, work with its files, scores and evaluations. It cannot be undone. Export first if the data must be kept (the retention period of the WGBO is your call). The audit log keeps the fact of the deletion, without the label.",
        ),
        delete_type: ("Typ het label van de cliënt om te bevestigen:", "Type the client's label to confirm:"),
        delete_button: ("Definitief verwijderen", "Delete for good"),
        delete_busy: ("Bezig met verwijderen…", "Deleting…"),
    }
}
