//! The pacer pictures: a circle, a balloon, a wave of the breath around now, a bear whose
//! belly fills, and a calm variant without movement (for reduced motion). Each grows on the
//! in-breath and shrinks on the out-breath, following the level the runner passes in.

use leptos::prelude::*;
use speelruimte_guide::Timeline;

use crate::i18n::tx;

/// The pacer picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visual {
    Circle,
    Balloon,
    Wave,
    Animal,
    /// Reduced motion: a filling bar and a colour, nothing that moves across the screen.
    Calm,
}

impl Visual {
    pub const ALL: [Visual; 5] = [
        Self::Circle,
        Self::Balloon,
        Self::Wave,
        Self::Animal,
        Self::Calm,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Circle => "circle",
            Self::Balloon => "balloon",
            Self::Wave => "wave",
            Self::Animal => "animal",
            Self::Calm => "calm",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Circle => tx().circle,
            Self::Balloon => tx().balloon,
            Self::Wave => tx().wave,
            Self::Animal => tx().animal,
            Self::Calm => tx().calm,
        }
    }
}

/// The breath curve around `t` for the wave picture: (past, future) SVG paths and the dot's
/// height, 5 s each side.
pub fn wave_paths(tl: &Timeline, t: u64) -> (String, String, f32) {
    let y = |l: f32| 250.0 - 200.0 * l;
    let mut past = String::new();
    let mut future = String::new();
    for step in -20i64..=20 {
        let dt = step * 250;
        let at = (t as i64 + dt).max(0) as u64;
        let x = 150.0 + dt as f32 * 0.028;
        let p = format!("{x:.1} {:.1} ", y(tl.breath_level(at)));
        if step <= 0 {
            past += if past.is_empty() { "M " } else { "L " };
            past += &p;
        }
        if step >= 0 {
            future += if future.is_empty() { "M " } else { "L " };
            future += &p;
        }
    }
    (past, future, y(tl.breath_level(t)))
}

/// The picture that grows on the in-breath and shrinks on the out-breath.
#[component]
pub fn Pacer(
    visual: Visual,
    level: Signal<f32>,
    wave: Signal<(String, String, f32)>,
) -> impl IntoView {
    let shape = match visual {
        Visual::Circle => view! {
            <circle cx="150" cy="150" r="140" class="guide-ring" />
            <circle cx="150" cy="150" class="breath-circle" r=move || format!("{:.1}", 40.0 + 100.0 * level.get()) />
        }
        .into_any(),
        Visual::Balloon => view! {
            <path class="balloon-string" d=move || {
                let s = 0.45 + 0.55 * level.get();
                let knot = 125.0 + 80.0 * s;
                format!("M 150 {knot:.1} C 140 {:.1}, 160 {:.1}, 150 296", knot + 25.0, knot + 50.0)
            } />
            <g transform=move || format!("translate(150 125) scale({:.3})", 0.45 + 0.55 * level.get())>
                <ellipse cx="0" cy="0" rx="66" ry="80" class="balloon" />
                <ellipse cx="-24" cy="-30" rx="12" ry="20" fill="#ffffff55" />
                <path d="M -8 86 L 8 86 L 0 78 Z" class="balloon-knot" />
            </g>
        }
        .into_any(),
        Visual::Wave => view! {
            <line x1="10" y1="250" x2="290" y2="250" class="wave-base" />
            <path class="wave-future" d=move || wave.get().1 />
            <path class="wave-past" d=move || wave.get().0 />
            <circle cx="150" r="14" class="wave-dot" cy=move || format!("{:.1}", wave.get().2) />
        }
        .into_any(),
        Visual::Animal => view! {
            <circle cx="112" cy="62" r="18" class="bear" />
            <circle cx="188" cy="62" r="18" class="bear" />
            <ellipse cx="150" cy="208" class="bear"
                rx=move || format!("{:.1}", 58.0 + 36.0 * level.get())
                ry=move || format!("{:.1}", 62.0 + 18.0 * level.get()) />
            <ellipse cx="150" cy="214" class="bear-belly"
                rx=move || format!("{:.1}", 32.0 + 30.0 * level.get())
                ry=move || format!("{:.1}", 38.0 + 16.0 * level.get()) />
            <circle cx="150" cy="95" r="46" class="bear" />
            <ellipse cx="150" cy="112" rx="18" ry="13" class="bear-belly" />
            <ellipse cx="150" cy="105" rx="7" ry="5" fill="#3a2a1a" />
            <circle cx="133" cy="88" r="5" fill="#3a2a1a" />
            <circle cx="167" cy="88" r="5" fill="#3a2a1a" />
        }
        .into_any(),
        Visual::Calm => view! {
            <rect x="110" y="20" width="80" height="260" rx="40" class="calm-frame" />
            <rect x="110" width="80" rx="40" class="calm-fill"
                y=move || format!("{:.1}", 280.0 - 260.0 * level.get())
                height=move || format!("{:.1}", 260.0 * level.get())
                style=move || {
                    // From a cool blue (empty) to a soft green (full).
                    let l = level.get();
                    format!("fill: hsl({:.0} 45% 62%)", 205.0 - 55.0 * l)
                } />
        }
        .into_any(),
    };
    view! {
        <svg class=format!("pacer {}", visual.code()) viewBox="0 0 300 300" role="img"
            aria-label=visual.label() data-level=move || format!("{:.2}", level.get())>
            {shape}
        </svg>
    }
}
