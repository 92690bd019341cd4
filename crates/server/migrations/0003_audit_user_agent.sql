-- The audit log also keeps the caller's user agent (cut to 256 characters by the server).
-- Older rows have none. ALTER TABLE ADD COLUMN changes no existing row, so the append-only
-- triggers are not involved.
ALTER TABLE audit_events ADD COLUMN user_agent TEXT;
