#!/usr/bin/env bash
# Speed of the chat routes under load, beside the ceiling PostgreSQL sets for the same work. Builds the packaged
# service, starts it on its embedded PostgreSQL in a throw-away data directory, seeds through the API (two users, a
# chat of 1,000 messages to read, another chat to post to) and, per scenario, loads the service with wrk (a warm-up,
# then the measured run), then replays with pgbench the SQL that one request of the scenario sends, captured from
# PostgreSQL's statement log, with the same parameters and concurrency. Prints one table: requests a second, p50,
# p99, failures, CPU seconds of the service and of PostgreSQL during the measured run, the service's peak RSS,
# pgbench's transactions a second and service ÷ ceiling.
# Needs a JDK (17 or newer; JAVA_HOME picks it), Maven, wrk, curl, jq, psql and pgbench.
# Settings: DURATION (15, seconds), WARMUP (5, seconds), CONNECTIONS (64), THREADS (2: wrk's and pgbench's -j),
# CEILING_CLIENTS (pgbench's clients, CONNECTIONS by default), PORT (18083), RATE_LIMIT_PER_MINUTE (100000000: the
# limiter counts every request but refuses none), SCENARIOS ("post get mixed me": which to run, in that order);
# other settings of the service (DATABASE_POOL_SIZE, JDK_JAVA_OPTIONS, ...) pass through from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${DURATION:-15}"
warmup="${WARMUP:-5}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
ceiling_clients="${CEILING_CLIENTS:-$connections}"
PORT="${PORT:-18083}"
rate_limit="${RATE_LIMIT_PER_MINUTE:-100000000}"
scenarios="${SCENARIOS:-post get mixed me}"
for name in $scenarios; do
  if [[ " post get mixed me " != *" $name "* ]]; then
    echo "unknown scenario $name (SCENARIOS takes post, get, mixed, me)" >&2
    exit 2
  fi
done
read_chat_messages=1000
# Statements the service sends on its own rather than for a request: the limiter's once-a-second flush of its
# counts, the chat-event listener loading the messages it was notified of, and the listener's ping every 250 ms
# that tells the session cache it has heard every end of a session. The listener does both in the pgbench runs
# too, since pgbench's pg_notify reaches it as the service's own does.
background_sql='^INSERT INTO request_counts |^SELECT .* FROM messages m WHERE m\.id = ANY\(|^SELECT 1$'
unset DATABASE_URL
source bench/lib.sh

build_service >&2
work="$(mktemp -d)"
trap 'stop_service; rm -rf "$work"' EXIT
data="$work/service"
pg_data="$data/postgres"

# db COMMAND ARGS...: runs a PostgreSQL client against the service's embedded PostgreSQL as its superuser
db() {
  env PGHOST=127.0.0.1 PGPORT="$(sed -n 4p "$pg_data/postmaster.pid")" PGUSER=postgres PGDATABASE=postgres \
    PGPASSWORD="$(< "$data/postgres-password")" PGAPPNAME=speed-bench "$@"
}
sql() { db psql -X -Atq -v ON_ERROR_STOP=1 -c "$1"; }

# The embedded PostgreSQL's output is read only while it starts, so the statements are captured from a log file of
# its own: the first start makes the database, the second starts it
# with its logging collector on (a setting read only at start), writing JSON lines under $pg_data/log.
start_service "$data" RATE_LIMIT_PER_MINUTE="$rate_limit"
sql "ALTER SYSTEM SET logging_collector = on"
sql "ALTER SYSTEM SET log_destination = 'jsonlog'"
stop_service
start_service "$data" RATE_LIMIT_PER_MINUTE="$rate_limit"
ready="$(sed -n 's/.*Dream Diary is listening on port [0-9]* (\([0-9]*\) ms after start).*/\1/p' "$data.log")"
postmaster="$(head -1 "$pg_data/postmaster.pid")"

# ---- seed through the API
token="$(sign_up)"
auth="Authorization: Bearer $token"
member_id="$(curl -sf "$base/api/v1/users/me" -H "Authorization: Bearer $(sign_up)" | jq -r .id)"
new_chat() {
  curl -sf -X POST "$base/api/v1/chats" -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"title\": \"$1\", \"member_ids\": [\"$member_id\"]}" | jq -r .id
}
read_chat="$(new_chat 'read by the speed benchmark')"
post_chat="$(new_chat 'posted to by the speed benchmark')"
# the messages to read, sent in one curl over one connection
for i in $(seq 1 "$read_chat_messages"); do
  (( i == 1 )) || echo next
  printf 'url = "%s"\nrequest = "POST"\nheader = "%s"\nheader = "Content-Type: application/json"\n' \
    "$base/api/v1/chats/$read_chat/messages" "$auth"
  printf 'data = "{\\"text\\": \\"message %d of the chat the speed benchmark reads\\"}"\n' "$i"
  printf 'output = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n'
done > "$work/seed.curl"
created="$(curl -s -K "$work/seed.curl" | grep -c '^201$' || true)"
if (( created != read_chat_messages )); then
  echo "seeding: $created of $read_chat_messages messages were created" >&2
  exit 1
fi

# ---- capture the SQL of one request of each kind from PostgreSQL's statement log
read -r -d '' statements_jq <<'JQ' || true
# the statements logged between two marks, each with its parameters (null for NULL), the service's own omitted
(map(.message) | index($from)) as $start
| (map(.message) | index($to)) as $stop
| .[$start + 1:$stop]
| map(select(.application_name != "speed-bench" and (.message | test("^(execute [^:]*|statement): .")))
      | {sql: (.message | sub("^(execute [^:]*|statement): "; "")),
         params: [(.detail // "") | match("\\$[0-9]+ = (NULL|'(?:[^']|'')*')"; "g") | .captures[0].string
                  | if . == "NULL" then null else .[1:-1] | gsub("''"; "'") end]})
| map(select(.sql | test($background) | not))
JQ
read -r -d '' replay_jq <<'JQ' || true
# a pgbench script replaying two captures of one request: a parameter both requests sent alike becomes a pgbench
# variable (-D name=value); one that differs and is a UUID is the new row's id, made by $fresh in PostgreSQL;
# one that differs otherwise (a time, a payload) keeps the first request's value
[$first[0], $second[0]] | transpose | to_entries
| map(.key as $i | .value[0] as $a | .value[1] as $b
      | reduce range(0; $a.params | length) as $j ({sql: $a.sql, vars: []};
          "\($prefix)_s\($i + 1)p\($j + 1)" as $name
          | (if $a.params[$j] == null then "NULL"
             elif $a.params[$j] != $b.params[$j]
                  and ($a.params[$j] | test("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
             then $fresh
             else ":" + $name end) as $value
          | .sql |= gsub("\\$\($j + 1)(?![0-9])"; $value)
          | if $value == ":" + $name then .vars += ["\($name)=\($a.params[$j])"] else . end))
| {script: (map(.sql + ";") | join("\n")), vars: map(.vars[])}
JQ

# mark LABEL: logs a statement naming LABEL and waits until the log file shows it; prints the logged message
mark() {
  local text="speed-bench mark $1"
  sql "SELECT '$text'" > /dev/null
  local waited=0
  until cat "$pg_data"/log/*.json 2>/dev/null | grep -qF "$text'"; do
    if (( waited >= 100 )); then
      echo "PostgreSQL's log did not show \"$text\" within 10 s" >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "statement: SELECT '$text'"
}

# capture NAME CURL_ARGS...: the SQL of one request, as $work/NAME.sql (pgbench script) and $work/NAME.vars
# (-D settings). The request is captured twice, until two captures in a row send the same statements.
capture() {
  local name="$1" attempt round
  shift
  for attempt in 1 2 3 4 5; do
    for round in first second; do
      local from to
      from="$(mark "$name $attempt $round begins")"
      curl -sf -o /dev/null "$@" -H "$auth" || { echo "capturing $name: the request failed" >&2; exit 1; }
      to="$(mark "$name $attempt $round ends")"
      cat "$pg_data"/log/*.json | jq -s --arg from "$from" --arg to "$to" --arg background "$background_sql" \
        "$statements_jq" > "$work/$name.$round.json"
    done
    if jq -e -n --slurpfile first "$work/$name.first.json" --slurpfile second "$work/$name.second.json" \
        '($first[0] | map(.sql)) == ($second[0] | map(.sql)) and ($first[0] | length) > 0' > /dev/null; then
      jq -n --slurpfile first "$work/$name.first.json" --slurpfile second "$work/$name.second.json" \
        --arg prefix "$name" --arg fresh "$fresh_id" "$replay_jq" > "$work/$name.replay.json"
      jq -r .script "$work/$name.replay.json" > "$work/$name.sql"
      jq -r '.vars[]' "$work/$name.replay.json" > "$work/$name.vars"
      return
    fi
  done
  echo "capturing $name: five pairs of captures disagreed; the last two were:" >&2
  cat "$work/$name.first.json" "$work/$name.second.json" >&2
  exit 1
}

if (( $(sql "SHOW server_version_num") >= 180000 )); then fresh_id="uuidv7()"; else fresh_id="gen_random_uuid()"; fi
sql "ALTER SYSTEM SET log_statement = 'all'"
sql "SELECT pg_reload_conf()" > /dev/null
capture post -X POST "$base/api/v1/chats/$post_chat/messages" -H 'Content-Type: application/json' \
  -d '{"text": "a message posted by the speed benchmark"}'
capture get "$base/api/v1/chats/$read_chat?limit=20"
capture me "$base/api/v1/users/me"
sql "ALTER SYSTEM RESET log_statement"
sql "SELECT pg_reload_conf()" > /dev/null

# ---- measure
clock_ticks="$(getconf CLK_TCK)"
# stat_fields PID: the fields of /proc/PID/stat after the command name (state first), or nothing once it is gone
stat_fields() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  echo "${stat##*) }"
}
# service_ticks: CPU (user + system) the service's JVM has used, in clock ticks
service_ticks() {
  local f
  read -r -a f <<< "$(stat_fields "$service_pid")"
  echo $((f[11] + f[12]))
}
# postgres_ticks: CPU of the postmaster, of its children alive now, and of those it has reaped
postgres_ticks() {
  local f total child
  read -r -a f <<< "$(stat_fields "$postmaster")"
  total=$((f[11] + f[12] + f[13] + f[14]))
  for child in $(ps -o pid= --ppid "$postmaster"); do
    read -r -a f <<< "$(stat_fields "$child")"
    if (( ${#f[@]} > 12 )); then
      total=$((total + f[11] + f[12]))
    fi
  done
  echo "$total"
}
cpu_seconds() { awk -v ticks="$1" -v hz="$clock_ticks" 'BEGIN { printf "%.1f", ticks / hz }'; }
peak_rss_mib() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$service_pid/status"; }

# load SECONDS READ_PATH POST_PATH POST_SHARE: wrk against the service; prints wrk's output
load() {
  env SPEED_TOKEN="$token" SPEED_READ_PATH="$2" SPEED_POST_PATH="$3" SPEED_POST_SHARE="$4" \
    wrk -t"$threads" -c"$connections" -d"$1s" --timeout 10s -s bench/speed.lua "$base"
}

# ceiling SECONDS SCRIPT@WEIGHT...: pgbench replaying the captured scripts; prints pgbench's output
ceiling() {
  local seconds="$1" args=() spec name
  shift
  for spec in "$@"; do
    name="${spec%@*}"
    args+=(-f "$work/$name.sql@${spec#*@}")
    while IFS= read -r var; do args+=(-D "$var"); done < "$work/$name.vars"
  done
  db pgbench -n -M prepared -c "$ceiling_clients" -j "$threads" -T "$seconds" "${args[@]}" 2>&1
}

rows=()
# scenario TITLE READ_PATH POST_PATH POST_SHARE SCRIPT@WEIGHT...
scenario() {
  local title="$1" read_path="$2" post_path="$3" share="$4" service_before postgres_before service_cpu postgres_cpu
  shift 4
  echo "$title: warm-up ${warmup} s, then ${duration} s" >&2
  load "$warmup" "$read_path" "$post_path" "$share" > /dev/null
  service_before="$(service_ticks)"
  postgres_before="$(postgres_ticks)"
  load "$duration" "$read_path" "$post_path" "$share" > "$work/wrk.out"
  service_cpu="$(cpu_seconds $(($(service_ticks) - service_before)))"
  postgres_cpu="$(cpu_seconds $(($(postgres_ticks) - postgres_before)))"
  local requests duration_us p50 p99 status_errors socket_errors
  if ! grep -q '^speed-result ' "$work/wrk.out"; then
    cat "$work/wrk.out" >&2
    exit 1
  fi
  read -r _ requests duration_us p50 p99 status_errors socket_errors < <(grep '^speed-result ' "$work/wrk.out")
  local rate
  rate="$(awk -v n="$requests" -v us="$duration_us" 'BEGIN { printf "%.0f", n / (us / 1e6) }')"

  echo "$title: pgbench, warm-up ${warmup} s, then ${duration} s" >&2
  ceiling "$warmup" "$@" > /dev/null
  postgres_before="$(postgres_ticks)"
  ceiling "$duration" "$@" > "$work/pgbench.out" || { cat "$work/pgbench.out" >&2; exit 1; }
  local ceiling_cpu tps failed
  ceiling_cpu="$(cpu_seconds $(($(postgres_ticks) - postgres_before)))"
  tps="$(awk '/^tps = / { printf "%.0f", $3 }' "$work/pgbench.out")"
  failed="$(awk '/^number of failed transactions:/ && $5 != 0 { print " (" $5 " failed)" }' "$work/pgbench.out")"
  rows+=("$(printf '| %s | %s | %.1f | %.1f | %s | %s | %s | %s | %s | %s%s | %s | %s %% |' "$title" "$rate" \
    "$(awk -v us="$p50" 'BEGIN { print us / 1000 }')" "$(awk -v us="$p99" 'BEGIN { print us / 1000 }')" \
    "$status_errors" "$socket_errors" "$service_cpu" "$postgres_cpu" "$(peak_rss_mib)" "$tps" \
    "$failed" "$ceiling_cpu" "$(awk -v a="$rate" -v b="$tps" 'BEGIN { printf "%.0f", 100 * a / b }')")")
}

for name in $scenarios; do
  case "$name" in
    post) scenario "POST /api/v1/chats/{id}/messages, one chat" "" "/api/v1/chats/$post_chat/messages" 1 post@1 ;;
    get) scenario "GET /api/v1/chats/{id}?limit=20, $read_chat_messages messages" "/api/v1/chats/$read_chat?limit=20" \
      "" 0 get@1 ;;
    mixed) scenario "mixed: 80 % GET as above, 20 % POST to the other chat" "/api/v1/chats/$read_chat?limit=20" \
      "/api/v1/chats/$post_chat/messages" 0.2 get@80 post@20 ;;
    me) scenario "GET /api/v1/users/me" "/api/v1/users/me" "" 0 me@1 ;;
  esac
done

java_version="$("$java_cmd" -version 2>&1 | head -1)"
echo
echo "$java_version; $connections connections (pgbench: $ceiling_clients clients), $threads wrk/pgbench threads, ${duration} s after a ${warmup} s warm-up;" \
  "$(nproc) cores; the service was ready ${ready:-?} ms after its start (its PostgreSQL's start included)"
echo
echo "| scenario | req/s | p50 ms | p99 ms | status ≥ 400 | socket errors | service CPU s | PostgreSQL CPU s | peak RSS MiB | pgbench tx/s | PostgreSQL CPU s under pgbench | service ÷ ceiling |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "peak RSS: the service's VmHWM after the scenario (its peak since start). The SQL replayed per request:"
for name in post get me; do
  echo "- $name: $(grep -c . "$work/$name.sql") statements"
  sed 's/^/    /' "$work/$name.sql"
done
