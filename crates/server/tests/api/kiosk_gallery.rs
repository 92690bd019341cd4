//! Kindermodus showing the client's own gallery: exactly the gallery's reads pass (this client's
//! timeline and the pictures of this client's artefacts), every other route of the registry is
//! refused, another client's anything is missing, and nothing can be uploaded.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, drawing, id_of, spawn_with_client};
use crate::kiosk::PIN;
use crate::security::one_of_each;

/// A therapist with two clients (one of each object for both, a drawing of each), and this login
/// session locked to the first client's gallery. Gives the app, the locked client, its drawing,
/// the other client's drawing and the path fillers of both clients.
async fn gallery_locked() -> (
    TestApp,
    Value,
    String,
    String,
    impl Fn(&str) -> String,
    impl Fn(&str) -> String,
) {
    let (app, c) = spawn_with_client().await;
    let other = app.client("Das-3").await;
    let (_, mine) = one_of_each(&app, &c).await;
    let (_, theirs) = one_of_each(&app, &other).await;
    let session = id_of(&app.session(&c, "2026-12-03").await).to_owned();
    let mut pic = drawing(&c, &[], "eigen");
    pic["session_id"] = json!(session);
    let own = id_of(
        &app.put_artefact_at(&uuid::Uuid::new_v4().to_string(), pic)
            .await
            .expect(StatusCode::CREATED)
            .json(),
    )
    .to_owned();
    let their = id_of(&app.put_artefact(&other, &[]).await).to_owned();
    app.set_pin(PIN).await;
    let lock = app
        .post(
            "/api/kiosk",
            json!({"client_id": c["id"], "session_id": session, "work_form": "beeldend", "view": "gallery"}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(lock["view"], "gallery");
    (app, c, own, their, mine, theirs)
}

/// What a gallery lock answers on the locked client's own paths (an empty body where a route
/// takes one): the gallery's reads and what the lock itself needs; everything else 403.
fn expected_own(method: &str, path: &str) -> StatusCode {
    match (method, path) {
        (
            "GET",
            "/api/me"
            | "/api/health"
            | "/api/openapi.json"
            | "/api/clients/{id}/timeline"
            | "/api/artefacts/{id}/blobs/{name}",
        ) => StatusCode::OK,
        ("POST", "/api/kiosk/unlock" | "/api/kiosk/unlock-password" | "/api/login")
        | ("PUT", "/api/artefacts/{id}") => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::FORBIDDEN,
    }
}

#[tokio::test]
async fn under_a_gallery_lock_only_the_gallerys_reads_pass() {
    let (app, _c, _own, _their, mine, theirs) = gallery_locked().await;
    let routes = speelruimte_server::routes::list();
    for r in &routes {
        let m = r.method.as_str();
        let body = (m != "GET").then(|| json!({}));
        let res = app.send(m, &mine(&r.path), body.clone()).await;
        assert_eq!(
            res.status,
            expected_own(m, &r.path),
            "{m} {} (own): {}",
            r.path,
            res.text()
        );
        let names_object =
            r.path.starts_with("/api/clients/{id}") || r.path.starts_with("/api/artefacts/{id}");
        if names_object && !(m == "PUT" && r.path == "/api/artefacts/{id}") {
            let res = app.send(m, &theirs(&r.path), body).await;
            assert_eq!(
                res.status,
                StatusCode::NOT_FOUND,
                "{m} {} (other): {}",
                r.path,
                res.text()
            );
            assert_eq!(res.json()["error"], "not_found");
        }
    }
    // The goals, which every work form reads, are not the gallery's.
    assert_eq!(
        app.get(&mine("/api/clients/{id}/goals")).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_gallery_shows_the_clients_pictures_and_no_others_and_nothing_else_of_them() {
    let (app, c, own, their, _mine, _theirs) = gallery_locked().await;
    let page = app
        .get(&format!("/api/clients/{}/timeline?aantal=50", id_of(&c)))
        .await
        .expect(StatusCode::OK)
        .json();
    let items: Vec<&Value> = page["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .collect();
    assert!(items.iter().any(|i| i["id"] == own.as_str()));
    assert!(
        items.iter().all(|i| i["goal_ids"] == json!([])),
        "no goals under the lock"
    );
    for name in ["thumb.png", "image.png"] {
        let res = app
            .get(&format!("/api/artefacts/{own}/blobs/{name}"))
            .await
            .expect(StatusCode::OK);
        assert!(res.body.starts_with(b"\x89PNG"), "{name}");
    }
    // The strokes and the record are not pictures: refused.
    app.get(&format!("/api/artefacts/{own}/blobs/strokes.bin"))
        .await
        .expect(StatusCode::FORBIDDEN);
    app.get(&format!("/api/artefacts/{own}"))
        .await
        .expect(StatusCode::FORBIDDEN);
    // Another client's picture is missing, exactly as a missing one.
    let theirs = app
        .get(&format!("/api/artefacts/{their}/blobs/thumb.png"))
        .await
        .expect(StatusCode::NOT_FOUND);
    let missing = app
        .get(&format!(
            "/api/artefacts/{}/blobs/thumb.png",
            uuid::Uuid::new_v4()
        ))
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(theirs.body, missing.body);
    // Nothing is made under the gallery, not even into the locked session.
    let session: String = sqlx::query_scalar("SELECT session_id FROM kiosk_locks")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    let mut pic = drawing(&c, &[], "nieuw");
    pic["session_id"] = json!(session);
    let before = app.count("artefacts").await;
    app.put_artefact_at(&uuid::Uuid::new_v4().to_string(), pic)
        .await
        .expect(StatusCode::FORBIDDEN);
    assert_eq!(app.count("artefacts").await, before);
    // And the PIN still ends it.
    app.unlock(PIN).await.expect(StatusCode::NO_CONTENT);
    app.get(&format!("/api/clients/{}/goals", id_of(&c)))
        .await
        .expect(StatusCode::OK);
}
