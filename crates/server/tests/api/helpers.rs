//! `spawn_app()` builds the server exactly as `main` does (minus the socket) on a fresh data
//! folder; `TestApp` sends requests with the session cookie and CSRF token, and every failed
//! expectation prints the whole response.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use speelruimte_server::auth::throttle::Limits;
use tower::ServiceExt;

mod routes;

pub const PASSWORD: &str = "een lange zin als wachtwoord";

/// A response, read whole.
#[derive(Debug)]
pub struct Res {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Res {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// The words of a refusal (the `message` of an error answer).
    pub fn message(&self) -> String {
        match &self.json()["message"] {
            Value::String(m) => m.clone(),
            other => panic!("no message in the answer: {other}"),
        }
    }

    /// The `Set-Cookie` header of the answer.
    #[track_caller]
    pub fn set_cookie(&self) -> &str {
        self.headers
            .get(header::SET_COOKIE)
            .expect("a Set-Cookie")
            .to_str()
            .expect("a Set-Cookie in ASCII")
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Asserts the status, printing the response when it differs.
    #[track_caller]
    pub fn expect(self, status: StatusCode) -> Self {
        assert_eq!(
            self.status,
            status,
            "unexpected answer: {} {}",
            self.status,
            self.text()
        );
        self
    }
}

/// The app on a fresh data folder.
pub struct TestApp {
    pub router: axum::Router,
    pub state: speelruimte_server::AppState,
    pub setup_token: Option<String>,
    pub data: tempfile::TempDir,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    pub address: String,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Limits {
        window: Duration::from_secs(900),
        ..Limits::default()
    })
    .await
}

pub async fn spawn_app_with(limits: Limits) -> TestApp {
    let data = tempfile::tempdir().expect("temp dir");
    let web = data.path().join("web");
    std::fs::create_dir_all(&web).unwrap();
    std::fs::write(
        web.join("index.html"),
        "<!doctype html><title>Speelruimte</title>",
    )
    .unwrap();
    let (state, setup_token) = speelruimte_server::open(&data.path().join("data"), false, limits)
        .await
        .expect("open");
    let router = speelruimte_server::app(state.clone(), &web);
    TestApp {
        router,
        state,
        setup_token,
        data,
        cookie: None,
        csrf: None,
        address: "10.0.0.1".into(),
    }
}

impl TestApp {
    /// Sends a request as the logged-in therapist (cookie + CSRF header where known).
    pub async fn send(&self, method: &str, path: &str, body: Option<Value>) -> Res {
        self.send_with(method, path, body, &[], &self.address).await
    }

    /// Sends a prepared request from `addr`.
    pub async fn raw(&self, mut req: Request<Body>, addr: std::net::SocketAddr) -> Res {
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(addr));
        let res = self.router.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Res {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Res {
        self.send("GET", path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Res {
        self.send("POST", path, Some(body)).await
    }

    /// Remembers the cookie and CSRF token of a login or setup answer.
    pub fn take_session(&mut self, res: &Res) {
        let set = res.set_cookie();
        self.cookie = Some(set.split(';').next().unwrap().to_owned());
        self.csrf = Some(res.json()["csrf_token"].as_str().unwrap().to_owned());
    }

    /// Makes the first account with the setup token and logs in as it.
    pub async fn setup(&mut self, username: &str) -> Value {
        let token = self
            .setup_token
            .clone()
            .expect("a fresh app has a setup token");
        let res = self
            .post("/api/setup", json!({"token": token, "username": username, "display_name": "Anna Jansen", "password": PASSWORD}))
            .await
            .expect(StatusCode::CREATED);
        self.take_session(&res);
        res.json()
    }

    /// A second therapist on the same server, through an invite from this one.
    pub async fn colleague(&self, username: &str) -> TestApp {
        let invite = self
            .post("/api/invites", json!({}))
            .await
            .expect(StatusCode::CREATED)
            .json();
        let mut other = TestApp {
            router: self.router.clone(),
            state: self.state.clone(),
            setup_token: None,
            data: tempfile::tempdir().unwrap(),
            cookie: None,
            csrf: None,
            address: "10.0.0.2".into(),
        };
        let res = other
            .post("/api/setup", json!({"token": invite["token"], "username": username, "display_name": "Bram", "password": PASSWORD}))
            .await
            .expect(StatusCode::CREATED);
        other.take_session(&res);
        other
    }

    /// Rows in a table, counted straight from the database.
    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&self.state.db)
            .await
            .unwrap()
    }

    /// Entries in the blob folder (shard folders and files), counted from the disk.
    pub fn blob_entries(&self) -> usize {
        std::fs::read_dir(self.data.path().join("data/blobs"))
            .unwrap()
            .count()
    }
}

/// The `id` of a stored thing, as text.
pub fn id_of(thing: &Value) -> &str {
    thing["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no id in {thing}"))
}

/// A fresh server with its first therapist, a.jansen, logged in.
pub async fn spawn_logged_in() -> TestApp {
    let mut app = spawn_app().await;
    app.setup("a.jansen").await;
    app
}

/// A fresh server with a.jansen logged in and one client of hers, Vos-12.
pub async fn spawn_with_client() -> (TestApp, Value) {
    let app = spawn_logged_in().await;
    let client = app.client("Vos-12").await;
    (app, client)
}

/// Base64 of bytes.
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A real PNG of `w`×`h` pixels, base64.
pub fn png_base64(w: u32, h: u32) -> String {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().unwrap();
        writer
            .write_image_data(&vec![200u8; (w * h * 4) as usize])
            .unwrap();
    }
    base64(&out)
}

/// The strokes of a real drawing (one line on paper `width` px wide) as the app encodes
/// them for `strokes.bin`, base64.
pub fn strokes_base64(width: f32) -> String {
    use speelruimte_ink::{Brush, BrushStyle, Drawing, Event, InputPoint, Rgba, Stroke};
    let mut d = Drawing::new(width, 700.0);
    d.push(Event::Stroke(Stroke {
        style: BrushStyle {
            brush: Brush::Marker,
            size: 8.0,
            color: Rgba::rgb(20, 40, 200),
        },
        points: (0..20)
            .map(|i| InputPoint::at(10.0 + i as f32 * 5.0, 50.0, i as f64 * 16.0))
            .collect(),
    }));
    base64(&speelruimte_ink::encode(&d))
}

/// An upload body for a drawing of `client`, linked to `goals`: the files the app sends.
pub fn drawing(client: &Value, goals: &[&Value], note: &str) -> Value {
    json!({
        "kind": "drawing",
        "client_id": client["id"],
        "goal_ids": goals.iter().map(|g| g["id"].clone()).collect::<Vec<_>>(),
        "created_at": "2026-11-24T10:00:00Z",
        "metadata": {"note": note, "stroke_count": 1},
        "blobs": [
            {"name": "image.png", "media_type": "image/png", "data_base64": png_base64(40, 30)},
            {"name": "thumb.png", "media_type": "image/png", "data_base64": png_base64(8, 6)},
            {"name": "strokes.bin", "media_type": "application/octet-stream", "data_base64": strokes_base64(1024.0)}
        ]
    })
}

/// An upload body for a work form's record without files (`kind` "music" or "exercise").
pub fn record(kind: &str, client: &Value, metadata: Value) -> Value {
    json!({
        "kind": kind, "client_id": client["id"], "created_at": "2026-11-25T10:00:00Z",
        "metadata": metadata, "blobs": []
    })
}

impl TestApp {
    /// Stores a drawing of `client` under a fresh id; returns the stored artefact.
    pub async fn put_artefact(&self, client: &Value, goals: &[&Value]) -> Value {
        self.put_artefact_at(
            &uuid::Uuid::new_v4().to_string(),
            drawing(client, goals, "eerste"),
        )
        .await
        .expect(StatusCode::CREATED)
        .json()
    }
}

impl TestApp {
    /// Sends a request like [`TestApp::send`], with `headers` added (a user agent, forwarding
    /// headers) and from the socket address `peer` instead of `self.address`.
    pub async fn send_with(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        headers: &[(&str, &str)],
        peer: &str,
    ) -> Res {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(c) = &self.cookie {
            req = req.header(header::COOKIE, c);
        }
        if let Some(t) = &self.csrf {
            req = req.header("x-csrf-token", t);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = match body {
            Some(b) => req
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(b.to_string())),
            None => req.body(Body::empty()),
        }
        .unwrap();
        let ip: std::net::IpAddr = peer.parse().expect("an IP address");
        self.raw(req, std::net::SocketAddr::new(ip, 5000)).await
    }

    /// The audit rows, oldest first: (action, therapist, client, address, user agent, detail).
    pub async fn audit_rows(&self) -> Vec<AuditRow> {
        sqlx::query_as(
            "SELECT action, therapist_id, client_id, address, user_agent, detail FROM audit_events ORDER BY id",
        )
        .fetch_all(&self.state.db)
        .await
        .expect("reading the audit log")
    }
}

/// One row of the audit log, as [`TestApp::audit_rows`] reads it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRow {
    pub action: String,
    pub therapist_id: Option<String>,
    pub client_id: Option<String>,
    pub address: String,
    pub user_agent: Option<String>,
    pub detail: Option<String>,
}

/// The app behind a TLS proxy: the forwarding headers of peers in `proxies` (addresses or
/// networks, as `--trusted-proxy` takes them) are believed.
pub async fn spawn_app_behind(limits: Limits, proxies: &[&str]) -> TestApp {
    use speelruimte_server::auth::source::TrustedProxies;
    let mut app = spawn_app_with(limits).await;
    let ranges = proxies
        .iter()
        .map(|p| p.parse().expect("a proxy range"))
        .collect();
    app.state.trusted_proxies = std::sync::Arc::new(TrustedProxies::new(ranges));
    app.router = speelruimte_server::app(app.state.clone(), &app.data.path().join("web"));
    app
}
