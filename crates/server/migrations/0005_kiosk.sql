-- Kindermodus (issue 23). A therapist's PIN (argon2id, like passwords), and the locks: a login
-- session locked to one client, session and work form. The lock goes with its login session
-- (logging out is refused under a lock; an expired session ends it). Deleting the client or the
-- session does not end a lock (the tablet would be an open therapist session in a child's
-- hands): their ids are set to NULL and the server then refuses everything but ending it.

CREATE TABLE kiosk_pins (
    therapist_id TEXT PRIMARY KEY REFERENCES therapists(id) ON DELETE CASCADE,
    pin_hash     TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE kiosk_locks (
    token_hash   TEXT PRIMARY KEY REFERENCES auth_sessions(token_hash) ON DELETE CASCADE,
    client_id    TEXT REFERENCES clients(id) ON DELETE SET NULL,
    session_id   TEXT REFERENCES therapy_sessions(id) ON DELETE SET NULL,
    work_form    TEXT NOT NULL CHECK (work_form IN ('beeldend', 'muziek', 'spanning')),
    minutes      INTEGER CHECK (minutes BETWEEN 5 AND 60),
    started_at   TEXT NOT NULL,
    wrong_pins   INTEGER NOT NULL DEFAULT 0,
    retry_at     TEXT
);
CREATE INDEX kiosk_locks_client ON kiosk_locks(client_id);
