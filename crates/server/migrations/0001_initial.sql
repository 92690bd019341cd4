-- Speelruimte schema. Ids are UUID text; times are RFC 3339 UTC text.

CREATE TABLE therapists (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

-- Login sessions (not therapy sessions): only the SHA-256 of the cookie token is kept.
CREATE TABLE auth_sessions (
    token_hash   TEXT PRIMARY KEY,
    therapist_id TEXT NOT NULL REFERENCES therapists(id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);

CREATE TABLE invites (
    token_hash  TEXT PRIMARY KEY,
    created_by  TEXT NOT NULL REFERENCES therapists(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

CREATE TABLE clients (
    id          TEXT PRIMARY KEY,
    owner_id    TEXT NOT NULL REFERENCES therapists(id),
    label       TEXT NOT NULL,
    birth_year  INTEGER NOT NULL,
    discipline  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX clients_owner ON clients(owner_id);

CREATE TABLE goals (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    domain      TEXT NOT NULL,
    title       TEXT NOT NULL,
    subgoals    TEXT NOT NULL, -- JSON array of strings
    created_at  TEXT NOT NULL
);
CREATE INDEX goals_client ON goals(client_id);

CREATE TABLE therapy_sessions (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    notes       TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX therapy_sessions_client ON therapy_sessions(client_id);

CREATE TABLE artefacts (
    id           TEXT PRIMARY KEY,
    owner_id     TEXT NOT NULL REFERENCES therapists(id),
    client_id    TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    session_id   TEXT REFERENCES therapy_sessions(id) ON DELETE SET NULL,
    kind         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    stored_at    TEXT NOT NULL,
    metadata     TEXT NOT NULL,
    content_hash TEXT NOT NULL
);
CREATE INDEX artefacts_client ON artefacts(client_id, created_at);

CREATE TABLE artefact_goals (
    artefact_id TEXT NOT NULL REFERENCES artefacts(id) ON DELETE CASCADE,
    goal_id     TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    PRIMARY KEY (artefact_id, goal_id)
);

CREATE TABLE artefact_blobs (
    artefact_id TEXT NOT NULL REFERENCES artefacts(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    PRIMARY KEY (artefact_id, name)
);

-- Who did what to whose data, when, from where. Append-only: changing or removing a row fails.
CREATE TABLE audit_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    therapist_id TEXT,
    action       TEXT NOT NULL,
    client_id    TEXT,
    address      TEXT NOT NULL,
    detail       TEXT
);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
