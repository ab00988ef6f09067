#!/usr/bin/env bash
# Load phase of bench/run.sh (which starts the service and seeds): wrk on every endpoint, pgbench on
# the same SQL, CPU per request from /proc, and the result file.
#   bench/load.sh <java pid> <seconds to ready> [<seconds of seeding>]
set -euo pipefail
cd "$(dirname "$0")/.."

APP=$1
READY_SECONDS=$2
SEED_SECONDS=${3:-}
APP_PORT=${BENCH_APP_PORT:-18090}
WARMUP=${BENCH_WARMUP:-60}
DURATION=${BENCH_DURATION:-30}
PG_DURATION=${BENCH_PGBENCH_DURATION:-$DURATION}
THREADS=2
CONNECTIONS=32
OUT=target/bench
BASE="http://127.0.0.1:$APP_PORT"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-${BENCH_PGPORT:-55432}} PGUSER=${PGUSER:-postgres}
export PGDATABASE=${PGDATABASE:-postgres}
# the embedded cluster's superuser password, kept beside its data directory (bench/run.sh exports it)
if [ -z "${PGPASSWORD:-}" ]; then
  PGPASSWORD=$(cat "${BENCH_DATA_DIR:-target/bench/pgdata}.password")
  export PGPASSWORD
fi
TICK=$(getconf CLK_TCK)
started=$(date +%s)
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- parameters of the requests, read from the service and the database -----------------------
psql -tAc "select w from bench_word where lang = 'en' and n > 25 and w ~ '^[a-z]+$'
             and w not in ('quokka', 'tessellation', 'zanzibar') order by n" > "$OUT/words.txt"
export BENCH_WORDS="$OUT/words.txt"

cursor=
for _ in $(seq 50); do
  cursor=$(curl -fsS "$BASE/api/v1/articles?limit=20${cursor:+&cursor=$cursor}" \
    | grep -o '"nextCursor":"[^"]*"' | cut -d'"' -f4)
done
PAGE51="/api/v1/articles?limit=20&cursor=$cursor"

TOKEN=$(curl -fsS -X POST "$BASE/api/v1/readers" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
curl -fsS -o /dev/null -X PUT "$BASE/api/v1/me/preferences" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"filterEnabled": true, "followedTopics": ["bench-topic-3", "bench-topic-11", "bench-topic-25"],
       "mutedTopics": ["bench-topic-9"], "languages": []}'
export BENCH_TOKEN=$TOKEN

# a published article a little way down All news (a fixed slug may be one of the drafts)
ARTICLE_ID=$(psql -tAc "select id from article where status = 'PUBLISHED' and published_at <= now()
                        order by published_at desc, id desc offset 1000 limit 1")
# seed-articles.sql writes the rows feeds and search read, not the pages an article read serves:
# give the measured article its page (a seed written before this line has none)
psql -qc "insert into article_page (article_id, page_number, body_html)
          select id, 1, '<p>' || body_text || '</p>' from article where id = $ARTICLE_ID
          on conflict do nothing" >/dev/null
RATES_DATE=$(psql -tAc "select max(rate_date) from exchange_rate where source = 'CBR'")

# name|path (or a Lua script)|pgbench script or -
ENDPOINTS=(
  "liveness|/actuator/health/liveness|-"
  "all news, page 1|/api/v1/articles?limit=20|allnews"
  "all news, page 51|$PAGE51|allnews-deep"
  "3-topic feed|/api/v1/articles?limit=20&topic=bench-topic-2&topic=bench-topic-5&topic=bench-topic-17|topics3"
  "reader's feed (3 followed, 1 muted)|/api/v1/feed?limit=20|reader"
  "article by id|/api/v1/articles/$ARTICLE_ID|article"
  "topic list|/api/v1/topics|-"
  "search, 20 popular queries|lua:popular|search-relevance"
  "search, long tail (random pair)|lua:longtail|search-relevance"
  "search, sort=date|/api/v1/search?q=interest+rates&sort=date|search-date"
  "suggestions|/api/v1/search/suggest?q=minis|-"
  "currency convert|/api/v1/currency/convert?from=USD&to=RUB&amount=100&date=$RATES_DATE|-"
  "rates table|/api/v1/currency/rates?source=cbr&date=$RATES_DATE|-"
  "RSS|/api/v1/feeds/all.rss|-"
)

for entry in "${ENDPOINTS[@]}"; do
  path=$(echo "$entry" | cut -d'|' -f2)
  case "$path" in
    lua:*) ;;
    *) curl -fsS -o /dev/null ${TOKEN:+-H "Authorization: Bearer $TOKEN"} "$BASE$path" \
         || { echo "request failed: $path" >&2; exit 1; } ;;
  esac
done

# ---- /proc accounting ----------------------------------------------------------------------------
postmaster() { head -1 "$(psql -tAc 'show data_directory')/postmaster.pid"; }
PG_MAIN=$(postmaster)
# utime + stime of one process, in ticks
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
java_cpu() { cpu_of "$APP"; }
# the postmaster with its reaped children (cutime + cstime) plus its live children
pg_cpu() {
  local total
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$PG_MAIN/stat")
  for child in $(ps -o pid= --ppid "$PG_MAIN"); do
    total=$((total + $(cpu_of "$child")))
  done
  echo "$total"
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP/status"; }

# ---- wrk ----------------------------------------------------------------------------------------
lua_for() {
  local script=$OUT/$1.lua
  if [ "$1" = report ]; then
    cp bench/wrk/report.lua "$script"
  else
    cat "bench/wrk/$1.lua" bench/wrk/report.lua > "$script"
  fi
  echo "$script"
}

# runs wrk once; prints "req/s p50_ms p99_ms java_ms_per_req pg_ms_per_req errors"
measure() {
  local path=$1 seconds=$2 headers=() script
  case "$path" in
    lua:*) script=$(lua_for "${path#lua:}"); path=/ ;;
    *) script=$(lua_for report) ;;
  esac
  [ "$path" = "/api/v1/feed?limit=20" ] && headers=(-H "Authorization: Bearer $TOKEN")
  local j0 p0 j1 p1 line
  j0=$(java_cpu); p0=$(pg_cpu)
  line=$(wrk -t$THREADS -c$CONNECTIONS -d"${seconds}s" --timeout 10s "${headers[@]}" -s "$script" "$BASE$path" \
    | grep '^BENCH ')
  j1=$(java_cpu); p1=$(pg_cpu)
  echo "$line" | awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v tick="$TICK" '{
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      n = v["requests"]; rps = n / (v["duration_us"] / 1e6)
      printf "%.0f %.1f %.1f %.3f %.3f %d\n", rps, v["p50_us"] / 1000, v["p99_us"] / 1000,
             n ? j * 1000 / tick / n : 0, n ? p * 1000 / tick / n : 0, v["errors"] }'
}

echo "warm-up: ${WARMUP}s over every endpoint"
: > "$OUT/warmup-paths.txt"
for entry in "${ENDPOINTS[@]}"; do
  path=$(echo "$entry" | cut -d'|' -f2)
  case "$path" in
    lua:popular) echo "/api/v1/search?q=interest+rates" >> "$OUT/warmup-paths.txt" ;;
    lua:longtail) echo "/api/v1/search?q=harvest+tariff" >> "$OUT/warmup-paths.txt" ;;
    *) echo "$path" >> "$OUT/warmup-paths.txt" ;;
  esac
done
BENCH_WARMUP_PATHS="$OUT/warmup-paths.txt" wrk -t$THREADS -c$CONNECTIONS -d"${WARMUP}s" --timeout 10s \
  -s bench/wrk/warmup.lua "$BASE/" > "$OUT/warmup.txt"

declare -A RUN1 RUN2 FLOOR
for entry in "${ENDPOINTS[@]}"; do
  name=$(echo "$entry" | cut -d'|' -f1)
  path=$(echo "$entry" | cut -d'|' -f2)
  RUN1[$name]=$(measure "$path" "$DURATION")
  RUN2[$name]=$(measure "$path" "$DURATION")
  echo "$name: ${RUN1[$name]} / ${RUN2[$name]}"
done
RSS_AFTER=$(rss_mb)

# ---- pgbench: the floor ------------------------------------------------------------------------
# The service's own statements (bench/pgbench/*.sql) at the same concurrency, on the same
# database, with the same parameters; psql's EXPLAIN prefix of the shared search files is dropped.
PROTECT=$'<\uE000\uE001\uE002'
PROTECTED=$'\uE002'
HEADLINE_OPTIONS=$'HighlightAll=true, StartSel=\uE000, StopSel=\uE001'
mkdir -p "$OUT/pgbench"
for file in bench/search/candidates-walk.sql bench/search/rows.sql; do
  grep -v '^explain ' "$file" > "$OUT/pgbench/$(basename "$file")"
done
PAGE_IDS=$(psql -tAc "select string_agg(id::text, ',') from (select id from article where status = 'PUBLISHED'
                        and published_at <= now() order by published_at desc, id desc limit 20) p")
# page 51's position: the last article of page 50, as the cursor the wrk run follows encodes it
read -r DEEP_ID DEEP_TIME <<< "$(psql -tAF' ' -c "select id, published_at from article
  where status = 'PUBLISHED' and published_at <= now() order by published_at desc, id desc offset 999 limit 1")"
# the tsqueries SearchRepository.begin binds for "interest rates" (bench/search/terms.sql)
tsquery_of() {
  psql -tAc "select quote_literal($1::text)"
}
TS_ENGLISH=$(tsquery_of "websearch_to_tsquery('english', 'interest rates')")
TS_RUSSIAN=$(tsquery_of "websearch_to_tsquery('russian', 'interest rates') || websearch_to_tsquery('russian', 'интерест ратес')")
TS_SIMPLE=$(tsquery_of "websearch_to_tsquery('simple', 'interest rates')")
floor_of() {
  local script=$1 extra=()
  case "$script" in
    search-relevance) extra=(-f "$OUT/pgbench/candidates-walk.sql" -f "$OUT/pgbench/rows.sql" -D limit=201 -D window=2000) ;;
    search-date) extra=(-f "$OUT/pgbench/candidates-walk.sql" -f "$OUT/pgbench/rows.sql" -D limit=21 -D window=2000) ;;
    *) extra=(-f "bench/pgbench/$script.sql") ;;
  esac
  pgbench -n -M simple -c$CONNECTIONS -j$THREADS -T"$PG_DURATION" "${extra[@]}" \
    -D english="$TS_ENGLISH" -D russian="$TS_RUSSIAN" -D simple="$TS_SIMPLE" -D now='now()' -D ids="$PAGE_IDS" -D article="$ARTICLE_ID" \
    -D afterTime="'$DEEP_TIME'" -D afterId="$DEEP_ID" \
    -D protect="'$PROTECT'" -D protected="'$PROTECTED'" \
    -D headlineOptions="'$HEADLINE_OPTIONS'" \
    > "$OUT/pgbench/$script.log" 2>&1 || true
  # a script that fails leaves its log and no floor, not the run without a result file
  awk '/^tps/ {printf "%.0f", $3; found = 1} END { if (!found) printf "failed" }' "$OUT/pgbench/$script.log"
}
for script in allnews allnews-deep topics3 reader article search-relevance search-date; do
  FLOOR[$script]=$(floor_of "$script")
  echo "pgbench $script: ${FLOOR[$script]} tps"
done

# ---- the result file -----------------------------------------------------------------------------
COMMIT=$(git rev-parse --short HEAD)
DIRTY=$(git status --porcelain --untracked-files=no | grep -q . && echo " (with uncommitted changes)" || true)
RESULT=bench/results/$(date -u +%F)-$COMMIT.md
mkdir -p bench/results
target_of() {
  case "$1" in
    liveness) echo "15000 -" ;;
    "all news, page 1" | "all news, page 51") echo "8000 25" ;;
    "3-topic feed" | "reader's feed (3 followed, 1 muted)") echo "3000 50" ;;
    "article by id") echo "3000 30" ;;
    "search, 20 popular queries") echo "250 300" ;;
    "search, long tail (random pair)") echo "100 500" ;;
    "currency convert" | "rates table") echo "10000 -" ;;
    *) echo "- -" ;;
  esac
}
{
  echo "# Benchmark $(date -u +%F), commit $COMMIT$DIRTY"
  echo
  echo "Written by \`bench/run.sh\`. Load average before the warm-up: $LOAD_AT_START (1, 5, 15 min);"
  echo "wrk, the service and PostgreSQL share the machine's cores, as the targets assume."
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
  echo "- memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "- JDK: $(java -version 2>&1 | head -1)"
  echo "- PostgreSQL: $(psql -tAc 'show server_version') (embedded, same machine)"
  echo "- wrk -t$THREADS -c$CONNECTIONS, warm-up ${WARMUP}s once, then two runs of ${DURATION}s per endpoint;"
  echo "  pgbench -c$CONNECTIONS -j$THREADS -T$PG_DURATION -M simple"
  echo "- archive: $(psql -tAc "select count(*) from article") articles ($(psql -tAc "select count(*) from article where status = 'PUBLISHED'") published),"
  echo "  table and indexes $(psql -tAc "select pg_size_pretty(pg_total_relation_size('article'))")"
  [ -n "$SEED_SECONDS" ] && echo "- seeding took ${SEED_SECONDS}s"
  if [ "${BENCH_CDS:-0}" = 1 ]; then
    echo "- service ready ${READY_SECONDS}s after start, extracted with its CDS archive (the jar as built:"
    echo "  ${BENCH_READY_PLAIN}s); RSS after the load ${RSS_AFTER} MB"
  else
    echo "- service ready ${READY_SECONDS}s after start (the jar as built); RSS after the load ${RSS_AFTER} MB"
  fi
  echo "- whole load phase: $(( $(date +%s) - started ))s"
  echo
  echo "## Results"
  echo
  echo "CPU is milliseconds per request from /proc/<pid>/stat (utime + stime) over each run: the Java"
  echo "process, and PostgreSQL summed over the postmaster and its backends. Floor: pgbench with the"
  echo "service's SQL for the same read (bench/pgbench/, bench/search/)."
  echo
  echo "| endpoint | run 1 req/s | p50 ms | p99 ms | run 2 req/s | p50 ms | p99 ms | floor tps | ratio | Java CPU ms/req | PG CPU ms/req | target | met |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for entry in "${ENDPOINTS[@]}"; do
    name=$(echo "$entry" | cut -d'|' -f1)
    floor=$(echo "$entry" | cut -d'|' -f3)
    read -r r1 a1 b1 j1 g1 e1 <<< "${RUN1[$name]}"
    read -r r2 a2 b2 j2 g2 e2 <<< "${RUN2[$name]}"
    read -r want_rps want_p99 <<< "$(target_of "$name")"
    floor_tps=-
    ratio=-
    if [ "$floor" != - ] && [ -n "${FLOOR[$floor]:-}" ]; then
      floor_tps=${FLOOR[$floor]}
      [[ $floor_tps =~ ^[0-9]+$ ]] && ratio=$(awk -v r="$r2" -v f="$floor_tps" 'BEGIN { printf "%.2f", (f > 0 ? r / f : 0) }')
    fi
    met=-
    target=-
    if [ "$want_rps" != - ]; then
      target="≥ $want_rps req/s"
      met=$(awk -v r="$r2" -v w="$want_rps" 'BEGIN { print (r >= w) ? "met" : sprintf("missed (%.0f%%)", 100 * r / w) }')
      if [ "$want_p99" != - ]; then
        target="$target, p99 ≤ $want_p99 ms"
        met=$(awk -v m="$met" -v p="$b2" -v w="$want_p99" 'BEGIN { print (m == "met" && p <= w) ? "met" : (p <= w ? m : m ", p99 " p " ms") }')
      fi
    fi
    errors=""
    [ "$e1$e2" != 00 ] && errors=" (errors: $e1, $e2)"
    echo "| $name$errors | $r1 | $a1 | $b1 | $r2 | $a2 | $b2 | $floor_tps | $ratio | $j2 | $g2 | $target | $met |"
  done
  echo
  rss_target=$(awk -v r="$RSS_AFTER" 'BEGIN { print (r <= 768) ? "met" : "missed" }')
  ready_target=$(awk -v r="$READY_SECONDS" 'BEGIN { print (r <= 15) ? "met" : "missed" }')
  echo "| service | measured | target | met |"
  echo "|---|---|---|---|"
  echo "| RSS after the load | ${RSS_AFTER} MB | ≤ 768 MB | $rss_target |"
  if [ "${BENCH_CDS:-0}" = 1 ]; then
    echo "| ready after start (extracted, CDS archive) | ${READY_SECONDS} s | ≤ 15 s | $ready_target |"
    echo "| ready after start (the jar as built) | ${BENCH_READY_PLAIN} s | - | - |"
  else
    echo "| ready after start (the jar as built) | ${READY_SECONDS} s | ≤ 15 s | $ready_target |"
  fi
  echo
  echo "The ratio is run 2 against the floor. Where a target is missed, see the notes below."
} > "$RESULT"
echo "result: $RESULT"
