//! A friendly front-view body figure as SVG whose parts can be tapped (to say where tension
//! sits) or lit up (to show which muscle group a relaxation step is about). Part codes are the
//! wire names of `speelruimte_guide`'s body places and parts.

use leptos::prelude::*;
use speelruimte_guide::BodyPart;

use crate::i18n::{pick, t};

/// A tappable region: its code (a [`BodyPart`] code, which also gives its name) and SVG shapes.
struct Region {
    code: &'static str,
    shapes: &'static [Shape],
}

enum Shape {
    Circle(f32, f32, f32),
    Ellipse(f32, f32, f32, f32),
    /// x, y, width, height, corner radius.
    Rect(f32, f32, f32, f32, f32),
}

const REGIONS: &[Region] = &[
    Region {
        code: "head",
        shapes: &[Shape::Circle(100.0, 42.0, 28.0)],
    },
    Region {
        code: "jaw",
        shapes: &[Shape::Ellipse(100.0, 64.0, 15.0, 7.0)],
    },
    Region {
        code: "throat",
        shapes: &[Shape::Rect(90.0, 72.0, 20.0, 16.0, 5.0)],
    },
    Region {
        code: "shoulders",
        shapes: &[Shape::Rect(56.0, 86.0, 88.0, 20.0, 10.0)],
    },
    Region {
        code: "chest",
        shapes: &[Shape::Rect(66.0, 106.0, 68.0, 52.0, 10.0)],
    },
    Region {
        code: "belly",
        shapes: &[Shape::Rect(68.0, 158.0, 64.0, 56.0, 14.0)],
    },
    Region {
        code: "arms",
        shapes: &[
            Shape::Rect(38.0, 96.0, 22.0, 124.0, 11.0),
            Shape::Rect(140.0, 96.0, 22.0, 124.0, 11.0),
        ],
    },
    Region {
        code: "hands",
        shapes: &[
            Shape::Circle(49.0, 234.0, 13.0),
            Shape::Circle(151.0, 234.0, 13.0),
        ],
    },
    Region {
        code: "legs",
        shapes: &[
            Shape::Rect(70.0, 212.0, 27.0, 140.0, 12.0),
            Shape::Rect(103.0, 212.0, 27.0, 140.0, 12.0),
        ],
    },
    Region {
        code: "feet",
        shapes: &[
            Shape::Ellipse(80.0, 362.0, 17.0, 9.0),
            Shape::Ellipse(120.0, 362.0, 17.0, 9.0),
        ],
    },
];

/// The name of a body code in the language in use, for lists next to the figure; a finer
/// part without a name of its own ("forehead") is named by the region it belongs to.
pub fn body_name(code: &str) -> &'static str {
    BodyPart::from_code(code)
        .or_else(|| BodyPart::from_code(region_for(code)))
        .map_or(t().body_map, |p| pick(p.name_nl(), p.name_en()))
}

/// Codes whose region on the figure stands for a finer or related part.
fn region_for(code: &str) -> &str {
    match code {
        "face" | "forehead" | "eyes" => "head",
        "neck" => "throat",
        "upper_arms" | "forearms" => "arms",
        "upper_legs" | "lower_legs" => "legs",
        other => other,
    }
}

/// The figure. With `selected`, tapping a part toggles it (and "rug", the back, has a button
/// of its own since the figure faces front); `highlight` lights one part up.
#[component]
pub fn BodyMap(
    #[prop(optional)] selected: Option<RwSignal<Vec<String>>>,
    #[prop(optional, into)] highlight: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let is_on = move |code: &'static str| {
        selected
            .map(|s| s.get().iter().any(|c| c == code))
            .unwrap_or(false)
            || highlight
                .and_then(|h| h.get())
                .is_some_and(|h| region_for(&h) == code)
    };
    let toggle = move |code: &'static str| {
        if let Some(s) = selected {
            s.update(|v| match v.iter().position(|c| c == code) {
                Some(i) => {
                    v.remove(i);
                }
                None => v.push(code.to_string()),
            });
        }
    };
    let shapes = REGIONS
        .iter()
        .map(|r| {
            let code = r.code;
            let parts = r
                .shapes
                .iter()
                .map(|s| match *s {
                    Shape::Circle(cx, cy, rr) => view! { <circle cx=cx cy=cy r=rr /> }.into_any(),
                    Shape::Ellipse(cx, cy, rx, ry) => {
                        view! { <ellipse cx=cx cy=cy rx=rx ry=ry /> }.into_any()
                    }
                    Shape::Rect(x, y, w, h, rr) => {
                        view! { <rect x=x y=y width=w height=h rx=rr /> }.into_any()
                    }
                })
                .collect_view();
            view! {
                <g class="body-part" data-part=code class:on=move || is_on(code)
                    role=selected.map(|_| "button") aria-label=body_name(code)
                    aria-pressed=move || selected.map(|_| is_on(code).to_string())
                    on:click=move |_| toggle(code)>
                    <title>{body_name(code)}</title>
                    {parts}
                </g>
            }
        })
        .collect_view();
    view! {
        <div class="body-map">
            <svg viewBox="0 0 200 380" role="img" aria-label=t().body_map>{shapes}</svg>
            {selected.map(|_| view! {
                <button class="chip back-chip" data-part="back"
                    aria-pressed=move || is_on("back").to_string()
                    on:click=move |_| toggle("back")>{body_name("back")}</button>
            })}
        </div>
    }
}
