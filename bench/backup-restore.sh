#!/usr/bin/env bash
# Backs up the running demo system while residents keep posting Open311 reports, restores the backup onto a fresh
# database (with a fresh key file path, as on a new machine), and prints the backup's size and time, the restore time,
# and the export hashes of the backed-up snapshot and of the restored database (they must be equal).
# usage: bench/backup-restore.sh [sqlite|postgres]
# PostgreSQL: needs a server at localhost, user postgres / password postgres (scripts/test-services.sh starts one);
# it uses the databases fengqiao_bench_live and fengqiao_bench_restored.
set -euo pipefail
DB=${1:-sqlite}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/fengqiao-backup.XXXX)
PORT=5192
URL=http://127.0.0.1:$PORT
app_pid=""
load_pid=""
cleanup() {
  [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null || true
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build "$ROOT/src/Fengqiao.Tools" -c Release -v q -nologo >/dev/null
APP="$ROOT/src/Fengqiao/bin/Release/net10.0/Fengqiao.dll"
TOOLS="$ROOT/src/Fengqiao.Tools/bin/Release/net10.0/Fengqiao.Tools.dll"
export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Supervision__Enabled=false \
  Open311__PostsPerMinute=100000000 Limits__PerClientPerSecond=100000
PG="Host=localhost;Username=postgres;Password=postgres"

live_env() {
  export Privacy__KeyFile="$WORK/live-keys.json"
  if [ "$DB" = postgres ]; then
    export Database__Provider=Postgres ConnectionStrings__Fengqiao="$PG;Database=fengqiao_bench_live"
  else
    export ConnectionStrings__Fengqiao="Data Source=$WORK/live.db"
  fi
}
restored_env() {
  export Privacy__KeyFile="$WORK/restored-keys.json"
  if [ "$DB" = postgres ]; then
    export Database__Provider=Postgres ConnectionStrings__Fengqiao="$PG;Database=fengqiao_bench_restored"
  else
    export ConnectionStrings__Fengqiao="Data Source=$WORK/restored.db"
  fi
}
cli() { (cd "$ROOT/src/Fengqiao" && dotnet "$TOOLS" "$@"); }

if [ "$DB" = postgres ]; then
  PGPASSWORD=postgres psql -h localhost -U postgres -qc "DROP DATABASE IF EXISTS fengqiao_bench_live WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS fengqiao_bench_restored WITH (FORCE)" \
    -c "CREATE DATABASE fengqiao_bench_live" -c "CREATE DATABASE fengqiao_bench_restored"
  live_env
  Demo__Enabled=true cli migrate  # on PostgreSQL the demo is seeded by migrate, not by the web node
fi

echo "== starting the demo system on $DB"
live_env
(cd "$ROOT/src/Fengqiao" && ASPNETCORE_URLS=$URL Demo__Enabled=true exec dotnet "$APP" >"$WORK/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 240); do curl -sf "$URL/healthz" >/dev/null && break; sleep 1; done
curl -sf "$URL/healthz" >/dev/null || { echo "the app did not start:"; tail -20 "$WORK/app.log"; exit 1; }

echo "== backing up while residents post reports"
(
  n=0; ok=0
  while [ ! -f "$WORK/stop" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST \
      --data "api_key=fengqiao-demo-open311&service_code=tip&description=backup-load-$n&lat=43.887&long=125.3076" \
      "$URL/open311/v2/requests.json" || true)
    n=$((n + 1)); [ "$code" = 201 ] && ok=$((ok + 1))
    sleep 0.05
  done
  echo "$n $ok" >"$WORK/load.out"
) &
load_pid=$!
sleep 2
cli backup "$WORK/backup" | tee "$WORK/backup.out"
sleep 1
touch "$WORK/stop"; wait "$load_pid" || true; load_pid=""
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

echo "== restoring onto a fresh database"
restored_env
set +e
cli restore "$WORK/backup" | tee "$WORK/restore.out"
status=${PIPESTATUS[0]}
set -e
cli export-hash >"$WORK/hash.out"

backup_hash=$(sed -n 's/^Export hash: \([0-9a-f]*\).*/\1/p' "$WORK/backup.out")
restored_hash=$(sed -n 's/^TOTAL \([0-9a-f]*\)$/\1/p' "$WORK/hash.out")
read -r posted acknowledged <"$WORK/load.out"
echo
echo "== $DB backup and restore"
echo "backup:   $(sed -n 's/^Backup complete: .*, \([0-9.]* MB\) (.*) in \([0-9.]* s\)\.$/\1 in \2/p' "$WORK/backup.out")"
echo "restore:  $(sed -n 's/^Restore complete and verified: .* in \([0-9.]* s\)\.$/\1/p' "$WORK/restore.out") (exit code $status)"
echo "load:     $acknowledged of $posted Open311 reports acknowledged (201) during the run"
echo "hash of the backed-up snapshot: $backup_hash"
echo "hash of the restored database:  $restored_hash"
if [ -n "$backup_hash" ] && [ "$backup_hash" = "$restored_hash" ] && [ "$status" = 0 ]; then
  echo "equal: yes"
else
  echo "equal: NO"; exit 1
fi
