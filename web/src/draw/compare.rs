//! Two drawings of a client side by side at the same scale (the first and the latest body
//! drawing is the classic at evaluation), each with its process observations. "The same
//! scale": each picture's width on screen is its paper's width as a share of the wider paper,
//! so a drawing made on a smaller paper (a phone, the other orientation) shows smaller, not
//! blown up to the same width.

use leptos::prelude::*;
use speelruimte_ink::{Drawing, ProcessMetrics, decode};
use speelruimte_model::{Artefact, ArtefactKind};

use super::in_step::InStep;
use super::replay::Observations;
use crate::api;
use crate::i18n::{t, te};
use crate::util;

/// The drawings among `artefacts`, oldest first.
pub fn drawings(artefacts: &[Artefact]) -> Vec<Artefact> {
    let mut out: Vec<Artefact> = artefacts
        .iter()
        .filter(|a| a.kind == ArtefactKind::Drawing)
        .cloned()
        .collect();
    out.sort_by_key(|a| (a.created_at, a.id));
    out
}

/// Each picture's width as a share of the row (0–1): its paper's width over the wider one's.
pub fn shares(left: f32, right: f32) -> (f64, f64) {
    let wide = left.max(right).max(1.0) as f64;
    (left as f64 / wide, right as f64 / wide)
}

/// Picks two of `drawings` (at least two, oldest first) and shows them side by side.
#[component]
pub fn DrawingCompare(drawings: Vec<Artefact>) -> impl IntoView {
    let n = drawings.len();
    let left = RwSignal::new(0usize);
    let right = RwSignal::new(n.saturating_sub(1));
    let list = StoredValue::new(drawings);
    // The decoded strokes of each chosen drawing, by its place in the list.
    let decoded =
        RwSignal::new_local(std::collections::HashMap::<usize, Result<Drawing, String>>::new());
    Effect::new(move |_| {
        for i in [left.get(), right.get()] {
            if decoded.with_untracked(|d| d.contains_key(&i)) {
                continue;
            }
            let id = list.with_value(|l| l[i].id);
            leptos::task::spawn_local(async move {
                let res =
                    match api::get_bytes(&format!("/api/artefacts/{id}/blobs/strokes.bin")).await {
                        Ok(bytes) => decode(&bytes).map_err(|e| e.to_string()),
                        Err(e) => Err(e.message),
                    };
                decoded.update(|d| {
                    d.insert(i, res);
                });
            });
        }
    });
    let width_of = move |i: usize| {
        decoded.with(|d| match d.get(&i) {
            Some(Ok(dr)) => Some(dr.width),
            _ => None,
        })
    };
    let choice = move |side: RwSignal<usize>, label: &'static str, testid: &'static str| {
        view! {
            <label>{label}
                <select data-testid=testid prop:value=move || side.get().to_string()
                    on:change=move |ev| side.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {list.with_value(|l| l.iter().enumerate().map(|(i, a)| view! {
                        <option value=i.to_string()>{util::datetime_long(a.created_at)}</option>
                    }).collect_view())}
                </select>
            </label>
        }
    };
    let figure = move |i: usize, share: Option<f64>| {
        let a = list.with_value(|l| l[i].clone());
        let style = share
            .map(|s| format!("width:{:.1}%", s * 100.0))
            .unwrap_or_default();
        view! {
            <figure class="compare-drawing" data-artefact=a.id.to_string() data-share=share.map(|s| format!("{s:.3}")).unwrap_or_default()>
                <img src=format!("/api/artefacts/{}/blobs/image.png", a.id) alt=t().drawing_alt style=style />
                <figcaption>{util::datetime_long(a.created_at)}</figcaption>
                {move || decoded.with(|d| match d.get(&i) {
                    None => view! { <p class="notice">{t().loading}</p> }.into_any(),
                    Some(Err(m)) => view! { <p class="notice">{t().replay_not_kept} " (" {m.clone()} ")."</p> }.into_any(),
                    Some(Ok(dr)) => view! { <Observations metrics=ProcessMetrics::from_drawing(dr) /> }.into_any(),
                })}
            </figure>
        }
    };
    view! {
        <section class="card compare" data-testid="compare">
            <h2>{te().compare_title}</h2>
            <p class="subtitle">{te().compare_hint}</p>
            <div class="compare-pick">
                {choice(left, te().compare_left, "compare-left")}
                {choice(right, te().compare_right, "compare-right")}
            </div>
            <div class="compare-row">
                {move || {
                    let (l, r) = (left.get(), right.get());
                    let (sl, sr) = match (width_of(l), width_of(r)) {
                        (Some(a), Some(b)) => {
                            let (x, y) = shares(a, b);
                            (Some(x), Some(y))
                        }
                        _ => (None, None),
                    };
                    view! { {figure(l, sl)} {figure(r, sr)} }
                }}
            </div>
            {move || {
                let (l, r) = (left.get(), right.get());
                decoded.with(|d| match (d.get(&l), d.get(&r)) {
                    (Some(Ok(a)), Some(Ok(b))) => {
                        let shares = shares(a.width, b.width);
                        view! { <InStep left=a.clone() right=b.clone() shares /> }.into_any()
                    }
                    _ => ().into_any(),
                })
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::shares;

    #[test]
    fn the_wider_paper_fills_its_place_and_the_other_keeps_the_same_scale() {
        assert_eq!(shares(1000.0, 1000.0), (1.0, 1.0));
        assert_eq!(shares(1000.0, 750.0), (1.0, 0.75));
        assert_eq!(shares(390.0, 1040.0), (0.375, 1.0));
    }
}
