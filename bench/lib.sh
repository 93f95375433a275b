# Shared by the bench scripts (sourced, not run): builds the packaged service and runs it on PORT (set before
# sourcing) against the embedded PostgreSQL of a throw-away data directory. Needs a JDK (17 or newer), Maven,
# curl and jq.
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
base="http://127.0.0.1:$PORT"
service_pid=""

build_service() {
  mvn --quiet -DskipTests package
}

# launch_service LOG [NAME=value ...]: starts the packaged service in the background with the given settings, its
# output in LOG; its JVM takes bin/jvm.options, then JAVA_OPTS (a flight recording, say)
launch_service() {
  local log="$1"
  shift
  env PORT="$PORT" "$@" "$java_cmd" @bin/jvm.options ${JAVA_OPTS:-} --module-path bootstrap/target/modules \
    --add-modules ALL-MODULE-PATH --module org.dreamdiary.bootstrap/org.dreamdiary.bootstrap.Main > "$log" 2>&1 &
  service_pid=$!
}

# start_service DIR [NAME=value ...]: launches the service with DATA_DIR=DIR and the given settings, its output in
# DIR.log, and waits until it answers /health
start_service() {
  local dir="$1"
  shift
  launch_service "$dir.log" DATA_DIR="$dir" "$@"
  local waited=0
  until curl -sf "$base/health" > /dev/null; do
    if ! kill -0 "$service_pid" 2>/dev/null || (( waited >= 300 )); then
      echo "the service did not start within 150 s:" >&2
      tail -5 "$dir.log" >&2
      exit 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
}

stop_service() {
  if [[ -n "$service_pid" ]]; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
    service_pid=""
  fi
}

# prints the access token of a new account
sign_up() {
  curl -sf -X POST "$base/api/v1/users" -H 'Content-Type: application/json' \
    -d "{\"username\": \"bench_$RANDOM$RANDOM\", \"password\": \"correct horse battery staple\"}" | jq -r .access_token
}
