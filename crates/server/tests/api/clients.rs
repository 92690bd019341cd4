use std::sync::Arc;

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{drawing, png_base64, spawn_logged_in, spawn_with_client, strokes_base64};

#[tokio::test]
async fn a_therapist_adds_and_lists_clients_by_label() {
    let app = spawn_logged_in().await;
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
async fn a_client_that_breaks_a_rule_is_refused_with_the_models_dutch_reason() {
    let app = spawn_logged_in().await;
    for (label, birth_year, reason) in [
        ("  ", 2016, "Het cliëntlabel is leeg; vul iets in."),
        ("Vos", 2099, "Geboortejaar 2099 kan niet kloppen"),
    ] {
        let res = app
            .post_client(json!({"label": label, "birth_year": birth_year, "discipline": "pmt"}))
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.message().contains(reason), "{}", res.text());
    }
    assert_eq!(app.count("clients").await, 0);
}

#[tokio::test]
async fn a_goal_with_an_unknown_domain_is_refused() {
    let (app, c) = spawn_with_client().await;
    app.post_goal(&c, json!({"domain": "geluk", "title": "x"}))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("goals").await, 0);
}

#[tokio::test]
async fn goals_and_sessions_are_kept_per_client() {
    let (app, c) = spawn_with_client().await;
    let g = app
        .post_goal(&c, json!({"domain": "spanning_reguleren", "title": "Ontspannen", "subgoals": ["Adem", "Voelen"]}))
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(g["subgoals"], json!(["Adem", "Voelen"]));
    app.post_session(&c, json!({"date": "2026-11-24", "notes": "goed gewerkt"}))
        .await
        .expect(StatusCode::CREATED);
    let goals = app.goals(&c).await.expect(StatusCode::OK).json();
    let sessions = app.sessions(&c).await.expect(StatusCode::OK).json();
    assert_eq!(goals[0]["title"], "Ontspannen");
    assert_eq!(sessions[0]["date"], "2026-11-24");
    assert_eq!(sessions[0]["notes"], "goed gewerkt");
}

#[tokio::test]
async fn another_therapists_client_answers_exactly_like_a_missing_one_on_every_route() {
    let (anna, c) = spawn_with_client().await;
    let g = anna.goal(&c).await;
    anna.put_artefact(&c, &[&g]).await;
    let bram = anna.colleague("b.devries").await;
    let missing = json!({"id": "7d2a3e1c-41a1-4bd5-9b1c-2a1c3b4d5e6f"});
    for client in [&c, &missing] {
        let bodies = [
            bram.read_client(client).await,
            bram.goals(client).await,
            bram.sessions(client).await,
            bram.artefacts(client).await,
            bram.post_goal(client, json!({"domain": "autonomie", "title": "x"}))
                .await,
            bram.post_session(client, json!({"date": "2026-11-24"}))
                .await,
            // Bram cannot hang his own upload on Anna's client either.
            bram.put_artefact_at(&uuid_like(9), drawing(client, &[], "x"))
                .await,
            bram.delete_client(client).await,
        ]
        .map(|res| res.expect(StatusCode::NOT_FOUND).body);
        assert!(bodies.iter().all(|b| *b == bodies[0]), "{bodies:?}");
    }
    assert_eq!(bram.get("/api/clients").await.json(), json!([]));
    assert_eq!(
        anna.read_client(&c).await.expect(StatusCode::OK).json()["label"],
        "Vos-12"
    );
}

pub fn uuid_like(n: u8) -> String {
    format!("00000000-0000-4000-8000-0000000000{n:02}")
}

#[tokio::test]
async fn deleting_a_client_removes_its_rows_and_files_but_keeps_the_audit_trail() {
    let (app, c) = spawn_with_client().await;
    let g = app.goal(&c).await;
    app.put_artefact(&c, &[&g]).await;
    let blob_files = |dir: &std::path::Path| walk(&dir.join("data/blobs"));
    assert_eq!(blob_files(app.data.path()), 3);
    app.delete_client(&c).await.expect(StatusCode::NO_CONTENT);
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

/// Deleting a client and uploading the same bytes for another client at the same moment: the
/// upload may find the file in place and not write it again, so a delete that removes it then
/// would leave the acknowledged upload pointing at nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_a_client_never_takes_a_file_that_a_concurrent_upload_of_the_same_bytes_keeps() {
    let app = Arc::new(spawn_logged_in().await);
    for round in 0..60u32 {
        let leaving = app.client(&format!("Weg-{round}")).await;
        let staying = app.client(&format!("Blijft-{round}")).await;
        // Bytes new in this round, so no earlier round still holds them.
        let mut body = drawing(&leaving, &[], "zelfde");
        body["blobs"][0]["data_base64"] = json!(png_base64(40 + round, 30));
        body["blobs"][1]["data_base64"] = json!(png_base64(8, 6 + round));
        body["blobs"][2]["data_base64"] = json!(strokes_base64(500.0 + round as f32));
        app.put_artefact_at(&uuid::Uuid::new_v4().to_string(), body.clone())
            .await
            .expect(StatusCode::CREATED);
        body["client_id"] = staying["id"].clone();
        let id = uuid::Uuid::new_v4().to_string();
        let delete = {
            let app = app.clone();
            async move { app.delete_client(&leaving).await }
        };
        let upload = {
            let (app, id) = (app.clone(), id.clone());
            async move { app.put_artefact_at(&id, body).await }
        };
        // Both orders of starting them.
        let (deleted, uploaded) = if round % 2 == 0 {
            let d = tokio::spawn(delete);
            let u = tokio::spawn(upload);
            (d.await.unwrap(), u.await.unwrap())
        } else {
            let u = tokio::spawn(upload);
            let d = tokio::spawn(delete);
            (d.await.unwrap(), u.await.unwrap())
        };
        deleted.expect(StatusCode::NO_CONTENT);
        uploaded.expect(StatusCode::CREATED);
        for name in ["image.png", "thumb.png", "strokes.bin"] {
            app.blob(&id, name).await.expect(StatusCode::OK);
        }
    }
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
