//! The export of one client's data as a ZIP (the AVG right of access).

use std::io::Read;

use axum::http::{StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{TestApp, id_of, record, spawn_app};

/// A client with a goal, a session, a drawing (three files) and a music record.
async fn client_with_work(app: &mut TestApp) -> (Value, Value) {
    app.setup("a.jansen").await;
    let c = app.client("Vos-12").await;
    let goal = app.goal(&c).await;
    app.post_session(&c, json!({"date": "2026-11-24"}))
        .await
        .expect(StatusCode::CREATED);
    let drawing = app.put_artefact(&c, &[&goal]).await;
    let music = record("music", &c, json!({}));
    app.put_artefact_at(&uuid::Uuid::new_v4().to_string(), music)
        .await
        .expect(StatusCode::CREATED);
    (c, drawing)
}

fn entries(zip: &[u8]) -> zip::ZipArchive<std::io::Cursor<&[u8]>> {
    zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("the answer is a ZIP")
}

fn read(archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Vec<u8> {
    let mut out = Vec::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is not in the ZIP"))
        .read_to_end(&mut out)
        .expect("the entry reads back (its CRC holds)");
    out
}

#[tokio::test]
async fn the_export_holds_every_record_and_every_original_file() {
    let mut app = spawn_app().await;
    let (c, drawing) = client_with_work(&mut app).await;
    let client = id_of(&c);
    let res = app
        .get(&format!("/api/clients/{client}/export"))
        .await
        .expect(StatusCode::OK);
    assert_eq!(res.headers[header::CONTENT_TYPE], "application/zip");
    let disposition = res.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"speelruimte-Vos-12-"),
        "{disposition}"
    );
    assert_eq!(res.headers[header::CACHE_CONTROL], "no-store");

    let mut zip = entries(&res.body);
    let names: Vec<String> = zip
        .file_names()
        .map(|n| n.expect("a readable name").into_owned())
        .collect();
    let folder = format!(
        "werkstukken/2026-11-24_tekening_{}",
        drawing["id"].as_str().unwrap()
    );
    for name in [
        "LEESMIJ.txt",
        "client.json",
        "behandeldoelen.json",
        "sessies.json",
        "voortgang.json",
        "evaluaties.json",
        "oefeningen.json",
        &format!("{folder}/werkstuk.json"),
        &format!("{folder}/image.png"),
        &format!("{folder}/thumb.png"),
        &format!("{folder}/strokes.bin"),
    ] {
        assert!(
            names.iter().any(|n| n == name),
            "{name} missing from {names:?}"
        );
    }
    // The music record (no files) has its folder with only its record.
    let music: Vec<&String> = names.iter().filter(|n| n.contains("_muziek_")).collect();
    assert_eq!(music.len(), 1, "{names:?}");
    assert!(music[0].ends_with("/werkstuk.json"));
    assert_eq!(names.len(), 12, "{names:?}");

    // The files are the originals, byte for byte.
    for name in ["image.png", "thumb.png", "strokes.bin"] {
        let stored = app
            .blob(drawing["id"].as_str().unwrap(), name)
            .await
            .expect(StatusCode::OK)
            .body;
        assert_eq!(
            read(&mut zip, &format!("{folder}/{name}")),
            stored,
            "{name}"
        );
    }
    let back: Value = serde_json::from_slice(&read(&mut zip, "client.json")).unwrap();
    assert_eq!(back["label"], "Vos-12");
    let goals: Value = serde_json::from_slice(&read(&mut zip, "behandeldoelen.json")).unwrap();
    assert_eq!(goals.as_array().unwrap().len(), 1);
    let readme = String::from_utf8(read(&mut zip, "LEESMIJ.txt")).unwrap();
    assert!(
        readme.contains("alle gegevens van cliënt Vos-12"),
        "{readme}"
    );

    // One audit row for the whole export, with the client and what went out.
    let rows = app.audit_rows().await;
    let export: Vec<_> = rows
        .iter()
        .filter(|r| r.action == "client.export")
        .collect();
    assert_eq!(export.len(), 1, "{rows:?}");
    assert_eq!(export[0].client_id.as_deref(), Some(client));
    assert!(
        export[0]
            .detail
            .as_deref()
            .unwrap()
            .starts_with("12 files, ")
    );
}

#[tokio::test]
async fn another_therapists_client_exports_like_a_missing_one() {
    let mut app = spawn_app().await;
    let (c, _) = client_with_work(&mut app).await;
    let other = app.colleague("b.devries").await;
    let theirs = other
        .get(&format!("/api/clients/{}/export", id_of(&c)))
        .await
        .expect(StatusCode::NOT_FOUND);
    let missing = other
        .get(&format!("/api/clients/{}/export", uuid::Uuid::new_v4()))
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(theirs.body, missing.body);
    assert!(
        !app.audit_rows()
            .await
            .iter()
            .any(|r| r.action == "client.export"),
        "a refused export was logged as an export"
    );
}

#[tokio::test]
async fn an_export_that_breaks_off_never_looks_whole() {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let mut app = spawn_app().await;
    let (c, _) = client_with_work(&mut app).await;
    // A blob file goes missing under the server (a disk fault, a hand in the data folder).
    let blobs = app.data.path().join("data/blobs");
    let victim = walk(&blobs).into_iter().next().expect("a blob file");
    std::fs::remove_file(&victim).unwrap();

    let req = axum::http::Request::get(format!("/api/clients/{}/export", id_of(&c)))
        .header(header::COOKIE, app.cookie.clone().unwrap())
        .extension(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            [10, 0, 0, 1],
            1,
        ))))
        .body(axum::body::Body::empty())
        .unwrap();
    let res = app.router.clone().oneshot(req).await.unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "the answer starts before the files are read"
    );
    assert!(
        res.into_body().collect().await.is_err(),
        "the body ended normally although a file was missing"
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[tokio::test]
async fn the_export_holds_the_report_of_every_evaluation_as_a_pdf() {
    let mut app = spawn_app().await;
    let (c, _) = client_with_work(&mut app).await;
    let goal = app.goal(&c).await;
    let mut ids = Vec::new();
    for date in ["2026-12-01", "2026-12-15"] {
        let e = app
            .post_evaluation(
                &c,
                json!({"date": date, "goals": [{"goal_id": goal["id"]}]}),
            )
            .await
            .expect(StatusCode::CREATED)
            .json();
        ids.push(id_of(&e).to_owned());
    }
    let res = app
        .get(&format!("/api/clients/{}/export", id_of(&c)))
        .await
        .expect(StatusCode::OK);
    let mut zip = entries(&res.body);
    for (date, id) in ["2026-12-01", "2026-12-15"].iter().zip(&ids) {
        let pdf = read(
            &mut zip,
            &format!("verslagen/{date}_evaluatieverslag_{id}.pdf"),
        );
        assert!(pdf.starts_with(b"%PDF-"), "{date}");
    }
    let readme = String::from_utf8(read(&mut zip, "LEESMIJ.txt")).unwrap();
    assert!(readme.contains("van elke evaluatie (2)"), "{readme}");
}
