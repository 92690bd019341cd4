//! The drawing tools as state (a `Copy` struct of signals shared by the toolbar and the
//! surface) and the toolbar itself: brushes, size, colour, undo/redo, clear, paper, template,
//! and who may draw (pen only, or fingers too).

use leptos::prelude::*;
use speelruimte_ink::{Background, Brush, Template};

use crate::i18n::{brush_name, pick, t};

/// Who draws: with a pen, touches are palms (and two fingers pan and zoom); with fingers,
/// every finger draws its own stroke, so several children can draw together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputMode {
    PenOnly,
    Fingers,
}

/// Large swatches that read well on white and on black paper, with their Dutch and English
/// names.
pub const COLOURS: [(&str, &str, &str); 12] = [
    ("#1d1d1f", "zwart", "black"),
    ("#ffffff", "wit", "white"),
    ("#8d5a3b", "bruin", "brown"),
    ("#d62828", "rood", "red"),
    ("#f77f00", "oranje", "orange"),
    ("#fcbf49", "geel", "yellow"),
    ("#80b918", "lichtgroen", "light green"),
    ("#2a9d8f", "groen", "green"),
    ("#48cae4", "lichtblauw", "light blue"),
    ("#1d70b8", "blauw", "blue"),
    ("#7b2cbf", "paars", "purple"),
    ("#f28dbd", "roze", "pink"),
];

/// Brush sizes in CSS pixels, with their Dutch and English names.
pub const SIZES: [(f32, &str, &str); 4] = [
    (3.0, "fijn", "fine"),
    (8.0, "dun", "thin"),
    (18.0, "dik", "thick"),
    (40.0, "heel dik", "very thick"),
];

/// A brush's stable `data-brush` code (its Dutch name, what the browser tests click) and its
/// glyph (a plain symbol every system font has; emoji are missing on many tablets). The
/// toolbar shows the brushes in [`Brush::ALL`]'s order, named by [`brush_name`].
fn brush_face(b: Brush) -> (&'static str, &'static str) {
    match b {
        Brush::Pencil => ("potlood", "✎"),
        Brush::Marker => ("stift", "▌"),
        Brush::Watercolour => ("waterverf", "≋"),
        Brush::Crayon => ("krijt", "▒"),
        Brush::Eraser => ("gum", "▭"),
    }
}

/// What the toolbar sets and the surface reads.
#[derive(Clone, Copy)]
pub struct Tools {
    pub brush: RwSignal<Brush>,
    pub size: RwSignal<f32>,
    pub colour: RwSignal<String>,
    pub background: RwSignal<Background>,
    pub template: RwSignal<Template>,
    pub mode: RwSignal<InputMode>,
}

impl Tools {
    /// Pencil, thin, black, white paper, blank, fingers (until a pen shows up).
    pub fn new() -> Self {
        Self {
            brush: RwSignal::new(Brush::Pencil),
            size: RwSignal::new(SIZES[1].0),
            colour: RwSignal::new(COLOURS[0].0.to_string()),
            background: RwSignal::new(Background::White),
            template: RwSignal::new(Template::Blank),
            mode: RwSignal::new(InputMode::Fingers),
        }
    }
}

/// What the toolbar can ask of the drawing.
#[derive(Clone, Copy)]
pub struct Actions {
    pub undo: Callback<()>,
    pub redo: Callback<()>,
    pub clear: Callback<()>,
    pub can_undo: Signal<bool>,
    pub can_redo: Signal<bool>,
}

/// In a group (`group`) every child draws in their avatar's colour, so there is no colour to
/// pick; the brushes, sizes and paper are shared.
#[component]
pub fn Toolbar(tools: Tools, actions: Actions, group: bool) -> impl IntoView {
    let Tools {
        brush,
        size,
        colour,
        background,
        template,
        mode,
    } = tools;
    let pressed = |b: bool| b.to_string();
    view! {
        <aside class="tools" aria-label=t().draw_tools>
            <div class="tool-group brushes" role="radiogroup" aria-label=t().draw_brush>
                {Brush::ALL.into_iter().map(|b| (b, brush_face(b))).map(|(b, (code, glyph))| view! {
                    <button class="tool brush" data-brush=code aria-pressed=move || pressed(brush.get() == b)
                        on:click=move |_| brush.set(b)>
                        <span aria-hidden="true">{glyph}</span>{brush_name(b)}
                    </button>
                }).collect_view()}
            </div>
            <div class="tool-group sizes" role="radiogroup" aria-label=t().draw_size>
                {SIZES.into_iter().map(|(px, nl, en)| (px, pick(nl, en))).map(|(px, name)| view! {
                    <button class="size" aria-label=name title=name aria-pressed=move || pressed(size.get() == px)
                        on:click=move |_| size.set(px)>
                        <span style=format!("width:{0}px;height:{0}px", px.clamp(4.0, 30.0))></span>
                    </button>
                }).collect_view()}
            </div>
            {(!group).then(|| view! {
                <div class="tool-group swatches" role="radiogroup" aria-label=t().draw_colour>
                    {COLOURS.into_iter().map(|(c, nl, en)| (c, pick(nl, en))).map(|(c, name)| view! {
                        <button class="swatch" style=format!("--c:{c}") aria-label=name title=name
                            aria-pressed=move || pressed(colour.get() == c)
                            on:click=move |_| colour.set(c.to_string())></button>
                    }).collect_view()}
                    <label class="swatch picker" title=t().draw_own_colour>
                        <input type="color" aria-label=t().draw_own_colour prop:value=move || colour.get()
                            on:input=move |ev| colour.set(event_target_value(&ev)) />
                    </label>
                </div>
            })}
            <div class="tool-group edits">
                <button class="tool" data-testid="undo" on:click=move |_| actions.undo.run(())
                    aria-label=t().draw_back title=t().draw_back disabled=move || !actions.can_undo.get()>
                    <span aria-hidden="true">"↶"</span><span class="name">{t().draw_back}</span></button>
                <button class="tool" data-testid="redo" on:click=move |_| actions.redo.run(())
                    aria-label=t().draw_redo title=t().draw_redo disabled=move || !actions.can_redo.get()>
                    <span aria-hidden="true">"↷"</span><span class="name">{t().draw_redo}</span></button>
                <button class="tool" data-testid="clear" on:click=move |_| actions.clear.run(())
                    aria-label=t().draw_clear_short title=t().draw_clear_short disabled=move || !actions.can_undo.get()>
                    <span aria-hidden="true">"✕"</span><span class="name">{t().draw_clear_short}</span></button>
            </div>
            <div class="tool-group settings">
                <label>{t().draw_paper}
                    <select data-testid="background" on:change=move |ev| background.set(match event_target_value(&ev).as_str() {
                        "paper" => Background::Paper, "black" => Background::Black, _ => Background::White })>
                        <option value="white">{t().draw_paper_white}</option>
                        <option value="paper">{t().draw_paper_drawing}</option>
                        <option value="black">{t().draw_paper_black}</option>
                    </select>
                </label>
                <label>{t().draw_template}
                    <select data-testid="template" on:change=move |ev| template.set(match event_target_value(&ev).as_str() {
                        "body" => Template::BodyFront, "mandala" => Template::Mandala,
                        "htp" => Template::HouseTreePerson, _ => Template::Blank })>
                        <option value="blank">{t().draw_template_blank}</option>
                        <option value="body">{t().draw_template_body}</option>
                        <option value="mandala">{t().draw_template_mandala}</option>
                        <option value="htp">{t().draw_template_htp}</option>
                    </select>
                </label>
                <button class="tool mode" data-testid="input-mode"
                    aria-pressed=move || pressed(mode.get() == InputMode::PenOnly)
                    on:click=move |_| mode.update(|m| *m = if *m == InputMode::PenOnly { InputMode::Fingers } else { InputMode::PenOnly })>
                    <span aria-hidden="true">{move || if mode.get() == InputMode::PenOnly { "✒" } else { "☝" }}</span>
                    {move || if mode.get() == InputMode::PenOnly { t().draw_pen_only } else { t().draw_fingers }}
                </button>
            </div>
        </aside>
    }
}
