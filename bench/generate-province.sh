#!/usr/bin/env bash
# Generates the province dataset into a fresh database and prints the time and the size on disk.
# usage: bench/generate-province.sh sqlite|postgres [SCALE=0.01] [extra generate-province arguments, e.g. --seed 7]
# SQLite: a new file in a temporary folder (kept when KEEP=1). PostgreSQL: needs a server at 127.0.0.1
# (scripts/test-services.sh starts one); it drops and recreates database ${FENGQIAO_GEN_DB:-fengqiao_gen}.
# Privacy keys: the ones in the environment (Privacy__Keys__k1 …), else a key file made for this run.
set -euo pipefail
DB=${1:?usage: bench/generate-province.sh sqlite|postgres [SCALE] [args]}
SCALE=${2:-0.01}
shift $(( $# >= 2 ? 2 : 1 ))
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/fengqiao-generate.XXXX)
PGDB=${FENGQIAO_GEN_DB:-fengqiao_gen}

dotnet build "$ROOT/src/Fengqiao.Tools" -c Release -v q -nologo >/dev/null
TOOLS="$ROOT/src/Fengqiao.Tools/bin/Release/net10.0/Fengqiao.Tools.dll"
export Logging__LogLevel__Default=Warning Demo__Enabled=false
if [ -z "${Privacy__Keys__k1:-}" ]; then
  export Privacy__KeyFile="$WORK/privacy-keys.json"
fi
if [ "$DB" = postgres ]; then
  export Database__Provider=Postgres ConnectionStrings__Fengqiao="Host=127.0.0.1;Username=postgres;Password=postgres;Database=$PGDB"
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $PGDB" -c "CREATE DATABASE $PGDB"
else
  export ConnectionStrings__Fengqiao="Data Source=$WORK/province.db"
fi

echo "== generate-province --scale $SCALE $* into $DB"
(cd "$ROOT/src/Fengqiao" && time dotnet "$TOOLS" generate-province --scale "$SCALE" "$@")
if [ "$DB" = postgres ]; then
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d "$PGDB" -tAc "SELECT 'size on disk ' || pg_size_pretty(pg_database_size('$PGDB'))"
else
  du -ch "$WORK"/province.db* | tail -1 | awk '{print "size on disk " $1}'
fi
if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
