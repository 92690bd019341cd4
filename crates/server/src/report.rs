//! The *evaluatieverslag* of one of a client's evaluations: a preview (its pages as PNG) and
//! the PDF, both plain GETs whose query holds the therapist's picks
//! (`speelruimte_model::ReportQuery`; left out, the default picks of the AVG export).
//!
//! The preview is rendered from the very typst layout the PDF is written from
//! (`speelruimte_report::pages_png`), so it shows exactly what goes in. Typesetting is CPU
//! work: it runs on a blocking thread. Each answer is one audit row naming the client and the
//! evaluation.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use speelruimte_model::{
    ApiError, ArtefactKind, ClientRecords, Evaluation, ReportPreview, ReportQuery, ValidationError,
};
use speelruimte_report::{Drawing, Report};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::error::Json;
use crate::ownership::{parse_id, reading_client};
use crate::{AppState, Error, audit, export};

/// Pixels per typographic point of the preview's pages (1.5: an A4 page is 893 × 1263 px).
const PREVIEW_SCALE: f64 = 1.5;

/// The report routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(preview_report))
        .routes(routes!(download_report))
}

/// The report of `evaluation` with the drawings `records` keep, as picked by `query`; with the
/// PDF's file name.
pub(crate) async fn make_report(
    state: &AppState,
    records: &ClientRecords,
    evaluation: &Evaluation,
    query: ReportQuery,
) -> Result<(Report, String), Error> {
    let pick = query.into_pick(evaluation)?;
    let mut drawings = Vec::with_capacity(pick.artefacts.len());
    for id in &pick.artefacts {
        let png = records
            .artefacts
            .iter()
            .find(|a| a.id == *id && a.kind == ArtefactKind::Drawing)
            .and_then(|a| a.blobs.iter().find(|b| b.name.as_str() == "image.png"))
            .ok_or(ValidationError::NotADrawingOfClient)?;
        let artefact = records.artefacts.iter().find(|a| a.id == *id);
        drawings.push(Drawing {
            id: *id,
            date: artefact
                .map(|a| a.created_at.date_naive())
                .unwrap_or(evaluation.date),
            png: state.blobs.get(&png.sha256).await?,
        });
    }
    let today = chrono::Utc::now().date_naive();
    let source = speelruimte_report::source_for(records, evaluation, drawings, today);
    let name = speelruimte_report::file_name(records.client.label.as_str(), evaluation.date);
    Ok((speelruimte_report::build_report(&source, &pick), name))
}

/// Loads what a report route needs, checks ownership and writes the audit row.
async fn prepare(
    state: &AppState,
    caller: &Caller,
    id: &str,
    eid: &str,
    query: Result<Query<ReportQuery>, QueryRejection>,
    action: &str,
) -> Result<(Report, String), Error> {
    let (mut conn, id) = reading_client(&state.db, caller, id).await?;
    let eid = parse_id(eid)?;
    let records = export::load_records(&mut conn, id).await?;
    let evaluation = records
        .evaluations
        .iter()
        .find(|e| e.id == eid)
        .cloned()
        .ok_or(Error::NotFound)?;
    let Query(query) = query.map_err(|_| {
        Error::Validation("De keuze voor het verslag is onleesbaar; kies opnieuw.".into())
    })?;
    let made = make_report(state, &records, &evaluation, query).await?;
    audit::record(&mut conn, caller, action, Some(id), Some(&eid.to_string())).await?;
    Ok(made)
}

/// Typesets on a blocking thread.
async fn typeset<T: Send + 'static>(
    report: Report,
    then: impl FnOnce(&speelruimte_report::PagedDocument) -> Result<T, speelruimte_report::ReportError>
    + Send
    + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(move || {
        let start = std::time::Instant::now();
        let doc = report.typeset()?;
        let laid_out = start.elapsed();
        let made = then(&doc);
        tracing::info!(
            typeset_ms = laid_out.as_secs_f64() * 1e3,
            total_ms = start.elapsed().as_secs_f64() * 1e3,
            pages = doc.pages().len(),
            "report typeset"
        );
        made
    })
    .await
    .map_err(|e| Error::Internal(anyhow::anyhow!("typesetting stopped: {e}")))?
    .map_err(|e| Error::Internal(anyhow::anyhow!(e)))
}

/// The report's pages as PNG images: the preview of exactly what the PDF holds.
#[utoipa::path(get, path = "/api/clients/{id}/evaluations/{eid}/report/preview", tag = "evaluations",
    operation_id = "preview_report",
    params(("id" = Uuid, Path), ("eid" = Uuid, Path, description = "the evaluation"), ReportQuery),
    responses((status = 200, body = ReportPreview), (status = 401, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn preview_report(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, eid)): Path<(String, String)>,
    query: Result<Query<ReportQuery>, QueryRejection>,
) -> Result<Json<ReportPreview>, Error> {
    let (report, file_name) = prepare(&state, &caller, &id, &eid, query, "report.preview").await?;
    let pages = typeset(report, |doc| {
        Ok(speelruimte_report::pages_png(doc, PREVIEW_SCALE))
    })
    .await?;
    let b64 = base64::engine::general_purpose::STANDARD;
    Ok(Json(ReportPreview {
        pages: pages.iter().map(|p| b64.encode(p)).collect(),
        file_name,
    }))
}

/// The report as a PDF, to keep in the dossier or send on.
#[utoipa::path(get, path = "/api/clients/{id}/evaluations/{eid}/report/pdf", tag = "evaluations",
    operation_id = "download_report",
    params(("id" = Uuid, Path), ("eid" = Uuid, Path, description = "the evaluation"), ReportQuery),
    responses((status = 200, content_type = "application/pdf", description = "The PDF, as an attachment"),
        (status = 401, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn download_report(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, eid)): Path<(String, String)>,
    query: Result<Query<ReportQuery>, QueryRejection>,
) -> Result<Response, Error> {
    let (report, file_name) = prepare(&state, &caller, &id, &eid, query, "report.pdf").await?;
    let pdf = typeset(report, speelruimte_report::pdf).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        pdf,
    )
        .into_response())
}
