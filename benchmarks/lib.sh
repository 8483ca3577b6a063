# Shared by the benchmark scripts (bash): find a JDK, build the jar if needed, start Credence on a
# fresh data directory and a free port, wait for health, stop it. Sourced, not run.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. ./.mvn/select-jdk.sh
JAVA="$JAVA_HOME/bin/java"
JAR=${CREDENCE_JAR:-workbench-ui/target/credence.jar}
BENCH_PASSWORD=bench-demo-password
BENCH_KEY=bench-loan-system-key-0123456789
SERVER_PID=
SERVER_LOG=

build_jar_if_missing() {
  if [ ! -f "$JAR" ]; then
    echo "building $JAR (./mvnw -B -q package -DskipTests, a few minutes)" >&2
    ./mvnw -B -q package -DskipTests
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server DATA_DIR PORT [JVM options...]: starts the jar in the background, sets SERVER_PID.
start_server() {
  local data_dir=$1 port=$2
  shift 2
  SERVER_LOG="$data_dir.log"
  CREDENCE_DATA_DIR="$data_dir" SERVER_PORT="$port" CREDENCE_DEMO_PASSWORD="$BENCH_PASSWORD" \
    CREDENCE_API_KEY="$BENCH_KEY" "$JAVA" "$@" -jar "$JAR" >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
}

# wait_healthy PORT TIMEOUT_SECONDS: polls /actuator/health every 50 ms until it says UP.
wait_healthy() {
  local port=$1 deadline=$(( $(date +%s) + $2 ))
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "Credence exited before it was healthy; its log: $SERVER_LOG" >&2
      tail -n 40 "$SERVER_LOG" >&2
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "Credence was not healthy within $2 s; its log: $SERVER_LOG" >&2
      return 1
    fi
    sleep 0.05
  done
}

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

machine_line() {
  echo "machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/^Mem/ {print $2}') GiB, $(uname -sr); $("$JAVA" -version 2>&1 | head -n 1)"
}

load_average() {
  cut -d ' ' -f 1-3 /proc/loadavg
}

# basic USER: the Authorization header value for a demo user.
basic() {
  echo "Basic $(printf '%s:%s' "$1" "$BENCH_PASSWORD" | base64 -w 0)"
}
