#!/usr/bin/env bash
# Soak: the built jar on an embedded database of its own (demo data), then SOAK_MINUTES (default 10)
# of mixed load in one-minute wrk slices: anonymous reads (All news, articles, topic streams, search,
# conversion) next to editor writes (create -> publish -> PATCH with If-Match) and reader preference
# saves. After each minute: the minute's requests, non-2xx/3xx answers, p99, heap used after a full
# GC and the process RSS. Writes bench/results/YYYY-MM-DD-<shortcommit>-soak.md.
#   bench/soak.sh                      10 minutes on :18104
#   SOAK_MINUTES=2 bench/soak.sh       a short run
#   SOAK_NMT=1 bench/soak.sh           also Native Memory Tracking: where RSS growth goes, minute 0 to the end
# Needs wrk, curl, jq and a JDK's jcmd.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=${SOAK_MINUTES:-10}
PORT=${SOAK_PORT:-18104}
READ_CONNECTIONS=${SOAK_READ_CONNECTIONS:-8}
WRITE_CONNECTIONS=${SOAK_WRITE_CONNECTIONS:-2}
HEAP=${SOAK_HEAP:-512m}
NMT=${SOAK_NMT:-0}
WORK=target/soak
BASE="http://127.0.0.1:$PORT"

for tool in wrk curl jq jcmd; do
  command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
ls target/dateline-*.jar >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests
rm -rf "$WORK" && mkdir -p "$WORK" bench/results
commit=$(git rev-parse --short HEAD)

ADMIN_TOKEN=$(tr -d - < /proc/sys/kernel/random/uuid)$(tr -d - < /proc/sys/kernel/random/uuid)
# one load generator on one address stands for many clients: the per-address rate limits
# (tested on their own) would measure themselves, so they are off here
nmt_option=()
[ "$NMT" = 1 ] && nmt_option=(-XX:NativeMemoryTracking=summary)
DATELINE_SECURITY_BOOTSTRAPADMINTOKEN=$ADMIN_TOKEN java -Xmx"$HEAP" "${nmt_option[@]}" -jar target/dateline-*.jar \
  --server.port="$PORT" --dateline.embedded-db.port=0 --dateline.embedded-db.data-dir="$WORK/pgdata" \
  --dateline.currency.import.enabled=false --dateline.rate-limit.enabled=false > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
until curl -fsS "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
  sleep 1
done

admin=(-H "Authorization: Bearer $ADMIN_TOKEN" -H "Content-Type: application/json")
SOAK_EDITOR_TOKEN=$(curl -fsS "${admin[@]}" -d '{"name": "soak editor", "role": "EDITOR"}' \
  "$BASE/api/v1/admin/tokens" | jq -r .token)
export SOAK_EDITOR_TOKEN
for _ in $(seq 20); do
  curl -fsS -X POST "$BASE/api/v1/readers" | jq -r .token
done > "$WORK/readers.txt"
curl -fsS "$BASE/api/v1/topics" | jq -r '.items[].slug' > "$WORK/topics.txt"
articles=$(curl -fsS "$BASE/api/v1/articles?limit=50" | jq -r '.items[] | .slug // .id')
{
  for _ in 1 2 3 4; do echo "/api/v1/articles"; done
  for a in $articles; do echo "/api/v1/articles/$a"; done
  while read -r t; do echo "/api/v1/topics/$t/articles"; done < "$WORK/topics.txt"
  for q in moscow talks oil "grain deal" economy -- президент; do
    [ "$q" = "--" ] && continue
    echo "/api/v1/search?q=$(jq -rn --arg q "$q" '$q|@uri')"
  done
  for pair in "USD&to=RUB" "EUR&to=RUB" "RUB&to=CNY" "USD&to=EUR"; do
    echo "/api/v1/currency/convert?from=$pair&amount=100"
  done
} > "$WORK/paths.txt"
export SOAK_READ_PATHS=$WORK/paths.txt SOAK_READERS=$WORK/readers.txt SOAK_TOPICS=$WORK/topics.txt

# Every path answers before the load starts, so a broken path shows here and not as a soak error.
while read -r path; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
  [ "$code" = 200 ] || { echo "GET $path answered $code before the soak" >&2; exit 1; }
done < "$WORK/paths.txt"

heap_after_gc() {
  jcmd $APP GC.run >/dev/null
  jcmd $APP GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9'
}
rss() { grep VmRSS /proc/$APP/status | tr -dc '0-9'; }

printf '| minute | requests | reads p99 ms | writes p99 ms | 4xx | 5xx | socket errors | heap after GC MiB | RSS MiB |\n' > "$WORK/table.md"
printf '|---|---|---|---|---|---|---|---|---|\n' >> "$WORK/table.md"
echo "minute 0: heap $(( $(heap_after_gc) / 1024 )) MiB, RSS $(( $(rss) / 1024 )) MiB"
[ "$NMT" = 1 ] && jcmd $APP VM.native_memory baseline >/dev/null
total=0 c4xx=0 c5xx=0 socket=0 chains=0
for minute in $(seq "$MINUTES"); do
  wrk -t1 -c"$READ_CONNECTIONS" -d60s --timeout 20s -s bench/soak-read.lua "$BASE" > "$WORK/read-$minute.txt" &
  READS=$!
  wrk -t"$WRITE_CONNECTIONS" -c"$WRITE_CONNECTIONS" -d60s --timeout 20s -s bench/soak-write.lua "$BASE" > "$WORK/write-$minute.txt"
  wait $READS
  read_line=$(grep '^SOAK' "$WORK/read-$minute.txt")
  write_line=$(grep '^SOAK' "$WORK/write-$minute.txt")
  field() { echo "$1" | grep -o "$2=[0-9.]*" | cut -d= -f2; }
  requests=$(( $(field "$read_line" requests) + $(field "$write_line" requests) ))
  m4xx=$(( $(field "$read_line" c4xx) + $(field "$write_line" c4xx) ))
  m5xx=$(( $(field "$read_line" c5xx) + $(field "$write_line" c5xx) ))
  msocket=$(( $(field "$read_line" socket) + $(field "$write_line" socket) ))
  total=$((total + requests)) c4xx=$((c4xx + m4xx)) c5xx=$((c5xx + m5xx)) socket=$((socket + msocket))
  chains=$((chains + $(field "$write_line" chains)))
  heap=$(( $(heap_after_gc) / 1024 )) rssm=$(( $(rss) / 1024 ))
  printf '| %d | %d | %s | %s | %d | %d | %d | %d | %d |\n' "$minute" "$requests" \
    "$(field "$read_line" p99ms)" "$(field "$write_line" p99ms)" "$m4xx" "$m5xx" "$msocket" "$heap" "$rssm" \
    | tee -a "$WORK/table.md"
done

result="bench/results/$(date -u +%F)-$commit-soak.md"
{
  echo "# Soak, $(date -u +%F), commit $commit"
  echo
  echo "\`SOAK_MINUTES=$MINUTES bench/soak.sh\`: the jar with -Xmx$HEAP on its own embedded PostgreSQL (demo data),"
  echo "$READ_CONNECTIONS connections of anonymous reads (All news, articles, topic streams, search, conversion)"
  echo "and $WRITE_CONNECTIONS of editor chains (create -> publish -> PATCH with If-Match -> a reader's preference save),"
  echo "in one-minute wrk slices. Heap is measured after a full GC (jcmd GC.run) at the end of each minute."
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)."
  echo
  echo "Totals: $total requests, $chains editor chains, $c4xx answers 4xx, $c5xx answers 5xx, $socket socket errors"
  echo "(none of these requests expects a 4xx, so every 4xx counts as an error)."
  echo
  cat "$WORK/table.md"
  if [ "$NMT" = 1 ]; then
    echo
    echo "## Native memory, minute 0 to the end (jcmd VM.native_memory summary.diff, committed KB)"
    echo
    echo '```'
    jcmd $APP VM.native_memory summary.diff scale=KB | grep -E '^(Total|-)' | grep -E 'committed=' \
      | sed -E 's/reserved=[0-9]+KB( [+-][0-9]+KB)?, //'
    echo '```'
  fi
} > "$result"
echo "written $result"
[ "$c4xx" = 0 ] && [ "$c5xx" = 0 ] && [ "$socket" = 0 ] || { echo "the soak saw errors" >&2; exit 1; }
