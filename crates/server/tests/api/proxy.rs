//! Behind a TLS proxy: the forwarding headers of a `--trusted-proxy` are believed (client
//! address for the audit and the throttle, host and scheme for the Origin check); nobody
//! else's are.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, spawn_app_behind};
use speelruimte_server::auth::throttle::Limits;

const PROXY: &str = "127.0.0.1";

async fn app_behind_proxy(limits: Limits) -> TestApp {
    let mut app = spawn_app_behind(limits, &["127.0.0.1", "10.1.0.0/16"]).await;
    app.setup("a.jansen").await;
    app.cookie = None;
    app.csrf = None;
    app
}

async fn login(app: &TestApp, password: &str, peer: &str, headers: &[(&str, &str)]) -> StatusCode {
    app.send_with(
        "POST",
        "/api/login",
        Some(json!({"username": "a.jansen", "password": password})),
        headers,
        peer,
    )
    .await
    .status
}

async fn last_address(app: &TestApp) -> String {
    app.audit_rows().await.pop().unwrap().address
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_audit_and_the_throttle_see_the_clients_address() {
    let app = app_behind_proxy(Limits {
        per_address: 3,
        ..Limits::default()
    })
    .await;
    let guesser = [("x-forwarded-for", "203.0.113.7")];
    for _ in 0..3 {
        assert_eq!(
            login(&app, "fout fout fout", PROXY, &guesser).await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(last_address(&app).await, "203.0.113.7");
    let colleague = [("x-forwarded-for", "198.51.100.2")];
    assert_eq!(
        login(&app, PASSWORD, PROXY, &colleague).await,
        StatusCode::OK,
        "another person behind the same proxy is not locked out"
    );
    assert_eq!(last_address(&app).await, "198.51.100.2");
    assert_eq!(
        login(&app, PASSWORD, PROXY, &guesser).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn forwarding_headers_from_anyone_else_are_ignored() {
    let app = app_behind_proxy(Limits::default()).await;
    let forged = [
        ("x-forwarded-for", "203.0.113.7"),
        ("host", "127.0.0.1:8080"),
        ("x-forwarded-host", "speelruimte.example"),
        ("x-forwarded-proto", "https"),
        ("origin", "https://speelruimte.example"),
    ];
    assert_eq!(
        login(&app, PASSWORD, "192.0.2.50", &forged).await,
        StatusCode::FORBIDDEN,
        "the Origin is compared with the real Host"
    );
    assert_eq!(
        login(&app, PASSWORD, "192.0.2.50", &forged[..1]).await,
        StatusCode::OK
    );
    assert_eq!(last_address(&app).await, "192.0.2.50");
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_origin_is_checked_against_the_forwarded_host_and_scheme() {
    let app = app_behind_proxy(Limits::default()).await;
    let mut headers = vec![
        ("x-forwarded-for", "203.0.113.7"),
        ("host", "127.0.0.1:8080"),
        ("x-forwarded-host", "speelruimte.example"),
        ("x-forwarded-proto", "https"),
        ("origin", "https://speelruimte.example"),
    ];
    let res = app
        .send_with(
            "POST",
            "/api/login",
            Some(json!({"username": "a.jansen", "password": PASSWORD})),
            &headers,
            PROXY,
        )
        .await
        .expect(StatusCode::OK);
    let cookie = res.set_cookie();
    assert!(cookie.contains("; Secure"), "served over https: {cookie}");
    headers[4] = ("origin", "http://speelruimte.example");
    assert_eq!(
        login(&app, PASSWORD, PROXY, &headers).await,
        StatusCode::FORBIDDEN,
        "an http page may not post to the https site"
    );
    headers[4] = ("origin", "https://evil.example");
    assert_eq!(
        login(&app, PASSWORD, PROXY, &headers).await,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_forged_first_hop_is_skipped_for_the_first_address_no_trusted_proxy_wrote() {
    let app = app_behind_proxy(Limits::default()).await;
    // The client sent "6.6.6.6" itself; our outer proxy appended the real address, and an
    // inner proxy in 10.1.0.0/16 appended the outer one's.
    let chain = [("x-forwarded-for", "6.6.6.6, 203.0.113.7, 10.1.2.3")];
    assert_eq!(login(&app, PASSWORD, PROXY, &chain).await, StatusCode::OK);
    assert_eq!(last_address(&app).await, "203.0.113.7");
}

#[tokio::test]
async fn the_standard_forwarded_header_is_believed_too() {
    let app = app_behind_proxy(Limits::default()).await;
    let headers = [
        (
            "forwarded",
            "for=6.6.6.6, for=\"[2001:db8::7]:4711\";proto=https;host=speelruimte.example",
        ),
        ("host", "127.0.0.1:8080"),
        ("origin", "https://speelruimte.example"),
    ];
    assert_eq!(login(&app, PASSWORD, PROXY, &headers).await, StatusCode::OK);
    assert_eq!(last_address(&app).await, "2001:db8::7");
}
