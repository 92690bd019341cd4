//! Starts Speelruimte: opens the data folder, prints the setup link on a fresh install, serves.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use clap::Parser;
use speelruimte_server::auth::source::TrustedProxies;
use speelruimte_server::auth::throttle::Limits;
use speelruimte_server::config::Config;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into()),
        )
        .with_writer(std::io::stderr)
        // Colours only for a person at a terminal, not in a log file or a pipe.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let config = Config::parse();
    let listener = tokio::net::TcpListener::bind((config.host.as_str(), config.port))
        .await
        .with_context(|| format!("cannot listen on {}:{}", config.host, config.port))?;
    let port = listener.local_addr()?.port();
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}:{port}", config.host))
        .trim_end_matches('/')
        .to_owned();
    let secure = public_url.starts_with("https://");
    let (mut state, setup_token) =
        speelruimte_server::open(&config.data_dir, secure, Limits::default()).await?;
    state.trusted_proxies = Arc::new(TrustedProxies::new(config.trusted_proxy.clone()));
    if !config.web_dir.join("index.html").exists() {
        tracing::warn!(
            "no app in {}: build it with `cargo xtask build`",
            config.web_dir.display()
        );
    }
    let app = speelruimte_server::app(state, &config.web_dir);

    let mut out = std::io::stdout().lock();
    writeln!(out, "Listening on http://{}:{port}", config.host)?;
    writeln!(out, "Data folder: {}", config.data_dir.display())?;
    if let Some(token) = setup_token {
        writeln!(
            out,
            "Setup link (one use): {public_url}/setup?token={token}"
        )?;
        writeln!(
            out,
            "Open it to create the first therapist account. There is no default password."
        )?;
    }
    out.flush()?;
    drop(out);

    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
