#!/usr/bin/env bash
# Start-up time, as a newcomer meets it: wall time from launching Darkroom until it prints that it is ready (it serves from
# then on; checked with one request to /actuator/health), for a first
# start (empty data directory: PostgreSQL extracted, initdb, migrations, a cloud created) and for restarts. Median of N each.
# Usage: ops/startup-time.sh [runs] [command...]   (default: 5 runs of ./darkroom; e.g. ops/startup-time.sh 5 java -jar api/target/darkroom.jar)
set -euo pipefail
runs=${1:-5}; shift || true
cmd=("$@"); [ ${#cmd[@]} -gt 0 ] || cmd=(./darkroom)
port=${SERVER_PORT:-8097}
ready=${READY_LINE:-is ready on}   # an older build logged "Started DarkroomApplication" instead
measure() { # $1 data dir -> seconds
  local start end pid log="$1.$RANDOM.log"
  start=$(date +%s.%N)
  DARKROOM_DATA_DIR="$1" SERVER_PORT=$port "${cmd[@]}" > "$log" 2>&1 & pid=$!
  # polled with shell builtins only: spawning a process 20 times a second took a good share of 2 cores from the start measured
  until [[ -s "$log" && "$(<"$log")" == *"$ready"* ]]; do sleep 0.1; done
  end=$(date +%s.%N)
  curl -sf -o /dev/null "http://localhost:$port/actuator/health" || { echo "ready but not healthy:" >&2; cat "$log" >&2; curl -s "http://localhost:$port/actuator/health" >&2; kill $pid; exit 1; }
  kill $pid; wait $pid 2>/dev/null || true
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
work=$(mktemp -d)
first=(); again=()
for i in $(seq "$runs"); do first+=("$(measure "$work/first$i")"); done
for i in $(seq "$runs"); do again+=("$(measure "$work/first1")"); done
echo "first start: ${first[*]} s; median $(printf '%s\n' "${first[@]}" | median) s"
echo "restart:     ${again[*]} s; median $(printf '%s\n' "${again[@]}" | median) s"
rm -rf "$work"
