-- The demographic features of each journey's child, as keyed digests only (never a name, a date or a postcode):
-- matching finds candidates by them (blocking keys) and compares candidates by them when a submission's identifiers
-- match no journey (org.childjourney.core.matching). One row per journey, kind and digest: a journey keeps every
-- value any submission about it gave. The kind is stored in clear; it names a feature, not a value.
CREATE TABLE IF NOT EXISTS journey_feature (
    journey_id UUID        NOT NULL,
    kind       VARCHAR(32) NOT NULL,
    digest     CHAR(64)    NOT NULL,
    PRIMARY KEY (journey_id, kind, digest)
);

CREATE INDEX IF NOT EXISTS journey_feature_by_digest ON journey_feature (digest);
