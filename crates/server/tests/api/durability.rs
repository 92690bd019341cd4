//! What a crash leaves behind is tidied at the next start (the crash itself is tried on the
//! real binary by `cargo xtask crash`).

use axum::http::StatusCode;
use speelruimte_server::auth::throttle::Limits;

use crate::helpers::{id_of, spawn_with_client};

/// Every file under `dir`, as paths relative to it, sorted.
fn files(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for shard in std::fs::read_dir(dir).unwrap() {
        let shard = shard.unwrap().path();
        for f in std::fs::read_dir(&shard).unwrap() {
            let f = f.unwrap().path();
            out.push(f.strip_prefix(dir).unwrap().display().to_string());
        }
    }
    out.sort();
    out
}

#[tokio::test]
async fn a_start_removes_what_a_crash_left_half_done_and_keeps_every_stored_file() {
    let (app, c) = spawn_with_client().await;
    let a = app.put_artefact(&c, &[]).await;
    let blobs = app.data.path().join("data/blobs");
    let kept = files(&blobs);
    assert_eq!(kept.len(), 3, "{kept:?}");
    // A write cut off before its rename, and a file whose rows never committed (in a shard
    // folder of its own, as a new one is made).
    let shard = std::path::Path::new(&kept[0]).parent().unwrap().to_owned();
    std::fs::write(
        blobs
            .join(&shard)
            .join(".tmp-2b1e0c4e-0000-4000-8000-000000000000"),
        b"half",
    )
    .unwrap();
    let orphan = format!("ff/ff{}", "0".repeat(62));
    std::fs::create_dir_all(blobs.join("ff")).unwrap();
    std::fs::write(blobs.join(&orphan), b"never acknowledged").unwrap();
    assert_eq!(files(&blobs).len(), 5);

    let (state, _) =
        speelruimte_server::open(&app.data.path().join("data"), false, Limits::default())
            .await
            .expect("a restart");
    assert_eq!(files(&blobs), kept, "only the stored files are left");
    // And they are still what the artefact reads back.
    let again = crate::helpers::TestApp {
        router: speelruimte_server::app(state.clone(), &app.data.path().join("web")),
        state,
        setup_token: None,
        data: tempfile::tempdir().unwrap(),
        cookie: app.cookie.clone(),
        csrf: app.csrf.clone(),
        address: app.address.clone(),
    };
    for name in ["image.png", "thumb.png", "strokes.bin"] {
        let before = app.blob(id_of(&a), name).await.expect(StatusCode::OK);
        let after = again.blob(id_of(&a), name).await.expect(StatusCode::OK);
        assert_eq!(before.body, after.body, "{name}");
    }
}
