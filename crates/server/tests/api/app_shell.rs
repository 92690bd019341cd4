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

#[tokio::test]
async fn each_file_goes_in_the_smallest_encoding_the_browser_takes() {
    let app = spawn_app().await;
    let web = app.data.path().join("web");
    std::fs::write(web.join("app.js"), "plain").unwrap();
    std::fs::write(web.join("app.js.gz"), "gzip twin").unwrap();
    std::fs::write(web.join("app.js.br"), "brotli twin").unwrap();
    let get = |accept: &'static str| {
        let app = &app;
        async move {
            let headers: Vec<(&str, &str)> = if accept.is_empty() {
                vec![]
            } else {
                vec![("accept-encoding", accept)]
            };
            app.send_with("GET", "/app.js", None, &headers, &app.address)
                .await
                .expect(StatusCode::OK)
        }
    };
    let br = get("gzip, deflate, br, zstd").await;
    assert_eq!(br.text(), "brotli twin");
    assert_eq!(br.headers[header::CONTENT_ENCODING], "br");
    assert_eq!(br.headers[header::CONTENT_TYPE], "text/javascript");
    // A cache in between keeps the encodings apart.
    assert!(
        br.headers[header::VARY]
            .to_str()
            .unwrap()
            .contains("accept-encoding"),
        "{:?}",
        br.headers
    );
    let gz = get("gzip").await;
    assert_eq!(gz.text(), "gzip twin");
    assert_eq!(gz.headers[header::CONTENT_ENCODING], "gzip");
    let plain = get("").await;
    assert_eq!(plain.text(), "plain");
    assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());
}
