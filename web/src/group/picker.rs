//! The avatar picker (*dier en kleur*): each participant in turn taps a colour and an animal.
//! Big buttons with pictures, no reading needed; what someone else already has cannot be
//! picked (each child must find their own at a glance). The names are there for a screen
//! reader only.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use speelruimte_model::{Animal, Avatar, AvatarColour};

use super::avatar::{AnimalPicture, AvatarPicture, avatar_name};
use crate::i18n::{pick, tg};
use crate::pages::WorkFormRoute;

#[component]
pub fn AvatarPickerPage() -> impl IntoView {
    let WorkFormRoute { cid, sid, .. } = WorkFormRoute::read();
    let back = format!("/clients/{cid}/sessies/{sid}");
    let Some(members) = super::members(&sid) else {
        return view! { <main class="page"><p class="error">{tg().no_avatars}</p>
        <a class="button secondary" href=back>"‹ " {crate::i18n::t().back}</a></main> }
        .into_any();
    };
    let n = members.len();
    let chosen = RwSignal::new(Vec::<Avatar>::new());
    let turn = RwSignal::new(0usize);
    let colour = RwSignal::new(None::<AvatarColour>);
    let animal = RwSignal::new(None::<Animal>);
    let navigate = use_navigate();
    let taken_colour = move |c: AvatarColour| chosen.with(|l| l.iter().any(|a| a.colour == c));
    let taken_animal = move |a: Animal| chosen.with(|l| l.iter().any(|x| x.animal == a));
    let next = {
        let sid = sid.clone();
        let back = back.clone();
        move |_| {
            let (Some(c), Some(a)) = (colour.get(), animal.get()) else {
                return;
            };
            chosen.update(|l| {
                l.push(Avatar {
                    colour: c,
                    animal: a,
                })
            });
            colour.set(None);
            animal.set(None);
            if turn.get() + 1 < n {
                turn.update(|t| *t += 1);
            } else {
                super::keep_avatars(&sid, &chosen.get_untracked());
                navigate(&back, Default::default());
            }
        }
    };
    let relative = move || members.get(turn.get()).and_then(|m| m.relative);
    view! {
        <main class="picker-screen" data-testid="avatar-picker" data-turn=move || turn.get().to_string()>
            <header class="picker-head">
                <a class="button ghost back" href=back.clone()>"‹ " {crate::i18n::t().back}</a>
                <h1>{tg().picker_title}</h1>
                <p class="picker-turn" aria-live="polite">
                    {tg().picker_turn} " " {move || turn.get() + 1} " " {tg().picker_of} " " {n}
                    {move || relative().map(|r| format!(" ({})", pick(r.label_nl(), r.label_en())))}
                </p>
                <ol class="picker-steps" aria-hidden="true">
                    {(0..n).map(|i| view! { <li class:done=move || i < turn.get() class:now=move || i == turn.get()>
                        {move || chosen.with(|l| l.get(i).copied()).map(|a| view! { <AvatarPicture avatar=a size=32 /> })}
                    </li> }).collect_view()}
                </ol>
            </header>
            <section class="picker-part" aria-labelledby="pick-colour">
                <h2 id="pick-colour" class="sr-only">{tg().picker_colour}</h2>
                <div class="colour-grid" role="radiogroup" aria-labelledby="pick-colour">
                    {AvatarColour::ALL.iter().copied().map(|c| view! {
                        <button class="colour-choice" role="radio" style=format!("--swatch: {}", c.hex())
                            data-colour=c.code()
                            aria-checked=move || (colour.get() == Some(c)).to_string()
                            aria-label=move || { let name = pick(c.label_nl(), c.label_en()); if taken_colour(c) { format!("{name}, {}", tg().picker_taken) } else { name.to_owned() } }
                            disabled=move || taken_colour(c)
                            on:click=move |_| colour.set(Some(c))></button>
                    }).collect_view()}
                </div>
            </section>
            <section class="picker-part" aria-labelledby="pick-animal">
                <h2 id="pick-animal" class="sr-only">{tg().picker_animal}</h2>
                <div class="animal-grid" role="radiogroup" aria-labelledby="pick-animal">
                    {Animal::ALL.iter().copied().map(|a| view! {
                        <button class="animal-choice" role="radio" data-animal=a.code()
                            aria-checked=move || (animal.get() == Some(a)).to_string()
                            aria-label=move || { let name = pick(a.label_nl(), a.label_en()); if taken_animal(a) { format!("{name}, {}", tg().picker_taken) } else { name.to_owned() } }
                            disabled=move || taken_animal(a)
                            on:click=move |_| animal.set(Some(a))>
                            {move || match colour.get() {
                                Some(c) => view! { <AvatarPicture avatar=Avatar { colour: c, animal: a } size=64 /> }.into_any(),
                                None => view! { <AnimalPicture animal=a fill="#d9d9d9" size=64 /> }.into_any(),
                            }}
                        </button>
                    }).collect_view()}
                </div>
            </section>
            <footer class="picker-foot">
                <div class="picker-preview" aria-live="polite">
                    {move || match (colour.get(), animal.get()) {
                        (Some(c), Some(a)) => { let av = Avatar { colour: c, animal: a }; view! {
                            <span class="sr-only">{tg().picker_chosen} ": " {avatar_name(av)}</span>
                            <AvatarPicture avatar=av size=72 /> }.into_any() }
                        _ => ().into_any(),
                    }}
                </div>
                <button class="primary big picker-next" data-testid="picker-next"
                    aria-label=move || if turn.get() + 1 < n { tg().picker_next } else { tg().picker_done }
                    disabled=move || colour.get().is_none() || animal.get().is_none()
                    on:click=next>
                    <span aria-hidden="true">{move || if turn.get() + 1 < n { "➜" } else { "✓" }}</span>
                </button>
            </footer>
        </main>
    }
    .into_any()
}
