//! Turning the drawing into an artefact upload: the flattened PNG (full size), a thumbnail, the
//! encoded strokes for replay, and the drawing's record (`speelruimte_model::DrawingRecord`) as
//! metadata. The process observations are not stored: the review computes them from the
//! strokes (why: see `speelruimte_model::DrawingRecord`). Sent as an idempotent PUT under a
//! UUID made here on the tablet.

use base64::Engine as _;
use speelruimte_ink::{Background, Drawing, Template, encode};
use speelruimte_model::{
    ArtefactKind, ArtefactUpload, BlobName, DrawingRecord, GroupPlay, MediaType, OutgoingFile,
    Participant,
};
use uuid::Uuid;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::saving::Outgoing;
use crate::util;

/// Width of the thumbnail shown in review lists.
const THUMB_WIDTH: u32 = 320;

/// Builds the upload for `drawing`, whose flattened picture is on `canvas`.
pub fn upload(
    canvas: &HtmlCanvasElement,
    drawing: &Drawing,
    client_id: Uuid,
    session_id: Option<Uuid>,
    goal_ids: Vec<Uuid>,
    group: Option<(Vec<Participant>, Vec<u8>)>,
) -> Result<Outgoing, String> {
    let image = png_bytes(canvas)?;
    let thumb = png_bytes(&thumbnail(canvas)?)?;
    let metadata = DrawingRecord::<Background, Template>::new(
        drawing.width,
        drawing.height,
        drawing.background,
        drawing.template,
        drawing.visible_strokes().len(),
    )
    .to_metadata()
    .map_err(|e| e.to_string())?;
    let (participants, metadata) = match group {
        None => (Vec::new(), metadata),
        Some((participants, mut players)) => {
            // Every stroke has its player; one kept before a crash without it counts as the
            // session's own client's.
            players.resize(drawing.all_strokes().count(), 0);
            let mut metadata = metadata;
            let play = GroupPlay {
                stroke_players: players,
                ratings: Vec::new(),
            };
            metadata[GroupPlay::FIELD] = serde_json::to_value(play).map_err(|e| e.to_string())?;
            (participants, metadata)
        }
    };
    let file = |name: &str, media_type, bytes| OutgoingFile {
        name: BlobName::parse(name).expect("fixed blob names are valid"),
        media_type,
        bytes,
    };
    Ok(Outgoing {
        record: ArtefactUpload {
            kind: ArtefactKind::Drawing,
            client_id,
            session_id,
            goal_ids,
            created_at: util::now(),
            metadata,
            blobs: Vec::new(),
            participants,
        },
        files: vec![
            file("image.png", MediaType::Png, image),
            file("thumb.png", MediaType::Png, thumb),
            file("strokes.bin", MediaType::OctetStream, encode(drawing)),
        ],
    })
}

/// The canvas as PNG bytes.
fn png_bytes(canvas: &HtmlCanvasElement) -> Result<Vec<u8>, String> {
    let fail = || crate::i18n::t().draw_image_failed.to_string();
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| fail())?;
    let (_, b64) = url.split_once(',').ok_or_else(fail)?;
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|_| fail())
}

/// A small copy of the canvas, `THUMB_WIDTH` wide with the same aspect ratio.
fn thumbnail(canvas: &HtmlCanvasElement) -> Result<HtmlCanvasElement, String> {
    let fail = || crate::i18n::t().draw_thumb_failed.to_string();
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(fail)?;
    let thumb: HtmlCanvasElement = doc
        .create_element("canvas")
        .map_err(|_| fail())?
        .dyn_into()
        .map_err(|_| fail())?;
    let (w, h) = (canvas.width().max(1), canvas.height().max(1));
    let th = ((h as f64) * THUMB_WIDTH as f64 / w as f64)
        .round()
        .max(1.0) as u32;
    thumb.set_width(THUMB_WIDTH);
    thumb.set_height(th);
    let ctx: CanvasRenderingContext2d = thumb
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or_else(fail)?
        .dyn_into()
        .map_err(|_| fail())?;
    ctx.set_image_smoothing_enabled(true);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
        canvas,
        0.0,
        0.0,
        THUMB_WIDTH as f64,
        th as f64,
    )
    .map_err(|_| fail())?;
    Ok(thumb)
}
