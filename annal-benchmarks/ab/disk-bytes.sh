#!/usr/bin/env bash
# P2 (8 writers x batches of 1,000 events of 256 B) on the embedded store and on the plain
# FileChannel baseline, alternately, 3 pairs: events/s and the bytes the disk wrote per event
# (sectors written, from /proc/diskstats, over the JVM's whole life with no warm-up).
# Usage: annal-benchmarks/ab/disk-bytes.sh [TREE] [DEVICE]   (default: this checkout, the device under /tmp)
# The tree is built with ./mvnw -q -DskipTests package. Nothing else should write to the disk meanwhile.
set -euo pipefail
tree=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
dev=${2:-$(basename "$(df --output=source /tmp | tail -1)")}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cp="$tree/annal-benchmarks/target/classes:$(cat "$tree/annal-benchmarks/target/classpath.txt")"
sectors() { awk -v d="$dev" '$3==d {print $10}' /proc/diskstats; }
for pair in 1 2 3; do
  for target in embedded baseline; do
    s0=$(sectors)
    out=$(cd /tmp && "$JAVA" -cp "$cp" io.annal.benchmarks.AppendLoad --target "$target" \
          --writers 8 --batch 1000 --seconds 10 --warmup 0 2>&1 | grep '^target=')
    s1=$(sectors)
    rate=$(sed -E 's/.* ([0-9]+) events\/s.*/\1/' <<<"$out")
    awk -v t="$target" -v r="$rate" -v s=$((s1 - s0)) 'BEGIN {
      printf "%-8s %8d events/s | disk wrote %6.0f MB, %5.0f B per event, %4.0f MB/s\n",
        t, r, s * 512 / 1e6, s * 512 / (r * 10), s * 512 / 1e6 / 10 }'
  done
done
