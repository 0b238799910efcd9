-- Least privilege on PostgreSQL: the migrations run as the schema's owner (spring.flyway.user), the services
-- connect as ${service_role}, which may append events and disclosure records and read them, never change or delete
-- them. What the services keep as working state keeps the rights it needs: tracking tokens and dead letters are
-- claimed, moved and removed; a journey's row in the ledger is locked (SELECT ... FOR UPDATE needs UPDATE); the
-- identifier table is recomputed when its digest scheme changes; snapshots replace older ones. Every later migration
-- that adds a table grants on it here alike. The role is made, without a login, if the database administrator has
-- not made it yet (which needs CREATEROLE); give it its login and password in the secret store.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${service_role}') THEN
        CREATE ROLE ${service_role} NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${service_role};

GRANT SELECT, INSERT ON DomainEventEntry TO ${service_role};
GRANT SELECT, INSERT, DELETE ON SnapshotEventEntry TO ${service_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON TokenEntry TO ${service_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON DeadLetterEntry TO ${service_role};

GRANT SELECT, INSERT ON intake_submission TO ${service_role};
GRANT SELECT, INSERT, DELETE ON journey_identifier TO ${service_role};
GRANT SELECT, INSERT, UPDATE ON journey_ledger TO ${service_role};
GRANT SELECT, INSERT ON intake_migration TO ${service_role};

-- The events' global index is an identity column: appending draws from its sequence.
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO ${service_role};
