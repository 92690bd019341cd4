//! Kindermodus: a login session locked to one client, session and work form. Every route of the
//! registry is walked under a lock, and the uploads it lets through. Ending a lock: `kiosk_unlock.rs`.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, drawing, id_of, record, spawn_with_client};
use crate::security::one_of_each;

pub(crate) const PIN: &str = "2468";

impl TestApp {
    /// Sets the kindermodus PIN; panics unless it is stored.
    pub(crate) async fn set_pin(&self, pin: &str) {
        self.send("PUT", "/api/kiosk/pin", Some(json!({ "pin": pin })))
            .await
            .expect(StatusCode::NO_CONTENT);
    }

    /// `POST /api/kiosk`.
    pub(crate) async fn start_kiosk(
        &self,
        client: &Value,
        session: &str,
        form: &str,
    ) -> crate::helpers::Res {
        self.post(
            "/api/kiosk",
            json!({"client_id": client["id"], "session_id": session, "work_form": form}),
        )
        .await
    }

    /// `POST /api/kiosk/unlock`.
    pub(crate) async fn unlock(&self, pin: &str) -> crate::helpers::Res {
        self.post("/api/kiosk/unlock", json!({ "pin": pin })).await
    }

    /// Lets the next PIN through at once (as if the wait after a wrong one were over).
    pub(crate) async fn wait_is_over(&self) {
        sqlx::query("UPDATE kiosk_locks SET retry_at = NULL")
            .execute(&self.state.db)
            .await
            .unwrap();
    }

    /// The actions of the audit rows written after the first `from`.
    pub(crate) async fn actions_since(&self, from: usize) -> Vec<(String, Option<String>)> {
        self.audit_rows().await[from..]
            .iter()
            .map(|r| (r.action.clone(), r.detail.clone()))
            .collect()
    }
}

/// A therapist with two clients, one of each object for both, a PIN, and this login session
/// locked to the first client's session in the drawing work form. Gives the app, the locked
/// client, its session id, and the path fillers of both clients.
pub(crate) async fn locked() -> (
    TestApp,
    Value,
    String,
    impl Fn(&str) -> String,
    impl Fn(&str) -> String,
) {
    let (app, c) = spawn_with_client().await;
    let other = app.client("Das-3").await;
    let (_, mine) = one_of_each(&app, &c).await;
    let (_, theirs) = one_of_each(&app, &other).await;
    let session = id_of(&app.session(&c, "2026-12-03").await).to_owned();
    app.set_pin(PIN).await;
    let lock = app
        .start_kiosk(&c, &session, "beeldend")
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(lock["work_form"], "beeldend");
    assert_eq!(lock["client_id"], c["id"]);
    (app, c, session, mine, theirs)
}

/// What a drawing lock answers on the locked client's own paths (with an empty body where the
/// route takes one): the reads the drawing makes and what the lock itself needs pass (and
/// then refuse the empty body, 422); everything else is 403.
fn expected_own(method: &str, path: &str) -> StatusCode {
    match (method, path) {
        ("GET", "/api/me" | "/api/clients/{id}/goals" | "/api/health" | "/api/openapi.json") => {
            StatusCode::OK
        }
        ("POST", "/api/kiosk/unlock" | "/api/kiosk/unlock-password" | "/api/login")
        | ("PUT", "/api/artefacts/{id}") => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::FORBIDDEN,
    }
}

#[tokio::test]
async fn under_a_lock_every_route_but_the_work_forms_own_is_refused() {
    let (app, _c, _session, mine, theirs) = locked().await;
    let clients = app.count("clients").await;
    let routes = speelruimte_server::routes::list();
    assert!(routes.len() > 30, "the whole registry is walked");
    for r in &routes {
        let m = r.method.as_str();
        let body = (m != "GET").then(|| json!({}));
        let res = app.send(m, &mine(&r.path), body.clone()).await;
        let want = expected_own(m, &r.path);
        assert_eq!(
            res.status,
            want,
            "{m} {} (own client): {}",
            r.path,
            res.text()
        );
        if want == StatusCode::FORBIDDEN {
            assert_eq!(res.json()["error"], "kiosk_locked", "{m} {}", r.path);
            assert!(res.message().contains("kindermodus"), "{}", res.message());
        }
        // Another client's anything is missing, exactly as a missing object is.
        let names_object =
            r.path.starts_with("/api/clients/{id}") || r.path.starts_with("/api/artefacts/{id}");
        if names_object && !(m == "PUT" && r.path == "/api/artefacts/{id}") {
            let res = app.send(m, &theirs(&r.path), body).await;
            assert_eq!(
                res.status,
                StatusCode::NOT_FOUND,
                "{m} {} (other client): {}",
                r.path,
                res.text()
            );
            assert_eq!(res.json()["error"], "not_found");
            let missing = app
                .send(
                    m,
                    &r.path
                        .replace("{id}", &uuid::Uuid::new_v4().to_string())
                        .replace("{eid}", "x")
                        .replace("{sid}", "x")
                        .replace("{gid}", "x")
                        .replace("{index}", "0")
                        .replace("{name}", "x"),
                    (m != "GET").then(|| json!({})),
                )
                .await;
            assert_eq!(
                missing.status,
                StatusCode::NOT_FOUND,
                "{m} {} (missing)",
                r.path
            );
            assert_eq!(
                missing.body, res.body,
                "{m} {}: another client's answer differs from a missing one",
                r.path
            );
        }
    }
    assert_eq!(app.count("clients").await, clients, "nothing was changed");
    // /api/me tells the app where it is locked.
    let me = app.get("/api/me").await.expect(StatusCode::OK).json();
    assert_eq!(me["kiosk"]["work_form"], "beeldend");
    assert_eq!(me["kiosk"]["pin_blocked"], false);
    // The refusals are in the audit log, as this therapist's.
    let refused = app
        .audit_rows()
        .await
        .into_iter()
        .filter(|r| r.action == "refused")
        .count();
    assert!(refused > 30, "only {refused} refusals logged");
}

#[tokio::test]
async fn each_work_form_may_read_only_what_its_page_reads() {
    for (form, client_read, exercises_read) in [
        ("beeldend", StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
        ("muziek", StatusCode::OK, StatusCode::FORBIDDEN),
        ("spanning", StatusCode::OK, StatusCode::OK),
    ] {
        let (app, c) = spawn_with_client().await;
        let session = id_of(&app.session(&c, "2026-12-03").await).to_owned();
        app.set_pin(PIN).await;
        app.start_kiosk(&c, &session, form)
            .await
            .expect(StatusCode::CREATED);
        let id = id_of(&c);
        assert_eq!(
            app.get(&format!("/api/clients/{id}")).await.status,
            client_read,
            "{form}"
        );
        assert_eq!(
            app.get(&format!("/api/clients/{id}/exercises"))
                .await
                .status,
            exercises_read,
            "{form}"
        );
        app.get(&format!("/api/clients/{id}/goals"))
            .await
            .expect(StatusCode::OK);
        app.get(&format!("/api/clients/{id}/sessions"))
            .await
            .expect(StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn under_a_lock_only_an_upload_into_the_locked_session_is_kept() {
    let (app, c, session, _mine, theirs) = locked().await;
    let other = app.get("/api/clients").await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    let in_session = |mut body: Value, s: &str| {
        body["session_id"] = json!(s);
        body
    };
    let new_id = || uuid::Uuid::new_v4().to_string();
    // Into the locked session: kept.
    app.put_artefact_at(&new_id(), in_session(drawing(&c, &[], "kind"), &session))
        .await
        .expect(StatusCode::CREATED);
    // No session, or another session of the same client: not allowed.
    app.put_artefact_at(&new_id(), drawing(&c, &[], "zonder sessie"))
        .await
        .expect(StatusCode::FORBIDDEN);
    let earlier = app.sessions(&c).await; // refused itself; read the id from the database
    assert_eq!(earlier.status, StatusCode::FORBIDDEN);
    let other_session: String =
        sqlx::query_scalar("SELECT id FROM therapy_sessions WHERE client_id = ? AND id != ?")
            .bind(id_of(&c))
            .bind(&session)
            .fetch_one(&app.state.db)
            .await
            .unwrap();
    app.put_artefact_at(
        &new_id(),
        in_session(drawing(&c, &[], "andere"), &other_session),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    // Another work form's record: not allowed.
    let music = in_session(record("music", &c, json!({"note": "x"})), &session);
    app.put_artefact_at(&new_id(), music)
        .await
        .expect(StatusCode::FORBIDDEN);
    // Another client's work, or an id another client's artefact holds: missing.
    let other: String = sqlx::query_scalar("SELECT id FROM clients WHERE id != ?")
        .bind(id_of(&c))
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    let theirs_body = drawing(&json!({"id": other}), &[], "ander kind");
    let res = app
        .put_artefact_at(&new_id(), theirs_body)
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(res.json()["error"], "not_found");
    let their_artefact = theirs("/api/artefacts/{id}")
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    app.put_artefact_at(
        &their_artefact,
        in_session(drawing(&c, &[], "kind"), &session),
    )
    .await
    .expect(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_pin_is_four_to_eight_digits_and_needed_to_start() {
    let (app, c) = spawn_with_client().await;
    let session = id_of(&app.session(&c, "2026-12-03").await).to_owned();
    let res = app
        .start_kiosk(&c, &session, "beeldend")
        .await
        .expect(StatusCode::CONFLICT);
    assert_eq!(res.json()["error"], "kiosk_no_pin");
    for bad in ["123", "123456789", "12a4", "twaalf"] {
        let res = app
            .send("PUT", "/api/kiosk/pin", Some(json!({ "pin": bad })))
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.message()
                .contains("De pincode moet uit 4 tot 8 cijfers bestaan"),
            "{bad}: {}",
            res.message()
        );
    }
    assert_eq!(app.count("kiosk_pins").await, 0);
    app.set_pin("12345678").await;
    let stored: String = sqlx::query_scalar("SELECT pin_hash FROM kiosk_pins")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert!(
        stored.starts_with("$argon2id$"),
        "a slow hash, not the digits"
    );
    // Another client's session, or a time frame out of range: refused.
    let other = app.client("Das-3").await;
    app.start_kiosk(&other, &session, "beeldend")
        .await
        .expect(StatusCode::NOT_FOUND);
    let res = app
        .post("/api/kiosk", json!({"client_id": c["id"], "session_id": session, "work_form": "beeldend", "minutes": 90}))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message().contains("tussen 5 en 60"),
        "{}",
        res.message()
    );
    let lock = app
        .post("/api/kiosk", json!({"client_id": c["id"], "session_id": session, "work_form": "beeldend", "minutes": 20}))
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(lock["minutes"], 20);
    let left = lock["seconds_left"].as_u64().unwrap();
    assert!((1190..=1200).contains(&left), "{left}");
}

#[tokio::test]
async fn deleting_the_locked_client_elsewhere_does_not_open_the_lock() {
    let (app, c, _session, _, _) = locked().await;
    sqlx::query("DELETE FROM clients WHERE id = ?")
        .bind(id_of(&c))
        .execute(&app.state.db)
        .await
        .unwrap();
    app.get("/api/clients").await.expect(StatusCode::FORBIDDEN);
    let me = app.get("/api/me").await.expect(StatusCode::OK).json();
    assert_eq!(me["kiosk"]["client_id"], Value::Null);
    app.get(&format!("/api/clients/{}/goals", id_of(&c)))
        .await
        .expect(StatusCode::NOT_FOUND);
    app.unlock(PIN).await.expect(StatusCode::NO_CONTENT);
    app.get("/api/clients").await.expect(StatusCode::OK);
}
