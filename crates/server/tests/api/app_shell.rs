//! The installable app shell: the service worker and the web app manifest are served with the
//! types a browser accepts, the worker is always asked of the server again (so a new version
//! is found), and the security policy lets the page use both.

use axum::http::{StatusCode, header};

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_worker_and_the_manifest_are_served_as_a_browser_needs_them() {
    let app = spawn_app().await;
    let web = app.data.path().join("web");
    std::fs::write(web.join("sw.js"), "self.SHELL = {};\n").unwrap();
    std::fs::write(
        web.join("manifest.webmanifest"),
        r#"{"name":"Speelruimte"}"#,
    )
    .unwrap();

    let sw = app.get("/sw.js").await.expect(StatusCode::OK);
    assert_eq!(sw.text(), "self.SHELL = {};\n");
    assert_eq!(sw.headers[header::CONTENT_TYPE], "text/javascript");
    // Not kept by the HTTP cache without asking: a new build's worker is found at once.
    assert_eq!(sw.headers[header::CACHE_CONTROL], "no-cache");

    let manifest = app
        .get("/manifest.webmanifest")
        .await
        .expect(StatusCode::OK);
    assert_eq!(
        manifest.headers[header::CONTENT_TYPE],
        "application/manifest+json"
    );
    assert_eq!(manifest.json()["name"], "Speelruimte");

    // The policy allows our own worker and manifest (worker-src and manifest-src fall back
    // to script-src and default-src, both 'self').
    let csp = sw.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("worker-src"), "{csp}");
    assert!(!csp.contains("manifest-src"), "{csp}");
}
