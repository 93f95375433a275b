#!/usr/bin/env bash
# Attachment throughput over loopback: upload and download of a 10 MiB file (MiB/s, curl's own timing), and the time
# of a Range read of the last 64 KiB of it, against the packaged service on its embedded PostgreSQL (or the file
# store: BLOB_STORE=files). Needs a JDK (17 or newer), Maven, curl and jq.
# Settings: ROUNDS (3), PORT (18081), BLOB_STORE (postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-3}"
port="${PORT:-18081}"
store="${BLOB_STORE:-postgres}"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
base="http://127.0.0.1:$port"
size=$((10 * 1024 * 1024))

mvn --quiet -DskipTests package

data_dir="$(mktemp -d)"
service_pid=""
stop_service() {
  if [[ -n "$service_pid" ]]; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  rm -rf "$data_dir"
}
trap stop_service EXIT

# a PNG of exactly 10 MiB: a valid header, then random bytes
file="$data_dir/bench.png"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x04\x00\x00\x00\x03\x00\x08\x02\x00\x00\x00\x00\x00\x00\x00' > "$file"
head -c $((size - 33)) /dev/urandom >> "$file"

PORT="$port" DATA_DIR="$data_dir/service" BLOB_STORE="$store" \
  "$java_cmd" --module-path bootstrap/target/modules --add-modules ALL-MODULE-PATH \
  --module org.dreamdiary.bootstrap/org.dreamdiary.bootstrap.Main > "$data_dir/service.log" 2>&1 &
service_pid=$!
waited=0
until curl -sf "$base/health" > /dev/null; do
  if ! kill -0 "$service_pid" 2>/dev/null || (( waited >= 300 )); then
    echo "the service did not start within 150 s:" >&2
    tail -5 "$data_dir/service.log" >&2
    exit 1
  fi
  sleep 0.5
  waited=$((waited + 1))
done
token="$(curl -sf -X POST "$base/api/v1/users" -H 'Content-Type: application/json' \
  -d "{\"username\": \"bench_$RANDOM\", \"password\": \"correct horse battery staple\"}" | jq -r .access_token)"
auth="Authorization: Bearer $token"

mib_per_s() { awk -v bytes="$1" -v seconds="$2" 'BEGIN { printf "%.1f", bytes / 1048576 / seconds }'; }

echo "10 MiB file, BLOB_STORE=$store, $rounds rounds"
for round in $(seq 1 "$rounds"); do
  answer="$(curl -sf -X POST "$base/api/v1/attachments" -H "$auth" -F "file=@$file;type=image/png" \
    -w '\n%{time_total}')"
  upload_seconds="$(tail -1 <<< "$answer")"
  content="$(head -1 <<< "$answer" | jq -r .content_url)"
  download_seconds="$(curl -sf -o /dev/null "$base$content" -H "$auth" -w '%{time_total}')"
  range="$(curl -sf -o /dev/null "$base$content" -H "$auth" -H 'Range: bytes=-65536' -w '%{http_code} %{time_total}')"
  echo "round $round: upload $(mib_per_s "$size" "$upload_seconds") MiB/s, download $(mib_per_s "$size" "$download_seconds") MiB/s," \
    "Range of the last 64 KiB ${range#* } s (status ${range%% *})"
done
