-- The demographic features of each journey's child, as keyed digests only (never a name, a date or a postcode):
-- matching finds candidates by them (blocking keys) and compares candidates by them when a submission's identifiers
-- match no journey (org.childjourney.core.matching). A journey keeps each description of the child that a submission
-- gave and the record was sure of, whole: its features are compared together, never mixed with another's. One row
-- per journey, description and kind of feature. The kind is stored in clear; it names a feature, not a value.
CREATE TABLE IF NOT EXISTS journey_feature (
    journey_id  UUID        NOT NULL,
    description CHAR(64)    NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    digest      CHAR(64)    NOT NULL,
    PRIMARY KEY (journey_id, description, kind)
);

CREATE INDEX IF NOT EXISTS journey_feature_by_digest ON journey_feature (digest);

-- One row per blocking key a submission was matched by, locked (SELECT ... FOR UPDATE) while it is matched and
-- placed: two submissions about one new child, without identifiers the record knows, queue instead of opening two
-- journeys unseen.
CREATE TABLE IF NOT EXISTS match_block (
    digest CHAR(64) PRIMARY KEY
);
