//! The evaluatieverslag routes: the PDF of exactly the picks, the preview of the same pages,
//! another therapist's client answered as a missing one, and every answer audited.

use axum::http::{StatusCode, header};
use serde_json::json;

use crate::helpers::{TestApp, id_of, spawn_with_client};

/// A client with two goals, a drawing of each and an evaluation of both; with the ids.
async fn evaluated(app: &TestApp, c: &serde_json::Value) -> (String, Vec<String>, Vec<String>) {
    let g1 = app.goal(c).await;
    let g2 = app
        .post_goal(c, json!({"domain": "grenzen", "title": "Nee zeggen"}))
        .await
        .expect(StatusCode::CREATED)
        .json();
    let d1 = app.put_artefact(c, &[&g1]).await;
    let d2 = app.put_artefact(c, &[&g2]).await;
    let e = app
        .post_evaluation(
            c,
            json!({"date": "2026-12-01", "goals": [{"goal_id": g1["id"]}, {"goal_id": g2["id"]}],
                   "notes": "#panic(\"x\") ] * $", "discussed_with_client": true}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    (
        id_of(&e).to_owned(),
        vec![id_of(&g1).to_owned(), id_of(&g2).to_owned()],
        vec![id_of(&d1).to_owned(), id_of(&d2).to_owned()],
    )
}

fn report_url(c: &serde_json::Value, e: &str, what: &str, query: &str) -> String {
    format!(
        "/api/clients/{}/evaluations/{e}/report/{what}?{query}",
        id_of(c)
    )
}

#[tokio::test]
async fn the_pdf_holds_the_picked_drawing_only_and_has_a_proper_name() {
    let (app, c) = spawn_with_client().await;
    let (e, goals, drawings) = evaluated(&app, &c).await;
    let query = format!("goals={}&charts=&artefacts={}", goals[1], drawings[0]);
    let res = app
        .get(&report_url(&c, &e, "pdf", &query))
        .await
        .expect(StatusCode::OK);
    assert_eq!(res.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(
        res.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"evaluatieverslag-vos-12-2026-12-01.pdf\""
    );
    assert!(res.body.starts_with(b"%PDF-"));
    // The picked drawing goes in: without it the PDF is smaller (its objects are compressed,
    // so the browser test counts the images with pdfimages).
    let without = app
        .get(&report_url(
            &c,
            &e,
            "pdf",
            &format!("goals={}&charts=&artefacts=", goals[1]),
        ))
        .await
        .expect(StatusCode::OK);
    assert!(
        res.body.len() > without.body.len() + 500,
        "{} against {}",
        res.body.len(),
        without.body.len()
    );
    let rows = app.audit_rows().await;
    let last = &rows[rows.len() - 2];
    assert_eq!(last.action, "report.pdf");
    assert_eq!(last.client_id.as_deref(), Some(id_of(&c)));
    assert_eq!(last.detail.as_deref(), Some(e.as_str()));
}

#[tokio::test]
async fn the_preview_is_the_pdfs_pages_as_png() {
    let (app, c) = spawn_with_client().await;
    let (e, _, drawings) = evaluated(&app, &c).await;
    let query = format!("artefacts={},{}", drawings[0], drawings[1]);
    let preview = app
        .get(&report_url(&c, &e, "preview", &query))
        .await
        .expect(StatusCode::OK)
        .json();
    let pages = preview["pages"].as_array().unwrap();
    assert!(!pages.is_empty());
    use base64::Engine as _;
    let png = base64::engine::general_purpose::STANDARD
        .decode(pages[0].as_str().unwrap())
        .unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    assert_eq!(
        preview["file_name"],
        "evaluatieverslag-vos-12-2026-12-01.pdf"
    );
    assert_eq!(
        app.audit_rows().await.last().unwrap().action,
        "report.preview"
    );
}

#[tokio::test]
async fn another_therapists_client_or_evaluation_answers_as_a_missing_one() {
    let (app, c) = spawn_with_client().await;
    let (e, _, _) = evaluated(&app, &c).await;
    let other = app.colleague("b.devries").await;
    let missing_client = format!(
        "/api/clients/{}/evaluations/{e}/report/pdf",
        uuid::Uuid::new_v4()
    );
    let missing = other
        .get(&missing_client)
        .await
        .expect(StatusCode::NOT_FOUND);
    for what in ["pdf", "preview"] {
        let theirs = other
            .get(&report_url(&c, &e, what, ""))
            .await
            .expect(StatusCode::NOT_FOUND);
        assert_eq!(theirs.body, missing.body);
    }
    // The owner with an evaluation id that is not the client's: the same 404.
    let wrong = app
        .get(&report_url(
            &c,
            &uuid::Uuid::new_v4().to_string(),
            "pdf",
            "",
        ))
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(wrong.body, missing.body);
}

#[tokio::test]
async fn a_drawing_of_another_client_or_a_bad_pick_is_refused_in_dutch() {
    let (app, c) = spawn_with_client().await;
    let (e, goals, _) = evaluated(&app, &c).await;
    let c2 = app.client("Uil-3").await;
    let theirs = app.put_artefact(&c2, &[]).await;
    let res = app
        .get(&report_url(
            &c,
            &e,
            "pdf",
            &format!("artefacts={}", id_of(&theirs)),
        ))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        res.message(),
        "Alleen tekeningen van deze cliënt kunnen als afbeelding in het verslag."
    );
    let res = app
        .get(&report_url(
            &c,
            &e,
            "pdf",
            &format!("goals={}&charts={}", goals[0], goals[1]),
        ))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message().starts_with("Een grafiek hoort bij een doel"),
        "{}",
        res.message()
    );
    let res = app
        .get(&report_url(&c, &e, "pdf", "tension=misschien"))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        res.message(),
        "De keuze voor het verslag is onleesbaar; kies opnieuw."
    );
}
