use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_therapist_adds_and_lists_clients_by_label() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    app.client("Vos-12").await;
    app.client("Beer-3").await;
    let list = app.get("/api/clients").await.expect(StatusCode::OK).json();
    let labels: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["Beer-3", "Vos-12"]);
}

#[tokio::test]
async fn an_empty_label_is_refused_with_the_models_dutch_reason() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let res = app
        .post(
            "/api/clients",
            json!({"label": "  ", "birth_year": 2016, "discipline": "pmt"}),
        )
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message()
            .contains("Het cliëntlabel is leeg; vul iets in."),
        "{}",
        res.text()
    );
    assert_eq!(app.count("clients").await, 0);
}

#[tokio::test]
async fn a_birth_year_in_the_future_is_refused() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let res = app
        .post(
            "/api/clients",
            json!({"label": "Vos", "birth_year": 2099, "discipline": "pmt"}),
        )
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message()
            .starts_with("Geboortejaar 2099 kan niet kloppen")
    );
}

#[tokio::test]
async fn a_goal_with_an_unknown_domain_is_refused() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let c = app.client("Vos-12").await;
    app.post(
        &format!("/api/clients/{}/goals", c["id"].as_str().unwrap()),
        json!({"domain": "geluk", "title": "x"}),
    )
    .await
    .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("goals").await, 0);
}

#[tokio::test]
async fn goals_and_sessions_are_kept_per_client() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let c = app.client("Vos-12").await;
    let id = c["id"].as_str().unwrap();
    let g = app
        .post(&format!("/api/clients/{id}/goals"), json!({"domain": "spanning_reguleren", "title": "Ontspannen", "subgoals": ["Adem", "Voelen"]}))
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(g["subgoals"], json!(["Adem", "Voelen"]));
    app.post(
        &format!("/api/clients/{id}/sessions"),
        json!({"date": "2026-11-24", "notes": "goed gewerkt"}),
    )
    .await
    .expect(StatusCode::CREATED);
    let goals = app
        .get(&format!("/api/clients/{id}/goals"))
        .await
        .expect(StatusCode::OK)
        .json();
    let sessions = app
        .get(&format!("/api/clients/{id}/sessions"))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(goals[0]["title"], "Ontspannen");
    assert_eq!(sessions[0]["date"], "2026-11-24");
    assert_eq!(sessions[0]["notes"], "goed gewerkt");
}

#[tokio::test]
async fn another_therapists_client_answers_exactly_like_a_missing_one_on_every_route() {
    let mut anna = spawn_app().await;
    anna.setup("a.jansen").await;
    let c = anna.client("Vos-12").await;
    let g = anna.goal(&c).await;
    let id = c["id"].as_str().unwrap();
    anna.put_artefact(&c, &[&g]).await;
    let bram = anna.colleague("b.devries").await;
    let missing = "7d2a3e1c-41a1-4bd5-9b1c-2a1c3b4d5e6f";
    for (method, path) in [
        ("GET", "/api/clients/{}"),
        ("GET", "/api/clients/{}/goals"),
        ("GET", "/api/clients/{}/sessions"),
        ("GET", "/api/clients/{}/artefacts"),
        ("DELETE", "/api/clients/{}"),
    ] {
        let theirs = bram
            .send(method, &path.replace("{}", id), None)
            .await
            .expect(StatusCode::NOT_FOUND);
        let absent = bram
            .send(method, &path.replace("{}", missing), None)
            .await
            .expect(StatusCode::NOT_FOUND);
        assert_eq!(theirs.body, absent.body, "{method} {path}");
    }
    for path in ["/api/clients/{}/goals", "/api/clients/{}/sessions"] {
        let body = if path.ends_with("goals") {
            json!({"domain": "autonomie", "title": "x"})
        } else {
            json!({"date": "2026-11-24"})
        };
        bram.post(&path.replace("{}", id), body)
            .await
            .expect(StatusCode::NOT_FOUND);
    }
    // Bram cannot hang his own upload on Anna's client either.
    let res = bram
        .send(
            "PUT",
            &format!("/api/artefacts/{}", uuid_like(9)),
            Some(crate::helpers::drawing(&c, &[], "x")),
        )
        .await;
    res.expect(StatusCode::NOT_FOUND);
    assert_eq!(bram.get("/api/clients").await.json(), json!([]));
    assert_eq!(
        anna.get(&format!("/api/clients/{id}"))
            .await
            .expect(StatusCode::OK)
            .json()["label"],
        "Vos-12"
    );
}

pub fn uuid_like(n: u8) -> String {
    format!("00000000-0000-4000-8000-0000000000{n:02}")
}

#[tokio::test]
async fn deleting_a_client_removes_its_rows_and_files_but_keeps_the_audit_trail() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let c = app.client("Vos-12").await;
    let g = app.goal(&c).await;
    app.put_artefact(&c, &[&g]).await;
    let blob_files = |dir: &std::path::Path| walk(&dir.join("data/blobs"));
    assert_eq!(blob_files(app.data.path()), 3);
    app.send(
        "DELETE",
        &format!("/api/clients/{}", c["id"].as_str().unwrap()),
        None,
    )
    .await
    .expect(StatusCode::NO_CONTENT);
    for table in [
        "clients",
        "goals",
        "artefacts",
        "artefact_blobs",
        "artefact_goals",
    ] {
        assert_eq!(app.count(table).await, 0, "{table}");
    }
    assert_eq!(blob_files(app.data.path()), 0);
    let deleted: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'client.delete'")
            .fetch_one(&app.state.db)
            .await
            .unwrap();
    assert_eq!(deleted, 1);
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}
