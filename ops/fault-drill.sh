#!/usr/bin/env bash
# Freeze drill: what an operator sees when the database stalls, on a running service with its
# embedded PostgreSQL (`./mvnw spring-boot:run`). Stops every PostgreSQL process of the data
# directory with SIGSTOP (a stalled disk, a paused VM), times an uncached read, a write, readiness
# and liveness, then SIGCONTs them and times the return of a 200 without a restart.
#   ops/fault-drill.sh [base URL, default http://localhost:8080] [data dir, default .dateline/pgdata]
# Needs curl and bc. Prints one line per probe (the healthy ones are allowed 5 s: a fresh JVM is
# still compiling); exits non-zero when a promise of the README's
# "Operations: behaviour under faults" section is broken.
set -euo pipefail

BASE=${1:-http://localhost:8080}
DATA_DIR=${2:-.dateline/pgdata}
[ -f "$DATA_DIR/postmaster.pid" ] || { echo "no running cluster in $DATA_DIR" >&2; exit 2; }
POSTMASTER=$(head -1 "$DATA_DIR/postmaster.pid")
cluster() { echo "$POSTMASTER" $(ps -o pid= --ppid "$POSTMASTER"); }
broken=0

# a read no cache can answer (every query differs) and a write that needs the database
read_path() { echo "/api/v1/search?q=drill$RANDOM$RANDOM"; }
probe() { # name, expected code, limit in seconds, curl arguments...
  local name=$1 want=$2 limit=$3 out code seconds
  shift 3
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 10 "$@" || true)
  read -r code seconds <<< "$out"
  local verdict=ok
  if [ "$code" != "$want" ] || awk -v s="$seconds" -v l="$limit" 'BEGIN { exit !(s > l) }'; then
    verdict="BROKEN (want $want within ${limit}s)"
    broken=1
  fi
  printf '%-34s %s in %5.2fs  %s\n' "$name" "$code" "$seconds" "$verdict"
}

READER=$(curl -fsS -X POST "$BASE/api/v1/readers" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
preferences=(-X PUT -H "Authorization: Bearer $READER" -H 'Content-Type: application/json'
             -d '{"filterEnabled": false, "followedTopics": [], "mutedTopics": [], "languages": []}'
             "$BASE/api/v1/me/preferences")
probe "healthy: uncached read" 200 5 "$BASE$(read_path)"
probe "healthy: write" 200 5 "${preferences[@]}"

trap 'kill -CONT $(cluster) 2>/dev/null || true' EXIT
kill -STOP $(cluster)
echo "-- PostgreSQL frozen (SIGSTOP of $(cluster | wc -w) processes)"
probe "frozen: uncached read" 503 3 "$BASE$(read_path)"
probe "frozen: write" 503 3 "${preferences[@]}"
probe "frozen: readiness" 503 1 "$BASE/actuator/health/readiness"
probe "frozen: liveness" 200 1 "$BASE/actuator/health/liveness"

kill -CONT $(cluster)
echo "-- PostgreSQL thawed (SIGCONT)"
started=$(date +%s.%N)
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE$(read_path)")" = 200 ]; do
  sleep 0.2
  if awk -v s="$(date +%s.%N)" -v t="$started" 'BEGIN { exit !(s - t > 30) }'; then
    echo "no 200 within 30 s of the thaw: BROKEN"
    exit 1
  fi
done
printf '%-34s after %.2fs, no restart\n' "thawed: first 200" "$(echo "$(date +%s.%N) - $started" | bc)"
probe "thawed: write" 200 1 "${preferences[@]}"
probe "thawed: readiness" 200 1 "$BASE/actuator/health/readiness"
exit $broken
