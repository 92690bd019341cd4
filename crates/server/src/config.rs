//! Settings, from flags or environment variables.

use std::path::PathBuf;

use crate::auth::source::ProxyRange;

/// How the server runs.
#[derive(Debug, Clone, clap::Parser)]
#[command(
    name = "speelruimte-server",
    about = "Speelruimte: server and tablet app"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "SPEELRUIMTE_HOST", default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0: any free port).
    #[arg(long, env = "SPEELRUIMTE_PORT", default_value_t = 8080)]
    pub port: u16,
    /// Folder for the database and the artefact files; created on first start.
    #[arg(long, env = "SPEELRUIMTE_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// Folder of the built web app (index.html, app.js, app_bg.wasm).
    #[arg(long, env = "SPEELRUIMTE_WEB_DIR", default_value = "./dist")]
    pub web_dir: PathBuf,
    /// Address people open, for the setup link; `https://` makes cookies Secure.
    #[arg(long, env = "SPEELRUIMTE_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Proxies (addresses or networks, comma-separated: `127.0.0.1,10.0.0.0/8`) whose
    /// `Forwarded`/`X-Forwarded-*` headers are believed for the client's address, host and
    /// scheme. Nobody else's are. Set it to the TLS proxy in front of the server.
    #[arg(long, env = "SPEELRUIMTE_TRUSTED_PROXY", value_delimiter = ',')]
    pub trusted_proxy: Vec<ProxyRange>,
}
