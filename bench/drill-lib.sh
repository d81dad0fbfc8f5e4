# Shared by the bench/drill-*.sh scripts: the cluster (scripts/cluster.sh), LoadGen, staff traffic with a signed-in
# session, and the check of every acknowledged Open311 write against the database. Sourced, not run.
set -euo pipefail
export LC_ALL=C
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cluster=$root/scripts/cluster.sh
export CLUSTER_DIR=${CLUSTER_DIR:-/tmp/fengqiao-cluster}
# Every request comes from 127.0.0.1 here, so the per-client limits (HAProxy's table and the nodes') are lifted.
export CLUSTER_LIFT_LIMITS=1
front=http://127.0.0.1:${CLUSTER_APP_PORT:-8780}
lg_dll=$root/bench/LoadGen/bin/Release/net10.0/LoadGen.dll
work=$(mktemp -d /tmp/fengqiao-drill.XXXX)
bg_pids=()
own_cluster=false

drill_cleanup() {
  set +e
  local p
  for p in "${bg_pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${bg_pids[@]}"; do wait "$p" 2>/dev/null; done
  if $own_cluster && [ "${KEEP:-0}" != 1 ]; then "$cluster" down >/dev/null; fi
  echo "(drill files: $work; cluster logs: $CLUSTER_DIR/logs)"
}
trap drill_cleanup EXIT
trap 'exit 130' INT TERM

# A fresh cluster for the drill (KEEP=1 leaves it running afterwards).
drill_cluster_up() {
  local nodes=${1:-3}
  if [ "${REUSE:-0}" = 1 ] && [ -f "$CLUSTER_DIR/run/haproxy.pid" ]; then
    echo "   (REUSE=1: the cluster already running in $CLUSTER_DIR, started with CLUSTER_LIFT_LIMITS=1)"
  else
    "$cluster" down >/dev/null 2>&1 || true
    own_cluster=true
    "$cluster" up --nodes "$nodes" | sed 's/^/   /'
  fi
  if [ ! -f "$lg_dll" ] || [ "${CLUSTER_BUILD:-0}" = 1 ]; then
    dotnet build "$root/bench/LoadGen" -c Release -nologo -v:q >"$work/lg-build.log" 2>&1 || { cat "$work/lg-build.log" >&2; exit 1; }
  fi
  cp -r "$root/bench/LoadGen/bin/Release/net10.0" "$work/lg-bin" && lg_dll=$work/lg-bin/LoadGen.dll
}

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
haproxy_state() { echo "show stat" | socat - "UNIX-CONNECT:$CLUSTER_DIR/haproxy.sock" | awk -F, -v b="$1" -v s="$2" '$1 == b && $2 == s { print $18 }'; }
# wait_state BACKEND SERVER STATE LIMIT: seconds until HAProxy reports it.
wait_state() {
  local t0; t0=$(now)
  for _ in $(seq 1 $(($4 * 10))); do
    [ "$(haproxy_state "$1" "$2")" = "$3" ] && { since "$t0"; return 0; }
    sleep 0.1
  done
  echo "never"
}

# Acknowledged writes: LoadGen's crash-writer posts Open311 reports and fsyncs "token TAB id" for every 2xx.
start_writer() {
  dotnet "$lg_dll" crash-writer --url "$front" --acked "$work/acked.tsv" --workers "${1:-4}" --api-key fengqiao-demo-open311 \
    >"$work/writer.log" 2>&1 &
  bg_pids+=($!)
  writer_pid=$!
}
stop_writer() { kill -TERM "$writer_pid" 2>/dev/null || true; wait "$writer_pid" 2>/dev/null || true; }

# Staff traffic: one signed-in officer (one cookie) asking for the worklist every 100 ms; each answer's status and the
# node that served it go to staff.tsv.
start_staff() {
  (
    jar=$work/staff.cookies
    curl -s -c "$jar" -o /dev/null -H 'Content-Type: application/json' \
      -d '{"userName":"demo.officer","password":"Fengqiao-2024"}' "$front/api/account/login"
    while :; do
      curl -s -b "$jar" -o /dev/null -D - --max-time 10 "$front/api/disputes?pageSize=20" 2>/dev/null |
        awk -v t="$(date +%s.%N)" 'NR == 1 { code = $2 } tolower($1) == "x-served-by:" { node = $2 } END { gsub("\r", "", node); print t "\t" (code ? code : "000") "\t" (node ? node : "-") }'
      sleep 0.1
    done >"$work/staff.tsv"
  ) &
  bg_pids+=($!)
  staff_pid=$!
}
stop_staff() { kill -TERM "$staff_pid" 2>/dev/null || true; pkill -P "$staff_pid" 2>/dev/null || true; wait "$staff_pid" 2>/dev/null || true; }
staff_summary() {
  awk -F'\t' '{ n++; if ($2 ~ /^2/) ok++; else bad[$2]++; node[$3]++ }
    END { printf "%d requests, %d 2xx", n, ok; for (c in bad) printf ", %d × %s", bad[c], c; printf "; served by"; for (s in node) printf " %s:%d", s, node[s]; print "" }' "$work/staff.tsv"
}

# Open-loop Open311 load through HAProxy: RATE per second for SECONDS; the RESULT line goes to $work/load.json.
start_load() {
  dotnet "$lg_dll" rate --url "$front/open311/v2/requests.json" --rps "$1" --seconds "$2" --warmup-seconds 3 \
    --form "api_key=fengqiao-demo-open311&service_code=danger-fallingobject&description=drill-{n}&lat=43.887&long=125.3076" \
    --label "open311 at $1/s" >"$work/load.log" 2>&1 &
  bg_pids+=($!)
  load_pid=$!
}
wait_load() { wait "$load_pid" || true; grep '^RESULT ' "$work/load.log" | sed 's/^RESULT //' >"$work/load.json"; }

# Every acknowledged report must be in the database with its own token (a lost commit's id may be given again).
check_acked() {
  awk -F'\t' 'NF == 2 && $1 ~ /^crash-[0-9a-f]+$/' "$work/acked.tsv" >"$work/acked.clean.tsv"
  "$cluster" psql -v ON_ERROR_STOP=1 -qAt >"$work/check.txt" <<EOF
CREATE TEMP TABLE acked(token text NOT NULL, code text NOT NULL);
\copy acked FROM '$work/acked.clean.tsv'
SELECT count(*) FROM acked;
SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM "ResidentRequests" r WHERE r."Code" = a.code AND r."Description" = a.token);
EOF
  acked_total=$(sed -n 1p "$work/check.txt")
  acked_missing=$(sed -n 2p "$work/check.txt")
}

# One Open311 report every 100 ms with curl, each answer's time and status to probe.tsv: the longest gap between two
# 2xx answers is the time the cluster took no writes.
start_write_probe() {
  (
    while :; do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
        -d "api_key=fengqiao-demo-open311&service_code=tip&description=probe&lat=43.887&long=125.3076" \
        "$front/open311/v2/requests.json" 2>/dev/null || true)
      printf '%s\t%s\n' "$(date +%s.%N)" "${code:-000}"
      sleep 0.1
    done >"$work/probe.tsv"
  ) &
  bg_pids+=($!)
  probe_pid=$!
}
stop_write_probe() { kill -TERM "$probe_pid" 2>/dev/null || true; wait "$probe_pid" 2>/dev/null || true; }
# The longest stretch, in seconds, between two 2xx answers of the write probe.
longest_write_gap() {
  awk -F'\t' '$2 ~ /^2/ { if (last && $1 - last > gap) { gap = $1 - last; at = last } last = $1 } END { printf "%.1f", gap }' "$work/probe.tsv"
}
