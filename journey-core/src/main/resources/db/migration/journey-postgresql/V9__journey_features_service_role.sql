-- The service role's rights on the features tables (V8): features are added as submissions arrive, and recomputed
-- from the events (deleted, then added) when the way they are kept changes; a blocking key's row is locked
-- (SELECT ... FOR UPDATE needs UPDATE).
GRANT SELECT, INSERT, DELETE ON journey_feature TO ${service_role};
GRANT SELECT, INSERT, UPDATE ON match_block TO ${service_role};
