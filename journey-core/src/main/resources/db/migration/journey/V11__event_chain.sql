-- Tamper evidence (docs/tamper-evidence.md): every event of DomainEventEntry, the disclosure records among them, is
-- chained by the query API as it is appended. A link's hash is SHA-256 over the link before and the event's stored
-- row; links are numbered in the order they were chained, which the store's positions are not (they are handed out
-- before their appends commit). Checkpoints are the chain at every so many links, for export. Append-only, like the
-- events: the services may insert and read these rows, never change them (V12 on PostgreSQL).

CREATE TABLE IF NOT EXISTS event_chain (
    link         BIGINT      NOT NULL PRIMARY KEY,
    global_index BIGINT      NOT NULL UNIQUE,
    link_hash    VARCHAR(64) NOT NULL
);

CREATE TABLE IF NOT EXISTS chain_checkpoint (
    link         BIGINT      NOT NULL PRIMARY KEY,
    global_index BIGINT      NOT NULL,
    link_hash    VARCHAR(64) NOT NULL,
    made_at      VARCHAR(40) NOT NULL
);
