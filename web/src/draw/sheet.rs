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
//! once per change (a finished stroke, undo, a new background), not once per frame. Handing it
//! over leaves the offscreen canvas blank; the picture is copied back before the next change
//! that paints over it (the ink layer is in tiles, so that copy is small: see
//! [`super::tiles`]). A browser without `OffscreenCanvas` (Safari before 16.4) gets a plain 2D
//! canvas instead.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, Element, HtmlCanvasElement, ImageBitmapRenderingContext,
    OffscreenCanvas,
};

/// One layer: what the page shows, and where it is painted.
pub struct Sheet {
    display: HtmlCanvasElement,
    /// The offscreen canvas and the page canvas's bitmap renderer; `None` where the browser
    /// has no `OffscreenCanvas` and `ctx` paints on the page canvas itself.
    handover: Option<(OffscreenCanvas, ImageBitmapRenderingContext)>,
    ctx: CanvasRenderingContext2d,
    /// The picture is on the page only: the offscreen canvas is blank since [`Sheet::show`].
    blank: Cell<bool>,
    /// Width and height in device px.
    size: Cell<(u32, u32)>,
}

impl Sheet {
    /// A sheet shown on `display`.
    pub fn new(display: HtmlCanvasElement) -> Option<Self> {
        let (handover, ctx) = match Self::offscreen() {
            Some((off, ctx)) => {
                let shown = display
                    .get_context("bitmaprenderer")
                    .ok()??
                    .dyn_into()
                    .ok()?;
                (Some((off, shown)), ctx)
            }
            None => (None, display.get_context("2d").ok()??.dyn_into().ok()?),
        };
        Some(Self {
            display,
            handover,
            ctx,
            blank: Cell::new(false),
            size: Cell::new((0, 0)),
        })
    }

    /// A sheet on a new canvas of class `class` at the end of `parent` (placed with
    /// [`Sheet::cover`]).
    pub fn made_in(parent: &Element, class: &str) -> Option<Self> {
        let doc = web_sys::window()?.document()?;
        let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
        let _ = canvas.set_attribute("class", class);
        parent.append_child(&canvas).ok()?;
        Self::new(canvas)
    }

    /// An offscreen canvas with its 2D context, where the browser has them.
    fn offscreen() -> Option<(OffscreenCanvas, CanvasRenderingContext2d)> {
        let global = js_sys::global();
        if !js_sys::Reflect::has(&global, &"OffscreenCanvas".into()).unwrap_or(false) {
            return None;
        }
        let off = OffscreenCanvas::new(1, 1).ok()?;
        // An OffscreenCanvasRenderingContext2D has every method of CanvasRenderingContext2D
        // that painting uses (web-sys calls them by name), so the painting code is shared.
        let ctx = off.get_context("2d").ok()??.unchecked_into();
        Some((off, ctx))
    }

    /// Sizes the sheet to `w`×`h` CSS px at pixel ratio `dpr` (which clears it); painting then
    /// happens in CSS px.
    pub fn resize(&self, w: f64, h: f64, dpr: f64) {
        self.set_size((w * dpr).round() as u32, (h * dpr).round() as u32);
        let _ = self.ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    }

    /// Places the canvas over the part of the paper from device pixel (`d[0]`, `d[1]`) to
    /// (`d[2]`, `d[3]`) (whole numbers), at pixel ratio `dpr`; painting then happens in paper
    /// CSS px. `unit` is how many device px one CSS px of the parent element is: `dpr`, or 1
    /// in a parent scaled down by `dpr` (so that places given in whole device px stay whole).
    /// A new size clears the sheet; a move keeps its bitmap (for a sheet painted afresh each
    /// time, see [`Sheet::fresh`]).
    pub fn cover(&self, d: [f64; 4], dpr: f64, unit: f64) {
        let (w, h) = (d[2] - d[0], d[3] - d[1]);
        if self.size.get() != (w as u32, h as u32) {
            self.set_size(w as u32, h as u32);
        }
        let _ = self.ctx.set_transform(dpr, 0.0, 0.0, dpr, -d[0], -d[1]);
        let _ = self.display.set_attribute(
            "style",
            &format!(
                "left:{}px;top:{}px;width:{}px;height:{}px",
                d[0] / unit,
                d[1] / unit,
                w / unit,
                h / unit
            ),
        );
    }

    /// Gives the sheet `w`×`h` device px, which clears it (the caller paints everything again).
    fn set_size(&self, w: u32, h: u32) {
        if let Some((off, _)) = &self.handover {
            off.set_width(w);
            off.set_height(h);
        }
        self.display.set_width(w);
        self.display.set_height(h);
        self.size.set((w, h));
        self.blank.set(false);
    }

    /// The canvas on the page.
    pub fn display(&self) -> &HtmlCanvasElement {
        &self.display
    }

    /// The context to paint with on an empty sheet (what shows stays until the next
    /// [`Sheet::show`]).
    pub fn fresh(&self) -> &CanvasRenderingContext2d {
        if !self.blank.replace(false) {
            self.ctx.save();
            let _ = self.ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
            let (w, h) = (self.display.width() as f64, self.display.height() as f64);
            self.ctx.clear_rect(0.0, 0.0, w, h);
            self.ctx.restore();
        }
        &self.ctx
    }

    /// The context to paint with, in CSS px, over the picture as it shows.
    pub fn ctx(&self) -> &CanvasRenderingContext2d {
        self.restore();
        &self.ctx
    }

    /// Copies the picture on the page back to the offscreen canvas, if [`Sheet::show`] left
    /// it blank.
    fn restore(&self) {
        if !self.blank.replace(false) {
            return;
        }
        self.ctx.save();
        let _ = self.ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        let _ = self.ctx.set_global_composite_operation("copy");
        let _ = self
            .ctx
            .draw_image_with_html_canvas_element(&self.display, 0.0, 0.0);
        self.ctx.restore();
    }

    /// Shows a blank bitmap that was painted (a pixel cleared), to warm the canvas up (see
    /// [`super::live::LiveViews::warm_step`]): the browser may hand over a canvas nothing was
    /// painted on as an empty image without memory behind it, which warms nothing. (Measured
    /// at 6× slower, lines, three runs each: 22–51 missed frames warmed with unpainted
    /// bitmaps, 11–15 with painted ones; a second comparison, on a busier machine, showed no
    /// difference: 18–88 against 21–97. B5, BENCHMARKS.md.)
    pub fn show_blank(&self) {
        let c = self.fresh();
        c.save();
        let _ = c.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        c.clear_rect(0.0, 0.0, 1.0, 1.0);
        c.restore();
        self.show();
    }

    /// Shows what was painted: the offscreen bitmap moves to the page, leaving the offscreen
    /// canvas blank until [`Sheet::restore`].
    pub fn show(&self) {
        let Some((off, shown)) = &self.handover else {
            return;
        };
        if let Ok(bitmap) = off.transfer_to_image_bitmap() {
            shown.transfer_from_image_bitmap(&bitmap);
            self.blank.set(true);
        }
    }
}
