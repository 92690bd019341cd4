use axum::http::{StatusCode, header};
use serde_json::json;

use crate::helpers::{PASSWORD, spawn_app, spawn_app_with};
use speelruimte_server::auth::throttle::Limits;

#[tokio::test]
async fn a_fresh_server_has_no_account_to_log_in_with() {
    let app = spawn_app().await;
    assert_eq!(
        app.get("/api/setup").await.expect(StatusCode::OK).json(),
        json!({"needed": true})
    );
    for (user, pw) in [("admin", "admin"), ("admin", "password"), ("root", "")] {
        app.post("/api/login", json!({"username": user, "password": pw}))
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn the_setup_token_makes_the_first_account_once() {
    let mut app = spawn_app().await;
    let token = app.setup_token.clone().unwrap();
    let me = app.setup("a.jansen").await;
    assert_eq!(me["username"], "a.jansen");
    assert_eq!(app.get("/api/setup").await.json(), json!({"needed": false}));
    app.cookie = None;
    let again = app
        .post("/api/setup", json!({"token": token, "username": "mallory", "display_name": "M", "password": PASSWORD}))
        .await
        .expect(StatusCode::FORBIDDEN);
    assert_eq!(again.message(), "Deze link is ongeldig of al gebruikt.");
    assert_eq!(app.count("therapists").await, 1);
}

#[tokio::test]
async fn a_wrong_setup_token_makes_nothing() {
    let app = spawn_app().await;
    app.post(
        "/api/setup",
        json!({"token": "raden", "username": "mallory", "display_name": "M", "password": PASSWORD}),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    assert_eq!(app.count("therapists").await, 0);
}

#[tokio::test]
async fn a_password_of_eleven_characters_is_refused_in_dutch() {
    let app = spawn_app().await;
    let res = app
        .post("/api/setup", json!({"token": app.setup_token, "username": "a.jansen", "display_name": "A", "password": "elf-tekens!"}))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message()
            .contains("Het wachtwoord is te kort (11 tekens)"),
        "{}",
        res.text()
    );
    assert_eq!(app.count("therapists").await, 0);
}

#[tokio::test]
async fn login_sets_a_strict_httponly_cookie_and_logout_ends_the_session() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    app.cookie = None;
    let res = app
        .post(
            "/api/login",
            json!({"username": "A.Jansen", "password": PASSWORD}),
        )
        .await
        .expect(StatusCode::OK);
    let cookie = res.set_cookie().to_owned();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Max-Age=43200"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http on localhost: no Secure flag"
    );
    app.take_session(&res);
    app.get("/api/me").await.expect(StatusCode::OK);
    app.post("/api/logout", json!({}))
        .await
        .expect(StatusCode::NO_CONTENT);
    // The ended login's cookie, sent again (its logout answer lost on the way): refused, and
    // the answer removes it from the browser.
    let again = app.get("/api/me").await.expect(StatusCode::UNAUTHORIZED);
    assert!(
        again.set_cookie().contains("Max-Age=0"),
        "{}",
        again.set_cookie()
    );
}

#[tokio::test]
async fn an_invite_lets_a_colleague_make_an_account_once() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let invite = app
        .post("/api/invites", json!({}))
        .await
        .expect(StatusCode::CREATED)
        .json();
    let body = json!({"token": invite["token"], "username": "b.devries", "display_name": "Bram", "password": PASSWORD});
    let saved = (app.cookie.take(), app.csrf.take());
    app.post("/api/setup", body.clone())
        .await
        .expect(StatusCode::CREATED);
    let mut second = body;
    second["username"] = json!("c.other");
    app.post("/api/setup", second)
        .await
        .expect(StatusCode::FORBIDDEN);
    (app.cookie, app.csrf) = saved;
    assert_eq!(app.count("therapists").await, 2);
}

#[tokio::test]
async fn the_sixth_failed_login_locks_the_account_even_for_the_right_password() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    app.cookie = None;
    for _ in 0..5 {
        app.post(
            "/api/login",
            json!({"username": "a.jansen", "password": "fout fout fout"}),
        )
        .await
        .expect(StatusCode::UNAUTHORIZED);
    }
    let res = app
        .post(
            "/api/login",
            json!({"username": "a.jansen", "password": PASSWORD}),
        )
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.headers.get(header::RETRY_AFTER).unwrap(), "900");
    assert_eq!(
        res.message(),
        "Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw."
    );
}

#[tokio::test]
async fn one_address_guessing_many_accounts_is_stopped() {
    let mut app = spawn_app_with(Limits {
        per_address: 3,
        ..Limits::default()
    })
    .await;
    app.setup("a.jansen").await;
    app.cookie = None;
    for user in ["x1", "x2", "x3"] {
        app.post(
            "/api/login",
            json!({"username": user, "password": "gok gok gok gok"}),
        )
        .await
        .expect(StatusCode::UNAUTHORIZED);
    }
    app.post(
        "/api/login",
        json!({"username": "a.jansen", "password": PASSWORD}),
    )
    .await
    .expect(StatusCode::TOO_MANY_REQUESTS);
    app.address = "10.9.9.9".into();
    app.post(
        "/api/login",
        json!({"username": "a.jansen", "password": PASSWORD}),
    )
    .await
    .expect(StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_parallel_wrong_logins_let_at_most_the_limit_through_to_argon2() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    app.cookie = None;
    app.csrf = None;
    let hashes_before = app.state.passwords.runs();
    let app = std::sync::Arc::new(app);
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..50 {
        let app = app.clone();
        guesses.spawn(async move {
            app.post(
                "/api/login",
                json!({"username": "a.jansen", "password": format!("gok nummer {i}")}),
            )
            .await
            .status
        });
    }
    let answers = guesses.join_all().await;
    let wrong = answers
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let throttled = answers
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(
        (wrong, throttled),
        (5, 45),
        "only the 5 allowed guesses may reach the password check: {answers:?}"
    );
    assert_eq!(app.state.passwords.runs() - hashes_before, 5, "argon2 runs");
}

#[tokio::test]
async fn a_wrong_setup_token_is_refused_before_any_password_is_hashed() {
    let mut app = spawn_app().await;
    app.post(
        "/api/setup",
        json!({"token": "raden", "username": "mallory", "display_name": "M", "password": PASSWORD}),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    assert_eq!(app.state.passwords.runs(), 0);
    app.setup("a.jansen").await;
    assert_eq!(
        app.state.passwords.runs(),
        1,
        "the right token is hashed once"
    );
}

#[tokio::test]
async fn wrong_setup_tokens_from_one_address_are_throttled() {
    let app = spawn_app_with(Limits {
        per_address: 3,
        ..Limits::default()
    })
    .await;
    let mut app = app;
    for _ in 0..3 {
        app.post(
            "/api/setup",
            json!({"token": "raden", "username": "mallory", "display_name": "M", "password": PASSWORD}),
        )
        .await
        .expect(StatusCode::FORBIDDEN);
    }
    let token = app.setup_token.clone().unwrap();
    let body = json!({"token": token, "username": "a.jansen", "display_name": "Anna", "password": PASSWORD});
    let res = app
        .post("/api/setup", body.clone())
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers.get(header::RETRY_AFTER).is_some());
    app.address = "10.7.7.7".into();
    app.post("/api/setup", body)
        .await
        .expect(StatusCode::CREATED);
}
