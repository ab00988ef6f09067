#!/usr/bin/env bash
# The benchmark: a million articles, the service under wrk, the same SQL under pgbench (the
# floor), CPU and memory from /proc, and a result file. See bench/README.md.
#   bench/run.sh          seed (first run only), plans, load, bench/results/<date>-<commit>.md
#   bench/run.sh plans    seed (first run only) and the EXPLAIN ANALYZE plans only
#   bench/run.sh keep     seed and plans, then leave the service running on :18090
# Durations (seconds) come from BENCH_WARMUP (60), BENCH_DURATION (30, each of two measured runs
# per endpoint) and BENCH_PGBENCH_DURATION (BENCH_DURATION); BENCH_JAR names the service's jar
# (default: target/dateline-*.jar, built when missing); BENCH_JAVA_OPTS the service's JVM options
# (default -Xmx512m: a set heap, as a server runs it; the JVM's default, a quarter of the machine's
# memory, lets the heap grow into gigabytes that a 20k req/s allocation rate would fill).
# BENCH_CDS=0 runs the jar as it is; by default the service runs as the README's "Faster start" section
# deploys it: extracted, with a class-data-sharing archive from a training run (Spring Boot's
# documented CDS recipe). The result file gives the time to ready both ways.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-all}
PGPORT=${BENCH_PGPORT:-55432}
APP_PORT=${BENCH_APP_PORT:-18090}
DATA_DIR=${BENCH_DATA_DIR:-target/bench/pgdata}
WARMUP=${BENCH_WARMUP:-60}
DURATION=${BENCH_DURATION:-30}
PG_DURATION=${BENCH_PGBENCH_DURATION:-$DURATION}
ARTICLES=${BENCH_ARTICLES:-1000000}
CHUNK=100000
OUT=target/bench
BASE="http://127.0.0.1:$APP_PORT"

missing=()
for tool in java curl psql pgbench wrk; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "missing: ${missing[*]}. On Debian/Ubuntu: apt-get install postgresql-client postgresql-contrib wrk curl" \
       "(pgbench is in postgresql-contrib on older releases, postgresql-client on newer) and a JDK 17+" >&2
  exit 1
fi

mkdir -p "$OUT"
if [ -z "${BENCH_JAR:-}" ]; then
  ls target/dateline-*.jar >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests
  BENCH_JAR=$(ls target/dateline-*.jar | grep -v original | head -1)
fi
# a copy, so that a rebuild while the bench runs cannot change the classes under the service
JAR=$OUT/dateline.jar
cp "$BENCH_JAR" "$JAR"
CDS=${BENCH_CDS:-1}
APP_DIR=$OUT/app

export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres
APP=
stop_app() {
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then
    kill "$APP"
    wait "$APP" 2>/dev/null || true
  fi
  APP=
}
trap '[ "$MODE" = keep ] || stop_app' EXIT

# one load generator on one address stands for many clients: the per-address rate limits
# (tested on their own) would measure themselves, so they are off here
APP_ARGS=(--server.port="$APP_PORT" --dateline.embedded-db.data-dir="$DATA_DIR" --dateline.embedded-db.port="$PGPORT"
  --dateline.demo-data.enabled=true --dateline.rate-limit.enabled=false)

# The extracted jar and its class-data-sharing archive: a training run starts the application
# context (database, migrations and all) and exits, and the JVM writes the classes it loaded.
prepare_cds() {
  rm -rf "$APP_DIR"
  java -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" > "$OUT/extract.log" 2>&1
  java ${BENCH_JAVA_OPTS--Xmx512m} -XX:ArchiveClassesAtExit="$APP_DIR/dateline.jsa" -Dspring.context.exit=onRefresh \
    -jar "$APP_DIR/dateline.jar" "${APP_ARGS[@]}" > "$OUT/cds-training.log" 2>&1 || true
  [ -s "$APP_DIR/dateline.jsa" ] || { tail -30 "$OUT/cds-training.log"; echo "no CDS archive written" >&2; exit 1; }
}

# Starts the service and sets READY_SECONDS to the time until readiness answers UP. One retry:
# right after seeding, PostgreSQL's first start can outlast the embedded starter's wait.
# "plain" starts the jar as built, without the archive.
start_app() {
  local started attempt launch
  if [ "$CDS" = 1 ] && [ "${1:-}" != plain ]; then
    launch=(-XX:SharedArchiveFile="$APP_DIR/dateline.jsa" -jar "$APP_DIR/dateline.jar")
  else
    launch=(-jar "$JAR")
  fi
  for attempt in 1 2; do
    started=$(date +%s.%N)
    java ${BENCH_JAVA_OPTS--Xmx512m} "${launch[@]}" "${APP_ARGS[@]}" > "$OUT/app.log" 2>&1 &
    APP=$!
    until curl -fsS "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
      if ! kill -0 "$APP" 2>/dev/null; then
        [ $attempt = 2 ] && { tail -50 "$OUT/app.log"; exit 1; }
        echo "the service did not start; once more"
        sleep 5
        continue 2
      fi
      sleep 0.2
    done
    break
  done
  READY_SECONDS=$(echo "$(date +%s.%N) - $started" | bc)
  # the service sets the superuser's password on the cluster's first start and keeps it beside it
  PGPASSWORD=$(cat "$DATA_DIR.password")
  export PGPASSWORD
  echo "service ready in ${READY_SECONDS}s (pid $APP)"
}

seeded() {
  [ "$(psql -tAc "select exists (select from article where slug = 'bench-$ARTICLES')
                         and to_regclass('bench_saved_index') is null")" = t ]
}

[ "$CDS" = 1 ] && prepare_cds
start_app
SEED_SECONDS=
if ! seeded; then
  if [ "$(psql -tAc "select exists (select from article where slug like 'bench-%')")" = t ]; then
    echo "$DATA_DIR holds a partial seed: stop, delete it and run again" >&2
    exit 1
  fi
  echo "seeding $ARTICLES articles (first run only; minutes)"
  seed_started=$(date +%s)
  psql -q -f bench/seed.sql
  # two chunks at a time: the machine has two cores, and to_tsvector of the bodies is the cost
  for ((lo = 1; lo <= ARTICLES; lo += 2 * CHUNK)); do
    psql -q -v lo=$lo -v hi=$((lo + CHUNK - 1 < ARTICLES ? lo + CHUNK - 1 : ARTICLES)) -f bench/seed-articles.sql &
    first=$!
    if ((lo + CHUNK <= ARTICLES)); then
      psql -q -v lo=$((lo + CHUNK)) -v hi=$((lo + 2 * CHUNK - 1 < ARTICLES ? lo + 2 * CHUNK - 1 : ARTICLES)) \
        -f bench/seed-articles.sql
    fi
    wait $first
    echo "  $((lo + 2 * CHUNK - 1 < ARTICLES ? lo + 2 * CHUNK - 1 : ARTICLES)) articles"
  done
  psql -q -f bench/seed-finish.sql
  SEED_SECONDS=$(($(date +%s) - seed_started))
  echo "seeded in ${SEED_SECONDS}s" | tee "$OUT/seed-time.txt"
  # the service counted and cached nothing of this yet; measure a clean start on the full archive
  stop_app
  start_app
fi
READY_PLAIN_SECONDS=$READY_SECONDS
if [ "$CDS" = 1 ] && [ "$MODE" = all ]; then
  # the same start without the archive, for the result file
  stop_app
  start_app plain
  READY_PLAIN_SECONDS=$READY_SECONDS
  stop_app
  start_app
fi

psql -f bench/feed-explain.sql > "$OUT/feed-explain.txt"
psql -f bench/search-explain.sql > "$OUT/search-explain.txt"
echo "plans written to $OUT/feed-explain.txt and $OUT/search-explain.txt"
case "$MODE" in
  plans) exit 0 ;;
  keep) echo "service left running on $BASE (pid $APP)"; exit 0 ;;
esac

BENCH_READY_PLAIN=$READY_PLAIN_SECONDS BENCH_CDS=$CDS \
  bench/load.sh "$APP" "$READY_SECONDS" "${SEED_SECONDS:-$(cat "$OUT/seed-time.txt" 2>/dev/null | tr -dc 0-9)}"
