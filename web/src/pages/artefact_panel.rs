//! The panel that opens one artefact at evaluation (the replay, the recording, the run), shared
//! by the review and the timeline.

use leptos::prelude::*;
use speelruimte_model::{Artefact, ArtefactKind};

use crate::draw::replay::DrawingReview;
use crate::exercise::review::ExerciseReview;
use crate::i18n::{pick, t};
use crate::music::review::MusicReview;
use crate::util;

/// The open artefact, if any, over the page; closing sets `open` to `None`.
#[component]
pub fn ArtefactPanel(open: RwSignal<Option<Artefact>>) -> impl IntoView {
    view! {
        <Show when=move || open.get().is_some()>
            {move || open.get().map(|a| {
                let when = util::datetime_long(a.created_at);
                let kind = a.kind;
                view! {
                    <div class="lightbox" role="dialog" aria-label=t().review_title>
                        <div class="panel" data-testid="artefact-panel">
                            <header>
                                <h2>{pick(kind.label_nl(), kind.label_en())} " · " {when}</h2>
                                <button class="secondary" on:click=move |_| open.set(None)>{t().close}</button>
                            </header>
                            {match kind {
                                ArtefactKind::Drawing => view! { <DrawingReview artefact=a.clone() /> }.into_any(),
                                ArtefactKind::Exercise => view! { <ExerciseReview artefact=a.clone() /> }.into_any(),
                                ArtefactKind::Music => view! { <MusicReview artefact=a.clone() /> }.into_any(),
                            }}
                        </div>
                    </div>
                }
            })}
        </Show>
    }
}
