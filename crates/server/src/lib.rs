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
pub mod exercises;
pub mod goals;
pub mod openapi;
pub mod records;
pub mod web;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::any;
use sqlx::SqlitePool;
use tower_http::trace::TraceLayer;

pub use error::Error;

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
    /// Failed logins.
    pub throttle: Arc<Throttle>,
    /// Whether cookies get `Secure` (served over https).
    pub secure_cookies: bool,
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
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM therapists")
        .fetch_one(&db)
        .await?;
    let token = (count == 0).then(auth::new_token);
    let state = AppState {
        db,
        blobs: Arc::new(blobs),
        setup: Arc::new(Mutex::new(token.as_deref().map(auth::token_hash))),
        throttle: Arc::new(Throttle::new(limits)),
        secure_cookies,
    };
    Ok((state, token))
}

/// The whole server: the API, the OpenAPI document and the app from `web_dir`.
pub fn app(state: AppState, web_dir: &Path) -> Router {
    let api = Router::new()
        .merge(auth::router())
        .merge(clients::router())
        .merge(goals::router())
        .merge(exercises::router())
        .merge(artefacts::router())
        .merge(openapi::router())
        .route("/api", any(web::api_not_found))
        .route("/api/{*rest}", any(web::api_not_found))
        .layer(DefaultBodyLimit::max(MAX_BODY))
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
