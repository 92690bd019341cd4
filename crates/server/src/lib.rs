#![doc = include_str!("../README.md")]

pub mod artefacts;
pub mod audit;
pub mod auth;
pub mod blobs;
pub mod clients;
pub mod config;
pub mod content;
pub mod db;
pub mod error;
pub mod evaluations;
pub mod exercises;
pub mod export;
pub mod goals;
pub mod groups;
pub mod kiosk;
pub mod openapi;
pub mod ownership;
pub mod progress;
pub mod records;
pub mod report;
pub mod routes;
pub mod sessions;
pub mod timeline;
pub mod upload_body;
pub mod web;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::any;
use sqlx::SqlitePool;
use tower_http::trace::TraceLayer;

pub use error::Error;

use auth::password::Passwords;
use auth::source::TrustedProxies;
use auth::throttle::{Limits, Throttle};
use blobs::{BlobStore, FileBlobStore};

/// Largest body of any request but an artefact upload.
pub const MAX_BODY: usize = 64 * 1024;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: SqlitePool,
    /// Where artefact files live.
    pub blobs: Arc<dyn BlobStore>,
    /// SHA-256 of the one-time setup token, while no account exists and it is unused.
    pub setup: Arc<Mutex<Option<String>>>,
    /// Login and setup attempts.
    pub throttle: Arc<Throttle>,
    /// Argon2, a few hashes at a time.
    pub passwords: Arc<Passwords>,
    /// Whether cookies always get `Secure` (the public address is https); behind a trusted
    /// proxy that forwards `https`, they get it anyway.
    pub secure_cookies: bool,
    /// Proxies whose forwarding headers are believed (`--trusted-proxy`); none by default.
    pub trusted_proxies: Arc<TrustedProxies>,
}

/// Opens the data folder (database `speelruimte.sqlite3` and `blobs/`), creating what is
/// missing. Returns the state and, while no therapist exists, a fresh one-time setup token.
pub async fn open(
    data_dir: &Path,
    secure_cookies: bool,
    limits: Limits,
) -> anyhow::Result<(AppState, Option<String>)> {
    use anyhow::Context;
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("creating data folder {}", data_dir.display()))?;
    let db = db::open(&data_dir.join("speelruimte.sqlite3"))
        .await
        .context("opening the database")?;
    let blobs = FileBlobStore::new(data_dir.join("blobs")).context("creating the blob folder")?;
    // Before anything is served: what a crash left half-done is removed.
    let referenced = blobs::referenced(&db).await?;
    let sweeper = blobs.clone();
    let sweep = tokio::task::spawn_blocking(move || sweeper.sweep(&referenced))
        .await?
        .context("tidying the blob folder")?;
    tracing::info!(
        temp_removed = sweep.temp_removed,
        orphans_removed = sweep.orphans_removed,
        orphan_bytes = sweep.orphan_bytes,
        kept = sweep.kept,
        unknown = sweep.unknown,
        "blob folder checked"
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM therapists")
        .fetch_one(&db)
        .await?;
    let token = (count == 0).then(auth::new_token);
    let state = AppState {
        db,
        blobs: Arc::new(blobs),
        setup: Arc::new(Mutex::new(token.as_deref().map(auth::token_hash))),
        throttle: Arc::new(Throttle::new(limits)),
        passwords: Arc::default(),
        secure_cookies,
        trusted_proxies: Arc::default(),
    };
    Ok((state, token))
}

/// The whole server: the API, the OpenAPI document and the app from `web_dir`.
pub fn app(state: AppState, web_dir: &Path) -> Router {
    use axum::middleware::from_fn_with_state;
    let (api, _) = routes::api().split_for_parts();
    // Not API routes: what no registered route matched under /api answers JSON 404.
    #[expect(
        clippy::disallowed_methods,
        reason = "the catch-alls are not API routes"
    )]
    let api = api
        .route("/api", any(web::api_not_found))
        .route("/api/{*rest}", any(web::api_not_found));
    let api = api
        // Inside the audit layer, so what the lock refuses is logged as a refusal.
        .layer(from_fn_with_state(state.clone(), kiosk::guard::guard))
        .layer(from_fn_with_state(state.clone(), audit::refusals::audit))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(from_fn_with_state(state.clone(), auth::drop_ended_cookie))
        // Outermost: where the request came from, worked out once for everything inside.
        .layer(from_fn_with_state(state.clone(), auth::source::capture))
        .with_state(state);
    Router::new()
        .merge(api)
        .fallback_service(web::static_files(web_dir))
        .layer(axum::middleware::from_fn(web::headers))
        .layer(TraceLayer::new_for_http())
}

/// Where the built app is by default, relative to the working folder.
pub fn default_web_dir() -> PathBuf {
    PathBuf::from("dist")
}
