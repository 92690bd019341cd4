//! Voortgang scores per goal per session, GAS scales per goal and subgoal statuses.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::clients::uuid_like;
use crate::helpers::{TestApp, spawn_with_client};

/// The audit rows of `action`, as (client, detail).
async fn audited(app: &TestApp, action: &str) -> Vec<(Option<String>, Option<String>)> {
    app.audit_rows()
        .await
        .into_iter()
        .filter(|r| r.action == action)
        .map(|r| (r.client_id, r.detail))
        .collect()
}

#[tokio::test]
async fn a_voortgang_score_is_kept_per_goal_per_session_and_a_second_replaces_the_first() {
    let (app, c) = spawn_with_client().await;
    let g = app.goal(&c).await;
    let first = app.session(&c, "2026-11-03").await;
    let second = app.session(&c, "2026-11-10").await;
    app.put_score(&c, &second, &g, json!(7))
        .await
        .expect(StatusCode::OK);
    let put = app
        .put_score(&c, &first, &g, json!(3))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(put["date"], "2026-11-03");
    app.put_score(&c, &first, &g, json!(4))
        .await
        .expect(StatusCode::OK);
    let progress = app.progress(&c).await.expect(StatusCode::OK).json();
    let scores: Vec<(Value, Value)> = progress["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["date"].clone(), s["score"].clone()))
        .collect();
    assert_eq!(
        scores,
        [
            (json!("2026-11-03"), json!(4)),
            (json!("2026-11-10"), json!(7))
        ]
    );
    assert_eq!(app.count("goal_scores").await, 2);
    let detail = format!(
        "session {} goal {}",
        first["id"].as_str().unwrap(),
        g["id"].as_str().unwrap()
    );
    let client = c["id"].as_str().map(str::to_owned);
    assert_eq!(
        audited(&app, "score.set").await[1..],
        [
            (client.clone(), Some(detail.clone())),
            (client.clone(), Some(detail))
        ]
    );
    assert_eq!(audited(&app, "progress.read").await, [(client, None)]);
}

#[tokio::test]
async fn a_score_outside_zero_to_ten_is_refused_with_the_models_dutch_reason() {
    let (app, c) = spawn_with_client().await;
    let g = app.goal(&c).await;
    let s = app.session(&c, "2026-11-03").await;
    for (score, got) in [(json!(11), "11"), (json!(-1), "-1")] {
        let res = app
            .put_score(&c, &s, &g, score)
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.message().contains(&format!(
                "De voortgangsscore moet tussen 0 en 10 liggen (nu {got})."
            )),
            "{}",
            res.text()
        );
    }
    assert_eq!(app.count("goal_scores").await, 0);
}

#[tokio::test]
async fn a_goal_or_session_of_another_client_answers_like_a_missing_one() {
    let (app, c) = spawn_with_client().await;
    let other = app.client("Beer-3").await;
    let (g, s) = (app.goal(&c).await, app.session(&c, "2026-11-03").await);
    let (og, os) = (
        app.goal(&other).await,
        app.session(&other, "2026-11-03").await,
    );
    let missing = json!({"id": uuid_like(7)});
    let bodies = [
        app.put_score(&c, &os, &g, json!(5)).await,
        app.put_score(&c, &s, &og, json!(5)).await,
        app.put_score(&c, &missing, &g, json!(5)).await,
        app.put_score(&c, &s, &missing, json!(5)).await,
        app.put_gas(&c, &og, json!({"levels": ["a", "b", "c", "d", "e"]}))
            .await,
        app.put_gas(&c, &missing, json!({"levels": ["a", "b", "c", "d", "e"]}))
            .await,
        app.put_subgoal(&c, &og, "0", "bezig").await,
    ]
    .map(|res| res.expect(StatusCode::NOT_FOUND).body);
    assert!(bodies.iter().all(|b| *b == bodies[0]), "{bodies:?}");
    assert_eq!(app.count("goal_scores").await, 0);
    assert_eq!(app.count("gas_scales").await, 0);
}

#[tokio::test]
async fn another_therapists_client_answers_exactly_like_a_missing_one_on_every_progress_route() {
    let (anna, c) = spawn_with_client().await;
    let g = anna
        .post_goal(
            &c,
            json!({"domain": "grenzen", "title": "Nee zeggen", "subgoals": ["Stop zeggen"]}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    let s = anna.session(&c, "2026-11-03").await;
    let bram = anna.colleague("b.devries").await;
    let scale = json!({"levels": ["a", "b", "c", "d", "e"]});
    let missing = json!({"id": uuid_like(9)});
    let mut bodies = Vec::new();
    for client in [&c, &missing] {
        for res in [
            bram.progress(client).await,
            bram.put_score(client, &s, &g, json!(5)).await,
            bram.put_gas(client, &g, scale.clone()).await,
            bram.put_subgoal(client, &g, "0", "bereikt").await,
            bram.evaluations(client).await,
            bram.post_evaluation(
                client,
                json!({"date": "2026-12-01", "goals": [{"goal_id": g["id"]}]}),
            )
            .await,
        ] {
            bodies.push(res.expect(StatusCode::NOT_FOUND).body);
        }
    }
    assert!(bodies.iter().all(|b| *b == bodies[0]), "{bodies:?}");
    for table in [
        "goal_scores",
        "gas_scales",
        "subgoal_statuses",
        "evaluations",
    ] {
        assert_eq!(anna.count(table).await, 0, "{table}");
    }
}

#[tokio::test]
async fn a_gas_scale_is_kept_with_its_words_weight_and_baseline_and_can_be_rewritten() {
    let (app, c) = spawn_with_client().await;
    let g = app.goal(&c).await;
    let kept = app.gas(&c, &g, Some(6)).await;
    assert_eq!(kept["scale"]["levels"][2], "meestal zelf");
    assert_eq!(kept["scale"]["weight"], 6);
    app.put_gas(
        &c,
        &g,
        json!({"levels": [" nooit ", "soms", "half", "vaak", "altijd"], "baseline": -2}),
    )
    .await
    .expect(StatusCode::OK);
    let progress = app.progress(&c).await.expect(StatusCode::OK).json();
    let scales = progress["scales"].as_array().unwrap();
    assert_eq!(scales.len(), 1);
    assert_eq!(
        scales[0]["scale"],
        json!({"levels": ["nooit", "soms", "half", "vaak", "altijd"], "weight": null, "baseline": -2})
    );
    assert_eq!(audited(&app, "gas.set").await.len(), 2);
}

#[tokio::test]
async fn a_gas_scale_with_an_empty_level_or_a_bad_weight_is_refused_in_dutch() {
    let (app, c) = spawn_with_client().await;
    let g = app.goal(&c).await;
    for (scale, reason) in [
        (
            json!({"levels": ["a", "", "c", "d", "e"]}),
            "De omschrijving bij niveau −1 is leeg; vul iets in.",
        ),
        (
            json!({"levels": ["a", "b", "c", "d", "e"], "weight": 12}),
            "Het gewicht van een doel moet tussen 1 en 9 liggen (nu 12).",
        ),
        (
            json!({"levels": ["a", "b", "c", "d", "e"], "baseline": 3}),
            "Een GAS-niveau moet tussen -2 en 2 liggen (nu 3).",
        ),
    ] {
        let res = app
            .put_gas(&c, &g, scale)
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.message().contains(reason), "{}", res.text());
    }
    assert_eq!(app.count("gas_scales").await, 0);
}

#[tokio::test]
async fn a_subgoal_status_is_kept_by_place_and_a_place_the_goal_lacks_does_not_exist() {
    let (app, c) = spawn_with_client().await;
    let g = app
        .post_goal(&c, json!({"domain": "grenzen", "title": "Nee zeggen", "subgoals": ["Stop zeggen", "Weglopen mag"]}))
        .await
        .expect(StatusCode::CREATED)
        .json();
    app.put_subgoal(&c, &g, "1", "bezig")
        .await
        .expect(StatusCode::OK);
    app.put_subgoal(&c, &g, "1", "bereikt")
        .await
        .expect(StatusCode::OK);
    app.put_subgoal(&c, &g, "2", "bezig")
        .await
        .expect(StatusCode::NOT_FOUND);
    app.put_subgoal(&c, &g, "een", "bezig")
        .await
        .expect(StatusCode::NOT_FOUND);
    app.put_subgoal(&c, &g, "0", "klaar")
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    let progress = app.progress(&c).await.expect(StatusCode::OK).json();
    let subgoals = progress["subgoals"].as_array().unwrap();
    assert_eq!(subgoals.len(), 1);
    assert_eq!(subgoals[0]["index"], 1);
    assert_eq!(subgoals[0]["status"], "bereikt");
    let detail = format!("goal {} subgoal 1", g["id"].as_str().unwrap());
    let details: Vec<Option<String>> = audited(&app, "subgoal.set")
        .await
        .into_iter()
        .map(|r| r.1)
        .collect();
    assert_eq!(details, [Some(detail.clone()), Some(detail)]);
}

#[tokio::test]
async fn deleting_a_client_removes_its_scores_scales_statuses_and_evaluations() {
    let (app, c) = spawn_with_client().await;
    let g = app
        .post_goal(
            &c,
            json!({"domain": "grenzen", "title": "Nee zeggen", "subgoals": ["Stop"]}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    let s = app.session(&c, "2026-11-03").await;
    app.put_score(&c, &s, &g, json!(5))
        .await
        .expect(StatusCode::OK);
    app.gas(&c, &g, None).await;
    app.put_subgoal(&c, &g, "0", "bezig")
        .await
        .expect(StatusCode::OK);
    app.post_evaluation(
        &c,
        json!({"date": "2026-12-01", "goals": [{"goal_id": g["id"], "level": 0}]}),
    )
    .await
    .expect(StatusCode::CREATED);
    app.delete_client(&c).await.expect(StatusCode::NO_CONTENT);
    for table in [
        "goal_scores",
        "gas_scales",
        "subgoal_statuses",
        "evaluations",
        "evaluation_goals",
    ] {
        assert_eq!(app.count(table).await, 0, "{table}");
    }
}
