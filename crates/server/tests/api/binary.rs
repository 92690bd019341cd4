//! The binary upload (`application/vnd.speelruimte.artefact`): large work saves whole, with
//! the checks of the JSON upload.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use base64::Engine as _;
use serde_json::{Value, json};
use speelruimte_model::{
    ArtefactUpload, BlobName, ENVELOPE_MEDIA_TYPE, MediaType, OutgoingFile, envelope_head,
};

use crate::helpers::{Res, TestApp, drawing, id_of, spawn_with_client};

const ID: &str = "5a0c8a4e-9d1b-4c55-8e0a-1b2c3d4e5f61";

/// The files of a JSON upload body (base64) as raw files, and the body without them.
fn split_json(body: &Value) -> (ArtefactUpload, Vec<OutgoingFile>) {
    let mut up: ArtefactUpload = serde_json::from_value(body.clone()).unwrap();
    let files = std::mem::take(&mut up.blobs)
        .into_iter()
        .map(|b| OutgoingFile {
            name: b.name,
            media_type: b.media_type,
            bytes: base64::engine::general_purpose::STANDARD
                .decode(b.data_base64)
                .unwrap(),
        })
        .collect();
    (up, files)
}

/// The envelope's bytes, as the app sends them.
fn envelope(up: &ArtefactUpload, files: &[OutgoingFile]) -> Vec<u8> {
    let mut out = envelope_head(up, files);
    for f in files {
        out.extend(&f.bytes);
    }
    out
}

/// PUTs `bytes` as a binary upload to artefact `id`.
async fn put_binary(app: &TestApp, id: &str, bytes: Vec<u8>) -> Res {
    let mut req = Request::put(format!("/api/artefacts/{id}"))
        .header(header::CONTENT_TYPE, ENVELOPE_MEDIA_TYPE)
        .header(header::CONTENT_LENGTH, bytes.len());
    if let Some(c) = &app.cookie {
        req = req.header(header::COOKIE, c);
    }
    if let Some(t) = &app.csrf {
        req = req.header("x-csrf-token", t);
    }
    let addr = format!("{}:5000", app.address).parse().unwrap();
    app.raw(req.body(Body::from(bytes)).unwrap(), addr).await
}

/// A valid 16-bit PCM mono WAV of `seconds` at `rate`, with a sound that changes every
/// sample (so a byte out of place shows).
fn wav(rate: u32, seconds: u32) -> Vec<u8> {
    let frames = rate as usize * seconds as usize;
    let data = (frames * 2) as u32;
    let mut w = Vec::with_capacity(44 + frames * 2);
    w.extend(b"RIFF");
    w.extend((36 + data).to_le_bytes());
    w.extend(b"WAVEfmt ");
    w.extend(16u32.to_le_bytes());
    w.extend([1, 0, 1, 0]);
    w.extend(rate.to_le_bytes());
    w.extend((rate * 2).to_le_bytes());
    w.extend([2, 0, 16, 0]);
    w.extend(b"data");
    w.extend(data.to_le_bytes());
    let mut x: u32 = 12345;
    for _ in 0..frames {
        x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        w.extend(((x >> 16) as i16 / 4).to_le_bytes());
    }
    w
}

#[tokio::test]
async fn a_ten_minute_free_play_saves_and_reads_back_byte_for_byte() {
    let (app, c) = spawn_with_client().await;
    let mix = wav(44_100, 600);
    assert!(
        base64::engine::general_purpose::STANDARD.encode(&mix).len()
            > speelruimte_server::artefacts::MAX_UPLOAD,
        "as base64 JSON it would not fit: that is why it goes as binary"
    );
    let up: ArtefactUpload = serde_json::from_value(json!({
        "kind": "music", "client_id": c["id"], "created_at": "2026-11-25T10:00:00Z", "metadata": {}
    }))
    .unwrap();
    let files = [OutgoingFile {
        name: BlobName::parse("mix.wav").unwrap(),
        media_type: MediaType::Wav,
        bytes: mix,
    }];
    let stored = put_binary(&app, ID, envelope(&up, &files))
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(stored["blobs"][0]["size"], files[0].bytes.len());
    let back = app.blob(ID, "mix.wav").await.expect(StatusCode::OK);
    assert_eq!(back.headers.get(header::CONTENT_TYPE).unwrap(), "audio/wav");
    assert!(back.body == files[0].bytes, "the WAV read back differs");
}

#[tokio::test]
async fn a_thirty_minute_drawing_saves_well_under_the_strokes_limit() {
    use speelruimte_ink::{Brush, BrushStyle, Drawing, Event, InputPoint, Rgba, Stroke};
    let (app, c) = spawn_with_client().await;
    // Thirty minutes of pen on paper without a pause, sampled at 240 Hz (an Apple Pencil's
    // rate), in strokes of two seconds that wander over the sheet.
    let mut d = Drawing::new(1024.0, 768.0);
    let (mut x, mut y, mut t) = (500.0f32, 400.0f32, 0.0f64);
    let mut seed: u32 = 7;
    for _ in 0..900 {
        let mut points = Vec::with_capacity(480);
        for _ in 0..480 {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            x = (x + ((seed >> 24) as f32 - 127.5) / 40.0).clamp(0.0, 1024.0);
            y = (y + (((seed >> 16) & 255) as f32 - 127.5) / 40.0).clamp(0.0, 768.0);
            t += 1000.0 / 240.0;
            points.push(InputPoint {
                pressure: Some(0.3 + ((seed >> 8) & 63) as f32 / 100.0),
                ..InputPoint::at(x, y, t)
            });
        }
        d.push(Event::Stroke(Stroke {
            style: BrushStyle {
                brush: Brush::Pencil,
                size: 6.0,
                color: Rgba::rgb(30, 30, 30),
            },
            points,
        }));
    }
    let strokes = speelruimte_ink::encode(&d);
    let limit = speelruimte_server::content::MAX_STROKES_BYTES;
    assert!(
        strokes.len() < limit / 2,
        "30 minutes take {} of {limit} bytes",
        strokes.len()
    );
    let (up, mut files) = split_json(&drawing(&c, &[], "dertig minuten"));
    files[2].bytes = strokes;
    put_binary(&app, ID, envelope(&up, &files))
        .await
        .expect(StatusCode::CREATED);
    let back = app.blob(ID, "strokes.bin").await.expect(StatusCode::OK);
    assert!(back.body == files[2].bytes, "the strokes read back differ");
}

#[tokio::test]
async fn the_same_work_sent_as_json_or_as_binary_is_one_artefact() {
    let (app, c) = spawn_with_client().await;
    let body = drawing(&c, &[], "eerste");
    let first = app
        .put_artefact_at(ID, body.clone())
        .await
        .expect(StatusCode::CREATED)
        .json();
    let (up, files) = split_json(&body);
    let again = put_binary(&app, ID, envelope(&up, &files))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(first, again);
    let (mut other, files) = split_json(&drawing(&c, &[], "anders"));
    other.created_at = up.created_at;
    put_binary(&app, ID, envelope(&other, &files))
        .await
        .expect(StatusCode::CONFLICT);
    assert_eq!(app.count("artefacts").await, 1);
    let actions: Vec<String> = app
        .audit_rows()
        .await
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert_eq!(
        actions.iter().filter(|a| *a == "artefact.put").count(),
        2,
        "both answered puts are in the audit log: {actions:?}"
    );
}

#[tokio::test]
async fn a_binary_upload_is_checked_like_a_json_one_and_nothing_is_kept_of_a_refusal() {
    let (app, c) = spawn_with_client().await;
    let (up, mut files) = split_json(&drawing(&c, &[], "x"));
    let whole = envelope(&up, &files);
    let res = put_binary(&app, ID, whole[..whole.len() - 10].to_vec())
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        res.message(),
        "Het werkstuk is onderweg beschadigd en kan niet worden gelezen: het is afgebroken."
    );
    files[0].bytes = b"<script>alert(1)</script>".to_vec();
    let res = put_binary(&app, ID, envelope(&up, &files))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message()
            .starts_with("Het bestand 'image.png' is geen geldige PNG-afbeelding"),
        "{}",
        res.text()
    );
    assert_eq!(app.count("artefacts").await, 0);
    assert_eq!(app.blob_entries(), 0, "a refused upload left a file");
}

#[tokio::test]
async fn a_binary_upload_under_another_therapists_id_answers_like_a_missing_artefact() {
    let (anna, c) = spawn_with_client().await;
    anna.put_artefact_at(ID, drawing(&c, &[], "van Anna"))
        .await
        .expect(StatusCode::CREATED);
    let bram = anna.colleague("b.devries").await;
    let his = bram.client("Beer-3").await;
    let (up, files) = split_json(&drawing(&his, &[], "van Bram"));
    let theirs = put_binary(&bram, ID, envelope(&up, &files))
        .await
        .expect(StatusCode::NOT_FOUND);
    let missing = bram
        .artefact("7d2a3e1c-41a1-4bd5-9b1c-2a1c3b4d5e6f")
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(theirs.body, missing.body);
    // And a client that is not the caller's, in the head, is missing too.
    let (up, files) = split_json(&drawing(&c, &[], "op Anna's cliënt"));
    put_binary(
        &bram,
        "6b0c8a4e-9d1b-4c55-8e0a-1b2c3d4e5f62",
        envelope(&up, &files),
    )
    .await
    .expect(StatusCode::NOT_FOUND);
    assert_eq!(anna.count("artefacts").await, 1);
    assert_eq!(id_of(&anna.artefact(ID).await.json()), ID);
}

#[tokio::test]
async fn a_binary_upload_over_the_limit_is_refused_before_it_is_read() {
    let (app, _) = spawn_with_client().await;
    let mut req = Request::put(format!("/api/artefacts/{ID}"))
        .header(header::CONTENT_TYPE, ENVELOPE_MEDIA_TYPE)
        .header(
            header::CONTENT_LENGTH,
            speelruimte_server::artefacts::MAX_BINARY_UPLOAD + 1,
        )
        .header(header::COOKIE, app.cookie.clone().unwrap())
        .header("x-csrf-token", app.csrf.clone().unwrap());
    req = req.header(header::USER_AGENT, "test");
    let addr = "10.0.0.1:5000".parse().unwrap();
    let res = app
        .raw(req.body(Body::empty()).unwrap(), addr)
        .await
        .expect(StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.json()["error"], "too_large");
}
