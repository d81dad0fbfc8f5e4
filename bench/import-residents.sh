#!/usr/bin/env bash
# Imports a generated file of residents into a fresh demo database and prints rows per second.
# usage: bench/import-residents.sh [ROWS=1000000] [sqlite|postgres] [AREA=2201]
# PostgreSQL: needs a server at localhost (scripts/test-services.sh starts one); it uses database fengqiao_bench.
set -euo pipefail
ROWS=${1:-1000000}
DB=${2:-sqlite}
AREA=${3:-2201}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/fengqiao-import.XXXX)
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

# The tools project builds the app too: the app seeds the demo, the tools make the file and import it.
dotnet build "$ROOT/src/Fengqiao.Tools" -c Release -v q -nologo >/dev/null
APP="$ROOT/src/Fengqiao/bin/Release/net10.0/Fengqiao.dll"
TOOLS="$ROOT/src/Fengqiao.Tools/bin/Release/net10.0/Fengqiao.Tools.dll"
export Privacy__KeyFile="$WORK/keys.json" ASPNETCORE_URLS=http://127.0.0.1:5199 Logging__LogLevel__Default=Warning
if [ "$DB" = postgres ]; then
  export Database__Provider=Postgres ConnectionStrings__Fengqiao="Host=localhost;Username=postgres;Password=postgres;Database=fengqiao_bench"
  PGPASSWORD=postgres psql -h localhost -U postgres -qc "DROP DATABASE IF EXISTS fengqiao_bench" -c "CREATE DATABASE fengqiao_bench"
  # On PostgreSQL the demo is seeded by migrate, not by the web node.
  (cd "$ROOT/src/Fengqiao" && Demo__Enabled=true dotnet "$TOOLS" migrate)
else
  export ConnectionStrings__Fengqiao="Data Source=$WORK/bench.db"
fi

echo "== seeding the demo province"
# Stopped by its own pid: other copies of the app on this machine are not this script's to end.
(cd "$ROOT/src/Fengqiao" && Demo__Enabled=true exec dotnet "$APP" >"$WORK/app.log" 2>&1) & app=$!
until curl -sf http://127.0.0.1:5199/healthz >/dev/null; do sleep 1; done
kill "$app"; wait "$app" 2>/dev/null || true

echo "== generating $ROWS rows"
(cd "$ROOT/src/Fengqiao" && dotnet "$TOOLS" make-residents-csv "$ROWS" "$WORK/residents.csv" "$AREA")
ls -lh "$WORK/residents.csv" | awk '{print "file size " $5}'

echo "== importing into $DB"
(cd "$ROOT/src/Fengqiao" && /usr/bin/time -f "peak memory %M KB" dotnet "$TOOLS" import-residents "$WORK/residents.csv" "$AREA")
if [ "$DB" = sqlite ]; then ls -lh "$WORK"/bench.db* | awk '{print $9 " " $5}'; fi
rm -rf "$WORK"
