-- Household submissions (the contract's subjects and adults): one intake_submission row per submission, as for any
-- other, naming its household (its journey_id and entry_id are the first child's); and one row per child here, in the
-- order the submission named the children, so that a resend answers every child's entry and a later submission can
-- name one child's entry by its entry id. Portable between H2 2.x and PostgreSQL.
ALTER TABLE intake_submission ADD COLUMN IF NOT EXISTS household_reference UUID;

CREATE TABLE IF NOT EXISTS intake_household_entry (
    entry_id         UUID         PRIMARY KEY,
    agency           VARCHAR(100) NOT NULL,
    source_record_id VARCHAR(200) NOT NULL,
    child            INT          NOT NULL,
    journey_id       UUID         NOT NULL,
    UNIQUE (agency, source_record_id, child)
);
