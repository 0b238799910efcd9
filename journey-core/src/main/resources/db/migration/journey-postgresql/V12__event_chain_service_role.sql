-- The service role's rights on the event chain (V11): links and checkpoints are appended and read, never changed
-- or deleted, like the events they chain.
GRANT SELECT, INSERT ON event_chain TO ${service_role};
GRANT SELECT, INSERT ON chain_checkpoint TO ${service_role};
