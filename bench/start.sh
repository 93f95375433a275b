#!/usr/bin/env bash
# Start to ready: how long the packaged service takes from the java command to its first answer on /health, with
# a PostgreSQL already running (one of its own, started here in a throw-away directory, its schema migrated by a
# first start). Starts the service RUNS times without a class archive and RUNS times with the one bin/serve would
# record (see "Measuring speed" in the README), and prints the fastest and the median of each. With STORAGE=memory
# it measures the service on its in-memory storage instead, and needs no PostgreSQL.
# Needs a JDK (17 or newer; JAVA_HOME picks it), Maven, curl and PostgreSQL's server programs (initdb, pg_ctl;
# PG_BIN names their directory when they are not on the PATH). Settings: RUNS (5), PORT (18084), PG_PORT (55439),
# STORAGE (postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-5}"
PORT="${PORT:-18084}"
pg_port="${PG_PORT:-55439}"
pg_bin="${PG_BIN:-$(dirname "$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")}"
source bench/lib.sh
build_service >&2
work="$(mktemp -d)"
chmod 755 "$work"
as_postgres=()
# PostgreSQL refuses to run as root: there it runs as the postgres account
if (( EUID == 0 )); then as_postgres=(runuser -u postgres --); chown postgres "$work"; fi
# as bin/dream-diary does: from JDK 25 an ahead-of-time cache, which also keeps the module graph
if (( $("$java_cmd" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -1) >= 25 )); then
  record="-XX:AOTCacheOutput=$work/classes.aot" use="-XX:AOTCache=$work/classes.aot"
else
  record="-XX:ArchiveClassesAtExit=$work/classes.jsa" use="-XX:SharedArchiveFile=$work/classes.jsa"
fi
if [[ "${STORAGE:-postgres}" == memory ]]; then
  trap 'rm -rf "$work"' EXIT
else
  trap '"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
  "${as_postgres[@]}" "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust > /dev/null
  "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -o "-p $pg_port -k $work" -l "$work/pg.log" -w start > /dev/null
  export DATABASE_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" DATABASE_USER=postgres
fi

# start_once [JVM option]: prints the milliseconds from the java command to the first answer of /health
start_once() {
  local started now
  started=$(date +%s%N)
  JAVA_OPTS="$*" launch_service "$work/service.log" DATA_DIR="$work/data"
  until curl -sf -o /dev/null "$base/health"; do
    if ! kill -0 "$service_pid" 2>/dev/null; then
      tail -5 "$work/service.log" >&2
      exit 1
    fi
    sleep 0.01
  done
  now=$(date +%s%N)
  stop_service
  echo $(( (now - started) / 1000000 ))
}

# summary LABEL MS...: the fastest and the median
summary() {
  local label="$1"
  shift
  local sorted=($(printf '%s\n' "$@" | sort -n))
  printf '%-28s fastest %5d ms   median %5d ms   (%d starts)\n' "$label" "${sorted[0]}" "${sorted[$(( $# / 2 ))]}" $#
}

start_once "$record" > /dev/null  # migrates the schema and records the archive
plain=() shared=()
for _ in $(seq 1 "$runs"); do
  plain+=("$(start_once)")
  shared+=("$(start_once "$use")")
done
"$java_cmd" -version 2>&1 | head -1
summary "without a class archive" "${plain[@]}"
summary "with the class archive" "${shared[@]}"
