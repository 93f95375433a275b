#!/usr/bin/env bash
# Attachment throughput over loopback: upload and download of a 10 MiB file (MiB/s, curl's own timing), and the time
# of a Range read of the last 64 KiB of it, against the packaged service on its embedded PostgreSQL (or the file
# store: BLOB_STORE=files). Needs a JDK (17 or newer), Maven, curl and jq.
# Settings: ROUNDS (3), PORT (18081), BLOB_STORE (postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-3}"
PORT="${PORT:-18081}"
store="${BLOB_STORE:-postgres}"
size=$((10 * 1024 * 1024))
source bench/lib.sh

build_service
work="$(mktemp -d)"
trap 'stop_service; rm -rf "$work"' EXIT

# a PNG of exactly 10 MiB: a valid header, then random bytes
file="$work/bench.png"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x04\x00\x00\x00\x03\x00\x08\x02\x00\x00\x00\x00\x00\x00\x00' > "$file"
head -c $((size - 33)) /dev/urandom >> "$file"

start_service "$work/service" BLOB_STORE="$store"
token="$(sign_up)"
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
