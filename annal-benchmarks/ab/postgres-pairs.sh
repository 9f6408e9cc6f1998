#!/usr/bin/env bash
# P5 before and after a change, interleaved: 3 pairs, three-way (Annal, plain JDBC, Axon), 16 writers.
# Usage: annal-benchmarks/ab/postgres-pairs.sh BEFORE_TREE AFTER_TREE [PostgresAppendLoad args for AFTER, e.g. --committers 2]
# WARMUP (seconds, default 15: Annal runs first in each JVM, and with 2-8 s it ran beside the JIT
# compiler; docs/benchmarks.md, P5 round seven) and SECONDS_RUN (default 5). Each tree built with
# ./mvnw -q -DskipTests package. Runs the AFTER tree's driver (it prints CPU per event) with each
# tree's annal-store-postgres jar; passing the same tree twice with extra arguments compares settings.
set -euo pipefail
BEFORE=$1; AFTER=$2; shift 2
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cp_for() {
  echo "$AFTER/annal-benchmarks/target/classes:$(sed "s|[^:]*annal-store-postgres-0.1.0-SNAPSHOT.jar|$1/annal-store-postgres/target/annal-store-postgres-0.1.0-SNAPSHOT.jar|" "$AFTER/annal-benchmarks/target/classpath.txt")"
}
run() { # label tree [args]
  local label=$1 tree=$2; shift 2
  echo "=== $label $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" -cp "$(cp_for "$tree")" io.annal.benchmarks.PostgresAppendLoad \
    --seconds "${SECONDS_RUN:-5}" --warmup "${WARMUP:-15}" --targets annal,jdbc,axon --scenario "16 writers" "$@" 2>/dev/null \
    | grep -E "events/s|events per commit|ratios|cpu per event" | sed "s/^/$label  /"
}
for i in 1 2 3; do
  run "before#$i" "$BEFORE"
  run "after#$i" "$AFTER" "$@"
done
