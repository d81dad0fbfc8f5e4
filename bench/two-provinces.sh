#!/usr/bin/env bash
# Two provinces on this machine, each in its own database with its own privacy keys, and the nation's figures read from both.
# usage: bench/two-provinces.sh [SCALE=0.01] [FROM=2026-01-01 TO=yesterday in China]
# Generates Jilin (22, seed 7) and Liaoning (21, seed 8, drawn on Jilin's shape under its own code) into two SQLite files,
# then runs `national-rollup` on both: every figure per province and for the nation, written to national.csv, and the check
# that the nation's total is the sum of the provinces' own totals (exit 1 otherwise). KEEP=1 keeps the folder.
# PG=1 puts Liaoning on PostgreSQL instead (database fengqiao_province_21 at 127.0.0.1, dropped and created; scripts/test-services.sh
# starts a server): two provinces on two different databases, read by the same command.
# Runs niced: the machine is shared.
set -euo pipefail
SCALE=${1:-0.01}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/fengqiao-two-provinces.XXXX)
END=$(TZ=Asia/Shanghai date -d yesterday +%F)
FROM=${FROM:-$(TZ=Asia/Shanghai date -d yesterday +%Y)-01-01}
TO=${TO:-$END}

dotnet build "$ROOT/src/Fengqiao.Tools" -c Release -v q -nologo >/dev/null
TOOLS="$ROOT/src/Fengqiao.Tools/bin/Release/net10.0/Fengqiao.Tools.dll"
export Logging__LogLevel__Default=Warning Demo__Enabled=false

PGDB=fengqiao_province_21
PGCS="Host=127.0.0.1;Username=postgres;Password=postgres;Database=$PGDB"
declare -A SOURCE=([22]="Data Source=$WORK/province-22.db" [21]="Data Source=$WORK/province-21.db")
if [ "${PG:-0}" = 1 ]; then
  SOURCE[21]=$PGCS
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $PGDB" -c "CREATE DATABASE $PGDB"
fi
for p in "22 7" "21 8"; do
  set -- $p
  provider=Sqlite; case "${SOURCE[$1]}" in Host=*) provider=Postgres;; esac
  echo "== province $1 ($provider): generate-province --scale $SCALE --seed $2 --end $END --province $1"
  # Each province its own keys (made for this run), as two clusters would have: the nation needs none of them.
  (cd "$ROOT/src/Fengqiao" && Privacy__KeyFile="$WORK/keys-$1.json" Database__Provider=$provider ConnectionStrings__Fengqiao="${SOURCE[$1]}" \
    nice -n 10 /usr/bin/time -f "   %e s, max RSS %M KB" dotnet "$TOOLS" generate-province --scale "$SCALE" --seed "$2" --end "$END" --province "$1" | tail -2)
  if [ $provider = Postgres ]; then
    PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d "$PGDB" -tAc "SELECT '   size on disk ' || pg_size_pretty(pg_database_size('$PGDB'))"
  else
    du -ch "$WORK/province-$1.db"* | tail -1 | awk '{print "   size on disk " $1}'
  fi
done

echo "== national-rollup --from $FROM --to $TO"
# No privacy keys and no connection string of its own: only the provinces' databases, opened read-only.
(cd "$WORK" && env -u Privacy__KeyFile /usr/bin/time -f "   %e s, max RSS %M KB" dotnet "$TOOLS" national-rollup \
  --province "${SOURCE[22]}" --province "${SOURCE[21]}" \
  --from "$FROM" --to "$TO" --out "$WORK/national.csv")
echo "== the same province twice must be refused"
if (cd "$WORK" && dotnet "$TOOLS" national-rollup --province "Data Source=$WORK/province-22.db" --province "Data Source=$WORK/province-22.db"); then
  echo "NOT REFUSED"; exit 1
fi
if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
