//! The client's own gallery, *wat ik gemaakt heb*: this client's work as big pictures to look
//! at together — drawings as themselves, music and exercises as friendly pictures — with no
//! words, no scores and no goals on screen (the words are for screen readers only). It reads
//! the client's own timeline, a page at a time, and nothing else.

use leptos::prelude::*;
use speelruimte_model::{Glance, TimelineItem, TimelinePage, TimelineQuery};

use crate::api;
use crate::i18n::tv;

/// What the gallery shows: every item of every session, newest first.
fn items(page: TimelinePage) -> Vec<TimelineItem> {
    page.sessions
        .into_iter()
        .flat_map(|s| s.items.into_iter().rev())
        .collect()
}

/// The gallery of client `cid`, as the therapist opens it (or kindermodus shows it).
#[component]
pub fn Gallery(cid: String) -> impl IntoView {
    let shown = RwSignal::new(Vec::<TimelineItem>::new());
    let next = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let fetch = move |after: Option<String>| {
        let q = TimelineQuery {
            limit: speelruimte_model::TIMELINE_MAX_LIMIT,
            after: after.and_then(|c| speelruimte_model::TimelineCursor::parse(&c).ok()),
            ..TimelineQuery::default()
        };
        let path = format!("/api/clients/{cid}/timeline?{}", q.to_query());
        leptos::task::spawn_local(async move {
            if let Ok(page) = api::get::<TimelinePage>(&path).await {
                next.set(page.next.clone());
                shown.update(|s| s.extend(items(page)));
            }
            done.set(true);
        });
    };
    fetch(None);
    let more = {
        let fetch = fetch.clone();
        move |_| fetch(next.get_untracked())
    };
    view! {
        <div class="gallery" data-testid="gallery">
            <ul class="gallery-grid">
                <For each=move || shown.get() key=|i| i.id let:item>
                    <li data-artefact=item.id.to_string() data-kind=item.kind.code()>{picture(&item)}</li>
                </For>
            </ul>
            <Show when=move || done.get() && shown.with(Vec::is_empty)>
                <div class="gallery-empty" role="img" aria-label=tv().gallery_empty>{star()}</div>
            </Show>
            <Show when=move || next.with(Option::is_some)>
                <button class="gallery-more" data-testid="gallery-more" aria-label=tv().load_more on:click=more.clone()>
                    <svg viewBox="0 0 48 48" aria-hidden="true"><path d="M10 18 L24 32 L38 18" /></svg>
                </button>
            </Show>
        </div>
    }
}

/// One big picture.
fn picture(item: &TimelineItem) -> AnyView {
    match &item.glance {
        Glance::Drawing { .. } if item.thumb => view! {
            <img class="gallery-drawing" src=format!("/api/artefacts/{}/blobs/image.png", item.id)
                alt=tv().gallery_drawing loading="lazy" decoding="async" />
        }
        .into_any(),
        Glance::Music { dots, .. } => view! {
            <svg class="gallery-icon music" viewBox="0 0 120 120" role="img" aria-label=tv().gallery_music>
                <circle cx="60" cy="60" r="56" class="disc" />
                <path d="M50 30 L86 22 L86 76" class="stem" />
                <path d="M50 30 L50 84" class="stem" />
                <ellipse cx="40" cy="86" rx="12" ry="9" class="head" />
                <ellipse cx="76" cy="78" rx="12" ry="9" class="head" />
                {dots.iter().take(12).map(|d| view! {
                    <circle cx=format!("{:.0}", 14.0 + f64::from(d.at) * 0.092) cy="108" r="3"
                        fill=crate::music::player_color(d.player) />
                }).collect_view()}
            </svg>
        }
        .into_any(),
        Glance::Exercise { .. } => view! {
            <svg class="gallery-icon exercise" viewBox="0 0 120 120" role="img" aria-label=tv().gallery_exercise>
                <circle cx="60" cy="60" r="56" class="disc" />
                <ellipse cx="60" cy="48" rx="26" ry="30" class="balloon" />
                <path d="M56 78 L64 78 L60 84 Z" class="balloon" />
                <path d="M60 84 C54 94 66 100 60 110" class="string" />
            </svg>
        }
        .into_any(),
        _ => view! { <div class="gallery-icon" role="img" aria-label=tv().gallery_drawing>{star()}</div> }.into_any(),
    }
}

fn star() -> impl IntoView {
    view! {
        <svg viewBox="0 0 120 120" aria-hidden="true" class="gallery-star">
            <path d="M60 12 L73 46 L108 47 L80 68 L90 102 L60 82 L30 102 L40 68 L12 47 L47 46 Z" />
        </svg>
    }
}

/// The gallery as its own screen for the therapist: a way back, then only pictures.
#[component]
pub fn GalleryPage() -> impl IntoView {
    let id = super::client::client_id();
    view! {
        <header class="topbar gallery-bar">
            {(!crate::kiosk::locked()).then(|| view! {
                <a class="button ghost back" href=format!("/clients/{id}") aria-label=crate::i18n::t().back>"‹"</a>
            })}
            <h1 class="sr-only">{tv().gallery_title}</h1>
        </header>
        <main class="page gallery-page"><Gallery cid=id /></main>
    }
}
