//! An avatar drawn as a picture: the animal's outline filled with the colour. A child finds
//! their own by the picture; the words ("oranje kat") are only for a screen reader.

use leptos::prelude::*;
use speelruimte_model::{Animal, Avatar, AvatarColour};

/// The avatar's name for a screen reader, in the language in use.
pub fn avatar_name(a: Avatar) -> String {
    if crate::i18n::pick("nl", "en") == "nl" {
        a.label_nl()
    } else {
        a.label_en()
    }
}

/// The outline colour on `colour`: dark on light colours, light on dark ones.
fn line(colour: AvatarColour) -> &'static str {
    if colour == AvatarColour::Black {
        "#f5f5f5"
    } else {
        "#1b1b1b"
    }
}

/// The SVG shapes of an animal (in a 64×64 box), filled with `fill`, outlined with `ink`.
fn shapes(animal: Animal, fill: &str, ink: &str) -> impl IntoView + use<> {
    let (fill, ink) = (fill.to_owned(), ink.to_owned());
    let body = match animal {
        Animal::Cat => {
            r#"<path d="M14 26 L16 6 L28 18 L36 18 L48 6 L50 26 A20 20 0 1 1 14 26 Z"/>"#
        }
        Animal::Dog => {
            r#"<ellipse cx="12" cy="30" rx="7" ry="15"/><ellipse cx="52" cy="30" rx="7" ry="15"/><circle cx="32" cy="34" r="19"/>"#
        }
        Animal::Fish => {
            r#"<path d="M8 32 Q28 8 50 32 Q28 56 8 32 Z"/><path d="M46 32 L60 18 L60 46 Z"/>"#
        }
        Animal::Bird => {
            r#"<circle cx="30" cy="36" r="20"/><path d="M48 30 L62 34 L48 40 Z"/><path d="M16 36 Q28 56 40 40 Z"/>"#
        }
        Animal::Rabbit => {
            r#"<ellipse cx="23" cy="16" rx="6" ry="15"/><ellipse cx="41" cy="16" rx="6" ry="15"/><circle cx="32" cy="42" r="18"/>"#
        }
        Animal::Turtle => {
            r#"<circle cx="54" cy="40" r="7"/><rect x="12" y="44" width="8" height="10" rx="3"/><rect x="38" y="44" width="8" height="10" rx="3"/><path d="M6 46 A23 23 0 0 1 52 46 Z"/>"#
        }
        Animal::Elephant => {
            r#"<ellipse cx="12" cy="30" rx="11" ry="16"/><ellipse cx="52" cy="30" rx="11" ry="16"/><circle cx="32" cy="28" r="16"/><path d="M28 38 L36 38 L36 58 Q32 62 28 58 Z"/>"#
        }
        // Round, with wings and a beak, and no pointed ears: not a second cat.
        Animal::Owl => {
            r#"<ellipse cx="32" cy="36" rx="19" ry="23"/><path d="M13 30 Q4 44 14 54 Z"/><path d="M51 30 Q60 44 50 54 Z"/><path d="M28 40 L36 40 L32 48 Z"/>"#
        }
    };
    // Eyes: two white dots with a dark centre, where the face is.
    let (ey, ex1, ex2, r) = match animal {
        Animal::Cat => (34.0, 25.0, 39.0, 4.0),
        Animal::Dog => (30.0, 25.0, 39.0, 4.0),
        Animal::Fish => (28.0, 18.0, 18.0, 3.5),
        Animal::Bird => (30.0, 38.0, 38.0, 4.0),
        Animal::Rabbit => (40.0, 26.0, 38.0, 3.5),
        Animal::Turtle => (38.0, 56.0, 56.0, 2.0),
        Animal::Elephant => (24.0, 26.0, 38.0, 3.0),
        Animal::Owl => (30.0, 24.0, 40.0, 7.0),
    };
    let eyes = if ex1 == ex2 {
        format!(
            r##"<circle cx="{ex1}" cy="{ey}" r="{r}" fill="#fff"/><circle cx="{ex1}" cy="{ey}" r="{}" fill="#111"/>"##,
            r / 2.0
        )
    } else {
        format!(
            r##"<circle cx="{ex1}" cy="{ey}" r="{r}" fill="#fff"/><circle cx="{ex2}" cy="{ey}" r="{r}" fill="#fff"/><circle cx="{ex1}" cy="{ey}" r="{h}" fill="#111"/><circle cx="{ex2}" cy="{ey}" r="{h}" fill="#111"/>"##,
            h = r / 2.0
        )
    };
    let inner = format!(
        r#"<g fill="{fill}" stroke="{ink}" stroke-width="2.5" stroke-linejoin="round">{body}</g>{eyes}"#
    );
    view! { <g inner_html=inner></g> }
}

/// An avatar as a picture, `size` CSS px wide. Decorative (`aria-hidden`): the button or
/// element around it carries the name.
#[component]
pub fn AvatarPicture(avatar: Avatar, #[prop(default = 56)] size: u32) -> impl IntoView {
    view! {
        <svg class="avatar-picture" viewBox="0 0 64 64" width=size height=size aria-hidden="true"
            data-animal=avatar.animal.code() data-colour=avatar.colour.code()>
            {shapes(avatar.animal, avatar.colour.hex(), line(avatar.colour))}
        </svg>
    }
}

/// An animal without a colour yet (grey), for the picker.
#[component]
pub fn AnimalPicture(
    animal: Animal,
    fill: &'static str,
    #[prop(default = 56)] size: u32,
) -> impl IntoView {
    let ink = if fill == AvatarColour::Black.hex() {
        "#f5f5f5"
    } else {
        "#1b1b1b"
    };
    view! {
        <svg class="avatar-picture" viewBox="0 0 64 64" width=size height=size aria-hidden="true">
            {shapes(animal, fill, ink)}
        </svg>
    }
}
