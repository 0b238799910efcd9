-- The gateway's intake ledger, in the event store's database so that it is written in the same transaction as
-- the events it accounts for. Portable between H2 2.x and PostgreSQL; "IF NOT EXISTS" adopts an older store.

-- One row per agency submission: the idempotency key (agency, source record id), a keyed digest of its content,
-- the entry it became and when the event store recorded it. A resend finds its row and answers the same; a changed
-- resend finds a different digest.
CREATE TABLE IF NOT EXISTS intake_submission (
    agency           VARCHAR(100) NOT NULL,
    source_record_id VARCHAR(200) NOT NULL,
    content_digest   CHAR(64)     NOT NULL,
    submission_type  VARCHAR(64)  NOT NULL,
    journey_id       UUID         NOT NULL,
    entry_id         UUID         NOT NULL UNIQUE,
    recorded_at      VARCHAR(40),
    PRIMARY KEY (agency, source_record_id)
);

-- Which journey a child's identifier belongs to, keyed by a keyed digest of the identifier (never the identifier).
-- The primary key is what makes concurrent first submissions about one new child open exactly one journey.
CREATE TABLE IF NOT EXISTS journey_identifier (
    digest     CHAR(64) PRIMARY KEY,
    journey_id UUID     NOT NULL
);

-- One row per journey, locked (SELECT ... FOR UPDATE) by every submission to it before the journey's events are
-- loaded: concurrent submissions about one child wait for each other's commit instead of colliding and retrying.
CREATE TABLE IF NOT EXISTS journey_ledger (
    journey_id UUID PRIMARY KEY
);

-- One row per change to how the ledger is kept, made once from the event store (IdentifierMigration): a gateway
-- starting finds here whether its identifier rows follow its digest scheme.
CREATE TABLE IF NOT EXISTS intake_migration (
    name VARCHAR(200) PRIMARY KEY
);
