#!/usr/bin/env bash
# The issue-7 targets on a generated province (see bench/README.md, "Statistics at province scale").
#   1. generate-province --scale SCALE into a fresh database (records and their rollups), timed, size on disk;
#      then recount checks the rollups against the records (must be 0 differences), timed;
#   2. accounts for a provincial leader and a station director (create-user, tied to generated people);
#   3. warm latency, one request at a time after a warm-up (LoadGen latency): the province dashboard API and
#      page for one year, a station's dispute worklist at every page, resident look-up by exact ID number
#      (every thousandth generated ID, FENGQIAO_SAMPLE_IDS) and by name;
#   4. Open311 POST at a fixed rate (LoadGen rate), located by grid code (address_id; the generated grids have no
#      boundaries), spread over every grid of the province in a shuffled order.
# The app runs on core 0, the load on core 1 (Open311: both on both cores, see below). SQLite: a file in a temporary folder (kept with KEEP=1);
# PostgreSQL: database fengqiao_stats at 127.0.0.1 (scripts/test-services.sh), dropped and recreated.
# usage: bench/statistics.sh sqlite|postgres [SCALE=0.1] [OPEN311_RPS=1000]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
db=${1:?usage: bench/statistics.sh sqlite|postgres [SCALE] [OPEN311_RPS]}
scale=${2:-0.1}
rps=${3:-1000}
root=$PWD
# REUSE=DIR measures a database kept from an earlier run (KEEP=1) instead of generating one: SQLite reads DIR/province.db;
# PostgreSQL keeps database fengqiao_stats as it is (DIR holds the sample IDs and the lists the runs pick from).
dir=${REUSE:-$(mktemp -d /tmp/fengqiao-stats-bench.XXXX)}
port=5193
base=http://127.0.0.1:$port
app_dll=$root/src/Fengqiao/bin/Release/net10.0/Fengqiao.dll
tools_dll=$root/src/Fengqiao.Tools/bin/Release/net10.0/Fengqiao.Tools.dll
lg_dll=$root/bench/LoadGen/bin/Release/net10.0/LoadGen.dll
export Logging__LogLevel__Default=Warning Demo__Enabled=false
export Privacy__Keys__k1=YmVuY2gta2V5LWJlbmNoLWtleS1iZW5jaC1rZXktMzI= Privacy__CurrentKey=k1
export Privacy__HashKey=YmVuY2gtaGFzaC1rZXktYmVuY2gtaGFzaC1rZXktMzI=
export Limits__PerClientPerSecond=1000000 Limits__Concurrency=256 Limits__Queue=4096
export Open311__ApiKeys__0=bench-open311 Open311__PostsPerMinute=1000000
ids=$dir/ids.txt
if [ "$db" = postgres ]; then
  target=fengqiao_stats
  export Database__Provider=Postgres ConnectionStrings__Fengqiao="Host=127.0.0.1;Username=postgres;Password=postgres;Database=$target;Maximum Pool Size=90"  # below max_connections (100): a bigger pool makes PostgreSQL refuse connections under load
  sql() { PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d "$target" -tAc "$1"; }
  if [ -z "${REUSE:-}" ]; then PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $target" -c "CREATE DATABASE $target"; fi
  size() { sql "SELECT pg_size_pretty(pg_database_size('$target'))"; }
else
  target=$dir/province.db
  export ConnectionStrings__Fengqiao="Data Source=$target"
  sql() { sqlite3 "$target" "$1"; }
  size() { du -ch "$target"* | tail -1 | cut -f1; }
fi
app=""
cleanup() {
  set +e
  if [ -n "$app" ]; then kill -TERM "$app" 2>/dev/null; wait "$app" 2>/dev/null; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "(kept $dir)"; else rm -rf "$dir"; fi
}
trap cleanup EXIT

dotnet build src/Fengqiao.Tools -c Release -v q -nologo >/dev/null
dotnet build bench/LoadGen -c Release -v q -nologo >/dev/null

if [ -z "${REUSE:-}" ]; then
echo "== generate-province --scale $scale ($db)"
FENGQIAO_SAMPLE_IDS=$ids /usr/bin/time -f "   %e s in all, max RSS %M KB" -o "$dir/generate.time" dotnet "$tools_dll" generate-province --scale "$scale" >"$dir/generate.log"
grep -A40 "Summary:" "$dir/generate.log" || tail -n 40 "$dir/generate.log"
cat "$dir/generate.time"
echo "   size on disk: $(size)"
echo "== recount (checks the rollups; SKIP_RECOUNT=1 leaves it out)"
[ "${SKIP_RECOUNT:-0}" = 1 ] || /usr/bin/time -f "   %e s, max RSS %M KB" dotnet "$tools_dll" recount | tail -2
echo "   rollup rows: $(sql 'SELECT COUNT(*) FROM "AreaRollups"')"
fi

province_person=$(sql 'SELECT p."PersonId" FROM "Posts" p JOIN "Units" u ON u."Id" = p."UnitId" WHERE u."Kind" = 1 ORDER BY p."Id" LIMIT 1')
station=$(sql 'SELECT u."Id" FROM "Units" u WHERE u."Kind" = 4 ORDER BY u."Id" LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM "Units" WHERE "Kind" = 4)')
station_area=$(sql "SELECT a.\"Code\" FROM \"Units\" u JOIN \"Areas\" a ON a.\"Id\" = u.\"AreaId\" WHERE u.\"Id\" = $station")
station_person=$(sql "SELECT \"PersonId\" FROM \"Posts\" WHERE \"UnitId\" = $station AND \"Role\" = 2 ORDER BY \"Id\" LIMIT 1")
export FENGQIAO_ADMIN_PASSWORD='Bench-Province-2026!'
dotnet "$tools_dll" create-user bench.province Leader "$province_person" 2>/dev/null || true
dotnet "$tools_dll" create-user bench.station Leader "$station_person" 2>/dev/null || true
sql "SELECT \"Name\" FROM \"Residents\" WHERE \"AreaPath\" LIKE '%/$station_area/%' ORDER BY \"Id\" LIMIT 200" >"$dir/names.txt"
pages=$(( ($(sql "SELECT COUNT(*) FROM \"Disputes\" WHERE \"AreaPath\" LIKE '%/$station_area/%' AND \"MergedIntoId\" IS NULL") + 19) / 20 ))
seq 1 "$pages" >"$dir/pages.txt"
# Reports land all over the province, as residents' would: the grids in a shuffled order (the same each run).
sql "SELECT \"Code\" FROM \"Areas\" WHERE \"Level\" = 6 ORDER BY \"Id\"" | awk 'BEGIN { srand(7) } { print rand() "\t" $0 }' | sort -n | cut -f2 >"$dir/grids.txt"
echo "   station $station (area $station_area, $pages worklist pages of 20); Open311 reports go to $(wc -l <"$dir/grids.txt") grids"

taskset -c 0 dotnet "$app_dll" --urls "$base" >"$dir/app.log" 2>&1 &
app=$!
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
lat() { taskset -c 1 dotnet "$lg_dll" latency "$@"; }
year_from=$(date -d "-1 year +1 day" +%F); today=$(date +%F)
if [ -z "${ONLY_OPEN311:-}" ]; then
lat --url "$base/api/statistics?area=22&from=$year_from&to=$today" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 300 --label "province dashboard API, one year"
lat --url "$base/statistics?area=22&from=$year_from&to=$today" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 200 --label "province dashboard page, one year"
lat --url "$base/api/disputes?area=$station_area&page={raw}&pageSize=20" --values "$dir/pages.txt" --login "bench.station:$FENGQIAO_ADMIN_PASSWORD" --requests 500 --label "station dispute worklist, every page"
lat --url "$base/api/residents?name={pick}" --values "$dir/names.txt" --login "bench.station:$FENGQIAO_ADMIN_PASSWORD" --requests 500 --label "resident look-up by name (station)"
lat --url "$base/api/residents?name={pick}" --values "$dir/names.txt" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 500 --label "resident look-up by name (province)"
if [ -s "$ids" ]; then
  lat --url "$base/api/residents/lookup" --method POST --json '{"idNumber":"{raw}"}' --values "$ids" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 500 --label "resident look-up by exact ID number (province)"
fi
fi
# Open311 intake is measured on the whole machine: the app restarted on both cores, LoadGen beside it (its share of
# the processors counts against the app), after 60 s at the same rate to let the JIT finish (not counted).
echo "== Open311 POST at $rps/s for 20 s (app and LoadGen on both cores, after 60 s of warm-up at that rate)"
kill -TERM "$app"; wait "$app" 2>/dev/null || true
taskset -c 0,1 dotnet "$app_dll" --urls "$base" >>"$dir/app.log" 2>&1 &
app=$!
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
taskset -c 0,1 dotnet "$lg_dll" rate --url "$base/open311/v2/requests.json" --method POST --rps "$rps" --seconds 20 --warmup-seconds 60 --by-second 1 \
  --form "api_key=bench-open311&service_code=danger-fallingobject&description=Bench+report+{n}&address_id={raw}" --values "$dir/grids.txt" \
  --label "open311 POST" | tail -9
