//! The pads: big coloured targets where every finger plays. The sound starts inside the
//! `pointerdown` handler, before anything else is done, so a tap answers as fast as the device
//! allows; recording, counting and the screen follow after.

use leptos::prelude::*;
use speelruimte_sound::{AreaRange, Layout, Strike, Voice, strike_velocity};
use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element, PointerEvent};

use super::engine;
use crate::browser::audio;
use crate::i18n::pad_label;

/// One pad hit, as the rest of the work form hears of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Pad index in the layout.
    pub pad: u8,
    /// What sounded.
    pub voice: Voice,
    /// Loudness level (one of [`engine::LEVELS`]).
    pub level: u8,
    /// When, on [`engine::now`]'s clock, seconds.
    pub at: f64,
}

thread_local! {
    /// The touch contact areas seen in this session (see [`AreaRange`]).
    static AREAS: std::cell::Cell<AreaRange> = std::cell::Cell::new(AreaRange::default());
}

/// How hard a pad was struck, 0.4–1: a real pressure where the device reports one, else the
/// contact area where the device's areas really vary, else the place on the pad (see
/// `speelruimte_sound::strike_velocity`).
pub fn velocity(ev: &PointerEvent, rect: &DomRect) -> f32 {
    let area = (ev.width() * ev.height()) as f32;
    let areas = AREAS.with(|a| {
        let mut r = a.get();
        if ev.pointer_type() == "touch" {
            r.see(area);
        }
        a.set(r);
        r
    });
    let (w, h) = (rect.width().max(1.0), rect.height().max(1.0));
    let dx = (f64::from(ev.client_x()) - (rect.left() + w / 2.0)) / (w / 2.0);
    let dy = (f64::from(ev.client_y()) - (rect.top() + h / 2.0)) / (h / 2.0);
    let strike = Strike {
        pressure: ev.pressure(),
        area: if ev.pointer_type() == "touch" {
            area
        } else {
            0.0
        },
        from_centre: dx.hypot(dy).min(1.0) as f32,
    };
    strike_velocity(strike, &areas)
}

fn pad_of(ev: &PointerEvent) -> Option<Element> {
    ev.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-pad]")
        .ok()?
}

/// The pads of `layout`; `on_hit` hears every hit after it has sounded. In a group, `tint`
/// (the CSS of whose turn it is) frames the pads in that child's colour.
#[component]
pub fn Pads(
    layout: Signal<Layout>,
    on_hit: Callback<Hit>,
    hits: Signal<u32>,
    #[prop(optional, into)] tint: Option<Signal<String>>,
) -> impl IntoView {
    let down = move |ev: PointerEvent| {
        ev.prevent_default();
        let Some(el) = pad_of(&ev) else { return };
        let Some(idx) = el
            .get_attribute("data-pad")
            .and_then(|s| s.parse::<u8>().ok())
        else {
            return;
        };
        let Some(voice) = layout.with_untracked(|l| l.pads.get(usize::from(idx)).map(|p| p.voice))
        else {
            return;
        };
        let level = engine::level_for(velocity(&ev, &el.get_bounding_client_rect()));
        // Sound first: iOS only lets a gesture resume the context, so unlock here too.
        audio::unlock();
        engine::hit(voice, level);
        let at = engine::now();
        let _ = el.class_list().add_1("down");
        on_hit.run(Hit {
            pad: idx,
            voice,
            level,
            at,
        });
    };
    let up = move |ev: PointerEvent| {
        if let Some(el) = pad_of(&ev) {
            let _ = el.class_list().remove_1("down");
        }
    };
    view! {
        <div class="pads" data-testid="pads" data-layout=move || layout.with(|l| l.id)
            data-hits=move || hits.get().to_string()
            class:group=tint.is_some() style=move || tint.map(|t| t.get()).unwrap_or_default()
            on:pointerdown=down on:pointerup=up on:pointercancel=up
            on:contextmenu=|ev| ev.prevent_default()>
            {move || layout.with(|l| {
                let n = l.pads.len();
                l.pads.iter().map(|p| {
                    // Tone bars get shorter from low to high, as on a xylophone.
                    let size = if l.id == "klankstaven" {
                        100.0 - 30.0 * p.id as f32 / (n.max(2) - 1) as f32
                    } else {
                        100.0
                    };
                    view! {
                        <div class="pad" role="button" tabindex="-1" data-pad=p.id.to_string()
                            data-voice=p.voice.code()
                            style=format!("--pad: {}; --size: {size:.0}%", p.color)>
                            <span class="pad-label">{pad_label(p)}</span>
                        </div>
                    }
                }).collect_view()
            })}
        </div>
    }
}
