#!/usr/bin/env bash
# Throughput cost of the general rate limiter, measured in one run: the same authenticated GET under wrk against
# the service with the limiter on (a limit the load never reaches, so every request is counted and admitted) and
# off (RATE_LIMIT_PER_MINUTE=0), one after the other, each with its own embedded PostgreSQL.
# Needs a JDK (17 or newer), Maven, wrk, curl and jq. Settings: DURATION (15s), CONNECTIONS (32), THREADS (2),
# ROUNDS (1: each round measures off, then on), PORT (18080).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${DURATION:-15s}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
rounds="${ROUNDS:-1}"
port="${PORT:-18080}"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

mvn --quiet -DskipTests package

service_pid=""
data_dir=""
stop_service() {
  if [[ -n "$service_pid" ]]; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
    service_pid=""
  fi
  if [[ -n "$data_dir" ]]; then
    rm -rf "$data_dir"
    data_dir=""
  fi
}
trap stop_service EXIT

# measure LIMIT: starts the service with RATE_LIMIT_PER_MINUTE=LIMIT, loads GET /api/v1/users/me, prints requests/s
measure() {
  local limit="$1"
  data_dir="$(mktemp -d)"
  PORT="$port" DATA_DIR="$data_dir" RATE_LIMIT_PER_MINUTE="$limit" \
    "$java_cmd" --module-path bootstrap/target/modules --add-modules ALL-MODULE-PATH \
    --module org.dreamdiary.bootstrap/org.dreamdiary.bootstrap.Main > "$data_dir.log" 2>&1 &
  service_pid=$!
  local waited=0
  until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do
    if ! kill -0 "$service_pid" 2>/dev/null || (( waited >= 300 )); then
      echo "the service did not start within 150 s:" >&2
      tail -5 "$data_dir.log" >&2
      exit 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  local token
  token="$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/users" -H 'Content-Type: application/json' \
    -d "{\"username\": \"bench_$RANDOM\", \"password\": \"correct horse battery staple\"}" | jq -r .access_token)"
  # a short warm-up, then the measured run
  wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/users/me" > /dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/users/me" | tee "$data_dir.wrk" >&2
  awk '/Requests\/sec/ {print $2}' "$data_dir.wrk"
  rm -f "$data_dir.log" "$data_dir.wrk"
  stop_service
}

for round in $(seq 1 "$rounds"); do
  off="$(measure 0)"
  on="$(measure 100000000)"
  echo "round $round: limiter off $off req/s, limiter on $on req/s"
done
