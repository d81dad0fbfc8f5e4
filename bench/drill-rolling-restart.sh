#!/usr/bin/env bash
# Drill (c), issue 25: restart every app node one after another (SIGTERM, wait for it to exit, start it, wait until
# HAProxy has it UP again) under Open311 load and a signed-in officer: no request may end in a 5xx or without answer.
# The nodes stop with ASP.NET Core's own shutdown (in-flight requests finish); HAProxy notices a stopped node by its
# health check (CLUSTER_CHECK_PATH, 1 s apart, 2 failures) and retries a refused connection on another node.
#
# usage: bench/drill-rolling-restart.sh [RATE=200] [SECONDS=60]     (KEEP=1 leaves the cluster running)
source "$(dirname "$0")/drill-lib.sh"

rate=${1:-200}
seconds=${2:-60}

echo "== cluster: 3 nodes"
drill_cluster_up 3
echo "== load: Open311 at $rate/s for $seconds s, one signed-in officer; then node1, node2, node3 restarted in turn"
start_staff
start_load "$rate" "$seconds"
sleep 5
for i in 1 2 3; do
  t0=$(now)
  "$cluster" node-stop "$i"
  stopped=$(since "$t0")
  "$cluster" node-start "$i"
  up=$(wait_state app_nodes "node$i" UP 60)
  echo "   $(date +%T) node$i: stopped in $stopped s, started and UP in HAProxy after $(since "$t0") s"
  sleep 3
done
wait_load
stop_staff

echo "== results"
jq -r '"   Open311 \(.offered_rps)/s for \(.seconds) s: \(.ok) 2xx (\(.ok_rps)/s), p50 \(.ok_p50_ms) ms, p99 \(.ok_p99_ms) ms, max \(.ok_max_ms) ms; 5xx \(.r5xx), 429 \(.r429), no answer \(.errors), codes \(.codes | tostring)"' "$work/load.json"
echo "   staff session: $(staff_summary)"
staff_5xx=$(awk -F'\t' '$2 ~ /^5/ || $2 == "000"' "$work/staff.tsv" | wc -l)
jq -c --arg staff5xx "$staff_5xx" '{drill: "rolling-restart", rate: .offered_rps, seconds, ok, ok_p99_ms, r5xx, errors, staff_5xx: ($staff5xx | tonumber)}' "$work/load.json" | sed 's/^/RESULT /'
bad=$(jq '.r5xx + .errors' "$work/load.json")
if [ "$bad" = 0 ] && [ "$staff_5xx" = 0 ]; then echo "PASS: no 5xx and no unanswered request during the rolling restart"; exit 0; fi
echo "FAIL: $bad Open311 and $staff_5xx staff requests ended in a 5xx or without an answer"
exit 1
