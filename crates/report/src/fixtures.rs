//! Fixed records for the report's tests and its timing example: two (or more) goals with GAS
//! scales, scores over three sessions, an evaluation, a tension run and two drawings.

#![allow(dead_code)]

use speelruimte_chart::TensionRun;
use speelruimte_model::{
    EvaluatedGoal, Evaluation, GasLevel, GasScale, GasWeight, Goal, GoalGas, GoalScore,
    ProgressScore, ReportPick, Satisfaction,
};
use speelruimte_report::{Drawing, ReportSource};
use uuid::Uuid;

pub fn day(m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// A small PNG of one colour.
pub fn png(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgb);
    let mut wr = enc.write_header().unwrap();
    wr.write_image_data(&rgb.repeat((w * h) as usize)).unwrap();
    drop(wr);
    out
}

pub fn goal(n: u128, title: &str) -> Goal {
    serde_json::from_value(serde_json::json!({
        "id": id(n), "client_id": id(7), "domain": "emoties_reguleren", "title": title,
        "subgoals": [], "created_at": "2026-10-01T09:00:00Z"
    }))
    .unwrap()
}

pub fn scale(n: u128) -> GoalGas {
    GoalGas {
        goal_id: id(n),
        scale: GasScale {
            levels: [
                "Blijft boos weglopen".into(),
                "Loopt weg, komt terug".into(),
                "Zegt wat er is, met hulp".into(),
                "Zegt het zelf".into(),
                "Helpt anderen het te zeggen".into(),
            ],
            weight: None,
            baseline: Some(GasLevel::parse(-2).unwrap()),
        },
        updated_at: chrono::DateTime::UNIX_EPOCH,
    }
}

pub fn source(notes: &str, n_goals: u128) -> ReportSource {
    let level = |l| Some(GasLevel::parse(l).unwrap());
    let goals: Vec<EvaluatedGoal> = (1..=n_goals)
        .map(|g| EvaluatedGoal {
            goal_id: id(g),
            level: level(if g == 1 { 0 } else { -1 }),
            weight: GasWeight::default(),
        })
        .collect();
    let evaluation = Evaluation {
        id: id(100),
        client_id: id(7),
        date: day(12, 2),
        t_score: Evaluation::t_score_of(&goals),
        goals,
        satisfaction_words: Some("Ik durf nu vaker *nee* te zeggen ] $x$".into()),
        satisfaction: Some(Satisfaction::parse(7).unwrap()),
        discussed_with_client: true,
        notes: Some(notes.into()),
        next_steps: Some("Nog vier sessies.\n\nDan opnieuw evalueren.".into()),
        created_at: chrono::DateTime::UNIX_EPOCH,
    };
    let score = |g, d, s| GoalScore {
        session_id: id(200 + d as u128),
        date: day(11, d),
        goal_id: id(g),
        score: ProgressScore::parse(s).unwrap(),
        updated_at: chrono::DateTime::UNIX_EPOCH,
    };
    ReportSource {
        client_label: "Vos-3".into(),
        evaluations: vec![evaluation.clone()],
        evaluation,
        goals: (1..=n_goals)
            .map(|g| goal(g, &format!("Boosheid herkennen en benoemen, deel {g}")))
            .collect(),
        scales: (1..=n_goals).map(scale).collect(),
        scores: vec![
            score(1, 3, 3),
            score(1, 10, 5),
            score(1, 17, 6),
            score(2, 10, 4),
        ],
        tension_runs: vec![(
            vec![id(1)],
            TensionRun {
                date: day(11, 10),
                name: "Ballon".into(),
                tooltip: "Ballon".into(),
                before: Some(8),
                after: Some(3),
            },
        )],
        drawings: vec![
            Drawing {
                id: id(301),
                date: day(11, 3),
                png: png(120, 80, [200, 40, 40]),
            },
            Drawing {
                id: id(302),
                date: day(11, 17),
                png: png(120, 80, [40, 40, 200]),
            },
        ],
        today: day(12, 3),
    }
}

pub fn pick(goals: &[u128], artefacts: &[u128]) -> ReportPick {
    ReportPick {
        evaluation_id: id(100),
        goals: goals.iter().map(|g| id(*g)).collect(),
        progress_charts: vec![id(goals[0])],
        tension_chart: true,
        artefacts: artefacts.iter().map(|a| id(*a)).collect(),
        satisfaction: true,
        notes: true,
        next_steps: true,
    }
}
