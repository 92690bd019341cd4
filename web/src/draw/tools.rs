//! The drawing tools as state (a `Copy` struct of signals shared by the toolbar and the
//! surface) and the toolbar itself: brushes, size, colour, undo/redo, clear, paper, template,
//! and who may draw (pen only, or fingers too).

use leptos::prelude::*;
use speelruimte_ink::{Background, Brush, Template};

/// Who draws: with a pen, touches are palms (and two fingers pan and zoom); with fingers,
/// every finger draws its own stroke, so several children can draw together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputMode {
    PenOnly,
    Fingers,
}

/// Large swatches that read well on white and on black paper.
pub const COLOURS: [(&str, &str); 12] = [
    ("#1d1d1f", "zwart"),
    ("#ffffff", "wit"),
    ("#8d5a3b", "bruin"),
    ("#d62828", "rood"),
    ("#f77f00", "oranje"),
    ("#fcbf49", "geel"),
    ("#80b918", "lichtgroen"),
    ("#2a9d8f", "groen"),
    ("#48cae4", "lichtblauw"),
    ("#1d70b8", "blauw"),
    ("#7b2cbf", "paars"),
    ("#f28dbd", "roze"),
];

/// Brush sizes in CSS pixels.
pub const SIZES: [(f32, &str); 4] = [
    (3.0, "fijn"),
    (8.0, "dun"),
    (18.0, "dik"),
    (40.0, "heel dik"),
];

/// The brushes with their Dutch names and a glyph for the button (plain symbols that every
/// system font has; emoji are missing on many tablets).
pub const BRUSHES: [(Brush, &str, &str); 5] = [
    (Brush::Pencil, "potlood", "✎"),
    (Brush::Marker, "stift", "▌"),
    (Brush::Watercolour, "waterverf", "≋"),
    (Brush::Crayon, "krijt", "▒"),
    (Brush::Eraser, "gum", "▭"),
];

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

#[component]
pub fn Toolbar(tools: Tools, actions: Actions) -> impl IntoView {
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
        <aside class="tools" aria-label="Gereedschap">
            <div class="tool-group brushes" role="radiogroup" aria-label="Kwast">
                {BRUSHES.into_iter().map(|(b, name, glyph)| view! {
                    <button class="tool brush" data-brush=name aria-pressed=move || pressed(brush.get() == b)
                        on:click=move |_| brush.set(b)>
                        <span aria-hidden="true">{glyph}</span>{name}
                    </button>
                }).collect_view()}
            </div>
            <div class="tool-group sizes" role="radiogroup" aria-label="Dikte">
                {SIZES.into_iter().map(|(px, name)| view! {
                    <button class="size" aria-label=name title=name aria-pressed=move || pressed(size.get() == px)
                        on:click=move |_| size.set(px)>
                        <span style=format!("width:{0}px;height:{0}px", px.clamp(4.0, 30.0))></span>
                    </button>
                }).collect_view()}
            </div>
            <div class="tool-group swatches" role="radiogroup" aria-label="Kleur">
                {COLOURS.into_iter().map(|(c, name)| view! {
                    <button class="swatch" style=format!("--c:{c}") aria-label=name title=name
                        aria-pressed=move || pressed(colour.get() == c)
                        on:click=move |_| colour.set(c.to_string())></button>
                }).collect_view()}
                <label class="swatch picker" title="eigen kleur">
                    <input type="color" aria-label="eigen kleur" prop:value=move || colour.get()
                        on:input=move |ev| colour.set(event_target_value(&ev)) />
                </label>
            </div>
            <div class="tool-group">
                <button class="tool" data-testid="undo" on:click=move |_| actions.undo.run(())
                    disabled=move || !actions.can_undo.get()><span aria-hidden="true">"↶"</span>"terug"</button>
                <button class="tool" data-testid="redo" on:click=move |_| actions.redo.run(())
                    disabled=move || !actions.can_redo.get()><span aria-hidden="true">"↷"</span>"opnieuw"</button>
                <button class="tool" data-testid="clear" on:click=move |_| actions.clear.run(())
                    disabled=move || !actions.can_undo.get()><span aria-hidden="true">"✕"</span>"wissen"</button>
            </div>
            <div class="tool-group settings">
                <label>"Papier"
                    <select data-testid="background" on:change=move |ev| background.set(match event_target_value(&ev).as_str() {
                        "paper" => Background::Paper, "black" => Background::Black, _ => Background::White })>
                        <option value="white">"wit"</option>
                        <option value="paper">"tekenpapier"</option>
                        <option value="black">"zwart"</option>
                    </select>
                </label>
                <label>"Sjabloon"
                    <select data-testid="template" on:change=move |ev| template.set(match event_target_value(&ev).as_str() {
                        "body" => Template::BodyFront, "mandala" => Template::Mandala,
                        "htp" => Template::HouseTreePerson, _ => Template::Blank })>
                        <option value="blank">"leeg"</option>
                        <option value="body">"lichaam"</option>
                        <option value="mandala">"mandala"</option>
                        <option value="htp">"huis-boom-mens"</option>
                    </select>
                </label>
                <button class="tool mode" data-testid="input-mode"
                    aria-pressed=move || pressed(mode.get() == InputMode::PenOnly)
                    on:click=move |_| mode.update(|m| *m = if *m == InputMode::PenOnly { InputMode::Fingers } else { InputMode::PenOnly })>
                    <span aria-hidden="true">{move || if mode.get() == InputMode::PenOnly { "✒" } else { "☝" }}</span>
                    {move || if mode.get() == InputMode::PenOnly { "alleen pen" } else { "vingers tekenen" }}
                </button>
            </div>
        </aside>
    }
}
