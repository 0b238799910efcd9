#!/bin/sh
# Run once by the events-db container on an empty data directory: the role both services connect as. The schema's
# owner (journey_owner) runs the migrations, which grant this role only what it needs (docs/deployment.md).
set -eu
password="$(cat /run/secrets/events_service_password)"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$password" <<'SQL'
CREATE ROLE journey_service LOGIN PASSWORD :'password';
SQL
