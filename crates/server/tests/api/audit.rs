//! What the audit log records besides the reads and changes themselves: the user agent,
//! refusals (404 on another's data, 403, 429) and logging out.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_with};
use speelruimte_server::auth::throttle::Limits;

const TABLET: &str = "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Speelruimte-test";

#[tokio::test]
async fn every_audit_row_records_the_user_agent() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let c = app.client("Vos-12").await;
    let id = c["id"].as_str().unwrap();
    app.send_with(
        "GET",
        &format!("/api/clients/{id}"),
        None,
        &[("user-agent", TABLET)],
        "10.0.0.1",
    )
    .await
    .expect(StatusCode::OK);
    let rows = app.audit_rows().await;
    let read = rows.iter().find(|r| r.action == "client.read").unwrap();
    assert_eq!(read.user_agent.as_deref(), Some(TABLET), "{rows:#?}");
    assert_eq!(read.client_id.as_deref(), Some(id));
}

#[tokio::test]
async fn a_therapist_asking_for_a_colleagues_client_is_audited_as_refused() {
    let mut anna = spawn_app().await;
    anna.setup("a.jansen").await;
    let c = anna.client("Vos-12").await;
    let id = c["id"].as_str().unwrap();
    let bram = anna.colleague("b.devries").await;
    bram.get(&format!("/api/clients/{id}"))
        .await
        .expect(StatusCode::NOT_FOUND);
    let me = bram.get("/api/me").await.json();
    let rows = anna.audit_rows().await;
    let refused: Vec<_> = rows.iter().filter(|r| r.action == "refused").collect();
    assert_eq!(refused.len(), 1, "{rows:#?}");
    assert_eq!(
        refused[0].therapist_id,
        me["therapist_id"].as_str().map(str::to_owned)
    );
    assert_eq!(refused[0].client_id.as_deref(), Some(id));
    assert_eq!(refused[0].address, "10.0.0.2");
    assert_eq!(
        refused[0].detail.as_deref(),
        Some(format!("GET /api/clients/{id} 404").as_str())
    );
}

#[tokio::test]
async fn a_refused_read_of_anothers_client_is_logged_exactly_like_one_of_a_missing_client() {
    let mut anna = spawn_app().await;
    anna.setup("a.jansen").await;
    let real = anna.client("Vos-12").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let missing = uuid::Uuid::new_v4().to_string();
    let bram = anna.colleague("b.devries").await;
    let a = bram.get(&format!("/api/clients/{real}/goals")).await;
    let b = bram.get(&format!("/api/clients/{missing}/goals")).await;
    assert_eq!((a.status, &a.body), (b.status, &b.body));
    assert_eq!(a.headers, b.headers);
    let rows = anna.audit_rows().await;
    let refused: Vec<_> = rows.iter().filter(|r| r.action == "refused").collect();
    assert_eq!(refused.len(), 2, "{rows:#?}");
    let mut as_missing = refused[0].clone();
    as_missing.client_id = Some(missing.clone());
    as_missing.detail = as_missing.detail.map(|d| d.replace(&real, &missing));
    assert_eq!(&as_missing, refused[1]);
}

#[tokio::test]
async fn a_change_without_the_csrf_token_is_audited_as_refused() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    app.csrf = None;
    app.post(
        "/api/clients",
        json!({"label": "Vos-12", "birth_year": 2016, "discipline": "pmt"}),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    let rows = app.audit_rows().await;
    let last = rows.last().unwrap();
    assert_eq!(last.action, "refused");
    assert!(
        last.therapist_id.is_some(),
        "the session is known: {last:?}"
    );
    assert_eq!(last.detail.as_deref(), Some("POST /api/clients 403"));
}

#[tokio::test]
async fn a_throttled_login_is_audited_as_refused_with_its_address() {
    let mut app = spawn_app_with(Limits {
        per_account: 1,
        ..Limits::default()
    })
    .await;
    app.setup("a.jansen").await;
    app.cookie = None;
    app.csrf = None;
    for expected in [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS] {
        app.send_with(
            "POST",
            "/api/login",
            Some(json!({"username": "a.jansen", "password": "fout fout fout"})),
            &[("user-agent", TABLET)],
            "10.0.0.9",
        )
        .await
        .expect(expected);
    }
    let rows = app.audit_rows().await;
    let last = rows.last().unwrap();
    assert_eq!(last.action, "refused", "{rows:#?}");
    assert_eq!(last.therapist_id, None);
    assert_eq!(last.address, "10.0.0.9");
    assert_eq!(last.user_agent.as_deref(), Some(TABLET));
    assert_eq!(last.detail.as_deref(), Some("POST /api/login 429"));
}

#[tokio::test]
async fn logging_out_is_audited() {
    let mut app = spawn_app().await;
    let me = app.setup("a.jansen").await;
    app.post("/api/logout", json!({}))
        .await
        .expect(StatusCode::NO_CONTENT);
    let rows = app.audit_rows().await;
    let last = rows.last().unwrap();
    assert_eq!(last.action, "logout");
    assert_eq!(
        last.therapist_id,
        me["therapist_id"].as_str().map(str::to_owned)
    );
    assert_eq!(last.address, "10.0.0.1");
}
