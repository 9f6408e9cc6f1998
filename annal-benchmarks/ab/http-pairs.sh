#!/usr/bin/env bash
# P6 and P7 before and after a change, interleaved: 3 pairs of http-once.sh.
# Usage: annal-benchmarks/ab/http-pairs.sh BEFORE_TREE AFTER_TREE [SECONDS]
# JFR=DIR records each run under JFR (profile settings) to DIR/{before,after}N.jfr.
set -u
here=$(cd "$(dirname "$0")" && pwd)
for pair in 1 2 3; do
  echo "-- pair $pair $(date -u +%T)"
  bash "$here/http-once.sh" "$1" "${3:-10}" ${JFR:+"$JFR/before$pair.jfr"}
  bash "$here/http-once.sh" "$2" "${3:-10}" ${JFR:+"$JFR/after$pair.jfr"}
done
