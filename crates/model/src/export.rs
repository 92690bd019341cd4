//! What the export of one client's data holds (the AVG right of access, art. 15): every record
//! as JSON, the original files of every artefact, and a `LEESMIJ.txt` in Dutch that says what
//! each file is. This module only decides the contents and their names; the server reads the
//! records, writes the ZIP and streams it.
//!
//! The layout, for a client with one drawing:
//!
//! ```text
//! LEESMIJ.txt
//! client.json  behandeldoelen.json  sessies.json  voortgang.json  evaluaties.json  oefeningen.json
//! werkstukken/2026-11-24_tekening_1a2b3c4d-…/werkstuk.json
//! werkstukken/2026-11-24_tekening_1a2b3c4d-…/drawing.png
//! werkstukken/2026-11-24_tekening_1a2b3c4d-…/strokes.bin
//! verslagen/2026-12-02_evaluatieverslag_5e6f7a8b-….pdf
//! ```

use serde::Serialize;

use crate::{Artefact, Client, ClientProgress, Evaluation, Goal, SavedExercise, Session};

/// Everything the server keeps of one client, as the API gives it.
#[derive(Debug, Clone)]
pub struct ClientRecords {
    /// The client.
    pub client: Client,
    /// The client's behandeldoelen.
    pub goals: Vec<Goal>,
    /// The client's sessions.
    pub sessions: Vec<Session>,
    /// Every artefact, with the list of its files.
    pub artefacts: Vec<Artefact>,
    /// Voortgang scores, GAS scales and subgoal statuses.
    pub progress: ClientProgress,
    /// The evaluations.
    pub evaluations: Vec<Evaluation>,
    /// The client's own exercises.
    pub exercises: Vec<SavedExercise>,
}

/// The evaluatieverslag (PDF) of one evaluation, made by the server with the default picks
/// (`ReportPick::default_for`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationReport {
    /// The evaluation.
    pub evaluation_id: uuid::Uuid,
    /// Its date.
    pub date: chrono::NaiveDate,
    /// The PDF.
    pub pdf: Vec<u8>,
}

/// The path of an evaluation's report inside the export.
pub fn report_path(r: &EvaluationReport) -> String {
    format!(
        "verslagen/{}_evaluatieverslag_{}.pdf",
        r.date, r.evaluation_id
    )
}

/// Where an entry's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportSource {
    /// Made here: a JSON record or the README.
    Bytes(Vec<u8>),
    /// An artefact's stored file, read by its hash when the ZIP is written.
    Blob {
        /// SHA-256 of the file, lower-case hex.
        sha256: String,
        /// Its size in bytes.
        size: u64,
    },
}

/// One file in the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportEntry {
    /// Its path inside the ZIP (`/`-separated, ASCII, no `..`).
    pub path: String,
    /// Its bytes.
    pub source: ExportSource,
    /// Whether compressing it is worth it (text is; PNG is compressed already; WAV and
    /// strokes barely shrink and are large, so they are stored as they are: the export
    /// runs at the disk's speed).
    pub compress: bool,
}

impl ExportEntry {
    /// How many bytes the entry holds once unpacked.
    pub fn size(&self) -> u64 {
        match &self.source {
            ExportSource::Bytes(b) => b.len() as u64,
            ExportSource::Blob { size, .. } => *size,
        }
    }
}

fn json<T: Serialize + ?Sized>(path: &str, value: &T) -> ExportEntry {
    let mut bytes = serde_json::to_vec_pretty(value).expect("records serialise");
    bytes.push(b'\n');
    ExportEntry {
        path: path.to_owned(),
        source: ExportSource::Bytes(bytes),
        compress: true,
    }
}

/// The folder of one artefact: its date (tablet clock, UTC), its work form and its id, so
/// folders sort by date and never collide.
pub fn artefact_folder(a: &Artefact) -> String {
    format!(
        "werkstukken/{}_{}_{}",
        a.created_at.format("%Y-%m-%d"),
        a.kind.label_nl().to_lowercase(),
        a.id
    )
}

/// The export's files, in the order they go into the ZIP: the README first.
pub fn export_manifest(
    records: &ClientRecords,
    reports: &[EvaluationReport],
    made_at: chrono::DateTime<chrono::Utc>,
) -> Vec<ExportEntry> {
    let mut out = vec![ExportEntry {
        path: "LEESMIJ.txt".to_owned(),
        source: ExportSource::Bytes(readme(records, reports.len(), made_at).into_bytes()),
        compress: true,
    }];
    out.push(json("client.json", &records.client));
    out.push(json("behandeldoelen.json", &records.goals));
    out.push(json("sessies.json", &records.sessions));
    out.push(json("voortgang.json", &records.progress));
    out.push(json("evaluaties.json", &records.evaluations));
    out.push(json("oefeningen.json", &records.exercises));
    let mut artefacts: Vec<&Artefact> = records.artefacts.iter().collect();
    artefacts.sort_by_key(|a| (a.created_at, a.id));
    for a in artefacts {
        let folder = artefact_folder(a);
        out.push(json(&format!("{folder}/werkstuk.json"), a));
        for b in &a.blobs {
            out.push(ExportEntry {
                path: format!("{folder}/{}", b.name.as_str()),
                source: ExportSource::Blob {
                    sha256: b.sha256.clone(),
                    size: b.size,
                },
                compress: false,
            });
        }
    }
    let mut reports: Vec<&EvaluationReport> = reports.iter().collect();
    reports.sort_by_key(|r| (r.date, r.evaluation_id));
    for r in reports {
        out.push(ExportEntry {
            path: report_path(r),
            source: ExportSource::Bytes(r.pdf.clone()),
            // A PDF's streams are compressed already.
            compress: false,
        });
    }
    out
}

/// What each kind of file is, in the words of the README.
fn file_kind(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("png") => "de afbeelding (PNG), zoals op de tablet gemaakt",
        Some("wav") => "het geluid (WAV, 16-bit PCM), zoals op de tablet gespeeld",
        Some("bin") => {
            "de lijnen van de tekening met tijd en druk (het strokes-formaat van Speelruimte), \
             waarmee Speelruimte het tekenen opnieuw kan afspelen"
        }
        Some("json") => "gegevens als JSON",
        _ => "een bestand van het werkstuk",
    }
}

/// The `LEESMIJ.txt`: what the export is and what each file holds, in Dutch.
fn readme(
    records: &ClientRecords,
    reports: usize,
    made_at: chrono::DateTime<chrono::Utc>,
) -> String {
    let mut names: Vec<&str> = records
        .artefacts
        .iter()
        .flat_map(|a| a.blobs.iter().map(|b| b.name.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    let files: String = names
        .iter()
        .map(|n| format!("  - {n}: {}\n", file_kind(n)))
        .collect();
    let blob_bytes: u64 = records
        .artefacts
        .iter()
        .flat_map(|a| a.blobs.iter().map(|b| b.size))
        .sum();
    format!(
        "Speelruimte: alle gegevens van cliënt {label}\r\n\
         \r\n\
         Gemaakt op {date} (UTC). Deze export bevat alles wat Speelruimte van deze cliënt\r\n\
         bewaart (inzage volgens de AVG, artikel 15). Andere cliënten staan er niet in.\r\n\
         \r\n\
         Bestanden\r\n\
         - client.json: de cliënt (pseudoniem, geboortejaar, discipline).\r\n\
         - behandeldoelen.json: de behandeldoelen en hun subdoelen ({goals}).\r\n\
         - sessies.json: de sessies met datum en notities ({sessions}).\r\n\
         - voortgang.json: de voortgangsscores (0-10) per sessie en doel, de GAS-schalen\r\n\
         \x20 (vijf niveaus van -2 tot +2 met gewicht en beginniveau) en de status van de subdoelen.\r\n\
         - evaluaties.json: de evaluaties ({evaluations}): datum, GAS-niveau per doel, de\r\n\
         \x20 GAS T-score, de tevredenheid van de cliënt, of het besproken is, notities en afspraken.\r\n\
         - oefeningen.json: eigen oefeningen die voor deze cliënt gemaakt zijn ({exercises}).\r\n\
         - werkstukken/: één map per werkstuk ({artefacts}), met datum, werkvorm en de code\r\n\
         \x20 van het werkstuk in de naam. In elke map staat werkstuk.json (de werkvorm, de datum, de\r\n\
         \x20 gekoppelde doelen en wat er tijdens het maken is vastgelegd) en de originele bestanden:\r\n\
         {files}\
         - verslagen/: het evaluatieverslag (PDF) van elke evaluatie ({reports}), zoals Speelruimte\r\n\
         \x20 het standaard opmaakt: alle doelen van die evaluatie met hun GAS-niveau, T-score en\r\n\
         \x20 grafieken, het evaluatiegesprek, notities en afspraken. Tekeningen staan er niet als\r\n\
         \x20 afbeelding in (die staan al origineel in werkstukken/); een verslag met tekeningen\r\n\
         \x20 maakt de therapeut zelf in de app.\r\n\
         \r\n\
         Samen {bytes} bytes aan originele bestanden. De codes (id) in de JSON-bestanden\r\n\
         verwijzen naar elkaar: een werkstuk noemt zijn sessie (session_id) en doelen (goal_ids).\r\n",
        label = records.client.label.as_str(),
        date = made_at.format("%Y-%m-%d %H:%M"),
        goals = records.goals.len(),
        sessions = records.sessions.len(),
        evaluations = records.evaluations.len(),
        exercises = records.exercises.len(),
        artefacts = records.artefacts.len(),
        files = files.replace('\n', "\r\n"),
        reports = reports,
        bytes = blob_bytes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArtefactKind, BirthYear, BlobInfo, BlobName, ClientLabel, Discipline, MediaType};
    use chrono::TimeZone;
    use uuid::Uuid;

    fn at(d: u32) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc.with_ymd_and_hms(2026, 11, d, 10, 0, 0).unwrap()
    }

    fn blob(name: &str, media_type: MediaType, size: u64, fill: char) -> BlobInfo {
        BlobInfo {
            name: BlobName::parse(name).unwrap(),
            media_type,
            size,
            sha256: fill.to_string().repeat(64),
        }
    }

    fn artefact(id: u128, kind: ArtefactKind, day: u32, blobs: Vec<BlobInfo>) -> Artefact {
        Artefact {
            id: Uuid::from_u128(id),
            kind,
            client_id: Uuid::from_u128(1),
            session_id: None,
            goal_ids: vec![],
            created_at: at(day),
            stored_at: at(day),
            metadata: serde_json::json!({}),
            blobs,
            participants: vec![],
        }
    }

    fn records() -> ClientRecords {
        ClientRecords {
            client: Client {
                id: Uuid::from_u128(1),
                label: ClientLabel::parse("Uil-7").unwrap(),
                birth_year: BirthYear::parse(2015, 2026).unwrap(),
                discipline: Discipline::Beeldend,
                created_at: at(1),
            },
            goals: vec![],
            sessions: vec![],
            // Listed newest first, as the API does; the export sorts by date.
            artefacts: vec![
                artefact(
                    0xbb << 120,
                    ArtefactKind::Music,
                    24,
                    vec![blob("music.wav", MediaType::Wav, 1000, 'b')],
                ),
                artefact(
                    0xaa << 120,
                    ArtefactKind::Drawing,
                    17,
                    vec![
                        blob("drawing.png", MediaType::Png, 500, 'a'),
                        blob("strokes.bin", MediaType::OctetStream, 300, 'c'),
                    ],
                ),
            ],
            progress: ClientProgress {
                scores: vec![],
                scales: vec![],
                subgoals: vec![],
            },
            evaluations: vec![],
            exercises: vec![],
        }
    }

    #[test]
    fn every_record_and_every_file_has_its_place_in_date_order() {
        let m = export_manifest(&records(), &[], at(30));
        let paths: Vec<&str> = m.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "LEESMIJ.txt",
                "client.json",
                "behandeldoelen.json",
                "sessies.json",
                "voortgang.json",
                "evaluaties.json",
                "oefeningen.json",
                "werkstukken/2026-11-17_tekening_aa000000-0000-0000-0000-000000000000/werkstuk.json",
                "werkstukken/2026-11-17_tekening_aa000000-0000-0000-0000-000000000000/drawing.png",
                "werkstukken/2026-11-17_tekening_aa000000-0000-0000-0000-000000000000/strokes.bin",
                "werkstukken/2026-11-24_muziek_bb000000-0000-0000-0000-000000000000/werkstuk.json",
                "werkstukken/2026-11-24_muziek_bb000000-0000-0000-0000-000000000000/music.wav",
            ]
        );
        // The original files come from the store by hash, with their stored size.
        let wav = m.iter().find(|e| e.path.ends_with("music.wav")).unwrap();
        assert_eq!(
            wav.source,
            ExportSource::Blob {
                sha256: "b".repeat(64),
                size: 1000
            }
        );
        assert!(!wav.compress);
        assert_eq!(
            m.iter()
                .filter(|e| matches!(e.source, ExportSource::Blob { .. }))
                .map(ExportEntry::size)
                .sum::<u64>(),
            1800
        );
    }

    #[test]
    fn the_records_read_back_as_what_went_in() {
        let r = records();
        let m = export_manifest(&r, &[], at(30));
        let bytes = |p: &str| match &m.iter().find(|e| e.path == p).unwrap().source {
            ExportSource::Bytes(b) => b.clone(),
            other => panic!("{p} is {other:?}"),
        };
        let client: Client = serde_json::from_slice(&bytes("client.json")).unwrap();
        assert_eq!(client, r.client);
        let drawing: Artefact = serde_json::from_slice(&bytes(
            "werkstukken/2026-11-17_tekening_aa000000-0000-0000-0000-000000000000/werkstuk.json",
        ))
        .unwrap();
        assert_eq!(drawing.id, Uuid::from_u128(0xaa << 120));
        assert_eq!(drawing.blobs.len(), 2);
    }

    #[test]
    fn the_readme_names_the_client_every_file_kind_and_the_counts() {
        let m = export_manifest(&records(), &[], at(30));
        let ExportSource::Bytes(b) = &m[0].source else {
            panic!("README from the store")
        };
        let text = String::from_utf8(b.clone()).unwrap();
        assert!(text.starts_with("Speelruimte: alle gegevens van cliënt Uil-7\r\n"));
        assert!(text.contains("Gemaakt op 2026-11-30 10:00 (UTC)"));
        assert!(text.contains("één map per werkstuk (2)"));
        for name in [
            "drawing.png: de afbeelding (PNG)",
            "music.wav: het geluid (WAV",
            "strokes.bin: de lijnen",
        ] {
            assert!(text.contains(name), "the README does not explain {name}");
        }
        for top in m
            .iter()
            .filter(|e| !e.path.contains('/') && e.path != "LEESMIJ.txt")
        {
            assert!(
                text.contains(&format!("- {}:", top.path)),
                "the README does not explain {}",
                top.path
            );
        }
        assert!(text.contains("Samen 1800 bytes"));
        // Windows' Notepad shows it with its line breaks.
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn folders_never_collide_and_paths_stay_inside_the_zip() {
        let mut r = records();
        // Two drawings on the same day.
        r.artefacts.push(artefact(
            (0xaa << 120) | 1,
            ArtefactKind::Drawing,
            17,
            vec![],
        ));
        let m = export_manifest(&r, &[], at(30));
        let mut paths: Vec<&str> = m.iter().map(|e| e.path.as_str()).collect();
        let n = paths.len();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), n, "two entries share a path");
        assert!(paths.iter().all(|p| p.is_ascii()
            && !p.starts_with('/')
            && !p.split('/').any(|s| s == ".." || s.is_empty())));
    }

    #[test]
    fn each_evaluation_report_is_a_pdf_after_the_artefacts_in_date_order() {
        let report = |id: u128, d: u32, pdf: &[u8]| EvaluationReport {
            evaluation_id: Uuid::from_u128(id),
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, d).unwrap(),
            pdf: pdf.to_vec(),
        };
        let reports = [report(9, 20, b"%PDF-late"), report(8, 2, b"%PDF-early")];
        let m = export_manifest(&records(), &reports, at(30));
        let tail: Vec<(&str, &ExportSource, bool)> = m[m.len() - 2..]
            .iter()
            .map(|e| (e.path.as_str(), &e.source, e.compress))
            .collect();
        assert_eq!(
            tail,
            [
                (
                    "verslagen/2026-12-02_evaluatieverslag_00000000-0000-0000-0000-000000000008.pdf",
                    &ExportSource::Bytes(b"%PDF-early".to_vec()),
                    false
                ),
                (
                    "verslagen/2026-12-20_evaluatieverslag_00000000-0000-0000-0000-000000000009.pdf",
                    &ExportSource::Bytes(b"%PDF-late".to_vec()),
                    false
                ),
            ]
        );
        let ExportSource::Bytes(b) = &m[0].source else {
            panic!("README from the store")
        };
        let text = String::from_utf8(b.clone()).unwrap();
        assert!(text.contains("- verslagen/: het evaluatieverslag (PDF) van elke evaluatie (2)"));
        assert!(text.contains("Tekeningen staan er niet als"));
    }
}
