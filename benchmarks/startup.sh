#!/usr/bin/env bash
# Start-up to healthy: wall-clock time from launching `java -jar` to GET /actuator/health answering UP,
# with the six seed markets; first on an empty data directory (the first start installs and deploys
# the seeds), then restarting on that directory (the markets are loaded from the database).
# One command: benchmarks/startup.sh. RUNS=n (default 2) repeats both; JVM_OPTS adds server options.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-2}
build_jar_if_missing
work=$(mktemp -d "${TMPDIR:-/tmp}/credence-startup.XXXXXX")
trap 'stop_server' EXIT
port=$(free_port)
load_before=$(load_average)

# timed_start DATA_DIR LOG_NAME: prints the seconds from launch to healthy, and Spring's own "Started" figure.
timed_start() {
  local started ended
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  start_server "$1" "$port" ${JVM_OPTS:-}
  wait_healthy "$port" 300
  ended=$(date +%s%N)
  local spring
  spring=$(sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$SERVER_LOG" | tail -n 1)
  cp "$SERVER_LOG" "$work/$2.log"
  printf '%s %s\n' "$(python3 -c "print(f'{($ended - $started) / 1e9:.1f}')")" "${spring:-?}"
  stop_server
}

results=()
for run in $(seq 1 "$RUNS"); do
  dir="$work/data-$run"
  read -r fresh fresh_spring < <(timed_start "$dir" "fresh-$run")
  read -r again again_spring < <(timed_start "$dir" "restart-$run")
  results+=("| $run | $fresh | $fresh_spring | $again | $again_spring |")
  echo "run $run: fresh $fresh s, restart $again s" >&2
done
load_after=$(load_average)

cat <<SUMMARY

== Credence start-up to healthy, six seed markets ($(date -u +%Y-%m-%dT%H:%MZ)) ==
$(machine_line)
load average: $load_before before, $load_after after (shared machine unless it says ~0); server JVM options: ${JVM_OPTS:-none}

| run | fresh data dir: launch to UP, s | of which Spring "Started", s | restart: launch to UP, s | of which Spring "Started", s |
| --- | --- | --- | --- | --- |
$(printf '%s\n' "${results[@]}")

target: ≤ 15 s. Server logs: $work
SUMMARY
