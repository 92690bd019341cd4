-- Kindermodus can also show the client's own gallery (issue 25): a lock then shows no work form
-- (work_form stays the one it was started from) and allows only the gallery's reads.
ALTER TABLE kiosk_locks ADD COLUMN view TEXT NOT NULL DEFAULT 'werkvorm' CHECK (view IN ('werkvorm', 'galerij'));
