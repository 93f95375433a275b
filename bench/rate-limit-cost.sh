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
PORT="${PORT:-18080}"
source bench/lib.sh

build_service

trap stop_service EXIT

# measure LIMIT: starts the service with RATE_LIMIT_PER_MINUTE=LIMIT, loads GET /api/v1/users/me, prints requests/s
measure() {
  data_dir="$(mktemp -d)"
  start_service "$data_dir" RATE_LIMIT_PER_MINUTE="$1"
  local token
  token="$(sign_up)"
  # a short warm-up, then the measured run
  wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer $token" "$base/api/v1/users/me" > /dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" -H "Authorization: Bearer $token" \
    "$base/api/v1/users/me" | tee "$data_dir.wrk" >&2
  awk '/Requests\/sec/ {print $2}' "$data_dir.wrk"
  stop_service
  rm -rf "$data_dir" "$data_dir.log" "$data_dir.wrk"
}

for round in $(seq 1 "$rounds"); do
  off="$(measure 0)"
  on="$(measure 100000000)"
  echo "round $round: limiter off $off req/s, limiter on $on req/s"
done
