#!/usr/bin/env bash
# Drill 4: a generated province on the cluster (three nodes behind HAProxy, the Patroni pair with a synchronous
# standby). The leaders' figures are read on the replica (ConnectionStrings:FengqiaoRead), the worklist on the
# primary, the look-ups by name on the replica; each at the one-node targets (figures p95 < 100 ms, worklist and
# look-ups p95 < 50 ms). The replica's and the primary's committed transactions are counted around each run, so the
# figures say where the requests were answered.
#
# usage: bench/drill-province.sh [SCALE]    SCALE defaults to 0.1; 1.0 is the full province (about 36 GB on each of
#                                           the two PostgreSQL members, so 72 GB of disk)
# KEEP=1 leaves the cluster running; REUSE=1 measures a cluster already up with a generated province.
. "$(dirname "$0")/drill-lib.sh"
scale=${1:-0.1}
export CLUSTER_PROVINCE_SCALE=$scale
export FENGQIAO_SAMPLE_IDS=$work/ids.txt
echo "== the cluster with a province generated at scale $scale"
t0=$SECONDS
drill_cluster_up 3
echo "   ready in $((SECONDS - t0)) s"
. "$CLUSTER_DIR/secrets.env"
sql() { "$cluster" psql -tAc "$1"; }
# Transactions committed on each side, to show where a run was answered.
commits() { PGPASSWORD=$PG_SUPER_PASSWORD psql -h 127.0.0.1 -p "$1" -U postgres -d fengqiao -tAc "SELECT xact_commit FROM pg_stat_database WHERE datname = 'fengqiao'"; }
primary_port() { [ "$("$cluster" primary)" = pg1 ] && echo 5441 || echo 5442; }
replica_port() { [ "$("$cluster" primary)" = pg1 ] && echo 5442 || echo 5441; }
echo "   $(sql 'SELECT COUNT(*) FROM "Residents"') residents, $(sql 'SELECT COUNT(*) FROM "Disputes"') disputes, $(sql 'SELECT COUNT(*) FROM "AreaRollups"') rollup rows"
echo "   replica: $("$cluster" status | grep -E 'pg[12]' | tr -s '\t' ' ' | tr '\n' ';')"

province_person=$(sql 'SELECT p."PersonId" FROM "Posts" p JOIN "Units" u ON u."Id" = p."UnitId" WHERE u."Kind" = 1 ORDER BY p."Id" LIMIT 1')
station=$(sql 'SELECT u."Id" FROM "Units" u WHERE u."Kind" = 4 ORDER BY u."Id" LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM "Units" WHERE "Kind" = 4)')
station_area=$(sql "SELECT a.\"Code\" FROM \"Units\" u JOIN \"Areas\" a ON a.\"Id\" = u.\"AreaId\" WHERE u.\"Id\" = $station")
station_person=$(sql "SELECT \"PersonId\" FROM \"Posts\" WHERE \"UnitId\" = $station AND \"Role\" = 2 ORDER BY \"Id\" LIMIT 1")
export FENGQIAO_ADMIN_PASSWORD='Bench-Province-2026!'
"$cluster" tool create-user bench.province Leader "$province_person" >/dev/null 2>&1 || true
"$cluster" tool create-user bench.station Leader "$station_person" >/dev/null 2>&1 || true
sql "SELECT \"Name\" FROM \"Residents\" WHERE \"AreaPath\" LIKE '%/$station_area/%' ORDER BY \"Id\" LIMIT 200" >"$work/names.txt"
pages=$(( ($(sql "SELECT COUNT(*) FROM \"Disputes\" WHERE \"AreaPath\" LIKE '%/$station_area/%' AND \"MergedIntoId\" IS NULL") + 19) / 20 ))
seq 1 "$pages" >"$work/pages.txt"
echo "   station $station (area $station_area, $pages worklist pages of 20)"
year_from=$(date -d "-1 year +1 day" +%F); today=$(date +%F)
# Sessions are made once per run (LoadGen signs in first); warm each path, then measure one request at a time.
run() {
  local label=$1; shift
  dotnet "$lg_dll" latency "$@" --requests 50 --label "warm-up" >/dev/null
  local p0 r0; p0=$(commits "$(primary_port)"); r0=$(commits "$(replica_port)")
  dotnet "$lg_dll" latency "$@" --label "$label" | sed 's/^/   /'
  echo "      committed transactions during the run: primary +$(( $(commits "$(primary_port)") - p0 )), replica +$(( $(commits "$(replica_port)") - r0 ))"
}
echo "== latency through HAProxy (:${CLUSTER_APP_PORT:-8780}), three nodes"
run "province dashboard API, one year (replica)" --url "$front/api/statistics?area=22&from=$year_from&to=$today" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 300
run "station dispute worklist, every page (primary)" --url "$front/api/disputes?area=$station_area&page={raw}&pageSize=20" --values "$work/pages.txt" --login "bench.station:$FENGQIAO_ADMIN_PASSWORD" --requests 500
run "resident look-up by name, station (replica)" --url "$front/api/residents?name={pick}" --values "$work/names.txt" --login "bench.station:$FENGQIAO_ADMIN_PASSWORD" --requests 500
run "resident look-up by name, province (replica)" --url "$front/api/residents?name={pick}" --values "$work/names.txt" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 500
if [ -s "$work/ids.txt" ]; then
  run "resident look-up by exact ID number, province" --url "$front/api/residents/lookup" --method POST --json '{"idNumber":"{raw}"}' --values "$work/ids.txt" --login "bench.province:$FENGQIAO_ADMIN_PASSWORD" --requests 500
fi
echo "== done in $((SECONDS - t0)) s"
