//! A session: pick the work form to hand the tablet over with, and at its end give each goal
//! its *voortgang* score. Each work form can also be started *voor de cliënt* (kindermodus).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use speelruimte_model::{Client, KioskView, Session, WorkForm};

use super::scores::SessionScores;
use super::{Load, TopBar, load};
use crate::i18n::{t, tv};
use crate::kiosk::start::{KioskChoice, KioskPanel, StartButton};
use crate::outbox::view::OutboxNotice;
use crate::util;

#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    let id = params.read_untracked().get("id").unwrap_or_default();
    let sid = params.read_untracked().get("sid").unwrap_or_default();
    let (client, _) = load::<Client>({
        let id = id.clone();
        move || format!("/api/clients/{id}")
    });
    let (sessions, _) = load::<Vec<Session>>({
        let id = id.clone();
        move || format!("/api/clients/{id}/sessions")
    });
    let title = Signal::derive(move || match client.get() {
        Load::Ready(c) => format!("{} · {}", t().session_title, c.label.as_str()),
        _ => t().session_title.to_string(),
    });
    let date = {
        let sid = sid.clone();
        move || match sessions.get() {
            Load::Ready(list) => list
                .into_iter()
                .find(|s| s.id.to_string() == sid)
                .map(|s| util::date_long(s.date))
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    // A group session: its members are kept for this tab (the work forms need them, also
    // under kindermodus, where the session list cannot be read).
    let group = {
        let sid = sid.clone();
        Memo::new(move |_| match sessions.get() {
            Load::Ready(list) => list
                .into_iter()
                .find(|s| s.id.to_string() == sid)
                .and_then(|s| s.group)
                .inspect(|g| crate::group::remember(&sid, g)),
            _ => None,
        })
    };
    let choice = KioskChoice::new();
    view! {
        <TopBar title=title back=format!("/clients/{id}") leaves_session=true />
        <main class="page">
            <p class="subtitle">{date}</p>
            <OutboxNotice />
            {let (id, sid) = (id.clone(), sid.clone()); move || group.get().map(|g| view! { <crate::group::GroupPanel group=g cid=id.clone() sid=sid.clone() /> })}
            <h2>{t().choose_work_form}</h2>
            <div class="workforms">
                <div class="workform-slot">
                    <a class="workform drawing" href=format!("/clients/{id}/sessies/{sid}/tekenen")>
                        <span class="wf-icon" aria-hidden="true">"✎"</span>
                        <span class="wf-title">{t().wf_drawing}</span>
                        <span class="wf-sub">{t().wf_drawing_text}</span>
                    </a>
                    <StartButton form=WorkForm::Beeldend cid=id.clone() sid=sid.clone() choice name=t().wf_drawing />
                </div>
                <div class="workform-slot">
                    <a class="workform music" href=format!("/clients/{id}/sessies/{sid}/muziek")>
                        <span class="wf-icon" aria-hidden="true">"♫"</span>
                        <span class="wf-title">{t().wf_music}</span>
                        <span class="wf-sub">{crate::i18n::tm().wf_text}</span>
                    </a>
                    <StartButton form=WorkForm::Muziek cid=id.clone() sid=sid.clone() choice name=t().wf_music />
                </div>
                <div class="workform-slot">
                    <a class="workform exercise" href=format!("/clients/{id}/sessies/{sid}/spanning")>
                        <span class="wf-icon" aria-hidden="true">"◯"</span>
                        <span class="wf-title">{t().wf_exercise}</span>
                        <span class="wf-sub">{t().wf_exercise_text}</span>
                    </a>
                    <StartButton form=WorkForm::Spanning cid=id.clone() sid=sid.clone() choice name=t().wf_exercise />
                </div>
                <div class="workform-slot">
                    <a class="workform gallery" href=format!("/clients/{id}/galerij")>
                        <span class="wf-icon" aria-hidden="true">"★"</span>
                        <span class="wf-title">{tv().gallery_title}</span>
                        <span class="wf-sub">{tv().gallery_sub}</span>
                    </a>
                    <StartButton form=WorkForm::Beeldend view=KioskView::Gallery cid=id.clone() sid=sid.clone() choice name=tv().gallery_title />
                </div>
            </div>
            <KioskPanel choice />
            <SessionScores cid=id.clone() sid=sid.clone() />
        </main>
    }
}
