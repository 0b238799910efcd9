# Runs one of the query API jar's commands (a main class) against the event store's database, as infra/bin/up runs
# the services: the embedded store in $JOURNEY_DATA_DIR (default <repo>/.local) with its generated password, or
# JOURNEY_DATASOURCE_URL, _USERNAME and _PASSWORD (PostgreSQL). Sourced by verify-chain, export-record, import-record.
#
#   query_command <name> <main class> [arguments...]
query_command() {
  local name="$1" main="$2" root data_dir jar="" candidate url user password
  shift 2
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
  data_dir="${JOURNEY_DATA_DIR:-$root/.local}"
  for candidate in "$root"/query-api/target/query-api-*exec.jar; do
    [[ -f "$candidate" ]] && { [[ -z "$jar" || "$candidate" -nt "$jar" ]] && jar="$candidate"; }
  done
  [[ -n "$jar" ]] || { echo "$name: no query-api jar in $root/query-api/target (build it first)" >&2; return 2; }
  if [[ -n "${JOURNEY_DATASOURCE_URL:-}" ]]; then
    url="$JOURNEY_DATASOURCE_URL" user="${JOURNEY_DATASOURCE_USERNAME:-}" password="${JOURNEY_DATASOURCE_PASSWORD:-}"
  else
    # An import makes a new store; everything else needs the one there is.
    [[ "$name" == import-record || -f "$data_dir/events/journey.mv.db" ]] \
      || { echo "$name: no event store in $data_dir" >&2; return 2; }
    # AUTO_SERVER: through the running gateway's server, or opening the file itself when nothing runs.
    url="jdbc:h2:file:$data_dir/events/journey;AUTO_SERVER=TRUE" user=sa
    password="$(cat "$data_dir/secrets/event-store-password" 2>/dev/null || true)"
  fi
  SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME="$user" SPRING_DATASOURCE_PASSWORD="$password" \
    java -Daxoniq.update-checker.disabled=true -cp "$jar" -Dloader.main="$main" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}
