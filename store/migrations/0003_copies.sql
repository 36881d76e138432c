-- Copies: a file whose events are those of a file ingested before, in
-- other bytes (line endings changed by an ASCII-mode transfer, block
-- padding, CSV quoting, XML layout, another name). Its content hash is
-- new, so it is read, but its events are not stored twice: its ingest
-- row names the file it copies and stores nothing.
ALTER TABLE ingests ADD COLUMN events_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE ingests ADD COLUMN copy_of BIGINT REFERENCES ingests (id);
CREATE INDEX ingests_events_digest ON ingests (events_digest);
