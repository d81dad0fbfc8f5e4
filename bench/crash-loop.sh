#!/usr/bin/env bash
# Crash durability (issue 8, item 1). A steady stream of Open311 reports (LoadGen crash-writer, 8 workers)
# while the server is killed with SIGKILL at a random moment LOOPS times and restarted each time; on
# PostgreSQL the database server is also stopped in immediate mode at the same instant (its own crash) and
# restarted. Afterwards every report acknowledged with a 2xx (the writer fsyncs "token TAB id" before it
# counts one) must be in the database, and the database must pass its integrity check.
#
# usage: bench/crash-loop.sh sqlite|postgres [LOOPS=200] [--control]
#   --control  turns durability off so the check must find losses (exit 0 if it does, 1 if not):
#              PostgreSQL synchronous_commit=off (and wal_writer_delay=10s), reset at the end;
#              SQLite Database__UnsafeAcknowledgeBeforeCommit=true (the app answers before it commits).
# PostgreSQL: needs the local cluster scripts/test-services.sh starts (run as root: pg_ctlcluster);
# uses the database fengqiao_crash, dropped and created afresh. Logs stay in the printed directory.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 sqlite|postgres [LOOPS=200] [--control]" >&2; exit 2; }
db=""
loops=200
control=false
for arg in "$@"; do
  case "$arg" in
    sqlite | postgres) db=$arg ;;
    --control) control=true ;;
    '' | *[!0-9]*) usage ;;
    *) loops=$arg ;;
  esac
done
[ -n "$db" ] || usage

root=$PWD
dir=$(mktemp -d /tmp/fengqiao-crash.XXXX)
port=${CRASH_PORT:-5191}
base=http://127.0.0.1:$port
app_dll=$root/src/Fengqiao/bin/Release/net10.0/Fengqiao.dll
lg_dll=$root/bench/LoadGen/bin/Release/net10.0/LoadGen.dll
acked=$dir/acked.tsv
app=""
writer=""
pgver=""
pg_settings_changed=false
mode=durable
if $control; then mode=control; fi

pg() { PGPASSWORD=postgres psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

pg_start() {
  pg_ctlcluster "$pgver" main start >>"$dir/pg.log" 2>&1 || true
  for _ in $(seq 1 120); do
    if pg_isready -q -h 127.0.0.1 -p 5432; then return 0; fi
    sleep 0.5
  done
  echo "PostgreSQL did not come back: see $dir/pg.log and /var/log/postgresql/" >&2
  return 1
}

cleanup() {
  set +e
  if [ -n "$writer" ]; then kill -TERM "$writer" 2>/dev/null; wait "$writer" 2>/dev/null; fi
  if [ -n "$app" ]; then kill -9 "$app" 2>/dev/null; wait "$app" 2>/dev/null; fi
  if [ "$db" = postgres ] && [ -n "$pgver" ]; then
    pg_isready -q -h 127.0.0.1 -p 5432 || pg_start
    if $pg_settings_changed; then
      pg -d postgres -c "ALTER SYSTEM RESET synchronous_commit" -c "ALTER SYSTEM RESET wal_writer_delay" \
        -c "SELECT pg_reload_conf()" >/dev/null && echo "(PostgreSQL: synchronous_commit and wal_writer_delay reset)"
    fi
  fi
  echo "(logs: $dir)"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build() {
  if ! dotnet build "$1" -c Release -nologo -v:q >"$dir/build.log" 2>&1; then
    cat "$dir/build.log" >&2
    exit 1
  fi
}
echo "== building the app and LoadGen (logs in $dir)"
build src/Fengqiao.Tools
build bench/LoadGen
# Run copies, so that rebuilding the working tree during a long run does not change the program under test.
cp -r "$root/src/Fengqiao/bin/Release/net10.0" "$dir/app-bin" && app_dll=$dir/app-bin/Fengqiao.dll
cp -r "$root/src/Fengqiao.Tools/bin/Release/net10.0" "$dir/tools-bin" && tools_dll=$dir/tools-bin/Fengqiao.Tools.dll
cp -r "$root/bench/LoadGen/bin/Release/net10.0" "$dir/lg-bin" && lg_dll=$dir/lg-bin/LoadGen.dll

export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$base \
  Open311__PostsPerMinute=100000000 Limits__PerClientPerSecond=1000000 Limits__Concurrency=1000 \
  Privacy__KeyFile="$dir/keys.json" Supervision__Enabled=false Logging__LogLevel__Default=Warning

if [ "$db" = postgres ]; then
  pgver=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h 2>/dev/null | grep -q "^$pgver main "; then
    echo "No local PostgreSQL cluster $pgver/main to crash: run scripts/test-services.sh first." >&2
    exit 1
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || pg_start
  export Database__Provider=Postgres \
    ConnectionStrings__Fengqiao="Host=localhost;Username=postgres;Password=postgres;Database=fengqiao_crash"
  pg -d postgres -c "DROP DATABASE IF EXISTS fengqiao_crash WITH (FORCE)" -c "CREATE DATABASE fengqiao_crash"
  if ! (cd src/Fengqiao && dotnet "$tools_dll" migrate) >"$dir/migrate.log" 2>&1; then
    cat "$dir/migrate.log" >&2
    exit 1
  fi
  if $control; then
    # Commits are acknowledged before their WAL reaches the disk, and the WAL writer waits up to 10 s:
    # an immediate stop then loses acknowledged commits.
    pg_settings_changed=true
    pg -d postgres -c "ALTER SYSTEM SET synchronous_commit = off" -c "ALTER SYSTEM SET wal_writer_delay = '10s'" \
      -c "SELECT pg_reload_conf()" >/dev/null
  fi
else
  dbfile=$dir/crash.db
  export ConnectionStrings__Fengqiao="Data Source=$dbfile"
  if $control; then export Database__UnsafeAcknowledgeBeforeCommit=true; fi
fi

start_app() {
  dotnet "$app_dll" --contentRoot "$root/src/Fengqiao" >>"$dir/app.log" 2>&1 &
  app=$!
}

# Running and not a zombie (wait_up runs in a subshell, which cannot reap the app).
alive() {
  local state
  state=$(cut -d ' ' -f 3 "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

# Prints how long /healthz took to answer; fails when the app exits or takes more than $1 seconds.
wait_up() {
  local limit=$1 t0=$EPOCHREALTIME started=$SECONDS
  until curl -sf -o /dev/null --max-time 2 "$base/healthz"; do
    if ! alive "$app"; then
      echo "The app exited while starting; the end of $dir/app.log:" >&2
      tail -n 40 "$dir/app.log" >&2
      return 1
    fi
    if ((SECONDS - started > limit)); then
      echo "The app did not answer /healthz within $limit s; the end of $dir/app.log:" >&2
      tail -n 40 "$dir/app.log" >&2
      return 1
    fi
    sleep 0.1
  done
  awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'
}

stop_app() {
  kill -TERM "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
}

# The crash: SIGKILL to the app and, on PostgreSQL, an immediate stop of the cluster right after.
crash() {
  kill -9 "$app" 2>/dev/null || true
  if [ "$db" = postgres ]; then pg_ctlcluster -m immediate "$pgver" main stop >>"$dir/pg.log" 2>&1 || true; fi
  wait "$app" 2>/dev/null || true
  app=""
  if [ "$db" = postgres ]; then pg_start; fi
}

acked_count() { if [ -f "$acked" ]; then wc -l <"$acked"; else echo 0; fi; }

echo "== $db, $mode: first start (migrations and the demo seed, up to 180 s)"
start_app
up=$(wait_up 180)
echo "   up in $up s"
stop_app

dotnet "$lg_dll" crash-writer --url "$base" --acked "$acked" --workers 8 --api-key fengqiao-demo-open311 >"$dir/writer.log" 2>&1 &
writer=$!

for i in $(seq 1 "$loops"); do
  start_app
  up=$(wait_up 180)
  ms=$((500 + RANDOM % 2501))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  crash
  if ! alive "$writer"; then
    echo "The writer stopped; see $dir/writer.log" >&2
    tail -n 20 "$dir/writer.log" >&2
    exit 1
  fi
  printf 'loop %d/%d: up in %s s, killed after %d.%d s, acked so far %d\n' \
    "$i" "$loops" "$up" $((ms / 1000)) $((ms % 1000 / 100)) "$(acked_count)"
done

kill -TERM "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
writer=""
tail -n 2 "$dir/writer.log" | sed 's/^/   writer: /'

echo "== final start (so recovery has run), then the checks"
start_app
up=$(wait_up 180)
echo "   up in $up s"
stop_app

# Only whole "crash-<hex> TAB <code>" lines count; anything else would be a line the writer never finished.
awk -F'\t' 'NF == 2 && $1 ~ /^crash-[0-9a-f]+$/ && $2 ~ /^[A-Za-z0-9._-]+$/' "$acked" >"$dir/acked.clean.tsv"
total=$(wc -l <"$acked")
clean=$(wc -l <"$dir/acked.clean.tsv")
if [ "$clean" -ne "$total" ]; then echo "   note: $((total - clean)) malformed line(s) in $acked ignored"; fi

# A report is present when a row has its id AND its token: after a lost commit the same id can be given
# again to a later report, which must not pass for the lost one.
if [ "$db" = sqlite ]; then
  {
    echo "CREATE TEMP TABLE acked(token TEXT NOT NULL, code TEXT NOT NULL);"
    echo "BEGIN;"
    awk -F'\t' '{ printf "INSERT INTO acked VALUES('\''%s'\'', '\''%s'\'');\n", $1, $2 }' "$dir/acked.clean.tsv"
    echo "COMMIT;"
    echo "SELECT a.token, a.code FROM acked a LEFT JOIN ResidentRequests r ON r.Code = a.code AND r.Description = a.token WHERE r.Id IS NULL;"
  } >"$dir/check.sql"
  sqlite3 -bail -separator $'\t' "$dbfile" <"$dir/check.sql" >"$dir/missing.tsv"
  ic=$(sqlite3 "$dbfile" "PRAGMA integrity_check;" 2>&1) || true
  fk=$(sqlite3 "$dbfile" "PRAGMA foreign_key_check;" 2>&1) || true
  echo "   PRAGMA integrity_check: $(head -n 3 <<<"$ic" | tr '\n' ' ')"
  if [ -n "$fk" ]; then echo "   PRAGMA foreign_key_check: $(head -n 3 <<<"$fk" | tr '\n' ' ')"; fi
  if [ "$ic" = ok ] && [ -z "$fk" ]; then integrity=ok; else integrity=FAILED; fi
else
  pg -d fengqiao_crash -At -F $'\t' >"$dir/missing.out" <<SQL
CREATE TEMP TABLE acked(token text NOT NULL, code text NOT NULL);
\copy acked FROM '$dir/acked.clean.tsv'
SELECT a.token, a.code FROM acked a LEFT JOIN "ResidentRequests" r ON r."Code" = a.code AND r."Description" = a.token WHERE r."Id" IS NULL;
SQL
  grep '^crash-' "$dir/missing.out" >"$dir/missing.tsv" || true
  amcheck=$(command -v pg_amcheck || echo "/usr/lib/postgresql/$pgver/bin/pg_amcheck")
  if [ -x "$amcheck" ]; then
    if PGPASSWORD=postgres "$amcheck" -h localhost -U postgres --install-missing --heapallindexed fengqiao_crash >"$dir/amcheck.log" 2>&1; then
      integrity=ok
    else
      integrity=FAILED
    fi
    echo "   pg_amcheck --heapallindexed: $integrity$([ -s "$dir/amcheck.log" ] && echo " ($(head -n 3 "$dir/amcheck.log" | tr '\n' ' '))")"
  else
    # No pg_amcheck: VACUUM reads every page, and a count of every table must run without error.
    counts=$(pg -d fengqiao_crash -At -c "SELECT format('SELECT count(*) FROM %I.%I;', schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
    if pg -d fengqiao_crash -c "VACUUM (ANALYZE)" >"$dir/vacuum.log" 2>&1 && pg -d fengqiao_crash <<<"$counts" >>"$dir/vacuum.log" 2>&1; then
      integrity=ok
    else
      integrity=FAILED
    fi
    echo "   VACUUM (ANALYZE) and a count of every table: $integrity"
  fi
fi

missing=$(wc -l <"$dir/missing.tsv")
if [ "$missing" -gt 0 ]; then
  echo "   missing (first 5 of $missing, all in $dir/missing.tsv):"
  head -n 5 "$dir/missing.tsv" | sed 's/^/     /'
fi
echo "RESULT loops=$loops acked=$clean missing=$missing integrity=$integrity db=$db mode=$mode"

if $control; then
  if [ "$missing" -gt 0 ]; then
    echo "control: loss detected as expected ($missing acknowledged reports missing with durability off)"
    exit 0
  fi
  echo "control failed to detect loss" >&2
  exit 1
fi
if [ "$missing" -gt 0 ] || [ "$integrity" != ok ]; then exit 1; fi
