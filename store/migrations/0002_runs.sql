-- Reconciliation runs: a manifest of every payinv match --db (what it read,
-- with the files' hashes, its options and payinv's version, what it
-- counted) and the breaks it reported, so that a report can be reproduced
-- and audited, and a nightly run can say what changed since the last one.
-- Plain types only, like 0001; ids are given by payinv.

CREATE TABLE runs (
    id             {{ID}},
    started_at     TEXT NOT NULL,    -- RFC 3339, UTC
    finished_at    TEXT NOT NULL,
    version        TEXT NOT NULL,    -- payinv's version
    as_of          TEXT NOT NULL,    -- YYYY-MM-DD
    options        TEXT NOT NULL,    -- JSON: window, rails, rules, map ...
    records_file   TEXT NOT NULL,
    records_sha256 TEXT NOT NULL,    -- '' when the records came on standard input
    records        BIGINT NOT NULL,  -- records reconciled
    events         BIGINT NOT NULL,  -- events read, stored and from files
    breaks         BIGINT NOT NULL
);

CREATE TABLE run_inputs (
    run_id BIGINT NOT NULL REFERENCES runs (id),
    seq    BIGINT NOT NULL,          -- the order they were given in
    file   TEXT NOT NULL,            -- the file's name; the store's, for kind store
    sha256 TEXT NOT NULL,            -- '' for the store and standard input
    kind   TEXT NOT NULL,            -- events | records | store
    count  BIGINT NOT NULL           -- for store: the stored events read
);
CREATE INDEX run_inputs_run ON run_inputs (run_id);

CREATE TABLE run_breaks (
    run_id    BIGINT NOT NULL REFERENCES runs (id),
    seq       BIGINT NOT NULL,       -- the order the report lists them in
    record_id TEXT NOT NULL,         -- '' for a story no record claims
    source    TEXT NOT NULL,         -- such a story's first event, file:line; '' for a record
    status    TEXT NOT NULL,
    why       TEXT NOT NULL
);
CREATE INDEX run_breaks_run ON run_breaks (run_id);
