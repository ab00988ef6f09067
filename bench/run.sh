#!/usr/bin/env bash
# Seeds a million-article archive into a dedicated embedded database and prints the EXPLAIN
# ANALYZE of the feed's three query shapes. Needs psql (Debian: apt-get install postgresql-client).
#   bench/run.sh            seed (first run only, a few minutes) + feed plans
#   bench/run.sh keep       ... and leave the service running on :18090 for wrk
set -euo pipefail
cd "$(dirname "$0")/.."

PGPORT=${BENCH_PGPORT:-55432}
APP_PORT=${BENCH_APP_PORT:-18090}
DATA_DIR=${BENCH_DATA_DIR:-target/bench/pgdata}

command -v psql >/dev/null || { echo "psql is needed: apt-get install postgresql-client" >&2; exit 1; }
ls target/dateline-*.jar >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests

mkdir -p target/bench
java -jar target/dateline-*.jar --server.port="$APP_PORT" \
  --dateline.embedded-db.data-dir="$DATA_DIR" --dateline.embedded-db.port="$PGPORT" \
  --dateline.demo-data.enabled=false > target/bench/app.log 2>&1 &
APP=$!
trap '[ "${1:-}" = keep ] || kill $APP' EXIT
until curl -fsS "localhost:$APP_PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { cat target/bench/app.log; exit 1; }
  sleep 1
done

export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres
psql -q -f bench/seed.sql
psql -f bench/feed-explain.sql | tee target/bench/feed-explain.txt
[ -f bench/search-explain.sql ] && psql -f bench/search-explain.sql | tee target/bench/search-explain.txt
echo "plans written to target/bench/"
