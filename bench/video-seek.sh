#!/usr/bin/env bash
# Video seeking in a real browser: makes a 20 s WebM and MP4 (about 7 MiB each, ffmpeg), uploads them to the packaged
# service, plays each in a <video> element in headless Chromium and seeks to 17.5 s. Passes when the element lands
# there and the browser fetched the file with Range requests answered 206. Needs a JDK (17 or newer), Maven, curl, jq,
# ffmpeg, Chromium and Node.js 20 or newer. Settings: PORT (18082), DEBUG_PORT (9333), CHROMIUM (chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-18082}"
debug_port="${DEBUG_PORT:-9333}"
chromium="${CHROMIUM:-chromium}"
source bench/lib.sh

build_service

work="$(mktemp -d)"
browser_pid=""
cleanup() {
  stop_service
  if [[ -n "$browser_pid" ]]; then
    kill "$browser_pid" 2>/dev/null || true
    wait "$browser_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

ffmpeg -loglevel error -y -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 -t 20 \
  -c:v libvpx -b:v 3M -deadline realtime -cpu-used 8 -c:a libopus "$work/film.webm"
ffmpeg -loglevel error -y -f lavfi -i testsrc2=size=1280x720:rate=30 -t 20 \
  -c:v libx264 -preset ultrafast -b:v 3M -movflags +faststart "$work/film.mp4"

"$chromium" --headless=new --no-sandbox --disable-gpu --remote-debugging-port="$debug_port" \
  --user-data-dir="$work/browser" about:blank > "$work/browser.log" 2>&1 &
browser_pid=$!
start_service "$work/service"
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$debug_port/json/version" > /dev/null && break
  sleep 0.5
done
token="$(sign_up)"

status=0
for film in film.webm film.mp4; do
  content="$(curl -sf -X POST "$base/api/v1/attachments" -H "Authorization: Bearer $token" -F "file=@$work/$film" \
    | jq -r .content_url)"
  report="$(node --experimental-websocket --no-warnings bench/video-seek.mjs "$debug_port" "$base" "$content" "$token" 17.5)"
  echo "$film"
  echo "$report"
  if ! grep -q '"currentTime":17.5' <<< "$report" || ! grep -q '"status":206' <<< "$report"; then
    echo "$film: seeking did not work" >&2
    status=1
  fi
done
exit "$status"
