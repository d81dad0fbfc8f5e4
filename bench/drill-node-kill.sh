#!/usr/bin/env bash
# Drill (a), issue 25: kill -9 one app node of three under Open311 load and staff traffic.
#   - Open311 reports at RATE/s, open loop, through HAProxy for SECONDS (LoadGen rate: the 2xx p99 of the run that
#     holds the kill), plus LoadGen crash-writer's acknowledged reports (each id fsync'd when answered 2xx);
#   - one signed-in officer asking for the worklist every 100 ms (the session must carry on on the other nodes);
#   - node2 gets SIGKILL at KILL_AT s, is started again REJOIN_AFTER s later and must be back in HAProxy.
# Afterwards every acknowledged service_request_id is looked up in the database with its own text.
# Exit 0 only when nothing acknowledged is missing, the session never lost its sign-in and the node rejoined.
#
# usage: bench/drill-node-kill.sh [RATE=300] [SECONDS=60]     (KEEP=1 leaves the cluster running)
#        bench/drill-node-kill.sh --ci                        (the small version CI runs: 100/s for 20 s)
#   REUSE=1 runs on a cluster already started with CLUSTER_LIFT_LIMITS=1 scripts/cluster.sh up
source "$(dirname "$0")/drill-lib.sh"

rate=${1:-300}
seconds=${2:-60}
if [ "${1:-}" = --ci ]; then rate=100; seconds=20; fi
kill_at=${KILL_AT:-$((seconds / 4))}
rejoin_after=${REJOIN_AFTER:-$((seconds / 4))}

echo "== cluster: 3 nodes (limits lifted: all load comes from 127.0.0.1)"
drill_cluster_up 3
echo "== load: Open311 at $rate/s for $seconds s, the acknowledged writer (4 workers), one signed-in officer"
start_writer 4
start_staff
start_load "$rate" "$seconds"
sleep $((3 + kill_at))

t_kill=$(now)
"$cluster" node-kill 2
echo "   $(date +%T) node2 killed (SIGKILL)"
down_after=$(wait_state app_nodes node2 DOWN 20)
echo "   HAProxy marked node2 DOWN after $down_after s"
sleep "$rejoin_after"
t_start=$(now)
"$cluster" node-start 2
started_in=$(since "$t_start")
up_after=$(wait_state app_nodes node2 UP 60)
echo "   node2 started again: /healthz after $started_in s, UP in HAProxy $up_after s later"

wait_load
sleep 1
stop_writer
stop_staff
check_acked

kill_epoch=$(printf '%.0f' "$t_kill")
staff_after_kill=$(awk -F'\t' -v k="$kill_epoch" '$1 >= k && $2 ~ /^2/ && $3 != "node2"' "$work/staff.tsv" | wc -l)
staff_signed_out=$(awk -F'\t' '$2 == 401 || $2 == 403 || $2 == 302' "$work/staff.tsv" | wc -l)
staff_by_node2_after=$(awk -F'\t' -v k="$kill_epoch" -v r="$(printf '%.0f' "$t_start")" '$1 >= r && $2 ~ /^2/ && $3 == "node2"' "$work/staff.tsv" | wc -l)

echo "== results"
jq -r '"   Open311 \(.offered_rps)/s for \(.seconds) s: \(.ok) 2xx (\(.ok_rps)/s), p50 \(.ok_p50_ms) ms, p99 \(.ok_p99_ms) ms, max \(.ok_max_ms) ms; 5xx \(.r5xx), 429 \(.r429), no answer \(.errors), dropped \(.dropped)"' "$work/load.json"
echo "   acknowledged writes: $acked_total, missing from the database: $acked_missing"
tail -n 1 "$work/writer.log" | sed 's/^/   writer: /'
echo "   staff session: $(staff_summary)"
echo "   staff 2xx from node1/node3 after the kill: $staff_after_kill; sign-in lost (401/403/302): $staff_signed_out; 2xx from node2 after it rejoined: $staff_by_node2_after"
echo "   node2: DOWN in HAProxy after $down_after s; restarted and UP again after $started_in + $up_after s"
jq -c --arg missing "$acked_missing" --arg acked "$acked_total" --arg down "$down_after" --arg up "$up_after" \
  '{drill: "node-kill", rate: .offered_rps, seconds, ok, ok_p99_ms, r5xx, errors, acked: ($acked | tonumber), missing: ($missing | tonumber), down_s: $down, rejoin_s: $up}' \
  "$work/load.json" | sed 's/^/RESULT /'

status=0
[ "$acked_missing" = 0 ] || { echo "FAIL: $acked_missing acknowledged writes are not in the database"; status=1; }
[ "$acked_total" -gt 0 ] || { echo "FAIL: nothing was acknowledged"; status=1; }
[ "$staff_signed_out" = 0 ] || { echo "FAIL: the officer's session was refused $staff_signed_out times"; status=1; }
[ "$staff_after_kill" -gt 0 ] || { echo "FAIL: the officer's session did not go on on the other nodes"; status=1; }
[ "$up_after" != never ] || { echo "FAIL: node2 did not rejoin"; status=1; }
[ "$status" = 0 ] && echo "PASS: 0 acknowledged writes lost, the session carried on, node2 rejoined"
exit "$status"
