-- Groups and family sessions (issue 23). A group session is one session per participating
-- client (each keeps their own notes and scores) sharing a group_id; the group's members are
-- kept in player order, a client by id and a naaste (not a client) only by role.
-- A group artefact keeps its participants with the avatar each picked, and for each client the
-- session of their own it shows under. The artefact's own client_id is the client it was made
-- from (the lead); deleting the lead hands the artefact over to another participating client
-- (see groups::hand_over), deleting any other participant removes only their link: their
-- strokes stay in the shared work under an avatar, no longer linked to anyone.

ALTER TABLE therapy_sessions ADD COLUMN group_id TEXT;
CREATE INDEX therapy_sessions_group ON therapy_sessions(group_id);

CREATE TABLE session_group_members (
    group_id    TEXT NOT NULL,
    owner_id    TEXT NOT NULL REFERENCES therapists(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position BETWEEN 0 AND 7),
    client_id   TEXT REFERENCES clients(id) ON DELETE SET NULL,
    relative    TEXT CHECK (relative IN ('ouder', 'broer_of_zus', 'andere_naaste')),
    PRIMARY KEY (group_id, position)
);
CREATE INDEX session_group_members_client ON session_group_members(client_id);

CREATE TABLE artefact_participants (
    artefact_id TEXT NOT NULL REFERENCES artefacts(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position BETWEEN 0 AND 7),
    client_id   TEXT REFERENCES clients(id) ON DELETE SET NULL,
    relative    TEXT CHECK (relative IN ('ouder', 'broer_of_zus', 'andere_naaste')),
    colour      TEXT NOT NULL,
    animal      TEXT NOT NULL,
    session_id  TEXT REFERENCES therapy_sessions(id) ON DELETE SET NULL,
    PRIMARY KEY (artefact_id, position)
);
CREATE INDEX artefact_participants_client ON artefact_participants(client_id);
