//! The client timeline: pages of sessions newest first (keyset on date and id), the filters,
//! the glances of the three work forms, another therapist's client and the audit row.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, drawing, id_of, record, spawn_with_client};

fn take() -> Value {
    json!({
        "work_form": "muziek", "format": 1, "kind": "loop", "layout": "drumstel",
        "bars_setup": {"instrument": "xylophone", "scale": {"kind": "pentatonic"}, "root": 60},
        "players": 2, "wav_repeats": 2,
        "recording": {
            "version": 1, "tempo_bpm": 120.0, "beats_per_bar": 4, "bars": 2, "length_ms": 4000,
            "layers": [{"muted": false, "events": [
                {"t_ms": 0, "pad": 0, "voice": "kick", "velocity": 1.0, "player": 0},
                {"t_ms": 1000, "pad": 2, "voice": "hihat-closed", "velocity": 0.5625, "player": 1}
            ]}]
        },
        "echo": []
    })
}

fn run(before: u8, after: u8) -> Value {
    let exercise = serde_json::to_value(speelruimte_guide::by_id("calm-4-6").unwrap()).unwrap();
    json!({
        "work_form": "spanning", "format": 1, "exercise": exercise, "child": false,
        "visual": "circle", "planned_ms": 120_000, "ran_ms": 30_000, "wall_ms": 31_000,
        "interrupted": true,
        "before": {"value": before, "scale": "slider", "places": []},
        "after": {"value": after, "scale": "slider", "places": []},
    })
}

impl TestApp {
    /// Stores `body` as an artefact in `session`, linked to `goals`; gives its id.
    async fn made_in(&self, session: &Value, goals: &[&Value], mut body: Value) -> String {
        body["session_id"] = session["id"].clone();
        body["goal_ids"] = goals.iter().map(|g| g["id"].clone()).collect();
        let id = uuid::Uuid::new_v4().to_string();
        self.put_artefact_at(&id, body)
            .await
            .expect(StatusCode::CREATED);
        id
    }

    /// `GET /api/clients/{id}/timeline?{query}`.
    async fn timeline(&self, client: &Value, query: &str) -> crate::helpers::Res {
        self.get(&format!("/api/clients/{}/timeline?{query}", id_of(client)))
            .await
    }
}

fn dates(page: &Value) -> Vec<String> {
    page["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["date"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn pages_walk_every_session_once_newest_first_also_with_two_on_one_day() {
    let (app, c) = spawn_with_client().await;
    let mut want = Vec::new();
    for day in 1..=7 {
        let date = format!("2026-03-{day:02}");
        app.session(&c, &date).await;
        want.push(date);
    }
    // Two sessions on one day: the id orders them, and a page break between them loses none.
    app.session(&c, "2026-03-04").await;
    want.push("2026-03-04".into());
    want.sort();
    want.reverse();

    let mut seen = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let mut query = "aantal=3".to_owned();
    let mut pages = 0;
    loop {
        let page = app.timeline(&c, &query).await.expect(StatusCode::OK).json();
        pages += 1;
        assert!(page["sessions"].as_array().unwrap().len() <= 3);
        for s in page["sessions"].as_array().unwrap() {
            assert!(
                ids.insert(s["id"].as_str().unwrap().to_owned()),
                "twice: {s}"
            );
        }
        seen.extend(dates(&page));
        match page["next"].as_str() {
            Some(next) => query = format!("aantal=3&na={next}"),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, want);
}

#[tokio::test]
async fn each_work_form_shows_its_glance_and_the_filters_narrow_what_shows() {
    let (app, c) = spawn_with_client().await;
    let goal = app.goal(&c).await;
    let early = app.session(&c, "2026-01-10").await;
    let late = app.session(&c, "2026-03-10").await;
    let empty = app.session(&c, "2026-03-11").await;
    let mut pic = drawing(&c, &[], "tekening");
    pic["metadata"] = json!({"work_form": "beeldend", "format": 3, "width": 800.0, "height": 600.0,
        "background": "paper", "template": "blank", "visible_strokes": 1});
    let d = app.made_in(&early, &[&goal], pic).await;
    let m = app.made_in(&late, &[], record("music", &c, take())).await;
    let mut ex = record("exercise", &c, run(7, 3));
    ex["created_at"] = json!("2026-11-25T11:00:00Z"); // an hour after the take
    let e = app.made_in(&late, &[&goal], ex).await;

    let all = app.timeline(&c, "").await.expect(StatusCode::OK).json();
    assert_eq!(dates(&all), ["2026-03-11", "2026-03-10", "2026-01-10"]);
    assert_eq!(all["sessions"][0]["id"], empty["id"]);
    assert_eq!(all["sessions"][0]["items"], json!([]));
    assert_eq!(all["next"], Value::Null);
    let late_items = &all["sessions"][1]["items"];
    // Within a session, oldest first.
    assert_eq!(late_items[0]["id"], m);
    assert_eq!(late_items[1]["id"], e);
    let by_id = |id: &str| {
        all["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["items"].as_array().unwrap().iter())
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    let pic = by_id(&d);
    assert_eq!(pic["thumb"], true);
    assert_eq!(
        pic["glance"],
        json!({"form": "drawing", "width": 800.0, "height": 600.0})
    );
    let tune = by_id(&m);
    assert_eq!(tune["thumb"], false);
    assert_eq!(
        tune["glance"],
        json!({"form": "music", "length_ms": 4000, "dots": [{"at": 0, "player": 0}, {"at": 250, "player": 1}]})
    );
    let ex = by_id(&e);
    assert_eq!(ex["glance"]["form"], "exercise");
    assert_eq!(ex["glance"]["before"], 7);
    assert_eq!(ex["glance"]["after"], 3);
    assert_eq!(ex["goal_ids"], json!([goal["id"]]));

    // The goal: only what is linked to it, only sessions with some of it.
    let gid = id_of(&goal);
    let page = app
        .timeline(&c, &format!("doel={gid}"))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(dates(&page), ["2026-03-10", "2026-01-10"]);
    assert_eq!(page["sessions"][0]["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["sessions"][0]["items"][0]["id"], e);
    // The work form.
    let page = app
        .timeline(&c, "werkvorm=music")
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(dates(&page), ["2026-03-10"]);
    assert_eq!(page["sessions"][0]["items"][0]["id"], m);
    // Both.
    let page = app
        .timeline(&c, &format!("doel={gid}&werkvorm=drawing"))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(dates(&page), ["2026-01-10"]);
    // A period, both days included.
    let page = app
        .timeline(&c, "periode=2026-03-10..2026-03-11")
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(dates(&page), ["2026-03-11", "2026-03-10"]);
    let page = app
        .timeline(&c, "periode=2025-01-01..2025-12-31")
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(page["sessions"], json!([]));
}

#[tokio::test]
async fn a_filter_that_cannot_be_read_is_refused_in_dutch() {
    let (app, c) = spawn_with_client().await;
    let res = app
        .timeline(&c, "werkvorm=dans")
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.message(), "De werkvorm 'dans' kan niet kloppen.");
    let res = app
        .timeline(&c, "aantal=0")
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message().contains("tussen 1 en 50"),
        "{}",
        res.message()
    );
}

#[tokio::test]
async fn another_therapists_client_answers_exactly_as_a_missing_one_and_the_read_is_audited() {
    let (app, c) = spawn_with_client().await;
    app.session(&c, "2026-03-01").await;
    let other = app.colleague("b.bakker").await;
    let theirs = other.timeline(&c, "").await.expect(StatusCode::NOT_FOUND);
    let missing = other
        .get(&format!("/api/clients/{}/timeline", uuid::Uuid::new_v4()))
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(theirs.body, missing.body);
    // Also with a filter that would be refused for the owner.
    let theirs = other.timeline(&c, "werkvorm=dans").await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(theirs.body, missing.body);

    let before = app.audit_rows().await.len();
    app.timeline(&c, "werkvorm=drawing&periode=3m")
        .await
        .expect(StatusCode::OK);
    let rows = app.audit_rows().await;
    assert_eq!(rows.len(), before + 1);
    let row = &rows[before];
    assert_eq!(row.action, "timeline.read");
    assert_eq!(row.client_id.as_deref(), Some(id_of(&c)));
    assert_eq!(row.detail.as_deref(), Some("werkvorm=drawing&periode=3m"));
}
