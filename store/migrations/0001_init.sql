-- The first schema: ingests, the events and records they brought, and the
-- references events are found by. Plain types only, so that the same file
-- runs on SQLite and PostgreSQL: {{ID}} is the one dialect word (SQLite's
-- INTEGER PRIMARY KEY, the rowid itself; PostgreSQL's BIGINT PRIMARY KEY),
-- amounts and dates are TEXT (decimal strings and YYYY-MM-DD, which sort as
-- dates), booleans SMALLINT 0/1. Ids are given by payinv, not the database.

CREATE TABLE ingests (
    id          {{ID}},
    file        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    kind        TEXT NOT NULL,       -- events | records
    count       BIGINT NOT NULL,
    problems    BIGINT NOT NULL,
    ingested_at TEXT NOT NULL,       -- RFC 3339, UTC
    UNIQUE (sha256, kind)
);

CREATE TABLE events (
    id              {{ID}},
    ingest_id       BIGINT NOT NULL REFERENCES ingests (id),
    source_file     TEXT NOT NULL,
    line            BIGINT NOT NULL,
    rail            TEXT NOT NULL,
    format          TEXT NOT NULL,
    kind            TEXT NOT NULL,
    direction       TEXT NOT NULL,
    amount          TEXT NOT NULL,   -- decimal string, never a float
    currency        TEXT NOT NULL,
    effective_date  TEXT,            -- YYYY-MM-DD, NULL when unknown
    settlement_date TEXT,
    json            TEXT NOT NULL    -- payment.Event.AppendJSON, unmasked
);
CREATE INDEX events_ingest ON events (ingest_id);
CREATE INDEX events_settlement_date ON events (settlement_date);

CREATE TABLE refs (
    event_id BIGINT NOT NULL REFERENCES events (id),
    name     TEXT NOT NULL,          -- as in JSON: trace, uetr, imad ...
    value    TEXT NOT NULL,          -- trimmed, upper case
    original SMALLINT NOT NULL       -- 1: a reference to the payment an answer refers to
);
CREATE INDEX refs_value ON refs (value);

CREATE TABLE records (
    id            {{ID}},
    ingest_id     BIGINT NOT NULL REFERENCES ingests (id),
    source_file   TEXT NOT NULL,
    line          BIGINT NOT NULL,
    record_id     TEXT NOT NULL,
    customer_id   TEXT NOT NULL,
    type          TEXT NOT NULL,     -- deposit | withdrawal
    rail          TEXT NOT NULL,
    amount        TEXT NOT NULL,
    currency      TEXT NOT NULL,
    created_at    TEXT NOT NULL,     -- RFC 3339 with its zone, as read
    status        TEXT NOT NULL,
    reference     TEXT NOT NULL,
    account_last4 TEXT NOT NULL,
    name          TEXT NOT NULL
);
CREATE INDEX records_ingest ON records (ingest_id);
CREATE INDEX records_record_id ON records (record_id);
CREATE INDEX records_reference ON records (reference);
