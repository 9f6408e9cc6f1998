#!/usr/bin/env bash
# P6 and P7: starts the packaged server on a fresh data directory, opens ACCOUNTS accounts, then
# drives deposits and balance queries with wrk (Debian package `wrk`) on loopback.
# Each measured run follows an unmeasured warm-up of WARMUP seconds (default 10), so that the JIT
# has compiled the paths first, as the other benchmarks' warm-ups do.
# Usage: annal-benchmarks/http/run.sh [seconds] [connections]   (after ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-64}
export ACCOUNTS=${ACCOUNTS:-10000}
WARMUP=${WARMUP:-10}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
DATA=$(mktemp -d /tmp/annal-http-bench.XXXXXX)
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$DATA"' EXIT

"$JAVA" -jar annal-server/target/annal-server.jar --port 0 --data-dir "$DATA" > "$DATA/out.log" 2> "$DATA/err.log" &
SERVER=$!
until grep -q "Annal ready" "$DATA/out.log" 2>/dev/null; do sleep 0.2; done
URL="http://127.0.0.1:$(cat "$DATA/server.port")"
echo "server at $URL; opening $ACCOUNTS accounts"
seq 1 "$ACCOUNTS" | xargs -P 16 -I{} curl -s -o /dev/null -X POST "$URL/commands/open-account" \
  -H 'Content-Type: application/json' -d '{"accountId":"bench-{}","owner":"Bench"}'

wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s annal-benchmarks/http/deposit.lua "$URL" > /dev/null
echo "== P6 deposits (${SECONDS_PER_RUN}s, $CONNECTIONS connections)"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s annal-benchmarks/http/deposit.lua "$URL"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s annal-benchmarks/http/balance.lua "$URL" > /dev/null
echo "== P7 balance queries (${SECONDS_PER_RUN}s, $CONNECTIONS connections)"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s annal-benchmarks/http/balance.lua "$URL"
