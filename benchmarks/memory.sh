#!/usr/bin/env bash
# Memory: Credence in a 512 MB heap with the six seed markets and one challenger each. Each market gets
# version 2 (its approval rules plus a comment: a separate package compiled and kept alongside v1),
# drafted by analyst, submitted, approved by reviewer and run as a 50 % SPLIT experiment; then wrk drives
# decisions through all twelve versions. Reports heap after a full GC, the largest classes, the GC log's
# figures and any OutOfMemoryError. One command: benchmarks/memory.sh (DURATION=60s of decisions).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-60s}
HEAP=${HEAP:-512m}
build_jar_if_missing
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk >&2; else sudo apt-get install -y wrk >&2; fi
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/credence-memory.XXXXXX")
trap 'stop_server' EXIT
port=$(free_port)
base="http://127.0.0.1:$port"
load_before=$(load_average)
start_server "$work/data" "$port" "-Xmx$HEAP" "-Xlog:gc*:file=$work/gc.log:time,uptime,level,tags" \
  -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$work"
wait_healthy "$port" 300

# call USER METHOD PATH [BODY]: the JSON answer; fails on an HTTP error.
call() {
  curl -fsS -X "$2" -H "Authorization: $(basic "$1")" -H 'Content-Type: application/json' \
    ${4:+--data-binary "$4"} "$base$3"
}

for market in IN ID PH BR MX GB; do
  body=$(call analyst GET "/api/v1/markets/$market/versions/1" | python3 -c '
import json, sys
v = json.load(sys.stdin)
print(json.dumps({"basedOn": v["version"], "note": "memory benchmark challenger",
                  "artifacts": {"approval.drl": v["artifacts"]["approval.drl"] + "\n// challenger for the memory benchmark\n"}}))')
  version=$(call analyst POST "/api/v1/markets/$market/versions" "$body" | python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])')
  call analyst POST "/api/v1/markets/$market/versions/$version/submit" '{}' >/dev/null
  call reviewer POST "/api/v1/markets/$market/versions/$version/approve" '{"comment": "memory benchmark"}' >/dev/null
  call reviewer POST "/api/v1/markets/$market/experiments" \
    "{\"challengerVersion\": $version, \"trafficPercent\": 50, \"mode\": \"SPLIT\"}" >/dev/null
  echo "$market: v$version approved and running as a 50 % challenger" >&2
done

echo "driving decisions for $DURATION" >&2
wrk -t1 -c4 -d"$DURATION" -s benchmarks/decisions.lua "$base/api/v1/decisions" -- "$BENCH_KEY" "mem-$(date +%s)" decide \
  >"$work/wrk.txt" 2>&1
grep -E '^(RESULT|STATUS)' "$work/wrk.txt" >&2

arms=$(call reviewer GET /api/v1/markets | python3 -c '
import json, sys
print(" ".join("%s:v%d+v%d" % (m["market"], m["champion"]["version"], m["experiment"]["challengerVersion"])
               for m in json.load(sys.stdin) if m.get("experiment")))')
decided=$(for market in IN ID PH BR MX GB; do
  id=$(call reviewer GET /api/v1/markets | python3 -c "import json, sys; print(next(m['experiment']['id'] for m in json.load(sys.stdin) if m['market'] == '$market'))")
  call reviewer GET "/api/v1/markets/$market/experiments/$id" | python3 -c "
import json, sys
r = json.load(sys.stdin)
def count(a):
    return a.get('count', a.get('decisions', '?')) if isinstance(a, dict) else '?'
arms = r.get('arms') or {k: r[k] for k in ('champion', 'challenger') if k in r}
print('$market', ' '.join(f'{k}={count(v)}' for k, v in arms.items()))"
done)

jcmd="$JAVA_HOME/bin/jcmd"
"$jcmd" "$SERVER_PID" GC.run >/dev/null
heap=$("$jcmd" "$SERVER_PID" GC.heap_info | sed 1d)
histogram=$("$jcmd" "$SERVER_PID" GC.class_histogram | sed -n '1,16p' | sed 1d)
stop_server
oom=$( (grep -c OutOfMemoryError "$SERVER_LOG" "$work/gc.log" 2>/dev/null || true) | awk -F: '{s += $2} END {print s + 0}')
after_full=$( (grep -F 'Pause Full (Diagnostic Command)' "$work/gc.log" || true) | tail -n 1 | sed -n 's/.* \([0-9]*M->[0-9]*M([0-9]*M)\).*/\1/p')
max_pause=$( (grep -E '\[gc +\] GC\([0-9]+\) Pause' "$work/gc.log" | grep -v -e 'Diagnostic Command' -e 'Heap Inspection' || true) | grep -oE '[0-9.]+ms$' | sort -n | tail -n 1 || true)

cat <<SUMMARY

== Credence memory, -Xmx$HEAP, six markets with a challenger each ($(date -u +%Y-%m-%dT%H:%MZ)) ==
$(machine_line)
load average: $load_before before, $(load_average) after (shared machine unless it says ~0)
experiments running (champion + challenger): $arms
decisions by arm after $DURATION of wrk -t1 -c4:
$decided
$(grep '^RESULT' "$work/wrk.txt")

heap after the final full GC (jcmd GC.run; GC log: before->after(committed)): ${after_full:-see below}
$heap

largest classes after the full GC (jcmd GC.class_histogram):
$histogram

longest GC pause while deciding (the final diagnostic full GCs left out): ${max_pause:-?}; OutOfMemoryError: $([ "$oom" = 0 ] && echo none || echo "$oom occurrence(s), see $work")
GC log and server log: $work
SUMMARY
