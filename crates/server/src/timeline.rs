//! A client's timeline, a page at a time: `GET /api/clients/{id}/timeline?doel=…&werkvorm=…&
//! periode=…&na=…&aantal=…`. The filters, the cursor and the page are `speelruimte_model`'s
//! (`TimelineQuery`, `timeline_page`); here the sessions are found with a keyset query on
//! (date, id), newest first, and each artefact becomes a glance read with the work forms' own
//! record types.

use axum::extract::{Path, RawQuery, State};
use speelruimte_model::{
    ApiError, Artefact, ArtefactKind, Glance, TimelineItem, TimelinePage, TimelineQuery, WorkForm,
    exercise_run_for, music_dots, timeline_page,
};
use sqlx::SqliteConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::Json;
use crate::ownership::reading_client;
use crate::records::{Drawing, Take};
use crate::{AppState, Error, artefacts, audit};

/// The timeline route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(timeline))
}

/// One page of a client's sessions, newest first, each with what was made in it (as a glance;
/// thumbnails are the artefacts' `thumb.png` blobs). With a goal or work-form filter only the
/// matching artefacts show, and only sessions that have one.
#[utoipa::path(get, path = "/api/clients/{id}/timeline", tag = "timeline", params(
    ("id" = Uuid, Path),
    ("doel" = Option<Uuid>, Query, description = "only what is linked to this goal"),
    ("werkvorm" = Option<String>, Query, description = "drawing, music or exercise"),
    ("periode" = Option<String>, Query, description = "alles, 3m, 6m, 12m, or 2026-01-01..2026-06-30"),
    ("na" = Option<String>, Query, description = "the `next` of the page before"),
    ("aantal" = Option<u8>, Query, description = "sessions per page, 1–50 (10)")),
    responses((status = 200, body = TimelinePage), (status = 401, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn timeline(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<TimelinePage>, Error> {
    // Whose client first: another's answers 404 whatever the filters say.
    let (mut conn, id) = reading_client(&state.db, &caller, &id).await?;
    let query = TimelineQuery::parse(raw.as_deref().unwrap_or(""))?;
    let mut page = page(&mut conn, id, &query, chrono::Utc::now().date_naive()).await?;
    if caller.kiosk.is_some() {
        // The client's own gallery under kindermodus: pictures, not goals or scores.
        for item in page.sessions.iter_mut().flat_map(|s| s.items.iter_mut()) {
            item.goal_ids.clear();
            if let Glance::Exercise { before, after, .. } = &mut item.glance {
                *before = None;
                *after = None;
            }
        }
    }
    audit::record(
        &mut conn,
        &caller,
        "timeline.read",
        Some(id),
        Some(&query.to_query()),
    )
    .await?;
    Ok(Json(page))
}

/// The artefact filter, as SQL on `a` with its binds (kind, kind, goal, goal).
/// SQL: the artefact `a` shows under session `s`: made in it, or group work in which this
/// session's client took part (under their own session of the group).
const IN_SESSION: &str = "(a.session_id = s.id OR EXISTS (SELECT 1 FROM artefact_participants p WHERE p.artefact_id = a.id AND p.session_id = s.id))";

const ITEM_FILTER: &str = "(? IS NULL OR a.kind = ?)
    AND (? IS NULL OR EXISTS (SELECT 1 FROM artefact_goals g WHERE g.artefact_id = a.id AND g.goal_id = ?))";

async fn page(
    conn: &mut SqliteConnection,
    client: Uuid,
    q: &TimelineQuery,
    today: chrono::NaiveDate,
) -> Result<TimelinePage, Error> {
    let (from, to) = q.period.bounds(today);
    let kind = q.kind.map(ArtefactKind::code);
    let goal = q.goal.map(|g| g.to_string());
    let (after_date, after_id) = match q.after {
        Some(c) => (Some(c.date.to_string()), Some(c.id.to_string())),
        None => (None, None),
    };
    let sql = format!(
        "SELECT s.id, s.date FROM therapy_sessions s
         WHERE s.client_id = ?
           AND (? IS NULL OR s.date >= ?) AND (? IS NULL OR s.date <= ?)
           AND (? IS NULL OR s.date < ? OR (s.date = ? AND s.id < ?))
           AND (? = 0 OR EXISTS (SELECT 1 FROM artefacts a WHERE {IN_SESSION} AND {ITEM_FILTER}))
         ORDER BY s.date DESC, s.id DESC LIMIT ?"
    );
    let from = from.map(|d| d.to_string());
    let to = to.map(|d| d.to_string());
    let rows: Vec<(String, String)> = sqlx::query_as(&sql)
        .bind(client.to_string())
        .bind(&from)
        .bind(&from)
        .bind(&to)
        .bind(&to)
        .bind(&after_date)
        .bind(&after_date)
        .bind(&after_date)
        .bind(&after_id)
        .bind(q.narrows_items())
        .bind(kind)
        .bind(kind)
        .bind(&goal)
        .bind(&goal)
        .bind(i64::from(q.limit) + 1)
        .fetch_all(&mut *conn)
        .await?;
    let bad = |what: &str| Error::Internal(anyhow::anyhow!("stored session has a bad {what}"));
    let mut sessions = Vec::with_capacity(rows.len());
    for (sid, date) in &rows {
        sessions.push((
            Uuid::parse_str(sid).map_err(|_| bad("id"))?,
            date.parse().map_err(|_| bad("date"))?,
        ));
    }
    let shown = &rows[..rows.len().min(usize::from(q.limit))];
    let mut items = Vec::new();
    if !shown.is_empty() {
        let marks = vec!["?"; shown.len()].join(", ");
        let sql = format!(
            "SELECT a.id, s.id FROM artefacts a JOIN therapy_sessions s ON {IN_SESSION}
             WHERE s.client_id = ? AND s.id IN ({marks}) AND {ITEM_FILTER}"
        );
        let mut found = sqlx::query_as::<_, (String, String)>(&sql).bind(client.to_string());
        for (sid, _) in shown {
            found = found.bind(sid);
        }
        let found = found
            .bind(kind)
            .bind(kind)
            .bind(&goal)
            .bind(&goal)
            .fetch_all(&mut *conn)
            .await?;
        for (aid, sid) in found {
            let a = artefacts::load(conn, &aid).await?;
            items.push((
                Uuid::parse_str(&sid).map_err(|_| bad("id"))?,
                item(&a, client),
            ));
        }
    }
    Ok(timeline_page(sessions, items, q.limit))
}

/// An artefact as its timeline card shows it to `client`.
fn item(a: &Artefact, client: Uuid) -> TimelineItem {
    TimelineItem {
        id: a.id,
        kind: a.kind,
        created_at: a.created_at,
        goal_ids: a.goal_ids.clone(),
        thumb: a.blobs.iter().any(|b| b.name.as_str() == "thumb.png"),
        glance: glance(a, client),
    }
}

/// What a card shows, read with the work form's own record; what is no readable record is
/// [`Glance::Other`] (the card then shows only the kind).
pub(crate) fn glance(a: &Artefact, client: Uuid) -> Glance {
    let form = WorkForm::of_upload(a.kind, &a.metadata).ok().flatten();
    match form {
        Some(WorkForm::Beeldend) => match Drawing::read(&a.metadata) {
            Ok(d) => Glance::Drawing {
                width: d.width,
                height: d.height,
            },
            Err(_) => Glance::Other,
        },
        Some(WorkForm::Muziek) => match Take::read(&a.metadata) {
            Ok(t) => {
                let r = &t.recording;
                let hits = r
                    .layers
                    .iter()
                    .filter(|l| !l.muted)
                    .flat_map(|l| l.events.iter().map(|e| (e.t_ms, e.player)));
                Glance::Music {
                    length_ms: r.length_ms,
                    dots: music_dots(hits, r.length_ms),
                }
            }
            Err(_) => Glance::Other,
        },
        Some(WorkForm::Spanning) => match exercise_run_for(a, client) {
            Ok(run) => Glance::Exercise {
                title_nl: run.exercise.title.nl.clone(),
                title_en: run.exercise.title.en.clone(),
                before: run.before.value,
                after: run.after.value,
            },
            Err(_) => Glance::Other,
        },
        None => Glance::Other,
    }
}
