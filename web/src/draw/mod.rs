//! The drawing work form (first version): pen pressure, one stroke per pointer, smooth lines,
//! undo, clear, kept on the tablet while drawing, saved as an artefact linked to goals.

mod save;
mod sketch;

use leptos::html::Canvas;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use speelruimte_model::{Artefact, ArtefactUpload, Goal};
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, PointerEvent};

use crate::i18n::t;
use crate::pages::{Load, load};
use crate::{api, util};
use sketch::{Point, Sketch, SketchData, Stroke, paint_all, paint_end, paint_segment};

/// Large swatches a child can hit: ink colours that read well on white paper.
const COLOURS: [(&str, &str); 8] = [
    ("#1d1d1f", "zwart"),
    ("#d62828", "rood"),
    ("#f77f00", "oranje"),
    ("#fcbf49", "geel"),
    ("#2a9d8f", "groen"),
    ("#1d70b8", "blauw"),
    ("#7b2cbf", "paars"),
    ("#8d5a3b", "bruin"),
];
/// Brush sizes in CSS pixels, with their Dutch names.
const SIZES: [(f32, &str); 3] = [(4.0, "dun"), (10.0, "middel"), (24.0, "dik")];

/// Where a save stands, as the screen tells it.
#[derive(Clone, Debug, PartialEq)]
enum SaveState {
    Empty,
    Unsaved,
    Saving,
    Saved(String),
    Failed(String),
}

/// A save attempt: reused as long as the drawing and the goals are unchanged, so a retry
/// sends the same id and body and the server stores it once.
struct Attempt {
    version: u32,
    goals: Vec<Uuid>,
    id: Uuid,
    upload: ArtefactUpload,
}

#[component]
pub fn DrawPage() -> impl IntoView {
    let params = use_params_map();
    let cid = params.read_untracked().get("id").unwrap_or_default();
    let sid = params.read_untracked().get("sid").unwrap_or_default();
    let client_id = Uuid::parse_str(&cid).unwrap_or_default();
    let session_id = Uuid::parse_str(&sid).ok();
    let storage_key = format!("speelruimte.tekening.{sid}");
    let (goals, _) = load::<Vec<Goal>>(move || format!("/api/clients/{client_id}/goals"));

    let canvas_ref = NodeRef::<Canvas>::new();
    let sketch = StoredValue::new_local(Sketch::default());
    let attempt = StoredValue::new_local(None::<Attempt>);
    let colour = RwSignal::new(COLOURS[0].0.to_string());
    let size = RwSignal::new(SIZES[1].0);
    let strokes = RwSignal::new(0usize);
    let status = RwSignal::new(SaveState::Empty);
    let selected = RwSignal::new(Vec::<Uuid>::new());

    let ctx = move || -> Option<CanvasRenderingContext2d> {
        canvas_ref
            .get_untracked()?
            .get_context("2d")
            .ok()??
            .dyn_into()
            .ok()
    };
    // Sizes the backing store to the element (times the pixel ratio) and repaints.
    let fit = move || {
        let (Some(canvas), Some(ctx)) = (canvas_ref.get_untracked(), ctx()) else {
            return;
        };
        let rect = canvas.get_bounding_client_rect();
        let dpr = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0);
        canvas.set_width((rect.width() * dpr).round() as u32);
        canvas.set_height((rect.height() * dpr).round() as u32);
        let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        sketch.update_value(|s| {
            s.width = rect.width() as f32;
            s.height = rect.height() as f32;
            paint_all(&ctx, s);
        });
    };
    let changed = {
        let storage_key = storage_key.clone();
        move || {
            sketch.update_value(|s| s.version += 1);
            let (n, json) =
                sketch.with_value(|s| (s.strokes.len(), serde_json::to_string(&s.data())));
            strokes.set(n);
            status.set(if n == 0 {
                SaveState::Empty
            } else {
                SaveState::Unsaved
            });
            // Kept on the tablet as it is drawn, so a reload or a crashed tab loses nothing.
            if let (Some(store), Ok(json)) = (util::local_storage(), json) {
                let _ = store.set_item(&storage_key, &json);
            }
        }
    };

    Effect::new({
        let storage_key = storage_key.clone();
        move |_| {
            if canvas_ref.get().is_none() {
                return;
            }
            let saved = util::local_storage()
                .and_then(|s| s.get_item(&storage_key).ok().flatten())
                .and_then(|json| serde_json::from_str::<SketchData>(&json).ok());
            if let Some(data) = saved {
                let last_t = data
                    .strokes
                    .iter()
                    .flat_map(|s| s.points.last())
                    .map(|p| p.t)
                    .fold(0.0, f32::max);
                sketch.update_value(|s| {
                    s.restore(data);
                    // New strokes continue the old timeline, one second after its end.
                    s.origin_ms = Some(now_ms() - last_t as f64 - 1000.0);
                });
                let n = sketch.with_value(|s| s.strokes.len());
                strokes.set(n);
                status.set(if n == 0 {
                    SaveState::Empty
                } else {
                    SaveState::Unsaved
                });
            }
            fit();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| fit());
    on_cleanup(move || resize.remove());

    let on_down = move |ev: PointerEvent| {
        let kind = ev.pointer_type();
        if kind == "touch" && sketch.with_value(|s| s.pen_seen) {
            return; // a palm resting on the screen while drawing with a pen
        }
        ev.prevent_default();
        if let Some(c) = canvas_ref.get_untracked() {
            let _ = c.set_pointer_capture(ev.pointer_id());
        }
        let Some(ctx) = ctx() else { return };
        let mut repaint = false;
        sketch.update_value(|s| {
            if kind == "pen" && !s.pen_seen {
                s.pen_seen = true;
                let before = s.live.len();
                s.live.retain(|_, st| st.pointer != "touch");
                repaint = before != s.live.len();
            }
            let origin = *s.origin_ms.get_or_insert(ev.time_stamp());
            let stroke = Stroke {
                color: colour.get_untracked(),
                size: size.get_untracked(),
                pointer: kind.clone(),
                points: vec![point(&ev, origin)],
            };
            paint_segment(&ctx, &stroke, 0);
            s.live.insert(ev.pointer_id(), stroke);
            if repaint {
                paint_all(&ctx, s);
            }
        });
    };
    let on_move = move |ev: PointerEvent| {
        let Some(ctx) = ctx() else { return };
        sketch.update_value(|s| {
            let origin = s.origin_ms.unwrap_or(0.0);
            let Some(stroke) = s.live.get_mut(&ev.pointer_id()) else {
                return;
            };
            ev.prevent_default();
            // The browser batches moves per frame; the coalesced list has all of them.
            let coalesced = ev.get_coalesced_events();
            let events: Vec<PointerEvent> = if coalesced.length() == 0 {
                vec![ev.clone()]
            } else {
                coalesced.iter().filter_map(|e| e.dyn_into().ok()).collect()
            };
            for e in events {
                let p = point(&e, origin);
                let last = stroke.points.last().copied();
                if last.is_some_and(|l| (l.x - p.x).abs() < 0.25 && (l.y - p.y).abs() < 0.25) {
                    continue;
                }
                stroke.points.push(p);
                paint_segment(&ctx, stroke, stroke.points.len() - 1);
            }
        });
    };
    let on_up = {
        let changed = changed.clone();
        move |ev: PointerEvent| {
            let Some(ctx) = ctx() else { return };
            let finished = sketch.try_update_value(|s| {
                let stroke = s.live.remove(&ev.pointer_id())?;
                paint_end(&ctx, &stroke);
                s.strokes.push(stroke);
                Some(())
            });
            if finished.flatten().is_some() {
                changed();
            }
        }
    };
    let undo = {
        let changed = changed.clone();
        move |_| {
            let Some(ctx) = ctx() else { return };
            sketch.update_value(|s| {
                s.strokes.pop();
                paint_all(&ctx, s);
            });
            changed();
        }
    };
    let clear = {
        let changed = changed.clone();
        move |_| {
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message(t().draw_clear_confirm).ok())
                .unwrap_or(false);
            let Some(ctx) = ctx() else { return };
            if sure {
                sketch.update_value(|s| {
                    s.strokes.clear();
                    paint_all(&ctx, s);
                });
                changed();
            }
        }
    };
    let save = move |_| {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        if sketch.with_value(|s| s.strokes.is_empty()) {
            status.set(SaveState::Failed(t().draw_empty.into()));
            return;
        }
        let goals = selected.get_untracked();
        let version = sketch.with_value(|s| s.version);
        let reuse = attempt.with_value(|a| {
            a.as_ref()
                .filter(|a| a.version == version && a.goals == goals)
                .map(|a| (a.id, a.upload.clone()))
        });
        let (id, upload) = match reuse {
            Some(pair) => pair,
            None => match sketch
                .with_value(|s| save::upload(&canvas, s, client_id, session_id, goals.clone()))
            {
                Ok(upload) => {
                    let id = util::new_uuid();
                    attempt.set_value(Some(Attempt {
                        version,
                        goals,
                        id,
                        upload: upload.clone(),
                    }));
                    (id, upload)
                }
                Err(m) => return status.set(SaveState::Failed(m)),
            },
        };
        status.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            match api::send::<_, Artefact>("PUT", &format!("/api/artefacts/{id}"), &upload).await {
                Ok(a) => status.set(SaveState::Saved(util::datetime_nl(a.stored_at))),
                Err(e) => status.set(SaveState::Failed(e.message)),
            }
        });
    };
    let toggle_goal = move |id: Uuid| {
        selected.update(|g| {
            if let Some(i) = g.iter().position(|x| *x == id) {
                g.remove(i);
            } else {
                g.push(id);
            }
        });
    };

    view! {
        <div class="draw-screen">
            <header class="draw-bar">
                <a class="button ghost back" href=format!("/clients/{cid}/sessies/{sid}")>"‹ " {t().back}</a>
                <div class="goal-chips" role="group" aria-label=t().draw_link_goals>
                    <span class="chips-label">{t().draw_link_goals}</span>
                    {move || match goals.get() {
                        Load::Ready(list) if list.is_empty() => view! { <span class="muted">{t().draw_no_goals}</span> }.into_any(),
                        Load::Ready(list) => list.into_iter().map(|g| {
                            let id = g.id;
                            view! {
                                <button class="chip" data-goal=id.to_string()
                                    aria-pressed=move || selected.get().contains(&id).to_string()
                                    on:click=move |_| toggle_goal(id)>
                                    {g.title.as_str().to_owned()}
                                </button>
                            }
                        }).collect_view().into_any(),
                        Load::Failed(m) => view! { <span class="error">{m}</span> }.into_any(),
                        Load::Loading => ().into_any(),
                    }}
                </div>
                <span class="save-status" data-testid="save-status" role="status"
                    data-state=move || match status.get() {
                        SaveState::Empty => "empty", SaveState::Unsaved => "unsaved", SaveState::Saving => "saving",
                        SaveState::Saved(_) => "saved", SaveState::Failed(_) => "failed",
                    }>
                    {move || match status.get() {
                        SaveState::Empty => String::new(),
                        SaveState::Unsaved => t().draw_unsaved_changes.to_string(),
                        SaveState::Saving => t().draw_saving.to_string(),
                        SaveState::Saved(at) => format!("✓ {} ({at})", t().draw_saved),
                        SaveState::Failed(m) => format!("{}: {m}", t().draw_not_saved),
                    }}
                </span>
                <button class="primary" data-testid="save" on:click=save
                    disabled=move || status.get() == SaveState::Saving>{t().save}</button>
            </header>
            <aside class="tools" aria-label="Gereedschap">
                <div class="swatches" role="radiogroup" aria-label=t().draw_colour>
                    {COLOURS.into_iter().map(|(c, name)| view! {
                        <button class="swatch" style=format!("--c:{c}") aria-label=name title=name
                            aria-pressed=move || (colour.get() == c).to_string()
                            on:click=move |_| colour.set(c.to_string())></button>
                    }).collect_view()}
                </div>
                <div class="sizes" role="radiogroup" aria-label=t().draw_size>
                    {SIZES.into_iter().map(|(px, name)| view! {
                        <button class="size" aria-label=name title=name
                            aria-pressed=move || (size.get() == px).to_string()
                            on:click=move |_| size.set(px)>
                            <span style=format!("width:{0}px;height:{0}px", px.min(28.0))></span>
                        </button>
                    }).collect_view()}
                </div>
                <button class="tool" data-testid="undo" on:click=undo disabled=move || strokes.get() == 0>
                    <span aria-hidden="true">"↶"</span>{t().draw_undo}</button>
                <button class="tool" data-testid="clear" on:click=clear disabled=move || strokes.get() == 0>
                    <span aria-hidden="true">"✕"</span>{t().draw_clear}</button>
            </aside>
            <div class="canvas-wrap">
                <canvas node_ref=canvas_ref data-testid="canvas" data-strokes=move || strokes.get().to_string()
                    on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up.clone()
                    on:pointercancel=on_up on:contextmenu=|ev| ev.prevent_default()></canvas>
            </div>
        </div>
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// A point from an event: sub-pixel offsets (web-sys types them as integers, so they are read
/// from the object), pressure (a pressed pen never below 0.05), time since `origin`.
fn point(ev: &PointerEvent, origin: f64) -> Point {
    let read = |name: &str| {
        js_sys::Reflect::get(ev, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as f32
    };
    let pressure = ev.pressure();
    Point {
        x: read("offsetX"),
        y: read("offsetY"),
        p: if ev.pointer_type() == "pen" {
            pressure.max(0.05)
        } else if pressure > 0.0 {
            pressure
        } else {
            0.5
        },
        t: (ev.time_stamp() - origin).max(0.0) as f32,
    }
}
