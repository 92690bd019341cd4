-- A therapist's own exercises, per client. `body` is the validated speelruimte_guide::Exercise
-- as JSON (phase lengths in whole ms). Deleting one removes the row; the audit log keeps the fact.

CREATE TABLE custom_exercises (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX custom_exercises_client ON custom_exercises(client_id, created_at);
