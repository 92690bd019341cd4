//! From the therapist's picks and the records they name to a [`Report`] in Dutch words. Only
//! what the pick names is taken over: the rest of the source is there to look things up in.

use chrono::NaiveDate;
use speelruimte_chart::{ProgressData, ProgressLabels, TensionLabels, TensionRun};
use speelruimte_model::{Evaluation, Goal, GoalGas, GoalScore, ReportPick, progress_series};
use uuid::Uuid;

use crate::{Figure, GoalRow, Report, Section};

/// Dutch month names (one list, in the chart crate).
pub use speelruimte_chart::MONTHS_NL;

/// The font the charts' text is set in inside the report (embedded from `typst-assets`).
const FONT: &str = "Libertinus Serif";

/// A drawing that may be printed, with its PNG.
#[derive(Debug, Clone)]
pub struct Drawing {
    /// The artefact.
    pub id: Uuid,
    /// The day it was made.
    pub date: NaiveDate,
    /// The PNG.
    pub png: Vec<u8>,
}

/// The records of one client a report is made from.
#[derive(Debug, Clone)]
pub struct ReportSource {
    /// The client's label (this client's only).
    pub client_label: String,
    /// The evaluation the report is about.
    pub evaluation: Evaluation,
    /// The client's evaluations (for the GAS points of a chart: those up to this one).
    pub evaluations: Vec<Evaluation>,
    /// The client's goals.
    pub goals: Vec<Goal>,
    /// Their GAS scales.
    pub scales: Vec<GoalGas>,
    /// The client's *voortgang* scores.
    pub scores: Vec<GoalScore>,
    /// Rated exercise runs (oldest first) with the goals each is linked to.
    pub tension_runs: Vec<(Vec<Uuid>, TensionRun)>,
    /// Drawings that may be printed (the picked ones; others are ignored).
    pub drawings: Vec<Drawing>,
    /// Today.
    pub today: NaiveDate,
}

fn date(d: NaiveDate) -> String {
    speelruimte_chart::long_date(&MONTHS_NL, d)
}

/// "43,2": a number with one decimal and a Dutch decimal comma.
pub fn decimal(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

/// A PNG's width and height, from its header.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.get(..8)? != b"\x89PNG\r\n\x1a\n" || png.get(12..16)? != b"IHDR" {
        return None;
    }
    let be = |r: std::ops::Range<usize>| Some(u32::from_be_bytes(png.get(r)?.try_into().ok()?));
    Some((be(16..20)?, be(20..24)?))
}

/// Text split into paragraphs at blank lines; a single newline stays a space.
fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A file name for the PDF: `evaluatieverslag-<label>-<date>.pdf`, the label reduced to
/// lower-case letters, digits and dashes.
pub fn file_name(label: &str, date: NaiveDate) -> String {
    let mut slug = String::new();
    for c in label.to_lowercase().chars() {
        let c = match c {
            'a'..='z' | '0'..='9' => c,
            'à'..='å' => 'a',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ò'..='ö' => 'o',
            'ù'..='ü' => 'u',
            _ => '-',
        };
        if c != '-' || !slug.ends_with('-') {
            slug.push(c);
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "client" } else { slug };
    format!("evaluatieverslag-{slug}-{date}.pdf")
}

/// The report of `pick` (already validated and checked against `source.evaluation`).
pub fn build_report(source: &ReportSource, pick: &ReportPick) -> Report {
    let e = &source.evaluation;
    let goal = |id: Uuid| source.goals.iter().find(|g| g.id == id);
    let scale = |id: Uuid| source.scales.iter().find(|s| s.goal_id == id);
    let title_of = |id: Uuid| {
        goal(id)
            .map(|g| g.title.as_str().to_owned())
            .unwrap_or_else(|| "(doel verwijderd)".into())
    };
    let goals: Vec<GoalRow> = pick
        .goals
        .iter()
        .filter_map(|id| e.goals.iter().find(|g| g.goal_id == *id))
        .map(|g| {
            let s = scale(g.goal_id);
            GoalRow {
                title: title_of(g.goal_id),
                level: g.level.map(|l| l.sign_text()).unwrap_or("–").into(),
                meaning: match (g.level, s) {
                    (Some(l), Some(s)) => s.scale.describe(l).to_owned(),
                    (Some(l), None) => l.meaning_nl().to_owned(),
                    (None, _) => "niet beoordeeld".into(),
                },
                weight: i64::from(g.weight).to_string(),
                baseline: s
                    .and_then(|s| s.scale.baseline)
                    .map(|b| b.sign_text())
                    .unwrap_or("–")
                    .into(),
            }
        })
        .collect();
    let rated = e.goals.iter().filter(|g| g.level.is_some()).count();
    let mut charts = Vec::new();
    for id in &pick.progress_charts {
        let mut gas: Vec<(NaiveDate, i8)> = source
            .evaluations
            .iter()
            .filter(|o| o.date <= e.date)
            .filter_map(|o| {
                let g = o.goals.iter().find(|g| g.goal_id == *id)?;
                Some((o.date, i64::from(g.level?) as i8))
            })
            .collect();
        gas.sort();
        let data = ProgressData {
            scores: progress_series(&source.scores, *id)
                .into_iter()
                .filter(|(d, _)| *d <= e.date)
                .collect(),
            gas,
        };
        let labels = ProgressLabels {
            chart: "Voortgang en GAS-niveau",
            score: "voortgang",
            months: &MONTHS_NL,
            font_family: Some(FONT),
        };
        if let Some(svg) = speelruimte_chart::progress_svg(&data, &labels) {
            charts.push(Figure {
                file: format!("/chart/{}.svg", charts.len()),
                caption: format!("Voortgang: {}", title_of(*id)),
                wide: true,
                legend: "● voortgang per sessie (0–10, links)   ◆ GAS-niveau bij evaluaties (−2 … +2, rechts)".into(),
                bytes: svg.into_bytes(),
            });
        }
    }
    if pick.tension_chart {
        let runs: Vec<TensionRun> = source
            .tension_runs
            .iter()
            .filter(|(goals, r)| r.date <= e.date && goals.iter().any(|g| pick.goals.contains(g)))
            .map(|(_, r)| r.clone())
            .collect();
        let labels = TensionLabels {
            chart: "Spanning voor en na de oefeningen",
            months: &MONTHS_NL,
            font_family: Some(FONT),
        };
        if let Some(svg) = speelruimte_chart::tension_svg(&runs, &labels) {
            charts.push(Figure {
                file: format!("/chart/{}.svg", charts.len()),
                caption: "Spanning voor en na de oefeningen (spanningsthermometer 0–10)".into(),
                wide: true,
                legend: "○ voor de oefening   ● na de oefening".into(),
                bytes: svg.into_bytes(),
            });
        }
    }
    let images: Vec<Figure> = pick
        .artefacts
        .iter()
        .filter_map(|id| source.drawings.iter().find(|d| d.id == *id))
        .enumerate()
        .map(|(i, d)| Figure {
            file: format!("/img/{i}.png"),
            caption: format!("Tekening van {}", date(d.date)),
            legend: String::new(),
            wide: png_size(&d.png).is_some_and(|(w, h)| w as f64 / h.max(1) as f64 > 16.6 / 9.0),
            bytes: d.png.clone(),
        })
        .collect();
    let mut conversation = vec![(
        "Besproken met de cliënt".to_owned(),
        if e.discussed_with_client { "ja" } else { "nee" }.to_owned(),
    )];
    if pick.satisfaction {
        conversation.push((
            "Tevredenheid (0–10)".into(),
            e.satisfaction
                .map(|s| s.get().to_string())
                .unwrap_or_else(|| "niet gevraagd".into()),
        ));
    }
    let mut sections = Vec::new();
    if pick.notes
        && let Some(n) = &e.notes
    {
        sections.push(Section {
            heading: "Notities".into(),
            paragraphs: paragraphs(n),
        });
    }
    if pick.next_steps
        && let Some(n) = &e.next_steps
    {
        sections.push(Section {
            heading: "Afgesproken vervolgstappen".into(),
            paragraphs: paragraphs(n),
        });
    }
    Report {
        title: "Evaluatieverslag".into(),
        footer: format!(
            "Evaluatieverslag {} · {}",
            source.client_label,
            date(e.date)
        ),
        page_word: "Pagina".into(),
        of_word: "van".into(),
        facts: vec![
            ("Cliënt".into(), source.client_label.clone()),
            ("Datum evaluatie".into(), date(e.date)),
            ("Opgemaakt op".into(), date(source.today)),
        ],
        goals_heading: "Doelen en GAS-scores".into(),
        goals_columns: [
            "Behandeldoel".into(),
            "GAS".into(),
            "Betekenis van het bereikte niveau".into(),
            "Gewicht".into(),
            "Start".into(),
        ],
        goals,
        t_score_label: "GAS T-score".into(),
        t_score: e.t_score.map(decimal),
        t_score_note: format!(
            "Gecombineerde score van de {rated} beoordeelde doelen van deze evaluatie \
             (Kiresuk–Sherman, ρ = 0,3): 50 is precies het verwachte resultaat, \
             boven 50 beter en onder 50 minder dan verwacht."
        ),
        charts_heading: "Grafieken".into(),
        charts,
        images_heading: "Werkstukken".into(),
        images,
        conversation_heading: "Evaluatiegesprek".into(),
        conversation,
        satisfaction_words: e
            .satisfaction_words
            .clone()
            .filter(|_| pick.satisfaction)
            .map(|w| format!("“{w}”")),
        sections,
        made_on: source.today,
    }
}

/// The source of a report on `evaluation` from everything of the client, with `drawings` the
/// PNGs of the drawings that may be printed.
pub fn source_for(
    records: &speelruimte_model::ClientRecords,
    evaluation: &Evaluation,
    drawings: Vec<Drawing>,
    today: NaiveDate,
) -> ReportSource {
    let mut runs: Vec<(chrono::DateTime<chrono::Utc>, Vec<Uuid>, TensionRun)> = records
        .artefacts
        .iter()
        .filter(|a| a.kind == speelruimte_model::ArtefactKind::Exercise)
        .filter_map(|a| {
            let r = speelruimte_model::exercise_run_for(a, records.client.id).ok()?;
            let when = a.created_at;
            Some((
                when,
                a.goal_ids.clone(),
                TensionRun {
                    date: when.date_naive(),
                    name: r.exercise.title.nl.clone(),
                    tooltip: format!("{} · {}", r.exercise.title.nl, date(when.date_naive())),
                    before: r.before.value,
                    after: r.after.value,
                },
            ))
        })
        .collect();
    runs.sort_by_key(|r| r.0);
    ReportSource {
        client_label: records.client.label.as_str().to_owned(),
        evaluation: evaluation.clone(),
        evaluations: records.evaluations.clone(),
        goals: records.goals.clone(),
        scales: records.progress.scales.clone(),
        scores: records.progress.scores.clone(),
        tension_runs: runs.into_iter().map(|(_, g, r)| (g, r)).collect(),
        drawings,
        today,
    }
}
