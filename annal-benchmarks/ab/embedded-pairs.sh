#!/usr/bin/env bash
# The embedded store before and after a change, interleaved: P2 (8 writers x batches of 1,000) and
# P1 (64 writers x 1 event), 3 pairs each, every run in a fresh JVM.
# Usage: annal-benchmarks/ab/embedded-pairs.sh BEFORE_TREE AFTER_TREE [SECONDS]   (ONLY=P1 or ONLY=P2 for one)
# Each tree is a checkout built with ./mvnw -q -DskipTests package. Both runs use the AFTER tree's
# AppendLoad (or DRIVER=<classes dir>) first on the classpath, so only the store differs; it also
# prints the appender thread's CPU per event. The middle pair runs "after" first.
set -euo pipefail
before=$1; after=$2; seconds=${3:-10}
driver=${DRIVER:-$after/annal-benchmarks/target/classes}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cp_of() { echo "$driver:$1/annal-benchmarks/target/classes:$(cat "$1/annal-benchmarks/target/classpath.txt")"; }
run() { # label tree writers batch
  local out cpu
  out=$(cd /tmp && "$JAVA" -cp "$(cp_of "$2")" io.annal.benchmarks.AppendLoad --target embedded \
        --writers "$3" --batch "$4" --seconds "$seconds" 2>&1 | grep '^target=')
  cpu=$(sed -E 's/.*process CPU ([0-9.]+) us\/append.*/\1/' <<<"$out")
  printf '%-6s %s | process CPU/event %.3f us | load %s\n' "$1" "${out#*: }" \
    "$(awk -v c="$cpu" -v b="$4" 'BEGIN{print c/b}')" "$(cut -d' ' -f1 /proc/loadavg)"
}
pair() { # pair-number writers batch
  if [ "$1" = 2 ]; then run after "$after" "$2" "$3"; run before "$before" "$2" "$3"
  else run before "$before" "$2" "$3"; run after "$after" "$2" "$3"; fi
}
if [ "${ONLY:-P2}" = P2 ]; then
  for p in 1 2 3; do echo "== P2 pair $p (8 writers x 1,000 events, ${seconds}s)"; pair "$p" 8 1000; done
fi
if [ "${ONLY:-P1}" = P1 ]; then
  for p in 1 2 3; do echo "== P1 pair $p (64 writers x 1 event, ${seconds}s)"; pair "$p" 64 1; done
fi
