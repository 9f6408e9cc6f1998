#!/usr/bin/env bash
# The floor under P7: wrk's balance queries against HttpFloor, the bare web server answering a
# constant document. Run beside run.sh in the same session; the ratio is what to compare.
# Usage: annal-benchmarks/http/floor.sh [seconds] [connections]   (after ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-64}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
CP="annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)"
OUT=$(mktemp /tmp/annal-http-floor.XXXXXX)
"$JAVA" -cp "$CP" io.annal.benchmarks.HttpFloor > "$OUT" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -f "$OUT"' EXIT
until grep -q "port=" "$OUT" 2>/dev/null; do sleep 0.2; done
URL="http://127.0.0.1:$(sed -n 's/^port=//p' "$OUT")"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-10}s" -s annal-benchmarks/http/balance.lua "$URL" > /dev/null
echo "== floor: constant balance document (${SECONDS_PER_RUN}s, $CONNECTIONS connections)"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s annal-benchmarks/http/balance.lua "$URL"
