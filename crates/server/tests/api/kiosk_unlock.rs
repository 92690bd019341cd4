//! Ending kindermodus: the right PIN, wrong ones with their growing waits and their log rows,
//! the password after ten wrong ones, logging in again on the locked browser.

use axum::http::{StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp};
use crate::kiosk::{PIN, locked};

#[tokio::test]
async fn the_right_pin_ends_the_lock_and_restores_normal_rights() {
    let (app, c, _session, mine, _) = locked().await;
    app.get("/api/clients").await.expect(StatusCode::FORBIDDEN);
    app.send("POST", "/api/logout", None)
        .await
        .expect(StatusCode::FORBIDDEN);
    let before = app.audit_rows().await.len();
    app.unlock(PIN).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(
        app.actions_since(before).await,
        [("kiosk.unlock".to_owned(), Some("pin".to_owned()))]
    );
    let me = app.get("/api/me").await.expect(StatusCode::OK).json();
    assert_eq!(me["kiosk"], Value::Null);
    assert_eq!(me["kiosk_pin_set"], true);
    app.get("/api/clients").await.expect(StatusCode::OK);
    app.get(&mine("/api/clients/{id}/sessions"))
        .await
        .expect(StatusCode::OK);
    app.read_client(&c).await.expect(StatusCode::OK);
    app.unlock(PIN).await.expect(StatusCode::CONFLICT);
    let actions: Vec<String> = app
        .audit_rows()
        .await
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert!(actions.contains(&"kiosk.pin.set".to_owned()));
    assert!(actions.contains(&"kiosk.lock".to_owned()));
}

#[tokio::test]
async fn wrong_pins_wait_longer_each_time_and_each_is_logged() {
    let (app, _c, _session, _, _) = locked().await;
    let mut waits = Vec::new();
    for n in 1..=6u32 {
        let before = app.audit_rows().await.len();
        let res = app.unlock("1111").await.expect(StatusCode::FORBIDDEN);
        assert_eq!(res.json()["error"], "pin_wrong");
        assert_eq!(res.message(), "Deze pincode klopt niet.");
        let logged = app.actions_since(before).await;
        assert!(
            logged.contains(&(
                "kiosk.unlock.failed".to_owned(),
                Some(format!("pin wrong={n}"))
            )),
            "{logged:?}"
        );
        let me = app.get("/api/me").await.json();
        assert_eq!(me["kiosk"]["wrong_pins"], n);
        let wait = me["kiosk"]["wait_seconds"].as_u64().unwrap();
        waits.push(wait);
        if wait > 0 {
            // At once again, even with the right PIN: refused unseen while the wait lasts.
            let again = app.unlock(PIN).await.expect(StatusCode::TOO_MANY_REQUESTS);
            assert_eq!(again.json()["error"], "pin_wait");
            assert_eq!(
                again.headers[header::RETRY_AFTER].to_str().unwrap(),
                wait.to_string()
            );
            let me = app.get("/api/me").await.json();
            assert_eq!(
                me["kiosk"]["wrong_pins"], n,
                "a PIN refused unseen is not counted"
            );
        }
        app.wait_is_over().await;
    }
    assert_eq!(waits, [0, 1, 2, 4, 8, 16]);
    // The wait over, the right PIN still works after six wrong ones.
    app.unlock(PIN).await.expect(StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn after_ten_wrong_pins_only_the_password_ends_the_lock() {
    let (app, _c, _session, _, _) = locked().await;
    for n in 1..=10 {
        app.wait_is_over().await;
        let res = app.unlock("0000").await.expect(StatusCode::FORBIDDEN);
        let code = if n < 10 { "pin_wrong" } else { "pin_blocked" };
        assert_eq!(res.json()["error"], code, "attempt {n}");
    }
    app.wait_is_over().await;
    let res = app.unlock(PIN).await.expect(StatusCode::FORBIDDEN);
    assert_eq!(res.json()["error"], "pin_blocked");
    assert!(res.message().contains("wachtwoord"), "{}", res.message());
    let me = app.get("/api/me").await.json();
    assert_eq!(me["kiosk"]["pin_blocked"], true);
    let wrong = app
        .post(
            "/api/kiosk/unlock-password",
            json!({"password": "niet het wachtwoord"}),
        )
        .await
        .expect(StatusCode::FORBIDDEN);
    assert_eq!(wrong.json()["error"], "password_wrong");
    app.post(
        "/api/kiosk/unlock-password",
        json!({ "password": PASSWORD }),
    )
    .await
    .expect(StatusCode::NO_CONTENT);
    app.get("/api/clients").await.expect(StatusCode::OK);
    let details: Vec<Option<String>> = app
        .audit_rows()
        .await
        .into_iter()
        .filter(|r| r.action.starts_with("kiosk.unlock"))
        .map(|r| r.detail)
        .collect();
    assert_eq!(details.len(), 12, "{details:?}");
    assert_eq!(details[10].as_deref(), Some("password"));
    assert_eq!(details[11].as_deref(), Some("password"));
}

#[tokio::test]
async fn logging_in_again_on_the_locked_browser_ends_the_lock_and_its_session() {
    let (mut app, _c, _session, _, _) = locked().await;
    let old = app.cookie.clone();
    let res = app
        .post(
            "/api/login",
            json!({"username": "a.jansen", "password": PASSWORD}),
        )
        .await
        .expect(StatusCode::OK);
    assert_eq!(res.json()["kiosk"], Value::Null);
    app.take_session(&res);
    app.get("/api/clients").await.expect(StatusCode::OK);
    assert_eq!(app.count("kiosk_locks").await, 0);
    app.cookie = old;
    app.get("/api/me").await.expect(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_lock_holds_only_its_own_login_session() {
    let (app, _c, _session, _, _) = locked().await;
    logged_in_elsewhere(&app).await;
    app.get("/api/clients").await.expect(StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn once_the_pin_is_blocked_a_login_elsewhere_ends_the_locked_login() {
    let (app, c, _session, _, _) = locked().await;
    for _ in 1..=10 {
        app.wait_is_over().await;
        app.unlock("0000").await.expect(StatusCode::FORBIDDEN);
    }
    logged_in_elsewhere(&app).await;
    // The blocked tablet is logged out (not unlocked: a child holds it), its lock gone.
    app.get("/api/me").await.expect(StatusCode::UNAUTHORIZED);
    app.get("/api/clients")
        .await
        .expect(StatusCode::UNAUTHORIZED);
    assert_eq!(app.count("kiosk_locks").await, 0);
    let ended: Vec<_> = app
        .audit_rows()
        .await
        .into_iter()
        .filter(|r| r.detail.as_deref() == Some("login elsewhere"))
        .collect();
    assert_eq!(ended.len(), 1, "{ended:?}");
    assert_eq!(ended[0].action, "kiosk.unlock");
    assert_eq!(ended[0].client_id.as_deref(), c["id"].as_str());
}

/// The therapist logged in on the same server from another browser (another address), with
/// normal rights there.
async fn logged_in_elsewhere(app: &TestApp) -> TestApp {
    let mut elsewhere = TestApp {
        router: app.router.clone(),
        state: app.state.clone(),
        setup_token: None,
        data: tempfile::tempdir().unwrap(),
        cookie: None,
        csrf: None,
        address: "10.0.0.3".into(),
    };
    let res = elsewhere
        .post(
            "/api/login",
            json!({"username": "a.jansen", "password": PASSWORD}),
        )
        .await
        .expect(StatusCode::OK);
    elsewhere.take_session(&res);
    elsewhere.get("/api/clients").await.expect(StatusCode::OK);
    elsewhere
}
