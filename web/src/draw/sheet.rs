//! A full-size layer of the paper (the paper itself, or the finished ink), painted off screen
//! and shown as a finished bitmap.
//!
//! A 2D canvas on the page costs the browser a copy of its whole bitmap for the compositor on
//! every frame in which anything on the page changes, whether the canvas changed or not
//! (measured in headless Chromium: about 1.7 ms per 2000×1500 canvas per frame on this
//! machine, four times that with the CPU slowed like a tablet's). While a pen draws, every
//! frame changes something, so two full-size 2D canvases cost frames (B5, BENCHMARKS.md). A
//! canvas showing an `ImageBitmap` (`bitmaprenderer`) costs nothing until it is given a new one.
//!
//! So each sheet paints on an `OffscreenCanvas` and hands the result to its canvas on the page
//! once per change (a finished stroke, undo, a new background), not once per frame.

use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmapRenderingContext, OffscreenCanvas,
};

/// One layer: what the page shows, and where it is painted.
pub struct Sheet {
    display: HtmlCanvasElement,
    shown: ImageBitmapRenderingContext,
    off: OffscreenCanvas,
    ctx: CanvasRenderingContext2d,
}

impl Sheet {
    /// A sheet shown on `display`.
    pub fn new(display: HtmlCanvasElement) -> Option<Self> {
        let shown = display
            .get_context("bitmaprenderer")
            .ok()??
            .dyn_into()
            .ok()?;
        let off = OffscreenCanvas::new(1, 1).ok()?;
        // An OffscreenCanvasRenderingContext2D has every method of CanvasRenderingContext2D
        // that painting uses (web-sys calls them by name), so the painting code is shared.
        let ctx = off.get_context("2d").ok()??.unchecked_into();
        Some(Self {
            display,
            shown,
            off,
            ctx,
        })
    }

    /// Sizes the sheet to `w`×`h` CSS px at pixel ratio `dpr` (which clears it); painting then
    /// happens in CSS px.
    pub fn resize(&self, w: f64, h: f64, dpr: f64) {
        let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
        self.off.set_width(pw);
        self.off.set_height(ph);
        self.display.set_width(pw);
        self.display.set_height(ph);
        let _ = self.ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    }

    /// The context to paint with, in CSS px.
    pub fn ctx(&self) -> &CanvasRenderingContext2d {
        &self.ctx
    }

    /// Shows what was painted. The offscreen bitmap moves to the page, and a copy of it is
    /// painted back so that the next change is painted over the current picture.
    pub fn show(&self) {
        let Ok(bitmap) = self.off.transfer_to_image_bitmap() else {
            return;
        };
        self.ctx.save();
        let _ = self.ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        let _ = self.ctx.set_global_composite_operation("copy");
        let _ = self.ctx.draw_image_with_image_bitmap(&bitmap, 0.0, 0.0);
        self.ctx.restore();
        self.shown.transfer_from_image_bitmap(&bitmap);
    }
}

/// The paper and ink sheets, made once their canvases are on the page.
#[derive(Default)]
pub struct Sheets {
    pub paper: Option<Sheet>,
    pub ink: Option<Sheet>,
}
