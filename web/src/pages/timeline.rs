//! A client's timeline: the sessions newest first, each with what was made in it — drawings
//! as thumbnails (loaded lazily), music as a small row of hits, exercises as the tension before
//! and after — filtered by goal, work form and period. The server pages it
//! (`GET /api/clients/{id}/timeline`); "load more" asks for the next page.

use leptos::prelude::*;
use speelruimte_model::{
    Artefact, ArtefactKind, Glance, Goal, Period, TimelineItem, TimelinePage, TimelineQuery,
    TimelineSession,
};

use super::artefact_panel::ArtefactPanel;
use super::{ErrorBox, Load, TopBar, client::client_id, load};
use crate::i18n::{pick, t, tv};
use crate::{api, util};

/// What each page of the timeline shows of the period choice.
fn period_label(p: Period) -> &'static str {
    match p {
        Period::Months(3) => tv().period_3m,
        Period::Months(6) => tv().period_6m,
        Period::Months(12) => tv().period_12m,
        _ => tv().period_all,
    }
}

#[component]
pub fn TimelinePage() -> impl IntoView {
    let id = client_id();
    let (goals, _) = load::<Vec<Goal>>({
        let id = id.clone();
        move || format!("/api/clients/{id}/goals")
    });
    let filter = RwSignal::new(TimelineQuery::default());
    let sessions = RwSignal::new(Vec::<TimelineSession>::new());
    let next = RwSignal::new(None::<String>);
    let busy = RwSignal::new(true);
    let error = RwSignal::new(None::<String>);
    // Which filter a page belongs to: an answer to an older filter is dropped.
    let generation = StoredValue::new(0u32);
    let fetch = {
        let id = id.clone();
        move |after: Option<String>| {
            let mut q = filter.get_untracked();
            q.after = after
                .as_deref()
                .and_then(|c| speelruimte_model::TimelineCursor::parse(c).ok());
            let path = format!("/api/clients/{id}/timeline?{}", q.to_query());
            let mine = generation.get_value();
            busy.set(true);
            leptos::task::spawn_local(async move {
                let res = api::get::<TimelinePage>(&path).await;
                if generation.get_value() != mine {
                    return;
                }
                match res {
                    Ok(page) => {
                        sessions.update(|s| s.extend(page.sessions));
                        next.set(page.next);
                    }
                    Err(e) => error.set(Some(e.message)),
                }
                busy.set(false);
            });
        }
    };
    Effect::new({
        let fetch = fetch.clone();
        move |_| {
            filter.track();
            generation.update_value(|g| *g += 1);
            sessions.set(Vec::new());
            next.set(None);
            error.set(None);
            fetch(None);
        }
    });
    let more = {
        let fetch = fetch.clone();
        move |_| fetch(next.get_untracked())
    };
    let open = RwSignal::new(None::<Artefact>);
    let goal_names = Signal::derive(move || match goals.get() {
        Load::Ready(g) => g,
        _ => Vec::new(),
    });
    view! {
        <TopBar title=Signal::derive(|| tv().timeline_title.to_string()) back=format!("/clients/{id}") />
        <main class="page timeline-page">
            <p class="subtitle">{tv().timeline_hint}</p>
            <Filters filter goals=goal_names />
            <ErrorBox message=error />
            <ol class="timeline" data-testid="timeline">
                <For each=move || sessions.get() key=|s| s.id let:s>
                    <SessionCard session=s open goals=goal_names />
                </For>
            </ol>
            {move || {
                if busy.get() {
                    view! { <p class="notice" data-testid="timeline-loading">{t().loading}</p> }.into_any()
                } else if sessions.with(Vec::is_empty) {
                    view! { <p class="notice card" data-testid="timeline-empty">{tv().no_sessions}</p> }.into_any()
                } else if next.with(Option::is_some) {
                    view! { <button class="secondary big" data-testid="timeline-more" on:click=more.clone()>{tv().load_more}</button> }.into_any()
                } else {
                    view! { <p class="notice" data-testid="timeline-end">{tv().all_loaded}</p> }.into_any()
                }
            }}
            <ArtefactPanel open />
        </main>
    }
}

/// The three filters; each change starts the timeline again from its newest session.
#[component]
fn Filters(filter: RwSignal<TimelineQuery>, goals: Signal<Vec<Goal>>) -> impl IntoView {
    let forms = [
        ArtefactKind::Drawing,
        ArtefactKind::Music,
        ArtefactKind::Exercise,
    ];
    view! {
        <div class="filters card">
            <label>{tv().filter_goal}
                <select data-testid="filter-goal" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.goal = uuid::Uuid::parse_str(&v).ok());
                }>
                    <option value="">{tv().every_goal}</option>
                    {move || goals.get().into_iter().map(|g| view! {
                        <option value=g.id.to_string()>{g.title.as_str().to_owned()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{tv().filter_form}
                <select data-testid="filter-form" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.kind = ArtefactKind::from_code(&v));
                }>
                    <option value="">{tv().every_form}</option>
                    {forms.into_iter().map(|k| view! {
                        <option value=k.code()>{pick(k.label_nl(), k.label_en())}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{tv().filter_period}
                <select data-testid="filter-period" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.period = Period::parse(&v).unwrap_or_default());
                }>
                    {Period::CHOICES.into_iter().map(|p| view! {
                        <option value=p.code()>{period_label(p)}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// One session with what was made in it.
#[component]
fn SessionCard(
    session: TimelineSession,
    open: RwSignal<Option<Artefact>>,
    goals: Signal<Vec<Goal>>,
) -> impl IntoView {
    let empty = session.items.is_empty();
    view! {
        <li class="card timeline-session" data-session=session.id.to_string() data-date=session.date.to_string()>
            <h2>{util::date_long(session.date)}</h2>
            {empty.then(|| view! { <p class="notice">{tv().nothing_made}</p> })}
            <ul class="thumbs">
                {session.items.into_iter().map(|i| view! { <ItemCard item=i open goals /> }).collect_view()}
            </ul>
        </li>
    }
}

/// One artefact's card; a tap opens it (its whole record is fetched then).
#[component]
fn ItemCard(
    item: TimelineItem,
    open: RwSignal<Option<Artefact>>,
    goals: Signal<Vec<Goal>>,
) -> impl IntoView {
    let id = item.id;
    let kind = pick(item.kind.label_nl(), item.kind.label_en());
    let when = util::datetime_long(item.created_at);
    let linked = item.goal_ids.clone();
    let goal_line = move || {
        goals
            .get()
            .into_iter()
            .filter(|g| linked.contains(&g.id))
            .map(|g| g.title.as_str().to_owned())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let show = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(a) = api::get::<Artefact>(&format!("/api/artefacts/{id}")).await {
                open.set(Some(a));
            }
        });
    };
    view! {
        <li>
            <button class="thumb" data-artefact=id.to_string() data-kind=item.kind.code() on:click=show>
                {glance(&item)}
                <span>{kind} " · " {when}</span>
                <small class="goal-line">{goal_line}</small>
            </button>
        </li>
    }
}

/// The picture part of a card.
pub fn glance(item: &TimelineItem) -> AnyView {
    let kind = pick(item.kind.label_nl(), item.kind.label_en());
    match &item.glance {
        Glance::Drawing { width, height } if item.thumb => view! {
            <img src=format!("/api/artefacts/{}/blobs/thumb.png", item.id) alt=kind loading="lazy"
                decoding="async" width=format!("{width:.0}") height=format!("{height:.0}") />
        }
        .into_any(),
        Glance::Music { dots, .. } => view! {
            <svg class="music-glance" viewBox="0 0 100 24" role="img" aria-label=tv().music_alt>
                <line x1="0" y1="12" x2="100" y2="12" class="axis" />
                {dots.iter().map(|d| view! {
                    <circle cx=format!("{:.1}", 2.0 + f64::from(d.at) * 0.096) cy=format!("{}", 6 + 6 * (d.player % 3))
                        r="2.2" fill=crate::music::player_color(d.player) />
                }).collect_view()}
            </svg>
        }
        .into_any(),
        Glance::Exercise { title_nl, title_en, before, after } => {
            let v = |x: &Option<u8>| x.map(|v| v.to_string()).unwrap_or_else(|| "–".into());
            let bar = |x: &Option<u8>, cls: &'static str| {
                let h = x.map(|v| f32::from(v) * 10.0).unwrap_or(0.0);
                view! { <div class=format!("tbar {cls}")><div class="tfill" style=format!("height: {h:.0}%")></div></div> }
            };
            view! {
                <div class="exercise-glance">
                    <div class="exercise-thumb" aria-hidden="true">{bar(before, "before")}{bar(after, "after")}</div>
                    <b>{pick(title_nl, title_en).to_owned()}</b>
                    <span data-testid="tension">{tv().tension} ": " {v(before)} " → " {v(after)}</span>
                </div>
            }
            .into_any()
        }
        _ => view! { <span class="glance-kind">{kind}</span> }.into_any(),
    }
}
