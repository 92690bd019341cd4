//! Evaluation records: recorded, listed and read per client, with the GAS T-score.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_with_client};

/// Three goals of `client`, each with a GAS scale of `weight`.
async fn three_scaled_goals(
    app: &TestApp,
    client: &Value,
    weights: [Option<i64>; 3],
) -> Vec<Value> {
    let mut goals = Vec::new();
    for (i, weight) in weights.into_iter().enumerate() {
        let g = app
            .post_goal(
                client,
                json!({"domain": "zelfbeeld", "title": format!("Doel {i}")}),
            )
            .await
            .expect(StatusCode::CREATED)
            .json();
        app.gas(client, &g, weight).await;
        goals.push(g);
    }
    goals
}

fn rated(goals: &[Value], levels: &[i64]) -> Value {
    goals
        .iter()
        .zip(levels)
        .map(|(g, l)| json!({"goal_id": g["id"], "level": l}))
        .collect()
}

#[tokio::test]
async fn an_evaluation_is_recorded_with_every_field_and_its_t_score() {
    let (app, c) = spawn_with_client().await;
    let goals = three_scaled_goals(&app, &c, [None, None, None]).await;
    let made = app
        .post_evaluation(
            &c,
            json!({
                "date": "2026-12-01",
                "goals": rated(&goals, &[-1, -1, -1]),
                "satisfaction_words": " Ik durf vaker nee te zeggen. ",
                "satisfaction": 7,
                "discussed_with_client": true,
                "notes": "Rustiger in de groep.",
                "next_steps": "Nog zes sessies; dan weer evalueren."
            }),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    // Kiresuk & Sherman, ρ = 0.3: three equal goals at −1 give 50 − 30/√4.8 = 36.31.
    let t = made["t_score"].as_f64().unwrap();
    assert!((t - 36.31).abs() < 0.005, "{made}");
    assert_eq!(made["satisfaction_words"], "Ik durf vaker nee te zeggen.");
    let id = made["id"].as_str().unwrap();
    let read = app.evaluation(&c, id).await.expect(StatusCode::OK).json();
    assert_eq!(read, made);
    let list = app.evaluations(&c).await.expect(StatusCode::OK).json();
    assert_eq!(list, json!([made]));
    let actions: Vec<String> = app
        .audit_rows()
        .await
        .into_iter()
        .filter(|r| r.action.starts_with("evaluation."))
        .map(|r| format!("{} {}", r.action, r.detail.unwrap_or_default()))
        .collect();
    assert_eq!(
        actions,
        [
            format!("evaluation.create {id}"),
            format!("evaluation.read {id}"),
            "evaluation.list ".to_owned()
        ]
    );
}

#[tokio::test]
async fn the_t_score_keeps_the_weights_of_the_day_it_was_recorded() {
    let (app, c) = spawn_with_client().await;
    // The gasr documentation's example, three of its goals: (−2, w3), (2, w4), (1, w6) give
    // Σwx = −6 + 8 + 6 = 8, Σw² = 61, Σw = 13: T = 50 + 80/√(0.7·61 + 0.3·169) = 50 + 80/√93.4.
    let goals = three_scaled_goals(&app, &c, [Some(3), Some(4), Some(6)]).await;
    let made = app
        .post_evaluation(
            &c,
            json!({"date": "2026-12-01", "goals": rated(&goals, &[-2, 2, 1])}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    let want = 50.0 + 80.0 / 93.4f64.sqrt();
    assert!(
        (made["t_score"].as_f64().unwrap() - want).abs() < 1e-9,
        "{made}"
    );
    assert_eq!(made["goals"][2]["weight"], 6);
    app.gas(&c, &goals[2], Some(1)).await;
    let read = app
        .evaluation(&c, made["id"].as_str().unwrap())
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(read["t_score"], made["t_score"]);
}

#[tokio::test]
async fn a_goal_looked_at_without_a_level_does_not_count_and_may_have_no_scale() {
    let (app, c) = spawn_with_client().await;
    let plain = app.goal(&c).await;
    let made = app
        .post_evaluation(
            &c,
            json!({"date": "2026-12-01", "goals": [{"goal_id": plain["id"]}]}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(made["t_score"], Value::Null);
    assert_eq!(made["discussed_with_client"], false);
}

#[tokio::test]
async fn an_evaluation_that_breaks_a_rule_is_refused_in_dutch_and_nothing_is_kept() {
    let (app, c) = spawn_with_client().await;
    let plain = app.goal(&c).await;
    let theirs = app.goal(&app.client("Beer-3").await).await;
    for (body, reason) in [
        (
            json!({"date": "2026-12-01", "goals": []}),
            "Kies minstens één doel om te evalueren.",
        ),
        (
            json!({"date": "2026-12-01", "goals": [{"goal_id": plain["id"], "level": 1}]}),
            "Het doel 'Voelen waar het zit' heeft nog geen GAS-schaal",
        ),
        (
            json!({"date": "2026-12-01", "goals": [{"goal_id": theirs["id"]}]}),
            "Een van de gekozen doelen hoort niet bij deze cliënt.",
        ),
        (
            json!({"date": "2026-12-01", "goals": [{"goal_id": plain["id"]}, {"goal_id": plain["id"]}]}),
            "Een doel staat twee keer in de evaluatie",
        ),
        (
            json!({"date": "2026-12-01", "goals": [{"goal_id": plain["id"]}], "satisfaction": 11}),
            "De tevredenheid moet tussen 0 en 10 liggen (nu 11).",
        ),
        (
            json!({"date": "2026-12-01", "goals": [{"goal_id": plain["id"], "level": -3}]}),
            "Een GAS-niveau moet tussen -2 en 2 liggen (nu -3).",
        ),
    ] {
        let res = app
            .post_evaluation(&c, body)
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.message().contains(reason), "{}", res.text());
    }
    assert_eq!(app.count("evaluations").await, 0);
    assert_eq!(app.count("evaluation_goals").await, 0);
}

#[tokio::test]
async fn an_evaluation_of_another_client_or_therapist_answers_like_a_missing_one() {
    let (anna, c) = spawn_with_client().await;
    let g = anna.goal(&c).await;
    let made = anna
        .post_evaluation(
            &c,
            json!({"date": "2026-12-01", "goals": [{"goal_id": g["id"]}]}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    let id = made["id"].as_str().unwrap();
    let other = anna.client("Beer-3").await;
    let bram = anna.colleague("b.devries").await;
    let bodies = [
        anna.evaluation(&other, id).await,
        anna.evaluation(&c, "00000000-0000-4000-8000-000000000001")
            .await,
        anna.evaluation(&c, "geen-id").await,
        bram.evaluation(&c, id).await,
    ]
    .map(|res| res.expect(StatusCode::NOT_FOUND).body);
    assert!(bodies.iter().all(|b| *b == bodies[0]), "{bodies:?}");
    assert_eq!(
        bram.get("/api/clients").await.json(),
        json!([]),
        "Bram sees none of Anna's clients"
    );
}

#[tokio::test]
async fn evaluations_are_listed_newest_first() {
    let (app, c) = spawn_with_client().await;
    let g = app.goal(&c).await;
    for date in ["2026-09-01", "2026-12-01", "2026-10-15"] {
        app.post_evaluation(&c, json!({"date": date, "goals": [{"goal_id": g["id"]}]}))
            .await
            .expect(StatusCode::CREATED);
    }
    let list = app.evaluations(&c).await.expect(StatusCode::OK).json();
    let dates: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-12-01", "2026-10-15", "2026-09-01"]);
}
