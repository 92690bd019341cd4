//! Group and family sessions on the server: a group's sessions and members, a group artefact's
//! participants, and which clients an artefact is linked to.
//!
//! A group session is one `therapy_sessions` row per participating client, sharing a
//! `group_id`: each client keeps their own notes and scores, and their timeline shows the
//! group's work under their own session. Nothing here ever reads a client's label: another
//! client appears in a client's answers only as an id and an avatar.

use speelruimte_model::{
    Animal, ArtefactUpload, Avatar, AvatarColour, Member, NewGroup, Participant, RelativeRole,
    SessionGroup,
};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::auth::Caller;
use crate::ownership::owned;
use crate::{Error, audit};

fn bad(what: &str) -> Error {
    Error::Internal(anyhow::anyhow!("stored group has a bad {what}"))
}

fn uuid(s: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(s).map_err(|_| bad("id"))
}

/// SQL: the artefact `a` is linked to the client bound at `?` (its own, or as a participant).
pub const LINKED: &str = "(a.client_id = ? OR EXISTS (SELECT 1 FROM artefact_participants p WHERE p.artefact_id = a.id AND p.client_id = ?))";

/// Records the group of a new session of `lead`: checks the members (each other client the
/// caller's, else 404 as everywhere), makes each other client's own session on the same date
/// (without the lead's notes: they are the lead's) and keeps the members.
pub async fn create(
    tx: &mut SqliteConnection,
    caller: &Caller,
    lead: Uuid,
    date: chrono::NaiveDate,
    created_at: &str,
    new: &NewGroup,
) -> Result<SessionGroup, Error> {
    let members = new.validate(lead)?;
    for c in &new.clients {
        owned(tx, caller, *c).await?;
    }
    let group = SessionGroup {
        id: Uuid::new_v4(),
        members,
    };
    for (position, m) in group.members.iter().enumerate() {
        sqlx::query("INSERT INTO session_group_members (group_id, owner_id, position, client_id, relative) VALUES (?, ?, ?, ?, ?)")
            .bind(group.id.to_string())
            .bind(caller.therapist_id.to_string())
            .bind(position as i64)
            .bind(m.client_id.map(|c| c.to_string()))
            .bind(m.relative.map(RelativeRole::code))
            .execute(&mut *tx)
            .await?;
        let Some(other) = m.client_id.filter(|c| *c != lead) else {
            continue;
        };
        let sid = Uuid::new_v4().to_string();
        sqlx::query("INSERT INTO therapy_sessions (id, client_id, date, notes, created_at, group_id) VALUES (?, ?, ?, NULL, ?, ?)")
            .bind(&sid)
            .bind(other.to_string())
            .bind(date.to_string())
            .bind(created_at)
            .bind(group.id.to_string())
            .execute(&mut *tx)
            .await?;
        audit::record(tx, caller, "session.create", Some(other), Some(&sid)).await?;
    }
    Ok(group)
}

/// The group `id`, its members in player order. A member whose client was deleted is left
/// out of the list of members (their work keeps its own participant list).
pub async fn load(conn: &mut SqliteConnection, id: &str) -> Result<SessionGroup, Error> {
    let rows: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT client_id, relative FROM session_group_members WHERE group_id = ? ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut members = Vec::with_capacity(rows.len());
    for (client, relative) in rows {
        let member = match (client, relative) {
            (Some(c), _) => Member::client(uuid(&c)?),
            (None, Some(r)) => {
                Member::relative(RelativeRole::from_code(&r).ok_or_else(|| bad("role"))?)
            }
            (None, None) => continue,
        };
        members.push(member);
    }
    Ok(SessionGroup {
        id: uuid(id)?,
        members,
    })
}

/// For a group upload: each participating client's own session in the upload's group
/// session, in participant order (`None` for a *naaste*). Refuses a group artefact outside a
/// group session and a participant who is not a member of it.
pub async fn sessions_of(
    conn: &mut SqliteConnection,
    caller: &Caller,
    up: &ArtefactUpload,
) -> Result<Vec<Option<String>>, Error> {
    let refuse = |m: &'static str| Err(Error::Validation(m.into()));
    let Some(session) = up.session_id else {
        return refuse("Een groepswerkstuk hoort bij een groepssessie; kies eerst de sessie.");
    };
    let group: Option<String> =
        sqlx::query_scalar("SELECT group_id FROM therapy_sessions WHERE id = ? AND client_id = ?")
            .bind(session.to_string())
            .bind(up.client_id.to_string())
            .fetch_optional(&mut *conn)
            .await?
            .flatten();
    let Some(group) = group else {
        return refuse("Deze sessie is geen groepssessie; start een groepssessie voor groepswerk.");
    };
    let members = load(conn, &group).await?.members;
    let mut out = Vec::with_capacity(up.participants.len());
    for p in &up.participants {
        if !members.contains(&p.member) {
            return refuse("Een deelnemer van het werkstuk hoort niet bij deze groepssessie.");
        }
        let Some(client) = p.member.client_id else {
            out.push(None);
            continue;
        };
        owned(conn, caller, client).await?;
        let sid: String = sqlx::query_scalar(
            "SELECT id FROM therapy_sessions WHERE group_id = ? AND client_id = ?",
        )
        .bind(&group)
        .bind(client.to_string())
        .fetch_one(&mut *conn)
        .await?;
        out.push(Some(sid));
    }
    Ok(out)
}

/// Keeps the participants of artefact `id` with each client's session ([`sessions_of`]) and
/// writes an audit row for every participating client besides the lead.
pub async fn insert(
    tx: &mut SqliteConnection,
    caller: &Caller,
    id: Uuid,
    up: &ArtefactUpload,
    sessions: &[Option<String>],
) -> Result<(), Error> {
    for (position, (p, sid)) in up.participants.iter().zip(sessions).enumerate() {
        sqlx::query("INSERT INTO artefact_participants (artefact_id, position, client_id, relative, colour, animal, session_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(id.to_string())
            .bind(position as i64)
            .bind(p.member.client_id.map(|c| c.to_string()))
            .bind(p.member.relative.map(RelativeRole::code))
            .bind(p.avatar.colour.code())
            .bind(p.avatar.animal.code())
            .bind(sid)
            .execute(&mut *tx)
            .await?;
        if let Some(c) = p.member.client_id.filter(|c| *c != up.client_id) {
            audit::record(tx, caller, "artefact.put", Some(c), Some(&id.to_string())).await?;
        }
    }
    Ok(())
}

/// The participants of artefact `id`, in player order (empty for a client's own work).
pub async fn participants(
    conn: &mut SqliteConnection,
    id: &str,
) -> Result<Vec<Participant>, Error> {
    let rows: Vec<(Option<String>, Option<String>, String, String)> = sqlx::query_as(
        "SELECT client_id, relative, colour, animal FROM artefact_participants WHERE artefact_id = ? ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(client, relative, colour, animal)| {
            Ok(Participant {
                member: Member {
                    client_id: client.as_deref().map(uuid).transpose()?,
                    relative: relative
                        .map(|r| RelativeRole::from_code(&r).ok_or_else(|| bad("role")))
                        .transpose()?,
                },
                avatar: Avatar {
                    colour: AvatarColour::from_code(&colour).ok_or_else(|| bad("colour"))?,
                    animal: Animal::from_code(&animal).ok_or_else(|| bad("animal"))?,
                },
            })
        })
        .collect()
}

/// Before client `client` is deleted: the group work made from their session is handed over
/// to the next participating client (with that client's own session), so deleting one child
/// does not delete the shared work of the others.
pub async fn hand_over(tx: &mut SqliteConnection, client: Uuid) -> Result<(), Error> {
    let next = "FROM artefact_participants p WHERE p.artefact_id = artefacts.id AND p.client_id IS NOT NULL AND p.client_id != ?1 ORDER BY p.position LIMIT 1";
    let sql = format!(
        "UPDATE artefacts SET client_id = (SELECT p.client_id {next}), session_id = (SELECT p.session_id {next})
         WHERE client_id = ?1 AND EXISTS (SELECT 1 {next})"
    );
    sqlx::query(&sql)
        .bind(client.to_string())
        .execute(&mut *tx)
        .await?;
    Ok(())
}
