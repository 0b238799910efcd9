-- The service role's rights on the features table (V8): features are added as submissions arrive, and recomputed
-- from the events (deleted, then added) when the way they are kept changes.
GRANT SELECT, INSERT, DELETE ON journey_feature TO ${service_role};
