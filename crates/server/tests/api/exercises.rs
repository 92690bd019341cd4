use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, id_of, spawn_with_client};

fn breath(title: &str, in_secs: f64, out_secs: f64) -> Value {
    json!({
        "title": title,
        "kind": "breathing",
        "phases": [["in", in_secs, "Adem rustig in"], ["out", out_secs, "Adem langzaam uit"]],
        "repetitions": 6
    })
}

async fn audited(app: &TestApp, action: &str) -> Vec<(Option<String>, Option<String>, String)> {
    sqlx::query_as(
        "SELECT client_id, detail, address FROM audit_events WHERE action = ? ORDER BY id",
    )
    .bind(action)
    .fetch_all(&app.state.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_custom_exercise_is_validated_stored_and_listed_newest_first() {
    let (app, c) = spawn_with_client().await;
    let saved = app
        .post_exercise(&c, breath("Rustig ademen", 3.5, 6.0))
        .await
        .expect(StatusCode::CREATED)
        .json();
    let id = saved["id"].as_str().unwrap();
    assert_eq!(saved["client_id"], c["id"]);
    assert_eq!(saved["exercise"]["id"], format!("custom-{id}"));
    assert_eq!(saved["exercise"]["title"]["nl"], "Rustig ademen");
    assert_eq!(saved["exercise"]["phases"][0]["ms"], 3500);
    assert_eq!(saved["exercise"]["phases"][1]["ms"], 6000);
    assert_eq!(
        saved["exercise"]["phases"][1]["adult"]["nl"],
        "Adem langzaam uit"
    );
    let second = app
        .post_exercise(&c, breath("Vierkant", 4.0, 4.0))
        .await
        .expect(StatusCode::CREATED)
        .json();
    let list = app.exercises(&c).await.expect(StatusCode::OK).json();
    assert_eq!(list, json!([second, saved]));
}

#[tokio::test]
async fn a_zero_length_phase_is_refused_with_a_dutch_reason_naming_the_phase() {
    let (app, c) = spawn_with_client().await;
    let res = app
        .post_exercise(&c, breath("Rustig ademen", 4.0, 0.0))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY)
        .json();
    assert_eq!(res["error"], "validation");
    assert_eq!(
        res["message"],
        "Fase 2 duurt 0 seconden; geef elke fase een duur."
    );
    assert_eq!(app.count("custom_exercises").await, 0);
    assert!(audited(&app, "exercise.create").await.is_empty());
}

#[tokio::test]
async fn malformed_or_oversized_exercises_are_refused_in_dutch() {
    let (app, c) = spawn_with_client().await;
    let mut bad_kind = breath("Rustig ademen", 4.0, 4.0);
    bad_kind["phases"][0][0] = json!("zweven");
    let res = app
        .post_exercise(&c, bad_kind)
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message().starts_with("De gegevens kloppen niet"),
        "{}",
        res.text()
    );
    let mut many = breath("Rustig ademen", 4.0, 4.0);
    many["phases"] = json!(vec![json!(["in", 1.0, "in"]); 51]);
    let res = app
        .post_exercise(&c, many)
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.message(), "Te veel fases: hoogstens 50.");
    let mut endless = breath("Rustig ademen", 60.0, 60.0);
    endless["repetitions"] = json!(31);
    let res = app
        .post_exercise(&c, endless)
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.message().contains("langer dan een uur"));
    let mut huge = breath("Rustig ademen", 4.0, 4.0);
    huge["phases"][0][2] = json!("x".repeat(70_000));
    app.post_exercise(&c, huge)
        .await
        .expect(StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.count("custom_exercises").await, 0);
}

#[tokio::test]
async fn a_client_keeps_at_most_50_custom_exercises() {
    let (app, c) = spawn_with_client().await;
    for i in 0..50 {
        app.post_exercise(&c, breath(&format!("Adem {i}"), 4.0, 4.0))
            .await
            .expect(StatusCode::CREATED);
    }
    let res = app
        .post_exercise(&c, breath("Nog een", 4.0, 4.0))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message()
            .starts_with("Deze cliënt heeft al 50 eigen oefeningen"),
        "{}",
        res.text()
    );
    assert_eq!(app.count("custom_exercises").await, 50);
    // Another client has room of its own.
    let other = app.client("Beer-3").await;
    app.post_exercise(&other, breath("Adem", 4.0, 4.0))
        .await
        .expect(StatusCode::CREATED);
}

#[tokio::test]
async fn another_therapists_client_answers_like_a_missing_one_on_every_exercise_route() {
    let (anna, c) = spawn_with_client().await;
    let saved = anna
        .post_exercise(&c, breath("Rustig ademen", 4.0, 6.0))
        .await
        .expect(StatusCode::CREATED)
        .json();
    let eid = id_of(&saved);
    let bram = anna.colleague("b.devries").await;
    let missing = json!({"id": "7d2a3e1c-41a1-4bd5-9b1c-2a1c3b4d5e6f"});
    for client in [&c, &missing] {
        let list = bram.exercises(client).await.expect(StatusCode::NOT_FOUND);
        let create = bram
            .post_exercise(client, breath("Van Bram", 4.0, 4.0))
            .await
            .expect(StatusCode::NOT_FOUND);
        let delete = bram
            .delete_exercise(client, eid)
            .await
            .expect(StatusCode::NOT_FOUND);
        assert_eq!(list.body, create.body);
        assert_eq!(list.body, delete.body);
    }
    // Anna's exercise is untouched, and an exercise id under another of her clients is not found.
    assert_eq!(
        anna.exercises(&c).await.expect(StatusCode::OK).json(),
        json!([saved])
    );
    let c2 = anna.client("Beer-3").await;
    anna.delete_exercise(&c2, eid)
        .await
        .expect(StatusCode::NOT_FOUND);
    anna.delete_exercise(&c, "niet-een-uuid")
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(anna.count("custom_exercises").await, 1);
}

#[tokio::test]
async fn creating_or_deleting_without_the_csrf_token_is_refused() {
    let (mut app, c) = spawn_with_client().await;
    let saved = app
        .post_exercise(&c, breath("Rustig ademen", 4.0, 6.0))
        .await
        .expect(StatusCode::CREATED)
        .json();
    let token = app.csrf.take();
    let res = app
        .post_exercise(&c, breath("Zonder code", 4.0, 6.0))
        .await
        .expect(StatusCode::FORBIDDEN);
    assert_eq!(res.json()["error"], "csrf");
    app.delete_exercise(&c, id_of(&saved))
        .await
        .expect(StatusCode::FORBIDDEN);
    assert_eq!(app.count("custom_exercises").await, 1);
    app.csrf = token;
}

#[tokio::test]
async fn delete_then_list_is_empty_and_every_step_is_audited() {
    let (app, c) = spawn_with_client().await;
    let cid = id_of(&c);
    let saved = app
        .post_exercise(&c, breath("Rustig ademen", 4.0, 6.0))
        .await
        .expect(StatusCode::CREATED)
        .json();
    let eid = id_of(&saved);
    app.exercises(&c).await.expect(StatusCode::OK);
    app.delete_exercise(&c, eid)
        .await
        .expect(StatusCode::NO_CONTENT);
    assert_eq!(
        app.exercises(&c).await.expect(StatusCode::OK).json(),
        json!([])
    );
    app.delete_exercise(&c, eid)
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(app.count("custom_exercises").await, 0);
    let row = |detail: Option<&str>| {
        (
            Some(cid.to_owned()),
            detail.map(str::to_owned),
            "10.0.0.1".to_owned(),
        )
    };
    assert_eq!(audited(&app, "exercise.create").await, [row(Some(eid))]);
    assert_eq!(audited(&app, "exercise.list").await, [row(None), row(None)]);
    assert_eq!(audited(&app, "exercise.delete").await, [row(Some(eid))]);
    let who: Vec<Option<String>> =
        sqlx::query_scalar("SELECT therapist_id FROM audit_events WHERE action LIKE 'exercise.%'")
            .fetch_all(&app.state.db)
            .await
            .unwrap();
    assert!(who.iter().all(Option::is_some), "{who:?}");
}

#[tokio::test]
async fn deleting_the_client_removes_its_custom_exercises() {
    let (app, c) = spawn_with_client().await;
    app.post_exercise(&c, breath("Rustig ademen", 4.0, 6.0))
        .await
        .expect(StatusCode::CREATED);
    app.delete_client(&c).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(app.count("custom_exercises").await, 0);
}
