#!/usr/bin/env bash
# HTTP over loopback: wrk against POST /api/v1/decisions (unique, realistic applications across the six
# seed markets, decision logging on as always) and, with the same settings in the same run, against the
# trivial authenticated GET /api/v1/ping; reports both, their ratio and the decision-log rows written.
# One command: benchmarks/http-load.sh. Settings by environment:
#   THREADS (wrk threads, 1)  CONNECTIONS (4)  DURATION (30s)  WARMUP (20s)
#   JVM_OPTS (extra options for the server)  PROFILE=1 (a JFR recording of the measured decision run,
#   summarised at the end)  CREDENCE_JAR (default workbench-ui/target/credence.jar, built if missing)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-4}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-20s}
PROFILE=${PROFILE:-0}

if ! command -v wrk >/dev/null; then
  echo "installing wrk (apt-get install -y wrk)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk >&2; else sudo apt-get install -y wrk >&2; fi
fi
build_jar_if_missing

work=$(mktemp -d "${TMPDIR:-/tmp}/credence-http.XXXXXX")
port=$(free_port)
trap 'stop_server' EXIT
load_before=$(load_average)
# JFR keeps 64 frames a stack by default: too few to reach from H2's innards down to the Tomcat thread.
profile_opts=
[ "$PROFILE" = 1 ] && profile_opts=-XX:FlightRecorderOptions:stackdepth=256
# shellcheck disable=SC2086
start_server "$work/data" "$port" ${JVM_OPTS:-} $profile_opts
wait_healthy "$port" 180
base="http://127.0.0.1:$port"
run_id=$(date +%s)
since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
lua="benchmarks/decisions.lua"

# The server's CPU time so far, in ms (user + system, from /proc): CPU per request is the figure that
# compares builds run at different times on a shared machine, where throughput depends on the neighbours.
server_cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$SERVER_PID/stat"
}

# wrk_run NAME URL DURATION MODE: prints wrk's RESULT line (and any STATUS lines) into $work/NAME,
# with the server's CPU µs per request appended.
wrk_run() {
  local cpu_before
  cpu_before=$(server_cpu_ms)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -s "$lua" "$2" -- "$BENCH_KEY" "$run_id-$1" "$4" >"$work/$1" 2>&1
  local cpu=$(( $(server_cpu_ms) - cpu_before )) requests
  requests=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' "$work/$1")
  sed -i "s/^RESULT .*/& server_cpu_us=$(( cpu * 1000 / (requests > 0 ? requests : 1) ))/" "$work/$1"
  grep -E '^(RESULT|STATUS)' "$work/$1" >&2 || { cat "$work/$1" >&2; return 1; }
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$work/$1" | head -n 1; }

echo "warming up: $WARMUP of decisions, $WARMUP of ping" >&2
wrk_run warm-decide "$base/api/v1/decisions" "$WARMUP" decide
wrk_run warm-ping "$base/api/v1/ping" "$WARMUP" ping
echo "measuring: $DURATION of ping, then $DURATION of decisions" >&2
wrk_run ping "$base/api/v1/ping" "$DURATION" ping
if [ "$PROFILE" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.start name=http settings=profile >/dev/null
fi
wrk_run decide "$base/api/v1/decisions" "$DURATION" decide
if [ "$PROFILE" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.stop name=http filename="$work/decisions.jfr" >/dev/null
fi
load_after=$(load_average)

logged=$(curl -fs -H "Authorization: $(basic admin)" "$base/api/v1/decisions/activity?since=$since" \
  | python3 -c 'import json, sys; print(sum(m["decisions"] for m in json.load(sys.stdin)))')
answered=$(( $(field warm-decide ok2xx) + $(field decide ok2xx) ))
# Decisions per commit of the decision log (group commit), over the whole run.
per_commit=$(curl -fs "$base/actuator/prometheus" | python3 -c '
import sys
m = {l.split()[0]: float(l.split()[1]) for l in sys.stdin if l.startswith("credence_decision_log_batch_decisions_")}
n = m.get("credence_decision_log_batch_decisions_count", 0)
total = m.get("credence_decision_log_batch_decisions_sum", 0)
print("%.2f on average over %d commits" % (total / n, n) if n else "not measured")')
stop_server

ratio=$(python3 -c "print(f'{$(field decide rps) / $(field ping rps):.2f}')")
row() {
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$(field "$1" requests)" "$(field "$1" rps)" \
    "$(field "$1" p50_ms)" "$(field "$1" p99_ms)" "$(field "$1" max_ms)" "$(field "$1" non2xx)" "$(field "$1" socket_errors)" \
    "$(field "$1" server_cpu_us)"
}
cat <<SUMMARY

== Credence HTTP over loopback ($(date -u +%Y-%m-%dT%H:%MZ)) ==
$(machine_line)
load average: $load_before before start-up, $load_after after the runs (shared machine unless it says ~0)
wrk $(wrk -v 2>&1 | head -n 1 | cut -d ' ' -f 2): -t$THREADS -c$CONNECTIONS -d$DURATION --latency each, after $WARMUP warm-up each; server JVM options: ${JVM_OPTS:-none}

| endpoint | requests | req/s | p50 ms | p99 ms | max ms | non-2xx | socket errors | server CPU µs/request |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
$(row ping "GET /api/v1/ping")
$(row decide "POST /api/v1/decisions")

decisions / ping throughput: $ratio (target ≥ 0.60); decision p99 $(field decide p99_ms) ms (target ≤ 5)
decision-log rows written since the start of the run: $logged (2xx decisions answered, warm-up included: $answered;
  rows may exceed answers by the requests in flight when wrk stops, at most connections x 2 runs)
decisions per decision-log commit: $per_commit
SUMMARY

if [ "$PROFILE" = 1 ]; then
  echo
  echo "JFR recording of the measured decision run: $work/decisions.jfr"
  JAVA_HOME="$JAVA_HOME" benchmarks/jfr-hot-path.py "$work/decisions.jfr"
else
  rm -rf "$work"
fi
