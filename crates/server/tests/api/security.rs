use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_change_without_the_csrf_token_is_refused_and_changes_nothing() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let token = app.csrf.take();
    let res = app
        .post(
            "/api/clients",
            json!({"label": "Vos-12", "birth_year": 2016, "discipline": "pmt"}),
        )
        .await
        .expect(StatusCode::FORBIDDEN);
    assert_eq!(res.json()["error"], "csrf");
    app.csrf = Some("niet-de-goede".into());
    app.post(
        "/api/clients",
        json!({"label": "Vos-12", "birth_year": 2016, "discipline": "pmt"}),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    assert_eq!(app.count("clients").await, 0);
    app.csrf = token;
    app.client("Vos-12").await;
}

#[tokio::test]
async fn a_login_from_another_site_is_refused() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let req = Request::post("/api/login")
        .header(header::HOST, "127.0.0.1:8080")
        .header(header::ORIGIN, "https://evil.example")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({"username": "a.jansen", "password": crate::helpers::PASSWORD}).to_string(),
        ))
        .unwrap();
    app.raw(req, "10.0.0.1:5000".parse().unwrap())
        .await
        .expect(StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn every_read_and_change_of_client_data_is_audited_and_the_log_is_append_only() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let c = app.client("Vos-12").await;
    let id = c["id"].as_str().unwrap().to_owned();
    app.get(&format!("/api/clients/{id}"))
        .await
        .expect(StatusCode::OK);
    app.goal(&c).await;
    let a = app.put_artefact(&c, &[]).await;
    app.get(&format!(
        "/api/artefacts/{}/blobs/thumb.png",
        a["id"].as_str().unwrap()
    ))
    .await
    .expect(StatusCode::OK);
    let rows: Vec<(String, Option<String>, String, Option<String>)> = sqlx::query_as(
        "SELECT action, client_id, address, therapist_id FROM audit_events ORDER BY id",
    )
    .fetch_all(&app.state.db)
    .await
    .unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        actions,
        [
            "account.create",
            "client.create",
            "client.read",
            "goal.create",
            "artefact.put",
            "blob.read"
        ]
    );
    assert!(
        rows[1..]
            .iter()
            .all(|r| r.1.as_deref() == Some(id.as_str()) && r.2 == "10.0.0.1" && r.3.is_some())
    );
    let update = sqlx::query("UPDATE audit_events SET action = 'niets'")
        .execute(&app.state.db)
        .await;
    let delete = sqlx::query("DELETE FROM audit_events")
        .execute(&app.state.db)
        .await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    let res = app
        .post(
            "/api/clients",
            json!({"label": "x".repeat(70_000), "birth_year": 2016, "discipline": "pmt"}),
        )
        .await
        .expect(StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.json()["error"], "too_large");
}

/// Routes that answer without a login.
const PUBLIC: [(&str, &str); 5] = [
    ("GET", "/api/setup"),
    ("POST", "/api/setup"),
    ("POST", "/api/login"),
    ("GET", "/api/health"),
    ("GET", "/api/openapi.json"),
];

#[tokio::test]
async fn every_registered_route_is_served_described_and_closed_without_a_login() {
    let app = spawn_app().await;
    let doc = app
        .get("/api/openapi.json")
        .await
        .expect(StatusCode::OK)
        .json();
    // The registry the router was built from, not a list kept by hand.
    let routes = speelruimte_server::routes::list();
    for (method, path) in [
        ("GET", "/api/setup"),
        ("GET", "/api/clients/{id}/goals"),
        ("POST", "/api/clients/{id}/sessions"),
        ("PUT", "/api/artefacts/{id}"),
        ("DELETE", "/api/clients/{id}/exercises/{eid}"),
    ] {
        assert!(
            routes.iter().any(|r| r.method == method && r.path == path),
            "{method} {path} missing from {routes:#?}"
        );
    }
    let id = uuid::Uuid::new_v4().to_string();
    for r in &routes {
        let url = r
            .path
            .replace("{id}", &id)
            .replace("{eid}", &id)
            .replace("{sid}", &id)
            .replace("{gid}", &id)
            .replace("{index}", "0")
            .replace("{name}", "thumb.png");
        let body = (r.method != "GET").then(|| json!({}));
        let res = app.send(r.method.as_str(), &url, body).await;
        let public = PUBLIC.contains(&(r.method.as_str(), r.path.as_str()));
        if public {
            assert!(
                ![
                    StatusCode::NOT_FOUND,
                    StatusCode::METHOD_NOT_ALLOWED,
                    StatusCode::UNAUTHORIZED
                ]
                .contains(&res.status),
                "{} {}: {} {}",
                r.method,
                r.path,
                res.status,
                res.text()
            );
        } else {
            assert_eq!(
                res.status,
                StatusCode::UNAUTHORIZED,
                "{} {} must need a login: {}",
                r.method,
                r.path,
                res.text()
            );
        }
        let op = &doc["paths"][&r.path][r.method.as_str().to_lowercase()];
        assert!(
            op["responses"].as_object().is_some_and(|m| !m.is_empty())
                && op["tags"].as_array().is_some_and(|t| !t.is_empty()),
            "{} {} is not described: {op}",
            r.method,
            r.path
        );
    }
    assert!(doc["components"]["schemas"].get("ArtefactUpload").is_some());
    assert!(doc["components"]["schemas"].get("SavedExercise").is_some());
    // Client generators name a function after each operationId: two alike make one of them
    // unreachable (clients' `read` and artefacts' `read` were one name).
    let mut seen = std::collections::BTreeMap::new();
    for r in &routes {
        let op = &doc["paths"][&r.path][r.method.as_str().to_lowercase()];
        let id = op["operationId"].as_str().unwrap_or_default().to_owned();
        assert!(!id.is_empty(), "{} {} has no operationId", r.method, r.path);
        if let Some(other) = seen.insert(id.clone(), format!("{} {}", r.method, r.path)) {
            panic!(
                "operationId {id} is used by {other} and {} {}",
                r.method, r.path
            );
        }
    }
}

#[tokio::test]
async fn app_routes_get_the_app_and_unknown_api_routes_get_json_404() {
    let app = spawn_app().await;
    let page = app
        .get("/clients/abc/evaluatie")
        .await
        .expect(StatusCode::OK);
    assert!(page.text().contains("<title>Speelruimte</title>"));
    // A file that is not there is missing, not the app (the icons live under /assets).
    for missing in ["/favicon.ico", "/robots.txt", "/assets/icons/weg.png"] {
        let res = app.get(missing).await;
        assert_eq!(
            res.status,
            StatusCode::NOT_FOUND,
            "{missing}: {}",
            res.text()
        );
        assert!(
            !res.text().contains("<title>"),
            "{missing} answered the app"
        );
    }
    assert!(
        page.headers
            .get(header::CONTENT_SECURITY_POLICY)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("default-src 'self'")
    );
    let api = app
        .get("/api/bestaat-niet")
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(api.json()["error"], "not_found");
    assert_eq!(api.headers.get(header::CACHE_CONTROL).unwrap(), "no-store");
}

#[tokio::test]
async fn an_expired_session_is_refused() {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    sqlx::query("UPDATE auth_sessions SET expires_at = '2000-01-01T00:00:00Z'")
        .execute(&app.state.db)
        .await
        .unwrap();
    app.get("/api/me").await.expect(StatusCode::UNAUTHORIZED);
    assert_eq!(app.count("auth_sessions").await, 0);
}

/// One of each object a client-data route can name (a goal, a session, an artefact, an
/// evaluation) for client `c`, with the artefact's id and a function that fills a route's path
/// with them (`{index}`, a subgoal's place, is 0). It fails for a path parameter it does not
/// know, so a new route cannot slip past the tests that walk the registry.
pub(crate) async fn one_of_each(
    app: &crate::helpers::TestApp,
    c: &serde_json::Value,
) -> (String, impl Fn(&str) -> String + use<>) {
    let client = c["id"].as_str().unwrap().to_owned();
    let goal = app.goal(c).await;
    let session = app
        .post(
            &format!("/api/clients/{client}/sessions"),
            json!({"date": "2026-11-24"}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let artefact = app.put_artefact(c, &[]).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let evaluation = app
        .post_evaluation(
            c,
            json!({"date": "2026-12-01", "goals": [{"goal_id": goal["id"]}]}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let goal = goal["id"].as_str().unwrap().to_owned();
    let id = artefact.clone();
    let url_of = move |path: &str| {
        let url = path
            .replace("/api/clients/{id}", &format!("/api/clients/{client}"))
            .replace("/api/artefacts/{id}", &format!("/api/artefacts/{id}"))
            .replace("{eid}", &evaluation)
            .replace("{sid}", &session)
            .replace("{gid}", &goal)
            .replace("{index}", "0")
            .replace("{name}", "thumb.png");
        assert!(
            !url.contains('{'),
            "{path}: add a fixture for its path parameters to one_of_each"
        );
        url
    };
    (artefact, url_of)
}

/// GET routes that answer no client data, and so write no audit row.
const NOT_CLIENT_DATA: [&str; 4] = ["/api/setup", "/api/me", "/api/health", "/api/openapi.json"];

#[tokio::test]
async fn every_get_route_that_returns_client_data_is_audited_with_its_client() {
    let mut app = spawn_app().await;
    let me = app.setup("a.jansen").await;
    let c = app.client("Vos-12").await;
    let client = c["id"].as_str().unwrap().to_owned();
    let (_, url_of) = one_of_each(&app, &c).await;

    let doc = app
        .get("/api/openapi.json")
        .await
        .expect(StatusCode::OK)
        .json();
    let mut checked = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        if item.get("get").is_none() || NOT_CLIENT_DATA.contains(&path.as_str()) {
            continue;
        }
        let url = url_of(path);
        let before = app.audit_rows().await.len();
        app.get(&url).await.expect(StatusCode::OK);
        let rows = app.audit_rows().await;
        let new = &rows[before..];
        assert_eq!(new.len(), 1, "GET {path} wrote {new:#?}");
        assert_eq!(new[0].therapist_id.as_deref(), me["therapist_id"].as_str());
        if path != "/api/clients" {
            assert_eq!(
                new[0].client_id.as_deref(),
                Some(client.as_str()),
                "GET {path} must name its client: {new:#?}"
            );
        }
        checked.push(path.clone());
    }
    checked.sort();
    assert_eq!(
        checked,
        [
            "/api/artefacts/{id}",
            "/api/artefacts/{id}/blobs/{name}",
            "/api/clients",
            "/api/clients/{id}",
            "/api/clients/{id}/artefacts",
            "/api/clients/{id}/evaluations",
            "/api/clients/{id}/evaluations/{eid}",
            "/api/clients/{id}/evaluations/{eid}/report/pdf",
            "/api/clients/{id}/evaluations/{eid}/report/preview",
            "/api/clients/{id}/exercises",
            "/api/clients/{id}/export",
            "/api/clients/{id}/goals",
            "/api/clients/{id}/progress",
            "/api/clients/{id}/sessions",
            "/api/clients/{id}/timeline",
        ],
        "the client-data reads (a new one joins this list once it is audited)"
    );
}

#[tokio::test]
async fn no_answer_with_client_data_may_be_kept_in_the_http_cache() {
    let (app, c) = crate::helpers::spawn_with_client().await;
    let (artefact, url_of) = one_of_each(&app, &c).await;
    // The answers that hand client data over, the upload's own answer among them.
    let put = app
        .put_artefact_at(&artefact, crate::helpers::drawing(&c, &[], "eerste"))
        .await;
    assert!(put.status.is_success(), "{}", put.text());
    let mut answers = vec![("PUT /api/artefacts/{id}".to_owned(), put)];
    // Every GET in the registry, so a route added later is checked too.
    for r in speelruimte_server::routes::list() {
        if r.method != "GET" || NOT_CLIENT_DATA.contains(&r.path.as_str()) {
            continue;
        }
        let url = url_of(&r.path);
        let res = app.get(&url).await;
        assert_eq!(res.status, StatusCode::OK, "GET {}: {}", r.path, res.text());
        answers.push((format!("GET {}", r.path), res));
    }
    assert!(
        answers.iter().any(|(r, _)| r.ends_with("/blobs/{name}")),
        "the blob route is among those checked"
    );
    for (route, res) in &answers {
        assert_eq!(
            res.headers
                .get(header::CACHE_CONTROL)
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{route} may be kept by the browser"
        );
        for h in [header::EXPIRES, header::ETAG, header::LAST_MODIFIED] {
            assert!(res.headers.get(&h).is_none(), "{route} carries {h}");
        }
    }
}
