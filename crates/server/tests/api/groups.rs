//! Group and family sessions: one artefact linked to every participating client, each
//! client's answers naming the others only by avatar, never by label.

use std::io::Read;

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, drawing, id_of, spawn_logged_in};

/// Labels that must never show in another client's answers.
const LABEL_A: &str = "Merel-Zeventien";
const LABEL_B: &str = "Kraai-Achtentwintig";

fn avatar(colour: &str, animal: &str) -> Value {
    json!({"colour": colour, "animal": animal})
}

/// A drawing of `lead` in `session`, made by `participants`, strokes by player.
fn group_drawing(lead: &Value, session: &Value, participants: Value, players: Value) -> Value {
    let mut body = drawing(lead, &[], "samen");
    body["session_id"] = session["id"].clone();
    body["participants"] = participants;
    body["metadata"]["group"] = json!({ "stroke_players": players });
    body
}

/// A therapist with clients A and B, a group session started for A with B, and their drawing.
async fn group_with_drawing() -> (TestApp, Value, Value, Value, Value) {
    let app = spawn_logged_in().await;
    let a = app.client(LABEL_A).await;
    let b = app.client(LABEL_B).await;
    let session = app
        .post_session(
            &a,
            json!({"date": "2026-12-03", "group": {"clients": [b["id"]]}}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    let participants = json!([
        {"member": {"client_id": a["id"]}, "avatar": avatar("orange", "cat")},
        {"member": {"client_id": b["id"]}, "avatar": avatar("blue", "owl")},
    ]);
    let id = uuid::Uuid::new_v4().to_string();
    let art = app
        .put_artefact_at(
            &id,
            group_drawing(&a, &session, participants, json!([0, 1, 1])),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    (app, a, b, session, art)
}

/// Every entry of a ZIP, unpacked, as text (lossy).
fn unzipped(zip: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a ZIP");
    let mut all = String::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        all.push_str(&entry.name().unwrap());
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        all.push_str(&String::from_utf8_lossy(&bytes));
    }
    all
}

impl TestApp {
    /// Everything client `c`'s screens and export get: sessions, artefacts, timeline, the
    /// artefact itself and the export ZIP, as one text.
    async fn everything_of(&self, c: &Value, artefact: &str) -> String {
        let id = id_of(c);
        let mut all = String::new();
        for path in [
            format!("/api/clients/{id}"),
            format!("/api/clients/{id}/sessions"),
            format!("/api/clients/{id}/artefacts"),
            format!("/api/clients/{id}/timeline"),
            format!("/api/artefacts/{artefact}"),
        ] {
            all.push_str(&self.get(&path).await.expect(StatusCode::OK).text());
        }
        let zip = self.get(&format!("/api/clients/{id}/export")).await;
        all + &unzipped(&zip.expect(StatusCode::OK).body)
    }
}

#[tokio::test]
async fn a_group_drawing_is_linked_to_both_children_and_shows_each_under_their_own_session() {
    let (app, a, b, session, art) = group_with_drawing().await;
    assert_eq!(art["participants"][1]["avatar"]["animal"], "owl");
    for c in [&a, &b] {
        let list = app.artefacts(c).await.expect(StatusCode::OK).json();
        assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
        assert_eq!(list[0]["id"], art["id"]);
    }
    let b_sessions = app.sessions(&b).await.expect(StatusCode::OK).json();
    let b_session = &b_sessions[0];
    assert_ne!(
        b_session["id"], session["id"],
        "B has a session of their own"
    );
    assert_eq!(b_session["group"]["id"], session["group"]["id"]);
    assert_eq!(b_session["notes"], Value::Null);
    let timeline = app
        .get(&format!("/api/clients/{}/timeline", id_of(&b)))
        .await
        .expect(StatusCode::OK)
        .json();
    let shown = &timeline["sessions"][0];
    assert_eq!(shown["id"], b_session["id"], "{timeline}");
    assert_eq!(shown["items"][0]["id"], art["id"], "{timeline}");
}

#[tokio::test]
async fn no_answer_for_one_child_holds_the_other_childs_label() {
    let (app, a, b, _, art) = group_with_drawing().await;
    let id = id_of(&art);
    let of_a = app.everything_of(&a, id).await;
    assert!(of_a.contains(LABEL_A), "A's own export names A");
    assert!(of_a.contains("owl"), "B shows as the avatar");
    assert!(!of_a.contains(LABEL_B), "B's label is in A's answers");
    let of_b = app.everything_of(&b, id).await;
    assert!(of_b.contains(LABEL_B));
    assert!(!of_b.contains(LABEL_A), "A's label is in B's answers");
}

#[tokio::test]
async fn a_family_drawing_is_linked_to_the_client_only_and_names_the_parent_by_role() {
    let app = spawn_logged_in().await;
    let a = app.client(LABEL_A).await;
    let session = app
        .post_session(
            &a,
            json!({"date": "2026-12-03", "group": {"relatives": ["ouder"]}}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(session["group"]["members"][1], json!({"relative": "ouder"}));
    let participants = json!([
        {"member": {"client_id": a["id"]}, "avatar": avatar("yellow", "dog")},
        {"member": {"relative": "ouder"}, "avatar": avatar("black", "elephant")},
    ]);
    let body = group_drawing(&a, &session, participants, json!([1, 0]));
    let art = app
        .put_artefact_at(&uuid::Uuid::new_v4().to_string(), body)
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(
        art["participants"][1]["member"],
        json!({"relative": "ouder"})
    );
    let linked: Vec<Option<String>> =
        sqlx::query_scalar("SELECT client_id FROM artefact_participants ORDER BY position")
            .fetch_all(&app.state.db)
            .await
            .unwrap();
    assert_eq!(linked, vec![Some(id_of(&a).to_owned()), None]);
    assert_eq!(
        app.count("therapy_sessions").await,
        1,
        "a naaste gets no session"
    );
}

#[tokio::test]
async fn group_work_outside_a_group_session_or_with_strangers_is_refused() {
    let (app, a, b, session, _) = group_with_drawing().await;
    let plain = app.session(&a, "2026-12-04").await;
    let two = json!([
        {"member": {"client_id": a["id"]}, "avatar": avatar("orange", "cat")},
        {"member": {"client_id": b["id"]}, "avatar": avatar("blue", "owl")},
    ]);
    let res = app
        .put_artefact_at(
            &uuid::Uuid::new_v4().to_string(),
            group_drawing(&a, &plain, two.clone(), json!([0])),
        )
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message().contains("geen groepssessie"),
        "{}",
        res.message()
    );

    let c = app.client("Derde").await;
    let stranger = json!([
        {"member": {"client_id": a["id"]}, "avatar": avatar("orange", "cat")},
        {"member": {"client_id": c["id"]}, "avatar": avatar("blue", "owl")},
    ]);
    let res = app
        .put_artefact_at(
            &uuid::Uuid::new_v4().to_string(),
            group_drawing(&a, &session, stranger, json!([0])),
        )
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.message().contains("hoort niet bij deze groepssessie"));

    let same = json!([
        {"member": {"client_id": a["id"]}, "avatar": avatar("orange", "cat")},
        {"member": {"client_id": b["id"]}, "avatar": avatar("orange", "owl")},
    ]);
    let res = app
        .put_artefact_at(
            &uuid::Uuid::new_v4().to_string(),
            group_drawing(&a, &session, same, json!([0])),
        )
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.message().contains("dezelfde kleur"),
        "{}",
        res.message()
    );
}

#[tokio::test]
async fn another_therapists_client_cannot_join_a_group_and_their_group_work_is_missing() {
    let (app, a, _, _, art) = group_with_drawing().await;
    let other = app.colleague("b.bakker").await;
    let theirs = other.client("Van-Bram").await;
    let res = app
        .post_session(
            &a,
            json!({"date": "2026-12-03", "group": {"clients": [theirs["id"]]}}),
        )
        .await
        .expect(StatusCode::NOT_FOUND);
    let missing = app.artefact(&uuid::Uuid::new_v4().to_string()).await;
    assert_eq!(res.body, missing.body, "refused exactly like a missing one");
    other
        .artefact(id_of(&art))
        .await
        .expect(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn reading_a_group_drawing_is_logged_for_every_child_in_it() {
    let (app, a, b, _, art) = group_with_drawing().await;
    let from = app.audit_rows().await.len();
    app.artefact(id_of(&art)).await.expect(StatusCode::OK);
    let rows = app.audit_rows().await;
    let reads: Vec<_> = rows[from..]
        .iter()
        .filter(|r| r.action == "artefact.read")
        .map(|r| r.client_id.clone().unwrap())
        .collect();
    assert_eq!(reads, vec![id_of(&a).to_owned(), id_of(&b).to_owned()]);
}

#[tokio::test]
async fn deleting_the_lead_child_keeps_the_group_work_for_the_other() {
    let (app, a, b, _, art) = group_with_drawing().await;
    app.delete_client(&a).await.expect(StatusCode::NO_CONTENT);
    let list = app.artefacts(&b).await.expect(StatusCode::OK).json();
    assert_eq!(list[0]["id"], art["id"]);
    assert_eq!(list[0]["client_id"], b["id"]);
    let timeline = app
        .get(&format!("/api/clients/{}/timeline", id_of(&b)))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(timeline["sessions"][0]["items"][0]["id"], art["id"]);
}

#[tokio::test]
async fn under_kindermodus_the_group_saves_into_its_session_and_nothing_else_opens() {
    let app = spawn_logged_in().await;
    let a = app.client(LABEL_A).await;
    let b = app.client(LABEL_B).await;
    let session = app
        .post_session(
            &a,
            json!({"date": "2026-12-03", "group": {"clients": [b["id"]]}}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    app.set_pin(crate::kiosk::PIN).await;
    app.start_kiosk(&a, id_of(&session), "beeldend")
        .await
        .expect(StatusCode::CREATED);
    let participants = json!([
        {"member": {"client_id": a["id"]}, "avatar": avatar("orange", "cat")},
        {"member": {"client_id": b["id"]}, "avatar": avatar("blue", "owl")},
    ]);
    let body = group_drawing(&a, &session, participants, json!([0, 1]));
    app.put_artefact_at(&uuid::Uuid::new_v4().to_string(), body)
        .await
        .expect(StatusCode::CREATED);
    // The other child of the group is still another client under the lock.
    app.artefacts(&b).await.expect(StatusCode::NOT_FOUND);
    app.sessions(&b).await.expect(StatusCode::NOT_FOUND);
}
