#!/usr/bin/env bash
# The Spark backtest against the service's own backtest loop on this machine, over the same N synthetic
# applications (default 10,000,000) and the same spec (GB seed v1 against v2 with a lower income floor):
#   1. the service's loop (Backtest.run, 2 worker threads, no database), as ServiceLoopBacktest in the jar
#   2. the Spark job in local[2] (one JVM, 2 task threads)
#   3. the Spark job in local-cluster[2,1,2048] (2 executor JVMs of 1 core each: the work spreads over JVMs)
# For each: wall seconds, rows/s, CPU seconds (user+sys of the JVM and its children) and CPU-s per million
# rows; and whether each Spark matrix equals the service loop's.
#
# usage: benchmarks/spark-backtest.sh [ROWS] [MODES]   e.g. benchmarks/spark-backtest.sh 1000000 "loop local"
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS=${1:-10000000}
MODES=${2:-"loop local cluster"}
JAR=${SPARK_JAR:-backtest-spark/target/credence-backtest-spark.jar}
OUT=${SPARK_BENCH_DIR:-/tmp/credence-spark-bench}
if [ ! -f "$JAR" ]; then
  echo "building $JAR (./mvnw -B -q package -DskipTests)" >&2
  ./mvnw -B -q package -DskipTests
fi
mkdir -p "$OUT"
echo "generating $ROWS rows in $OUT (kept for the next run)" >&2
CSV=$(python3 benchmarks/spark-backtest-data.py "$PWD" "$OUT" "$ROWS")
SPEC="$OUT/spec.json"

measure() { # name command...: runs it under /usr/bin/time, prints one result line
  local name=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$OUT/$name.time" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
  read -r wall user sys <"$OUT/$name.time"
  python3 - "$name" "$ROWS" "$wall" "$user" "$sys" <<'PY'
import sys
name, rows, wall, user, sys_ = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
cpu = user + sys_
print(f"{name:<28} {rows:>11,} rows  {wall:8.1f} s wall  {rows / wall:10,.0f} rows/s  {cpu:8.1f} CPU-s  "
      f"{cpu / (rows / 1e6):7.1f} CPU-s per million rows")
PY
}

matrix() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps((d.get("report") or d)["matrix"], sort_keys=True))' "$1"; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -n 1)"
for mode in $MODES; do
  case $mode in
    loop)
      measure "service-loop-2-threads" "$JAVA" -cp "$JAR" io.credence.simulation.ServiceLoopBacktest "$SPEC" "$CSV" 2
      tail -n 1 "$OUT/service-loop-2-threads.out" >"$OUT/service-loop.json" ;;
    local)
      measure "spark-local[2]" "$JAVA" -jar "$JAR" --master 'local[2]' --spec "$SPEC" --input "$CSV" \
        --output "$OUT/spark-local.json" ;;
    cluster)
      # local-cluster launches each executor as its own JVM through Spark's launcher, which looks for a Spark
      # distribution: an empty one (jars/) and the Scala version satisfy it, and the jar is the executors' class path.
      mkdir -p "$OUT/spark-home/jars"
      SPARK_SCALA_VERSION=2.13 SPARK_TESTING=1 measure "spark-local-cluster[2,1]" "$JAVA" \
        -Dspark.test.home="$OUT/spark-home" -Dspark.executor.extraClassPath="$(realpath "$JAR")" \
        -jar "$JAR" --master 'local-cluster[2,1,2048]' --spec "$SPEC" --input "$CSV" --output "$OUT/spark-cluster.json" ;;
  esac
done
if [ -f "$OUT/service-loop.json" ]; then
  for f in "$OUT/spark-local.json" "$OUT/spark-cluster.json"; do
    [ -f "$f" ] || continue
    if [ "$(matrix "$f")" = "$(matrix "$OUT/service-loop.json")" ]; then echo "$(basename "$f"): matrix equals the service loop's"
    else echo "$(basename "$f"): MATRIX DIFFERS from the service loop's" >&2; fi
  done
fi
