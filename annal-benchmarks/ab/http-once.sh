#!/usr/bin/env bash
# One run of P6 (deposits) then P7 (balance queries) against a tree's packaged server, with wrk on
# the same machine: prints requests/s, p99, the server's CPU per request (from /proc/<pid>/stat),
# wrk's own, and how much of the two cores stayed idle (from /proc/stat).
# Usage: annal-benchmarks/ab/http-once.sh TREE [SECONDS] [JFR_FILE]
# 2,000 accounts, a warm-up of WARMUP seconds (default 5; give 20 or more for figures, because the
# JIT is still compiling the deposit path after 5 s), 64 connections. The tree is built with
# ./mvnw -q -DskipTests package; needs curl and wrk.
set -u
TREE=$1; SECS=${2:-10}; JFR=${3:-}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
D=$(mktemp -d /tmp/annal-http-once.XXXX)
cd "$TREE"
OPTS=()
[ -n "$JFR" ] && OPTS=("-XX:StartFlightRecording=filename=$JFR,settings=profile")
"$JAVA" "${OPTS[@]}" -jar annal-server/target/annal-server.jar --port 0 --data-dir "$D" > "$D/out.log" 2> "$D/err.log" &
S=$!
until grep -q "Annal ready" "$D/out.log" 2>/dev/null; do sleep 0.3; done
URL="http://127.0.0.1:$(cat "$D/server.port")"
seq 1 2000 | xargs -P 16 -I{} curl -s -o /dev/null -X POST "$URL/commands/open-account" \
  -H 'Content-Type: application/json' -d '{"accountId":"bench-{}","owner":"Bench"}'
measure() { # name script
  ACCOUNTS=2000 wrk -t2 -c64 -d"${WARMUP:-5}s" -s "annal-benchmarks/http/$2" "$URL" > /dev/null
  local load t0 t1 out n rps p99 bad tck wrk_cpu idle0 idle1 all0 all1
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(awk '{print $14+$15}' "/proc/$S/stat")
  read -r idle0 all0 < <(awk '/^cpu /{print $5+$6, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
  local TIMEFORMAT='%U %S'
  { time out=$(ACCOUNTS=2000 wrk -t2 -c64 -d"${SECS}s" --latency -s "annal-benchmarks/http/$2" "$URL"); } 2> "$D/wrk.time"
  t1=$(awk '{print $14+$15}' "/proc/$S/stat")
  read -r idle1 all1 < <(awk '/^cpu /{print $5+$6, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
  wrk_cpu=$(awk '{print $1+$2}' "$D/wrk.time")
  n=$(awk '/requests in/{print $1}' <<<"$out")
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  tck=$(getconf CLK_TCK)
  echo "$1 $(basename "$TREE"): ${rps}/s p99 ${p99} cpu $(( (t1 - t0) * 1000000 / tck / n )) us/req" \
    "wrk $(awk -v c="$wrk_cpu" -v n="$n" 'BEGIN{printf "%d", c * 1e6 / n}') us/req" \
    "idle $(( (idle1 - idle0) * 100 / (all1 - all0) ))% (n=$n, non2xx=${bad:-0}, load $load)"
}
measure P6 deposit.lua
measure P7 balance.lua
[ -n "$JFR" ] && jcmd "$S" JFR.dump name=1 filename="$JFR" > /dev/null
kill "$S"; wait "$S" 2> /dev/null; rm -rf "$D"
