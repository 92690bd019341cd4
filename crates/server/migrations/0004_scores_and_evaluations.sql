-- Scores and evaluation (issue 25): the voortgang score per goal per session, a GAS scale per
-- goal, the status of each subgoal, and evaluation records. Every row hangs on its client
-- (directly or through its goal or session) with ON DELETE CASCADE, so deleting a client
-- removes all of it.

-- The voortgang score 0-10 of one goal in one session; given again, it is replaced.
CREATE TABLE goal_scores (
    session_id  TEXT NOT NULL REFERENCES therapy_sessions(id) ON DELETE CASCADE,
    goal_id     TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    client_id   TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (session_id, goal_id)
);
CREATE INDEX goal_scores_client ON goal_scores(client_id);

-- A goal's GAS scale: five described levels (JSON array, -2 first), weight, baseline.
CREATE TABLE gas_scales (
    goal_id     TEXT PRIMARY KEY REFERENCES goals(id) ON DELETE CASCADE,
    client_id   TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    levels      TEXT NOT NULL,
    weight      INTEGER CHECK (weight BETWEEN 1 AND 9),
    baseline    INTEGER CHECK (baseline BETWEEN -2 AND 2),
    updated_at  TEXT NOT NULL
);
CREATE INDEX gas_scales_client ON gas_scales(client_id);

-- The status of a subgoal, named by its place in the goal's subgoal list. No row: niet begonnen.
CREATE TABLE subgoal_statuses (
    goal_id     TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL CHECK (idx >= 0),
    client_id   TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('niet_begonnen', 'bezig', 'bereikt')),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (goal_id, idx)
);
CREATE INDEX subgoal_statuses_client ON subgoal_statuses(client_id);

-- An evaluation moment. Its goals with the level reached and the weight at the time.
CREATE TABLE evaluations (
    id                    TEXT PRIMARY KEY,
    client_id             TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    date                  TEXT NOT NULL,
    satisfaction_words    TEXT,
    satisfaction          INTEGER CHECK (satisfaction BETWEEN 0 AND 10),
    discussed_with_client INTEGER NOT NULL,
    notes                 TEXT,
    next_steps            TEXT,
    created_at            TEXT NOT NULL
);
CREATE INDEX evaluations_client ON evaluations(client_id, date);

CREATE TABLE evaluation_goals (
    evaluation_id TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    goal_id       TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    level         INTEGER CHECK (level BETWEEN -2 AND 2),
    weight        INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 9),
    PRIMARY KEY (evaluation_id, goal_id)
);
