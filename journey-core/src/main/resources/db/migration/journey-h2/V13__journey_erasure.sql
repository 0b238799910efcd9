-- Erasure of a journey (ADR 0015): on PostgreSQL a function the service role may call, running as the schema's
-- owner. The embedded store has no roles to keep apart: the query API deletes the same rows itself
-- (LedgerErasure). Kept so that both vendors' histories count the same versions.
SELECT 1;
