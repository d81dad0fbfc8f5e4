#!/usr/bin/env bash
# The issue-7 targets on a generated province (see bench/README.md, "Statistics at province scale").
#   1. recount --fix builds the rollups from the generated records (timed), recount checks them (must be 0 differences);
#   2. accounts for a provincial leader and a station director (create-user, tied to generated people);
#   3. warm latency, one request at a time after a warm-up (LoadGen latency):
#      the province dashboard API and page for one year, a station's dispute worklist at every page,
#      resident look-up by exact ID number (from the generator's sample file) and by name;
#   4. Open311 POST at a fixed rate (LoadGen rate) with points inside generated grids.
# The database must come from generate-province with the same privacy keys (this script and
# bench/generate-province.sh both use the fixed bench keys below when none are set).
# usage: bench/statistics.sh sqlite FILE.db | postgres DBNAME   [IDS_FILE] [OPEN311_RPS=1000]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
db=${1:?usage: bench/statistics.sh sqlite FILE.db | postgres DBNAME [IDS_FILE] [OPEN311_RPS]}
target=${2:?database file or name}
ids=${3:-}
rps=${4:-1000}
root=$PWD
dir=$(mktemp -d /tmp/fengqiao-stats-bench.XXXX)
port=5193
base=http://127.0.0.1:$port
app_dll=$root/src/Fengqiao/bin/Release/net10.0/Fengqiao.dll
lg_dll=$root/bench/LoadGen/bin/Release/net10.0/LoadGen.dll
export Logging__LogLevel__Default=Warning Demo__Enabled=false
export Privacy__Keys__k1=${Privacy__Keys__k1:-YmVuY2gta2V5LWJlbmNoLWtleS1iZW5jaC1rZXktMzI=}
export Privacy__CurrentKey=${Privacy__CurrentKey:-k1}
export Privacy__HashKey=${Privacy__HashKey:-YmVuY2gtaGFzaC1rZXktYmVuY2gtaGFzaC1rZXktMzI=}
export Limits__PerClientPerSecond=1000000 Limits__Concurrency=256 Limits__Queue=4096
export Open311__ApiKeys__0=bench-open311
if [ "$db" = postgres ]; then
  export Database__Provider=Postgres ConnectionStrings__Fengqiao="Host=127.0.0.1;Username=postgres;Password=postgres;Database=$target;Maximum Pool Size=200"
  sql() { PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d "$target" -tAc "$1"; }
else
  export ConnectionStrings__Fengqiao="Data Source=$target"
  sql() { sqlite3 "$target" "$1"; }
fi
app=""
cleanup() { set +e; if [ -n "$app" ]; then kill -TERM "$app" 2>/dev/null; wait "$app" 2>/dev/null; fi; echo "(logs: $dir)"; }
trap cleanup EXIT

dotnet build src/Fengqiao -c Release -v q -nologo >/dev/null
dotnet build bench/LoadGen -c Release -v q -nologo >/dev/null

echo "== recount --fix (builds the rollups from the records)"
/usr/bin/time -f "   %e s, max RSS %M KB" dotnet "$app_dll" recount --fix | tail -3
echo "== recount (checks them)"
/usr/bin/time -f "   %e s, max RSS %M KB" dotnet "$app_dll" recount | tail -2
echo "   rollup rows: $(sql 'SELECT COUNT(*) FROM "AreaRollups"')"

province_person=$(sql 'SELECT p."PersonId" FROM "Posts" p JOIN "Units" u ON u."Id" = p."UnitId" WHERE u."Kind" = 1 ORDER BY p."Id" LIMIT 1')
station=$(sql 'SELECT u."Id" FROM "Units" u WHERE u."Kind" = 4 ORDER BY u."Id" LIMIT 1 OFFSET 100')
station_area=$(sql "SELECT a.\"Code\" FROM \"Units\" u JOIN \"Areas\" a ON a.\"Id\" = u.\"AreaId\" WHERE u.\"Id\" = $station")
station_person=$(sql "SELECT \"PersonId\" FROM \"Posts\" WHERE \"UnitId\" = $station AND \"Role\" = 2 ORDER BY \"Id\" LIMIT 1")
export FENGQIAO_ADMIN_PASSWORD='Bench-Province-2026!'
dotnet "$app_dll" create-user bench.province Leader "$province_person" 2>/dev/null || true
dotnet "$app_dll" create-user bench.station Leader "$station_person" 2>/dev/null || true
sql "SELECT \"Name\" FROM \"Residents\" WHERE \"AreaPath\" LIKE '%/$station_area/%' ORDER BY \"Id\" LIMIT 200" >"$dir/names.txt"
pages=$(( ($(sql "SELECT COUNT(*) FROM \"Disputes\" WHERE \"AreaPath\" LIKE '%/$station_area/%' AND \"MergedIntoId\" IS NULL") + 19) / 20 ))
seq 1 "$pages" >"$dir/pages.txt"
sql 'SELECT "CentreLat" || '"','"' || "CentreLng" FROM "Areas" WHERE "Level" = 6 AND "BoundaryGeoJson" IS NOT NULL ORDER BY "Id" LIMIT 5000' >"$dir/points.txt"
echo "   station $station (area $station_area, $pages worklist pages of 20), $(wc -l <"$dir/points.txt") grid centres for Open311"

taskset -c 0 dotnet "$app_dll" --urls "$base" >"$dir/app.log" 2>&1 &
app=$!
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
lat() { taskset -c 1 dotnet "$lg_dll" latency "$@"; }
year_from=$(date -d "-1 year +1 day" +%F); today=$(date +%F)
lat --url "$base/api/statistics?area=22&from=$year_from&to=$today" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 300 --label "province dashboard API, one year"
lat --url "$base/statistics?area=22&from=$year_from&to=$today" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 200 --label "province dashboard page, one year"
lat --url "$base/api/disputes?area=$station_area&page={raw}&pageSize=20" --values "$dir/pages.txt" --login "bench.station:$FENGQIAO_ADMIN_PASSWORD" --requests 500 --label "station dispute worklist, every page"
lat --url "$base/api/residents?name={pick}" --values "$dir/names.txt" --login "bench.station:$FENGQIAO_ADMIN_PASSWORD" --requests 500 --label "resident look-up by name (station)"
lat --url "$base/api/residents?name={pick}" --values "$dir/names.txt" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 500 --label "resident look-up by name (province)"
if [ -n "$ids" ]; then
  lat --url "$base/api/residents/lookup" --method POST --json '{"idNumber":"{raw}"}' --values "$ids" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 500 --label "resident look-up by exact ID number (province)"
fi
echo "== Open311 POST at $rps/s for 20 s"
taskset -c 1 dotnet "$lg_dll" rate --url "$base/open311/v2/requests.json" --method POST --rps "$rps" --seconds 20 \
  --form "api_key=bench-open311&service_code=danger-fallingobject&description=Bench+report+{n}&lat=43.8871&long=125.3076" --label "open311 POST" | tail -4
